import {
  frameworkProblem,
  invalidArgument,
  isRecord,
  stringArrayProblem,
  throwIfAny,
} from '../errors/args.js';
import { createIssue, type Issue } from '../errors/issue.js';
import type { Framework } from '../framework/schema/framework.js';
import { indicatorsOf } from '../framework/validate/walk.js';
import { inEdition } from './check.js';

/**
 * Which indicators of a framework's edition an old period cannot be compared on, and which are
 * re-scored for it, from the framework's `changes` and its indicators' `editions`.
 */
export interface PeriodComparability {
  period: string;
  /** The edition whose questionnaire the period's answers follow. */
  edition: string;
  /**
   * Not comparable: added since that edition, re-scored with `compare: omit`, or whose
   * `editions` list leaves that edition out.
   */
  notComparable: string[];
  /** Re-scored with `compare: replace`: comparable within this edition, not with old publications. */
  rescored: string[];
}

/**
 * For each of `periods` answered under an earlier edition (listed in `changes.periods`), the
 * indicators it cannot be compared on and those re-scored for it. Periods of the current edition
 * are left out.
 *
 * @example
 * ```ts
 * comparability(niem, ['2019', '2021']);
 * //=> [{ period: '2019', edition: '2019', notComparable: ['emp_ic_staff', ...], rescored: ['hea_pf_interpretation'] }]
 * ```
 */
export function comparability(
  framework: Framework,
  periods: readonly string[],
): PeriodComparability[] {
  throwIfAny(
    frameworkProblem('comparability', 'framework', framework),
    stringArrayProblem('comparability', 'periods', periods),
  );
  const changes = framework.changes;
  if (!changes?.periods) return [];
  const old = new Set(changes.periods);
  const since = changes.since;
  const notComparable = new Set<string>(changes.added ?? []);
  const rescored: string[] = [];
  for (const r of changes.rescored ?? []) {
    if (r.compare === 'omit') notComparable.add(r.id);
    else if (r.compare === 'replace') rescored.push(r.id);
  }
  for (const { indicator } of indicatorsOf(framework)) {
    if (inEdition(indicator, framework.edition) && !inEdition(indicator, since)) {
      notComparable.add(indicator.id);
    }
  }
  return periods
    .filter((p) => old.has(p))
    .map((period) => ({
      period,
      edition: since,
      notComparable: [...notComparable],
      rescored: [...rescored],
    }));
}

/**
 * The warnings `score` puts on a result when it scores periods answered under an earlier
 * edition: `EDITION_PERIOD_NOT_COMPARABLE` and `EDITION_PERIOD_RESCORED`, with the ids in
 * `params.ids`.
 *
 * @example
 * ```ts
 * editionWarnings(niem, ['2019']).map((i) => i.code);
 * //=> ['EDITION_PERIOD_NOT_COMPARABLE', 'EDITION_PERIOD_RESCORED']
 * ```
 */
export function editionWarnings(framework: Framework, periods: readonly string[]): Issue[] {
  throwIfAny(
    frameworkProblem('editionWarnings', 'framework', framework),
    stringArrayProblem('editionWarnings', 'periods', periods),
  );
  const issues: Issue[] = [];
  for (const c of comparability(framework, periods)) {
    const params = { period: c.period, since: c.edition, edition: framework.edition };
    if (c.notComparable.length > 0) {
      issues.push(
        createIssue(
          'EDITION_PERIOD_NOT_COMPARABLE',
          { ...params, ids: c.notComparable },
          { severity: 'warning', path: ['changes'] },
        ),
      );
    }
    if (c.rescored.length > 0) {
      issues.push(
        createIssue(
          'EDITION_PERIOD_RESCORED',
          { ...params, ids: c.rescored },
          { severity: 'warning', path: ['changes'] },
        ),
      );
    }
  }
  return issues;
}

/**
 * One warning per retired indicator whose answers were rejected as unknown
 * (`SCORE_UNKNOWN_INDICATOR`): the id is not a typo but an indicator the framework's `changes`
 * say this edition retired. Answer files of old rounds often still hold such rows.
 *
 * @example
 * ```ts
 * retiredAnswerWarnings(niem, result.issues).map((i) => i.params?.id); //=> ['emp_lf_work_permit']
 * ```
 */
export function retiredAnswerWarnings(
  framework: Framework,
  issues: readonly { code: string; params?: Record<string, unknown> | undefined }[],
): Issue[] {
  throwIfAny(
    frameworkProblem('retiredAnswerWarnings', 'framework', framework),
    Array.isArray(issues) && issues.every((i) => isRecord(i) && typeof i.code === 'string')
      ? undefined
      : invalidArgument('retiredAnswerWarnings', 'issues', 'an array of issues', issues),
  );
  const retired = new Set(framework.changes?.retired ?? []);
  if (retired.size === 0) return [];
  const counts = new Map<string, number>();
  for (const issue of issues) {
    const id = issue.params?.indicator;
    if (issue.code === 'SCORE_UNKNOWN_INDICATOR' && typeof id === 'string' && retired.has(id)) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  const since = framework.changes?.since ?? '';
  return [...counts].map(([id, count]) =>
    createIssue(
      'EDITION_RETIRED_ANSWERS',
      { id, count, edition: framework.edition, since },
      { severity: 'warning', path: ['changes', 'retired', [...retired].indexOf(id)] },
    ),
  );
}

/**
 * The periods of a result to treat as answered under an earlier edition: those the framework's
 * `changes.periods` lists, except a period whose answers include an indicator new in this
 * edition (added since `changes.since`, or whose `editions` list leaves the earlier edition
 * out). Such answers could not come from the earlier questionnaire, so the period was answered
 * with this edition's (as the fictional NIEM example is) and compares without caveat.
 *
 * @example
 * ```ts
 * oldEditionPeriods(niem, result); //=> ['2017', '2019'] for answers that follow edition 2019, [] for the example
 * ```
 */
export function oldEditionPeriods(
  framework: Framework,
  result: {
    periods: readonly { id: string }[];
    rows: { period: ArrayLike<number> };
    nodes: readonly { id: string; answer?: readonly (number | null)[] | undefined }[];
  },
): string[] {
  const changes = framework.changes;
  if (!changes?.periods) return [];
  const declared = new Set(changes.periods);
  const added = new Set(changes.added ?? []);
  for (const { indicator } of indicatorsOf(framework)) {
    if (inEdition(indicator, framework.edition) && !inEdition(indicator, changes.since)) {
      added.add(indicator.id);
    }
  }
  const answeredNew = new Set<number>();
  for (const node of result.nodes) {
    if (!added.has(node.id) || !node.answer) continue;
    node.answer.forEach((a, r) => {
      if (a !== null) answeredNew.add(result.rows.period[r] as number);
    });
  }
  return result.periods
    .map((p, i) => ({ id: p.id, i }))
    .filter(({ id, i }) => declared.has(id) && !answeredNew.has(i))
    .map(({ id }) => id);
}
