import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simplexMax } from './lp.js';

describe('simplexMax (dense simplex, Bland rule)', () => {
  it('solves a textbook programme (hand-solved: x = 3, y = 1, value 11)', () => {
    const r = simplexMax(
      [3, 2],
      [
        [1, 1],
        [1, 3],
        [1, 0],
      ],
      [4, 6, 3],
    );
    expect(r.status).toBe('optimal');
    expect(r.value).toBeCloseTo(11, 12);
    expect(Array.from(r.x)).toEqual([3, 1].map((v) => expect.closeTo(v, 12)));
  });

  it("terminates on Beale's cycling example (optimum 5/4 at x4 = 1, x6 = 1)", () => {
    const r = simplexMax(
      [0.75, -20, 0.5, -6],
      [
        [0.25, -8, -1, 9],
        [0.5, -12, -0.5, 3],
        [0, 0, 1, 0],
      ],
      [0, 0, 1],
    );
    expect(r.status).toBe('optimal');
    expect(r.value).toBeCloseTo(1.25, 12);
  });

  it('reports an unbounded programme and rejects a negative right-hand side', () => {
    expect(simplexMax([1, 1], [[1, -1]], [1]).status).toBe('unbounded');
    expect(() => simplexMax([1], [[1]], [-1])).toThrow(RangeError);
  });

  it('returns a feasible point whose value is at least that of any vertex of the box (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (a, c) => {
          const b = a.map(() => 1);
          const r = simplexMax(c, a, b);
          expect(r.status).toBe('optimal');
          for (const row of a) {
            const lhs = row.reduce((s, v, j) => s + v * (r.x[j] as number), 0);
            expect(lhs).toBeLessThanOrEqual(1 + 1e-9);
          }
          for (const v of r.x) expect(v).toBeGreaterThanOrEqual(-1e-12);
          // Each single-variable solution x_j = 1 / max_i a_ij is feasible, so the optimum beats it.
          c.forEach((cj, j) => {
            const t = 1 / Math.max(...a.map((row) => row[j] as number));
            expect(r.value).toBeGreaterThanOrEqual(cj * t - 1e-9);
          });
        },
      ),
    );
  });
});
