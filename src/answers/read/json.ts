import { createIssue, type IssueLocation } from '../../errors/issue.js';
import type { IssueCode, IssueParams } from '../../errors/messages.js';
import type { AnswerOrigin, AnswerRow } from '../types.js';
import {
  type AnswerColumn,
  classifyHeader,
  cleanCell,
  describeJson,
  isIsoDate,
  parseStatus,
} from './_lib/fields.js';
import type { AnswerSink } from './_lib/sink.js';

const noColumns: Partial<Record<string, number>> = {};

/** The optional text fields of a JSON answer, checked in this order. */
const optionalFields = [
  'valid_from',
  'valid_to',
  'source',
  'comment',
  'expert',
  'status',
  'reviewer',
  'reviewed_on',
] as const;

/**
 * Reads a JSON answer file into `sink`: `{ "answers": [ ... ] }` or a bare array of answer
 * objects. Keys are matched like CSV headers (`valid_from`, `validFrom`, `Valid From`...).
 * Values are parsed with `JSON.parse`; the line of each answer comes from one linear scan of the
 * text (the yaml parser gives positions too, but takes seconds on files JSON.parse reads in
 * milliseconds).
 *
 * @example
 * ```ts
 * const sink = answerSink();
 * readJsonAnswers('[\n {"unit":"BG","period":2019,"indicator":"x","answer":5}\n]', 'bg.json', sink);
 * sink.table.rowAt(0); //=> { unit: 'BG', period: '2019', indicator: 'x', answer: 5, origin: { file: 'bg.json', row: 1, line: 2, columns: {} } }
 * ```
 */
