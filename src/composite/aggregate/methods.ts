/**
 * The aggregation functions, one per COINr `a_*` function, over the available children of one
 * unit: `x` and `w` hold only the present values and their weights (COINr drops missing
 * children and rescales the weights of the others). The weighted means are `src/math/means.ts`'s,
 * shared with the scoring engine; methods over a whole period (Copeland) live here.
 * Internal to the aggregate step; exported for tests and for the uncertainty analysis.
 */
export { amean, genmean, gmean, hmean, median } from '../../math/means.js';

/**
 * Copeland scores of units over a set of indicators (COINr `a_copeland` via `outrankMatrix`).
 * For each pair of units, the outranking share is the rescaled weight of indicators where
 * the first is higher plus half of those where they tie (comparisons with a missing value
 * count for neither). A share above 1/2 scores +1, below 1/2 scores -1, exactly 1/2 scores 0;
 * a unit's score is the sum over every other unit. `cols[j][u]` is indicator j of unit u.
 * As COINr, the share of pair (v, u) for v after u is 1 minus that of (u, v).
 *
 * @example
 * ```ts
 * copeland([Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 3)], [1, 1]); //=> Float64Array [-2, 0, 2]
 * ```
 */
export function copeland(cols: readonly Float64Array[], w: readonly number[]): Float64Array {
  const nu = cols[0]?.length ?? 0;
  let ws = 0;
  for (const v of w) ws += v;
  const wn = w.map((v) => v / ws);
  const score = new Float64Array(nu);
  for (let a = 0; a < nu; a++) {
    for (let b = a + 1; b < nu; b++) {
      let s = 0;
      for (let j = 0; j < cols.length; j++) {
        const col = cols[j] as Float64Array;
        const xa = col[a] as number;
        const xb = col[b] as number;
        if (xa > xb) s += wn[j] as number;
        else if (xa === xb) s += (wn[j] as number) / 2;
      }
      const sab = s > 0.5 ? 1 : s < 0.5 ? -1 : 0;
      const t = 1 - s;
      const sba = t > 0.5 ? 1 : t < 0.5 ? -1 : 0;
      score[a] = (score[a] as number) + sab;
      score[b] = (score[b] as number) + sba;
    }
  }
  return score;
}
