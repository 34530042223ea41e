/**
 * `import coin-tool`, on a SYNTHETIC workbook built from the layout COINr's `import_coin_tool`
 * reads (test/support/cointool.ts): no real COIN Tool workbook could be found to test with.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCoinToolCommand } from '../src/cli/import-cointool.js';
import { readCoinr } from '../src/composite/data/read.js';
import type { Dataset } from '../src/composite/data/types.js';
import { runPipeline } from '../src/composite/pipeline/run.js';
import { IntegrationIndexError } from '../src/errors/issue.js';
import { readCoinTool } from '../src/import/cointool/read.js';
import { runCli, tempWorkDir } from './support/cli.js';
import { syntheticCoinTool } from './support/cointool.js';

const units = [
  { code: 'AT', name: 'Austria', values: [90, 5, 40, 8] },
  { code: 'BE', name: 'Belgium', values: [80, 'n/a', 45, 9] },
  { code: 'BG', name: 'Bulgaria', values: [60, 10, 30, 14] },
];

describe('COIN Tool workbook to iData and iMeta', () => {
  it('reads units, indicators, directions, weights, goalposts and the used levels', async () => {
    const r = await readCoinTool(await syntheticCoinTool(units), 'ct.xlsx');
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value).toMatchObject({ units: 3, indicators: 4, aggregates: 3 });
    const data = readCoinr(r.value.iData, r.value.iMeta);
    if (!data.ok) throw new Error(JSON.stringify(data.issues));
    const meta = data.value.meta.nodes;
    expect(meta.find((n) => n.code === 'Ind.02')).toMatchObject({
      level: 1,
      parent: 'p.01',
      direction: -1,
      weight: 2,
      name: 'Road deaths',
      goalpostLower: 0,
      goalpostUpper: 20,
    });
    // The unused sub-pillar and sub-index rows are dropped: pillars at level 2, Index at 3.
    expect(meta.find((n) => n.code === 'p.02')).toMatchObject({
      level: 2,
      parent: 'Index',
      weight: 3,
    });
    expect(meta.find((n) => n.code === 'Index')?.level).toBe(3);
    expect(meta.some((n) => n.code === 'sp.01' || n.code === 'si.01')).toBe(false);
    const raw = data.value.raw;
    const col = raw.codes.indexOf('Ind.02');
    expect(Number.isNaN(raw.values[col * raw.rows.length + 1] as number)).toBe(true); // n/a
    // The imported data run through a pipeline.
    const res = runPipeline(data.value, {
      steps: [
        { step: 'normalise', method: 'minmax' },
        { step: 'aggregate', method: 'amean' },
      ],
    });
    const agg = res.datasets.aggregated as Dataset;
    expect(agg.codes.at(-1)).toBe('Index');
  });

  it('names the sheet and cell of a bad value, and a missing sheet', async () => {
    const bad = await readCoinTool(
      await syntheticCoinTool([{ code: 'AT', name: 'Austria', values: [90, 'lots', 40, 8] }]),
    );
    expect(bad.ok ? [] : bad.issues.map((i) => [i.code, i.path.join('!')])).toEqual([
      ['COINTOOL_NOT_NUMERIC', 'Database!F17'],
    ]);
    const noFw = await readCoinTool(await syntheticCoinTool(units, { omitFramework: true }));
    expect(noFw.ok ? [] : noFw.issues.map((i) => i.code)).toEqual(['COINTOOL_NO_SHEET']);
    const notXlsx = await readCoinTool(Buffer.from('uCode,a\nAT,1\n'));
    expect(notXlsx.ok ? [] : notXlsx.issues.map((i) => i.code)).toEqual(['COINTOOL_NOT_XLSX']);
  });

  it('import coin-tool writes iData.csv and iMeta.csv', async () => {
    const work = tempWorkDir('ii-cointool-');
    const file = join(work, 'ct.xlsx');
    writeFileSync(file, await syntheticCoinTool(units));
    const r = await runCli(importCoinToolCommand, file, '--out', join(work, 'out'), '--quiet');
    expect(r.code).toBe(0);
    expect(readFileSync(join(work, 'out', 'iData.csv'), 'utf8').split('\n')[0]).toBe(
      'uCode,uName,Ind.01,Ind.02,Ind.03,Ind.04',
    );
    await expect(
      runCli(importCoinToolCommand, join(work, 'nope.xlsx'), '--out', work),
    ).rejects.toSatisfy(
      (e) => e instanceof IntegrationIndexError && e.issues[0]?.code === 'FILE_NOT_FOUND',
    );
  });
});
