import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import type { Cell, RuleProblem } from './types.js';

/** What a cell says before any rule looks at it. */
export type CellKind = 'empty' | 'not-applicable' | 'value';

/**
 * Classifies a cell: empty or `null` is no data; `n/a` or `not applicable` (any case) is not
 * applicable; anything else is a value for the rule.
 *
 * @example
 * ```ts
 * classifyCell('N/A');  //=> 'not-applicable'
 * classifyCell('');     //=> 'empty'
 * classifyCell('b');    //=> 'value'
 * ```
 */
export function classifyCell(cell: Cell | null | undefined): CellKind {
  if (cell === null || cell === undefined) return 'empty';
  if (typeof cell !== 'string') return 'value';
  const n = cell.length;
  if (n === 0) return 'empty';
  // Cheap checks first: almost every cell is neither.
  if (n === 3 || n === 14) {
    const lower = cell.toLowerCase();
    if (lower === 'n/a' || lower === 'not applicable') return 'not-applicable';
  }
  // Only text that starts or ends with white space can be blank.
  if (cell.charCodeAt(0) <= 32 || cell.charCodeAt(n - 1) <= 32) {
    if (cell.trim().length === 0) return 'empty';
  }
  return 'value';
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a number from a cell: a JSON number, or text written with a dot as decimal separator
 * (`3`, `-1.5`, `2e3`). Anything else is a `SCORE_NOT_A_NUMBER` problem.
 *
 * @example
 * ```ts
 * parseNumber('2.5'); //=> 2.5
 * parseNumber('two'); //=> { code: 'SCORE_NOT_A_NUMBER', params: { answer: 'two' } }
 * ```
 */
export function parseNumber(cell: Cell): number | RuleProblem {
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? cell : { code: 'SCORE_NOT_A_NUMBER', params: { answer: cell } };
  }
  const text = String(cell).trim();
  if (NUMBER.test(text)) return Number(text);
  return { code: 'SCORE_NOT_A_NUMBER', params: { answer: text } };
}

/**
 * Checks a number against an inclusive range; `SCORE_OUT_OF_RANGE` when outside.
 *
 * @example
 * ```ts
 * checkRange(12, { min: 0, max: 10 }); //=> { code: 'SCORE_OUT_OF_RANGE', params: { value: 12, min: 0, max: 10 } }
 * ```
 */
export function checkRange(
  value: number,
  range: { min?: number | undefined; max?: number | undefined } | undefined,
): number | RuleProblem {
  if (!range) return value;
  if (
    (range.min !== undefined && value < range.min) ||
    (range.max !== undefined && value > range.max)
  ) {
    return {
      code: 'SCORE_OUT_OF_RANGE',
      params: { value, min: range.min ?? null, max: range.max ?? null },
    };
  }
  return value;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The day number of an ISO calendar date (`YYYY-MM-DD`): days since 1970-01-01, computed from
 * the calendar fields, so the result does not depend on the time zone. Invalid dates (`2019-02-29`)
 * give `undefined`; validity is checked with date-fns `parseISO`/`isValid`.
 *
 * @example
 * ```ts
 * dayNumber('1970-01-02'); //=> 1
 * dayNumber('2019-02-29'); //=> undefined
 * ```
 */
export function dayNumber(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  if (!m || !isValid(parseISO(text))) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/**
 * The local-midnight `Date` of a day number, for date-fns calendar functions (which work in
 * local time): the same calendar day in every time zone.
 *
 * @example
 * ```ts
 * localDate(1).getDate(); //=> 2
 * ```
 */
export function localDate(day: number): Date {
  const utc = new Date(day * 86_400_000);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

/**
 * Reads a date cell (`YYYY-MM-DD`) as a day number; `SCORE_NOT_A_DATE` otherwise.
 *
 * @example
 * ```ts
 * parseDateCell('2019-04-30'); //=> 18016
 * ```
 */
export function parseDateCell(cell: Cell): number | RuleProblem {
  const text = String(cell).trim();
  const day = dayNumber(text);
  return day === undefined ? { code: 'SCORE_NOT_A_DATE', params: { answer: text } } : day;
}

/**
 * Clamps a score into the scale.
 *
 * @example
 * ```ts
 * clampToScale(120, { min: 0, max: 100 }); //=> 100
 * ```
 */
export function clampToScale(score: number, scale: { min: number; max: number }): number {
  return Math.min(scale.max, Math.max(scale.min, score));
}

/** Whether a parse outcome is a problem. @example `isProblem(3) //=> false` */
export function isProblem(outcome: number | RuleProblem): outcome is RuleProblem {
  return typeof outcome !== 'number';
}
