import { z } from 'zod';
import { answerOptionSchema } from '../choice/schema.js';

/**
 * `multi`: several options may hold at once (written `a|c` in a cell). Their scores combine by
 * `sum`, `mean` or `max`, and the result is capped to the framework's scale.
 *
 * @example
 * ```yaml
 * rule:
 *   kind: multi
 *   combine: sum
 *   options:
 *     - { code: housing, label: Housing benefit, score: 50 }
 *     - { code: cash, label: Cash allowance, score: 50 }
 * ```
 */
export const multiRuleSchema = z.strictObject({
  kind: z.literal('multi'),
  combine: z.enum(['sum', 'mean', 'max']).default('sum'),
  /** Separator between codes in one answer cell. */
  separator: z.string().min(1).max(3).default('|'),
  /** The score when the answer is explicitly "none of these" (the code `none`). */
  none: z.number().optional(),
  options: z.array(answerOptionSchema).min(1),
});
