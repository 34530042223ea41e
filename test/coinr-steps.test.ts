/**
 * The composite steps on small COINr-style inputs: imputation (cross-section and panel),
 * screening, treatment, normalisation (per period and pooled, goalposts, targets, direction)
 * and aggregation (per level, thresholds, Copeland), through the public runner.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnOf, valueAt } from '../src/composite/data/dataset.js';
import { readCoinr } from '../src/composite/data/read.js';
import type { CompositeData, Dataset } from '../src/composite/data/types.js';
import { changePipeline } from '../src/composite/pipeline/change.js';
import { parsePipelineSpec, runPipeline, safeRunPipeline } from '../src/composite/pipeline/run.js';
import type { PipelineSpecInput, PipelineStep } from '../src/composite/pipeline/schema.js';
import { treatVector } from '../src/composite/treat/treat.js';
import { rankMin } from '../src/math/rank.js';

/** Two pillars (P1: a, b; P2: c with direction -1) under an Index. */
const imeta = `iCode,Level,Parent,Direction,Weight,Type,Target,goalpost_lower,goalpost_upper
a,1,P1,1,1,Indicator,8,0,10
b,1,P1,1,3,Indicator,,0,100
c,1,P2,-1,1,Indicator,2,0,20
P1,2,Index,1,2,Aggregate,,,
P2,2,Index,1,1,Aggregate,,,
Index,3,,1,1,Aggregate,,,
Region,,,,,Group,,,
`;

function load(idata: string, meta = imeta): CompositeData {
  const r = readCoinr(idata, meta, { idata: 'iData.csv', imeta: 'iMeta.csv' });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const cross = load(`uCode,Region,a,b,c
U1,N,1,10,5
U2,N,,20,10
U3,S,3,,15
U4,S,5,40,
U5,S,7,50,20
`);

const panel = load(`uCode,Time,a,b,c
U1,2020,1,10,5
U1,2021,,20,
U1,2022,3,,15
U1,2023,,40,
U2,2020,,5,1
U2,2021,4,,2
U2,2022,,,3
U2,2023,,8,4
`);

const run = (data: CompositeData, spec: PipelineSpecInput) => runPipeline(data, spec);
const col = (ds: Dataset | undefined, code: string) =>
  Array.from(columnOf(ds as Dataset, code) ?? []);

describe('impute', () => {
  const imputed = (data: CompositeData, step: Record<string, unknown>) =>
    run(data, { steps: [{ step: 'impute', ...step } as never] }).datasets.imputed;

  it('mean and median of the column', () => {
    expect(col(imputed(cross, { method: 'mean' }), 'a')).toEqual([1, 4, 3, 5, 7]);
    expect(col(imputed(cross, { method: 'median' }), 'b')).toEqual([10, 20, 30, 40, 50]);
  });

  it('mean and median by group (units of the same group only)', () => {
    expect(col(imputed(cross, { method: 'mean-by-group', group: 'Region' }), 'a')).toEqual([
      1, 1, 3, 5, 7,
    ]);
    expect(col(imputed(cross, { method: 'median-by-group', group: 'Region' }), 'b')).toEqual([
      10, 20, 45, 40, 50,
    ]);
  });

  it('row mean within the aggregation group, on normalised values mapped back', () => {
    // U2 lacks a; its b is at 0.25 of b's range [10, 50], so a gets 0.25 of a's range [1, 7].
    const ds = imputed(cross, { method: 'row-mean' });
    expect(col(ds, 'a')[1]).toBeCloseTo(2.5, 12);
    // c is alone in P2: nothing to average, U4 stays missing.
    expect(col(ds, 'c')[3]).toBeNaN();
  });

  it('panel: latest, constant, linear and linear-constant', () => {
    const unitA = (ds: Dataset | undefined, unit: string) =>
      [2020, 2021, 2022, 2023].map((t) => valueAt(panel.units, ds as Dataset, unit, 'a', t));
    expect(unitA(imputed(panel, { method: 'latest' }), 'U1')).toEqual([1, 1, 3, 3]);
    expect(unitA(imputed(panel, { method: 'latest', maxPeriods: 1 }), 'U2')).toEqual([
      Number.NaN,
      4,
      4,
      Number.NaN,
    ]);
    expect(unitA(imputed(panel, { method: 'constant' }), 'U1')).toEqual([1, 1, 3, 3]);
    expect(unitA(imputed(panel, { method: 'linear' }), 'U1')).toEqual([1, 2, 3, 3]);
    const b = (ds: Dataset | undefined) =>
      [2020, 2021, 2022, 2023].map((t) => valueAt(panel.units, ds as Dataset, 'U2', 'b', t));
    expect(b(imputed(panel, { method: 'linear' }))).toEqual([5, 6, 7, 8]);
    expect(unitA(imputed(panel, { method: 'linear-constant' }), 'U2')).toEqual([4, 4, 4, 4]);
  });

  it('panel: one observation under linear is a warning and a constant series, not a crash', () => {
    const r = run(panel, { steps: [{ step: 'impute', method: 'linear' }] });
    expect(
      [2020, 2021, 2022, 2023].map((t) =>
        valueAt(panel.units, r.datasets.imputed as Dataset, 'U2', 'a', t),
      ),
    ).toEqual([4, 4, 4, 4]);
    expect(r.warnings.map((w) => w.code)).toContain('COMPOSITE_IMPUTE_SINGLE_OBSERVATION');
  });

  it('panel methods need a Time column; group methods a known group', () => {
    const r = safeRunPipeline(cross, { steps: [{ step: 'impute', method: 'linear' }] });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['COMPOSITE_PANEL_REQUIRED']);
    const g = parsePipelineSpec({
      steps: [{ step: 'impute', method: 'mean-by-group', group: 'Nope' }],
    });
    const r2 = g.ok ? safeRunPipeline(cross, g.value) : undefined;
    expect(r2?.ok === false ? r2.issues.map((i) => i.code) : []).toEqual([
      'COMPOSITE_UNKNOWN_GROUP',
    ]);
  });

  it('logs the imputed cells and never changes present values', () => {
    const r = run(cross, { steps: [{ step: 'impute', method: 'mean' }] });
    const log = r.log[0];
    expect(log?.step === 'impute' ? log.imputed : {}).toEqual({ a: 1, b: 1, c: 1 });
    expect(col(r.datasets.imputed, 'b').filter((_, i) => i !== 2)).toEqual([10, 20, 40, 50]);
    expect(col(r.datasets.raw, 'a')[1]).toBeNaN();
  });
});

