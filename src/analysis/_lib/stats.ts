/**
 * The statistic only the analyses use. Ranks, quantiles and moments are `src/math`'s,
 * re-exported here under their old names so code written against this path keeps working.
 */
export { competitionRanks } from '../../math/rank.js';
export { meanOf, quantile7, varianceOf as sampleVariance } from '../../math/summary.js';

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
