import type { z } from 'zod';
import { clampToScale } from '../_lib/cell.js';
import type { Cell, LeafRuleObject, ParseOutcome, RuleContext } from '../_lib/types.js';
import { NOT_APPLICABLE } from '../_lib/types.js';
import { optionIndex } from '../choice/index.js';
import type { AnswerOption } from '../choice/schema.js';
import type { multiRuleSchema } from './schema.js';

/** A `multi` rule as written in a framework. */
export type MultiRule = z.infer<typeof multiRuleSchema>;

/** The rule object of a `multi` rule. */
export interface MultiRuleObject extends LeafRuleObject {
  readonly kind: 'multi';
  readonly combine: 'sum' | 'mean' | 'max';
  readonly separator: string;
  readonly none?: number;
  readonly options: readonly AnswerOption[];
}

/** The most options a `multi` rule can hold: the parsed value is a bit set in a double. */
export const MULTI_MAX_OPTIONS = 52;

/**
 * `multi`: several option codes in one cell, separated by `separator` (`a|c`); the code `none`
 * means none of them. The chosen options' scores combine by `sum`, `mean` or `max` and the result
 * is clamped to the scale; `none` scores `none` (default: the scale's minimum). Options marked
 * `notApplicable` are ignored unless they are all that was chosen. The parsed value is a bit set
 * of option indexes (at most {@link MULTI_MAX_OPTIONS} options).
 *
 * @example
 * ```ts
 * const rule = multi({ kind: 'multi', combine: 'sum', separator: '|', options: [
 *   { code: 'housing', label: 'Housing', score: 50 }, { code: 'cash', label: 'Cash', score: 50 },
 * ] });
 * rule.run(rule.parse('housing|cash', ctx) as number, ctx); //=> 100
 * ```
 */
export function multi(rule: MultiRule): MultiRuleObject {
  const { options, combine, separator } = rule;
  const lookup = optionIndex(options);
  const codes = options.map((o) => o.code);
  const scores = options.map((o) =>
    o.notApplicable === true ? NOT_APPLICABLE : (o.score as number),
  );
  const obj: MultiRuleObject = {
    kind: 'multi',
    composite: false,
    scores: true,
    combine,
    separator,
    options,
    parse(cell: Cell): ParseOutcome {
      const text = String(cell);
      if (text.trim().toLowerCase() === 'none') return 0;
      let set = 0;
      for (const part of text.split(separator)) {
        const code = part.trim();
        if (code.length === 0) continue;
        const i = lookup(code);
        if (i < 0 || i >= MULTI_MAX_OPTIONS) {
          return { code: 'SCORE_UNKNOWN_OPTION', params: { answer: code, codes } };
        }
        const bit = 2 ** i;
        if (Math.floor(set / bit) % 2 === 0) set += bit;
      }
      return set === 0 ? { code: 'SCORE_UNKNOWN_OPTION', params: { answer: text, codes } } : set;
    },
    run(value: number, ctx: RuleContext): number {
      if (value === 0) return rule.none ?? ctx.scale.min;
      let n = 0;
      let sum = 0;
      let max = Number.NEGATIVE_INFINITY;
      let rest = value;
      for (let i = 0; rest > 0; i++, rest = Math.floor(rest / 2)) {
        if (rest % 2 === 0) continue;
        const s = scores[i] as number;
        if (s === NOT_APPLICABLE) continue;
        n++;
        sum += s;
        if (s > max) max = s;
      }
      if (n === 0) return NOT_APPLICABLE;
      const raw = combine === 'sum' ? sum : combine === 'mean' ? sum / n : max;
      return clampToScale(raw, ctx.scale);
    },
    describe(value: number): string | undefined {
      if (value === 0) return 'none';
      const chosen: string[] = [];
      let rest = value;
      for (let i = 0; rest > 0; i++, rest = Math.floor(rest / 2)) {
        if (rest % 2 === 1) chosen.push(codes[i] as string);
      }
      return chosen.join(separator);
    },
  };
  return rule.none === undefined ? obj : { ...obj, none: rule.none };
}
