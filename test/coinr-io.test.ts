/**
 * Reading COINr's iData/iMeta (coded errors with file, line and column), the CLI path of
 * `score --idata` and `import coinr`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from 'citty';
import { describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCompositeScore } from '../src/cli/composite-score.js';
import { importCoinrCommand } from '../src/cli/import-coinr.js';
import { columnOf } from '../src/composite/data/dataset.js';
import { compositeFromFramework } from '../src/composite/data/framework.js';
import { readCoinr, readIMeta } from '../src/composite/data/read.js';
import type { Dataset } from '../src/composite/data/types.js';
import { runPipeline } from '../src/composite/pipeline/run.js';
import type { PipelineSpecInput } from '../src/composite/pipeline/schema.js';
import { frameworkFileSchema, frameworkSchema } from '../src/framework/schema/framework.js';
import { nodeSchema } from '../src/framework/schema/node.js';
import { importCoinr } from '../src/import/coinr/import.js';

const meta = `iCode,Level,Parent,Direction,Weight,Type,Denominator
a,1,P,1,1,Indicator,Pop
b,1,P,-1,1,Indicator,
P,2,,1,1,Aggregate,
Pop,,,,,Denominator,
Region,,,,,Group,
`;
const data = `uCode,uName,Region,Pop,a,b
X,Ex,N,10,20,3
Y,Why,S,5,,4
Z,Zed,S,10,30,3.5
`;

const codes = (r: { ok: boolean; issues?: { code: string }[] }) =>
  r.ok ? [] : (r.issues ?? []).map((i) => i.code);

describe('readIMeta / readCoinr', () => {
  it('reads a valid pair', () => {
    const r = readCoinr(data, meta);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.raw.codes).toEqual(['a', 'b']);
    expect(Array.from(r.value.raw.values)).toEqual([20, Number.NaN, 30, 3, 4, 3.5]);
    expect(r.value.units.groups.Region).toEqual(['N', 'S', 'S']);
    expect(r.value.meta.denominators).toEqual(['Pop']);
  });

  it('names unknown parents, level gaps, duplicates, bad types and directions', () => {
    const bad = `iCode,Level,Parent,Direction,Weight,Type
a,1,Q,1,1,Indicator
b,1,Top,1,1,Indicator
b,1,P,1,1,Indicator
c,1,P,2,1,Indicator
d,1,P,1,1,Thing
e,1,P,1,x,Indicator
P,2,Top,1,1,Aggregate
Top,3,,1,1,Aggregate
`;
    const r = readIMeta(bad, 'm.csv');
    expect(codes(r)).toEqual([
      'COMPOSITE_DUPLICATE_CODE',
      'COMPOSITE_BAD_DIRECTION',
      'COMPOSITE_BAD_TYPE',
      'COMPOSITE_NOT_NUMERIC',
      'COMPOSITE_UNKNOWN_PARENT',
      'COMPOSITE_LEVEL_GAP',
      'COMPOSITE_EMPTY_AGGREGATE',
    ]);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({
      file: 'm.csv',
      line: 4,
      field: 'iCode',
      params: { code: 'b', first: 3 },
    });
    expect(r.issues[3]).toMatchObject({ line: 7, field: 'Weight' });
  });

  it('names aggregates without children and missing parents below the top', () => {
    const r = readIMeta(
      'iCode,Level,Parent,Direction,Weight,Type\na,1,,1,1,Indicator\nP,2,,1,1,Aggregate\n',
    );
    expect(codes(r)).toEqual(['COMPOSITE_MISSING_PARENT', 'COMPOSITE_EMPTY_AGGREGATE']);
  });

  it('names non-numeric cells, duplicate units, unknown columns and indicators missing from iData', () => {
    const r = readCoinr('uCode,Region,Pop,a,b\nX,N,10,abc,1\nX,N,1,1,1\n', meta, {
      idata: 'd.csv',
    });
    expect(codes(r)).toEqual(['COMPOSITE_NOT_NUMERIC', 'COMPOSITE_DUPLICATE_UNIT']);
    if (!r.ok)
      expect(r.issues[0]).toMatchObject({ file: 'd.csv', line: 2, row: 1, field: 'a', column: 4 });
    expect(codes(readCoinr('uCode,Region,Pop,a,b,zz\n', meta))).toEqual([
      'COMPOSITE_UNKNOWN_COLUMN',
    ]);
    expect(codes(readCoinr('uCode,Region,Pop,a\n', meta))).toEqual([
      'COMPOSITE_INDICATOR_NOT_IN_DATA',
    ]);
  });

  it('reads panels: the same unit in different periods is fine, twice in one period is not', () => {
    const m = 'iCode,Level,Parent,Direction,Weight,Type\na,1,P,1,1,Indicator\nP,2,,1,1,Aggregate\n';
    const r = readCoinr('uCode,Time,a\nX,2020,1\nX,2021,2\n', m);
    expect(r.ok && r.value.units.periods).toEqual([2020, 2021]);
    expect(codes(readCoinr('uCode,Time,a\nX,2020,1\nX,2020,2\n', m))).toEqual([
      'COMPOSITE_DUPLICATE_UNIT',
    ]);
  });
});

describe('runCompositeScore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coinr-'));
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const idata = write('iData.csv', data);
  const imeta = write('iMeta.csv', meta);
  const pipeline = write(
    'p.yaml',
    'steps:\n  - step: denominate\n  - { step: impute, method: mean }\n  - { step: normalise, method: minmax, range: [0, 1] }\n  - step: aggregate\n',
  );

  it('prints any stage as long CSV, wide CSV or JSON', async () => {
    const out = join(dir, 'out.csv');
    expect(await runCompositeScore({ idata, imeta, pipeline, stage: 'denominated', out })).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(
      'unit,period,code,value\nX,,a,2\nX,,b,3\nY,,a,\nY,,b,4\nZ,,a,3\nZ,,b,3.5\n',
    );
    expect(await runCompositeScore({ idata, imeta, pipeline, wide: true, out })).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('uCode,a,b,P\nX,0,1,0.5\nY,0.5,0,0.25\nZ,1,0.5,0.75\n');
    expect(
      await runCompositeScore({ idata, imeta, pipeline, stage: 'imputed', format: 'json', out }),
    ).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))[2]).toEqual({
      unit: 'Y',
      period: null,
      code: 'a',
      value: 2.5,
    });
    const log = join(dir, 'log.json');
    expect(await runCompositeScore({ idata, imeta, pipeline, log, out })).toBe(0);
    const steps = JSON.parse(readFileSync(log, 'utf8'));
    expect(steps.map((s: { step: string }) => s.step)).toEqual([
      'denominate',
      'impute',
      'normalise',
      'aggregate',
    ]);
    expect(steps[1]).toEqual({ step: 'impute', method: 'mean', imputed: { a: 1 }, remaining: 0 });
  });

  it('exits 1 with coded errors for bad input, and throws a usage error for bad flags', async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      errors.push(String(s));
      return true;
    });
    const badData = write('bad.csv', 'uCode,Region,Pop,a,b\nX,N,1,oops,1\n');
    expect(await runCompositeScore({ idata: badData, imeta })).toBe(1);
    const badSpec = write('bad.yaml', 'steps:\n  - { step: treat, winmax: -1 }\n');
    expect(await runCompositeScore({ idata, imeta, pipeline: badSpec })).toBe(1);
    // A stage the pipeline does not write.
    expect(await runCompositeScore({ idata, imeta, stage: 'treated' })).toBe(1);
    spy.mockRestore();
    expect(errors[2]).toMatch(/error COMPOSITE_UNKNOWN_STAGE/);
    expect(errors[0]).toMatch(/bad\.csv:2:4 \[a\]: error COMPOSITE_NOT_NUMERIC/);
    expect(errors[1]).toMatch(/bad\.yaml: error COMPOSITE_SPEC_INVALID/);
    await expect(runCompositeScore({ idata, imeta, stage: 'cooked' })).rejects.toThrow(
      /Unknown --stage/,
    );
    await expect(runCompositeScore({ idata })).rejects.toThrow(/--imeta/);
  });
});

describe('importCoinr', () => {
  it('writes a framework whose files pass the framework schema', () => {
    const asem = join(import.meta.dirname, '../fixtures/reference/coinr-asem');
    const r = importCoinr(
      readFileSync(join(asem, 'asem_iData.csv'), 'utf8'),
      readFileSync(join(asem, 'asem_iMeta.csv'), 'utf8'),
      { id: 'asem' },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [fw, ...dims] = r.value.files;
    expect(frameworkFileSchema.safeParse(fw?.content).success).toBe(true);
    expect(fw?.content).toMatchObject({ overall: { id: 'Index' }, periods: [{ id: '2018' }] });
    expect(dims.map((d) => d.path)).toHaveLength(8);
    for (const d of dims) expect(nodeSchema.safeParse(d.content).success).toBe(true);
    const physical = dims.find((d) => d.path === 'Physical.yaml')?.content as {
      parent: string;
      indicators: { id: string; rule: unknown }[];
    };
    expect(physical.parent).toBe('Conn');
    expect(physical.indicators.find((i) => i.id === 'Flights')?.rule).toEqual({
      kind: 'numeric',
      unit: 'Thousand seats',
      direction: 1,
      target: 200.3326555,
      denominator: 'Population',
    });
    expect(r.value.answers).toHaveLength(1 + 51 * 49);
  });

  it('import coinr writes framework.yaml, one file per dimension and answers.csv', async () => {
    const out = mkdtempSync(join(tmpdir(), 'coinr-import-'));
    const asem = join(import.meta.dirname, '../fixtures/reference/coinr-asem');
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { result } = await runCommand(importCoinrCommand, {
      rawArgs: [
        '--idata',
        join(asem, 'asem_iData.csv'),
        '--imeta',
        join(asem, 'asem_iMeta.csv'),
        '--out',
        out,
        '--id',
        'asem',
      ],
    });
    spy.mockRestore();
    expect(result).toBe(0);
    const fw = parseYaml(readFileSync(join(out, 'framework.yaml'), 'utf8'));
    expect(frameworkFileSchema.safeParse(fw).success).toBe(true);
    expect(
      nodeSchema.safeParse(parseYaml(readFileSync(join(out, 'Social.yaml'), 'utf8'))).success,
    ).toBe(true);
    expect(readFileSync(join(out, 'answers.csv'), 'utf8').split('\n')[1]).toBe(
      'AUT,2018,LPI,4.097985',
    );
  });

  it('returns the reader issues for bad input', () => {
    expect(codes(importCoinr('uCode\n', 'iCode,Type\nx,Nope\n'))).toEqual(['COMPOSITE_BAD_TYPE']);
  });
});

describe('compositeFromFramework', () => {
  it('runs the numeric indicators of an imported framework exactly like the COINr data', () => {
    const asem = join(import.meta.dirname, '../fixtures/reference/coinr-asem');
    const idata = readFileSync(join(asem, 'asem_iData.csv'), 'utf8');
    const imeta = readFileSync(join(asem, 'asem_iMeta.csv'), 'utf8');
    const imported = importCoinr(idata, imeta, { id: 'asem' });
    if (!imported.ok) throw new Error('import failed');
    const [fw, ...dims] = imported.value.files;
    const framework = frameworkSchema.parse({
      ...fw?.content,
      dimensions: dims.map((d) => d.content),
    });
    const [, ...rows] = imported.value.answers;
    const answers = rows.map((r, i) => ({
      unit: String(r[0]),
      period: String(r[1]),
      indicator: String(r[2]),
      answer: r[3] ?? null,
      origin: { file: 'answers.csv', row: i + 1, line: i + 2, columns: {} },
    }));
    const fromFramework = compositeFromFramework(framework, answers);
    const direct = readCoinr(idata, imeta);
    if (!fromFramework.ok || !direct.ok) throw new Error('load failed');
    // Denominators are iData columns, not indicators of the framework: leave denominate out.
    const spec: PipelineSpecInput = {
      steps: [
        { step: 'impute', method: 'mean' },
        { step: 'treat' },
        { step: 'normalise' },
        { step: 'aggregate' },
      ],
    };
    const a = runPipeline(fromFramework.value, spec).datasets.aggregated as Dataset;
    const b = runPipeline(direct.value, spec).datasets.aggregated as Dataset;
    expect([...a.codes].sort()).toEqual([...b.codes].sort());
    for (const code of b.codes)
      expect(Array.from(columnOf(a, code) ?? [])).toEqual(Array.from(columnOf(b, code) ?? []));
  });

  it('reports non-numeric answers at their origin', () => {
    const framework = frameworkSchema.parse({
      id: 'f',
      title: 'F',
      edition: '1',
      version: '1.0.0',
      periods: [{ id: '2020', referenceDate: '2020-12-31' }],
      dimensions: [
        { id: 'd', title: 'D', indicators: [{ id: 'x', title: 'X', rule: { kind: 'numeric' } }] },
      ],
    });
    const r = compositeFromFramework(framework, [
      {
        unit: 'A',
        period: '2020',
        indicator: 'x',
        answer: 'lots',
        origin: { file: 'a.csv', row: 1, line: 2, columns: {} },
      },
    ]);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.file, i.line])).toEqual([
      ['COMPOSITE_NOT_NUMERIC', 'a.csv', 2],
    ]);
  });
});
