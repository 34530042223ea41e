/**
 * The weighted geometric mean of the first `n` values: `exp(sum(w ln x) / sum(w))`. A zero value
 * makes the mean zero (its limit); a negative value has no geometric mean and gives `NaN`
 * (COINr's `a_gmean` likewise requires positive values).
 *
 * @example
 * ```ts
 * gmean([100, 25], [1, 1], 2); //=> 50
 * ```
 */
export function gmean(values: ArrayLike<number>, weights: ArrayLike<number>, n: number): number {
  let sum = 0;
  let total = 0;
  let zero = false;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    const w = weights[i] as number;
    if (x < 0) return Number.NaN;
    if (x === 0) zero = true;
    else sum += w * Math.log(x);
    total += w;
  }
  return zero ? 0 : Math.exp(sum / total);
}
