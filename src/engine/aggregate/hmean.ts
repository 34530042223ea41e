/**
 * The weighted harmonic mean of the first `n` values: `sum(w) / sum(w / x)`. A zero value makes
 * the mean zero (its limit); a negative value gives `NaN` (COINr's `a_hmean`).
 *
 * @example
 * ```ts
 * hmean([100, 50], [1, 1], 2); //=> 66.66666666666667
 * ```
 */
export function hmean(values: ArrayLike<number>, weights: ArrayLike<number>, n: number): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    const w = weights[i] as number;
    if (x < 0) return Number.NaN;
    if (x === 0) return 0;
    sum += w / x;
    total += w;
  }
  return total / sum;
}
