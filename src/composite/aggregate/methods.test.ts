import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as a from './methods.js';

describe('aggregation methods (COINr a_*)', () => {
  it('amean rescales the weights of the children present', () => {
    expect(a.amean([10, 40], [1, 3], 2)).toBe(32.5);
    expect(a.amean([10], [1], 1)).toBe(10);
  });

  it('gmean, hmean and genmean', () => {
    expect(a.gmean([1, 4], [1, 1], 2)).toBeCloseTo(2, 14);
    expect(a.gmean([2, 8], [3, 1], 2)).toBeCloseTo(2 ** 0.75 * 8 ** 0.25, 14);
    expect(a.hmean([1, 4], [1, 1], 2)).toBeCloseTo(1.6, 14);
    expect(a.genmean([1, 3], [1, 1], 2, 2)).toBeCloseTo(Math.sqrt(5), 14);
    expect(a.genmean([1, 3], [1, 1], 2, 1)).toBeCloseTo(2, 14);
    expect(a.genmean([1, 4], [1, 1], 2, -1)).toBeCloseTo(1.6, 14);
  });

  it('weighted median equals R median for equal weights and follows the weights otherwise', () => {
    expect(a.median([4, 1, 3, 2], [1, 1, 1, 1], 4)).toBe(2.5);
    expect(a.median([4, 1, 3], [1, 1, 1], 3)).toBe(3);
    expect(a.median([1, 2, 3], [1, 1, 5], 3)).toBe(3);
  });

  it('copeland counts pairwise majorities, ties and missing comparisons as COINr does', () => {
    // Unit 0 beats 1 on both indicators; unit 2 ties with 1 (one each).
    const c1 = Float64Array.of(3, 1, 2);
    const c2 = Float64Array.of(3, 2, 1);
    expect(Array.from(a.copeland([c1, c2], [1, 1]))).toEqual([2, -1, -1]);
    // With unequal weights the heavier indicator decides.
    expect(Array.from(a.copeland([c1, c2], [1, 3]))).toEqual([2, 0, -2]);
    // A missing value counts for neither unit of a pair.
    const m1 = Float64Array.of(1, Number.NaN);
    expect(Array.from(a.copeland([m1], [1]))).toEqual([-1, 1]);
  });

  it('property: aggregating equal values returns that value', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(-2, -1, 0.5, 2, 3),
        (v, w, p) => {
          const x = w.map(() => v);
          const k = w.length;
          for (const y of [
            a.amean(x, w, k),
            a.gmean(x, w, k),
            a.hmean(x, w, k),
            a.genmean(x, w, k, p),
            a.median(x, w, k),
          ]) {
            expect(Math.abs(y - v)).toBeLessThanOrEqual(1e-9 * v);
          }
        },
      ),
    );
  });
});
