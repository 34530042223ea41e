/**
 * The aggregation functions, one per COINr `a_*` function, over the available children of one
 * unit: `x` and `w` hold only the present values and their weights (COINr drops missing
 * children and rescales the weights of the others). Internal to the aggregate step; exported
 * for tests and for the uncertainty analysis.
 */

/**
 * Weighted arithmetic mean (COINr `a_amean`): weights rescaled to sum to 1, then sum(w x).
 *
 * @example
 * ```ts
 * amean([1, 3], [1, 1], 2); //=> 2
 * ```
 */
export function amean(x: ArrayLike<number>, w: ArrayLike<number>, k: number): number {
  let ws = 0;
  for (let i = 0; i < k; i++) ws += w[i] as number;
  let s = 0;
  for (let i = 0; i < k; i++) s += ((w[i] as number) / ws) * (x[i] as number);
  return s;
}

/**
 * Weighted geometric mean (COINr `a_gmean`): exp(sum(w log x) / sum(w)); values must be > 0.
 *
 * @example
 * ```ts
 * gmean([1, 4], [1, 1], 2); //=> 2
 * ```
 */
export function gmean(x: ArrayLike<number>, w: ArrayLike<number>, k: number): number {
  let s = 0;
  let ws = 0;
  for (let i = 0; i < k; i++) {
    s += (w[i] as number) * Math.log(x[i] as number);
    ws += w[i] as number;
  }
  return Math.exp(s / ws);
}

/**
 * Weighted harmonic mean (COINr `a_hmean`): sum(w) / sum(w / x); values must be non-zero.
 *
 * @example
 * ```ts
 * hmean([1, 4], [1, 1], 2); //=> 1.6
 * ```
 */
export function hmean(x: ArrayLike<number>, w: ArrayLike<number>, k: number): number {
  let a = 0;
  let b = 0;
  for (let i = 0; i < k; i++) {
    a += w[i] as number;
    b += (w[i] as number) / (x[i] as number);
  }
  return a / b;
}

/**
 * Weighted generalised (power) mean (COINr `a_genmean`): (sum(w x^p) / sum(w))^(1/p), p != 0.
 * COINr returns NA as soon as one child is missing (its sum has no `na.rm`); here missing
 * children are left out and the weights rescaled, like every other method.
 *
 * @example
 * ```ts
 * genmean([1, 3], [1, 1], 2, 2); //=> Math.sqrt(5)
 * ```
 */
export function genmean(x: ArrayLike<number>, w: ArrayLike<number>, k: number, p: number): number {
  let s = 0;
  let ws = 0;
  for (let i = 0; i < k; i++) {
    s += (w[i] as number) * (x[i] as number) ** p;
    ws += w[i] as number;
  }
  return (s / ws) ** (1 / p);
}

/**
 * Weighted median: the smallest value whose cumulative rescaled weight reaches 1/2; when it
 * reaches exactly 1/2, the mean of that value and the next. With equal weights this is R's
 * `median` (the mean of the two middle values for an even count).
 *
 * @example
 * ```ts
 * median([4, 1, 3, 2], [1, 1, 1, 1], 4); //=> 2.5
 * ```
 */
export function median(x: ArrayLike<number>, w: ArrayLike<number>, k: number): number {
  const idx = Array.from({ length: k }, (_, i) => i).sort(
    (a, b) => (x[a] as number) - (x[b] as number),
  );
  let ws = 0;
  for (let i = 0; i < k; i++) ws += w[i] as number;
  let cum = 0;
  for (let j = 0; j < k; j++) {
    const i = idx[j] as number;
    cum += (w[i] as number) / ws;
    if (Math.abs(cum - 0.5) < 1e-12 && j + 1 < k)
      return ((x[i] as number) + (x[idx[j + 1] as number] as number)) / 2;
    if (cum > 0.5) return x[i] as number;
  }
  return x[idx[k - 1] as number] as number;
}

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
