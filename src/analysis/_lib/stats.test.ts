import { describe, expect, it } from 'vitest';
import { meanAbsoluteRankChange } from './stats.js';

describe('moments', () => {
  it('measures the mean absolute rank change', () => {
    expect(meanAbsoluteRankChange([1, 2, 3], [2, 1, 3])).toBeCloseTo(2 / 3, 14);
    expect(meanAbsoluteRankChange([Number.NaN, 2], [1, 4])).toBe(2);
  });
});