describe('impute properties', () => {
  it('never changes a present value, and mean/median fill every gap of a column with data', () => {
    const cell = fc.option(fc.integer({ min: -50, max: 50 }), { nil: null, freq: 4 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell, cell), { minLength: 2, maxLength: 12 }),
        fc.constantFrom('mean', 'median', 'row-mean'),
        (rows, method) => {
          const csv = `uCode,a,b,c\n${rows.map((r, i) => `U${i},${r.map((v) => v ?? '').join(',')}`).join('\n')}\n`;
          const data = load(csv);
          const out = run(data, { steps: [{ step: 'impute', method } as never] }).datasets
            .imputed as Dataset;
          const n = rows.length;
          for (let c = 0; c < 3; c++) {
            const column = rows.map((r) => r[c] ?? null);
            const hasData = column.some((v) => v !== null);
            column.forEach((v, r) => {
              const got = out.values[c * n + r] as number;
              if (v !== null) expect(got).toBe(v);
              else if (method !== 'row-mean' && hasData) expect(Number.isNaN(got)).toBe(false);
            });
          }
        },
      ),
    );
  });
});

describe('screen', () => {
  const zeros = load(`uCode,a,b,c
U1,0,0,1
U2,,,1
U3,1,2,3
`);
  it('by missing share, by zeros, both, and forced inclusion', () => {
    const units = (spec: Record<string, unknown>) => {
      const ds = run(zeros, { steps: [{ step: 'screen', ...spec } as never] }).datasets
        .screened as Dataset;
      return Array.from(ds.rows, (r) => zeros.units.codes[r]);
    };
    expect(units({ by: 'missing', threshold: 0.5 })).toEqual(['U1', 'U3']);
    expect(units({ by: 'zeros', nonzeroThreshold: 0.5 })).toEqual(['U2', 'U3']);
    expect(units({ by: 'both', threshold: 0.5, nonzeroThreshold: 0.5 })).toEqual(['U3']);
    expect(
      units({
        by: 'both',
        threshold: 0.5,
        nonzeroThreshold: 0.5,
        force: [{ unit: 'U2', include: true }],
      }),
    ).toEqual(['U2', 'U3']);
  });
});

