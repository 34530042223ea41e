import { expect, it } from 'vitest';
import { runRuleTests } from '../_lib/rule-tester.js';
import { NOT_APPLICABLE } from '../_lib/types.js';
import { choice } from './index.js';

const rule = choice({
  kind: 'choice',
  options: [
    { code: 'a', label: 'Three years or more', score: 100 },
    { code: 'b', label: 'One to three years', score: 50 },
    { code: 'c', label: 'Less than a year', score: 0 },
    { code: 'none', label: 'No permit needed', notApplicable: true },
  ],
});

runRuleTests('choice', rule, {
  valid: [
    { cell: 'a', score: 100, describe: 'a' },
    { cell: 'B', score: 50, describe: 'b' },
    { cell: 'c', score: 0 },
    { cell: 'none', score: NOT_APPLICABLE },
  ],
  invalid: [
    {
      cell: 'd',
      code: 'SCORE_UNKNOWN_OPTION',
      params: { answer: 'd', codes: ['a', 'b', 'c', 'none'] },
    },
    { cell: 3, code: 'SCORE_UNKNOWN_OPTION' },
  ],
});

it('is a plain object describing itself', () => {
  expect(rule).toMatchObject({ kind: 'choice', composite: false, scores: true });
  expect(rule.options).toHaveLength(4);
});
