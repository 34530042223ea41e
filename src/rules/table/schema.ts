import { z } from 'zod';
import { finiteSchema, idSchema } from '../../framework/schema/common.js';

/**
 * `table`: a lookup table over the scores of sub-questions, for composites whose published
 * scores follow no formula (MIPEX's `bb28`, `bb30bb31`). Each row lists one score per input
 * (`"*"` matches anything); the first matching row wins.
 *
 * @example
 * ```yaml
 * rule:
 *   kind: table
 *   inputs: [language, integration]
 *   rows:
 *     - { when: [100, "*"], score: 100 }
 *     - { when: [50, 100], score: 83 }
 * ```
 */
export const tableRuleSchema = z.strictObject({
  kind: z.literal('table'),
  inputs: z.array(idSchema).min(1),
  rows: z
    .array(
      z.strictObject({
        when: z.array(z.union([finiteSchema, z.literal('*')])).min(1),
        score: finiteSchema,
      }),
    )
    .min(1),
});