describe('treat', () => {
  const o = { method: 'default', winmax: 5, skewThreshold: 2, kurtosisThreshold: 3.5 } as const;

  it('winsorises the highest point into the next one and stops once the test passes', () => {
    const t = treatVector(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 100), o);
    expect(t.action).toBe('winsorised');
    expect(t.winsorised).toBe(1);
    expect(t.high).toEqual([9]);
    expect(t.x[9]).toBe(9);
  });

  it('winsorises tied extremes together', () => {
    const t = treatVector(
      Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 200, 200),
      o,
    );
    expect(t.high).toEqual([18, 19]);
    expect(Array.from(t.x.slice(18))).toEqual([18, 18]);
  });

  it('falls back to the shifted log of the original values when winmax is reached', () => {
    const x = Float64Array.of(1, 1, 1, 1, 1, 1, 1, 2, 3, 5, 8, 50, 100, 1000, 10000);
    const t = treatVector(x, { ...o, winmax: 1 });
    expect(t.action).toBe('log');
    expect(t.x[0]).toBeCloseTo(Math.log(0.01 * 9999), 12);
    expect(t.x[14]).toBeCloseTo(Math.log(9999 + 0.01 * 9999), 12);
  });

  it('leaves vectors it cannot test untouched, and none copies', () => {
    expect(treatVector(Float64Array.of(1, 100, Number.NaN), o).action).toBe('skipped');
    // Three values always pass: |G1| cannot reach 2 with n = 3.
    expect(treatVector(Float64Array.of(1, 2, 100), o).action).toBe('none');
    const r = run(cross, { steps: [{ step: 'treat', method: 'none' }] });
    expect(col(r.datasets.treated, 'a')).toEqual(col(r.datasets.raw, 'a'));
  });
});

describe('normalise', () => {
  const norm = (data: CompositeData, step: Record<string, unknown>) =>
    run(data, { steps: [{ step: 'normalise', ...step } as never] });

  it('applies the direction before the method (c has direction -1)', () => {
    expectClose(col(norm(cross, { method: 'minmax' }).datasets.normalised, 'c'), [
      100,
      100 * (2 / 3),
      100 / 3,
      Number.NaN,
      0,
    ]);
  });

  it('dist2targ uses the iMeta target, multiplied by the direction', () => {
    const targ = { method: 'dist2targ', indicators: { b: 'minmax' } };
    expectClose(col(norm(cross, targ).datasets.normalised, 'a'), [
      0,
      Number.NaN,
      2 / 7,
      4 / 7,
      6 / 7,
    ]);
    // c: x' = -x, target -2, min -20: (x' + 20) / 18.
    expectClose(col(norm(cross, { ...targ, capMax: true }).datasets.normalised, 'c'), [
      15 / 18,
      10 / 18,
      5 / 18,
      Number.NaN,
      0,
    ]);
    // b has no target: an error, not a silent fallback.
    const r = safeRunPipeline(cross, { steps: [normaliseStep('dist2targ')] });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.params?.code])).toEqual([
      ['COMPOSITE_NO_TARGET', 'b'],
    ]);
  });

  it('goalposts from iMeta, flipped for direction -1; missing goalposts are an error', () => {
    expect(col(norm(cross, { method: 'goalposts' }).datasets.normalised, 'a')).toEqual([
      10,
      Number.NaN,
      30,
      50,
      70,
    ]);
    expect(col(norm(cross, { method: 'goalposts' }).datasets.normalised, 'c')).toEqual([
      75,
      50,
      25,
      Number.NaN,
      0,
    ]);
    const noGoal = load(
      'uCode,a,b,c\nU1,1,2,3\nU2,2,3,4\n',
      imeta.replace('a,1,P1,1,1,Indicator,8,0,10', 'a,1,P1,1,1,Indicator,8,,'),
    );
    const r = safeRunPipeline(noGoal, { steps: [normaliseStep('goalposts')] });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['COMPOSITE_NO_GOALPOSTS']);
  });

  it('dist2ref uses the reference unit; an unknown one is an error', () => {
    expect(
      col(norm(cross, { method: 'dist2ref', reference: 'U3' }).datasets.normalised, 'a'),
    ).toEqual([0, Number.NaN, 1, 2, 3]);
    const r = safeRunPipeline(cross, {
      steps: [normaliseStep('dist2ref', { reference: 'ZZ' })],
    });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['COMPOSITE_UNKNOWN_UNIT']);
  });

  it('panels: per period by default, pooled over periods on request', () => {
    const perPeriod = norm(panel, { method: 'minmax' }).datasets.normalised as Dataset;
    const pooled = norm(panel, { method: 'minmax', panel: 'pooled' }).datasets
      .normalised as Dataset;
    // 2020: b is 10 (U1) and 5 (U2): per period U1 is the best (100).
    expect(valueAt(panel.units, perPeriod, 'U1', 'b', 2020)).toBe(100);
    // Pooled, b ranges over 5..40: U1's 10 in 2020 is 5/35 of it.
    expect(valueAt(panel.units, pooled, 'U1', 'b', 2020)).toBeCloseTo((100 * 5) / 35, 12);
  });

  it('panels: goalposts are honoured when pooled (the same fixed posts in every period)', () => {
    const pooled = norm(panel, { method: 'goalposts', panel: 'pooled' }).datasets
      .normalised as Dataset;
    const perPeriod = norm(panel, { method: 'goalposts' }).datasets.normalised as Dataset;
    expect(Array.from(pooled.values)).toEqual(Array.from(perPeriod.values));
    expect(valueAt(panel.units, pooled, 'U1', 'b', 2023)).toBe(40);
  });

  it('property: direction -1 reverses the ranks, for every method that keeps order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 3, maxLength: 15 }),
        fc.constantFrom('rank', 'minmax', 'zscore', 'dist2max', 'prank', 'borda'),
        (xs, method) => {
          const csv = `uCode,a,b,c\n${xs.map((v, i) => `U${i},${v},${v},${v}`).join('\n')}\n`;
          const data = load(csv);
          const ds = run(data, { steps: [{ step: 'normalise', method } as never] }).datasets
            .normalised as Dataset;
          const up = rankMin(Float64Array.from(col(ds, 'a')), true);
          const down = rankMin(Float64Array.from(col(ds, 'c')), true);
          for (let i = 0; i < xs.length; i++) {
            expect(down[i]).toBe(xs.length + 1 - (up[i] as number));
          }
        },
      ),
    );
  });
});

