import { z } from 'zod';
import { textSchema } from '../../text/text.js';
import { aggregationMethodSchema, evidenceSchema, idSchema, weightSchema } from './common.js';
import { indicatorSchema } from './indicator.js';

/** How an aggregate combines its children; every field overrides the framework's default. */
export const aggregationSchema = z.strictObject({
  method: aggregationMethodSchema.optional(),
  /** The exponent of the generalised mean (`genmean`). */
  p: z.number().optional(),
  /**
   * The least share (0-1) of expected children, by weight, that must have a score for the
   * aggregate to have one; otherwise it is empty and the reason is recorded.
   */
  coverage: z.number().min(0).max(1).optional(),
});
/** Aggregation settings of a node. */
export type Aggregation = z.infer<typeof aggregationSchema>;

/**
 * An aggregate in the framework's tree: a dimension, a dimension group, a sub-dimension. It
 * holds indicators, child aggregates, or both. `level` names its level (see the framework's
 * `levels`); `parent` attaches a dimension file to a group declared in `framework.yaml`.
 *
 * @example
 * ```yaml
 * id: residency
 * title: { en: Residency, bg: Пребиваване }
 * parent: legal
 * indicators: [...]
 * ```
 */
export const nodeSchema = z.strictObject({
  $schema: z.string().optional(),
  id: idSchema,
  aliases: z.array(z.string().min(1)).optional(),
  title: textSchema,
  description: textSchema.optional(),
  level: idSchema.optional(),
  parent: idSchema.optional(),
  weight: weightSchema.default(1),
  /** False for areas that are collected but left out of the scores (NIEM's reception). */
  scored: z.boolean().optional(),
  aggregation: aggregationSchema.optional(),
  /** Whether answers to the indicators under this node need a source. */
  evidence: evidenceSchema.optional(),
  get children() {
    return z.array(nodeSchema).optional();
  },
  indicators: z.array(indicatorSchema).optional(),
});
/** An aggregate node (dimension, group...). */
export type FrameworkNode = z.infer<typeof nodeSchema>;
/** An aggregate node as written, before defaults apply. */
export type FrameworkNodeInput = z.input<typeof nodeSchema>;
