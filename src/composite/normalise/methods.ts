import { rankMin } from '../../math/rank.js';
import { meanOf, rangeOf, sdOf } from '../../math/summary.js';

/**
 * The normalisation functions, one per COINr `n_*` function. Each maps a vector that already
 * carries the indicator's direction (values times +1 or -1) into a new vector; `NaN` stays
 * missing. They read and write flat arrays so the pipeline can re-run them cheaply.
 */

/**
 * Min-max to [l, u] (COINr `n_minmax`): (x - min) / (max - min) * (u - l) + l. A constant
 * vector gives NaN, as in R.
 *
 * @example
 * ```ts
 * minmax(Float64Array.of(1, 2, 3), 0, 100); //=> Float64Array [0, 50, 100]
 * ```
 */
export function minmax(x: Float64Array, l: number, u: number): Float64Array {
  const [mn, mx] = rangeOf(x);
  const y = new Float64Array(x.length);
  // The same operation order as R's (x - min) / (max - min) * (u - l) + l.
  for (let i = 0; i < x.length; i++) y[i] = (((x[i] as number) - mn) / (mx - mn)) * (u - l) + l;
  return y;
}

/**
 * Z-score with mean `m` and standard deviation `s` (COINr `n_zscore`), using the sample
 * standard deviation (n - 1), as R's `sd`.
 *
 * @example
 * ```ts
 * zscore(Float64Array.of(1, 2, 3), 0, 1); //=> Float64Array [-1, 0, 1]
 * ```
 */
export function zscore(x: Float64Array, m: number, s: number): Float64Array {
  const mean = meanOf(x);
  const sd = sdOf(x);
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = (((x[i] as number) - mean) / sd) * s + m;
  return y;
}

/**
 * Scaled by fixed bounds (COINr `n_scaled`): (x - lower) / (upper - lower) * factor.
 *
 * @example
 * ```ts
 * scaled(Float64Array.of(5), 0, 10, 100); //=> Float64Array [50]
 * ```
 */
export function scaled(
  x: Float64Array,
  lower: number,
  upper: number,
  factor: number,
): Float64Array {
  return x.map((v) => ((v - lower) / (upper - lower)) * factor);
}

/**
 * Distance to the maximum (COINr `n_dist2max`): 1 - (max - x) / (max - min).
 *
 * @example
 * ```ts
 * dist2max(Float64Array.of(0, 5, 10)); //=> Float64Array [0, 0.5, 1]
 * ```
 */
export function dist2max(x: Float64Array): Float64Array {
  const [mn, mx] = rangeOf(x);
  return x.map((v) => 1 - (mx - v) / (mx - mn));
}

/**
 * Distance to a reference value (COINr `n_dist2ref`): 1 - (ref - x) / (ref - min), capped at 1
 * with `capMax`.
 *
 * @example
 * ```ts
 * dist2ref(Float64Array.of(0, 5, 10), 5, true); //=> Float64Array [0, 1, 1]
 * ```
 */
export function dist2ref(x: Float64Array, ref: number, capMax: boolean): Float64Array {
  const [mn] = rangeOf(x);
  return x.map((v) => {
    const y = 1 - (ref - v) / (ref - mn);
    return capMax && y > 1 ? 1 : y;
  });
}

/**
 * Distance to a target (COINr `n_dist2targ` with the direction already applied to both the
 * values and the target, as `Normalise` does): (x - min) / (target - min), capped at 1 with
 * `capMax`.
 *
 * @example
 * ```ts
 * dist2targ(Float64Array.of(0, 5, 10), 5, false); //=> Float64Array [0, 1, 2]
 * ```
 */
export function dist2targ(x: Float64Array, target: number, capMax: boolean): Float64Array {
  const [mn] = rangeOf(x);
  return x.map((v) => {
    const y = (v - mn) / (target - mn);
    return capMax && y > 1 ? 1 : y;
  });
}

/**
 * Fraction of the maximum (COINr `n_fracmax`): x / max.
 *
 * @example
 * ```ts
 * fracmax(Float64Array.of(1, 4)); //=> Float64Array [0.25, 1]
 * ```
 */
export function fracmax(x: Float64Array): Float64Array {
  const [, mx] = rangeOf(x);
  return x.map((v) => v / mx);
}

/**
 * Goalposts (COINr `n_goalposts`): (x - lo) / (hi - lo), clamped to [0, 1] when `truncate`,
 * times `scale`. For direction -1 the caller passes (-upper, -lower), as COINr's
 * `get_iMeta_norm_paras` does, so the upper goalpost maps to 0.
 *
 * @example
 * ```ts
 * goalposts(Float64Array.of(-5, 5, 15), 0, 10, 100, true); //=> Float64Array [0, 50, 100]
 * ```
 */
export function goalposts(
  x: Float64Array,
  lo: number,
  hi: number,
  scale: number,
  truncate: boolean,
): Float64Array {
  return x.map((v) => {
    let y = (v - lo) / (hi - lo);
    if (truncate) y = y > 1 ? 1 : Math.max(y, 0);
    return y * scale;
  });
}

/**
 * Ranks, lowest value 1, ties sharing the smallest rank (COINr `n_rank`, R `rank(ties.method =
 * "min")`).
 *
 * @example
 * ```ts
 * rank(Float64Array.of(3, 1, 3)); //=> Float64Array [2, 1, 2]
 * ```
 */
export function rank(x: Float64Array): Float64Array {
  return rankMin(x);
}

/**
 * Borda scores: rank minus 1 (COINr `n_borda`).
 *
 * @example
 * ```ts
 * borda(Float64Array.of(3, 1, 3)); //=> Float64Array [1, 0, 1]
 * ```
 */
export function borda(x: Float64Array): Float64Array {
  return rankMin(x).map((r) => r - 1);
}

/**
 * Percentile ranks: (rank - 1) / (available - 1) (COINr `n_prank`), in [0, 1].
 *
 * @example
 * ```ts
 * prank(Float64Array.of(3, 1, 2)); //=> Float64Array [1, 0, 0.5]
 * ```
 */
export function prank(x: Float64Array): Float64Array {
  const r = rankMin(x);
  let k = 0;
  for (const v of x) if (!Number.isNaN(v)) k++;
  return r.map((v) => (v - 1) / (k - 1));
}