export function readJsonAnswers(text: string, file: string, sink: AnswerSink): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(detail);
    const where: IssueLocation = { file };
    const offset = at ? Number(at[1]) : /end of JSON/i.test(detail) ? text.length : undefined;
    if (offset !== undefined) Object.assign(where, positionOf(text, offset));
    sink.errors.push(createIssue('ANSWER_JSON_SYNTAX', { detail }, where));
    return;
  }
  const wrapped = data !== null && typeof data === 'object' && !Array.isArray(data);
  const answers = wrapped ? (data as Record<string, unknown>).answers : data;
  if (!Array.isArray(answers)) {
    sink.errors.push(
      createIssue(
        'ANSWER_JSON_SHAPE',
        { received: wrapped ? `an object without an "answers" array` : describeJson(data) },
        { file, line: 1, column: 1 },
      ),
    );
    return;
  }
  const lines = itemLines(text, wrapped);
  const unknown = new Set<string>();
  const keyNames = new Map<string, AnswerColumn | null>();
  for (let i = 0; i < answers.length; i++) {
    const item: unknown = answers[i];
    sink.read++;
    const origin: AnswerOrigin = { file, row: i + 1, line: lines[i] ?? 1, columns: noColumns };
    const path: (string | number)[] = wrapped ? ['answers', i] : [i];
    const fail = <C extends IssueCode>(code: C, params: IssueParams<C>, field?: string) => {
      const where: IssueLocation & { path: (string | number)[] } = {
        file,
        line: origin.line,
        row: origin.row,
        path: field === undefined ? path : [...path, field],
      };
      if (field !== undefined) where.field = field;
      sink.rejected.push({ origin, issue: createIssue(code, params, where) });
    };
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      fail('ANSWER_JSON_NOT_OBJECT', { received: describeJson(item) });
      continue;
    }
    const fields: Partial<Record<AnswerColumn, unknown>> = {};
    for (const [key, value] of Object.entries(item)) {
      let column = keyNames.get(key);
      if (column === undefined) {
        const name = classifyHeader(key);
        column = name.kind === 'known' ? name.column : null;
        keyNames.set(key, column);
        if (name.kind === 'other') unknown.add(key);
      }
      if (column !== null) fields[column] = value;
    }
    let problem = false;
    const text3: Partial<Record<'unit' | 'period' | 'indicator', string>> = {};
    for (const field of ['unit', 'period', 'indicator'] as const) {
      const value = fields[field];
      if (value === undefined) {
        fail('ANSWER_MISSING_COLUMN', { column: field, layout: 'json' }, field);
        problem = true;
        break;
      }
      if (typeof value !== 'string' && typeof value !== 'number') {
        fail(
          'ANSWER_JSON_FIELD_TYPE',
          { field, expected: 'a string', received: describeJson(value) },
          field,
        );
        problem = true;
        break;
      }
      const cleaned = typeof value === 'number' ? String(value) : cleanCell(value);
      if (cleaned === '') {
        fail('ANSWER_EMPTY_FIELD', { field }, field);
        problem = true;
        break;
      }
      text3[field] = cleaned;
    }
    if (problem) continue;
    if (!('answer' in fields)) {
      fail('ANSWER_MISSING_COLUMN', { column: 'answer', layout: 'json' }, 'answer');
      continue;
    }
    const raw = fields.answer;
    let answer: AnswerRow['answer'];
    if (raw === null || typeof raw === 'number' || typeof raw === 'boolean') answer = raw;
    else if (typeof raw === 'string') {
      const cleaned = cleanCell(raw);
      answer = cleaned === '' ? null : cleaned;
    } else {
      fail(
        'ANSWER_JSON_FIELD_TYPE',
        {
          field: 'answer',
          expected: 'a string, a number, true, false or null',
          received: describeJson(raw),
        },
        'answer',
      );
      continue;
    }
    const optional: Partial<Record<(typeof optionalFields)[number], string>> = {};
    for (const field of optionalFields) {
      const value = fields[field];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') {
        fail(
          'ANSWER_JSON_FIELD_TYPE',
          { field, expected: 'a string', received: describeJson(value) },
          field,
        );
        problem = true;
        break;
      }
      const cleaned = cleanCell(value);
      if (cleaned === '') continue;
      if (
        (field === 'valid_from' || field === 'valid_to' || field === 'reviewed_on') &&
        !isIsoDate(cleaned)
      ) {
        fail('ANSWER_INVALID_DATE', { field, value: cleaned }, field);
        problem = true;
        break;
      }
      if (field === 'status' && parseStatus(cleaned) === undefined) {
        fail('ANSWER_INVALID_STATUS', { value: cleaned }, field);
        problem = true;
        break;
      }
      optional[field] = cleaned;
    }
    if (problem) continue;
    const row: AnswerRow = {
      unit: text3.unit as string,
      period: text3.period as string,
      indicator: text3.indicator as string,
      answer,
      origin,
    };
    const { valid_from: validFrom, valid_to: validTo, source, comment } = optional;
    const { expert, status, reviewer, reviewed_on: reviewedOn } = optional;
    if (validFrom !== undefined && validTo !== undefined && validTo < validFrom) {
      const where: IssueLocation & { path: (string | number)[] } = {
        file,
        line: origin.line,
        row: origin.row,
        field: 'valid_to',
        path: [...path, 'valid_to'],
      };
      sink.rejected.push({
        origin,
        issue: createIssue('ANSWER_DATE_ORDER', { validFrom, validTo }, where),
        row,
      });
      continue;
    }
    if (validFrom !== undefined) row.validFrom = validFrom;
    if (validTo !== undefined) row.validTo = validTo;
    if (source !== undefined) row.source = source;
    if (comment !== undefined) row.comment = comment;
    if (expert !== undefined) row.expert = expert;
    if (status !== undefined) row.status = parseStatus(status) as NonNullable<AnswerRow['status']>;
    if (reviewer !== undefined) row.reviewer = reviewer;
    if (reviewedOn !== undefined) row.reviewedOn = reviewedOn;
    sink.table.pushRow(row);
  }
  if (unknown.size > 0) {
    sink.warnings.push(
      createIssue('ANSWER_UNKNOWN_FIELDS', { fields: [...unknown] }, { file, severity: 'warning' }),
    );
  }
}

/** Line and column (1-based) of a character offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * The line on which each element of the answers array starts, found by one pass over text that
 * `JSON.parse` has accepted: it tracks nesting depth and strings, and, for the wrapped shape,
 * which top-level key the array belongs to.
 */
function itemLines(text: string, wrapped: boolean): number[] {
  const lines: number[] = [];
  const target = wrapped ? 2 : 1;
  let line = 1;
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  let lastKey = '';
  let inAnswers = !wrapped;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) {
        inString = false;
        if (depth === 1 && wrapped) lastKey = text.slice(stringStart, i);
      } else if (c === 10) line++;
      continue;
    }
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    if (expectValue && depth === target && c !== 93) {
      lines.push(line);
      expectValue = false;
    }
    if (c === 34) {
      inString = true;
      stringStart = i + 1;
    } else if (c === 123 || c === 91) {
      depth++;
      if (depth === target) {
        inAnswers = c === 91 && (!wrapped || lastKey === 'answers');
        expectValue = inAnswers;
      }
    } else if (c === 125 || c === 93) {
      if (depth === target) {
        expectValue = false;
        inAnswers = false;
      }
      depth--;
    } else if (c === 44 && depth === target && inAnswers) {
      expectValue = true;
    }
  }
  return lines;
}
