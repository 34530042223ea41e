/**
 * Output neutralisation, in one place: every writer that puts text from user files (unit names,
 * ids, labels, sources, comments) into CSV, Markdown or HTML goes through here.
 *
 * - CSV: a cell a spreadsheet would run as a formula gets a leading `'` ({@link excelSafeCell});
 *   numbers stay numbers. On by default in `toCsv`; `raw: true` (the CLI's `--raw`) opts out.
 * - Markdown: HTML special characters become entities and pipes, backslashes and line breaks
 *   are escaped, so a name can neither inject markup nor break a table ({@link markdownText}).
 * - HTML and SVG: the five markup characters become entities ({@link escapeMarkup}).
 */
import { invalidArgument, throwIfAny } from '../errors/args.js';

/** A value a CSV cell can hold; `null` and `undefined` write an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

const negativeNumber = /^-(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A cell's text as written without neutralisation: empty for `null` and `undefined`.
 *
 * @example
 * ```ts
 * cellText(null); //=> ''
 * cellText(-2);   //=> '-2'
 * ```
 */
export function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return String(value);
}

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

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes the five characters that are special in HTML and XML text and attribute values.
 * Everything else, including right-to-left and non-Latin scripts, passes through unchanged
 * (the report is UTF-8).
 *
 * @example
 * ```ts
 * escapeMarkup('<b>"Tom" & Jerry\'s</b>');
 * //=> '&lt;b&gt;&quot;Tom&quot; &amp; Jerry&#39;s&lt;/b&gt;'
 * escapeMarkup('اللاجئين'); //=> 'اللاجئين'
 * ```
 */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/**
 * Text for a Markdown table cell or heading: HTML special characters as entities (Markdown
 * renderers pass raw HTML through), backslashes and pipes escaped (a pipe would start a new
 * cell), line breaks turned into spaces (a table row is one line).
 *
 * @example
 * ```ts
 * markdownText('<script>x</script> | y'); //=> '&lt;script&gt;x&lt;/script&gt; \\| y'
 * ```
 */
export function markdownText(text: string): string {
  if (typeof text !== 'string') {
    throwIfAny(invalidArgument('markdownText', 'text', 'a string', text));
  }
  return escapeMarkup(text)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, ' ');
}
