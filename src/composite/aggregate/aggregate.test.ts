/**
 * The aggregate step's column-by-column sums (amean four children at a time, gmean with cached
 * logs) against the row-by-row means of `methods.ts`: the same figures, bit for bit, whatever
 * the number of children, their weights and the missing values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetFromRows } from '../data/dataset.js';
import type { CompositeMeta, MetaNode, UnitTable } from '../data/types.js';
import { aggregate } from './aggregate.js';
import { amean, gmean } from './methods.js';

function context(kids: number, weights: number[], rows: number) {
  const nodes: MetaNode[] = [
    ...Array.from({ length: kids }, (_, j) => ({
      code: `i${j}`,
      level: 1,
      parent: 'A',
      direction: 1 as const,
      weight: weights[j] as number,
      type: 'Indicator' as const,
    })),
    { code: 'A', level: 2, direction: 1, weight: 1, type: 'Aggregate' },
  ];
  const meta: CompositeMeta = { nodes, groups: [], denominators: [], others: [] };
  const units: UnitTable = {
    codes: Array.from({ length: rows }, (_, r) => `U${r}`),
    names: Array.from({ length: rows }, () => null),
    periods: Array.from({ length: rows }, () => null),
    groups: {},
    denominators: {},
  };
  return { units, meta };
}

const table = fc
  .record({ kids: fc.integer({ min: 1, max: 11 }), rows: fc.integer({ min: 1, max: 12 }) })
  .chain(({ kids, rows }) =>
    fc.record({
      weights: fc.array(fc.constantFrom(0, 0.5, 1, 2, 3.25), { minLength: kids, maxLength: kids }),
      values: fc.array(
        fc.array(
          fc.option(fc.double({ min: 0.001, max: 1000, noNaN: true }), { freq: 4, nil: null }),
          { minLength: kids, maxLength: kids },
        ),
        { minLength: rows, maxLength: rows },
      ),
    }),
  );

describe('aggregate: column-wise means', () => {
  for (const method of ['amean', 'gmean'] as const) {
    it(`${method} equals the row-by-row mean of the children present, bit for bit`, () => {
      fc.assert(
        fc.property(table, ({ weights, values }) => {
          const kids = weights.length;
          const ctx = context(kids, weights, values.length);
          const codes = Array.from({ length: kids }, (_, j) => `i${j}`);
          const r = aggregate(ctx, datasetFromRows(codes, values), { method });
          expect(r.issues).toEqual([]);
          const n = values.length;
          values.forEach((row, u) => {
            const x: number[] = [];
            const w: number[] = [];
            row.forEach((v, j) => {
              if (v === null) return;
              x.push(v);
              w.push(weights[j] as number);
            });
            const want =
              x.length === 0 ? Number.NaN : (method === 'amean' ? amean : gmean)(x, w, x.length);
            const got = r.dataset.values[kids * n + u] as number;
            // A row whose children present all weigh 0 has no mean (0 / 0).
            expect(Number.isNaN(got) ? Number.NaN : got).toBe(want);
          });
        }),
        { numRuns: 300 },
      );
    });
  }
});
