import type { Issue } from '../../../errors/issue.js';
import type { RejectedAnswer } from '../../types.js';
import { AnswerTable } from './table.js';

/**
 * Where every per-file reader puts what it read; one sink gathers all files of a call. Rows go
 * into a column-wise {@link AnswerTable}, so that a large file is read without an object per row.
 *
 * @example
 * ```ts
 * const sink = answerSink();
 * sink.table.length; //=> 0
 * ```
 */
export interface AnswerSink {
  table: AnswerTable;
  rejected: RejectedAnswer[];
  read: number;
  errors: Issue[];
  warnings: Issue[];
  /**
   * Note rows skipped per file (unit cell starting with `#`): how many, and the line of the
   * first. They are not answers, but are reported as one warning per file, never dropped silently.
   */
  notes: Map<string, { count: number; line: number }>;
}

/**
 * An empty {@link AnswerSink}.
 *
 * @example
 * ```ts
 * answerSink().read; //=> 0
 * ```
 */
export function answerSink(): AnswerSink {
  return {
    table: new AnswerTable(),
    rejected: [],
    read: 0,
    errors: [],
    warnings: [],
    notes: new Map(),
  };
}
