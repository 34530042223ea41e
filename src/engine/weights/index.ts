/**
 * Weight overrides for one run: "what if housing counted twice". The framework stays as
 * written; the run scores a copy whose named nodes carry the new weights.
 */
import { closest } from 'fastest-levenshtein';
import { firstProblem, frameworkProblem, invalidArgument, isRecord } from '../../errors/args.js';
import { createIssue, type Issue } from '../../errors/issue.js';
import type { Framework } from '../../framework/schema/framework.js';
import type { FrameworkNode } from '../../framework/schema/node.js';

/**
 * Weights by node id for one run, overriding the framework's: a dimension, a group, a stage,
 * an indicator or a sub-question. A weight is relative to its siblings (renormalised among
 * them), so `2` makes a node count twice as much as a sibling of weight 1, and `0` leaves it out
 * of every parent it enters (the dimension's cells leave the stage scores too).
 *
 * @example
 * ```ts
 * const weights: WeightOverrides = { housing: 2, health: 0 };
 * ```
 */
export type WeightOverrides = Readonly<Record<string, number>>;

/**
 * Returns a copy of `framework` with the weights of the named nodes replaced, or coded issues:
 * `SCORE_WEIGHT_UNKNOWN_NODE` for an id the framework lacks (with the closest id), and
 * `SCORE_WEIGHT_INVALID` for a weight that is negative or not a finite number. Ids may be a
 * node's aliases. Pure: `framework` is not modified, and untouched parts are shared.
 *
 * @example
 * ```ts
 * const r = applyWeights(framework, { housing: 2 });
 * if (r.ok) r.value.dimensions?.find((d) => d.id === 'housing')?.weight; //=> 2
 * applyWeights(framework, { housng: 2 }); //=> { ok: false, issues: [{ code: 'SCORE_WEIGHT_UNKNOWN_NODE', ... }] }
 * ```
 */
export function applyWeights(
  framework: Framework,
  overrides: WeightOverrides,
): { ok: true; value: Framework } | { ok: false; issues: Issue[] } {
  const bad = firstProblem(
    frameworkProblem('applyWeights', 'framework', framework),
    isRecord(overrides)
      ? undefined
      : invalidArgument(
          'applyWeights',
          'overrides',
          'weights by node id or alias ({ [id]: number })',
          overrides,
        ),
  );
  if (bad) return { ok: false, issues: [bad] };
  const issues: Issue[] = [];
  for (const [id, weight] of Object.entries(overrides)) {
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      issues.push(
        createIssue('SCORE_WEIGHT_INVALID', { node: id, weight }, { path: ['weights', id] }),
      );
    }
  }
  const used = new Set<string>();
  const known: string[] = [];
  const weightOf = (id: string, aliases: readonly string[] | undefined): number | undefined => {
    known.push(id);
    for (const name of [id, ...(aliases ?? [])]) {
      if (Object.hasOwn(overrides, name)) {
        used.add(name);
        return overrides[name];
      }
    }
    return undefined;
  };
  const reweigh = <T extends { id: string; weight: number; aliases?: string[] | undefined }>(
    item: T,
  ): T => {
    const w = weightOf(item.id, item.aliases);
    return w === undefined ? item : { ...item, weight: w };
  };
  const node = (n: FrameworkNode): FrameworkNode => {
    const own = reweigh(n);
    const children = n.children?.map(node);
    const indicators = n.indicators?.map((ind) => {
      const i = reweigh(ind);
      const subquestions = ind.subquestions?.map(reweigh);
      return subquestions ? { ...i, subquestions } : i;
    });
    return {
      ...own,
      ...(children ? { children } : {}),
      ...(indicators ? { indicators } : {}),
    };
  };
  const value: Framework = {
    ...framework,
    ...(framework.groups ? { groups: framework.groups.map(reweigh) } : {}),
    ...(framework.stages ? { stages: framework.stages.map(reweigh) } : {}),
    ...(framework.dimensions ? { dimensions: framework.dimensions.map(node) } : {}),
  };
  for (const id of Object.keys(overrides)) {
    if (!used.has(id)) {
      issues.push(
        createIssue(
          'SCORE_WEIGHT_UNKNOWN_NODE',
          { node: id, suggestion: known.length > 0 ? closest(id, known) : undefined },
          { path: ['weights', id] },
        ),
      );
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}
