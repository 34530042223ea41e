import { z } from 'zod';
import { pipelineSchema } from '../../composite/pipeline/schema.js';
import { changesSchema } from '../../editions/schema.js';
import { languageTagSchema, textSchema } from '../../text/text.js';
import { frameworkUnitsSchema } from '../../units/schema.js';
import {
  aggregationMethodSchema,
  evidenceSchema,
  finiteSchema,
  idSchema,
  isoDateSchema,
  weightSchema,
} from './common.js';
import { aggregationSchema, nodeSchema } from './node.js';

/** The framework's scale: every score lies in `[min, max]`. */
export const scaleSchema = z
  .strictObject({ min: finiteSchema.default(0), max: finiteSchema.default(100) })
  .refine((s) => s.min < s.max, { message: 'The scale needs min < max.' });

/** A named level of the tree, top to bottom (for NIEM: group, dimension, indicator). */
export const levelSchema = z.strictObject({ id: idSchema, title: textSchema });

/** A stage: a step governments take, cutting across dimensions (NIEM's legal framework...). */
export const stageSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  description: textSchema.optional(),
  weight: weightSchema.default(1),
  /** Whether answers to the indicators of this stage need a source. */
  evidence: evidenceSchema.optional(),
});

/**
 * An evaluation period: a year or a named round, with the date the answers describe.
 * `start`/`end` bound the round when it covers a span (Bulgaria's NIEM 2019 round: 2017-04-01
 * to 2019-03-31).
 *
 * @example
 * ```ts
 * periodSchema.parse({ id: '2019', referenceDate: '2019-04-30' }); //=> { id: '2019', referenceDate: '2019-04-30' }
 * ```
 */
export const periodSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, {
    message: 'Expected a period id such as "2019" or "R1".',
  }),
  title: textSchema.optional(),
  referenceDate: isoDateSchema,
  start: isoDateSchema.optional(),
  end: isoDateSchema.optional(),
});
/** An evaluation period. */
export type Period = z.infer<typeof periodSchema>;

/**
 * Missing-data rules. Not applicable answers are left out of the parent's mean (`exclude`) by
 * default; answers with no data are left out and reported in coverage (`exclude`), scored as
 * the scale's minimum (`zero`), or make the run fail (`fail`).
 *
 * @example
 * ```ts
 * missingPolicySchema.parse({}); //=> { noData: 'exclude', notApplicable: 'exclude', coverage: 0 }
 * ```
 */
export const missingPolicySchema = z.strictObject({
  noData: z.enum(['exclude', 'zero', 'fail']).default('exclude'),
  notApplicable: z.enum(['exclude', 'zero', 'max']).default('exclude'),
  /** Default coverage threshold (0-1) for every aggregate. */
  coverage: z.number().min(0).max(1).default(0),
});
/** Missing-data rules. */
export type MissingPolicy = z.infer<typeof missingPolicySchema>;

/**
 * How scores roll up. With stages and `stageRollup: cells`, indicators first form dimension x
 * stage cells; a dimension is the aggregate of its cells, a stage the aggregate of its cells
 * across dimensions (NIEM). With `indicators`, both aggregate the indicators directly. `overall`
 * says what the overall score aggregates: the top-level nodes, the stages, or both views' cells.
 */
export const rollupSchema = z.strictObject({
  method: aggregationMethodSchema.default('amean'),
  p: z.number().optional(),
  stageRollup: z.enum(['cells', 'indicators']).default('cells'),
  overall: z.enum(['children', 'stages']).default('children'),
});

/** An extra aggregate over any nodes of the tree, such as MIPEX's overall without health. */
export const extraAggregateSchema = z.strictObject({
  id: idSchema,
  aliases: z.array(z.string().min(1)).optional(),
  title: textSchema,
  description: textSchema.optional(),
  of: z.array(idSchema).min(1),
  aggregation: aggregationSchema.optional(),
});

/** A dimension group declared in `framework.yaml`, which dimension files attach to by `parent`. */
export const groupSchema = z.strictObject({
  id: idSchema,
  aliases: z.array(z.string().min(1)).optional(),
  title: textSchema,
  description: textSchema.optional(),
  level: idSchema.optional(),
  parent: idSchema.optional(),
  weight: weightSchema.default(1),
  scored: z.boolean().optional(),
  aggregation: aggregationSchema.optional(),
});

/**
 * `framework.yaml`: what the framework is, its scale, stages, periods, levels and defaults.
 * Dimensions live in their own files beside it, or inline under `dimensions`.
 *
 * @example
 * ```yaml
 * # yaml-language-server: $schema=../../schema/framework.schema.json
 * id: niem
 * title: National Integration Evaluation Mechanism
 * edition: "2021"
 * version: 1.0.0
 * periods:
 *   - { id: "2019", referenceDate: 2019-04-30 }
 * ```
 */
export const frameworkFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: idSchema,
  title: textSchema,
  edition: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, {
    message: 'Expected a semantic version such as 1.0.0.',
  }),
  /** What changed since the previous edition (indicators added, retired, re-worded, re-scored). */
  changes: changesSchema.optional(),
  description: textSchema.optional(),
  /** The language of plain-string texts. */
  language: languageTagSchema.default('en'),
  /** Every language the framework's texts are offered in; `validate` warns about gaps. */
  languages: z.array(languageTagSchema).optional(),
  scale: scaleSchema.default({ min: 0, max: 100 }),
  levels: z.array(levelSchema).optional(),
  stages: z.array(stageSchema).optional(),
  periods: z.array(periodSchema).min(1),
  groups: z.array(groupSchema).optional(),
  overall: z
    .strictObject({
      id: idSchema.default('overall'),
      title: textSchema.optional(),
      aggregation: aggregationSchema.optional(),
    })
    .optional(),
  aggregates: z.array(extraAggregateSchema).optional(),
  aggregation: rollupSchema.default({ method: 'amean', stageRollup: 'cells', overall: 'children' }),
  missing: missingPolicySchema.default({
    noData: 'exclude',
    notApplicable: 'exclude',
    coverage: 0,
  }),
  /** Files to read, in this order; by default every other YAML or JSON file, by name. */
  include: z.array(z.string().min(1)).optional(),
  dimensions: z.array(nodeSchema).optional(),
  /** The composite pipeline for numeric indicators (impute, treat, normalise...; issue 5). */
  pipeline: pipelineSchema.optional(),
  /** The units it is assessed on and the levels derived from their parts (issue 17). */
  units: frameworkUnitsSchema.optional(),
});
/** The contents of `framework.yaml`. */
export type FrameworkFile = z.infer<typeof frameworkFileSchema>;

/** A dimension file: one aggregate node with its indicators. */
export const dimensionFileSchema = nodeSchema;

/**
 * A whole framework in one value: `framework.yaml` with every dimension inline. This is what
 * `parseFramework` returns and what `defineFramework` checks.
 */
export const frameworkSchema = frameworkFileSchema.extend({
  dimensions: z.array(nodeSchema).min(1),
});
/** A whole framework, defaults applied. */
export type Framework = z.infer<typeof frameworkSchema>;
/** A whole framework as written, before defaults apply. */
export type FrameworkInput = z.input<typeof frameworkSchema>;
