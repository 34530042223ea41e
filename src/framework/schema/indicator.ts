import { z } from 'zod';
import { leafRuleSchema, ruleSchema } from '../../rules/schema.js';
import { textSchema } from '../../text/text.js';
import { evidenceSchema, idSchema, sourceSchema, weightSchema } from './common.js';

/**
 * A sub-question of an indicator, answered on its own (addressed `indicator.sub` in answer
 * files) and combined by the indicator's `questions`, `formula` or `table` rule.
 *
 * @example
 * ```ts
 * subQuestionSchema.parse({ id: 'first', title: 'First permit', rule: { kind: 'boolean' } }).weight; //=> 1
 * ```
 */
export const subQuestionSchema = z.strictObject({
  id: idSchema,
  aliases: z.array(z.string().min(1)).optional(),
  title: textSchema,
  question: textSchema.optional(),
  weight: weightSchema.default(1),
  rule: leafRuleSchema,
  notes: textSchema.optional(),
});
/** A sub-question. */
export type SubQuestion = z.infer<typeof subQuestionSchema>;

/**
 * What kind of indicator this is. `policy` indicators are scored; `outcome` (statistics) and
 * `input` (funding, staff) indicators are collected and reported but, by default, not scored.
 */
export const indicatorTypeSchema = z.enum(['policy', 'outcome', 'input']);

/**
 * One indicator: a question, its scoring rule, its stage and its weight among its siblings.
 *
 * @example
 * ```yaml
 * - id: res_lf_permit_refugees
 *   title: Duration of the first permit (refugees)
 *   question: For how many years is a refugee's first residence permit valid?
 *   stage: legal
 *   rule: { kind: bands, unit: years, bands: [{ gte: 3, score: 100 }, { gte: 1, lt: 3, score: 50 }, { lt: 1, score: 0 }] }
 *   sources: [{ ref: "Directive 2011/95/EU art. 24(1)" }]
 * ```
 */
export const indicatorSchema = z.strictObject({
  id: idSchema,
  /** Other names the indicator answers to, such as a published code (`aa1`). */
  aliases: z.array(z.string().min(1)).optional(),
  title: textSchema,
  question: textSchema.optional(),
  stage: idSchema.optional(),
  weight: weightSchema.default(1),
  type: indicatorTypeSchema.default('policy'),
  /** Whether the indicator counts in its parent's score. Defaults to true for policy indicators. */
  scored: z.boolean().optional(),
  rule: ruleSchema,
  subquestions: z.array(subQuestionSchema).optional(),
  sources: z.array(sourceSchema).optional(),
  /** Whether an answer needs a source; by default as its dimension or stage says. */
  evidence: evidenceSchema.optional(),
  notes: textSchema.optional(),
  /** The editions of the framework this indicator belongs to; all when left out. */
  editions: z.array(z.string().min(1)).optional(),
  /** Whether the indicator is named by a published source (`found`) or reconstructed (`inferred`). */
  basis: z.enum(['found', 'inferred']).optional(),
});
/** An indicator. */
export type Indicator = z.infer<typeof indicatorSchema>;
/** An indicator as written, before defaults apply. */
export type IndicatorInput = z.input<typeof indicatorSchema>;
