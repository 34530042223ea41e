import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisModel } from '../src/analysis/model.js';
import { compileCompositeModel } from '../src/analysis/models/composite.js';
import { runSensitivity } from '../src/analysis/sensitivity/sensitivity.js';
import { runUncertainty, safeRunUncertainty } from '../src/analysis/uncertainty/uncertainty.js';
import { columnOf } from '../src/composite/data/dataset.js';
import { readCoinr } from '../src/composite/data/read.js';
import type { CompositeData } from '../src/composite/data/types.js';
import { runPipeline } from '../src/composite/pipeline/run.js';
import type { PipelineSpecInput } from '../src/composite/pipeline/schema.js';
import { analysisFixture, readAsem } from './support/asem.js';

const pipeline = analysisFixture('asem-pipeline.yaml');
const spec = analysisFixture('asem-spec.yaml');

let data: CompositeData;
let model: AnalysisModel;

beforeAll(() => {
  data = readAsem();
  const m = compileCompositeModel({ data, pipeline });
  if (!m.ok) throw new Error('ASEM pipeline did not compile');
  model = m.value;
});

describe('the composite model on ASEM', () => {
  it('describes units, levels and steps', () => {
    const d = model.description;
    expect(d.units).toHaveLength(51);
    expect(d.target).toBe('Index');
    expect(d.levels.map((l) => l.codes.length)).toEqual([49, 8, 2, 1]);
    expect(d.steps).toEqual(['impute', 'treat', 'normalise', 'aggregate']);
  });

  it('re-evaluates the nominal pipeline exactly as the pipeline computes it', () => {
    const agg = runPipeline(data, pipeline).datasets.aggregated;
    const expected = columnOf(agg as NonNullable<typeof agg>, 'Index') as Float64Array;
    expect(Array.from(model.evaluate({}, 'Index'))).toEqual(Array.from(expected));
  });

  it('matches the pipeline re-run with the changed settings', () => {
    const variant = { winmax: 2, normalisation: { method: 'zscore', mean: 10, sd: 2 } };
    const steps = pipeline.steps.map((s: { step: string }) =>
      s.step === 'treat'
        ? { ...s, winmax: 2 }
        : s.step === 'normalise'
          ? { step: 'normalise', method: 'zscore', mean: 10, sd: 2 }
          : s.step === 'aggregate'
            ? { step: 'aggregate', method: 'gmean' }
            : s,
    );
    const agg = runPipeline(data, { steps }).datasets.aggregated;
    const expected = columnOf(agg as NonNullable<typeof agg>, 'Conn') as Float64Array;
    const got = model.evaluate({ ...variant, aggregation: { method: 'gmean' } }, 'Conn');
    expect(Array.from(got)).toEqual(Array.from(expected));
  });

  it('runs the uncertainty analysis reproducibly for a seed', async () => {
    const a = await runUncertainty(model, { ...spec, samples: 40 });
    const b = await runUncertainty(model, { ...spec, samples: 40 });
    expect(a).toEqual(b);
    expect(a.runs).toBe(40);
    expect(a.removeOne.map((r) => [r.level, r.components.length])).toEqual([[2, 8]]);
    const c = await runUncertainty(model, { ...spec, samples: 40, seed: 43 });
    expect(c.units).not.toEqual(a.units);
    for (const u of a.units) {
      expect(u.rank.q5).toBeLessThanOrEqual(u.rank.median as number);
      expect(u.rank.median).toBeLessThanOrEqual(u.rank.q95 as number);
    }
  });

  it('runs the sensitivity analysis: 600 runs, aggregation matters most, winmax least', async () => {
    const sa = await runSensitivity(model, spec);
    expect(sa.runs).toBe(600);
    const total = Object.fromEntries(sa.indices.map((i) => [i.assumption, i.total]));
    const max = Math.max(...Object.values(total));
    expect(total.Aggregation).toBe(max);
    expect(Math.min(...Object.values(total))).toBe(total.Winmax);
    expect(sa.removeOne[0]?.components.map((c) => c.code)).toEqual(
      model.description.levels[1]?.codes,
    );
  });

  it('checks every assumption before running, with codes', async () => {
    const bad = await safeRunUncertainty(model, {
      assumptions: [
        { name: 'A', kind: 'weights', levels: [{ level: 9, factor: 0.2 }] },
        { name: 'B', kind: 'weights', levels: [{ level: 2, factor: 1.5 }] },
        { name: 'C', kind: 'exclude', level: 1, codes: ['NotAnIndicator'] },
        { name: 'D', kind: 'missing', alternatives: [{ noData: 'zero' }] },
        { name: 'E', kind: 'normalisation', alternatives: [{ method: 'nope' }] },
        { name: 'E', kind: 'winmax', range: [3, 1] },
        { name: 'F', kind: 'aggregation', methods: ['min'] },
      ],
      target: 'Nowhere',
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => i.code).sort()).toEqual(
      [
        'ANALYSIS_UNKNOWN_TARGET',
        'ANALYSIS_UNKNOWN_LEVEL',
        'ANALYSIS_BAD_RANGE',
        'ANALYSIS_UNKNOWN_COMPONENT',
        'ANALYSIS_STEP_MISSING',
        'ANALYSIS_BAD_OPTIONS',
        'ANALYSIS_DUPLICATE_NAME',
        'ANALYSIS_BAD_RANGE',
        'ANALYSIS_BAD_OPTIONS',
      ].sort(),
    );
  });

  it('varies the imputation, and checks its options against the pipeline', async () => {
    const imputation = {
      name: 'Imputation',
      kind: 'imputation' as const,
      alternatives: [
        { method: 'mean-by-group', group: 'EurAsia_group' },
        { method: 'median' },
        { method: 'mean' },
      ],
    };
    const mean = model.evaluate({ imputation: { method: 'mean' } }, 'Index');
    const steps = pipeline.steps.map((s: { step: string }) =>
      s.step === 'impute' ? { step: 'impute', method: 'mean' } : s,
    );
    const agg = runPipeline(data, { steps }).datasets.aggregated;
    expect(Array.from(mean)).toEqual(
      Array.from(columnOf(agg as NonNullable<typeof agg>, 'Index') as Float64Array),
    );
    const ua = await runUncertainty(model, { samples: 12, assumptions: [imputation] });
    expect(ua.assumptions[0]?.alternatives).toEqual(['mean-by-group', 'median', 'mean']);
    const bad = await safeRunUncertainty(model, {
      assumptions: [
        {
          ...imputation,
          alternatives: [{ method: 'mean-by-group', group: 'Nowhere' }, { method: 'guess' }],
        },
      ],
    });
    expect(bad.ok ? [] : bad.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['ANALYSIS_BAD_OPTIONS', 'assumptions.0.alternatives.0'],
      ['ANALYSIS_BAD_OPTIONS', 'assumptions.0.alternatives.1'],
    ]);
  });

  it('refuses an assumption on a step the pipeline lacks', async () => {
    const m = compileCompositeModel({
      data,
      pipeline: { steps: [{ step: 'normalise' }, { step: 'aggregate' }] },
    });
    if (!m.ok) throw new Error('did not compile');
    const r = await safeRunUncertainty(m.value, {
      assumptions: [{ name: 'Winmax', kind: 'winmax', range: [1, 5] }],
    });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['ANALYSIS_STEP_MISSING']);
  });
});

