import { z } from 'zod';
import { finiteSchema, isoDateSchema } from '../../framework/schema/common.js';
import { textSchema } from '../../text/text.js';
import { bandSchema } from '../bands/schema.js';

/**
 * `date`: the answer is a date (when a law took effect, say), scored against the period's
 * reference date or fixed cut-offs:
 * - `in-force`: `score` when the date is on or before the reference date, else `otherwise`;
 * - `cutoffs`: the first cut-off whose `before` date is after the answer scores; else `otherwise`;
 * - `elapsed`: whole years from the answer date to the reference date (date-fns
 *   `differenceInYears`), scored by `bands`.
 *
 * @example
 * ```yaml
 * rule: { kind: date, mode: in-force, score: 100, otherwise: 0 }
 * ```
 */
export const dateRuleSchema = z.discriminatedUnion('mode', [
  z.strictObject({
    kind: z.literal('date'),
    mode: z.literal('in-force'),
    score: finiteSchema,
    otherwise: finiteSchema,
    label: textSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal('date'),
    mode: z.literal('cutoffs'),
    cutoffs: z.array(z.strictObject({ before: isoDateSchema, score: finiteSchema })).min(1),
    otherwise: finiteSchema,
  }),
  z.strictObject({
    kind: z.literal('date'),
    mode: z.literal('elapsed'),
    bands: z.array(bandSchema).min(1),
  }),
]);
