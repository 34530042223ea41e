/**
 * The numeric conventions of the package, each defined once with the convention it follows
 * named and cited (R, COINr, e1071, Hyndman and Fan). The scoring engine (`src/engine`), the
 * composite-indicator toolkit (`src/composite`) and the analyses (`src/analysis`) import from
 * here; nothing numeric is written twice.
 *
 * - `means.ts`: weighted means (arithmetic, geometric, harmonic, generalised, median, min)
 *   with their zero and missing-value rules.
 * - `rank.ts`: ranks with R's tie methods (min = competition, max, average), exact ties.
 * - `summary.ts`: mean, variance and standard deviation (n - 1), median, range, quantile
 *   (type 7), skewness and kurtosis (type 2).
 * - `correlation.ts`: Pearson, Spearman and covariance over pairwise complete observations.
 */
export { covariance, pearson, spearman } from './correlation.js';
export { amean, genmean, gmean, hmean, median, min } from './means.js';
export {
  competitionRanks,
  type RankOptions,
  type RankScratch,
  rankAverage,
  rankInto,
  rankMin,
  rankScratch,
  rankValues,
  type TieMethod,
} from './rank.js';
export {
  kurtosisOf,
  meanOf,
  medianOf,
  momentsOf,
  quantile7,
  quantiles7,
  rangeOf,
  sdOf,
  skewnessOf,
  sortedValues,
  varianceOf,
} from './summary.js';
