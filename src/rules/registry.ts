/**
 * The rule kinds, by name: each maps a rule as written in a framework to its rule object. A new
 * kind is one folder under `rules/` and one line here.
 */
import type { SubQuestion } from '../framework/schema/indicator.js';
import type { RuleObject } from './_lib/types.js';
import { bands } from './bands/index.js';
import { boolean } from './boolean/index.js';
import { choice } from './choice/index.js';
import { date } from './date/index.js';
import { formula } from './formula/index.js';
import { linear } from './linear/index.js';
import { multi } from './multi/index.js';
import { numeric } from './numeric/index.js';
import { questions } from './questions/index.js';
import type { Rule, RuleKind } from './schema.js';
import { table } from './table/index.js';

/** What a factory may need besides the rule itself. */
export interface RuleFactoryContext {
  /** The sub-questions of the indicator the rule belongs to (for `questions`). */
  readonly subquestions: readonly SubQuestion[];
}

/** The factory of each rule kind, by kind. */
export type RuleFactories = {
  [K in RuleKind]: (rule: Extract<Rule, { kind: K }>, ctx: RuleFactoryContext) => RuleObject;
};

/** Every rule kind's factory. */
export const ruleFactories: RuleFactories = {
  choice: (r) => choice(r),
  multi: (r) => multi(r),
  boolean: (r) => boolean(r),
  bands: (r) => bands(r),
  linear: (r) => linear(r),
  date: (r) => date(r),
  numeric: (r) => numeric(r),
  formula: (r) => formula(r),
  questions: (r, ctx) => questions(r, ctx.subquestions),
  table: (r) => table(r),
};

/**
 * Builds the rule object for a rule as written in a framework.
 *
 * @example
 * ```ts
 * createRule({ kind: 'boolean', yes: 100, no: 0 }).kind; //=> 'boolean'
 * ```
 */
export function createRule(rule: Rule, ctx: RuleFactoryContext = { subquestions: [] }): RuleObject {
  const factory = ruleFactories[rule.kind] as (r: Rule, c: RuleFactoryContext) => RuleObject;
  return factory(rule, ctx);
}
