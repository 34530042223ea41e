import { z } from 'zod';
import { directionSchema, finiteSchema } from '../../framework/schema/common.js';
import { textSchema } from '../../text/text.js';
import { valueRangeSchema } from '../bands/schema.js';

/**
 * `linear`: a number mapped linearly between goalposts onto the scale; `direction: -1` means
 * lower is better. Values beyond the goalposts are clamped unless `clamp` is false.
 *
 * @example
 * ```yaml
 * rule: { kind: linear, unit: months, min: 0, max: 12, direction: -1 }
 * ```
 */
export const linearRuleSchema = z.strictObject({
  kind: z.literal('linear'),
  unit: textSchema.optional(),
  min: finiteSchema,
  max: finiteSchema,
  direction: directionSchema.default(1),
  clamp: z.boolean().default(true),
  range: valueRangeSchema.optional(),
});
