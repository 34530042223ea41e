/**
 * Golden test: COINr's ASEM example (`build_example_coin()`), reproduced stage by stage from
 * the reference files COINr 1.1.14 wrote, to 1e-9 relative, with the index ranks exact.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readCoinr } from '../src/composite/data/read.js';
import type { CompositeData, Dataset } from '../src/composite/data/types.js';
import { parsePipelineSpec, runPipeline } from '../src/composite/pipeline/run.js';
import type { StageName } from '../src/composite/pipeline/schema.js';
import { rankMin } from '../src/math/rank.js';

const dir = join(import.meta.dirname, '../fixtures/reference/coinr-asem');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');

const loaded = readCoinr(read('asem_iData.csv'), read('asem_iMeta.csv'), {
  idata: 'asem_iData.csv',
  imeta: 'asem_iMeta.csv',
});
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const data: CompositeData = loaded.value;

/** COINr's example pipeline, as the reference README lists it, from the fixture. */
const spec = parsePipelineSpec(
  parseYaml(
    readFileSync(new URL('./fixtures/composite/asem.pipeline.yaml', import.meta.url), 'utf8'),
  ),
);
if (!spec.ok) throw new Error(JSON.stringify(spec.issues));

const result = runPipeline(data, spec.value);

const files: Record<StageName, string> = {
  raw: 'default_Raw.csv',
  denominated: 'default_Denominated.csv',
  imputed: 'default_Imputed.csv',
  screened: 'default_Screened.csv',
  treated: 'default_Treated.csv',
  normalised: 'default_Normalised.csv',
  aggregated: 'default_Aggregated.csv',
};

function reference(file: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = parse(read(file)) as string[][];
  return { header: header as string[], rows };
}

function close(actual: number, expected: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= 1e-9 * Math.abs(expected);
}

function mismatches(ds: Dataset, file: string): string[] {
  const ref = reference(file);
  const out: string[] = [];
  const n = ds.rows.length;
  const units = Array.from(ds.rows, (r) => data.units.codes[r]);
  expect(units.sort()).toEqual(ref.rows.map((r) => r[0]).sort());
  expect([...ds.codes].sort()).toEqual(ref.header.slice(1).sort());
  for (const row of ref.rows) {
    const r = Array.from(ds.rows).findIndex((x) => data.units.codes[x] === row[0]);
    ref.header.slice(1).forEach((code, j) => {
      const cell = row[j + 1] as string;
      const expected = cell === '' || cell === 'NA' ? Number.NaN : Number(cell);
      const actual = ds.values[ds.codes.indexOf(code) * n + r] as number;
      if (!close(actual, expected)) out.push(`${row[0]} ${code}: ${actual} vs ${expected}`);
    });
  }
  return out;
}

describe('COINr ASEM example, stage by stage', () => {
  for (const stage of Object.keys(files) as StageName[]) {
    it(`matches COINr's ${stage} data set to 1e-9`, () => {
      const ds = result.datasets[stage];
      expect(ds).toBeDefined();
      expect(mismatches(ds as Dataset, files[stage])).toEqual([]);
    });
  }

  it('ranks the index exactly as COINr does', () => {
    const ds = result.datasets.aggregated as Dataset;
    const ref = reference(files.aggregated);
    const idx = ref.header.indexOf('Index');
    const expectedRanks = rankMin(
      ref.rows.map((r) => Number(r[idx])),
      true,
    );
    const n = ds.rows.length;
    const c = ds.codes.indexOf('Index');
    const ours = ref.rows.map((row) => {
      const r = Array.from(ds.rows).findIndex((x) => data.units.codes[x] === row[0]);
      return ds.values[c * n + r] as number;
    });
    expect(Array.from(rankMin(ours, true))).toEqual(Array.from(expectedRanks));
  });

  it('logs what each step changed', () => {
    expect(result.log.map((l) => l.step)).toEqual([
      'denominate',
      'impute',
      'screen',
      'treat',
      'normalise',
      'aggregate',
    ]);
    const treatLog = result.log.find((l) => l.step === 'treat');
    expect(
      treatLog && 'indicators' in treatLog
        ? treatLog.indicators.some((t) => t.action !== 'none')
        : false,
    ).toBe(true);
  });
});
