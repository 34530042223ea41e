/**
 * The registry of rule kinds. Adding a kind means one folder under `rules/` and one line here.
 */
import { z } from 'zod';
import { bandsRuleSchema } from './bands/schema.js';
import { booleanRuleSchema } from './boolean/schema.js';
import { choiceRuleSchema } from './choice/schema.js';
import { dateRuleSchema } from './date/schema.js';
import { formulaRuleSchema } from './formula/schema.js';
import { linearRuleSchema } from './linear/schema.js';
import { multiRuleSchema } from './multi/schema.js';
import { numericRuleSchema } from './numeric/schema.js';
import { questionsRuleSchema } from './questions/schema.js';
import { tableRuleSchema } from './table/schema.js';

/**
 * Rules that read one answer cell directly: allowed on sub-questions.
 *
 * @example
 * ```ts
 * leafRuleSchema.safeParse({ kind: 'formula', expression: 'a' }).success; //=> false (formulas combine sub-questions)
 * ```
 */
export const leafRuleSchema = z.discriminatedUnion('kind', [
  choiceRuleSchema,
  multiRuleSchema,
  booleanRuleSchema,
  bandsRuleSchema,
  linearRuleSchema,
  dateRuleSchema,
  numericRuleSchema,
]);

/** Every rule kind. `formula`, `questions` and `table` combine sub-questions. */
export const ruleSchema = z.discriminatedUnion('kind', [
  ...leafRuleSchema.options,
  formulaRuleSchema,
  questionsRuleSchema,
  tableRuleSchema,
]);

/** The names of every rule kind. */
export const ruleKinds = [
  'choice',
  'multi',
  'boolean',
  'bands',
  'linear',
  'date',
  'numeric',
  'formula',
  'questions',
  'table',
] as const;

/** A scoring rule, as written in a framework file. */
export type Rule = z.infer<typeof ruleSchema>;
/** A rule as written before defaults apply. */
export type RuleInput = z.input<typeof ruleSchema>;
/** A rule that reads one answer cell. */
export type LeafRule = z.infer<typeof leafRuleSchema>;
/** The name of a rule kind. */
export type RuleKind = (typeof ruleKinds)[number];
