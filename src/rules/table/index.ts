import type { z } from 'zod';
import type { CompositeRuleObject } from '../_lib/types.js';
import { NO_DATA, NO_MATCH, NOT_APPLICABLE } from '../_lib/types.js';
import type { tableRuleSchema } from './schema.js';

/** A `table` rule as written in a framework. */
export type TableRule = z.infer<typeof tableRuleSchema>;

/** The rule object of a `table` rule. */
export interface TableRuleObject extends CompositeRuleObject {
  readonly kind: 'table';
  readonly rows: TableRule['rows'];
}

/** Scores that differ by less than this match a table cell (binary fractions such as 100/3). */
export const TABLE_TOLERANCE = 1e-9;

/**
 * `table`: the first row whose `when` values equal the inputs' scores (`"*"` matches anything,
 * including not applicable) gives the score. An input without data gives no data; no matching
 * row gives {@link NO_MATCH}, which the engine reports as a reason, never as a silent zero.
 *
 * @example
 * ```ts
 * const rule = table({ kind: 'table', inputs: ['lang', 'integ'], rows: [
 *   { when: [100, '*'], score: 100 }, { when: [50, 100], score: 83 },
 * ] });
 * rule.run([50, 100], ctx); //=> 83
 * ```
 */
export function table(rule: TableRule): TableRuleObject {
  const { inputs, rows } = rule;
  return {
    kind: 'table',
    composite: true,
    scores: true,
    inputs,
    rows,
    run(values: ArrayLike<number>): number {
      for (let i = 0; i < inputs.length; i++) if (Number.isNaN(values[i] as number)) return NO_DATA;
      for (const row of rows) {
        let match = true;
        for (let i = 0; i < inputs.length && match; i++) {
          const want = row.when[i];
          if (want === '*') continue;
          const v = values[i] as number;
          match =
            v !== NOT_APPLICABLE && want !== undefined && Math.abs(v - want) < TABLE_TOLERANCE;
        }
        if (match) return row.score;
      }
      return NO_MATCH;
    },
  };
}
