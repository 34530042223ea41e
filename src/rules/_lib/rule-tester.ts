/**
 * A RuleTester in the manner of typescript-eslint's: each rule kind's test lists valid answers
 * with the score they must get, and invalid answers with the issue code they must raise.
 * Test-only: nothing in the library imports it.
 */
import { describe, expect, it } from 'vitest';
import type { Cell, LeafRuleObject, RuleContext } from './types.js';

/** The context rules run in under test: scale 0-100, reference date 2019-04-30. */
export const testContext: RuleContext = {
  scale: { min: 0, max: 100 },
  referenceDate: '2019-04-30',
  referenceDay: Date.UTC(2019, 3, 30) / 86_400_000,
};

/** Cases for {@link runRuleTests}. */
export interface RuleCases {
  valid: { cell: Cell; score: number; describe?: string; ctx?: RuleContext }[];
  invalid: { cell: Cell; code: string; params?: Record<string, unknown> }[];
}

/** Declares one test per case: valid cells parse and score as stated; invalid ones raise the code. */
export function runRuleTests(name: string, rule: LeafRuleObject, cases: RuleCases): void {
  describe(name, () => {
    for (const c of cases.valid) {
      it(`scores ${JSON.stringify(c.cell)} as ${c.score}`, () => {
        const ctx = c.ctx ?? testContext;
        const parsed = rule.parse(c.cell, ctx);
        expect(typeof parsed).toBe('number');
        const score = rule.run(parsed as number, ctx);
        if (Number.isNaN(c.score)) expect(score).toBeNaN();
        else expect(score).toBeCloseTo(c.score, 10);
        if (c.describe !== undefined) expect(rule.describe(parsed as number)).toBe(c.describe);
      });
    }
    for (const c of cases.invalid) {
      it(`rejects ${JSON.stringify(c.cell)} with ${c.code}`, () => {
        const parsed = rule.parse(c.cell, testContext);
        expect(parsed).toMatchObject({ code: c.code, ...(c.params ? { params: c.params } : {}) });
      });
    }
  });
}
