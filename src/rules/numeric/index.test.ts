import { expect, it } from 'vitest';
import { runRuleTests } from '../_lib/rule-tester.js';
import { numeric } from './index.js';

const raw = numeric({ kind: 'numeric', direction: 1, range: { min: 0, max: 100 } });
runRuleTests('numeric (a value, not a score)', raw, {
  valid: [{ cell: '42.5', score: 42.5 }],
  invalid: [
    { cell: '101', code: 'SCORE_OUT_OF_RANGE' },
    { cell: 'n.a.', code: 'SCORE_NOT_A_NUMBER' },
  ],
});

runRuleTests(
  'numeric with goalposts',
  numeric({ kind: 'numeric', direction: -1, goalposts: { min: 0, max: 50 } }),
  {
    valid: [
      { cell: '10', score: 80 },
      { cell: '60', score: 0 },
    ],
    invalid: [],
  },
);

it('reports values without goalposts rather than scores', () => {
  expect(raw.scores).toBe(false);
});
