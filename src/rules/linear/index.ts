import type { z } from 'zod';
import { checkRange, isProblem, parseNumber } from '../_lib/cell.js';
import type { Cell, LeafRuleObject, ParseOutcome, RuleContext } from '../_lib/types.js';
import type { linearRuleSchema } from './schema.js';

/** A `linear` rule as written in a framework. */
export type LinearRule = z.infer<typeof linearRuleSchema>;

/** The rule object of a `linear` rule. */
export interface LinearRuleObject extends LeafRuleObject {
  readonly kind: 'linear';
  readonly min: number;
  readonly max: number;
  readonly direction: 1 | -1;
  readonly clamp: boolean;
}

/**
 * Maps `value` linearly from goalposts `[lo, hi]` onto the scale (COINr's goalpost
 * normalisation): `lo` gives the scale's minimum and `hi` its maximum, reversed when `direction`
 * is -1; clamped to the scale when `clamp`. Shared with `numeric`.
 *
 * @example
 * ```ts
 * goalpost(6, 0, 12, 1, true, { min: 0, max: 100 }); //=> 50
 * ```
 */
export function goalpost(
  value: number,
  lo: number,
  hi: number,
  direction: 1 | -1,
  clamp: boolean,
  scale: { min: number; max: number },
): number {
  let t = (value - lo) / (hi - lo);
  if (direction === -1) t = 1 - t;
  if (clamp) t = Math.min(1, Math.max(0, t));
  return scale.min + t * (scale.max - scale.min);
}

/**
 * `linear`: a number mapped linearly between the goalposts `min` and `max` onto the scale;
 * `direction: -1` means lower is better. Values beyond the goalposts are clamped unless `clamp`
 * is false. A number outside `range` is rejected. The parsed value is the number.
 *
 * @example
 * ```ts
 * const rule = linear({ kind: 'linear', min: 0, max: 12, direction: -1, clamp: true });
 * rule.run(3, ctx); //=> 75
 * ```
 */
export function linear(rule: LinearRule): LinearRuleObject {
  const { min, max, direction, clamp } = rule;
  return {
    kind: 'linear',
    composite: false,
    scores: true,
    min,
    max,
    direction,
    clamp,
    parse(cell: Cell): ParseOutcome {
      const n = parseNumber(cell);
      return isProblem(n) ? n : checkRange(n, rule.range);
    },
    run(value: number, ctx: RuleContext): number {
      return goalpost(value, min, max, direction, clamp, ctx.scale);
    },
    describe(): undefined {
      return undefined;
    },
  };
}
