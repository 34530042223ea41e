import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as m from './methods.js';

const arr = (x: Float64Array) => Array.from(x);

describe('normalisation methods (COINr n_*)', () => {
  const x = Float64Array.of(2, 4, Number.NaN, 10);

  it('minmax maps to [l, u] and keeps missing values', () => {
    expect(arr(m.minmax(x, 0, 100))).toEqual([0, 25, Number.NaN, 100]);
    expect(arr(m.minmax(x, 1, 2))).toEqual([1, 1.25, Number.NaN, 2]);
  });

  it('zscore uses the sample sd', () => {
    const z = m.zscore(Float64Array.of(1, 2, 3), 10, 2);
    expect(arr(z)).toEqual([8, 10, 12]);
  });

  it('scaled, dist2max, dist2ref, dist2targ, fracmax', () => {
    expect(arr(m.scaled(Float64Array.of(5, 10), 0, 20, 100))).toEqual([25, 50]);
    expect(arr(m.dist2max(x))).toEqual([0, 0.25, Number.NaN, 1]);
    expect(arr(m.dist2ref(x, 4, false))).toEqual([0, 1, Number.NaN, 4]);
    expect(arr(m.dist2ref(x, 4, true))).toEqual([0, 1, Number.NaN, 1]);
    expect(arr(m.dist2targ(x, 6, false))).toEqual([0, 0.5, Number.NaN, 2]);
    expect(arr(m.dist2targ(x, 6, true))).toEqual([0, 0.5, Number.NaN, 1]);
    expect(arr(m.fracmax(x))).toEqual([0.2, 0.4, Number.NaN, 1]);
  });

  it('goalposts clamp when truncating and scale', () => {
    expect(arr(m.goalposts(Float64Array.of(-1, 5, 11), 0, 10, 100, true))).toEqual([0, 50, 100]);
    expect(arr(m.goalposts(Float64Array.of(-1, 5, 11), 0, 10, 1, false))).toEqual([-0.1, 0.5, 1.1]);
  });

  it('rank, borda and prank use min ranks for ties', () => {
    const t = Float64Array.of(5, 1, 5, Number.NaN, 3);
    expect(arr(m.rank(t))).toEqual([3, 1, 3, Number.NaN, 2]);
    expect(arr(m.borda(t))).toEqual([2, 0, 2, Number.NaN, 1]);
    expect(arr(m.prank(t))).toEqual([2 / 3, 0, 2 / 3, Number.NaN, 1 / 3]);
  });

  it('property: minmax output lies within [l, u]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 40 }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        (values, l, width) => {
          const x = Float64Array.from(values);
          fc.pre(Math.min(...values) < Math.max(...values));
          const u = l + width;
          const tol = 1e-9 * Math.max(1, Math.abs(l), Math.abs(u));
          for (const v of m.minmax(x, l, u)) {
            expect(v).toBeGreaterThanOrEqual(l - tol);
            expect(v).toBeLessThanOrEqual(u + tol);
          }
        },
      ),
    );
  });
});
