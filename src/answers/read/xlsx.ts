import { bytesProblem, firstProblem, optionsProblem, stringProblem } from '../../errors/args.js';
import { createIssue, type Issue } from '../../errors/issue.js';
import { readXlsxCells, type XlsxSheet, xlsxCellText } from '../../io/xlsx/read.js';
import { classifyHeader } from './_lib/fields.js';
import type { AnswerSheet } from './index.js';

/** Options of {@link readXlsxAnswerSheet}. */
export interface XlsxAnswerOptions {
  /** The sheet to read; by default the first whose first filled row names `unit` and `period`. */
  sheet?: string;
}

/**
 * What the `About` sheet of a questionnaire written by `template --out *.xlsx` says: the
 * framework, edition, version and language it was written for.
 */
export interface XlsxAbout {
  framework?: string;
  edition?: string;
  version?: string;
  lang?: string;
}

/**
 * Reads the answers sheet of a workbook into an {@link AnswerSheet} for `readAnswers`: the
 * sheet named by `sheet`, else the first sheet whose first filled row holds `unit` and
 * `period` (a filled questionnaire's `Answers`, or any long or wide sheet). Cells are read as
 * shown: dates as `YYYY-MM-DD`, numbers without float noise, formulas by their saved value
 * with one `XLSX_FORMULA_CELLS` warning per sheet. Issues are located `file.xlsx!Sheet` with
 * the row as line and the column number, which `formatIssue` prints as `file.xlsx!Sheet!D12`.
 * A bad workbook gives the coded errors of `readXlsxCells` and no sheet.
 *
 * @example
 * ```ts
 * const r = await readXlsxAnswerSheet(readFileSync('q.xlsx'), 'q.xlsx');
 * if (r.sheet) readAnswers([r.sheet]).rows.length;
 * ```
 */
export async function readXlsxAnswerSheet(
  bytes: Uint8Array,
  file: string,
  options: XlsxAnswerOptions = {},
): Promise<{ sheet?: AnswerSheet; errors: Issue[]; warnings: Issue[]; about?: XlsxAbout }> {
  const bad = firstProblem(
    bytesProblem('readXlsxAnswerSheet', 'bytes', bytes),
    stringProblem('readXlsxAnswerSheet', 'file', file),
    optionsProblem('readXlsxAnswerSheet', 'options', options, { sheet: 'string' }),
  );
  if (bad) return { errors: [bad], warnings: [] };
  const read = await readXlsxCells(bytes, { file });
  if (!read.ok) return { errors: read.issues, warnings: [] };
  const { sheets } = read.workbook;
  const names = sheets.map((s) => s.name);
  let chosen: XlsxSheet | undefined;
  if (options.sheet !== undefined) {
    chosen = sheets.find((s) => s.name === options.sheet);
    if (chosen === undefined) {
      return {
        errors: [
          createIssue('XLSX_SHEET_NOT_FOUND', { sheet: options.sheet, sheets: names }, { file }),
        ],
        warnings: [],
      };
    }
  } else {
    chosen = sheets.find(hasAnswerHeader);
    if (chosen === undefined) {
      return {
        errors: [createIssue('XLSX_NO_ANSWER_SHEET', { sheets: names }, { file })],
        warnings: [],
      };
    }
  }
  const path = `${file}!${chosen.name}`;
  const warnings: Issue[] = [];
  const first = chosen.formulas[0];
  if (first !== undefined) {
    const m = /^([A-Z]+)(\d+)$/.exec(first);
    const column = [...(m?.[1] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    warnings.push(
      createIssue(
        'XLSX_FORMULA_CELLS',
        { count: chosen.formulas.length },
        { file: path, line: Number(m?.[2] ?? 1), column, severity: 'warning' },
      ),
    );
  }
  const records = chosen.rows.map((row) => row.map(xlsxCellText));
  const about = aboutOf(sheets);
  return {
    sheet: { path, records },
    errors: [],
    warnings,
    ...(about === undefined ? {} : { about }),
  };
}

/** Whether the first filled row of a sheet names both `unit` and `period`. */
function hasAnswerHeader(sheet: XlsxSheet): boolean {
  const row = sheet.rows.find((r) => r.some((v) => v !== null && xlsxCellText(v).trim() !== ''));
  if (row === undefined) return false;
  const known = new Set<string>();
  for (const v of row) {
    const name = classifyHeader(xlsxCellText(v));
    if (name.kind === 'known') known.add(name.column);
  }
  return known.has('unit') && known.has('period');
}

/** The `About` sheet's key-value rows, when the workbook has one. */
function aboutOf(sheets: readonly XlsxSheet[]): XlsxAbout | undefined {
  const sheet = sheets.find((s) => s.name === 'About');
  if (sheet === undefined) return undefined;
  const about: XlsxAbout = {};
  for (const row of sheet.rows) {
    const key = xlsxCellText(row[0] ?? null)
      .trim()
      .toLowerCase();
    const value = xlsxCellText(row[1] ?? null).trim();
    if (value === '') continue;
    if (key === 'framework' || key === 'edition' || key === 'version' || key === 'lang') {
      about[key] = value;
    }
  }
  return about;
}
