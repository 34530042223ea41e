import {
  bytesProblem,
  firstProblem,
  invalidArgument,
  numberProblem,
  optionsProblem,
  stringArray,
  stringProblem,
  throwIfAny,
} from '../../errors/args.js';
import { createIssue, type Issue } from '../../errors/issue.js';
import { loadExcelJs } from './load.js';
import { inflatePart, inspectZip, xlsxLimits, type ZipPart } from './zip.js';

/**
 * A cell's value as the person who typed it sees it: text, a number, a boolean, a date (a date
 * cell is a `Date` at UTC midnight, never Excel's serial number), or `null` for an empty cell.
 * Rich text is its plain text, a hyperlink its text, an error value its code (`#N/A`), and a
 * formula the value Excel calculated and saved with it.
 */
export type XlsxValue = string | number | boolean | Date | null;

/** One sheet as values: `rows[r - 1][c - 1]` is the cell in Excel row `r`, column `c`. */
export interface XlsxSheet {
  name: string;
  rows: XlsxValue[][];
  /** Addresses (`D12`) of the cells that hold a formula, in reading order. */
  formulas: string[];
}

/** What {@link readXlsxCells} gives: every sheet, in the workbook's order. */
export interface XlsxWorkbook {
  file: string;
  sheets: XlsxSheet[];
}

/** Options of {@link readXlsxCells}. */
export interface ReadXlsxOptions {
  /** The file name for issues; `workbook.xlsx` by default. */
  file?: string;
  /** Read only these sheets (by name); every sheet by default. Unknown names are ignored. */
  sheets?: readonly string[];
}

/**
 * The shared reader of Excel workbooks: checks the bytes first, then reads every cell's value
 * with exceljs. Before anything is inflated the zip's central directory is checked
 * (`inspectZip`: not a zip, truncated, encrypted, legacy `.xls`, macros, zip bomb by declared
 * sizes and ratios); then each XML part is inflated to at most its declared size and the
 * sheets are scanned for rows without values (`XLSX_EMPTY_ROWS`, over `xlsxLimits.maxEmptyRows`)
 * and shared-string indexes past the table (`XLSX_SHARED_STRING_RANGE`, located at the cell).
 * Only a workbook that passes is handed to exceljs. Never throws: problems are coded issues.
 *
 * @example
 * ```ts
 * const r = await readXlsxCells(readFileSync('answers.xlsx'), { file: 'answers.xlsx' });
 * if (r.ok) r.workbook.sheets[0]?.rows[0]; //=> ['unit', 'period', 'indicator', 'answer']
 * ```
 */
export async function readXlsxCells(
  bytes: Uint8Array,
  options: ReadXlsxOptions = {},
): Promise<{ ok: true; workbook: XlsxWorkbook } | { ok: false; issues: Issue[] }> {
  const bad = firstProblem(
    bytesProblem('readXlsxCells', 'bytes', bytes),
    optionsProblem('readXlsxCells', 'options', options, { file: 'string', sheets: stringArray }),
  );
  if (bad) return { ok: false, issues: [bad] };
  const file = options.file ?? 'workbook.xlsx';
  const checked = checkWorkbook(bytes, file);
  if (!checked.ok) return checked;
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  try {
    // exceljs types its buffer as a Node Buffer; a view on the same bytes costs no copy.
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never,
    );
  } catch (error) {
    return {
      ok: false,
      issues: [
        createIssue(
          'XLSX_UNREADABLE',
          { detail: error instanceof Error ? error.message : String(error) },
          { file },
        ),
      ],
    };
  }
  const wanted = options.sheets === undefined ? undefined : new Set(options.sheets);
  const cached = checked.cached;
  const sheets: XlsxSheet[] = [];
  for (const ws of workbook.worksheets) {
    if (wanted !== undefined && !wanted.has(ws.name)) continue;
    const rows: XlsxValue[][] = [];
    const formulas: string[] = [];
    const saved = cached.get(ws.name);
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const values: XlsxValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const raw = cell.value as unknown;
        let value = plainValue(raw);
        if (raw !== null && typeof raw === 'object' && !(raw instanceof Date)) {
          if ('formula' in raw || 'sharedFormula' in raw) {
            const address = cellAddress(r, c);
            formulas.push(address);
            // exceljs 4.4.0 drops a saved result that is falsy (0, false, ''): take it from
            // the sheet's XML, as scanned before loading.
            if (!('result' in raw) || (raw as { result?: unknown }).result === undefined) {
              value = saved?.get(address) ?? null;
            }
          }
        }
        values[c - 1] = value;
      });
      for (let c = 0; c < values.length; c++) if (values[c] === undefined) values[c] = null;
      while (rows.length < r - 1) rows.push([]);
      rows[r - 1] = values;
    });
    sheets.push({ name: ws.name, rows, formulas });
  }
  return { ok: true, workbook: { file, sheets } };
}

