import { z } from 'zod';
import type { StageName } from './stages.js';

export { type StageName, stageNames } from './stages.js';

/** `denominate`: divide each indicator that names a `Denominator` in iMeta by that column. */
export const denominateStepSchema = z.strictObject({
  step: z.literal('denominate'),
  /** Per-indicator overrides of iMeta's `Denominator` (an empty string: do not divide). */
  by: z.record(z.string(), z.string()).optional(),
});

/** How missing values are filled (COINr's `i_mean`, `i_median`, `i_mean_grp`, ... `impute_panel`). */
export const imputeMethodSchema = z.enum([
  'mean',
  'median',
  'mean-by-group',
  'median-by-group',
  'row-mean',
  'latest',
  'constant',
  'linear',
  'linear-constant',
  'none',
]);
/** An imputation method. */
export type ImputeMethod = z.infer<typeof imputeMethodSchema>;

/**
 * `impute`: column `mean`/`median` (per period); `mean-by-group`/`median-by-group` within the
 * iData group column `group`; `row-mean`: the unit's mean of the normalised siblings inside
 * the aggregation group at `level` (default 2); panel methods along periods (`latest` with
 * `maxPeriods`, `constant`, `linear`, `linear-constant`).
 */
export const imputeStepSchema = z.strictObject({
  step: z.literal('impute'),
  method: imputeMethodSchema,
  group: z.string().min(1).optional(),
  level: z.number().int().min(2).optional(),
  maxPeriods: z.number().int().positive().optional(),
});

/**
 * `screen`: drop units (rows) whose share of available indicator values is below `threshold`
 * (`by: missing`), whose share of non-zero values among the available ones is below
 * `nonzeroThreshold` (`zeros`), or either (`both`). `force` keeps or drops units regardless.
 * Defaults follow COINr's `Screen`: 2/3 and 0.05.
 */
export const screenStepSchema = z.strictObject({
  step: z.literal('screen'),
  by: z.enum(['missing', 'zeros', 'both']).default('missing'),
  threshold: z
    .number()
    .min(0)
    .max(1)
    .default(2 / 3),
  nonzeroThreshold: z.number().min(0).max(1).default(0.05),
  force: z.array(z.strictObject({ unit: z.string().min(1), include: z.boolean() })).optional(),
});

/**
 * `treat`: COINr's default outlier treatment (`method: default`): an indicator fails when
 * |skewness| >= `skewThreshold` and kurtosis >= `kurtosisThreshold`; failing ones are
 * winsorised one point (or tied group) at a time up to `winmax` points, and if that does not
 * pass, the original values get the shifted log `log(x - min + 0.01 (max - min))`. `none`
 * copies the data. `exclude` lists indicators left untreated. COINr's other transforms
 * (`R/treat.R`): `boxcox` (with `lambda`), `log-ct`, `log-ct-plus`, `log-ct-orig` and `log-gii`,
 * either as the `method` (instead of winsorising) or as the `fallback` of `default`.
 */
export const treatStepSchema = z.strictObject({
  step: z.literal('treat'),
  method: z
    .enum(['default', 'none', 'boxcox', 'log-ct', 'log-ct-plus', 'log-ct-orig', 'log-gii'])
    .default('default'),
  /** `default`: the transform applied when winsorising does not pass (COINr's `f2`). */
  fallback: z.enum(['boxcox', 'log-ct', 'log-ct-plus', 'log-ct-orig', 'log-gii']).optional(),
  /** `boxcox` (as method or fallback): the lambda of (x^lambda - 1) / lambda; 0 is the log. */
  lambda: z.number().optional(),
  /** `boxcox`: shift to x - min + 1 first (COINr's `makepos`). */
  makePositive: z.boolean().optional(),
  /** A transform method applies to indicators failing the test (default) or `always`. */
  when: z.enum(['failing', 'always']).optional(),
  winmax: z.number().int().min(0).default(5),
  skewThreshold: z.number().positive().default(2),
  kurtosisThreshold: z.number().default(3.5),
  exclude: z.array(z.string()).optional(),
});

/** Normalisation methods (COINr's `n_*` functions). */
export const normaliseMethodSchema = z.enum([
  'minmax',
  'zscore',
  'scaled',
  'dist2max',
  'dist2ref',
  'dist2targ',
  'fracmax',
  'goalposts',
  'rank',
  'borda',
  'prank',
  'none',
]);
/** A normalisation method. */
export type NormaliseMethod = z.infer<typeof normaliseMethodSchema>;

/**
 * `normalise`, direction-aware (values times the iMeta direction first, as COINr does).
 * Options by method: `range` [l, u] for `minmax` (default [0, 100]); `mean`, `sd` for `zscore`
 * (default 0, 1); `lower`, `upper`, `factor` for `scaled`; `reference` unit for `dist2ref`;
 * `capMax` for `dist2ref`/`dist2targ`; `goalposts` (per indicator, else iMeta's
 * goalpost_lower/upper), `scale` (default 100) and `truncate` (default true) for `goalposts`.
 * Panels: `per-period` (each period on its own, COINr's default) or `pooled` (all periods
 * together, COINr's `global = TRUE`); goalposts and targets are fixed values, honoured either way.
 */
