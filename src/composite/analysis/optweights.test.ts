import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCoinr } from '../data/read.js';
import type { Dataset } from '../data/types.js';
import { parsePipelineSpec, runPipeline } from '../pipeline/run.js';
import { correlationMatrix } from './correlation.js';
import { optimiseWeights, safeOptimiseWeights } from './optweights.js';

const dir = join(import.meta.dirname, '../../../fixtures/reference/coinr-asem');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
const loaded = readCoinr(read('asem_iData.csv'), read('asem_iMeta.csv'));
if (!loaded.ok) throw new Error('ASEM');
const data = loaded.value;
const parsed = parsePipelineSpec({
  steps: [
    { step: 'denominate' },
    { step: 'impute', method: 'mean-by-group', group: 'EurAsia_group' },
    { step: 'screen', by: 'missing', threshold: 0.9 },
    { step: 'treat', method: 'default', winmax: 5 },
    { step: 'normalise', method: 'minmax', range: [0, 100] },
    { step: 'aggregate', method: 'amean' },
  ],
});
if (!parsed.ok) throw new Error('spec');
const spec = parsed.value;

describe("optimiseWeights (COINr's get_opt_weights, balance)", () => {
  it("reaches equal shares on ASEM's sub-indices closer than COINr's 0.5016 / 0.4984", () => {
    const r = optimiseWeights(data, spec, { level: 3 });
    expect(r.rows.map((x) => x.code)).toEqual(['Conn', 'Sust']);
    for (const row of r.rows) {
      expect(row.desired).toBe(0.5);
      expect(Math.abs(row.obtained - 0.5)).toBeLessThan(1e-6);
    }
    expect(Math.abs((r.rows[0]?.original as number) - 0.5)).toBeGreaterThan(0.02);
    expect(r.converged).toBe(true);
    expect((r.rows[0]?.weight as number) + (r.rows[1]?.weight as number)).toBeCloseTo(1, 12);
  });

  it('the weights, put back into the pipeline, give the shares reported', () => {
    const r = optimiseWeights(data, spec, { level: 3, targets: { Conn: 2, Sust: 3 } });
    expect(r.rows.map((x) => x.desired)).toEqual([0.4, 0.6]);
    const steps = spec.steps.map((s) =>
      s.step === 'aggregate' ? { ...s, weights: r.weights } : s,
    );
    const ds = runPipeline(data, { steps }).datasets.aggregated as Dataset;
    const c = correlationMatrix(ds, ['Conn', 'Sust', 'Index']);
    const conn = c[0]?.[2] as number;
    const sust = c[1]?.[2] as number;
    expect(conn / (conn + sust)).toBeCloseTo(r.rows[0]?.obtained as number, 12);
    expect(r.objective).toBeLessThanOrEqual(r.objectiveBefore);
  });

  it('optimises a level with several parents within each parent, and never worsens the gap', () => {
    const r = optimiseWeights(data, spec, { level: 2, against: 'parent' });
    expect(r.rows).toHaveLength(8);
    expect(r.objective).toBeLessThan(r.objectiveBefore);
    const sust = r.rows.filter((x) => ['Environ', 'Social', 'SusEcFin'].includes(x.code));
    expect(sust.reduce((s, x) => s + x.weight, 0)).toBeCloseTo(1, 12);
  });

  it('infomax raises the sum of correlations with the index (COINr optype infomax)', () => {
    const r = optimiseWeights(data, spec, { level: 2, type: 'infomax' });
    expect(r.objective).toBeLessThan(r.objectiveBefore); // minus the sum of correlations
    expect(-r.objective).toBeCloseTo(
      r.rows.reduce((s, x) => s + x.correlation, 0),
      12,
    );
    for (const row of r.rows) expect(row.desired).toBeNaN();
  });

  it('reports missing aggregate steps, bad levels and targets as coded issues', () => {
    const codes = (r: ReturnType<typeof safeOptimiseWeights>) =>
      r.ok ? [] : r.issues.map((i) => i.code);
    const noAgg = parsePipelineSpec({ steps: [{ step: 'normalise' }] });
    if (!noAgg.ok) throw new Error('spec');
    expect(codes(safeOptimiseWeights(data, noAgg.value, { level: 3 }))).toEqual([
      'COMPOSITE_STEP_MISSING',
    ]);
    expect(codes(safeOptimiseWeights(data, spec, { level: 4 }))).toEqual([
      'COMPOSITE_SPEC_INVALID',
    ]);
    expect(
      codes(safeOptimiseWeights(data, spec, { level: 3, targets: { Conn: 1, Nope: 1 } })),
    ).toEqual(['COMPOSITE_UNKNOWN_CODE', 'COMPOSITE_SPEC_INVALID']);
  });
});
