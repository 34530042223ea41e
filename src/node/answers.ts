import { readFile } from 'node:fs/promises';
import {
  type AnswerFormat,
  type AnswerSheet,
  type AnswerTableSet,
  readAnswers,
  readAnswerTable,
} from '../answers/read/index.js';
import type { AnswerSet } from '../answers/types.js';
import {
  bytesProblem,
  optionsProblem,
  stringArrayProblem,
  stringProblem,
  throwIfAny,
} from '../errors/args.js';
import { createIssue, type Issue } from '../errors/issue.js';
import type { SourceFile } from '../framework/load/source.js';

/** Options of {@link readAnswerFiles}. */
export interface ReadAnswerFilesOptions {
  /** The layout of every file; `auto` (default) decides per file. See `readAnswers`. */
  format?: AnswerFormat;
  /**
   * For `.xlsx` files: the sheet to read. By default the first sheet whose first filled row
   * names `unit` and `period` (the `Answers` sheet of a filled questionnaire).
   */
  sheet?: string;
  /**
   * The framework the answers will be scored with: an xlsx questionnaire whose `About` sheet
   * names another framework id, edition or version gets an `XLSX_FRAMEWORK_DIFFERS` warning.
   */
  framework?: { id: string; edition: string; version: string };
}

/**
 * Reads answer files from disk (as bytes, so encoding problems are caught) and passes them to
 * `readAnswers`. A file that cannot be read (missing, a folder, no permission) is a
 * `FILE_NOT_FOUND` error in the set's `errors`, never a thrown exception. Excel workbooks
 * (`.xlsx`, `.xlsm`, or any file that starts like a zip or an OLE container) are read with
 * `readXlsxAnswerSheet`: the answers sheet (or `sheet`), cells as shown, issues located
 * `file.xlsx!Sheet!D12`, bad workbooks as coded errors (`XLSX_*`).
 *
 * @example
 * ```ts
 * const set = await readAnswerFiles(['answers/bg-2019.csv', 'answers/pl-2019.json']);
 * set.read === set.rows.length + set.rejected.length; //=> true
 * ```
 */
export async function readAnswerFiles(
  paths: readonly string[],
  options: ReadAnswerFilesOptions = {},
): Promise<AnswerSet> {
  throwIfAny(...readFilesProblems('readAnswerFiles', paths, options));
  const { files, unreadable, warnings } = await readSources(paths, options);
  const set = readAnswers(files, options.format === undefined ? {} : { format: options.format });
  return {
    ...set,
    errors: [...unreadable, ...set.errors],
    warnings: [...warnings, ...set.warnings],
    files: [...paths],
  };
}

/**
 * {@link readAnswerFiles} with the rows held column-wise (`readAnswerTable`): what `score`
 * takes to score a large file without an object per row. Same errors, rejections and counts.
 *
 * @example
 * ```ts
 * const set = await readAnswerTableFiles(['answers/panel.csv']);
 * score(framework, set).counts.read === set.read; //=> true
 * ```
 */
export async function readAnswerTableFiles(
  paths: readonly string[],
  options: ReadAnswerFilesOptions = {},
): Promise<AnswerTableSet> {
  throwIfAny(...readFilesProblems('readAnswerTableFiles', paths, options));
  const { files, unreadable, warnings } = await readSources(paths, options);
  const set = readAnswerTable(
    files,
    options.format === undefined ? {} : { format: options.format },
  );
  return {
    ...set,
    errors: [...unreadable, ...set.errors],
    warnings: [...warnings, ...set.warnings],
    files: [...paths],
  };
}

async function readSources(
  paths: readonly string[],
  options: ReadAnswerFilesOptions,
): Promise<{ files: (SourceFile | AnswerSheet)[]; unreadable: Issue[]; warnings: Issue[] }> {
  const files: (SourceFile | AnswerSheet)[] = [];
  const unreadable: Issue[] = [];
  const warnings: Issue[] = [];
  for (const path of paths) {
    let content: Uint8Array;
    try {
      content = await readFile(path);
    } catch {
      unreadable.push(createIssue('FILE_NOT_FOUND', { file: path }, { file: path }));
      continue;
    }
    if (!isWorkbook(path, content)) {
      files.push({ path, content });
      continue;
    }
    // The workbook reader (zip, XML) only for workbooks: a CSV run never loads it.
    const { readXlsxAnswerSheet } = await import('../answers/read/xlsx.js');
    const read = await readXlsxAnswerSheet(
      content,
      path,
      options.sheet === undefined ? {} : { sheet: options.sheet },
    );
    unreadable.push(...read.errors);
    warnings.push(...read.warnings);
    const about = read.about;
    const f = options.framework;
    if (about?.framework !== undefined && f !== undefined) {
      const written = `${about.framework} ${about.edition ?? '?'} ${about.version ?? '?'}`;
      const scored = `${f.id} ${f.edition} ${f.version}`;
      if (
        about.framework !== f.id ||
        (about.edition !== undefined && about.edition !== f.edition) ||
        (about.version !== undefined && about.version !== f.version)
      ) {
        warnings.push(
          createIssue(
            'XLSX_FRAMEWORK_DIFFERS',
            { written, scored },
            { file: `${path}!About`, severity: 'warning' },
          ),
        );
      }
    }
    if (read.sheet) files.push(read.sheet);
  }
  return { files, unreadable, warnings };
}

/**
 * Whether a file is to be read as an Excel workbook: by its name (`.xlsx`, `.xlsm`, `.xls`) or
 * by its first bytes (a zip's `PK\x03\x04`, an OLE container's `D0 CF 11 E0`), so that a
 * workbook saved under another name is not read as a CSV of garbage.
 *
 * @example
 * ```ts
 * isWorkbook('answers.xlsx', new Uint8Array()); //=> true
 * isWorkbook('answers.csv', new TextEncoder().encode('unit,period')); //=> false
 * ```
 */
export function isWorkbook(path: string, content: Uint8Array): boolean {
  throwIfAny(
    stringProblem('isWorkbook', 'path', path),
    bytesProblem('isWorkbook', 'content', content),
  );
  if (/\.xls[xmb]?$/i.test(path)) return true;
  const [a, b, c, d] = content;
  return (
    (a === 0x50 && b === 0x4b && c === 3 && d === 4) ||
    (a === 0xd0 && b === 0xcf && c === 0x11 && d === 0xe0)
  );
}

/** `API_INVALID_ARGUMENT` issues for paths that are not strings and unknown options. */
function readFilesProblems(fn: string, paths: unknown, options: unknown) {
  return [
    stringArrayProblem(fn, 'paths', paths),
    optionsProblem(fn, 'options', options, {
      format: ['auto', 'long', 'wide', 'json'],
      sheet: 'string',
      framework: 'object',
    }),
  ];
}
