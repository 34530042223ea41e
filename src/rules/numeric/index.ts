import type { z } from 'zod';
import { checkRange, isProblem, parseNumber } from '../_lib/cell.js';
import type { Cell, LeafRuleObject, ParseOutcome, RuleContext } from '../_lib/types.js';
import { goalpost } from '../linear/index.js';
import type { numericRuleSchema } from './schema.js';

/** A `numeric` rule as written in a framework. */
export type NumericRule = z.infer<typeof numericRuleSchema>;

/** The rule object of a `numeric` rule. */
export interface NumericRuleObject extends LeafRuleObject {
  readonly kind: 'numeric';
  readonly direction: 1 | -1;
  readonly goalposts?: { min: number; max: number };
}

/**
 * `numeric`: a raw statistic. With `goalposts` it scores linearly between them (clamped, reversed
 * when `direction` is -1); without, `run` returns the value itself, which is reported but never
 * enters a parent's score (`scores: false`), for the composite pipeline to normalise.
 *
 * @example
 * ```ts
 * numeric({ kind: 'numeric', direction: 1 }).run(42.5, ctx); //=> 42.5 (a value, not a score)
 * numeric({ kind: 'numeric', direction: 1, goalposts: { min: 0, max: 50 } }).run(25, ctx); //=> 50
 * ```
 */
export function numeric(rule: NumericRule): NumericRuleObject {
  const { direction, goalposts } = rule;
  const obj: NumericRuleObject = {
    kind: 'numeric',
    composite: false,
    scores: goalposts !== undefined,
    direction,
    parse(cell: Cell): ParseOutcome {
      const n = parseNumber(cell);
      return isProblem(n) ? n : checkRange(n, rule.range);
    },
    run(value: number, ctx: RuleContext): number {
      return goalposts
        ? goalpost(value, goalposts.min, goalposts.max, direction, true, ctx.scale)
        : value;
    },
    describe(): undefined {
      return undefined;
    },
  };
  return goalposts === undefined ? obj : { ...obj, goalposts };
}
