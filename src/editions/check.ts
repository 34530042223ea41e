import { frameworkProblem, throwIfAny } from '../errors/args.js';
import { createIssue, type Issue } from '../errors/issue.js';
import type { Framework } from '../framework/schema/framework.js';
import { indicatorsOf } from '../framework/validate/walk.js';

/**
 * Whether an indicator belongs to `edition`: it does unless its `editions` list leaves it out.
 *
 * @example
 * ```ts
 * inEdition({ editions: ['2019'] }, '2021'); //=> false
 * inEdition({}, '2021');                     //=> true
 * ```
 */
export function inEdition(
  indicator: { editions?: readonly string[] | undefined },
  edition: string,
) {
  return indicator.editions === undefined || indicator.editions.includes(edition);
}

/**
 * Checks a framework's `changes`: the previous edition differs from this one; added, re-worded
 * and re-scored ids are indicators of this edition; retired ids are not; no id is listed twice
 * (except re-worded and re-scored, which go together);
 * `periods` are the framework's periods. Issue paths point into `changes`, so the loader reports
 * the line of the offending id.
 *
 * @example
 * ```ts
 * checkEditions({ ...framework, changes: { since: '2019', added: ['nope'] } })[0]?.code;
 * //=> 'EDITION_UNKNOWN_INDICATOR'
 * ```
 */
export function checkEditions(framework: Framework): Issue[] {
  throwIfAny(frameworkProblem('checkEditions', 'framework', framework));
  const changes = framework.changes;
  if (!changes) return [];
  const issues: Issue[] = [];
  if (changes.since === framework.edition) {
    issues.push(
      createIssue('EDITION_SINCE_SAME', { edition: changes.since }, { path: ['changes', 'since'] }),
    );
  }
  const all = new Set<string>();
  const active = new Set<string>();
  for (const { indicator } of indicatorsOf(framework)) {
    all.add(indicator.id);
    if (inEdition(indicator, framework.edition)) active.add(indicator.id);
  }
  // An indicator may be both re-worded and re-scored; added and retired exclude everything else.
  const seen = new Map<string, string[]>();
  const note = (id: string, list: string, path: (string | number)[]): boolean => {
    const before = seen.get(id) ?? [];
    const compatible =
      before.length === 0 ||
      (before.length === 1 &&
        ((before[0] === 'reworded' && list === 'rescored') ||
          (before[0] === 'rescored' && list === 'reworded')));
    seen.set(id, [...before, list]);
    if (!compatible) {
      issues.push(createIssue('EDITION_CONFLICT', { id, lists: [...before, list] }, { path }));
      return false;
    }
    return true;
  };
  const present = (ids: readonly string[] | undefined, list: string, key: string): void => {
    ids?.forEach((id, i) => {
      const path = ['changes', key, i];
      if (note(id, list, path) && !active.has(id)) {
        issues.push(createIssue('EDITION_UNKNOWN_INDICATOR', { id, list }, { path }));
      }
    });
  };
  present(changes.added, 'added', 'added');
  present(changes.reworded, 'reworded', 'reworded');
  changes.rescored?.forEach((r, i) => {
    const path = ['changes', 'rescored', i, 'id'];
    if (note(r.id, 'rescored', path) && !active.has(r.id)) {
      issues.push(
        createIssue('EDITION_UNKNOWN_INDICATOR', { id: r.id, list: 'rescored' }, { path }),
      );
    }
  });
  changes.retired?.forEach((id, i) => {
    const path = ['changes', 'retired', i];
    if (note(id, 'retired', path) && active.has(id)) {
      issues.push(createIssue('EDITION_RETIRED_PRESENT', { id }, { path }));
    }
  });
  const periods = framework.periods.map((p) => p.id);
  changes.periods?.forEach((period, i) => {
    if (!periods.includes(period)) {
      issues.push(
        createIssue(
          'EDITION_UNKNOWN_PERIOD',
          { period, periods },
          { path: ['changes', 'periods', i] },
        ),
      );
    }
  });
  return issues;
}
