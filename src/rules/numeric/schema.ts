import { z } from 'zod';
import { directionSchema, finiteSchema } from '../../framework/schema/common.js';
import { textSchema } from '../../text/text.js';
import { valueRangeSchema } from '../bands/schema.js';

/**
 * `numeric`: a raw statistic (a rate, a count, an amount) kept as a value, to be normalised
 * later by the composite pipeline. With `goalposts` it scores by itself (a linear map).
 *
 * @example
 * ```yaml
 * rule: { kind: numeric, unit: "%", direction: 1, range: { min: 0, max: 100 } }
 * ```
 */
export const numericRuleSchema = z.strictObject({
  kind: z.literal('numeric'),
  unit: textSchema.optional(),
  direction: directionSchema.default(1),
  range: valueRangeSchema.optional(),
  goalposts: z.strictObject({ min: finiteSchema, max: finiteSchema }).optional(),
  target: finiteSchema.optional(),
  denominator: z.string().min(1).optional(),
});
