import { readFile } from 'node:fs/promises';
import {
  type AnswerFormat,
  type AnswerTableSet,
  readAnswers,
  readAnswerTable,
} from '../answers/read/index.js';
import type { AnswerSet } from '../answers/types.js';
import { optionsProblem, stringArrayProblem, throwIfAny } from '../errors/args.js';
import { createIssue, type Issue } from '../errors/issue.js';
import type { SourceFile } from '../framework/load/source.js';

/** Options of {@link readAnswerFiles}. */
export interface ReadAnswerFilesOptions {
  /** The layout of every file; `auto` (default) decides per file. See `readAnswers`. */
  format?: AnswerFormat;
}

/**
 * Reads answer files from disk (as bytes, so encoding problems are caught) and passes them to
 * `readAnswers`. A file that cannot be read (missing, a folder, no permission) is a
 * `FILE_NOT_FOUND` error in the set's `errors`, never a thrown exception.
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
  const { files, unreadable } = await readSources(paths);
  const set = readAnswers(files, options.format === undefined ? {} : { format: options.format });
  return { ...set, errors: [...unreadable, ...set.errors], files: [...paths] };
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
  const { files, unreadable } = await readSources(paths);
  const set = readAnswerTable(
    files,
    options.format === undefined ? {} : { format: options.format },
  );
  return { ...set, errors: [...unreadable, ...set.errors], files: [...paths] };
}

async function readSources(
  paths: readonly string[],
): Promise<{ files: SourceFile[]; unreadable: Issue[] }> {
  const files: SourceFile[] = [];
  const unreadable: Issue[] = [];
  for (const path of paths) {
    try {
      files.push({ path, content: await readFile(path) });
    } catch {
      unreadable.push(createIssue('FILE_NOT_FOUND', { file: path }, { file: path }));
    }
  }
  return { files, unreadable };
}

/** `API_INVALID_ARGUMENT` issues for paths that are not strings and unknown options. */
function readFilesProblems(fn: string, paths: unknown, options: unknown) {
  return [
    stringArrayProblem(fn, 'paths', paths),
    optionsProblem(fn, 'options', options, { format: ['auto', 'long', 'wide', 'json'] }),
  ];
}
