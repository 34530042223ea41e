import { z } from 'zod';
import { finiteSchema } from '../../framework/schema/common.js';
import { textSchema } from '../../text/text.js';

/**
 * One predefined answer. `score` is on the framework's scale; an option marked
 * `notApplicable` carries no score and leaves the indicator out of its parent's mean.
 *
 * @example
 * ```ts
 * answerOptionSchema.parse({ code: 'na', label: 'Not applicable', notApplicable: true });
 * ```
 */
export const answerOptionSchema = z
  .strictObject({
    /** What the expert writes in the answer cell, e.g. `a`, `yes`, `3y`. */
    code: z.string().min(1),
    label: textSchema,
    score: finiteSchema.optional(),
    notApplicable: z.boolean().optional(),
    description: textSchema.optional(),
  })
  .refine((o) => o.notApplicable === true || o.score !== undefined, {
    message: 'An option needs a score unless it is marked notApplicable.',
    path: ['score'],
  })
  .refine((o) => !(o.notApplicable === true && o.score !== undefined), {
    message: 'A notApplicable option carries no score.',
    path: ['score'],
  });

/** A predefined answer option of a `choice` or `multi` rule. */
export type AnswerOption = z.infer<typeof answerOptionSchema>;

/**
 * `choice`: the answer is one option code; its score is the option's score.
 *
 * @example
 * ```yaml
 * rule:
 *   kind: choice
 *   options:
 *     - { code: a, label: Three years or more, score: 100 }
 *     - { code: b, label: One to three years, score: 50 }
 *     - { code: c, label: Less than a year, score: 0 }
 * ```
 */
export const choiceRuleSchema = z.strictObject({
  kind: z.literal('choice'),
  options: z.array(answerOptionSchema).min(1),
});
