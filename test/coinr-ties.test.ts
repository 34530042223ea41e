/**
 * Ties as COINr and R treat them: the direction is applied before ranking (COINr's
 * `Normalise.numeric` multiplies by the direction, then `n_rank`, `n_borda` and `n_prank` call
 * `rank(ties.method = "min", na.last = "keep")`), Spearman's correlation ranks ties by their
 * average (`cor(method = "spearman")`), and equal inputs stay exactly equal through every step.
 * Expected values are worked out by hand from COINr 1.1.14's R source (R/normalise.R) and R's
 * definitions; the comments show the working.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { correlationMatrix } from '../src/composite/analysis/correlation.js';
import { columnOf, valueAt } from '../src/composite/data/dataset.js';
import { readCoinr } from '../src/composite/data/read.js';
import type { CompositeData, Dataset } from '../src/composite/data/types.js';
import { parsePipelineSpec, runPipeline } from '../src/composite/pipeline/run.js';
import type { NormaliseMethod, PipelineSpecInput } from '../src/composite/pipeline/schema.js';
import { spearman } from '../src/math/correlation.js';

/** `r` (direction -1, the reversed indicator), `f` (direction 1) and `g` under one pillar. */
const imeta = `iCode,Level,Parent,Direction,Weight,Type
r,1,P,-1,1,Indicator
f,1,P,1,1,Indicator
g,1,P,1,2,Indicator
P,2,Index,1,1,Aggregate
Index,3,,1,1,Aggregate
`;

function load(idata: string, meta = imeta): CompositeData {
  const res = readCoinr(idata, meta, { idata: 'iData.csv', imeta: 'iMeta.csv' });
  if (!res.ok) throw new Error(JSON.stringify(res.issues));
  return res.value;
}

function run(data: CompositeData, spec: PipelineSpecInput) {
  const parsed = parsePipelineSpec(spec);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return runPipeline(data, parsed.value);
}

const normalised = (data: CompositeData, method: NormaliseMethod): Dataset =>
  run(data, { steps: [{ step: 'normalise', method }] }).datasets.normalised as Dataset;

const col = (ds: Dataset, code: string) => Array.from(columnOf(ds, code) as Float64Array);

describe('rank-based normalisations of a reversed, tied indicator (COINr n_rank, n_borda, n_prank)', () => {
  // r = 4.8, 4.6, 5.1, 4.8, 1.5, 5.1, NA, 4.8 with direction -1. COINr: x * -1 =
  // -4.8, -4.6, -5.1, -4.8, -1.5, -5.1, NA, -4.8; ascending: -5.1 -5.1 -4.8 -4.8 -4.8 -4.6 -1.5;
  // rank(ties "min"): -5.1 -> 1, -4.8 -> 3, -4.6 -> 6, -1.5 -> 7.
  // Ranking first and flipping (8 - rank(x)) would give 5, 6, 2, 5, 7, 2: "min" turned "max".
  const data = load(`uCode,r,f,g
U1,4.8,1,1
U2,4.6,2,2
U3,5.1,3,3
U4,4.8,4,4
U5,1.5,5,5
U6,5.1,6,6
U7,,7,7
U8,4.8,8,8
`);
  const NA = Number.NaN;

  it('rank: the direction is applied before ranking, ties take the smallest rank', () => {
    expect(col(normalised(data, 'rank'), 'r')).toEqual([3, 6, 1, 3, 7, 1, NA, 3]);
  });

  it('borda: rank - 1', () => {
    expect(col(normalised(data, 'borda'), 'r')).toEqual([2, 5, 0, 2, 6, 0, NA, 2]);
  });

  it('prank: (rank - 1) / (7 available - 1)', () => {
    expect(col(normalised(data, 'prank'), 'r')).toEqual([2 / 6, 5 / 6, 0, 2 / 6, 1, 0, NA, 2 / 6]);
  });
});

