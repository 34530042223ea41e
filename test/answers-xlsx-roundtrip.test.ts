/**
 * Done-when test of the xlsx questionnaire: `template --out niem.xlsx` for the NIEM fixture's
 * units and periods, filled the way a person would in Excel (numbers typed as numbers, dates as
 * Excel dates, codes picked from the dropdown, a second row inserted for an answer that changed
 * within a period), read back and scored: every score equals the score of the same answers
 * given as CSV. The dropdowns, number and date validations, protection, frozen header and the
 * About sheet are checked in the file itself.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAnswers } from '../src/answers/read/index.js';
import { templateCommand } from '../src/cli/commands/template.js';
import { findRow, type ScoreResult, score } from '../src/engine/index.js';
import type { Framework } from '../src/framework/schema/framework.js';
import { readAnswerFiles } from '../src/node/answers.js';
import { loadFrameworkDir } from '../src/node/framework.js';
import { runCli, tempWorkDir } from './support/cli.js';

const root = join(import.meta.dirname, '..');
const work = tempWorkDir('ii-xlsx-roundtrip-');
const csvPath = join(root, 'fixtures/niem/answers.csv');
const templatePath = join(work, 'niem.xlsx');
const filledPath = join(work, 'niem-filled.xlsx');

type Csv = Record<string, string>;
let framework: Framework;
let csvRows: Csv[];
let wb: ExcelJS.Workbook;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** What a person types: a number as a number, a date as an Excel date, else the text. */
const typed = (s: string): ExcelJS.CellValue =>
  s === '' ? null : /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : isoDate.test(s) ? utc(s) : s;

beforeAll(async () => {
  framework = loadFrameworkDir(join(root, 'indicators/niem'));
  csvRows = parse(readFileSync(csvPath, 'utf8'), { columns: true }) as Csv[];
  const r = await runCli(
    templateCommand,
    '--framework',
    'niem',
    '--units',
    'XA,XB,XC',
    '--period',
    '2017,2019,2021',
    '--out',
    templatePath,
  );
  expect(r.code).toBe(0);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(templatePath);
}, 120_000);

