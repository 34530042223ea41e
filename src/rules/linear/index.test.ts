import { runRuleTests } from '../_lib/rule-tester.js';
import { linear } from './index.js';

runRuleTests(
  'linear (lower is better)',
  linear({ kind: 'linear', min: 0, max: 12, direction: -1, clamp: true }),
  {
    valid: [
      { cell: '0', score: 100 },
      { cell: '3', score: 75 },
      { cell: '12', score: 0 },
      { cell: '24', score: 0 },
    ],
    invalid: [{ cell: 'soon', code: 'SCORE_NOT_A_NUMBER' }],
  },
);

runRuleTests(
  'linear (unclamped, with a range)',
  linear({ kind: 'linear', min: 10, max: 20, direction: 1, clamp: false, range: { min: 0 } }),
  {
    valid: [
      { cell: '15', score: 50 },
      { cell: '25', score: 150 },
    ],
    invalid: [{ cell: '-1', code: 'SCORE_OUT_OF_RANGE', params: { value: -1, min: 0, max: null } }],
  },
);
