import type { z } from 'zod';
import { checkRange, isProblem, parseNumber } from '../_lib/cell.js';
import type { Cell, LeafRuleObject, ParseOutcome } from '../_lib/types.js';
import type { bandSchema, bandsRuleSchema } from './schema.js';

/** A `bands` rule as written in a framework. */
export type BandsRule = z.infer<typeof bandsRuleSchema>;
/** One band of a `bands` (or `date` elapsed) rule. */
export type Band = z.infer<typeof bandSchema>;

/** The rule object of a `bands` rule. */
export interface BandsRuleObject extends LeafRuleObject {
  readonly kind: 'bands';
  readonly bands: readonly Band[];
  readonly range?: { min?: number | undefined; max?: number | undefined };
}

/**
 * The index of the first band holding `value` (`gte <= value < lt`), or -1. Shared with `date`.
 *
 * @example
 * ```ts
 * findBand([{ gte: 3, score: 100 }, { lt: 3, score: 0 }], 2); //=> 1
 * ```
 */
export function findBand(bands: readonly Band[], value: number): number {
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i] as Band;
    if ((b.gte === undefined || value >= b.gte) && (b.lt === undefined || value < b.lt)) return i;
  }
  return -1;
}

/**
 * `bands`: a number scored by the first band that holds it (`gte <= value < lt`). A number
 * outside `range` is rejected (`SCORE_OUT_OF_RANGE`), as is one that no band holds
 * (`SCORE_NO_BAND`). The parsed value is the number itself.
 *
 * @example
 * ```ts
 * const rule = bands({ kind: 'bands', bands: [{ gte: 3, score: 100 }, { gte: 1, lt: 3, score: 50 }, { lt: 1, score: 0 }] });
 * rule.run(rule.parse('2', ctx) as number, ctx); //=> 50
 * ```
 */
export function bands(rule: BandsRule): BandsRuleObject {
  const list = rule.bands;
  const obj: BandsRuleObject = {
    kind: 'bands',
    composite: false,
    scores: true,
    bands: list,
    parse(cell: Cell): ParseOutcome {
      const n = parseNumber(cell);
      if (isProblem(n)) return n;
      const inRange = checkRange(n, rule.range);
      if (isProblem(inRange)) return inRange;
      return findBand(list, n) < 0 ? { code: 'SCORE_NO_BAND', params: { value: n } } : n;
    },
    run(value: number): number {
      const i = findBand(list, value);
      return i < 0 ? Number.NaN : (list[i] as Band).score;
    },
    describe(): undefined {
      return undefined;
    },
  };
  return rule.range === undefined ? obj : { ...obj, range: rule.range };
}
