import { isExists } from 'date-fns/isExists';
import { invalidArgument, throwIfAny } from '../../../errors/args.js';

/**
 * The canonical columns an answer file may have besides indicator columns, in the order a long
 * answer file lists them (the reader, the template and the example answers all use this order).
 *
 * @example
 * ```ts
 * answerColumns.slice(0, 4); //=> ['unit', 'period', 'indicator', 'answer']
 * ```
 */
export const answerColumns = [
  'unit',
  'period',
  'indicator',
  'answer',
  'valid_from',
  'valid_to',
  'source',
  'comment',
  'expert',
  'status',
  'reviewer',
  'reviewed_on',
] as const;

/** The canonical names of the columns an answer file may have, besides indicator columns. */
export type AnswerColumn = (typeof answerColumns)[number];

/**
 * The review states of an answer, in order: an expert's `draft`, handed in (`submitted`),
 * checked by a reviewer (`reviewed`), signed off for publication (`final`). An answer without a
 * status counts as `submitted`: it was handed in, and nobody has recorded a review.
 *
 * @example
 * ```ts
 * answerStatuses.indexOf('reviewed') > answerStatuses.indexOf('submitted'); //=> true
 * ```
 */
export const answerStatuses = ['draft', 'submitted', 'reviewed', 'final'] as const;

/**
 * A review state of an answer. See {@link answerStatuses}.
 *
 * @example
 * ```ts
 * const s: AnswerStatus = 'reviewed';
 * ```
 */
export type AnswerStatus = (typeof answerStatuses)[number];

/**
 * The rank of a review state (0 for `draft` to 3 for `final`); an absent status ranks as
 * `submitted`.
 *
 * @example
 * ```ts
 * statusRank('final');   //=> 3
 * statusRank(undefined); //=> 1
 * ```
 */
export function statusRank(status: AnswerStatus | undefined): number {
  const rank = answerStatuses.indexOf(status ?? 'submitted');
  if (rank < 0) {
    throwIfAny(
      invalidArgument(
        'statusRank',
        'status',
        `one of ${answerStatuses.map((s) => JSON.stringify(s)).join(', ')}, or undefined`,
        status,
      ),
    );
  }
  return rank;
}

/**
 * A status cell as a review state: case-insensitive and trimmed; undefined when it names none.
 *
 * @example
 * ```ts
 * parseStatus(' Final '); //=> 'final'
 * parseStatus('done');    //=> undefined
 * ```
 */
export function parseStatus(cell: string): AnswerStatus | undefined {
  if (typeof cell !== 'string') {
    throwIfAny(invalidArgument('parseStatus', 'cell', 'the text of a status cell (string)', cell));
  }
  const s = cell.trim().toLowerCase();
  return (answerStatuses as readonly string[]).includes(s) ? (s as AnswerStatus) : undefined;
}

/**
 * Header names, lower-cased with `_`, `-` and spaces removed, mapped to the canonical column:
 * `Valid From`, `valid-from`, `validFrom` and `VALID_FROM` all name `valid_from`.
 */
const knownColumns: Readonly<Record<string, AnswerColumn>> = {
  unit: 'unit',
  period: 'period',
  indicator: 'indicator',
  answer: 'answer',
  validfrom: 'valid_from',
  validto: 'valid_to',
  source: 'source',
  comment: 'comment',
  expert: 'expert',
  status: 'status',
  reviewer: 'reviewer',
  reviewedon: 'reviewed_on',
};

/**
 * Columns the questionnaire template writes for the reader's benefit; answer readers skip them
 * without a warning, so a filled-in template reads back unchanged.
 */
const templateColumns: ReadonlySet<string> = new Set([
  'question',
  'allowed',
  'title',
  'stage',
  'dimension',
  'group',
  'notes',
]);

/** What a header cell names: a known column, a template column to skip, or something else. */
export type HeaderName =
  | { kind: 'known'; column: AnswerColumn }
  | { kind: 'template' }
  | { kind: 'other'; name: string };

/**
 * Classifies a header cell or JSON key (case-insensitive, trimmed).
 *
 * @example
 * ```ts
 * classifyHeader(' Valid From '); //=> { kind: 'known', column: 'valid_from' }
 * classifyHeader('allowed');      //=> { kind: 'template' }
 * classifyHeader('res_permit');   //=> { kind: 'other', name: 'res_permit' }
 * ```
 */
export function classifyHeader(raw: string): HeaderName {
  const name = raw.trim();
  const key = name.toLowerCase().replace(/[\s_-]+/g, '');
  const column = knownColumns[key];
  if (column !== undefined) return { kind: 'known', column };
  if (templateColumns.has(key)) return { kind: 'template' };
  return { kind: 'other', name };
}

/**
 * A cell as the answer means it: a leading `'` that `toCsv (by default)` put before
 * `= + - @`, tab or CR is dropped, then white space is trimmed. Strings that need neither are
 * returned as they are (no copy).
 *
 * @example
 * ```ts
 * cleanCell("  '=SUM(A1) "); //=> '=SUM(A1)'
 * cleanCell("'a");            //=> "'a"
 * ```
 */
export function cleanCell(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  let c = s.charCodeAt(0);
  if (c === 39 && n > 1) {
    const d = s.charCodeAt(1);
    if (d === 61 || d === 43 || d === 45 || d === 64 || d === 9 || d === 13) {
      s = s.slice(1);
      c = d;
    }
  }
  const last = s.charCodeAt(s.length - 1);
  if (c <= 32 || last <= 32 || c === 0xa0 || last === 0xa0 || c > 0x167f || last > 0x167f) {
    return s.trim();
  }
  return s;
}

/**
 * Whether `s` is a real calendar date written `YYYY-MM-DD` (ISO 8601 calendar date, extended
 * format): the shape is checked by character codes, the day by date-fns `isExists`.
 *
 * @example
 * ```ts
 * isIsoDate('2020-02-29'); //=> true
 * isIsoDate('2019-02-29'); //=> false
 * isIsoDate('29.02.2020'); //=> false
 * ```
 */
export function isIsoDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  return isExists(year, month - 1, day);
}

/**
 * Describes a JSON value's type for messages.
 *
 * @example
 * ```ts
 * describeJson([1]);  //=> 'an array'
 * describeJson(5);    //=> 'a number (5)'
 * ```
 */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return `a string ("${value.length > 30 ? `${value.slice(0, 30)}…` : value}")`;
  return `a ${typeof value} (${String(value)})`;
}
