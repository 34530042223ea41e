import { stringify } from 'csv-stringify/browser/esm/sync';
import {
  frameworkProblem,
  optionsProblem,
  throwIfAny,
  xlsxWorkbookProblem,
} from '../../errors/args.js';
import { createIssue, type Issue } from '../../errors/issue.js';
import type { Framework } from '../../framework/schema/framework.js';
import type { XlsxSheet, XlsxValue, XlsxWorkbook } from '../../io/xlsx/read.js';
import { importMipexScores, type MipexImportOptions, type MipexImportResult } from './import.js';

/**
 * One score of MIPEX's core workbook, in the tidy layout of `importMipexScores`
 * (`country,year,area,column,code,sub_code,score`), with the cells it was read from.
 */
export interface MipexWorkbookScore {
  country: string;
  year: string;
  /** The strand's name as the block's first row gives it. */
  area: string;
  /** The block's column triplet: 0 is the strand average, 1... the indicators. */
  column: number;
  code: string;
  subCode: string;
  /** The score as the cell shows it (15 significant digits), or '' when MIPEX left it empty. */
  score: string;
  /** Where: `file.xlsx!Sheet`, the sheet row, and the columns of the year, code and score. */
  at: { file: string; line: number; yearColumn: number; codeColumn: number; scoreColumn: number };
}

/** The three overall scores of one country and year, as MIPEX's overall block gives them. */
export interface MipexWorkbookOverall {
  country: string;
  year: string;
  withHealth: number | null;
  withoutHealth: number | null;
  withoutHealthEducation: number | null;
}

const text = (v: XlsxValue | undefined): string =>
  v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v).trim();

function scoreText(v: XlsxValue | undefined): string {
  if (typeof v === 'number') return String(v);
  return text(v);
}

function overallValue(v: XlsxValue | undefined): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const t = text(v);
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : null;
}

/**
 * Reads MIPEX's core-indicator workbook (`mipex_core_2007-2019.xlsx`) as MIPEX publishes it:
 * one sheet per country (named by its code); an overall block (`Year` and the three overall
 * scores, one row per year), then one block per policy strand: a `Policy strand` row naming
 * the strand, an `Indicator` row and a `Sub-indicator` row giving each column triplet's code
 * (year, score, comments), title, description and answer-option rows, a `Year / Score /
 * Comments` header, and one row per year. Every year row of every triplet becomes one
 * {@link MipexWorkbookScore} (an empty score stays empty, as MIPEX left it; a cell that holds no
 * number, such as `#DIV/0!` where MIPEX's average had nothing to average or a note typed in a
 * score cell, is empty too, as MIPEX's own AVERAGE formulas treat it, counted in one
 * `MIPEX_WORKBOOK_NOT_A_SCORE` warning per sheet). The year is the row's first cell. Sheets that have
 * no strand block are reported (`MIPEX_WORKBOOK_NO_BLOCKS`), never skipped silently. Pure: the
 * cells in, records out.
 *
 * @example
 * ```ts
 * const cells = await readXlsxCells(bytes, { file: 'mipex.xlsx' });
 * if (cells.ok) mipexWorkbookScores(cells.workbook).scores.length; //=> 41,000 or so
 * ```
 */
export function mipexWorkbookScores(workbook: XlsxWorkbook): {
  scores: MipexWorkbookScore[];
  overall: MipexWorkbookOverall[];
  issues: Issue[];
} {
  throwIfAny(xlsxWorkbookProblem('mipexWorkbookScores', 'workbook', workbook));
  const scores: MipexWorkbookScore[] = [];
  const overall: MipexWorkbookOverall[] = [];
  const issues: Issue[] = [];
  for (const sheet of workbook.sheets) {
    const file = `${workbook.file}!${sheet.name}`;
    const blocks = readSheet(sheet, file, scores, overall, issues);
    if (blocks === 0) {
      issues.push(createIssue('MIPEX_WORKBOOK_NO_BLOCKS', { sheet: sheet.name }, { file }));
    }
  }
  return { scores, overall, issues };
}