describe('aggregate', () => {
  const full = load(`uCode,a,b,c
U1,10,20,30
U2,40,,60
U3,1,4,9
`);
  const agg = (spec: Record<string, unknown>, data = full) =>
    run(data, { steps: [{ step: 'aggregate', ...spec } as never] }).datasets.aggregated as Dataset;

  it('adds the aggregates level by level, sorted by code, with weights rescaled over present children', () => {
    const ds = agg({ method: 'amean' });
    expect(ds.codes).toEqual(['a', 'b', 'c', 'P1', 'P2', 'Index']);
    // U1: P1 = (10 + 3 * 20) / 4 = 17.5; P2 = 30; Index = (2 * 17.5 + 30) / 3.
    expect(col(ds, 'P1')[0]).toBe(17.5);
    expect(col(ds, 'Index')[0]).toBeCloseTo((2 * 17.5 + 30) / 3, 12);
    // U2 lacks b: P1 = a alone.
    expect(col(ds, 'P1')[1]).toBe(40);
  });

  it('a data-availability threshold leaves aggregates missing', () => {
    expect(col(agg({ method: 'amean', threshold: 0.6 }), 'P1')[1]).toBeNaN();
  });

  it('a different method per level, genmean with p', () => {
    const ds = agg({
      method: 'amean',
      levels: { '2': { method: 'gmean' }, '3': { method: 'genmean', p: 2 } },
    });
    const p1 = 10 ** 0.25 * 20 ** 0.75;
    expect(col(ds, 'P1')[0]).toBeCloseTo(p1, 10);
    expect(col(ds, 'Index')[0]).toBeCloseTo(Math.sqrt((2 * p1 ** 2 + 30 ** 2) / 3), 10);
  });

  it('copeland scores units within the aggregate', () => {
    const ds = agg({ method: 'copeland' });
    // P2 has one indicator, c: U2 beats both, U3 loses to both.
    expect(col(ds, 'P2')).toEqual([0, 2, -2]);
    // P1 over (a, b), weights 1 and 3, b missing for U2. As in COINr, a comparison with a missing
    // value counts for neither unit, so U2 wins against U1 (share 1 - 0) yet loses against U3
    // (share 1/4 on a alone): U1 -1 + 1, U2 +1 - 1, U3 -1 + 1.
    expect(col(ds, 'P1')).toEqual([0, 0, 0]);
  });

  it('gmean of a non-positive value is an error naming the unit', () => {
    const zero = load('uCode,a,b,c\nU1,0,1,1\nU2,1,1,1\n');
    const r = safeRunPipeline(zero, {
      steps: [
        {
          step: 'aggregate',
          method: 'gmean',
          levels: undefined,
          weights: undefined,
          p: undefined,
          threshold: undefined,
        },
      ],
    });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.params?.unit])).toEqual([
      ['COMPOSITE_NONPOSITIVE_VALUE', 'U1'],
    ]);
  });

  it('a level that does not exist is an error', () => {
    const r = parsePipelineSpec({
      steps: [{ step: 'aggregate', levels: { '9': { method: 'gmean' } } }],
    });
    const run2 = r.ok ? safeRunPipeline(full, r.value) : undefined;
    expect(run2?.ok === false ? run2.issues.map((i) => i.code) : []).toEqual([
      'COMPOSITE_UNKNOWN_LEVEL',
    ]);
  });
});

