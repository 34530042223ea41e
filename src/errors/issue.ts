import { type IssueCode, type IssueParams, messages } from './messages.js';

/** How serious an {@link Issue} is: errors stop the input they sit in, warnings never do. */
export type Severity = 'error' | 'warning';

/** Where an issue was found. Every field is optional because some inputs have no files. */
export interface IssueLocation {
  /** The file, as the user named it. */
  file?: string;
  /** 1-based line in the file. */
  line?: number;
  /** 1-based column in the file. */
  column?: number;
  /** 1-based data row of a table (the header is row 1 of the file, so data row 1 is line 2). */
  row?: number;
  /** The column or field name inside a table row. */
  field?: string;
}

/**
 * A problem found in user input, as data: a stable `code`, the `path` inside the document, a
 * message rendered from the one catalogue in `errors/messages.ts`, and the location.
 *
 * @example
 * ```ts
 * const found: Issue = {
 *   code: 'FRAMEWORK_DUPLICATE_ID', severity: 'error', path: ['indicators', 3, 'id'],
 *   message: 'Duplicate id "res_lf_permit"; it is first declared in residency.yaml:12.',
 *   file: 'indicators/niem/residency.yaml', line: 40, column: 9,
 * };
 * ```
 */
export interface Issue extends IssueLocation {
  code: IssueCode;
  severity: Severity;
  path: (string | number)[];
  message: string;
  params?: Record<string, unknown>;
}

/**
 * Builds an {@link Issue} whose message comes from the catalogue entry for `code`.
 *
 * @example
 * ```ts
 * createIssue('ANSWER_UNKNOWN_INDICATOR', { indicator: 'x1' }, { file: 'a.csv', row: 4, field: 'indicator' });
 * //=> { code: 'ANSWER_UNKNOWN_INDICATOR', severity: 'error', message: 'Unknown indicator "x1".', ... }
 * ```
 */
export function createIssue<C extends IssueCode>(
  code: C,
  params: IssueParams<C>,
  where: IssueLocation & { path?: (string | number)[]; severity?: Severity } = {},
): Issue {
  const { path = [], severity = 'error', ...location } = where;
  const render = messages[code] as (p: IssueParams<C>) => string;
  const issue: Issue = { code, severity, path, message: render(params), ...location };
  if (params && typeof params === 'object' && Object.keys(params).length > 0) {
    issue.params = params as Record<string, unknown>;
  }
  return issue;
}

/**
 * Formats an issue the way compilers do: `file:line:col: error CODE: message`.
 *
 * @example
 * ```ts
 * formatIssue({ code: 'YAML_SYNTAX', severity: 'error', path: [], message: 'Bad indentation.', file: 'a.yaml', line: 3, column: 5 });
 * //=> 'a.yaml:3:5: error YAML_SYNTAX: Bad indentation.'
 * formatIssue({ code: 'ANSWER_EMPTY_FIELD', severity: 'error', path: [], message: 'The unit is empty.', file: 'q.xlsx!Answers', line: 12, column: 4 });
 * //=> 'q.xlsx!Answers!D12: error ANSWER_EMPTY_FIELD: The unit is empty.'
 * ```
 */
export function formatIssue(issue: Issue): string {
  const sheet = issue.file !== undefined && /\.xls[xm]![^!]+$/i.test(issue.file);
  if (sheet && issue.line !== undefined) {
    // A sheet of a workbook: Excel's own address, `answers.xlsx!Answers!D12` (or `!12:12`).
    const cell =
      issue.column !== undefined
        ? `${excelColumn(issue.column)}${issue.line}`
        : `${issue.line}:${issue.line}`;
    const field = issue.field !== undefined ? ` [${issue.field}]` : '';
    return `${issue.file}!${cell}${field}: ${issue.severity} ${issue.code}: ${issue.message}`;
  }
  const where = [issue.file ?? '<input>'];
  if (issue.line !== undefined) {
    where.push(String(issue.line));
    if (issue.column !== undefined) where.push(String(issue.column));
  }
  let at = where.join(':');
  if (issue.row !== undefined && issue.line === undefined) at += `: row ${issue.row}`;
  if (issue.field !== undefined) at += ` [${issue.field}]`;
  return `${at}: ${issue.severity} ${issue.code}: ${issue.message}`;
}

/** Excel's letters for a 1-based column number (1 is A, 27 is AA). */
function excelColumn(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

/** Errors only. @example `errorsOf(issues).length === 0` */
export function errorsOf(issues: readonly Issue[]): Issue[] {
  return issues.filter((i) => i.severity === 'error');
}

/**
 * The error thrown by the throwing variants of the API (`score`, `parseFramework`, `loadFramework`...); it carries
 * every issue as data, so callers that catch it lose nothing.
 *
 * @example
 * ```ts
 * try { score(framework, answers); } catch (e) { if (e instanceof IntegrationIndexError) console.log(e.issues); }
 * ```
 */
export class IntegrationIndexError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    const first = errorsOf(issues)[0] ?? issues[0];
    super(
      first
        ? `${formatIssue(first)}${issues.length > 1 ? ` (and ${String(issues.length - 1)} more)` : ''}`
        : 'Unknown error',
    );
    this.name = 'IntegrationIndexError';
    this.issues = issues;
  }
}

/**
 * The result of a `safe*` function: a value, or the issues that prevented it.
 *
 * @example
 * ```ts
 * const r: SafeResult<number> = { ok: true, value: 1, warnings: [] };
 * ```
 */
export type SafeResult<T> =
  | { ok: true; value: T; warnings: Issue[] }
  | { ok: false; issues: Issue[] };
