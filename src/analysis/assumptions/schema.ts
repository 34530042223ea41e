/**
 * Typed assumptions and the analysis spec file. Each assumption is named, has one `kind`, and
 * says what alternatives it samples; {@link resolveAssumptions} checks it against the model
 * before anything runs (unlike COINr's string addresses, a wrong one is an error, not a skip).
 */
import { z } from 'zod';
import { aggregationMethodSchema } from '../../framework/schema/common.js';

/**
 * A level of the model: COINr's number (1 = indicators) or a framework level's id.
 *
 * @example
 * ```ts
 * levelRefSchema.parse('dimension'); //=> 'dimension'
 * ```
 */
export const levelRefSchema = z.union([z.number().int(), z.string().min(1)]);

const named = { name: z.string().min(1) };

/**
 * Random noise on the weights of some levels (COINr's `get_noisy_weights`): each weight `w`
 * becomes `w (1 + f (2u - 1))` with `u` uniform in [0, 1), so it moves by up to `± f w`.
 *
 * @example
 * ```ts
 * weightsAssumptionSchema.parse({ name: 'W', kind: 'weights', levels: [{ level: 2, factor: 0.25 }] });
 * ```
 */
export const weightsAssumptionSchema = z.strictObject({
  ...named,
  kind: z.literal('weights'),
  levels: z.array(z.strictObject({ level: levelRefSchema, factor: z.number() })).min(1),
});

/**
 * Alternative aggregation methods, on every aggregation level or the ones listed.
 *
 * @example
 * ```ts
 * aggregationAssumptionSchema.parse({ name: 'A', kind: 'aggregation', methods: ['amean', { method: 'genmean', p: 2 }] });
 * ```
 */
export const aggregationAssumptionSchema = z.strictObject({
  ...named,
  kind: z.literal('aggregation'),
  methods: z
    .array(
      z.union([
        aggregationMethodSchema,
        z.strictObject({ method: aggregationMethodSchema, p: z.number().optional() }),
      ]),
    )
    .min(1),
  levels: z.array(levelRefSchema).min(1).optional(),
});

/**
 * Alternative normalisations: options of the pipeline's `normalise` step.
 *
 * @example
 * ```ts
 * normalisationAssumptionSchema.parse({ name: 'N', kind: 'normalisation', alternatives: [{ method: 'minmax' }, { method: 'zscore' }] });
 * ```
 */
export const normalisationAssumptionSchema = z.strictObject({
  ...named,
  kind: z.literal('normalisation'),
  alternatives: z.array(z.record(z.string(), z.unknown())).min(1),
});

/**
 * A range of `winmax` (the most points the outlier treatment may winsorise), integers.
 *
 * @example
 * ```ts
 * winmaxAssumptionSchema.parse({ name: 'Winmax', kind: 'winmax', range: [1, 5] });
 * ```
 */
export const winmaxAssumptionSchema = z.strictObject({
  ...named,
  kind: z.literal('winmax'),
  range: z.tuple([z.number(), z.number()]),
});

/**
 * Alternative imputations: options of the pipeline's `impute` step.
 *
 * @example
 * ```ts
 * imputationAssumptionSchema.parse({ name: 'I', kind: 'imputation', alternatives: [{ method: 'mean' }, { method: 'median' }] });
 * ```
 */
export const imputationAssumptionSchema = z.strictObject({
  ...named,
  kind: z.literal('imputation'),
  alternatives: z.array(z.record(z.string(), z.unknown())).min(1),
});

/**
 * Alternative missing-data and not-applicable policies (questionnaire frameworks).
 *
 * @example
 * ```ts
 * missingAssumptionSchema.parse({ name: 'M', kind: 'missing', alternatives: [{ noData: 'exclude' }, { noData: 'zero' }] });
 * ```
 */
export const missingAssumptionSchema = z.strictObject({
  ...named,
  kind: z.literal('missing'),
  alternatives: z
    .array(
      z.strictObject({
        noData: z.enum(['exclude', 'zero', 'fail']).optional(),
        notApplicable: z.enum(['exclude', 'zero', 'max']).optional(),
      }),
    )
    .min(1),
});

/**
 * Leaving out each component of a level in turn (all of them, or the `codes` listed); with
 * `includeNone` (default) keeping everything is one more alternative.
 *
 * @example
 * ```ts
 * excludeAssumptionSchema.parse({ name: 'X', kind: 'exclude', level: 'dimension' }).includeNone; //=> true
 * ```
 */
export const excludeAssumptionSchema = z.strictObject({
  ...named,
  kind: z.literal('exclude'),
  level: levelRefSchema,
  codes: z.array(z.string().min(1)).min(1).optional(),
  includeNone: z.boolean().default(true),
});

/**
 * One assumption, by kind.
 *
 * @example
 * ```ts
 * assumptionSchema.parse({ name: 'Winmax', kind: 'winmax', range: [1, 5] }).kind; //=> 'winmax'
 * ```
 */
export const assumptionSchema = z.discriminatedUnion('kind', [
  weightsAssumptionSchema,
  aggregationAssumptionSchema,
  normalisationAssumptionSchema,
  winmaxAssumptionSchema,
  imputationAssumptionSchema,
  missingAssumptionSchema,
  excludeAssumptionSchema,
]);
/**
 * One assumption.
 *
 * @example
 * ```ts
 * const a: Assumption = { name: 'Winmax', kind: 'winmax', range: [1, 5] };
 * ```
 */
export type Assumption = z.infer<typeof assumptionSchema>;
/**
 * The kinds of assumption.
 *
 * @example
 * ```ts
 * const k: AssumptionKind = 'weights';
 * ```
 */
export type AssumptionKind = Assumption['kind'];

/**
 * An analysis spec (`--spec FILE`, YAML or JSON): the target, the sample size `samples` (COINr's
 * `N`; a sensitivity analysis runs `N (d + 2)` models), the seed, the bootstrap resamples and the
 * assumptions. `removeOne` lists levels whose components are each left out in turn.
 *
 * @example
 * ```yaml
 * target: Index
 * seed: 42
 * samples: 100
 * bootstrap: 100
 * assumptions:
 *   - { name: Winmax, kind: winmax, range: [1, 5] }
 *   - name: Normalisation
 *     kind: normalisation
 *     alternatives: [{ method: minmax, min: 1, max: 100 }, { method: zscore, mean: 10, sd: 2 }]
 *   - { name: Weights, kind: weights, levels: [{ level: 2, factor: 0.25 }, { level: 3, factor: 0.25 }] }
 *   - { name: Aggregation, kind: aggregation, methods: [amean, gmean] }
 * ```
 */
export const analysisSpecSchema = z.strictObject({
  $schema: z.string().optional(),
  target: z.string().min(1).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(1),
  samples: z.number().int().min(2).max(1_000_000).default(100),
  bootstrap: z.number().int().min(0).max(100_000).default(100),
  assumptions: z.array(assumptionSchema).min(1),
  removeOne: z.array(levelRefSchema).optional(),
});
/**
 * An analysis spec, defaults applied.
 *
 * @example
 * ```ts
 * const spec: AnalysisSpec = analysisSpecSchema.parse({ assumptions: [...] }); spec.samples; //=> 100
 * ```
 */
export type AnalysisSpec = z.infer<typeof analysisSpecSchema>;
/**
 * An analysis spec as written.
 *
 * @example
 * ```ts
 * const spec: AnalysisSpecInput = { seed: 1, assumptions: [{ name: 'W', kind: 'winmax', range: [1, 5] }] };
 * ```
 */
export type AnalysisSpecInput = z.input<typeof analysisSpecSchema>;