describe('the composite model on a panel', () => {
  const iMeta = [
    'Level,iCode,iName,Direction,Weight,Parent,Type',
    '1,x1,X1,1,1,Index,Indicator',
    '1,x2,X2,1,1,Index,Indicator',
    '1,x3,X3,-1,1,Index,Indicator',
    '2,Index,Index,1,1,,Aggregate',
  ].join('\n');
  const iData = [
    'uCode,Time,x1,x2,x3',
    'A,2019,1,5,3',
    'B,2019,2,4,2',
    'C,2019,3,3,1',
    'D,2019,4,1,5',
    'A,2020,2,5,3',
    'B,2020,1,4,2',
    'C,2020,4,3,1',
    'D,2020,3,2,4',
  ].join('\n');
  const panel = () => {
    const d = readCoinr(iData, iMeta);
    if (!d.ok) throw new Error(JSON.stringify(d.issues));
    return d.value;
  };
  const steps: PipelineSpecInput = {
    steps: [{ step: 'normalise', method: 'minmax' }, { step: 'aggregate' }],
  };

  it('ranks the latest period by default, or the one asked for', () => {
    const latest = compileCompositeModel({ data: panel(), pipeline: steps });
    const first = compileCompositeModel({ data: panel(), pipeline: steps, period: 2019 });
    if (!latest.ok || !first.ok) throw new Error('did not compile');
    expect(latest.value.description.units).toEqual(['A', 'B', 'C', 'D']);
    expect(Array.from(latest.value.evaluate({}, 'Index'))).not.toEqual(
      Array.from(first.value.evaluate({}, 'Index')),
    );
    const missing = compileCompositeModel({ data: panel(), pipeline: steps, period: 2030 });
    expect(missing.ok ? [] : missing.issues.map((i) => i.code)).toEqual([
      'ANALYSIS_UNKNOWN_PERIOD',
    ]);
  });
});
