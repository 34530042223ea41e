/**
 * Summary statistics over arrays of numbers, where `NaN` marks a missing value (R's
 * `na.rm = TRUE`). Each follows the R function COINr calls, so results match COINr to the last
 * bits that the order of summation allows: mean, sample standard deviation and variance (n - 1),
 * median, range, quantiles (type 7), skewness and kurtosis (type 2).
 */

/**
 * Arithmetic mean of the non-missing values (R `mean(x, na.rm = TRUE)`); NaN when none.
 *
 * @example
 * ```ts
 * meanOf([1, NaN, 3]); //=> 2
 * ```
 */
export function meanOf(x: ArrayLike<number>): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) {
      s += v;
      n++;
    }
  }
  if (n === 0) return Number.NaN;
  // R refines the mean with a second pass (mean.default in C: `s/n + sum(x - s/n)/n`).
  const m = s / n;
  let r = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) r += v - m;
  }
  return m + r / n;
}

/**
 * Sample variance, denominator n - 1 (R `stats::var`); NaN with fewer than two values.
 *
 * @example
 * ```ts
 * varianceOf([1, 2, 3, 4]); //=> 1.6666666666666667
 * ```
 */
export function varianceOf(x: ArrayLike<number>): number {
  const m = meanOf(x);
  let ss = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) {
      ss += (v - m) * (v - m);
      n++;
    }
  }
  return n < 2 ? Number.NaN : ss / (n - 1);
}

/**
 * Sample standard deviation, denominator n - 1 (R `stats::sd`, used by COINr's `n_zscore` and
 * `get_stats`); NaN with fewer than two values.
 *
 * @example
 * ```ts
 * sdOf([1, 2, 3]); //=> 1
 * ```
 */
export function sdOf(x: ArrayLike<number>): number {
  return Math.sqrt(varianceOf(x));
}

/**
 * Non-missing values, sorted ascending.
 *
 * @example
 * ```ts
 * sortedValues([3, NaN, 1]); //=> Float64Array [1, 3]
 * ```
 */
export function sortedValues(x: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i] as number)) n++;
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) out[j++] = v;
  }
  return out.sort();
}

/**
 * Median of the non-missing values, the mean of the two middle ones for even counts (R `median`).
 *
 * @example
 * ```ts
 * medianOf([4, 1, 3, 2]); //=> 2.5
 * ```
 */
export function medianOf(x: ArrayLike<number>): number {
  const s = sortedValues(x);
  const n = s.length;
  if (n === 0) return Number.NaN;
  const h = n >> 1;
  return n % 2 === 1 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
}

/**
 * The `p`-quantile of the non-missing values of `values`, by Hyndman and Fan's definition 7 (R's
 * default `quantile(type = 7)`, which COINr uses): linear interpolation between order statistics
 * at position `1 + (n - 1) p`. NaN when there are none. Written out here, in the order of
 * operations mathjs's `quantileSeq` uses (its results are equal bit for bit, see the test),
 * so that scoring does not load mathjs: it weighs more than the rest of the core.
 *
 * @example
 * ```ts
 * quantile7([1, 2, 3, 4, 10], 0.5); //=> 3
 * ```
 */
export function quantile7(values: ArrayLike<number>, p: number): number {
  return quantileSorted(sortedValues(values), p);
}

/**
 * Several type-7 quantiles of the same values ({@link quantile7}), sorting them once.
 *
 * @example
 * ```ts
 * quantiles7([10, 1, 3, 2, 4], [0.05, 0.5, 0.95]); //=> [1.2, 3, 8.8]
 * ```
 */
export function quantiles7(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const sorted = sortedValues(values);
  return ps.map((p) => quantileSorted(sorted, p));
}

/** The type-7 `p`-quantile of ascending values without NaN; NaN when there are none. */
function quantileSorted(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = p * (sorted.length - 1);
  const lo = Math.floor(h);
  const f = h - lo;
  const below = sorted[lo] as number;
  return f === 0 ? below : below * (1 - f) + (sorted[lo + 1] as number) * f;
}

/**
 * Smallest and largest non-missing value (R `min`/`max` with `na.rm = TRUE`).
 *
 * @example
 * ```ts
 * rangeOf([3, NaN, 1]); //=> [1, 3]
 * ```
 */
