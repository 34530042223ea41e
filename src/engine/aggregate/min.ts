/**
 * The smallest of the first `n` values; weights play no part (a "weakest link" aggregate).
 *
 * @example
 * ```ts
 * min([70, 40, 90], [1, 1, 1], 3); //=> 40
 * ```
 */
export function min(values: ArrayLike<number>, _weights: ArrayLike<number>, n: number): number {
  let m = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (x < m) m = x;
  }
  return m;
}
