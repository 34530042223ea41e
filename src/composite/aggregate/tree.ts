import type { CompositeMeta } from '../data/types.js';

/** One aggregate and the children it combines, with their iMeta weights. */
export interface AggregateGroup {
  code: string;
  level: number;
  children: string[];
  weights: number[];
}

/**
 * The aggregation plan of a composite: for each level from 2 up, its aggregates, sorted by
 * code (COINr aggregates with `tapply` over the parent codes, which sorts them), each with its
 * children in iMeta order. Computed once and reused by every re-run.
 *
 * @example
 * ```ts
 * aggregationTree(meta)[0]; //=> { code: 'ConEcFin', level: 2, children: ['Goods', ...], weights: [1, ...] }
 * ```
 */
export function aggregationTree(
  meta: CompositeMeta,
  weights?: Readonly<Record<string, number>>,
): AggregateGroup[] {
  const maxLevel = Math.max(1, ...meta.nodes.map((x) => x.level));
  const out: AggregateGroup[] = [];
  for (let level = 2; level <= maxLevel; level++) {
    const parents = meta.nodes
      .filter((x) => x.level === level)
      .map((x) => x.code)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const code of parents) {
      const kids = meta.nodes.filter((x) => x.parent === code && x.level === level - 1);
      out.push({
        code,
        level,
        children: kids.map((k) => k.code),
        weights: kids.map((k) => weights?.[k.code] ?? k.weight),
      });
    }
  }
  return out;
}
