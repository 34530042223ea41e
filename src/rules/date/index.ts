import { differenceInYears } from 'date-fns/differenceInYears';
import type { z } from 'zod';
import { dayNumber, localDate, parseDateCell } from '../_lib/cell.js';
import type { Cell, LeafRuleObject, ParseOutcome, RuleContext } from '../_lib/types.js';
import { findBand } from '../bands/index.js';
import type { dateRuleSchema } from './schema.js';

/** A `date` rule as written in a framework. */
export type DateRule = z.infer<typeof dateRuleSchema>;

/** The rule object of a `date` rule. */
export type DateRuleObject = LeafRuleObject & {
  readonly kind: 'date';
  readonly mode: DateRule['mode'];
};

/**
 * Whole years from `from` to `to` (day numbers), as date-fns `differenceInYears` counts them on
 * the calendar (a birthday-style count: 2017-05-01 to 2019-04-30 is 1 year).
 *
 * @example
 * ```ts
 * elapsedYears(dayNumber('2017-05-01')!, dayNumber('2019-04-30')!); //=> 1
 * ```
 */
export function elapsedYears(from: number, to: number): number {
  return differenceInYears(localDate(to), localDate(from));
}

/**
 * `date`: the answer is a date (`YYYY-MM-DD`), compared with the reference date of the run
 * (the period's reference date, or `asOf`):
 * - `in-force`: `score` when the date is on or before the reference date, else `otherwise`;
 * - `cutoffs`: the first cut-off whose `before` date is after the answer, else `otherwise`;
 * - `elapsed`: whole years from the answer to the reference date (date-fns
 *   `differenceInYears`), scored by `bands`; a date after the reference date gives no data.
 * The parsed value is the date's day number.
 *
 * @example
 * ```ts
 * const rule = date({ kind: 'date', mode: 'in-force', score: 100, otherwise: 0 });
 * rule.run(rule.parse('2018-01-01', ctx) as number, { ...ctx, referenceDay: dayNumber('2019-04-30')! }); //=> 100
 * ```
 */
export function date(rule: DateRule): DateRuleObject {
  const base = {
    kind: 'date' as const,
    composite: false as const,
    scores: true as const,
    mode: rule.mode,
    parse(cell: Cell): ParseOutcome {
      return parseDateCell(cell);
    },
    describe(): undefined {
      return undefined;
    },
  };
  switch (rule.mode) {
    case 'in-force':
      return {
        ...base,
        run: (value: number, ctx: RuleContext) =>
          value <= ctx.referenceDay ? rule.score : rule.otherwise,
      };
    case 'cutoffs': {
      const days = rule.cutoffs.map((c) => dayNumber(c.before) ?? Number.NaN);
      return {
        ...base,
        run: (value: number) => {
          for (let i = 0; i < days.length; i++) {
            if (value < (days[i] as number)) return (rule.cutoffs[i] as { score: number }).score;
          }
          return rule.otherwise;
        },
      };
    }
    case 'elapsed':
      return {
        ...base,
        run: (value: number, ctx: RuleContext) => {
          if (value > ctx.referenceDay) return Number.NaN;
          const i = findBand(rule.bands, elapsedYears(value, ctx.referenceDay));
          return i < 0 ? Number.NaN : (rule.bands[i] as { score: number }).score;
        },
      };
  }
}
