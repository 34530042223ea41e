import type { z } from 'zod';
import type { Cell, LeafRuleObject, ParseOutcome } from '../_lib/types.js';
import type { booleanRuleSchema } from './schema.js';

/** A `boolean` rule as written in a framework. */
export type BooleanRule = z.infer<typeof booleanRuleSchema>;

/** The rule object of a `boolean` rule. */
export interface BooleanRuleObject extends LeafRuleObject {
  readonly kind: 'boolean';
  readonly yes: number;
  readonly no: number;
}

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/**
 * `boolean`: yes or no (also `y`/`n`, `true`/`false`, `1`/`0`, any case; JSON booleans). Yes
 * scores `yes`, no scores `no`. The parsed value is 1 or 0.
 *
 * @example
 * ```ts
 * const rule = boolean({ kind: 'boolean', yes: 100, no: 0 });
 * rule.run(rule.parse('Yes', ctx) as number, ctx); //=> 100
 * rule.parse('maybe', ctx); //=> { code: 'SCORE_NOT_BOOLEAN', params: { answer: 'maybe' } }
 * ```
 */
export function boolean(rule: BooleanRule): BooleanRuleObject {
  const { yes, no } = rule;
  return {
    kind: 'boolean',
    composite: false,
    scores: true,
    yes,
    no,
    parse(cell: Cell): ParseOutcome {
      if (typeof cell === 'boolean') return cell ? 1 : 0;
      const text = String(cell).trim().toLowerCase();
      if (YES.has(text)) return 1;
      if (NO.has(text)) return 0;
      return { code: 'SCORE_NOT_BOOLEAN', params: { answer: String(cell) } };
    },
    run(value: number): number {
      return value === 1 ? yes : no;
    },
    describe(value: number): string {
      return value === 1 ? 'yes' : 'no';
    },
  };
}
