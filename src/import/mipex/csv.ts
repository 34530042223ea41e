import type { AnswerRow } from '../../answers/types.js';
import { arrayOfProblem, optionsProblem, recordOf, throwIfAny } from '../../errors/args.js';
import { toCsv } from '../../io/csv.js';

/**
 * The header of a long answers file, in the order the answer readers expect.
 *
 * @example
 * ```ts
 * LONG_ANSWER_COLUMNS.join(','); //=> 'unit,period,indicator,answer'
 * ```
 */
export const LONG_ANSWER_COLUMNS = ['unit', 'period', 'indicator', 'answer'] as const;

/**
 * Writes answers as a long answers CSV (`unit,period,indicator,answer`, plus `valid_from`,
 * `valid_to`, `source` and `comment` when any row has them) through the shared writer `toCsv`:
 * RFC 4180 quoting, formula-like cells neutralised unless `raw` (the readers drop the `'` again).
 * No data (`null`) is an empty cell.
 *
 * @example
 * ```ts
 * formatAnswersCsv([{ unit: 'AT', period: '2019', indicator: 'aa1', answer: 'b', origin }]);
 * //=> 'unit,period,indicator,answer\nAT,2019,aa1,b\n'
 * ```
 */
export function formatAnswersCsv(
  rows: readonly AnswerRow[],
  options: { raw?: boolean } = {},
): string {
  throwIfAny(
    arrayOfProblem(
      'formatAnswersCsv',
      'rows',
      rows,
      recordOf('an answer row ({ unit, period, indicator: string, answer })', {
        unit: 'string',
        period: 'string',
        indicator: 'string',
      }),
      'an array of answer rows (readAnswers(...).rows, importMipexScores(...).rows)',
    ),
    optionsProblem('formatAnswersCsv', 'options', options, { raw: 'boolean' }),
  );
  const optional = (['validFrom', 'validTo', 'source', 'comment'] as const).filter((k) =>
    rows.some((r) => r[k] !== undefined),
  );
  const names = {
    validFrom: 'valid_from',
    validTo: 'valid_to',
    source: 'source',
    comment: 'comment',
  };
  const header = [...LONG_ANSWER_COLUMNS, ...optional.map((k) => names[k])];
  const records = rows.map((r) => [
    r.unit,
    r.period,
    r.indicator,
    r.answer === null ? '' : String(r.answer),
    ...optional.map((k) => r[k] ?? ''),
  ]);
  return toCsv([header, ...records], { raw: options.raw === true });
}
