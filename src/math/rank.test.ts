import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  competitionRanks,
  rankAverage,
  rankInto,
  rankMin,
  rankScratch,
  rankValues,
} from './rank.js';

/** R's rank(x, ties.method, na.last = "keep") written out from its definition. */
function reference(x: number[], ties: 'min' | 'max' | 'average'): number[] {
  return x.map((v) => {
    if (Number.isNaN(v)) return Number.NaN;
    const below = x.filter((u) => u < v).length;
    const tied = x.filter((u) => u === v).length;
    return ties === 'min' ? below + 1 : ties === 'max' ? below + tied : below + (tied + 1) / 2;
  });
}

const values = fc.array(
  fc.oneof(
    fc.integer({ min: -4, max: 4 }),
    fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
    fc.constant(Number.NaN),
  ),
  { maxLength: 40 },
);

describe('ranks with R tie methods', () => {
  it('min, average and descending on a small case', () => {
    expect(Array.from(rankMin([3, 1, 3, Number.NaN, 2]))).toEqual([3, 1, 3, Number.NaN, 2]);
    expect(Array.from(rankMin([3, 1, 3, 2], true))).toEqual([1, 4, 1, 3]);
    expect(Array.from(rankAverage([3, 1, 3, 2]))).toEqual([3.5, 1, 3.5, 2]);
    expect(Array.from(rankValues([3, 1, 3], { ties: 'max' }))).toEqual([3, 1, 3]);
    expect(Array.from(competitionRanks([10, 30, 30, Number.NaN, 5]))).toEqual([
      3,
      1,
      1,
      Number.NaN,
      4,
    ]);
  });

  it('property: every tie method equals its definition, on both the counting and sorting paths', () => {
    fc.assert(
      fc.property(
        values,
        fc.constantFrom('min', 'max', 'average') as fc.Arbitrary<'min' | 'max' | 'average'>,
        (x, ties) => {
          expect(Array.from(rankValues(x, { ties }))).toEqual(reference(x, ties));
        },
      ),
    );
  });

  it('property: ranking descending equals ranking the negation (direction before ranking)', () => {
    fc.assert(
      fc.property(
        values,
        fc.constantFrom('min', 'max', 'average') as fc.Arbitrary<'min' | 'max' | 'average'>,
        (x, ties) => {
          expect(Array.from(rankValues(x, { ties, descending: true }))).toEqual(
            Array.from(
              rankValues(
                x.map((v) => -v),
                { ties },
              ),
            ),
          );
        },
      ),
    );
  });

  it('property: equal inputs get exactly equal ranks', () => {
    fc.assert(
      fc.property(values, (x) => {
        for (const ties of ['min', 'max', 'average'] as const) {
          const r = rankValues(x, { ties });
          x.forEach((v, i) => {
            x.forEach((u, j) => {
              if (v === u) expect(r[i]).toBe(r[j]);
            });
          });
        }
      }),
    );
  });

  it('ties values within a tolerance and writes a chosen missing rank into an Int32Array', () => {
    const out = new Int32Array(3);
    rankInto([Number.NaN, 0.1 + 0.2, 0.3], 0, 3, out, 0, rankScratch(3), {
      descending: true,
      tolerance: 1e-9,
      missing: 0,
    });
    expect(Array.from(out)).toEqual([0, 1, 1]);
  });

  it('agrees between the counting path (few values) and the sorting path (many)', () => {
    const many = Array.from({ length: 40 }, (_, i) => (i * 7) % 23);
    const ranks = Array.from(competitionRanks(many));
    many.forEach((s, i) => {
      expect(ranks[i]).toBe(1 + many.filter((t) => t > s).length);
    });
  });
});
