import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benefitOfTheDoubt } from './bod.js';

const cols = (...units: number[][]) =>
  (units[0] as number[]).map((_, j) => Float64Array.from(units, (u) => u[j] as number));

describe('benefitOfTheDoubt (Cherchye et al. 2007, Compind ci_bod / ci_bod_constr)', () => {
  it('each unit best on one child scores 1', () => {
    expect(Array.from(benefitOfTheDoubt(cols([1, 0.5], [0.5, 1])).scores)).toEqual([1, 1]);
  });

  it('hand-solved: A = (2, 2) between B = (4, 1) and C = (1, 4) scores 0.8, D = (1, 1) 0.4', () => {
    // For A: 4w1 + w2 <= 1 and w1 + 4w2 <= 1 add up to 5(w1 + w2) <= 2, so 2w1 + 2w2 <= 0.8,
    // reached at w1 = w2 = 0.2. D is half of A.
    const r = benefitOfTheDoubt(cols([2, 2], [4, 1], [1, 4], [1, 1]));
    expect(Array.from(r.scores)).toEqual([0.8, 1, 1, 0.4].map((v) => expect.closeTo(v, 12)));
    expect(r.weights[0]?.[0]).toBeCloseTo(0.2, 12);
    expect(r.weights[0]?.[1]).toBeCloseTo(0.2, 12);
  });

  it('hand-solved share bounds [0.3, 0.7]: B falls to 8/11, A keeps 0.8', () => {
    // B's best share for child 1 is the upper bound a = 0.7: w1 = a s / 4, w2 = (1 - a) s, and
    // C's row a s / 4 + 4 (1 - a) s <= 1 gives s <= 1 / 1.375 = 8 / 11.
    const bounds = [[0.3, 0.7] as const, [0.3, 0.7] as const];
    const r = benefitOfTheDoubt(cols([2, 2], [4, 1], [1, 4]), bounds);
    expect(r.scores[0]).toBeCloseTo(0.8, 12);
    expect(r.scores[1]).toBeCloseTo(8 / 11, 12);
    expect(r.scores[2]).toBeCloseTo(8 / 11, 12);
    const share = (4 * (r.weights[1]?.[0] as number)) / (r.scores[1] as number);
    expect(share).toBeCloseTo(0.7, 12);
  });

  it('leaves a missing child out of the unit and counts it as 0 for the others', () => {
    const r = benefitOfTheDoubt(cols([2, Number.NaN], [4, 1], [Number.NaN, Number.NaN]));
    expect(r.scores[0]).toBeCloseTo(0.5, 12); // only child 1, bounded by B's 4 w1 <= 1
    expect(r.scores[1]).toBeCloseTo(1, 12);
    expect(Number.isNaN(r.scores[2] as number)).toBe(true);
  });

  it('scores lie in [0, 1], the best unit scores 1, scaling a child changes nothing, bounds only lower scores (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 100, noNaN: true })), {
            minLength: 3,
            maxLength: 3,
          }),
          {
            minLength: 2,
            maxLength: 8,
          },
        ),
        fc.double({ min: 0.1, max: 1000, noNaN: true }),
        (units, factor) => {
          const c = cols(...units);
          const r = benefitOfTheDoubt(c).scores;
          for (const v of r) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
          }
          if (units.some((u) => u.some((v) => v > 0))) expect(Math.max(...r)).toBeCloseTo(1, 9);
          const scaled = c.map((col, j) => (j === 0 ? col.map((v) => v * factor) : col));
          const r2 = benefitOfTheDoubt(scaled).scores;
          r.forEach((v, i) => {
            expect(r2[i]).toBeCloseTo(v, 9);
          });
          const rb = benefitOfTheDoubt(c, [[0.1, 0.6], undefined, [0.2, 0.9]]).scores;
          rb.forEach((v, i) => {
            expect(v).toBeLessThanOrEqual((r[i] as number) + 1e-9);
          });
        },
      ),
    );
  });
});
