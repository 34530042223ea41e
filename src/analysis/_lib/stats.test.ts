import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  competitionRanks,
  meanAbsoluteRankChange,
  meanOf,
  quantile7,
  sampleVariance,
} from './stats.js';

describe('competitionRanks', () => {
  it('ranks the highest first, ties share the best rank, NaN stays unranked', () => {
    expect(Array.from(competitionRanks([10, 30, 30, Number.NaN, 5]))).toEqual([
      3,
      1,
      1,
      Number.NaN,
      4,
    ]);
  });

  it('is a permutation-consistent ranking (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30 }),
        (xs) => {
          const r = competitionRanks(xs);
          xs.forEach((x, i) => {
            // rank = 1 + number of strictly better scores
            expect(r[i]).toBe(1 + xs.filter((y) => y > x).length);
          });
        },
      ),
    );
  });
});

describe('quantile7', () => {
  it("matches R's quantile(type = 7)", () => {
    // R: quantile(c(10, 1, 3, 2, 4), c(0.05, 0.5, 0.95)) → 1.2, 3, 8.8
    expect(quantile7([10, 1, 3, 2, 4], 0.05)).toBeCloseTo(1.2, 12);
    expect(quantile7([10, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile7([10, 1, 3, 2, 4], 0.95)).toBeCloseTo(8.8, 12);
    expect(quantile7([Number.NaN], 0.5)).toBeNaN();
  });
});

describe('moments', () => {
  it('computes the mean and sample variance over finite values', () => {
    expect(meanOf([1, Number.NaN, 3])).toBe(2);
    expect(sampleVariance([1, 2, 3, 4])).toBeCloseTo(5 / 3, 14);
    expect(sampleVariance([1])).toBeNaN();
  });

  it('measures the mean absolute rank change', () => {
    expect(meanAbsoluteRankChange([1, 2, 3], [2, 1, 3])).toBeCloseTo(2 / 3, 14);
    expect(meanAbsoluteRankChange([Number.NaN, 2], [1, 4])).toBe(2);
  });
});