/** exceljs's cell value reduced to what the cell shows. */
function plainValue(raw: unknown): XlsxValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (raw instanceof Date) return raw;
  if (typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return plainValue(o.result);
    if (Array.isArray(o.richText)) {
      return (o.richText as { text?: unknown }[]).map((t) => String(t.text ?? '')).join('');
    }
    if ('text' in o) return plainValue(o.text);
    if ('error' in o) return String(o.error);
  }
  return String(raw);
}

/**
 * A cell's text as the answer readers take it: numbers without float noise (15 significant
 * digits, as Excel shows them), dates as `YYYY-MM-DD` (with `THH:MM:SS` when they carry a
 * time), booleans as `true`/`false`, empty as `''`.
 *
 * @example
 * ```ts
 * xlsxCellText(new Date(Date.UTC(2021, 0, 31))); //=> '2021-01-31'
 * xlsxCellText(0.1 + 0.2);                        //=> '0.3'
 * xlsxCellText(true);                             //=> 'true'
 * ```
 */
export function xlsxCellText(value: XlsxValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throwIfAny(
      invalidArgument(
        'xlsxCellText',
        'value',
        'a cell value (string, number, boolean, valid Date or null)',
        value,
      ),
    );
  }
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/**
 * The A1 address of a cell from its 1-based row and column.
 *
 * @example
 * ```ts
 * cellAddress(12, 4);  //=> 'D12'
 * cellAddress(1, 28);  //=> 'AB1'
 * ```
 */
export function cellAddress(row: number, column: number): string {
  throwIfAny(
    numberProblem('cellAddress', 'row', row, { min: 1, integer: true }),
    numberProblem('cellAddress', 'column', column, { min: 1, integer: true }),
  );
  return `${columnLetters(column)}${row}`;
}

/**
 * Excel's letters for a 1-based column number.
 *
 * @example
 * ```ts
 * columnLetters(1);   //=> 'A'
 * columnLetters(703); //=> 'AAA'
 * ```
 */
export function columnLetters(column: number): string {
  throwIfAny(numberProblem('columnLetters', 'column', column, { min: 1, integer: true }));
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

/** Row and column (1-based) of an A1 address. */
function parseAddress(ref: string): { row: number; column: number } | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1] as string) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

/**
 * The checks made before exceljs sees the bytes; see {@link readXlsxCells}. Exported for the
 * tests and for readers that only need to know whether a workbook is safe to open.
 *
 * @example
 * ```ts
 * checkWorkbook(new TextEncoder().encode('unit,period'), 'a.xlsx').ok; //=> false (XLSX_NOT_ZIP)
 * ```
 */
