import type { Issue } from '../../../errors/issue.js';
import type { AnswerRow, RejectedAnswer } from '../../types.js';

/**
 * Where every per-file reader puts what it read; one sink gathers all files of a call.
 *
 * @example
 * ```ts
 * const sink: AnswerSink = { rows: [], rejected: [], read: 0, errors: [], warnings: [] };
 * ```
 */
export interface AnswerSink {
  rows: AnswerRow[];
  rejected: RejectedAnswer[];
  read: number;
  errors: Issue[];
  warnings: Issue[];
}
