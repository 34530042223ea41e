import fc from 'fast-check';
import { quantileSeq } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { rankAverage, rankMin } from './rank.js';
import {
  kurtosisOf,
  meanOf,
  medianOf,
  momentsOf,
  quantile7,
  sdOf,
  skewnessOf,
  varianceOf,
} from './summary.js';

describe('statistics with COINr/R conventions', () => {
  it('skips NaN in mean, sd (n - 1) and median (mean of the middle two)', () => {
    const x = Float64Array.of(1, Number.NaN, 2, 3, 4);
    expect(meanOf(x)).toBe(2.5);
    expect(sdOf(x)).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(medianOf(x)).toBe(2.5);
    expect(medianOf([5, 1, 3])).toBe(3);
  });

  it('computes sample skewness G1 and kurtosis G2 (e1071 type 2), worked by hand for [0, 0, 0, 1]', () => {
    // m2 = 3/16, m3 = 3/32, m4 = 21/256: g1 = 2/sqrt(3), G1 = g1 * sqrt(12) / 2 = 2;
    // g2 = -2/3, G2 = ((5)(-2/3) + 6) * 3 / (2 * 1) = 4.
    expect(skewnessOf([0, 0, 0, 1])).toBeCloseTo(2, 12);
    expect(kurtosisOf([0, 0, 0, 1])).toBeCloseTo(4, 12);
    const both = momentsOf([0, 0, 0, 1]);
    expect(both.skew).toBeCloseTo(2, 12);
    expect(both.kurt).toBeCloseTo(4, 12);
  });

  it('needs 3 values for skewness and 4 for kurtosis', () => {
    expect(skewnessOf([1, 2])).toBeNaN();
    expect(kurtosisOf([1, 2, 3])).toBeNaN();
    expect(skewnessOf([1, 2, 4])).not.toBeNaN();
  });

  it('ranks ties with the smallest rank and keeps NaN (R ties.method = "min", na.last = "keep")', () => {
    expect(Array.from(rankMin([3, 1, 3, Number.NaN, 2]))).toEqual([3, 1, 3, Number.NaN, 2]);
    expect(Array.from(rankMin([3, 1, 3, 2], true))).toEqual([1, 4, 1, 3]);
    expect(Array.from(rankAverage([3, 1, 3, 2]))).toEqual([3.5, 1, 3.5, 2]);
  });

  it("takes quantiles as R's quantile(type = 7)", () => {
    // R: quantile(c(10, 1, 3, 2, 4), c(0.05, 0.5, 0.95)) gives 1.2, 3, 8.8
    expect(quantile7([10, 1, 3, 2, 4], 0.05)).toBeCloseTo(1.2, 12);
    expect(quantile7([10, 1, 3, 2, 4], 0.5)).toBe(3);
  });

  it('equals mathjs quantileSeq bit for bit (property)', () => {
    fc.assert(
      fc.property(
        // Values a score takes (mathjs compares with a relative epsilon, so it cannot order
        // subnormal neighbours; scores never are).
        fc.array(
          fc.integer({ min: -1e8, max: 1e8 }).map((k) => k / 997),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000),
        (xs, p) => {
          expect(quantile7(xs, p)).toBe(quantileSeq(xs, p) as number);
        },
      ),
    );
    expect(quantile7([10, 1, 3, 2, 4], 0.95)).toBeCloseTo(8.8, 12);
    expect(quantile7([Number.NaN], 0.5)).toBeNaN();
  });

  it('computes the sample variance (n - 1) over the non-missing values', () => {
    expect(varianceOf([1, 2, 3, 4])).toBeCloseTo(5 / 3, 14);
    expect(varianceOf([1, Number.NaN])).toBeNaN();
  });
});
