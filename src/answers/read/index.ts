import { optionsProblem, sourceFilesProblem, throwIfAny } from '../../errors/args.js';
import { createIssue } from '../../errors/issue.js';
import { decodeSource, type SourceFile } from '../../framework/load/source.js';
import type { AnswerSet } from '../types.js';
import { type AnswerSink, answerSink } from './_lib/sink.js';
import type { AnswerTable } from './_lib/table.js';
import { readCsvAnswers, readRecordAnswers } from './csv.js';
import { readJsonAnswers } from './json.js';

/** The layouts {@link readAnswers} understands; `auto` decides per file. */
export type AnswerFormat = 'auto' | 'long' | 'wide' | 'json';

/**
 * A sheet of answers already split into cells, as a spreadsheet reader gives it (the Node
 * reader of `.xlsx` files makes these): `records[i]` is the sheet's row `i + 1`, each cell as
 * text. `path` names the sheet the way issues should, such as `answers.xlsx!Answers`.
 *
 * @example
 * ```ts
 * const sheet: AnswerSheet = { path: 'q.xlsx!Answers', records: [['unit', 'period', 'indicator', 'answer'], ['BG', '2019', 'res_1', 'a']] };
 * ```
 */
export interface AnswerSheet {
  path: string;
  records: readonly (readonly string[])[];
}

/** Options of {@link readAnswers}. */
export interface ReadAnswersOptions {
  /**
   * `auto` (default): JSON when the file name ends in `.json` or the text starts with `{` or
   * `[`; otherwise CSV, long when the header has an `indicator` or `answer` column, else wide.
   */
  format?: AnswerFormat;
}

/**
 * Reads answer files into one {@link AnswerSet}: rows as written (trimmed), rows rejected for
 * structural problems (each with a coded issue naming file, row, line and column), file-level
 * errors, and warnings. Checking answers against a framework comes later (the engine's job).
 *
 * - **Long CSV**: `unit,period,indicator,answer` plus optional `valid_from,valid_to,source,
 *   comment`. Header names are case-insensitive and trimmed. The template's own columns
 *   (`question`, `allowed`, `title`, `stage`, `dimension`...) are skipped silently; any other
 *   unknown column gives one `ANSWER_UNKNOWN_COLUMNS` warning per file.
 * - **Wide CSV**: `unit,period` (and the optional columns above), then one column per
 *   indicator; every indicator cell is one row (an empty cell is `answer: null`, no data), and
 *   `read` counts cells.
 * - **JSON**: `{ "answers": [ ... ] }` or a bare array of `{ unit, period, indicator, answer,
 *   valid_from | validFrom, valid_to | validTo, source, comment }`; answers may be strings,
 *   numbers, booleans or null; the row is the array index + 1.
 *
 * - **Sheets** ({@link AnswerSheet}, from `.xlsx` files through the Node readers): long or wide
 *   as for CSV, rows numbered as in the sheet.
 *
 * CSV files may use comma, semicolon or tab (detected from the header line), UTF-8 with or
 * without BOM, LF or CRLF, and quoted fields spanning lines (the origin line is where the record
 * starts). Blank records and note rows (unit cell starting with `#`) are skipped and not
 * counted. A leading `'` written by `toCsv` (by default) is dropped. Always
 * `read === rows.length + rejected.length`.
 *
 * @example
 * ```ts
 * const set = readAnswers([{ path: 'bg.csv', content: 'unit;period;indicator;answer\nBG;2019;res_1;a\n' }]);
 * set.rows[0];     //=> { unit: 'BG', period: '2019', indicator: 'res_1', answer: 'a', origin: { file: 'bg.csv', row: 1, line: 2, columns: {...} } }
 * set.read;        //=> 1
 * ```
 */
export function readAnswers(
  files: readonly (SourceFile | AnswerSheet)[],
  options: ReadAnswersOptions = {},
): AnswerSet {
  checkReadArguments('readAnswers', files, options);
  const { table, ...rest } = readAnswerTable(files, options);
  return { rows: table.toRows(), ...rest };
}

/**
 * What {@link readAnswerTable} gives: an {@link AnswerSet} whose rows are held column-wise.
 */
export type AnswerTableSet = Omit<AnswerSet, 'rows'> & { table: AnswerTable };

/**
 * {@link readAnswers} without building an object per row: the rows stay in a column-wise
 * {@link AnswerTable} (ids into one dictionary, origins as numbers), which the engine's
 * `readAndPrepare` / `scoreFiles` take directly. Same checks, rejections, counts and issues.
 *
 * @example
 * ```ts
 * const t = readAnswerTable([{ path: 'bg.csv', content: 'unit,period,indicator,answer\nBG,2019,res_1,a\n' }]);
 * t.table.length; //=> 1
 * t.table.rowAt(0).answer; //=> 'a'
 * ```
 */
export function readAnswerTable(
  files: readonly (SourceFile | AnswerSheet)[],
  options: ReadAnswersOptions = {},
): AnswerTableSet {
  checkReadArguments('readAnswerTable', files, options);
  const format = options.format ?? 'auto';
  const sink: AnswerSink = answerSink();
  if (!['auto', 'long', 'wide', 'json'].includes(format)) {
    sink.errors.push(createIssue('ANSWER_FORMAT_UNKNOWN', { format: String(format) }));
    return { ...sink, files: files.map((f) => f.path) };
  }
  for (const file of files) {
    if ('records' in file) {
      // A spreadsheet's sheet: long or wide by its header, never JSON.
      readRecordAnswers(
        file.records,
        file.path,
        format === 'wide' ? 'wide' : format === 'long' ? 'long' : 'auto',
        sink,
      );
      continue;
    }
    // Strict UTF-8 (FILE_NOT_UTF8 with the offset), BOM dropped, blank files FILE_EMPTY.
    const decoded = decodeSource(file);
    if (!decoded.ok) {
      sink.errors.push(...decoded.issues);
      continue;
    }
    const { text } = decoded;
    const first = text.charCodeAt(firstNonSpace(text));
    const isJson =
      format === 'json' ||
      (format === 'auto' &&
        (file.path.toLowerCase().endsWith('.json') || first === 123 || first === 91));
    if (isJson) readJsonAnswers(text, file.path, sink);
    else readCsvAnswers(text, file.path, format === 'auto' ? 'auto' : format, sink);
  }
  return {
    table: sink.table,
    rejected: sink.rejected,
    read: sink.read,
    errors: sink.errors,
    warnings: sink.warnings,
    files: files.map((f) => f.path),
  };
}

function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return i;
  }
  return -1;
}

/** Throws `API_INVALID_ARGUMENT` for files that are not an array of files or unknown options. */
function checkReadArguments(fn: string, files: unknown, options: unknown): void {
  throwIfAny(
    sourceFilesProblem(fn, 'files', files, { sheets: true }),
    optionsProblem(fn, 'options', options, { format: 'string' }),
  );
}
