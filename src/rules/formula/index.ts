import type { z } from 'zod';
import { IntegrationIndexError } from '../../errors/issue.js';
import type { CompositeRuleObject } from '../_lib/types.js';
import { NO_DATA, NOT_APPLICABLE } from '../_lib/types.js';
import { type CompiledFormula, compileFormula } from './compile.js';
import type { formulaRuleSchema } from './schema.js';

/** A `formula` rule as written in a framework. */
export type FormulaRule = z.infer<typeof formulaRuleSchema>;

/** The rule object of a `formula` rule. */
export interface FormulaRuleObject extends CompositeRuleObject {
  readonly kind: 'formula';
  readonly expression: string;
}

/**
 * `formula`: a checked mathjs expression over sub-question ids or indicator ids (its `inputs`,
 * the formula's symbols in sorted order). If any input has no data the result has no data; else if
 * any is not applicable the result is not applicable; a result that is not a finite number has
 * no data.
 * Throws an {@link IntegrationIndexError} (`FORMULA_*`) for a formula that does not compile: a
 * framework that passed validation never has one.
 *
 * @example
 * ```ts
 * const rule = formula({ kind: 'formula', expression: 'a == 100 ? 100 : b / 2' });
 * rule.inputs;              //=> ['a', 'b']
 * rule.run([50, 80], ctx);  //=> 40
 * ```
 */
export function formula(rule: FormulaRule): FormulaRuleObject {
  const compiled = compileFormula(rule.expression);
  if (!compiled.ok) throw new IntegrationIndexError(compiled.issues);
  const f: CompiledFormula = compiled.formula;
  const inputs = f.symbols;
  const scope: Record<string, number> = {};
  return {
    kind: 'formula',
    composite: true,
    scores: true,
    expression: rule.expression,
    inputs,
    run(values: ArrayLike<number>): number {
      let na = false;
      for (let i = 0; i < inputs.length; i++) {
        const v = values[i] as number;
        if (Number.isNaN(v)) return NO_DATA;
        if (v === NOT_APPLICABLE) na = true;
        scope[inputs[i] as string] = v;
      }
      if (na) return NOT_APPLICABLE;
      try {
        const result = f.evaluate(scope);
        return Number.isFinite(result) ? result : NO_DATA;
      } catch {
        // A result that is not a number (the formula yields a matrix, say): nothing to score.
        return NO_DATA;
      }
    },
  };
}
