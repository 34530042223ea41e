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
 * A band as an interval: its lower and upper ends (infinite when left out) and whether each
 * end belongs to it (`gte`, `lte`) or not (`gt`, `lt`). When a band gives both forms of one
 * bound (which `validate` reports), the inclusive one is taken.
 *
 * @example
 * ```ts
 * bandInterval({ gt: 1, lte: 3, score: 50 }); //=> { lo: 1, loIn: false, hi: 3, hiIn: true }
 * ```
 */
export function bandInterval(b: Band): { lo: number; loIn: boolean; hi: number; hiIn: boolean } {
  const lo = b.gte ?? b.gt ?? Number.NEGATIVE_INFINITY;
  const hi = b.lte ?? b.lt ?? Number.POSITIVE_INFINITY;
  return {
    lo,
    loIn: b.gte !== undefined || (b.gt === undefined && lo === Number.NEGATIVE_INFINITY),
    hi,
    hiIn: b.lte !== undefined || (b.lt === undefined && hi === Number.POSITIVE_INFINITY),
  };
}

/**
 * Whether `value` lies in the band (`gte <= value` or `gt < value`, and `value < lt` or
 * `value <= lte`).
 *
 * @example
 * ```ts
 * inBand({ gt: 3, score: 100 }, 3); //=> false
 * ```
 */
export function inBand(b: Band, value: number): boolean {
  const { lo, loIn, hi, hiIn } = bandInterval(b);
  return (loIn ? value >= lo : value > lo) && (hiIn ? value <= hi : value < hi);
}

/**
 * The index of the first band holding `value` (see {@link inBand}), or -1. Shared with `date`.
 *
 * @example
 * ```ts
 * findBand([{ gte: 3, score: 100 }, { lt: 3, score: 0 }], 2); //=> 1
 * findBand([{ gt: 3, score: 100 }, { lte: 3, score: 0 }], 3); //=> 1
 * ```
 */
export function findBand(bands: readonly Band[], value: number): number {
  for (let i = 0; i < bands.length; i++) if (inBand(bands[i] as Band, value)) return i;
  return -1;
}

/**
 * A value the band holds, for tools that try each band (gains): its lower end when included,
 * else a point inside it; `fallback` for a band without bounds.
 *
 * @example
 * ```ts
 * bandPoint({ gte: 1, lt: 3, score: 50 }); //=> 1
 * bandPoint({ gt: 1, lte: 3, score: 50 }); //=> 2
 * bandPoint({ lt: 1, score: 0 });          //=> 0
 * ```
 */
export function bandPoint(b: Band, fallback = 0): number {
  const { lo, loIn, hi, hiIn } = bandInterval(b);
  if (Number.isFinite(lo)) {
    if (loIn) return lo;
    return Number.isFinite(hi) ? (lo + hi) / 2 : lo + 1;
  }
  if (Number.isFinite(hi)) return hiIn ? hi : hi - 1;
  return fallback;
}

/**
 * `bands`: a number scored by the first band that holds it (`gte`/`gt` to `lt`/`lte`). A number
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
