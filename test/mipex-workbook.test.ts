/**
 * Golden test on MIPEX's own workbook: `mipex_core_2007-2019.xlsx` as MIPEX distributes it (one
 * sheet per country), imported with `importMipexWorkbook` and scored with the built-in
 * `mipex-2020` framework, must reproduce every area, composite and overall score the workbook
 * publishes, for every country in it, to 1e-9 relative; every score the workbook leaves empty
 * must be empty. The counts and the worst difference are printed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAnswers } from '../src/answers/read/index.js';
import { mipexWorkbookCommand } from '../src/cli/commands/import.js';
import { scoreCommand } from '../src/cli/commands/score.js';
import { findRow, type ScoreResult, score } from '../src/engine/index.js';
import { errorsOf, formatIssue } from '../src/errors/issue.js';
import type { Framework } from '../src/framework/schema/framework.js';
import { normaliseMipexCode } from '../src/import/mipex/codes.js';
import { formatAnswersCsv } from '../src/import/mipex/csv.js';
import { importMipexWorkbook } from '../src/import/mipex/workbook.js';
import { readXlsxCells } from '../src/io/xlsx/read.js';
import { loadFrameworkDir } from '../src/node/framework.js';
import { runCli, tempWorkDir } from './support/cli.js';

const workbookPath = join(
  import.meta.dirname,
  '../fixtures/reference/mipex-2020/mipex_core_2007-2019.xlsx',
);
const areas = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const composites = ['bb28', 'bb29', 'bb30bb31', 'cb51', 'cc59cd64', 'fb_new', 'gb'];
const overalls = [
  'overall_with_health',
  'overall_without_health',
  'overall_without_health_education',
] as const;

/**
 * Where MIPEX's published tables contradict themselves: the published value is not compared;
 * our score must equal the mean of the published area scores it stands for.
 */
const publishedAnomalies = [
  {
    node: 'overall_without_health',
    unit: 'NL',
    period: '2009',
    areas: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    why: 'MIPEX publishes an education score for NL 2009 but leaves its 7-area overall empty',
  },
  ...['cb51', 'cc59cd64'].map((node) => ({
    node,
    unit: 'PT',
    period: '2009',
    areas: [] as string[],
    why: 'MIPEX publishes education composites for PT 2009 but no education average: the strand was not scored that year, so its composites stay empty',
  })),
];

let framework: Framework;
let imported: ReturnType<typeof importMipexWorkbook>;
let result: ScoreResult;
const published = new Map<string, number>();
const key = (node: string, unit: string, period: string) => `${node}|${unit}|${period}`;
const countries = new Set<string>();

beforeAll(async () => {
  framework = loadFrameworkDir(join(import.meta.dirname, '../indicators/mipex-2020'));
  const cells = await readXlsxCells(readFileSync(workbookPath), {
    file: 'mipex_core_2007-2019.xlsx',
  });
  if (!cells.ok) throw new Error(cells.issues.map(formatIssue).join('\n'));
  imported = importMipexWorkbook(cells.workbook, framework);
  const answers = readAnswers([
    { path: 'mipex-answers.csv', content: formatAnswersCsv(imported.rows) },
  ]);
  result = score(framework, answers);
  const periods = new Set(framework.periods.map((p) => p.id));
  for (const s of imported.scores) {
    countries.add(s.country);
    if (!periods.has(s.year)) continue;
    const code = normaliseMipexCode(s.code || s.subCode);
    if (areas.includes(code) || composites.includes(code)) {
      published.set(key(code, s.country, s.year), s.score === '' ? Number.NaN : Number(s.score));
    }
  }
  for (const o of imported.overall) {
    if (!periods.has(o.year)) continue;
    const values = [o.withHealth, o.withoutHealth, o.withoutHealthEducation];
    overalls.forEach((node, i) => {
      published.set(key(node, o.country, o.year), values[i] ?? Number.NaN);
    });
  }
}, 300_000);

function ours(node: string, unit: string, period: string): number {
  const n = result.nodes.find((x) => x.id === node);
  if (n === undefined) throw new Error(`No node ${node}`);
  const r = findRow(result, unit, period);
  return r === -1 ? Number.NaN : (n.score[r] ?? Number.NaN);
}

