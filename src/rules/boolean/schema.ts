import { z } from 'zod';
import { finiteSchema } from '../../framework/schema/common.js';
import { textSchema } from '../../text/text.js';

/**
 * `boolean`: the answer is yes or no (also `true`/`false`, `1`/`0`).
 *
 * @example
 * ```yaml
 * rule: { kind: boolean, yes: 100, no: 0 }
 * ```
 */
export const booleanRuleSchema = z.strictObject({
  kind: z.literal('boolean'),
  yes: finiteSchema.default(100),
  no: finiteSchema.default(0),
  labels: z.strictObject({ yes: textSchema, no: textSchema }).optional(),
});
