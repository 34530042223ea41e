/**
 * Answers read from Excel workbooks through the Node readers: long and wide sheets, the sheet
 * found by its header or named, cells typed by Excel read as shown, the CSV reader's error
 * codes located `file.xlsx!Sheet!D12`, formula cells warned, bad workbooks as coded errors.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreCommand } from '../src/cli/commands/score.js';
import { formatIssue } from '../src/errors/issue.js';
import { writeTablesXlsx } from '../src/io/xlsx/write.js';
import { readAnswerFiles, readAnswerTableFiles } from '../src/node/answers.js';
import { runCli, tempWorkDir } from './support/cli.js';

const work = tempWorkDir('ii-answers-xlsx-');
const cols = (...names: string[]) => names.map((header) => ({ header }));

async function workbook(name: string, tables: Parameters<typeof writeTablesXlsx>[0]) {
  const path = join(work, name);
  writeFileSync(path, await writeTablesXlsx(tables));
  return path;
}

describe('xlsx answers', () => {
  it('reads a long sheet after a notes sheet, with typed cells as shown', async () => {
    const path = await workbook('long.xlsx', [
      { name: 'Notes', columns: cols('read me'), rows: [['nothing here']] },
      {
        name: 'Answers',
        columns: cols('unit', 'period', 'indicator', 'answer', 'valid_from', 'source', 'question'),
        rows: [
          ['BG', 2019, 'res_1', 3, new Date(Date.UTC(2018, 6, 1)), 'Act 12', 'How long?'],
          ['BG', 2019, 'res_2', true, null, null, null],
          ['BG', 2019, 'res_3', 0.1, null, null, null],
        ],
      },
    ]);
    const set = await readAnswerFiles([path]);
    expect(set.errors).toEqual([]);
    expect(set.read).toBe(3);
    expect(set.rows.map((r) => [r.unit, r.period, r.indicator, r.answer, r.validFrom])).toEqual([
      ['BG', '2019', 'res_1', '3', '2018-07-01'],
      ['BG', '2019', 'res_2', 'true', undefined],
      ['BG', '2019', 'res_3', '0.1', undefined],
    ]);
    expect(set.rows[0]?.origin).toMatchObject({ file: `${path}!Answers`, row: 1, line: 2 });
  });

  it('reads a wide sheet named with the sheet option', async () => {
    const path = await workbook('wide.xlsx', [
      { name: 'Long', columns: cols('unit', 'period', 'indicator', 'answer'), rows: [] },
      {
        name: 'Wide',
        columns: cols('unit', 'period', 'res_1', 'res_2'),
        rows: [['PL', 2021, 'a', null]],
      },
    ]);
    const set = await readAnswerTableFiles([path], { sheet: 'Wide' });
    expect(set.errors).toEqual([]);
    expect(set.read).toBe(2);
    expect(set.table.rowAt(1).answer).toBeNull();
    const missing = await readAnswerFiles([path], { sheet: 'Nope' });
    expect(missing.errors.map((i) => i.code)).toEqual(['XLSX_SHEET_NOT_FOUND']);
  });

  it('gives the CSV codes located as file.xlsx!Sheet!D12', async () => {
    const path = await workbook('bad-rows.xlsx', [
      {
        name: 'Answers',
        columns: cols('unit', 'period', 'indicator', 'answer', 'valid_from'),
        rows: [
          ['BG', 2019, 'res_1', 'a', null],
          [null, 2019, 'res_2', 'b', null],
          ['BG', 2019, 'res_3', 'c', '31.12.2019'],
        ],
      },
    ]);
    const set = await readAnswerFiles([path]);
    expect(set.read).toBe(3);
    expect(set.rejected.map((r) => r.issue.code)).toEqual([
      'ANSWER_EMPTY_FIELD',
      'ANSWER_INVALID_DATE',
    ]);
    expect(formatIssue(set.rejected[0]?.issue as never)).toMatch(
      /bad-rows\.xlsx!Answers!A3 \[unit\]: error ANSWER_EMPTY_FIELD/,
    );
    expect(formatIssue(set.rejected[1]?.issue as never)).toMatch(/!Answers!E4 \[valid_from\]/);
  });

  it('a workbook without an answers sheet, or missing a column, is a file-level error', async () => {
    const none = await workbook('none.xlsx', [{ name: 'S', columns: cols('a', 'b'), rows: [] }]);
    expect((await readAnswerFiles([none])).errors.map((i) => i.code)).toEqual([
      'XLSX_NO_ANSWER_SHEET',
    ]);
    const noAnswer = await workbook('noanswer.xlsx', [
      { name: 'S', columns: cols('unit', 'period', 'indicator'), rows: [['BG', 2019, 'x']] },
    ]);
    expect((await readAnswerFiles([noAnswer])).errors.map((i) => i.code)).toEqual([
      'ANSWER_MISSING_COLUMN',
    ]);
  });

  it('a bad workbook is a coded error in the set, never a throw', async () => {
    const path = join(work, 'not-a-workbook.xlsx');
    writeFileSync(path, 'unit,period,indicator,answer\nBG,2019,x,a\n');
    const set = await readAnswerFiles([path]);
    expect(set.errors.map((i) => i.code)).toEqual(['XLSX_NOT_ZIP']);
    expect(set.read).toBe(0);
  });

  it('score reads a workbook named with --sheet and prints cell locations', async () => {
    const path = await workbook('cli.xlsx', [
      { name: 'Notes', columns: cols('x'), rows: [] },
      {
        name: 'Data',
        columns: cols('unit', 'period', 'indicator', 'answer'),
        rows: [
          ['XA', 2021, 'res_lf_renewal_conditions', 'a'],
          [null, 2021, 'res_lf_fees', 'a'],
        ],
      },
    ]);
    const r = await runCli(
      scoreCommand,
      '--framework',
      'niem',
      path,
      '--sheet',
      'Data',
      '--format',
      'csv',
    );
    expect(r.stderr).toContain(`${path}!Data!A3 [unit]: error ANSWER_EMPTY_FIELD`);
    expect(r.stdout).toMatch(/^unit,period/);
  });
});
