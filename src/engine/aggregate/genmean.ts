import { gmean } from './gmean.js';

/**
 * The weighted generalised (power) mean of the first `n` values with exponent `p`:
 * `(sum(w x^p) / sum(w))^(1/p)`; `p = 1` is the arithmetic mean, `p = -1` the harmonic, and
 * `p = 0` is taken as its limit, the geometric mean (COINr's `a_genmean`). Negative values give
 * `NaN`; with `p < 0` a zero value gives zero.
 *
 * @example
 * ```ts
 * genmean([100, 0], [1, 1], 2, 2); //=> 70.71067811865476
 * ```
 */
export function genmean(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  n: number,
  p: number,
): number {
  if (p === 0) return gmean(values, weights, n);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    const w = weights[i] as number;
    if (x < 0) return Number.NaN;
    if (x === 0 && p < 0) return 0;
    sum += w * x ** p;
    total += w;
  }
  return (sum / total) ** (1 / p);
}
