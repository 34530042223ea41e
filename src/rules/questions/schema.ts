import { z } from 'zod';

/**
 * `questions`: the mean (or weighted mean, by the sub-questions' weights) of the indicator's
 * sub-questions, each scored by its own rule. Not-applicable sub-questions are left out.
 *
 * @example
 * ```yaml
 * rule: { kind: questions, combine: mean }
 * subquestions:
 *   - { id: housing, title: Housing benefit, rule: { kind: boolean } }
 *   - { id: cash, title: Cash allowance, rule: { kind: boolean } }
 * ```
 */
export const questionsRuleSchema = z.strictObject({
  kind: z.literal('questions'),
  combine: z.enum(['mean', 'weighted-mean']).default('mean'),
});
