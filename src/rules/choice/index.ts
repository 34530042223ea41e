import type { z } from 'zod';
import type { Cell, LeafRuleObject, ParseOutcome } from '../_lib/types.js';
import { NOT_APPLICABLE } from '../_lib/types.js';
import type { AnswerOption, choiceRuleSchema } from './schema.js';

/** A `choice` rule as written in a framework. */
export type ChoiceRule = z.infer<typeof choiceRuleSchema>;

/** The rule object of a `choice` rule: its parameters plus `parse`, `run` and `describe`. */
export interface ChoiceRuleObject extends LeafRuleObject {
  readonly kind: 'choice';
  readonly options: readonly AnswerOption[];
}

/**
 * Builds an option lookup: exact codes first, then codes compared case-insensitively.
 * Shared with `multi`.
 *
 * @example
 * ```ts
 * optionIndex([{ code: 'a', label: 'A', score: 100 }])('A'); //=> 0
 * ```
 */
export function optionIndex(options: readonly AnswerOption[]): (code: string) => number {
  const exact = new Map<string, number>();
  const folded = new Map<string, number>();
  options.forEach((o, i) => {
    exact.set(o.code, i);
    const f = o.code.toLowerCase();
    if (!folded.has(f)) folded.set(f, i);
  });
  return (code) => exact.get(code) ?? folded.get(code.toLowerCase()) ?? -1;
}

/**
 * `choice`: the answer is one option code (matched exactly, else ignoring case); the score is the
 * option's score. An option marked `notApplicable` makes the indicator not applicable. The parsed
 * value is the option's index.
 *
 * @example
 * ```ts
 * const rule = choice({ kind: 'choice', options: [
 *   { code: 'a', label: 'Three years or more', score: 100 },
 *   { code: 'b', label: 'Less', score: 0 },
 * ] });
 * rule.parse('A', ctx);  //=> 0
 * rule.run(0, ctx);      //=> 100
 * rule.parse('z', ctx);  //=> { code: 'SCORE_UNKNOWN_OPTION', params: { answer: 'z', codes: ['a', 'b'] } }
 * ```
 */
export function choice(rule: ChoiceRule): ChoiceRuleObject {
  const { options } = rule;
  const lookup = optionIndex(options);
  const scores = Float64Array.from(options, (o) =>
    o.notApplicable === true ? NOT_APPLICABLE : (o.score as number),
  );
  const codes = options.map((o) => o.code);
  return {
    kind: 'choice',
    composite: false,
    scores: true,
    options,
    lookup: scores,
    parse(cell: Cell): ParseOutcome {
      const code = typeof cell === 'string' ? cell : String(cell);
      const index = lookup(code);
      return index >= 0 ? index : { code: 'SCORE_UNKNOWN_OPTION', params: { answer: code, codes } };
    },
    run(value: number): number {
      return scores[value] ?? Number.NaN;
    },
    describe(value: number): string | undefined {
      return codes[value];
    },
  };
}