export function rangeOf(x: ArrayLike<number>): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/**
 * Sample skewness G1 = sqrt(n(n-1))/(n-2) * m3 / m2^(3/2), the adjusted Fisher-Pearson
 * estimator (Joanes and Gill 1998, type 2; e1071 `skewness(type = 2)`), which COINr's `skew()`
 * copies. NaN with fewer than 3 values.
 *
 * @example
 * ```ts
 * skewnessOf([0, 0, 0, 1]); //=> 2
 * ```
 */
export function skewnessOf(x: ArrayLike<number>): number {
  const { n, s2, s3 } = centralSums(x, meanOf(x));
  return skewFromSums(n, s2, s3);
}

/**
 * Sample excess kurtosis G2 = ((n+1)(g2) + 6)(n-1)/((n-2)(n-3)) with g2 = n m4/m2^2 - 3
 * (Joanes and Gill 1998, type 2; e1071 `kurtosis(type = 2)`), as COINr's `kurt()`. NaN with
 * fewer than 4 values.
 *
 * @example
 * ```ts
 * kurtosisOf([0, 0, 0, 1]); //=> 4
 * ```
 */
export function kurtosisOf(x: ArrayLike<number>): number {
  const { n, s2, s4 } = centralSums(x, meanOf(x));
  return kurtFromSums(n, s2, s4);
}

/**
 * Skewness and kurtosis (plus the range, found on the way) in one pass over the deviations, with the same estimators as
 * {@link skewnessOf} and {@link kurtosisOf} (e1071 type 2, COINr's `skew()` and `kurt()`).
 *
 * @example
 * ```ts
 * momentsOf([0, 0, 0, 1]); //=> { skew: 2, kurt: 4, min: 0, max: 1 }
 * ```
 */
export function momentsOf(x: ArrayLike<number>): {
  skew: number;
  kurt: number;
  min: number;
  max: number;
} {
  // One pass for the mean (without R's refinement pass: the moments are insensitive to it at
  // the 1e-12 level), one for the central moments.
  let sum = 0;
  let cnt = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) {
      sum += v;
      cnt++;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const { n, s2, s3, s4 } = centralSums(x, sum / cnt);
  return { skew: skewFromSums(n, s2, s3), kurt: kurtFromSums(n, s2, s4), min, max };
}

/**
 * The skewness and kurtosis of {@link momentsOf} without the range: the same sums in the same
 * order (so the same figures bit for bit), in two tight passes; what a test of the shape needs.
 *
 * @example
 * ```ts
 * skewKurtosisOf([0, 0, 0, 1]); //=> { skew: 2, kurt: 4 }
 * ```
 */
export function skewKurtosisOf(x: ArrayLike<number>): { skew: number; kurt: number } {
  let sum = 0;
  let cnt = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) {
      sum += v;
      cnt++;
    }
  }
  const { n, s2, s3, s4 } = centralSums(x, sum / cnt);
  return { skew: skewFromSums(n, s2, s3), kurt: kurtFromSums(n, s2, s4) };
}

/** The count of non-NaN values and the sums of their squared, cubed and 4th-power deviations from `m`. */
function centralSums(
  x: ArrayLike<number>,
  m: number,
): { n: number; s2: number; s3: number; s4: number } {
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!Number.isNaN(v)) {
      const d = v - m;
      const d2 = d * d;
      s2 += d2;
      s3 += d2 * d;
      s4 += d2 * d2;
      n++;
    }
  }
  return { n, s2, s3, s4 };
}

/** G1 (e1071 type 2) from the central sums; NaN with fewer than 3 values. */
function skewFromSums(n: number, s2: number, s3: number): number {
  if (n < 3) return Number.NaN;
  const y = (Math.sqrt(n) * s3) / s2 ** 1.5;
  return (y * Math.sqrt(n * (n - 1))) / (n - 2);
}

/** G2 (e1071 type 2) from the central sums; NaN with fewer than 4 values. */
function kurtFromSums(n: number, s2: number, s4: number): number {
  if (n < 4) return Number.NaN;
  const r = (n * s4) / (s2 * s2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}
