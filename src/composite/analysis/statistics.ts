import { meanOf, medianOf, momentsOf, rangeOf, sdOf } from '../../math/summary.js';
import type { Dataset } from '../data/types.js';

/** Thresholds of {@link indicatorStatistics} (COINr `get_stats` defaults). */
export interface StatisticsOptions {
  skew?: number;
  kurtosis?: number;
  /** Least share of available values (default 0.65). */
  availability?: number;
  /** Least share of non-zero values among all units (default 0.5). */
  nonzero?: number;
  /** Least share of unique values among all units (default 0.5). */
  unique?: number;
}

/** Statistics of one column. */
export interface IndicatorStatistics {
  code: string;
  min: number;
  max: number;
  mean: number;
  median: number;
  sd: number;
  skew: number;
  kurtosis: number;
  available: number;
  availability: number;
  nonzero: number;
  unique: number;
  flags: { availability: boolean; nonzero: boolean; unique: boolean; outliers: boolean };
}

/**
 * Per-column statistics (COINr `get_stats`): range, mean, median, sample sd, skewness and
 * kurtosis (e1071 type 2), counts and shares of available, non-zero and unique values, and
 * flags: low availability, few non-zero or unique values (shares of all units, as COINr), and
 * outliers when |skewness| > 2 and kurtosis > 3.5.
 *
 * @example
 * ```ts
 * indicatorStatistics(raw).find((s) => s.code === 'Flights')?.flags.outliers; //=> true
 * ```
 */
export function indicatorStatistics(
  ds: Dataset,
  options: StatisticsOptions = {},
): IndicatorStatistics[] {
  const t = { skew: 2, kurtosis: 3.5, availability: 0.65, nonzero: 0.5, unique: 0.5, ...options };
  const n = ds.rows.length;
  return ds.codes.map((code, c) => {
    const x = ds.values.subarray(c * n, c * n + n);
    const present = x.filter((v) => !Number.isNaN(v));
    const [min, max] = rangeOf(present);
    const { skew, kurt } = momentsOf(present);
    const nonzero = present.filter((v) => v !== 0).length;
    const unique = new Set(present).size;
    return {
      code,
      min,
      max,
      mean: meanOf(present),
      median: medianOf(present),
      sd: sdOf(present),
      skew,
      kurtosis: kurt,
      available: present.length,
      availability: present.length / n,
      nonzero,
      unique,
      flags: {
        availability: present.length / n < t.availability,
        nonzero: nonzero / n < t.nonzero,
        unique: unique / n < t.unique,
        outliers: Math.abs(skew) > t.skew && kurt > t.kurtosis,
      },
    };
  });
}