describe('xlsx questionnaire round trip (NIEM)', () => {
  it('has the Answers, Instructions and About sheets, a frozen protected header and validations', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Answers', 'Instructions', 'About']);
    const ws = wb.getWorksheet('Answers') as ExcelJS.Worksheet;
    expect((ws.getRow(1).values as unknown[]).slice(1, 9)).toEqual([
      'unit',
      'period',
      'indicator',
      'answer',
      'valid_from',
      'valid_to',
      'source',
      'comment',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(
      (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
    ).toBe(true);
    expect(ws.getCell('A2').protection?.locked).not.toBe(false);
    expect(ws.getCell('D2').protection?.locked).toBe(false);
    const kinds = new Map<string, ExcelJS.DataValidation>();
    ws.eachRow((row, r) => {
      if (r === 1) return;
      const v = row.getCell(4).dataValidation;
      if (v?.type && !kinds.has(v.type)) kinds.set(v.type, v);
    });
    expect(kinds.get('list')?.formulae[0]).toMatch(/^"a,b(,c)?.*n\/a"$/);
    expect(kinds.has('decimal')).toBe(true);
    expect(kinds.has('date')).toBe(true);
    expect(ws.getCell('E2').dataValidation?.type).toBe('date');
    const about = wb.getWorksheet('About') as ExcelJS.Worksheet;
    expect(about.getCell('B2').value).toBe('niem');
    expect(about.getCell('B4').value).toBe(framework.edition);
  });

  it('filled in as a person would, it scores exactly as the same answers in CSV', async () => {
    const ws = wb.getWorksheet('Answers') as ExcelJS.Worksheet;
    const byKey = new Map<string, Csv[]>();
    for (const r of csvRows) {
      const k = `${r.unit}|${r.period}|${r.indicator}`;
      byKey.set(k, [...(byKey.get(k) ?? []), r]);
    }
    const fill = (row: ExcelJS.Row, r: Csv) => {
      row.getCell(4).value = typed(r.answer as string);
      for (const [c, name] of [
        [5, 'valid_from'],
        [6, 'valid_to'],
      ] as const) {
        if (r[name]) {
          row.getCell(c).value = utc(r[name] as string);
          row.getCell(c).numFmt = 'dd.mm.yyyy';
        }
      }
      if (r.source) row.getCell(7).value = r.source;
      if (r.comment) row.getCell(8).value = r.comment;
    };
    const used = new Set<string>();
    const extra: Csv[] = [];
    const last = ws.rowCount;
    for (let i = 2; i <= last; i++) {
      const row = ws.getRow(i);
      const k = `${row.getCell(1).value}|${row.getCell(2).value}|${row.getCell(3).value}`;
      const answers = byKey.get(k);
      if (answers === undefined) continue;
      used.add(k);
      fill(row, answers[0] as Csv);
      extra.push(...answers.slice(1));
    }
    // Every CSV answer has a row in the questionnaire (or is the second of a pair).
    expect([...byKey.keys()].filter((k) => !used.has(k))).toEqual([]);
    expect(extra.length).toBe(1);
    for (const [n, r] of extra.entries()) {
      const row = ws.getRow(last + 1 + n);
      row.getCell(1).value = r.unit as string;
      row.getCell(2).value = r.period as string;
      row.getCell(3).value = r.indicator as string;
      fill(row, r);
    }
    writeFileSync(filledPath, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));

    const fromXlsx = await readAnswerFiles([filledPath]);
    expect(fromXlsx.errors).toEqual([]);
    expect(fromXlsx.rejected).toEqual([]);
    const fromCsv = readAnswers([{ path: 'answers.csv', content: readFileSync(csvPath) }]);
    const a = score(framework, fromXlsx);
    const b = score(framework, fromCsv);
    expect(
      a.issues
        .filter((i) => i.severity === 'error')
        .map((i) => `${i.code} ${i.message}`)
        .slice(0, 5),
    ).toEqual([]);
    expect(a.counts.rejected).toBe(0);
    // The questionnaire's unanswered rows are empty cells (no data); the answered ones are all.
    const answered = (rows: readonly { answer: unknown }[]) =>
      rows.filter((r) => r.answer !== null).length;
    expect(answered(fromXlsx.rows)).toBe(answered(fromCsv.rows));
    expect(compare(a, b)).toEqual({ compared: expect.any(Number), differences: [] });
    expect(compare(a, b).compared).toBeGreaterThan(500);
  }, 120_000);
});

describe('the About sheet', () => {
  it('warns when the questionnaire is read for another framework, not for its own', async () => {
    const own = { id: framework.id, edition: framework.edition, version: framework.version };
    const same = await readAnswerFiles([templatePath], { framework: own });
    expect(same.warnings.map((w) => w.code)).not.toContain('XLSX_FRAMEWORK_DIFFERS');
    const other = await readAnswerFiles([templatePath], {
      framework: { id: 'mipex-2020', edition: '2020', version: '1.0.0' },
    });
    expect(other.warnings.map((w) => w.code)).toContain('XLSX_FRAMEWORK_DIFFERS');
  }, 60_000);
});

function compare(a: ScoreResult, b: ScoreResult) {
  const differences: string[] = [];
  let compared = 0;
  for (const unit of b.units) {
    for (const period of b.periods) {
      const ra = findRow(a, unit, period.id);
      const rb = findRow(b, unit, period.id);
      for (const node of b.nodes) {
        const x = a.nodes.find((n) => n.id === node.id)?.score[ra] ?? Number.NaN;
        const y = node.score[rb] ?? Number.NaN;
        compared++;
        if (!(Object.is(x, y) || Math.abs(x - y) < 1e-12)) {
          differences.push(`${node.id} ${unit} ${period.id}: xlsx ${x}, csv ${y}`);
        }
      }
    }
  }
  return { compared, differences };
}
