/**
 * Units, groups and levels end to end (issue 17): `score --units --groups --derive` prints group
 * rows whose numbers can be checked by hand from the unit rows; a broken registry is a coded,
 * located error; and MIPEX's EU average is reproduced from the reference data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readAnswers } from '../src/answers/read/index.js';
import { compareCommand } from '../src/cli/commands/compare.js';
import { scoreCommand } from '../src/cli/commands/score.js';
import { score } from '../src/engine/index.js';
import { formatAnswersCsv } from '../src/import/mipex/csv.js';
import { importMipexScores } from '../src/import/mipex/import.js';
import { loadFrameworkDir } from '../src/node/framework.js';
import { readUnitsFile } from '../src/node/units.js';
import { applyUnits } from '../src/units/apply.js';
import { eu27, isoRegistry, loadCountryNames } from '../src/units/countries.js';
import { runCli, spawnCli } from './support/cli.js';

const units = join('test', 'fixtures', 'units', 'units.csv');

function csvRows(text: string): Record<string, string>[] {
  return parse(text, { columns: true }) as Record<string, string>[];
}

describe('score --units --groups --derive', () => {
  it('prints group rows: mean, count, median, min and max of the member rows', async () => {
    const r = await runCli(
      scoreCommand,
      '--framework',
      'niem',
      'fixtures/niem/answers.csv',
      '--units',
      units,
      '--groups',
      'north,XR',
      '--level',
      'overall',
      '--format',
      'csv',
      '--decimals',
      '6',
    );
    expect(r.code).toBe(0);
    const rows = csvRows(r.stdout);
    const unit = (u: string, p: string) =>
      Number(rows.find((x) => x.type === 'unit' && x.unit === u && x.period === p)?.score);
    const group = (g: string, p: string) =>
      rows.find((x) => x.type === 'group' && x.unit === g && x.period === p);
    for (const p of ['2017', '2019', '2021']) {
      const [a, b, c] = [unit('XA', p), unit('XB', p), unit('XC', p)];
      // north = XA and XB; XR = its three municipalities.
      expect(Number(group('north', p)?.score)).toBeCloseTo((a + b) / 2, 5);
      expect(Number(group('north', p)?.count)).toBe(2);
      expect(Number(group('XR', p)?.score)).toBeCloseTo((a + b + c) / 3, 5);
      expect(Number(group('XR', p)?.median)).toBeCloseTo(
        [a, b, c].sort((x, y) => x - y)[1] as number,
        5,
      );
      expect(Number(group('XR', p)?.min)).toBeCloseTo(Math.min(a, b, c), 5);
      expect(Number(group('XR', p)?.max)).toBeCloseTo(Math.max(a, b, c), 5);
    }
    // No region row is derived unless asked.
    expect(rows.some((x) => x.unit === 'XR' && x.type === 'unit')).toBe(false);
  });

  it('derives the region on request, population-weighted, ranked only among regions', async () => {
    const r = await runCli(
      scoreCommand,
      '--framework',
      'niem',
      'fixtures/niem/answers.csv',
      '--units',
      units,
      '--derive',
      'region:population-weighted',
      '--level',
      'overall',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    const xr = result.units.indexOf('XR');
    expect(result.unitInfo[xr].derived).toEqual({
      method: 'population-weighted',
      from: ['XA', 'XB', 'XC'],
    });
    const root = result.nodes.find((n: { id: string }) => n.id === result.rootId);
    const at = (u: string, p: number) =>
      result.rows.unit.findIndex(
        (x: number, i: number) => result.units[x] === u && result.rows.period[i] === p,
      );
    for (let p = 0; p < result.periods.length; p++) {
      const s = (u: string) => root.score[at(u, p)];
      // Populations 1000, 3000, 6000.
      expect(root.score[at('XR', p)]).toBeCloseTo(
        (1000 * s('XA') + 3000 * s('XB') + 6000 * s('XC')) / 10000,
        9,
      );
      expect(root.rank[at('XR', p)]).toBe(1);
      expect(['XA', 'XB', 'XC'].map((u) => root.rank[at(u, p)]).sort()).toEqual([1, 2, 3]);
    }
  });

  it('stops on a broken registry with a coded, located error and no stack trace', () => {
    const r = spawnCli(
      'score',
      '--framework',
      'niem',
      'fixtures/niem/answers.csv',
      '--units',
      'test/fixtures/units/cycle.yaml',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('test/fixtures/units/cycle.yaml:2 [parent]: error UNITS_CYCLE');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('is a coded error for an unknown group', async () => {
    await expect(
      runCli(scoreCommand, '--framework', 'niem', 'fixtures/niem/answers.csv', '--groups', 'EU28'),
    ).rejects.toMatchObject({ issues: [{ code: 'UNITS_UNKNOWN_GROUP' }] });
  });
});

describe('compare with groups', () => {
  it("gives the region's mean in both rounds, the mean of its municipalities' rows", async () => {
    const r = await runCli(
      compareCommand,
      '--framework',
      'local-services',
      'fixtures/local-services/answers.csv',
      '--from',
      '2024',
      '--to',
      '2025',
      '--units',
      'fixtures/local-services/units.csv',
      '--groups',
      'XP',
      '--format',
      'csv',
      '--decimals',
      '6',
      '-q',
    );
    expect(r.code).toBe(0);
    const rows = csvRows(r.stdout);
    const units = rows.filter((x) => x.type === 'unit' && x.node === 'overall');
    const group = rows.find((x) => x.type === 'group' && x.unit === 'XP' && x.node === 'overall');
    expect(units.map((x) => x.unit).sort()).toEqual(['XP-SIN', 'XP-TIH', 'XP-YAV']);
    const mean = (col: string) => units.reduce((a, x) => a + Number(x[col]), 0) / units.length;
    expect(Number(group?.score_2024)).toBeCloseTo(mean('score_2024'), 5);
    expect(Number(group?.score_2025)).toBeCloseTo(mean('score_2025'), 5);
    expect(Number(group?.change)).toBeCloseTo(mean('score_2025') - mean('score_2024'), 5);
  });
});

describe('readUnitsFile', () => {
  it('reads the example registry and reports a missing file as FILE_NOT_FOUND', () => {
    const r = readUnitsFile('fixtures/local-services/units.csv');
    expect(r.ok && r.value.units.map((u) => u.code)).toEqual(['XP', 'XP-SIN', 'XP-YAV', 'XP-TIH']);
    const missing = readUnitsFile('no/such/units.csv');
    expect(missing.ok ? [] : missing.issues.map((i) => i.code)).toEqual(['FILE_NOT_FOUND']);
  });
});

describe("MIPEX's EU average from the reference data", () => {
  it('reproduces the mean of the published 2019 overall scores of the EU members in the data', async () => {
    const reference = join(import.meta.dirname, '..', 'fixtures', 'reference', 'mipex-2020');
    const framework = loadFrameworkDir(join(import.meta.dirname, '..', 'indicators', 'mipex-2020'));
    const imported = importMipexScores(
      readFileSync(join(reference, 'scores.csv'), 'utf8'),
      framework,
      {
        file: 'scores.csv',
      },
    );
    const result = score(
      framework,
      readAnswers([{ path: 'mipex.csv', content: formatAnswersCsv(imported.rows) }]),
    );
    const applied = applyUnits(result, isoRegistry(result.units, await loadCountryNames()), {
      groups: ['EU27'],
    });
    if (!applied.ok) throw new Error('applyUnits failed');
    const eu = applied.value.groups?.[0];
    const k = result.periods.findIndex((p) => p.id === '2019');
    const overall = eu?.nodes.find((n) => n.id === 'overall_with_health');
    // 18 of the 27 member states are in the reference files (not CZ, EE, FR, HU, IT, LV, MT, PT, SI).
    const published = csvRows(readFileSync(join(reference, 'overall.csv'), 'utf8')).filter(
      (r) => r.year === '2019' && eu27.includes(r.country as string),
    );
    expect(published.map((r) => r.country)).toEqual(eu?.members);
    expect(eu?.members.length).toBe(18);
    const mean =
      published.reduce((s, r) => s + Number(r.overall_with_health), 0) / published.length;
    expect(overall?.count[k]).toBe(18);
    expect(overall?.mean[k]).toBeCloseTo(mean, 9);
    expect(overall?.mean[k]).toBeCloseTo(53.844, 3);
  });
});
