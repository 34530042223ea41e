import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregators } from '../engine/aggregate/index.js';
import { amean, genmean, gmean, hmean, median, min } from './means.js';

const w1 = [1, 1, 1, 1];

describe('aggregation methods', () => {
  it('amean: weighted, weights relative', () => {
    expect(amean([100, 50, 0], [1, 1, 2], 3)).toBe(37.5);
    expect(amean([100, 50, 0], [2, 2, 4], 3)).toBe(37.5);
    expect(amean([100, 50, 999], [1, 1, 1], 2)).toBe(75);
  });
  it('gmean: zero gives zero, negatives are undefined', () => {
    expect(gmean([100, 25], [1, 1], 2)).toBeCloseTo(50, 12);
    expect(gmean([100, 10], [1, 2], 2)).toBeCloseTo(100 ** (1 / 3) * 10 ** (2 / 3), 12);
    expect(gmean([100, 0], [1, 1], 2)).toBe(0);
    expect(gmean([100, -1], [1, 1], 2)).toBeNaN();
  });
  it('hmean', () => {
    expect(hmean([100, 50], [1, 1], 2)).toBeCloseTo(200 / 3, 12);
    expect(hmean([100, 0], [1, 1], 2)).toBe(0);
  });
  it('genmean: p = 1 is amean, p = 0 gmean, p = -1 hmean', () => {
    const v = [80, 20, 50];
    const w = [1, 2, 1];
    expect(genmean(v, w, 3, 1)).toBeCloseTo(amean(v, w, 3), 12);
    expect(genmean(v, w, 3, 0)).toBeCloseTo(gmean(v, w, 3), 12);
    expect(genmean(v, w, 3, -1)).toBeCloseTo(hmean(v, w, 3), 12);
    expect(genmean([100, 0], [1, 1], 2, 2)).toBeCloseTo(Math.sqrt(5000), 12);
  });
  it('median: ordinary with equal weights, weighted otherwise', () => {
    expect(median([0, 100, 50, 25], w1, 4)).toBe(37.5);
    expect(median([0, 100, 50], w1, 3)).toBe(50);
    expect(median([0, 100], [1, 3], 2)).toBe(100);
    expect(median([0, 100], [1, 1], 2)).toBe(50);
  });
  it('min ignores weights', () => {
    expect(min([70, 40, 90], [5, 1, 1], 3)).toBe(40);
  });
  it('every method lies between the smallest and largest value', () => {
    const v = [12, 88, 40, 61];
    for (const [name, f] of Object.entries(aggregators)) {
      const s = f(v, [1, 2, 3, 4], 4, 2);
      expect(s, name).toBeGreaterThanOrEqual(12);
      expect(s, name).toBeLessThanOrEqual(88);
    }
  });
});

describe('means: zero and missing rules', () => {
  it('renormalises the weights over the children passed, whatever their scale', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 10 }),
        fc.double({ min: 0.1, max: 1000, noNaN: true }),
        (x, c) => {
          const w = x.map((_, i) => 1 + (i % 3));
          const wc = w.map((v) => v * c);
          for (const f of [amean, gmean, hmean, median]) {
            const a = f(x, w, x.length);
            expect(Math.abs(f(x, wc, x.length) - a)).toBeLessThanOrEqual(1e-9 * Math.abs(a));
          }
        },
      ),
    );
  });

  it('genmean with p < 0 and a zero gives zero, as gmean and hmean do', () => {
    expect(genmean([50, 0], [1, 1], 2, -2)).toBe(0);
    expect(hmean([50, -1], [1, 1], 2)).toBeNaN();
    expect(genmean([50, -1], [1, 1], 2, 2)).toBeNaN();
  });
});