describe("COINr's ASEM TolMin (direction -1, tied values) under rank normalisation", () => {
  const dir = join(import.meta.dirname, '../fixtures/reference/coinr-asem');
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const loaded = readCoinr(read('asem_iData.csv'), read('asem_iMeta.csv'), {
    idata: 'asem_iData.csv',
    imeta: 'asem_iMeta.csv',
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const asem = loaded.value;
  const spec = parseYaml(
    readFileSync(new URL('./fixtures/composite/asem.pipeline.yaml', import.meta.url), 'utf8'),
  ) as { steps: Record<string, unknown>[] };
  const withMethod = (method: NormaliseMethod): PipelineSpecInput =>
    ({
      steps: spec.steps.map((s) => (s.step === 'normalise' ? { step: 'normalise', method } : s)),
    }) as PipelineSpecInput;
  const rankRun = run(asem, withMethod('rank'));
  const pr = run(asem, withMethod('prank')).datasets.normalised as Dataset;
  const ranked = rankRun.datasets.normalised as Dataset;
  const at = (ds: Dataset, unit: string) => valueAt(asem.units, ds, unit, 'TolMin');

  it('gives tied units the smallest rank of their tie, counted on -TolMin', () => {
    // COINr's treated TolMin (default_Treated.csv): BGR, CZE and GRC are 5.1; HUN, NLD and SVN
    // 4.5; MLT, CHE and AUS 3.6; AUT and ITA 4.8. Times -1, ascending, ties "min": 25 units are
    // below -5.1 (values above 5.1), so the three 5.1s rank 26; above 4.5 there are 32, so 33;
    // above 3.6, 37, so 38; above 4.8, 29, so 30. MMR (9.8, the largest) ranks 1.
    for (const u of ['BGR', 'CZE', 'GRC']) expect(at(ranked, u)).toBe(26);
    for (const u of ['HUN', 'NLD', 'SVN']) expect(at(ranked, u)).toBe(33);
    for (const u of ['MLT', 'CHE', 'AUS']) expect(at(ranked, u)).toBe(38);
    for (const u of ['AUT', 'ITA']) expect(at(ranked, u)).toBe(30);
    expect(at(ranked, 'MMR')).toBe(1);
    // prank: (rank - 1) / (51 - 1).
    expect(at(pr, 'BGR')).toBe(25 / 50);
    expect(at(pr, 'MLT')).toBe(37 / 50);
  });

  it("every unit's rank is R's rank(-x, ties.method = 'min') of COINr's treated TolMin", () => {
    const [header, ...rows] = parse(read('default_Treated.csv')) as string[][];
    const j = (header as string[]).indexOf('TolMin');
    const x = rows.map((r) => -Number(r[j]));
    rows.forEach((r, i) => {
      const expected = 1 + x.filter((v) => v < (x[i] as number)).length;
      expect(at(ranked, r[0] as string), r[0]).toBe(expected);
    });
  });
});

describe('direction and ties, as properties', () => {
  const tied = fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 4, maxLength: 14 });
  const orderKeeping: NormaliseMethod[] = [
    'rank',
    'borda',
    'prank',
    'minmax',
    'zscore',
    'dist2max',
    'fracmax',
    'none',
  ];

  it('property: direction -1 equals normalising the negated values with direction 1', () => {
    fc.assert(
      fc.property(tied, fc.constantFrom(...orderKeeping), (xs, method) => {
        // x / max(x) is undefined when the largest directed value is 0 (COINr divides by a
        // signed zero there, which a CSV cannot write for the negated column): not a tie case.
        fc.pre(!(method === 'fracmax' && Math.max(...xs.map((v) => -v)) === 0));
        const csv = `uCode,r,f,g\n${xs.map((v, i) => `U${i},${v},${-v},1`).join('\n')}\n`;
        const ds = normalised(load(csv), method);
        const reversed = col(ds, 'r');
        const negated = col(ds, 'f');
        reversed.forEach((v, i) => {
          expect(Object.is(v, negated[i]) || v === negated[i], `${method} at ${i}`).toBe(true);
        });
      }),
    );
  });

  it('property: units with equal inputs stay exactly equal through every step', () => {
    const row = fc.tuple(
      fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 1, max: 9 }),
    );
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 3, maxLength: 10 }),
        fc.nat(),
        fc.constantFrom(...orderKeeping),
        fc.constantFrom('amean', 'gmean', 'hmean', 'median', 'copeland') as fc.Arbitrary<
          'amean' | 'gmean' | 'hmean' | 'median' | 'copeland'
        >,
        (rows, pick, method, aggregation) => {
          // Unit D is a copy of one of the others.
          const copy = rows[pick % rows.length] as [number, number, number];
          const all = [...rows, copy];
          const csv = `uCode,r,f,g\n${all.map((r, i) => `U${i},${r.join(',')}`).join('\n')}\n`;
          const result = run(load(csv), {
            steps: [
              { step: 'treat', method: 'default', winmax: 5 },
              {
                step: 'normalise',
                // The geometric and harmonic means need positive values: min-max to [1, 100].
                method: aggregation === 'gmean' || aggregation === 'hmean' ? 'minmax' : method,
                range: [1, 100],
              },
              { step: 'aggregate', method: aggregation },
            ],
          });
          const a = pick % rows.length;
          const b = all.length - 1;
          for (const ds of Object.values(result.datasets)) {
            if (!ds) continue;
            const n = ds.rows.length;
            for (let c = 0; c < ds.codes.length; c++) {
              const va = ds.values[c * n + a] as number;
              const vb = ds.values[c * n + b] as number;
              expect(Object.is(va, vb), `${ds.codes[c]}: ${va} vs ${vb}`).toBe(true);
            }
          }
        },
      ),
    );
  });
});

