import { covariance, pearson, spearman } from '../../math/correlation.js';
import type { CompositeMeta, Dataset } from '../data/types.js';

/** Correlation type: Pearson on values, Spearman on (average) ranks. */
export type CorrelationMethod = 'pearson' | 'spearman';

/**
 * Correlation matrix of the given columns over pairwise complete rows (R `cor(use =
 * "pairwise.complete.obs")`, as COINr's `get_corr`). Spearman ranks the rows both columns
 * share with average ranks for ties (see `spearman` in `src/math/correlation.ts`). Values are
 * taken as the data set holds them: as in COINr, a raw data set keeps each indicator's own
 * orientation, and a normalised one already carries the directions.
 *
 * @example
 * ```ts
 * correlationMatrix(ds, ['a', 'b'], 'pearson'); //=> [[1, 0.93], [0.93, 1]]
 * ```
 */
export function correlationMatrix(
  ds: Dataset,
  codes: readonly string[],
  method: CorrelationMethod = 'pearson',
): number[][] {
  const n = ds.rows.length;
  const cols = codes.map((code) => {
    const c = ds.codes.indexOf(code);
    const x = c < 0 ? new Float64Array(n).fill(Number.NaN) : ds.values.slice(c * n, c * n + n);
    return x;
  });
  return cols.map((x, i) =>
    cols.map((y, j) => {
      if (i === j) return 1;
      return method === 'pearson' ? pearson(x, y) : spearman(x, y);
    }),
  );
}

/** A flagged pair of indicators inside one group. */
export interface CorrelationFlag {
  group: string;
  a: string;
  b: string;
  r: number;
  flag: 'collinear' | 'negative';
}

/**
 * Flags pairs of columns in the same aggregation group whose correlation is above `high`
 * (default 0.9: possible double counting) or below `low` (default -0.4: they pull the
 * aggregate apart), as COINr's `get_corr_flags` with `grouplev`. Groups are the parents of
 * the columns (or their ancestors at `level`).
 *
 * @example
 * ```ts
 * correlationFlags(data.meta, normalised, { level: 2 }); //=> [{ group: 'P2P', a: 'StMob', b: 'Tourist', r: 0.91, flag: 'collinear' }]
 * ```
 */
export function correlationFlags(
  meta: CompositeMeta,
  ds: Dataset,
  options: { level?: number; high?: number; low?: number; method?: CorrelationMethod } = {},
): CorrelationFlag[] {
  const level = options.level ?? 2;
  const high = options.high ?? 0.9;
  const low = options.low ?? -0.4;
  const groups = groupColumns(meta, ds, level);
  const out: CorrelationFlag[] = [];
  for (const [group, codes] of groups) {
    const m = correlationMatrix(ds, codes, options.method ?? 'pearson');
    for (let i = 0; i < codes.length; i++) {
      for (let j = i + 1; j < codes.length; j++) {
        const r = (m[i] as number[])[j] as number;
        if (r > high)
          out.push({ group, a: codes[i] as string, b: codes[j] as string, r, flag: 'collinear' });
        else if (r < low)
          out.push({ group, a: codes[i] as string, b: codes[j] as string, r, flag: 'negative' });
      }
    }
  }
  return out;
}

/**
 * Cronbach's alpha of a set of columns (COINr `get_cronbach`): with the covariance matrix over
 * pairwise complete rows (n - 1), alpha = k^2 * mean off-diagonal covariance / sum of all
 * covariances.
 *
 * @example
 * ```ts
 * cronbachAlpha(normalised, ['Goods', 'Services', 'FDI', 'PRemit', 'ForPort']); //=> 0.7
 * ```
 */
export function cronbachAlpha(ds: Dataset, codes: readonly string[]): number {
  const n = ds.rows.length;
  const cols = codes.map((code) => {
    const c = ds.codes.indexOf(code);
    return c < 0 ? new Float64Array(n).fill(Number.NaN) : ds.values.subarray(c * n, c * n + n);
  });
  const k = cols.length;
  let all = 0;
  let diag = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const cov = covariance(cols[i] as Float64Array, cols[j] as Float64Array);
      all += cov;
      if (i === j) diag += cov;
    }
  }
  const offMean = (all - diag) / (k * (k - 1));
  return (k * k * offMean) / all;
}

/** The data set's columns grouped by their ancestor at `level` (columns at or above it left out). */
function groupColumns(meta: CompositeMeta, ds: Dataset, level: number): Map<string, string[]> {
  const byCode = new Map(meta.nodes.map((x) => [x.code, x]));
  const groupOf = (code: string) => {
    let node = byCode.get(code);
    const start = node?.level ?? 1;
    if (start >= level) return undefined;
    while (node && node.level < level) node = node.parent ? byCode.get(node.parent) : undefined;
    return node?.level === level ? node.code : undefined;
  };
  const groups = new Map<string, string[]>();
  for (const code of ds.codes) {
    const g = groupOf(code);
    if (g === undefined) continue;
    const list = groups.get(g) ?? [];
    list.push(code);
    groups.set(g, list);
  }
  return groups;
}

/**
 * Cronbach's alpha of every aggregation group at `level` (default 2), over the group's
 * columns in the data set (see {@link cronbachAlpha}); COINr's `get_cronbach` per group.
 *
 * @example
 * ```ts
 * cronbachByGroup(data.meta, normalised); //=> { ConEcFin: 0.62, Environ: 0.41, ... }
 * ```
 */
export function cronbachByGroup(
  meta: CompositeMeta,
  ds: Dataset,
  level = 2,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [group, codes] of groupColumns(meta, ds, level)) {
    if (codes.length > 1) out[group] = cronbachAlpha(ds, codes);
  }
  return out;
}
