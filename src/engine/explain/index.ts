import { closest } from 'fastest-levenshtein';
import {
  firstProblem,
  invalidArgument,
  isRecord,
  optionsProblem,
  resultProblem,
} from '../../errors/args.js';
import {
  createIssue,
  IntegrationIndexError,
  type Issue,
  type SafeResult,
} from '../../errors/issue.js';
import { isAdditive } from '../aggregate/index.js';
import { coverageAt, findRow } from '../result/rows.js';
import type { NodeResult, ScoreResult } from '../result/schema.js';

/** What {@link explain} is asked: a unit, a period and optionally the node to start from. */
export interface ExplainQuery {
  unit: string;
  period: string;
  /** A node id; the overall node by default. */
  node?: string | undefined;
}

/** The answer behind an indicator or sub-question score. */
export interface ExplainedAnswer {
  /** As written; null for no data. */
  answer: string | number | boolean | null;
  /** The option code(s) it matched, and their label(s). */
  option: string | null;
  label: string | null;
  source: string | null;
  comment: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** Who answered, the review state, who reviewed and when; null where the file does not say. */
  expert: string | null;
  status: string | null;
  reviewer: string | null;
  reviewedOn: string | null;
  file: string;
  row: number;
  line: number;
}

/** One node of an explanation tree. */
export interface ExplainedNode {
  id: string;
  title: string;
  kind: NodeResult['kind'];
  level: string;
  stage: string | null;
  /** Full precision; null when empty. */
  score: number | null;
  /** A raw value reported instead of a score (`numeric` without goalposts). */
  value: number | null;
  reason: string | null;
  rank: number | null;
  /** How many units have a score for this node in the period (the rank's denominator). */
  ranked: number;
  /** Whether the node enters its parent's score. */
  scored: boolean;
  /** Its weight in its parent as written, and renormalised over the children present (null if absent). */
  weight: number | null;
  share: number | null;
  /** `share x score`, which sums to the parent's score for a weighted arithmetic mean; else null. */
  contribution: number | null;
  method: string | null;
  coverage: { answered: number; notApplicable: number; missing: number; expected: number } | null;
  rule: string | null;
  answer: ExplainedAnswer | null;
  children: ExplainedNode[];
}

/**
 * Explains one score: the tree from a node (the overall score by default) down to the answers,
 * for one unit and period. For each aggregate: its children with their score, weight, share
 * (weight renormalised over the children present) and contribution; for each indicator: the
 * answer, option, source, comment, rule and where the answer was read. Unscored nodes (an
 * unscored dimension, an outcome indicator) appear under their parent, marked, without a weight.
 * Returns issues for an unknown unit, period or node.
 *
 * @example
 * ```ts
 * const r = safeExplain(result, { unit: 'XA', period: '2019', node: 'residency' });
 * if (r.ok) r.value.children.map((c) => [c.id, c.contribution]);
 * ```
 */
