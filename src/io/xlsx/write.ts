import type * as ExcelJS from 'exceljs';
import { optionsProblem, stringProblem, throwIfAny, xlsxTablesProblem } from '../../errors/args.js';
import { loadExcelJs } from './load.js';
import type { XlsxValue } from './read.js';

/** One column of an {@link XlsxTable}. */
export interface XlsxColumn {
  header: string;
  /** Width in characters; fitted to the header and the first rows' text when left out. */
  width?: number;
  /** Excel number format for the column's numbers, such as `0.00` or `yyyy-mm-dd`. */
  numFmt?: string;
  /** Wrap long text inside the cell. */
  wrap?: boolean;
  /**
   * Whether the cells stay locked when the sheet is protected (Excel's default). Set `false`
   * on the columns a person fills in; ignored unless the table is `protect`ed.
   */
  locked?: boolean;
}

/**
 * Data validation on one cell, written as Excel's own: a dropdown (`list`), a whole or decimal
 * number within bounds, a date, or free text with only an input message. A wrong entry is
 * met by Excel's warning dialog (the person may still keep it, as `n/a` must be possible).
 */
export type XlsxValidation =
  | { kind: 'list'; values: readonly string[]; prompt?: string }
  | { kind: 'whole' | 'decimal'; min?: number; max?: number; prompt?: string }
  | { kind: 'date'; prompt?: string }
  | { kind: 'text'; prompt: string };

/** One sheet for {@link writeTablesXlsx}: a header row of columns, then data rows. */
export interface XlsxTable {
  /** The sheet name (at most 31 characters, none of `[]:*?/\`). */
  name: string;
  columns: readonly XlsxColumn[];
  /** Data rows; `rows[i][j]` goes under `columns[j]`. Text is always stored as text. */
  rows: readonly (readonly XlsxValue[])[];
  /** Validations by data row and column index (0-based). */
  validations?: readonly { row: number; column: number; rule: XlsxValidation }[];
  /** Cells, by data row and column index, that stay unlocked in a protected sheet. */
  unlocked?: readonly { row: number; column: number }[];
  /** Protect the sheet (no password): locked columns cannot be edited by accident. */
  protect?: boolean;
  /** Freeze the header row (default `true`); a table without columns has no header row. */
  freezeHeader?: boolean;
  /** Hide the sheet (lists a dropdown refers to, say). */
  hidden?: boolean;
}

/**
 * The shared writer of Excel workbooks: one sheet per table, a bold frozen header row, column
 * widths, number formats, wrapped text, data validation and sheet protection, with exceljs.
 * Numbers are stored as numbers (the number format sets the decimals shown, not the value),
 * dates as dates, and every string as text, so a cell that starts with `=` is never a formula.
 *
 * @example
 * ```ts
 * const bytes = await writeTablesXlsx([
 *   { name: 'Scores', columns: [{ header: 'unit' }, { header: 'score', numFmt: '0.0' }],
 *     rows: [['BG', 41.25], ['PL', 38.5]] },
 * ]);
 * writeFileSync('scores.xlsx', bytes);
 * ```
 */
