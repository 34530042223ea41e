import { stringify } from '#csv-stringify';
import { type FieldCheck, invalidArgument, optionsProblem, throwIfAny } from '../errors/args.js';

/** A value a CSV cell can hold; `null` and `undefined` write an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

/** The field delimiters that answer files may use, and that {@link detectDelimiter} recognises. */
export type CsvDelimiter = ',' | ';' | '\t';

/** Options of {@link toCsv}. */
export interface ToCsvOptions {
  /** Field delimiter; `,` by default. */
  delimiter?: CsvDelimiter;
  /** Start with a UTF-8 byte-order mark, so that Excel reads non-Latin text right. */
  bom?: boolean;
  /** Neutralise cells a spreadsheet would run as a formula; see {@link excelSafeCell}. */
  excelSafe?: boolean;
  /** Line ending; `\n` by default (`\r\n` for tools that insist on it). */
  recordDelimiter?: '\n' | '\r\n';
}

const negativeNumber = /^-(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Neutralises a cell that a spreadsheet would evaluate as a formula ("CSV injection", see
 * OWASP's CSV Injection page): text starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return gets a leading `'`. Numbers, and text that is just a negative number such as `-1.5`,
 * are left alone so they stay numbers. Answer readers drop that `'` again on the way back.
 *
 * @example
 * ```ts
 * excelSafeCell('=HYPERLINK("http://x")'); //=> '\'=HYPERLINK("http://x")'
 * excelSafeCell('-1.5');                   //=> '-1.5'
 * excelSafeCell(-2);                       //=> '-2'
 * ```
 */
export function excelSafeCell(value: CsvCell): string {
  const text = cellText(value);
  if (typeof value === 'number' || text.length === 0) return text;
  const c = text.charCodeAt(0);
  // = + - @ \t \r
  if (c === 61 || c === 43 || c === 64 || c === 9 || c === 13) return `'${text}`;
  if (c === 45) return negativeNumber.test(text) ? text : `'${text}`;
  return text;
}

function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return String(value);
}

/**
 * Writes rows as CSV text with csv-stringify: RFC 4180 quoting (fields holding the delimiter, a
 * quote or a line break are quoted, quotes doubled), one record per line, text kept as UTF-8
 * (Cyrillic, Arabic, CJK unchanged). The shared writer of every export.
 *
 * @example
 * ```ts
 * toCsv([['unit', 'answer'], ['BG', 'Пребиваване, 3 г.']]);
 * //=> 'unit,answer\nBG,"Пребиваване, 3 г."\n'
 * toCsv([['a'], ['=1+1']], { excelSafe: true, bom: true, delimiter: ';' });
 * //=> '\ufeffa\n\'=1+1\n'
 * ```
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: ToCsvOptions = {}): string {
  throwIfAny(
    Array.isArray(rows) && rows.every((r) => Array.isArray(r))
      ? undefined
      : invalidArgument('toCsv', 'rows', 'an array of rows (arrays of cells)', rows),
    optionsProblem('toCsv', 'options', options, toCsvOptionFields),
  );
  const safe = options.excelSafe === true;
  const records = rows.map((row) => row.map(safe ? excelSafeCell : cellText));
  const text = stringify(records, {
    delimiter: options.delimiter ?? ',',
    record_delimiter: options.recordDelimiter === '\r\n' ? 'windows' : 'unix',
  });
  return options.bom === true ? `\ufeff${text}` : text;
}

/**
 * Guesses the field delimiter from a file's first line: whichever of comma, semicolon and tab
 * occurs most often outside quotes (ties go to the comma, then the semicolon).
 *
 * @example
 * ```ts
 * detectDelimiter('unit;period;indicator;answer\nBG;2019;x;a'); //=> ';'
 * detectDelimiter('unit\tperiod');                               //=> '\t'
 * ```
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 10 || c === 13) break;
    else if (c === 44) commas++;
    else if (c === 59) semicolons++;
    else if (c === 9) tabs++;
  }
  if (tabs > commas && tabs > semicolons) return '\t';
  if (semicolons > commas) return ';';
  return ',';
}

/** The keys of {@link ToCsvOptions}, checked on every call. */
export const toCsvOptionFields: Readonly<Record<string, FieldCheck>> = {
  delimiter: [',', ';', '\t'],
  bom: 'boolean',
  excelSafe: 'boolean',
  recordDelimiter: ['\n', '\r\n'],
};