function readSheet(
  sheet: XlsxSheet,
  file: string,
  scores: MipexWorkbookScore[],
  overall: MipexWorkbookOverall[],
  issues: Issue[],
): number {
  const country = sheet.name.trim();
  const rows = sheet.rows;
  const a = (r: number) => text(rows[r]?.[0]).toLowerCase();
  // The overall block: the first `Year` row, then year rows until a blank first cell.
  let r = 0;
  while (r < rows.length && a(r) !== 'year' && a(r) !== 'policy strand') r++;
  if (a(r) === 'year') {
    for (r = r + 1; r < rows.length && /^\d{4}$/.test(text(rows[r]?.[0])); r++) {
      const row = rows[r] ?? [];
      overall.push({
        country,
        year: text(row[0]),
        withHealth: overallValue(row[1]),
        withoutHealth: overallValue(row[2]),
        withoutHealthEducation: overallValue(row[3]),
      });
    }
  }
  let blocks = 0;
  const errors: { count: number; first?: { line: number; column: number; value: string } } = {
    count: 0,
  };
  for (; r < rows.length; r++) {
    if (a(r) !== 'policy strand') continue;
    blocks++;
    const area = text(rows[r]?.[1]);
    const codes = rows[r + 1] ?? [];
    const subs = rows[r + 2] ?? [];
    // The `Year / Score / Comments` header follows the text rows.
    let h = r + 1;
    while (h < rows.length && a(h) !== 'year') h++;
    const width = Math.max(rows[h]?.length ?? 0, codes.length, subs.length);
    const triplets = Math.ceil(width / 3);
    let y = h + 1;
    for (; y < rows.length && /^\d{4}$/.test(text(rows[y]?.[0])); y++) {
      const row = rows[y] ?? [];
      for (let k = 0; k < triplets; k++) {
        const code = text(codes[3 * k + 1]);
        const subCode = text(subs[3 * k + 1]);
        if (code === '' && subCode === '') continue;
        // The row's year is the first column's: a triplet's own year cell is sometimes a
        // stray label (PL's anti-discrimination block).
        const year = text(row[0]);
        let score = scoreText(row[3 * k + 1]);
        if (score !== '' && !Number.isFinite(Number(score))) {
          // An Excel error (#DIV/0! where MIPEX averaged nothing) or a note typed where a score
          // goes: no score, as MIPEX's own AVERAGE formulas read it; reported once per sheet.
          errors.count++;
          errors.first ??= { line: y + 1, column: 3 * k + 2, value: score };
          score = '';
        }
        scores.push({
          country,
          year,
          area,
          column: k,
          code,
          subCode,
          score,
          at: {
            file,
            line: y + 1,
            yearColumn: 3 * k + 1,
            codeColumn: 3 * k + 2,
            scoreColumn: 3 * k + 2,
          },
        });
      }
    }
    r = y - 1;
  }
  if (errors.first !== undefined) {
    issues.push(
      createIssue(
        'MIPEX_WORKBOOK_NOT_A_SCORE',
        { count: errors.count, value: errors.first.value.slice(0, 60) },
        { file, line: errors.first.line, column: errors.first.column, severity: 'warning' },
      ),
    );
  }
  return blocks;
}

/**
 * Imports MIPEX's core workbook as answers: the records of {@link mipexWorkbookScores} go
 * through `importMipexScores` (leaves mapped to the options that carry their scores, composite,
 * area and overall scores left for the engine), with every issue and answer origin naming the
 * workbook's sheet, row and column. Years the framework has no period for (the 2020 rows) are
 * reported once per country and year (`MIPEX_UNKNOWN_UNIT_PERIOD`).
 *
 * @example
 * ```ts
 * const cells = await readXlsxCells(bytes, { file: 'mipex.xlsx' });
 * if (cells.ok) importMipexWorkbook(cells.workbook, mipex).rows.length;
 * ```
 */
export function importMipexWorkbook(
  workbook: XlsxWorkbook,
  framework: Framework,
  options: Omit<MipexImportOptions, 'file' | 'locations'> = {},
): MipexImportResult & { overall: MipexWorkbookOverall[]; scores: MipexWorkbookScore[] } {
  throwIfAny(
    xlsxWorkbookProblem('importMipexWorkbook', 'workbook', workbook),
    frameworkProblem('importMipexWorkbook', 'framework', framework),
    optionsProblem('importMipexWorkbook', 'options', options, {
      skipUnscoredStrands: 'boolean',
      unknownPeriodsPerUnit: 'boolean',
    }),
  );
  const read = mipexWorkbookScores(workbook);
  const csv = stringify([
    ['country', 'year', 'area', 'column', 'code', 'sub_code', 'score'],
    ...read.scores.map((s) => [s.country, s.year, s.area, s.column, s.code, s.subCode, s.score]),
  ]);
  const result = importMipexScores(csv, framework, {
    unknownPeriodsPerUnit: true,
    ...options,
    file: workbook.file,
    locations: read.scores.map((s) => ({
      file: s.at.file,
      line: s.at.line,
      columns: { year: s.at.yearColumn, code: s.at.codeColumn, score: s.at.scoreColumn },
    })),
  });
  return {
    ...result,
    issues: [...read.issues, ...result.issues],
    overall: read.overall,
    scores: read.scores,
  };
}