export const normaliseStepSchema = z.strictObject({
  step: z.literal('normalise'),
  method: normaliseMethodSchema.default('minmax'),
  range: z.tuple([z.number(), z.number()]).default([0, 100]),
  mean: z.number().default(0),
  sd: z.number().positive().default(1),
  lower: z.number().default(0),
  upper: z.number().default(100),
  factor: z.number().default(100),
  reference: z.string().min(1).optional(),
  capMax: z.boolean().default(false),
  goalposts: z.record(z.string(), z.tuple([z.number(), z.number()])).optional(),
  scale: z.number().default(100),
  truncate: z.boolean().default(true),
  panel: z.enum(['per-period', 'pooled']).default('per-period'),
  /** Per-indicator method overrides (COINr's `indiv_specs`). */
  indicators: z.record(z.string(), normaliseMethodSchema).optional(),
});

/** Aggregation methods (COINr's `a_*` functions). */
export const compositeAggregationSchema = z.enum([
  'amean',
  'gmean',
  'hmean',
  'genmean',
  'median',
  'copeland',
  'bod',
  'mpi',
  'ampi',
]);
/** A composite aggregation method. */
export type CompositeAggregation = z.infer<typeof compositeAggregationSchema>;

const levelSettingsSchema = z.strictObject({
  method: compositeAggregationSchema.optional(),
  p: z.number().optional(),
  threshold: z.number().min(0).max(1).optional(),
  polarity: z.enum(['positive', 'negative']).optional(),
});

/**
 * `aggregate`: level by level, each aggregate from its children with iMeta's weights rescaled
 * over the children that have a value. `threshold`: the least share of children with data
 * (COINr's `dat_thresh`); `p` for `genmean`; `levels` overrides any of them per level (keys
 * are levels 2 and up). `bod`: benefit of the doubt (Cherchye et al. 2007; Compind `ci_bod`),
 * scores in [0, 1], iMeta weights unused, optional share `bounds` per child; `mpi` and `ampi`:
 * Mazziotta-Pareto (Compind `ci_mpi`, `ci_ampi`) with `polarity` and, for `ampi`, `references`.
 */
export const aggregateStepSchema = z.strictObject({
  step: z.literal('aggregate'),
  method: compositeAggregationSchema.default('amean'),
  p: z.number().optional(),
  threshold: z.number().min(0).max(1).optional(),
  levels: z.record(z.string().regex(/^\d+$/), levelSettingsSchema).optional(),
  /** Replacement weights by code (COINr's `w`), e.g. PCA or optimised weights. */
  weights: z.record(z.string(), z.number().nonnegative()).optional(),
  /** `bod`: share restrictions by child code, [lower, upper] shares of the unit's score. */
  bounds: z
    .record(
      z.string(),
      z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]).refine(([lo, hi]) => lo <= hi, {
        message: 'the lower share bound exceeds the upper one',
      }),
    )
    .optional(),
  /** `mpi`, `ampi`: `positive` (more is better: mean minus penalty) or `negative` (plus). */
  polarity: z.enum(['positive', 'negative']).optional(),
  /** `ampi`: reference value by child code (default: the child's mean in the first period). */
  references: z.record(z.string(), z.number()).optional(),
});

/** One step of the pipeline. */
export const pipelineStepSchema = z.discriminatedUnion('step', [
  denominateStepSchema,
  imputeStepSchema,
  screenStepSchema,
  treatStepSchema,
  normaliseStepSchema,
  aggregateStepSchema,
]);
/** A step, defaults applied. */
export type PipelineStep = z.infer<typeof pipelineStepSchema>;

/**
 * A composite pipeline: the ordered steps from `raw` to `aggregated`, in YAML inside a
 * framework (`pipeline:`) or on its own (`--pipeline FILE`).
 *
 * @example
 * ```yaml
 * steps:
 *   - step: denominate
 *   - { step: impute, method: mean-by-group, group: EurAsia_group }
 *   - { step: screen, by: missing, threshold: 0.9 }
 *   - { step: treat, winmax: 5 }
 *   - { step: normalise, method: minmax, range: [0, 100] }
 *   - { step: aggregate, method: amean }
 * ```
 */
export const pipelineSchema = z.strictObject({
  $schema: z.string().optional(),
  steps: z.array(pipelineStepSchema),
});
/** A pipeline spec, defaults applied. */
export type PipelineSpec = z.infer<typeof pipelineSchema>;
/** A pipeline spec as written. */
export type PipelineSpecInput = z.input<typeof pipelineSchema>;

/** The step writing each data set. */
export const stageOfStep = {
  denominate: 'denominated',
  impute: 'imputed',
  screen: 'screened',
  treat: 'treated',
  normalise: 'normalised',
  aggregate: 'aggregated',
} as const satisfies Record<PipelineStep['step'], StageName>;