export function safeExplain(result: ScoreResult, query: ExplainQuery): SafeResult<ExplainedNode> {
  const bad = firstProblem(
    resultProblem('explain', 'result', result),
    isRecord(query) && typeof query.unit === 'string' && typeof query.period === 'string'
      ? optionsProblem('explain', 'query', query, {
          unit: 'string',
          period: 'string',
          node: 'string',
        })
      : invalidArgument(
          'explain',
          'query',
          'a query { unit: string, period: string, node?: string }',
          query,
        ),
  );
  if (bad) return { ok: false, issues: [bad] };
  const issues: Issue[] = [];
  if (!result.units.includes(query.unit)) {
    issues.push(createIssue('SCORE_UNKNOWN_UNIT', { unit: query.unit, units: result.units }));
  }
  const periodIds = result.periods.map((p) => p.id);
  if (!periodIds.includes(query.period)) {
    issues.push(
      createIssue('SCORE_PERIOD_NOT_SCORED', { period: query.period, periods: periodIds }),
    );
  }
  const byId = new Map(result.nodes.map((n) => [n.id, n]));
  const rootId = query.node ?? result.rootId;
  const root = byId.get(rootId);
  if (!root) {
    issues.push(
      createIssue('SCORE_UNKNOWN_NODE', {
        node: rootId,
        suggestion: closest(rootId, [...byId.keys()]),
      }),
    );
  }
  if (issues.length > 0 || !root) return { ok: false, issues };
  const r = findRow(result, query.unit, query.period);
  if (r < 0)
    return {
      ok: false,
      issues: [createIssue('SCORE_NO_ROW', { unit: query.unit, period: query.period })],
    };
  const periodRows: number[] = [];
  for (let k = 0; k < result.rows.period.length; k++) {
    if (result.rows.period[k] === result.rows.period[r]) periodRows.push(k);
  }

  const unscoredUnder = new Map<string, NodeResult[]>();
  for (const n of result.nodes) {
    if (n.scored || n.parent === null || n.kind === 'aggregate') continue;
    const list = unscoredUnder.get(n.parent) ?? [];
    list.push(n);
    unscoredUnder.set(n.parent, list);
  }
  const build = (
    node: NodeResult,
    weight: number | null,
    share: number | null,
    additive: boolean,
  ): ExplainedNode => {
    const score = node.score[r] ?? null;
    let answer: ExplainedAnswer | null = null;
    const a = node.answer?.[r];
    if (a !== undefined && a !== null) {
      const option = result.answers.option[a] ?? null;
      const labels =
        option === null
          ? null
          : option
              .split(/[|;,]/)
              .map((code) => node.rule?.options?.find((o) => o.code === code)?.label ?? code)
              .join(' | ');
      answer = {
        answer: result.answers.answer[a] ?? null,
        option,
        label: labels,
        source: result.answers.source[a] ?? null,
        comment: result.answers.comment[a] ?? null,
        validFrom: result.answers.validFrom[a] ?? null,
        validTo: result.answers.validTo[a] ?? null,
        expert: result.answers.expert?.[a] ?? null,
        status: result.answers.status?.[a] ?? null,
        reviewer: result.answers.reviewer?.[a] ?? null,
        reviewedOn: result.answers.reviewedOn?.[a] ?? null,
        file: result.files[result.answers.file[a] as number] ?? '',
        row: result.answers.row[a] ?? 0,
        line: result.answers.line[a] ?? 0,
      };
    }
    // Children: an aggregate's children, or a combining rule's inputs.
    const edges: { node: NodeResult; weight: number | null }[] = [];
    if (node.kind === 'indicator' || node.kind === 'subquestion') {
      for (const input of node.rule?.inputs ?? []) {
        const child = byId.get(`${node.id}.${input}`) ?? byId.get(input);
        if (child) edges.push({ node: child, weight: null });
      }
    } else {
      for (const c of node.children) {
        const child = byId.get(c.id);
        if (child) edges.push({ node: child, weight: c.weight });
      }
      // Unscored nodes under this one (reported, never counted) come last, without a weight.
      for (const child of unscoredUnder.get(node.id) ?? [])
        edges.push({ node: child, weight: null });
    }
    let present = 0;
    for (const e of edges) if (e.weight !== null && e.node.score[r] != null) present += e.weight;
    const childAdditive = node.method !== null && isAdditive(node.method as never);
    const children = edges.map((e) =>
      build(
        e.node,
        e.weight,
        e.weight !== null && e.node.score[r] != null && present > 0 ? e.weight / present : null,
        childAdditive,
      ),
    );
    let ranked = 0;
    for (const k of periodRows) if (node.score[k] != null) ranked++;
    return {
      id: node.id,
      title: node.title,
      kind: node.kind,
      level: node.level,
      stage: node.stage,
      score,
      value: node.value?.[r] ?? null,
      reason: node.reason[r] ?? null,
      rank: node.rank[r] ?? null,
      ranked,
      scored: node.scored,
      weight,
      share,
      contribution: additive && share !== null && score !== null ? share * score : null,
      method: node.method,
      coverage: coverageAt(node, r),
      rule: node.rule?.kind ?? null,
      answer,
      children,
    };
  };
  return { ok: true, value: build(root, null, null, false), warnings: [] };
}

/**
 * Like {@link safeExplain}, throwing an {@link IntegrationIndexError} for an unknown unit,
 * period or node.
 *
 * @example
 * ```ts
 * explain(result, { unit: 'XA', period: '2019' }).score; //=> 65.3125
 * ```
 */
export function explain(result: ScoreResult, query: ExplainQuery): ExplainedNode {
  const r = safeExplain(result, query);
  if (!r.ok) throw new IntegrationIndexError(r.issues);
  return r.value;
}
