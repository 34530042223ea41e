/**
 * `export --format xlsx` and the composite toolkit's `--format xlsx`: the sheets, numbers stored
 * as numbers at full precision with the display decimals as a number format, text that starts
 * like a formula stored as text, and the provenance in the Methodology sheet.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../src/cli/commands/export.js';
import { runCompositeScore } from '../src/cli/composite-score.js';
import { runCli, tempWorkDir } from './support/cli.js';

const root = join(import.meta.dirname, '..');
const work = tempWorkDir('ii-export-xlsx-');
const niemAnswers = join(root, 'fixtures/niem/answers.csv');

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe('export --format xlsx', () => {
  it('writes the result sheets with numbers as numbers and the decimals as a format', async () => {
    const out = join(work, 'niem.xlsx');
    const r = await runCli(
      exportCommand,
      '--framework',
      'niem',
      niemAnswers,
      '--format',
      'xlsx',
      '--decimals',
      '2',
      '--out',
      out,
      '--quiet',
    );
    expect(r.code).toBe(0);
    const wb = await open(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Overall',
      'Dimension x stage',
      'Dimensions',
      'Stages',
      'Indicators',
      'Coverage',
      'Methodology',
    ]);
    // The same scores as the long CSV export at full precision.
    const csvOut = join(work, 'niem.csv');
    const c = await runCli(
      exportCommand,
      '--framework',
      'niem',
      niemAnswers,
      '--format',
      'long',
      '--level',
      'overall',
      '--decimals',
      'full',
      '--out',
      csvOut,
      '--quiet',
    );
    expect(c.code).toBe(0);
    const want = parse(readFileSync(csvOut, 'utf8'), { columns: true }) as Record<string, string>[];
    const overall = wb.getWorksheet('Overall') as ExcelJS.Worksheet;
    expect(overall.rowCount - 1).toBe(want.length);
    for (const [i, w] of want.entries()) {
      const row = overall.getRow(i + 2);
      expect([row.getCell(1).value, row.getCell(2).value]).toEqual([w.unit, w.period]);
      const cell = row.getCell(3);
      if (w.score === '') expect(cell.value).toBeNull();
      else {
        expect(cell.type).toBe(ExcelJS.ValueType.Number);
        expect(cell.value).toBe(Number(w.score));
      }
    }
    expect(overall.getColumn(3).numFmt).toBe('0.00');
    const method = wb.getWorksheet('Methodology') as ExcelJS.Worksheet;
    const keys = (method.getColumn(1).values as unknown[]).slice(2);
    expect(keys).toEqual(expect.arrayContaining(['framework', 'answer file', 'library']));
  }, 120_000);

  it('stores text that starts like a formula as text', async () => {
    const answers = join(work, 'inject.csv');
    const rows = readFileSync(niemAnswers, 'utf8').split('\n');
    // The first answer's source and comment look like formulas.
    const [u, p, ind, a] = (rows[1] as string).split(',');
    rows[1] = [u, p, ind, a, '', '', '=1+2', '@SUM(A1)'].join(',');
    writeFileSync(answers, rows.join('\n'));
    const out = join(work, 'inject.xlsx');
    const r = await runCli(
      exportCommand,
      '--framework',
      'niem',
      answers,
      '--format',
      'xlsx',
      '--out',
      out,
      '--quiet',
    );
    expect(r.code).toBe(0);
    const ws = (await open(out)).getWorksheet('Indicators') as ExcelJS.Worksheet;
    let found = 0;
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (cell.value === '=1+2' || cell.value === '@SUM(A1)') found++;
      });
    });
    expect(found).toBe(2);
  }, 120_000);

  it('needs --out', async () => {
    const r = await runCli(exportCommand, '--framework', 'niem', niemAnswers, '--format', 'xlsx');
    expect(r.code).toBe(2);
  });
});

describe('composite --format xlsx (like COINr export_to_excel)', () => {
  it('writes every stage as a sheet, equal to the CSV of that stage, and the log', async () => {
    const reference = join(root, 'fixtures/reference/coinr-asem');
    const args = {
      idata: join(reference, 'asem_iData.csv'),
      imeta: join(reference, 'asem_iMeta.csv'),
      pipeline: join(root, 'test/fixtures/composite/asem.pipeline.yaml'),
    };
    const out = join(work, 'asem.xlsx');
    expect(await runCompositeScore({ ...args, format: 'xlsx', out })).toBe(0);
    const csv = join(work, 'asem-normalised.csv');
    expect(
      await runCompositeScore({
        ...args,
        stage: 'normalised',
        wide: true,
        format: 'csv',
        out: csv,
      }),
    ).toBe(0);
    const wb = await open(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('raw');
    expect(names).toContain('normalised');
    expect(names[names.length - 1]).toBe('Log');
    const want = parse(readFileSync(csv, 'utf8')) as string[][];
    const ws = wb.getWorksheet('normalised') as ExcelJS.Worksheet;
    expect(ws.rowCount).toBe(want.length);
    for (const [i, w] of want.entries()) {
      const got = (ws.getRow(i + 1).values as unknown[]).slice(1);
      w.forEach((cell, j) => {
        const g = got[j] ?? null;
        if (cell === '') expect(g).toBeNull();
        else if (typeof g === 'number') expect(g).toBe(Number(cell));
        else expect(g).toBe(cell);
      });
    }
  }, 120_000);
});
