import { z } from 'zod';

/**
 * `formula`: a mathjs expression over the indicator's sub-questions (by their local id) or
 * other indicators (by id). It is parsed once and checked against an allowlist; it is never
 * handed to `evaluate` as text.
 *
 * @example
 * ```yaml
 * rule: { kind: formula, expression: "a == 100 ? 100 : (a == 50 ? 90 : b / 5 + c * 3 / 5)" }
 * ```
 */
export const formulaRuleSchema = z.strictObject({
  kind: z.literal('formula'),
  expression: z.string().min(1),
});
