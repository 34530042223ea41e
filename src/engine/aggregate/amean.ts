/**
 * The weighted arithmetic mean of the first `n` values: `sum(w x) / sum(w)`. Weights are
 * relative; dividing by their sum renormalises them over the children present (COINr's
 * `a_amean`).
 *
 * @example
 * ```ts
 * amean([100, 50, 0], [1, 1, 2], 3); //=> 37.5
 * ```
 */
export function amean(values: ArrayLike<number>, weights: ArrayLike<number>, n: number): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    sum += w * (values[i] as number);
    total += w;
  }
  return sum / total;
}