describe("Spearman's correlation with ties (R cor(method = 'spearman'))", () => {
  // x = 4.8, 4.6, 5.1, 4.8, 1.5; average ranks 3.5, 2, 5, 3.5, 1; y ranks 1..5. Deviations
  // from 3: (0.5, -1, 2, 0.5, -2) and (-2, -1, 0, 1, 2): sum of products -3.5, sums of
  // squares 9.5 and 10, so rho = -3.5 / sqrt(95).
  const x = [4.8, 4.6, 5.1, 4.8, 1.5];
  const y = [1, 2, 3, 4, 5];

  it('matches the value worked by hand, and the reversed indicator flips its sign', () => {
    expect(spearman(x, y)).toBeCloseTo(-3.5 / Math.sqrt(95), 15);
    expect(
      spearman(
        x.map((v) => -v),
        y,
      ),
    ).toBeCloseTo(3.5 / Math.sqrt(95), 15);
  });

  it('ranks the pairwise complete rows afresh, as R with use = "pairwise.complete.obs"', () => {
    // Dropping the 5th pair leaves x ranks 2.5, 1, 4, 2.5 and y 1..4: deviations (0, -1.5, 1.5,
    // 0) and (-1.5, -0.5, 0.5, 1.5); products sum 1.5; squares 4.5 and 5: rho = 1.5 / sqrt(22.5).
    expect(spearman([...x.slice(0, 4), Number.NaN], y)).toBeCloseTo(1.5 / Math.sqrt(22.5), 15);
    const data = load(
      `uCode,r,f,g\n${x.map((v, i) => `U${i},${v},${y[i]},${i === 4 ? '' : v}`).join('\n')}\n`,
    );
    const raw = run(data, { steps: [] }).datasets.raw as Dataset;
    const m = correlationMatrix(raw, ['r', 'f', 'g'], 'spearman');
    expect(m[0]?.[1]).toBeCloseTo(-3.5 / Math.sqrt(95), 15);
    expect(m[2]?.[1]).toBeCloseTo(1.5 / Math.sqrt(22.5), 15);
  });

  it('property: ties in a reversed indicator give the negated correlation (to 1e-12)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 9 })), {
          minLength: 3,
          maxLength: 30,
        }),
        (pairs) => {
          const a = pairs.map((p) => p[0]);
          const b = pairs.map((p) => p[1]);
          const r = spearman(a, b);
          const s = spearman(
            a.map((v) => -v),
            b,
          );
          if (Number.isNaN(r)) expect(s).toBeNaN();
          else expect(Math.abs(r + s)).toBeLessThanOrEqual(1e-12);
        },
      ),
    );
  });
});