describe('pipeline spec', () => {
  it('reports schema problems with their path', () => {
    const r = parsePipelineSpec({ steps: [{ step: 'normalise', method: 'minmaxx' }] });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['COMPOSITE_SPEC_INVALID', 'steps.0.method'],
    ]);
  });

  it('refuses a repeated step and steps after aggregate', () => {
    const s = parsePipelineSpec({
      steps: [{ step: 'aggregate' }, { step: 'normalise' }, { step: 'normalise' }],
    });
    const r = s.ok ? safeRunPipeline(cross, s.value) : undefined;
    expect(r?.ok === false ? r.issues.map((i) => i.code) : []).toEqual([
      'COMPOSITE_STEP_ORDER',
      'COMPOSITE_STEP_REPEATED',
      'COMPOSITE_STEP_ORDER',
    ]);
  });

  it('refuses codes it does not know instead of ignoring them', () => {
    const s = parsePipelineSpec({
      steps: [
        { step: 'treat', exclude: ['a', 'nope'] },
        { step: 'normalise', indicators: { zz: 'rank' } },
        { step: 'aggregate', weights: { P9: 2 } },
      ],
    });
    const r = s.ok ? safeRunPipeline(cross, s.value) : undefined;
    expect(r?.ok === false ? r.issues.map((i) => [i.code, i.path.join('.')]) : []).toEqual([
      ['COMPOSITE_UNKNOWN_CODE', 'steps.0.exclude.nope'],
      ['COMPOSITE_UNKNOWN_CODE', 'steps.1.indicators.zz'],
      ['COMPOSITE_UNKNOWN_CODE', 'steps.2.weights.P9'],
    ]);
  });

  it('changes one setting of a pipeline by step name, refusing steps it lacks', () => {
    const base = parsePipelineSpec({ steps: [{ step: 'treat' }, { step: 'normalise' }] });
    if (!base.ok) throw new Error('bad spec');
    const changed = changePipeline(base.value, { normalise: { method: 'zscore' } });
    expect(changed.ok && changed.value.steps[1]).toMatchObject({
      step: 'normalise',
      method: 'zscore',
      range: [0, 100],
    });
    expect(base.value.steps[1]).toMatchObject({ method: 'minmax' });
    const bad = changePipeline(base.value, { aggregate: { method: 'gmean' } });
    expect(bad.ok ? [] : bad.issues.map((i) => i.code)).toEqual(['COMPOSITE_STEP_MISSING']);
    const invalid = changePipeline(base.value, { treat: { winmax: -2 } });
    expect(invalid.ok ? [] : invalid.issues.map((i) => i.code)).toEqual(['COMPOSITE_SPEC_INVALID']);
  });

  it('regenerates a build with one setting changed, leaving the first build and the inputs intact', () => {
    const base: PipelineSpecInput = {
      steps: [{ step: 'impute', method: 'mean' }, { step: 'normalise' }, { step: 'aggregate' }],
    };
    const before = Array.from(cross.raw.values);
    const one = run(cross, base);
    const changed = run(cross, {
      steps: [
        { step: 'impute', method: 'mean' },
        { step: 'normalise', method: 'zscore' },
        { step: 'aggregate' },
      ],
    });
    const again = run(cross, base);
    expect(Array.from(again.datasets.aggregated?.values ?? [])).toEqual(
      Array.from(one.datasets.aggregated?.values ?? []),
    );
    expect(col(changed.datasets.aggregated, 'Index')).not.toEqual(
      col(one.datasets.aggregated, 'Index'),
    );
    expect(Array.from(cross.raw.values)).toEqual(before);
  });
});

function expectClose(actual: number[], expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => {
    const e = expected[i] as number;
    if (Number.isNaN(e)) expect(v).toBeNaN();
    else expect(v).toBeCloseTo(e, 10);
  });
}

/** A normalise step with its defaults applied, as the runner receives it. */
function normaliseStep(method: string, extra: Record<string, unknown> = {}): PipelineStep {
  const r = parsePipelineSpec({ steps: [{ step: 'normalise', method, ...extra }] });
  if (!r.ok) throw new Error('bad spec');
  return r.value.steps[0] as PipelineStep;
}
