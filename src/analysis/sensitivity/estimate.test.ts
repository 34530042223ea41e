import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designRow, runCount } from '../design.js';
import { sobolIndices } from './estimate.js';

/** Runs a function of d uniform inputs over a Saltelli design. */
function outputs(f: (x: number[]) => number, N: number, d: number, seed: number): Float64Array {
  const y = new Float64Array(runCount('saltelli', N, d));
  for (let r = 0; r < y.length; r++) y[r] = f(designRow('saltelli', seed, d, N, r).u);
  return y;
}

describe('sobolIndices', () => {
  it('recovers the analytic indices of an additive model', () => {
    // y = x1 + 2 x2 + 3 x3, x uniform: V_i = a_i^2 / 12, so S_i = ST_i = a_i^2 / 14.
    const N = 20000;
    const y = outputs(
      (x) => (x[0] as number) + 2 * (x[1] as number) + 3 * (x[2] as number),
      N,
      3,
      7,
    );
    const { indices, variance } = sobolIndices(y, N, 3, { bootstrap: 0, seed: 7 });
    expect(variance).toBeCloseTo(14 / 12, 1);
    // The first-order estimator is the noisier one (its terms carry the output's mean): its
    // standard error here is about 0.025, so allow four of them; Jansen's is far tighter.
    [1, 4, 9].forEach((a2, j) => {
      expect(Math.abs((indices[j]?.first as number) - a2 / 14)).toBeLessThan(0.1);
      expect(Math.abs((indices[j]?.total as number) - a2 / 14)).toBeLessThan(0.02);
    });
  });

  it('separates interactions: y = x1 x2 has S_i = 3/7 and ST_i = 4/7', () => {
    // Var(x1 x2) = 1/9 - 1/16 = 7/144; V_1 = Var(x1/2) = 1/48 = 3/144; V_12 = 1/144.
    const N = 40000;
    const y = outputs((x) => (x[0] as number) * (x[1] as number), N, 2, 3);
    const { indices } = sobolIndices(y, N, 2, { bootstrap: 0, seed: 3 });
    for (const s of indices) {
      expect(Math.abs(s.first - 3 / 7)).toBeLessThan(0.05);
      expect(Math.abs(s.total - 4 / 7)).toBeLessThan(0.02);
    }
  });

  it('gives a factor the model ignores zero total effect, exactly', () => {
    const N = 500;
    const y = outputs((x) => (x[0] as number) ** 2, N, 2, 11);
    const { indices } = sobolIndices(y, N, 2, { bootstrap: 50, seed: 11 });
    expect(indices[1]?.total).toBe(0);
    expect(indices[1]?.first).toBe(0);
    expect(indices[0]?.total).toBeGreaterThan(0.8);
  });

  it('brackets the estimate with its bootstrap interval (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (seed, a) => {
          const N = 200;
          const y = outputs((x) => (x[0] as number) + a * (x[1] as number), N, 2, seed);
          const { indices } = sobolIndices(y, N, 2, { bootstrap: 100, seed });
          for (const s of indices) {
            const [lo, hi] = s.totalInterval as [number, number];
            expect(lo).toBeLessThanOrEqual(hi);
            expect(s.total).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it('refuses outputs of the wrong length', () => {
    expect(() => sobolIndices([1, 2, 3], 2, 2, { bootstrap: 0, seed: 1 })).toThrow(RangeError);
  });
});
