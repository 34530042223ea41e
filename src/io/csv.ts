import { stringify } from '#csv-stringify';
import { type FieldCheck, invalidArgument, optionsProblem, throwIfAny } from '../errors/args.js';
import { type CsvCell, cellText, excelSafeCell } from './neutralise.js';

export { type CsvCell, excelSafeCell } from './neutralise.js';

/** The field delimiters that answer files may use, and that {@link detectDelimiter} recognises. */
export type CsvDelimiter = ',' | ';' | '\t';

/** Options of {@link toCsv}. */
export interface ToCsvOptions {
  /** Field delimiter; `,` by default. */
  delimiter?: CsvDelimiter;
  /** Start with a UTF-8 byte-order mark, so that Excel reads non-Latin text right. */
  bom?: boolean;
  /**
   * Write cells as they are, without neutralising those a spreadsheet would run as a formula
   * (see `excelSafeCell` in `neutralise.ts`, applied by default). The CLI's `--raw`.
   */
  raw?: boolean;
  /** @deprecated Cells are neutralised by default; pass `raw: true` to opt out. */
  excelSafe?: boolean;
  /** Line ending; `\n` by default (`\r\n` for tools that insist on it). */
  recordDelimiter?: '\n' | '\r\n';
}

/**
 * Writes rows as CSV text with csv-stringify: RFC 4180 quoting (fields holding the delimiter, a
 * quote or a line break are quoted, quotes doubled), one record per line, text kept as UTF-8
 * (Cyrillic, Arabic, CJK unchanged). Cells a spreadsheet would run as a formula are
 * neutralised unless `raw` is set (numbers stay numbers). The shared writer of every CSV output.
 *
 * @example
 * ```ts
 * toCsv([['unit', 'answer'], ['BG', 'Пребиваване, 3 г.']]);
 * //=> 'unit,answer\nBG,"Пребиваване, 3 г."\n'
 * toCsv([['a'], ['=1+1']], { bom: true, delimiter: ';' });
 * //=> '\ufeffa\n\'=1+1\n'
 * toCsv([['=1+1']], { raw: true }); //=> '=1+1\n'
 * ```
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: ToCsvOptions = {}): string {
  throwIfAny(
    Array.isArray(rows) && rows.every((r) => Array.isArray(r))
      ? undefined
      : invalidArgument('toCsv', 'rows', 'an array of rows (arrays of cells)', rows),
    optionsProblem('toCsv', 'options', options, toCsvOptionFields),
  );
  const safe = options.raw !== true;
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
  raw: 'boolean',
  excelSafe: 'boolean',
  recordDelimiter: ['\n', '\r\n'],
};
