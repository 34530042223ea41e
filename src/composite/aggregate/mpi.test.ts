import { describe, expect, it } from 'vitest';
import { ampi, mpi } from './mpi.js';

describe('Mazziotta-Pareto (Mazziotta and Pareto 2016; Compind ci_mpi, ci_ampi)', () => {
  it('MPI by hand: z = 100 + 10 (x - mean) / population sd, then M -/+ S cv', () => {
    // Child 1 (1, 2, 3): mean 2, population sd sqrt(2/3); child 2 (3, 3, 0): mean 2, sd sqrt(2).
    const c1 = Float64Array.of(1, 2, 3);
    const c2 = Float64Array.of(3, 3, 0);
    const z1 = [1, 2, 3].map((x) => 100 + (10 * (x - 2)) / Math.sqrt(2 / 3));
    const z2 = [3, 3, 0].map((x) => 100 + (10 * (x - 2)) / Math.sqrt(2));
    const expected = (sign: number) =>
      z1.map((a, i) => {
        const b = z2[i] as number;
        const m = (a + b) / 2;
        const s = Math.abs(a - b) / 2; // population sd of two values
        return m + sign * s * (s / m);
      });
    expect(Array.from(mpi([c1, c2], [1, 1]))).toEqual(
      expected(-1).map((v) => expect.closeTo(v, 12)),
    );
    expect(Array.from(mpi([c1, c2], [1, 1], 'negative'))).toEqual(
      expected(1).map((v) => expect.closeTo(v, 12)),
    );
    // Unit 2: z = (100 + 10 sqrt(1.5), 100 - 20 / sqrt(2)) = (112.247, 85.858): M = 99.053,
    // S = 13.195, S cv = 1.758, MPI = 97.295.
    expect(mpi([c1, c2], [1, 1])[2]).toBeCloseTo(97.295, 3);
  });

  it('equals M (1 - cv^2), the form of Compind ci_mpi, and penalises unbalanced units', () => {
    const r = mpi([Float64Array.of(2, 0, 1), Float64Array.of(0, 2, 1)], [1, 1]);
    // Units 0 and 1 are unbalanced (z 112.25 and 87.75), unit 2 balanced at 100.
    expect(r[2]).toBeCloseTo(100, 12);
    const s = 10 * Math.sqrt(1.5);
    expect(r[0]).toBeCloseTo(100 * (1 - (s / 100) ** 2), 12);
    expect(r[0]).toBeLessThan(r[2] as number);
  });

  it('a constant child standardises to 100 and a missing child is left out', () => {
    const r = mpi([Float64Array.of(5, 5), Float64Array.of(1, Number.NaN)], [1, 1]);
    expect(r[1]).toBe(100);
  });

  it('AMPI by hand: goalposts ref -/+ (max - min) / 2 onto [70, 130], population sd', () => {
    const r = ampi([Float64Array.of(5, 10, 0), Float64Array.of(5, 0, 10)], [1, 1], [5, 5]);
    expect(r[0]).toBeCloseTo(100, 12);
    expect(r[1]).toBeCloseTo(91, 12); // (130, 70): M 100, S 30, cv 0.3
    expect(
      ampi([Float64Array.of(5, 10, 0), Float64Array.of(5, 0, 10)], [1, 1], [5, 5], 'negative')[2],
    ).toBeCloseTo(109, 12);
  });
});

describe('Mazziotta-Pareto properties', () => {
  it('MPI is at most the mean of the standardised values, equal only for balanced units, and ignores child order (property)', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 3, maxLength: 3 }),
          {
            minLength: 3,
            maxLength: 10,
          },
        ),
        (units) => {
          const cols = [0, 1, 2].map((j) => Float64Array.from(units, (u) => u[j] as number));
          const neg = mpi(cols, [1, 1, 1], 'positive');
          const pos = mpi(cols, [1, 1, 1], 'negative');
          const swapped = mpi([cols[2], cols[0], cols[1]] as Float64Array[], [1, 1, 1]);
          neg.forEach((v, i) => {
            expect(v).toBeLessThanOrEqual((pos[i] as number) + 1e-9);
            expect(swapped[i]).toBeCloseTo(v, 9);
          });
        },
      ),
    );
  });
});