describe('MIPEX core workbook, read as published', () => {
  it('imports every sheet without an error; 2020 rows and unscored strands are warned', () => {
    expect(countries.size).toBe(56);
    expect(errorsOf(imported.issues).map(formatIssue)).toEqual([]);
    expect(result.counts.rejected).toBe(0);
    const codes = new Set(imported.issues.map((i) => i.code));
    expect(codes.has('MIPEX_UNKNOWN_UNIT_PERIOD')).toBe(true);
    // Once per country-year, never once per record.
    const perUnitYear = imported.issues.filter((i) => i.code === 'MIPEX_UNKNOWN_UNIT_PERIOD');
    expect(new Set(perUnitYear.map((i) => `${i.params?.unit}|${i.params?.period}`)).size).toBe(
      perUnitYear.length,
    );
    expect(imported.counts.read).toBe(
      imported.counts.imported +
        imported.counts.recomputed +
        imported.counts.skipped +
        imported.counts.rejected,
    );
  });

  it('reproduces every published area, composite and overall score of every country', () => {
    let matched = 0;
    let empty = 0;
    let worst = 0;
    const mismatches: string[] = [];
    for (const [k, want] of published) {
      const [node, unit, period] = k.split('|') as [string, string, string];
      const anomaly = publishedAnomalies.find(
        (a) => a.node === node && a.unit === unit && a.period === period,
      );
      const got = ours(node, unit, period);
      const target = anomaly
        ? anomaly.areas.length === 0
          ? Number.NaN
          : anomaly.areas.reduce((s, a) => s + (published.get(key(a, unit, period)) as number), 0) /
            anomaly.areas.length
        : want;
      if (Number.isNaN(target)) {
        if (Number.isNaN(got)) empty++;
        else mismatches.push(`${k}: ours ${got}, MIPEX empty`);
        continue;
      }
      const diff = Math.abs(got - target);
      if (!(diff <= 1e-9 * Math.max(1, Math.abs(target)))) {
        mismatches.push(`${k}: ours ${got}, MIPEX ${target}`);
        continue;
      }
      worst = Math.max(worst, diff);
      matched++;
    }
    console.log(
      `MIPEX workbook: ${countries.size} countries, ${matched} published scores matched, ${empty} empty as published, worst difference ${worst}`,
    );
    expect(mismatches.slice(0, 20)).toEqual([]);
    // Every published value was compared: matched, or empty where MIPEX is.
    expect(matched + empty).toBe(published.size);
    expect(matched).toBe(9020);
  });
});

const work = tempWorkDir('ii-mipex-workbook-');

describe('import mipex-workbook (CLI)', () => {
  it('writes the answers, which score to the published values', async () => {
    const out = join(work, 'answers.csv');
    const r = await runCli(mipexWorkbookCommand, workbookPath, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /mipex_core_2007-2019\.xlsx!\w\w!A\d+ \[year\]: warning MIPEX_UNKNOWN_UNIT_PERIOD/,
    );
    const answers = readAnswers([{ path: out, content: readFileSync(out) }]);
    expect(answers.rows.length).toBe(imported.rows.length);
    const s = await runCli(
      scoreCommand,
      '--framework',
      'mipex-2020',
      out,
      '--format',
      'csv',
      '--decimals',
      '12',
    );
    expect(s.code).toBe(0);
    const at2019 = imported.overall.find((o) => o.country === 'AT' && o.year === '2019');
    const line = s.stdout.split('\n').find((l) => l.startsWith('AT,2019'));
    expect(line).toBeDefined();
    expect(line).toContain(String(at2019?.withHealth?.toFixed(12)).slice(0, 8));
  }, 300_000);

  it('a bad workbook is a coded error', async () => {
    const bad = join(work, 'bad.xlsx');
    writeFileSync(bad, 'country,year\n');
    await expect(
      runCli(mipexWorkbookCommand, bad, '--out', join(work, 'a.csv')),
    ).rejects.toMatchObject({ issues: [{ code: 'XLSX_NOT_ZIP' }] });
  });
});
