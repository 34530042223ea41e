import type { z } from 'zod';
import type { SubQuestion } from '../../framework/schema/indicator.js';
import type { CompositeRuleObject } from '../_lib/types.js';
import { NO_DATA, NOT_APPLICABLE } from '../_lib/types.js';
import type { questionsRuleSchema } from './schema.js';

/** A `questions` rule as written in a framework. */
export type QuestionsRule = z.infer<typeof questionsRuleSchema>;

/** The rule object of a `questions` rule. */
export interface QuestionsRuleObject extends CompositeRuleObject {
  readonly kind: 'questions';
  readonly combine: 'mean' | 'weighted-mean';
  readonly weights: readonly number[];
}

/**
 * `questions`: the mean of the indicator's sub-questions (`weighted-mean`: weighted by their
 * weights). Not-applicable sub-questions and those without data are left out; with none left,
 * the result has no data if any sub-question lacked data, else it is not applicable.
 *
 * @example
 * ```ts
 * const rule = questions({ kind: 'questions', combine: 'mean' }, [
 *   { id: 'a', title: 'A', weight: 1, rule: { kind: 'boolean', yes: 100, no: 0 } },
 *   { id: 'b', title: 'B', weight: 1, rule: { kind: 'boolean', yes: 100, no: 0 } },
 * ]);
 * rule.run([100, 0], ctx);                      //=> 50
 * rule.run([100, Number.NEGATIVE_INFINITY], ctx); //=> 100
 * ```
 */
export function questions(
  rule: QuestionsRule,
  subquestions: readonly SubQuestion[],
): QuestionsRuleObject {
  const { combine } = rule;
  const inputs = subquestions.map((s) => s.id);
  const weights = subquestions.map((s) => (combine === 'weighted-mean' ? s.weight : 1));
  return {
    kind: 'questions',
    composite: true,
    scores: true,
    combine,
    inputs,
    weights,
    run(values: ArrayLike<number>): number {
      let sum = 0;
      let total = 0;
      let missing = false;
      for (let i = 0; i < inputs.length; i++) {
        const v = values[i] as number;
        if (Number.isNaN(v)) missing = true;
        else if (v !== NOT_APPLICABLE) {
          const w = weights[i] as number;
          sum += w * v;
          total += w;
        }
      }
      if (total > 0) return sum / total;
      return missing ? NO_DATA : NOT_APPLICABLE;
    },
  };
}
