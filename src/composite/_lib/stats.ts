/**
 * The composite toolkit's statistics are `src/math`'s (one definition each, conventions named
 * there). Re-exported under their old path so code written against it keeps working; new code
 * imports `src/math/*` directly.
 */
export { rankAverage, rankMin } from '../../math/rank.js';
export {
  kurtosisOf,
  meanOf,
  medianOf,
  momentsOf,
  rangeOf,
  sdOf,
  skewnessOf,
  sortedValues,
  varianceOf,
} from '../../math/summary.js';
