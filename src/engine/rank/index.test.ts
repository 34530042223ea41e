import { describe, expect, it } from 'vitest';
import { competitionRanks } from './index.js';

describe('competition ranking', () => {
  it('gives ties the best rank and skips after them ("1224")', () => {
    expect(Array.from(competitionRanks([90, 70, 90, 50]))).toEqual([1, 3, 1, 4]);
    expect(Array.from(competitionRanks([10, 20, 20, 20, 5]))).toEqual([4, 1, 1, 1, 5]);
  });
  it('leaves empty scores unranked and ties sums that differ by rounding noise', () => {
    expect(Array.from(competitionRanks([Number.NaN, 0.1 + 0.2, 0.3]))).toEqual([0, 1, 1]);
  });
});

describe('competition ranking, both paths', () => {
  it('agrees between the counting path (few values) and the sorting path (many)', () => {
    const few = [50, 100, 0, 50, Number.NaN, 100, 50];
    expect(Array.from(competitionRanks(few))).toEqual([3, 1, 6, 3, 0, 1, 3]);
    const many = Array.from({ length: 40 }, (_, i) => (i * 7) % 23);
    const ranks = Array.from(competitionRanks(many));
    many.forEach((s, i) => {
      expect(ranks[i]).toBe(1 + many.filter((t) => t > s).length);
    });
  });
});