export async function writeTablesXlsx(
  tables: readonly XlsxTable[],
  options: { creator?: string } = {},
): Promise<Uint8Array> {
  throwIfAny(
    xlsxTablesProblem('writeTablesXlsx', 'tables', tables),
    optionsProblem('writeTablesXlsx', 'options', options, { creator: 'string' }),
  );
  const { Workbook } = await loadExcelJs();
  const wb = new Workbook();
  wb.creator = options.creator ?? 'integration-index';
  // A fixed date keeps the bytes of two runs over the same input equal.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  for (const table of tables) {
    const hasHeader = table.columns.length > 0;
    const freeze = hasHeader && table.freezeHeader !== false;
    const ws = wb.addWorksheet(safeSheetName(table.name), {
      ...(freeze ? { views: [{ state: 'frozen' as const, ySplit: 1 }] } : {}),
      ...(table.hidden ? { state: 'hidden' as const } : {}),
    });
    const first = hasHeader ? 2 : 1;
    if (hasHeader) {
      const header = ws.getRow(1);
      table.columns.forEach((c, j) => {
        header.getCell(j + 1).value = c.header;
      });
      header.font = { bold: true };
    }
    table.rows.forEach((values, i) => {
      const row = ws.getRow(first + i);
      values.forEach((v, j) => {
        if (v === null || v === undefined) return;
        const cell = row.getCell(j + 1);
        // A string is always written as text: exceljs only writes formulas given as objects.
        cell.value = v;
      });
    });
    table.columns.forEach((c, j) => {
      const col = ws.getColumn(j + 1);
      col.width = c.width ?? fitWidth(c.header, table.rows, j);
      if (c.numFmt !== undefined) col.numFmt = c.numFmt;
      const style: Partial<ExcelJS.Style> = {};
      if (c.wrap) style.alignment = { wrapText: true, vertical: 'top' };
      if (table.protect && c.locked === false) style.protection = { locked: false };
      if (style.alignment || style.protection) {
        for (let r = first; r < first + table.rows.length; r++) {
          const cell = ws.getRow(r).getCell(j + 1);
          if (style.alignment) cell.alignment = style.alignment;
          if (style.protection) cell.protection = style.protection;
        }
      }
    });
    for (const { row, column } of table.unlocked ?? []) {
      ws.getRow(first + row).getCell(column + 1).protection = { locked: false };
    }
    for (const { row, column, rule } of table.validations ?? []) {
      const cell = ws.getRow(first + row).getCell(column + 1);
      cell.dataValidation = validation(rule);
      // A date cell shows a date, as Excel formats a cell once a date is typed into it.
      if (rule.kind === 'date' && (cell.numFmt === undefined || cell.numFmt === 'General')) {
        cell.numFmt = 'yyyy-mm-dd';
      }
    }
    if (table.protect) {
      await ws.protect('', {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatRows: true,
        autoFilter: true,
        sort: true,
        // Room for a second row of the same question (an answer that changed within a period).
        insertRows: true,
      });
    }
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function validation(rule: XlsxValidation): ExcelJS.DataValidation {
  const prompt =
    rule.prompt === undefined ? {} : { showInputMessage: true, prompt: rule.prompt.slice(0, 255) };
  const warn = { showErrorMessage: true, errorStyle: 'warning' as const };
  switch (rule.kind) {
    case 'list':
      return {
        type: 'list',
        allowBlank: true,
        formulae: [`"${rule.values.join(',')}"`],
        ...prompt,
        ...warn,
      };
    case 'whole':
    case 'decimal': {
      const { min, max } = rule;
      const base = { type: rule.kind, allowBlank: true, ...prompt, ...warn } as const;
      if (min !== undefined && max !== undefined)
        return { ...base, operator: 'between', formulae: [min, max] };
      if (min !== undefined) return { ...base, operator: 'greaterThanOrEqual', formulae: [min] };
      if (max !== undefined) return { ...base, operator: 'lessThanOrEqual', formulae: [max] };
      return { ...base, operator: 'between', formulae: [-1e15, 1e15] };
    }
    case 'date':
      return {
        type: 'date',
        allowBlank: true,
        operator: 'greaterThan',
        formulae: [new Date(Date.UTC(1900, 0, 1))],
        ...prompt,
        ...warn,
      };
    case 'text':
      return {
        type: 'any' as ExcelJS.DataValidation['type'],
        allowBlank: true,
        formulae: [],
        ...prompt,
      };
  }
}

/** A width that shows the header and the first rows' text, between 6 and 60 characters. */
function fitWidth(header: string, rows: readonly (readonly XlsxValue[])[], j: number): number {
  let w = header.length;
  for (let i = 0; i < Math.min(rows.length, 200); i++) {
    const v = rows[i]?.[j];
    if (v === null || v === undefined) continue;
    const s = v instanceof Date ? '2000-01-01' : String(v);
    w = Math.max(w, s.length);
  }
  return Math.min(60, Math.max(6, w + 2));
}

/**
 * A sheet name Excel accepts: `[]:*?/\` replaced by `_`, at most 31 characters.
 *
 * @example
 * ```ts
 * safeSheetName('Dimension x stage / 2021'); //=> 'Dimension x stage _ 2021'
 * ```
 */
export function safeSheetName(name: string): string {
  throwIfAny(stringProblem('safeSheetName', 'name', name));
  const s = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  return s === '' ? 'Sheet' : s;
}
