/**
 * Correlations and covariances over pairwise complete observations (R's `cor` and `cov` with
 * `use = "pairwise.complete.obs"`, which COINr's `get_corr` and `get_cronbach` call): a pair
 * of vectors is compared on the positions where neither is `NaN`.
 */
import { rankAverage } from './rank.js';

/**
 * Pearson's correlation of `x` and `y` over the positions both have (R `cor(x, y, use =
 * "pairwise.complete.obs")`); NaN when fewer than two pairs or a constant vector.
 *
 * @example
 * ```ts
 * pearson([1, 2, 3, NaN], [2, 4, 7, 1]); //=> 0.9933992677987828
 * ```
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    sx += a;
    sy += b;
    n++;
  }
  if (n < 2) return Number.NaN;
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    sxy += (a - mx) * (b - my);
    sxx += (a - mx) ** 2;
    syy += (b - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Spearman's rank correlation over the positions both have, as R's `cor(x, y, method =
 * "spearman", use = "pairwise.complete.obs")`: the complete pairs are ranked afresh with
 * average ranks for ties (`rank(ties.method = "average")`), then correlated by Pearson.
 * Tied values get exactly equal ranks, so ties never turn into rounding noise.
 *
 * @example
 * ```ts
 * spearman([1, 2, 2, 3], [1, 3, 2, 4]); //=> 0.9486832980505138
 * ```
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    xs.push(a);
    ys.push(b);
  }
  return pearson(rankAverage(xs), rankAverage(ys));
}

/**
 * Sample covariance (n - 1) over the positions both have (R `cov(x, y, use =
 * "pairwise.complete.obs")`); NaN with fewer than two pairs.
 *
 * @example
 * ```ts
 * covariance([1, 2, 3], [1, 2, 4]); //=> 1.5
 * ```
 */
export function covariance(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let m = 0;
  let sx = 0;
  let sy = 0;
  for (let r = 0; r < x.length; r++) {
    const a = x[r] as number;
    const b = y[r] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    sx += a;
    sy += b;
    m++;
  }
  if (m < 2) return Number.NaN;
  let s = 0;
  for (let r = 0; r < x.length; r++) {
    const a = x[r] as number;
    const b = y[r] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    s += (a - sx / m) * (b - sy / m);
  }
  return s / (m - 1);
}
