import { createIssue, type Issue } from '../../errors/issue.js';
import type { Framework } from '../schema/framework.js';
import type { FrameworkNode } from '../schema/node.js';
import { indicatorsOf, isScoredIndicator, nodesOf } from './walk.js';

/** Scored indicators under a node, skipping sub-trees marked `scored: false`. */
function scoredUnder(node: FrameworkNode): number {
  if (node.scored === false) return 0;
  let n = (node.indicators ?? []).filter(isScoredIndicator).length;
  for (const child of node.children ?? []) n += scoredUnder(child);
  return n;
}

/**
 * Every scored aggregate (node, group, extra aggregate) must have at least one scored indicator
 * under it, or its score could never exist. Mark collected-only areas `scored: false`.
 *
 * @example
 * ```ts
 * checkAggregates(framework).map((i) => i.code); //=> ['AGGREGATE_EMPTY']
 * ```
 */
export function checkAggregates(framework: Framework): Issue[] {
  const issues: Issue[] = [];
  const byNode = new Map<string, number>();
  for (const { node, path } of nodesOf(framework)) {
    const n = scoredUnder(node);
    byNode.set(node.id, n);
    if (node.scored !== false && n === 0) {
      issues.push(createIssue('AGGREGATE_EMPTY', { id: node.id }, { path: [...path, 'id'] }));
    }
  }
  const groups = framework.groups ?? [];
  const byGroup = new Map<string, number>();
  const countGroup = (id: string, seen: Set<string>): number => {
    if (seen.has(id)) return 0;
    seen.add(id);
    const group = groups.find((g) => g.id === id);
    if (group?.scored === false) return 0;
    let n = 0;
    for (const d of framework.dimensions) if (d.parent === id) n += byNode.get(d.id) ?? 0;
    for (const g of groups) if (g.parent === id) n += countGroup(g.id, seen);
    return n;
  };
  groups.forEach((g, i) => {
    const n = countGroup(g.id, new Set());
    byGroup.set(g.id, n);
    if (g.scored !== false && n === 0) {
      issues.push(createIssue('AGGREGATE_EMPTY', { id: g.id }, { path: ['groups', i, 'id'] }));
    }
  });
  const indicators = indicatorsOf(framework);
  framework.aggregates?.forEach((a, i) => {
    let n = 0;
    for (const member of a.of) {
      n += byNode.get(member) ?? byGroup.get(member) ?? 0;
      n += indicators.filter(
        (v) =>
          isScoredIndicator(v.indicator) &&
          (v.indicator.id === member || v.indicator.stage === member),
      ).length;
    }
    if (n === 0) {
      issues.push(createIssue('AGGREGATE_EMPTY', { id: a.id }, { path: ['aggregates', i, 'id'] }));
    }
  });
  return issues;
}