export function checkWorkbook(
  bytes: Uint8Array,
  file: string,
):
  | { ok: true; sheets: string[]; cached: Map<string, Map<string, XlsxValue>> }
  | { ok: false; issues: Issue[] } {
  const bad = firstProblem(
    bytesProblem('checkWorkbook', 'bytes', bytes),
    stringProblem('checkWorkbook', 'file', file),
  );
  if (bad) return { ok: false, issues: [bad] };
  const zip = inspectZip(bytes, file);
  if (!zip.ok) return zip;
  const { parts } = zip;
  const fail = (issue: Issue) => ({ ok: false as const, issues: [issue] });
  const text = (part: ZipPart) => {
    const r = inflatePart(bytes, part, file);
    return r.ok ? { ok: true as const, text: new TextDecoder().decode(r.data) } : r;
  };
  for (const need of ['[Content_Types].xml', 'xl/workbook.xml']) {
    if (!parts.has(need))
      return fail(createIssue('XLSX_NOT_WORKBOOK', { missing: need }, { file }));
  }
  const types = text(parts.get('[Content_Types].xml') as ZipPart);
  if (!types.ok) return fail(types.issue);
  if (/macroEnabled/i.test(types.text)) {
    return fail(createIssue('XLSX_MACROS', { part: '[Content_Types].xml' }, { file }));
  }
  // Sheet names and their parts: workbook.xml names them, its rels give the targets.
  const book = text(parts.get('xl/workbook.xml') as ZipPart);
  if (!book.ok) return fail(book.issue);
  const relsPart = parts.get('xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  if (relsPart) {
    const rels = text(relsPart);
    if (!rels.ok) return fail(rels.issue);
    for (const m of rels.text.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
      const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
      if (id !== undefined && target !== undefined) {
        targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
      }
    }
  }
  const sheets: { name: string; part: string | undefined }[] = [];
  for (const m of book.text.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = decodeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? '');
    const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    sheets.push({ name, part: rid === undefined ? undefined : targets.get(rid) });
  }
  let strings = 0;
  const sst = parts.get('xl/sharedStrings.xml');
  if (sst) {
    const s = text(sst);
    if (!s.ok) return fail(s.issue);
    for (let i = s.text.indexOf('<si'); i !== -1; i = s.text.indexOf('<si', i + 3)) {
      const next = s.text.charCodeAt(i + 3);
      if (next === 62 || next === 32 || next === 47) strings++;
    }
  }
  const cached = new Map<string, Map<string, XlsxValue>>();
  for (const sheet of sheets) {
    const part = sheet.part === undefined ? undefined : parts.get(sheet.part);
    if (part === undefined) continue;
    const xml = text(part);
    if (!xml.ok) return fail(xml.issue);
    const issue = scanSheet(xml.text, sheet.name, strings, file);
    if (issue) return fail(issue);
    cached.set(sheet.name, formulaValues(xml.text));
  }
  return { ok: true, sheets: sheets.map((s) => s.name), cached };
}

/** The saved value of every formula cell of a sheet's XML, by address. */
function formulaValues(xml: string): Map<string, XlsxValue> {
  const values = new Map<string, XlsxValue>();
  const cell = /<c\b([^>]*)>(?:<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>)<v>([^<]*)<\/v>/g;
  for (const m of xml.matchAll(cell)) {
    const attrs = m[1] as string;
    const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
    if (ref === undefined) continue;
    const raw = decodeXml(m[2] as string);
    const type = /\bt="(\w+)"/.exec(attrs)?.[1];
    values.set(
      ref,
      type === 'str' || type === 'e' ? raw : type === 'b' ? raw === '1' : Number(raw),
    );
  }
  return values;
}

/**
 * One pass over a sheet's XML: rows that hold no value, and shared-string cells pointing past
 * the table.
 */
function scanSheet(xml: string, sheet: string, strings: number, file: string): Issue | undefined {
  let empty = 0;
  let start = xml.indexOf('<row');
  // The next value tag at or after `start`, searched again only once passed: one linear pass.
  let v = -2;
  let is = -2;
  while (start !== -1) {
    const next = xml.indexOf('<row', start + 4);
    const end = next === -1 ? xml.length : next;
    if (v !== -1 && v < start) v = xml.indexOf('<v', start);
    if (is !== -1 && is < start) is = xml.indexOf('<is>', start);
    if ((v === -1 || v >= end) && (is === -1 || is >= end)) {
      empty++;
      if (empty > xlsxLimits.maxEmptyRows) {
        return createIssue(
          'XLSX_EMPTY_ROWS',
          { sheet, empty, limit: xlsxLimits.maxEmptyRows },
          { file: `${file}!${sheet}` },
        );
      }
    }
    start = next;
  }
  const cell = /<c\b([^>]*?)>\s*<v>(\d+)<\/v>/g;
  for (const m of xml.matchAll(cell)) {
    const attrs = m[1] as string;
    if (!/\bt="s"/.test(attrs)) continue;
    const index = Number(m[2]);
    if (index >= strings) {
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const at = ref === undefined ? undefined : parseAddress(ref);
      return createIssue(
        'XLSX_SHARED_STRING_RANGE',
        { index, count: strings },
        at === undefined
          ? { file: `${file}!${sheet}` }
          : { file: `${file}!${sheet}`, line: at.row, column: at.column },
      );
    }
  }
  return undefined;
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
