import { z } from 'zod';
import { finiteSchema } from '../../framework/schema/common.js';
import { textSchema } from '../../text/text.js';

/** The range of values an answer may take; values outside are rejected, not clamped. */
export const valueRangeSchema = z.strictObject({
  min: finiteSchema.optional(),
  max: finiteSchema.optional(),
});

/**
 * One band: the values between its lower bound (`gte`: at least, or `gt`: more than) and its
 * upper bound (`lt`: less than, or `lte`: at most) score `score`. Either bound may be left out;
 * a band gives at most one of `gte`/`gt` and one of `lt`/`lte` (`validate` reports both).
 */
export const bandSchema = z.strictObject({
  gte: finiteSchema.optional(),
  gt: finiteSchema.optional(),
  lt: finiteSchema.optional(),
  lte: finiteSchema.optional(),
  score: finiteSchema,
  label: textSchema.optional(),
});

/**
 * `bands`: a number (a permit's duration in years, say) scored by the first band that holds it.
 *
 * @example
 * ```yaml
 * rule:
 *   kind: bands
 *   unit: years
 *   range: { min: 0, max: 20 }
 *   bands:
 *     - { gte: 3, score: 100 }
 *     - { gte: 1, lt: 3, score: 50 }
 *     - { lt: 1, score: 0 }
 * ```
 */
export const bandsRuleSchema = z.strictObject({
  kind: z.literal('bands'),
  unit: textSchema.optional(),
  range: valueRangeSchema.optional(),
  bands: z.array(bandSchema).min(1),
});
