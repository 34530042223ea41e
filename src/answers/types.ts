import type { Issue } from '../errors/issue.js';
import type { AnswerStatus } from './read/_lib/fields.js';

/**
 * One answer as read from a file, before it is checked against a framework. Readers (long CSV,
 * wide CSV, JSON) all produce this shape; the engine validates, supersedes and scores it.
 *
 * @example
 * ```ts
 * const row: AnswerRow = {
 *   unit: 'XA', period: '2019', indicator: 'res_lf_permit_refugees', answer: '3',
 *   validFrom: '2018-07-01', source: 'Aliens Act art. 12',
 *   origin: { file: 'answers.csv', row: 4, line: 5, columns: { answer: 4 } },
 * };
 * ```
 */
export interface AnswerRow {
  /** The unit assessed: a country (ISO 3166 code), region or city. */
  unit: string;
  /** The period id, as declared by the framework. */
  period: string;
  /** An indicator id or alias, or `indicator.sub` for a sub-question. */
  indicator: string;
  /**
   * The answer as written, trimmed: an option code, a number, yes/no, a date, `n/a` (not
   * applicable). `null` means no data (an empty cell). JSON inputs may give numbers or booleans.
   */
  answer: string | number | boolean | null;
  /** First day the answer holds (ISO date), inclusive. */
  validFrom?: string;
  /** Last day the answer holds (ISO date), inclusive. */
  validTo?: string;
  /** Evidence: a legal reference or URL. */
  source?: string;
  comment?: string;
  /** Who gave the answer: an expert's id or name. */
  expert?: string;
  /** The answer's review state; absent counts as `submitted`. */
  status?: AnswerStatus;
  /** Who reviewed the answer. */
  reviewer?: string;
  /** When it was reviewed (ISO date). */
  reviewedOn?: string;
  /** Where the answer came from, for error messages and the audit trail. */
  origin: AnswerOrigin;
}

/** Where an {@link AnswerRow} was read. */
export interface AnswerOrigin {
  file: string;
  /** 1-based data record number (the header is not counted); for wide files, the row. */
  row: number;
  /** 1-based line in the file where the record starts. */
  line: number;
  /** 1-based column number of each field in the file, by field name. */
  columns: Partial<Record<string, number>>;
}

/**
 * What reading answer files gives: the rows that could be read, the ones that could not (with
 * coded errors naming file, row and column), and the number of records read in all, so that
 * `read = rows.length + rejected.length` always.
 */
export interface AnswerSet {
  rows: AnswerRow[];
  rejected: RejectedAnswer[];
  /** Records read from the files (for wide files: answer cells). */
  read: number;
  /**
   * File-level errors after which a file contributes no records (not UTF-8, a CSV syntax error,
   * a missing required column, unreadable JSON). Its records are not counted in `read`.
   */
  errors: Issue[];
  /** Problems that do not reject a row (an unknown extra column, say). */
  warnings: Issue[];
  files: string[];
}

/** A record that was not used, with the reason as a coded issue. */
export interface RejectedAnswer {
  origin: AnswerOrigin;
  issue: Issue;
  /** The row, where it could be read far enough to have one. */
  row?: AnswerRow;
}
