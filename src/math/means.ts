/**
 * Weighted means over the first `k` entries of a values array and a weights array: the
 * children of one aggregate that have a value. Missing children are left out by the caller and
 * the weights of the others renormalised by dividing by their sum (COINr's `Aggregate`, which
 * drops `NA` children and rescales `w`). The scoring engine and the composite toolkit both
 * aggregate with these.
 *
 * Zero and negative values (COINr stops with an error; the callers report a coded issue
 * where a step must refuse them): `gmean`, `hmean` and `genmean` with `p < 0` return their
 * limit 0 when a value is zero; a negative value gives `NaN` for `gmean`, `hmean` and
 * `genmean`.
 */

/**
 * Weighted arithmetic mean `sum(w x) / sum(w)` (COINr `a_amean`, which divides the weights by
 * their sum first; the two agree up to rounding in the last bit, and this order keeps integer
 * inputs exact).
 *
 * @example
 * ```ts
 * amean([100, 50, 0], [1, 1, 2], 3); //=> 37.5
 * ```
 */
export function amean(x: ArrayLike<number>, w: ArrayLike<number>, k: number): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < k; i++) {
    const wi = w[i] as number;
    sum += wi * (x[i] as number);
    total += wi;
  }
  return sum / total;
}

/**
 * Weighted geometric mean `exp(sum(w ln x) / sum(w))` (COINr `a_gmean`). A zero value gives
 * zero (the limit), a negative one `NaN`.
 *
 * @example
 * ```ts
 * gmean([100, 25], [1, 1], 2); //=> 50
 * ```
 */
export function gmean(x: ArrayLike<number>, w: ArrayLike<number>, k: number): number {
  let sum = 0;
  let total = 0;
  let zero = false;
  for (let i = 0; i < k; i++) {
    const v = x[i] as number;
    const wi = w[i] as number;
    if (v < 0) return Number.NaN;
    if (v === 0) zero = true;
    else sum += wi * Math.log(v);
    total += wi;
  }
  return zero ? 0 : Math.exp(sum / total);
}

/**
 * Weighted harmonic mean `sum(w) / sum(w / x)` (COINr `a_hmean`). A zero value gives zero
 * (the limit), a negative one `NaN`.
 *
 * @example
 * ```ts
 * hmean([1, 4], [1, 1], 2); //=> 1.6
 * ```
 */
export function hmean(x: ArrayLike<number>, w: ArrayLike<number>, k: number): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < k; i++) {
    const v = x[i] as number;
    const wi = w[i] as number;
    if (v < 0) return Number.NaN;
    if (v === 0) return 0;
    sum += wi / v;
    total += wi;
  }
  return total / sum;
}

/**
 * Weighted generalised (power) mean `(sum(w x^p) / sum(w))^(1/p)` (COINr `a_genmean`):
 * `p = 1` is the arithmetic mean, `p = -1` the harmonic; `p = 0` (which COINr refuses) is
 * taken as its limit, the geometric mean. Negative values give `NaN`; with `p < 0` a zero
 * value gives zero. COINr returns `NA` when any child is missing; here, as for every other
 * mean, missing children are left out and the weights renormalised.
 *
 * @example
 * ```ts
 * genmean([1, 3], [1, 1], 2, 2); //=> 2.23606797749979
 * ```
 */
export function genmean(x: ArrayLike<number>, w: ArrayLike<number>, k: number, p: number): number {
  if (p === 0) return gmean(x, w, k);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < k; i++) {
    const v = x[i] as number;
    const wi = w[i] as number;
    if (v < 0) return Number.NaN;
    if (v === 0 && p < 0) return 0;
    sum += wi * v ** p;
    total += wi;
  }
  return (sum / total) ** (1 / p);
}

/**
 * Weighted median: sort the values and take the one where the running weight first passes
 * half the total; where it lands on exactly half (to 1e-12 of the total), the mean of that
 * value and the next. With equal weights this is R's `median` (the mean of the two middle
 * values for an even count). COINr has no median of its own; any R function can be passed to
its `Aggregate`, and this is the weighted form of `stats::median`.
 *
 * @example
 * ```ts
 * median([0, 100, 50, 25], [1, 1, 1, 1], 4); //=> 37.5
 * median([0, 100], [1, 3], 2);              //=> 100
 * ```
 */
export function median(x: ArrayLike<number>, w: ArrayLike<number>, k: number): number {
  const order: number[] = [];
  let total = 0;
  for (let i = 0; i < k; i++) {
    order.push(i);
    total += w[i] as number;
  }
  order.sort((a, b) => (x[a] as number) - (x[b] as number));
  const half = total / 2;
  let run = 0;
  for (let j = 0; j < k; j++) {
    const i = order[j] as number;
    run += w[i] as number;
    if (Math.abs(run - half) <= 1e-12 * total && j + 1 < k) {
      return ((x[i] as number) + (x[order[j + 1] as number] as number)) / 2;
    }
    if (run > half) return x[i] as number;
  }
  return x[order[k - 1] as number] as number;
}

/**
 * The smallest of the first `k` values; weights play no part (a "weakest link" aggregate, no
 * COINr counterpart).
 *
 * @example
 * ```ts
 * min([70, 40, 90], [1, 1, 1], 3); //=> 40
 * ```
 */
export function min(x: ArrayLike<number>, _w: ArrayLike<number>, k: number): number {
  let m = Number.POSITIVE_INFINITY;
  for (let i = 0; i < k; i++) {
    const v = x[i] as number;
    if (v < m) m = v;
  }
  return m;
}
