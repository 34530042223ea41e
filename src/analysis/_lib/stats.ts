/**
 * Small statistics the analyses share: ranks and quantiles, with their conventions named.
 */
import { quantileSeq } from 'mathjs/number';

/**
 * Ranks scores from best (highest, rank 1) to worst with competition ranking ("1224"): ties
 * share the best rank of their group, as COINr's `rank_df` (R's `rank(-x, ties.method = "min",
 * na.last = "keep")`). A missing score (NaN) has no rank (NaN).
 *
 * @example
 * ```ts
 * Array.from(competitionRanks(Float64Array.from([10, 30, 30, NaN, 5])));
 * //=> [3, 1, 1, NaN, 4]
 * ```
 */
export function competitionRanks(scores: ArrayLike<number>): Float64Array {
  const n = scores.length;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(scores[i] as number)) order.push(i);
  order.sort((a, b) => (scores[b] as number) - (scores[a] as number));
  const ranks = new Float64Array(n).fill(Number.NaN);
  let previous = Number.NaN;
  let rank = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const s = scores[i] as number;
    if (s !== previous) {
      rank = k + 1;
      previous = s;
    }
    ranks[i] = rank;
  }
  return ranks;
}

/**
 * The `p`-quantile of the finite values of `values`, by Hyndman and Fan's definition 7 (R's
 * default `quantile(type = 7)`, which COINr uses): linear interpolation between order statistics
 * at position `1 + (n - 1) p`. NaN when no value is finite. Computed by mathjs's `quantileSeq`.
 *
 * @example
 * ```ts
 * quantile7([1, 2, 3, 4, 10], 0.5); //=> 3
 * ```
 */
export function quantile7(values: ArrayLike<number>, p: number): number {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) finite.push(v);
  }
  if (finite.length === 0) return Number.NaN;
  return quantileSeq(finite, p) as number;
}

/**
 * The arithmetic mean of the finite values (NaN when there are none), as R's
 * `mean(x, na.rm = TRUE)`.
 *
 * @example
 * ```ts
 * meanOf([1, NaN, 3]); //=> 2
 * ```
 */
export function meanOf(values: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return n === 0 ? Number.NaN : sum / n;
}

/**
 * The sample variance (divisor n - 1) of the finite values, as R's `var`. NaN below two values.
 *
 * @example
 * ```ts
 * sampleVariance([1, 2, 3, 4]); //=> 1.6666666666666667
 * ```
 */
export function sampleVariance(values: ArrayLike<number>): number {
  const m = meanOf(values);
  let ss = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) {
      ss += (v - m) ** 2;
      n++;
    }
  }
  return n < 2 ? Number.NaN : ss / (n - 1);
}

/**
 * The mean absolute difference between two rank vectors over the units ranked in both: the
 * output COINr's sensitivity analysis decomposes ("mean absolute rank change").
 *
 * @example
 * ```ts
 * meanAbsoluteRankChange([1, 2, 3], [2, 1, 3]); //=> 0.6666666666666666
 * ```
 */
export function meanAbsoluteRankChange(
  ranks: ArrayLike<number>,
  nominal: ArrayLike<number>,
): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < ranks.length; i++) {
    const d = Math.abs((ranks[i] as number) - (nominal[i] as number));
    if (Number.isFinite(d)) {
      sum += d;
      n++;
    }
  }
  return n === 0 ? Number.NaN : sum / n;
}
