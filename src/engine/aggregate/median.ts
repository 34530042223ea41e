/**
 * The weighted median of the first `n` values: sort them, and take the value where the running
 * weight first reaches half the total; when it reaches exactly half, the mean of that value and
 * the next. With equal weights this is the ordinary median (the mean of the two middle values
 * for an even count).
 *
 * @example
 * ```ts
 * median([0, 100, 50, 25], [1, 1, 1, 1], 4); //=> 37.5
 * median([0, 100], [1, 3], 2);              //=> 100
 * ```
 */
export function median(values: ArrayLike<number>, weights: ArrayLike<number>, n: number): number {
  const order: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    order.push(i);
    total += weights[i] as number;
  }
  order.sort((a, b) => (values[a] as number) - (values[b] as number));
  const half = total / 2;
  let run = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    run += weights[i] as number;
    if (Math.abs(run - half) <= 1e-12 * total && k + 1 < n) {
      return ((values[i] as number) + (values[order[k + 1] as number] as number)) / 2;
    }
    if (run > half) return values[i] as number;
  }
  return values[order[n - 1] as number] as number;
}
