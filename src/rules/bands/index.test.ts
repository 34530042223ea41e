import { runRuleTests } from '../_lib/rule-tester.js';
import { bands } from './index.js';

runRuleTests(
  'bands',
  bands({
    kind: 'bands',
    range: { min: 0, max: 20 },
    bands: [
      { gte: 3, score: 100 },
      { gte: 1, lt: 3, score: 50 },
      { lt: 1, score: 0 },
    ],
  }),
  {
    valid: [
      { cell: '3', score: 100 },
      { cell: '2.99', score: 50 },
      { cell: '1', score: 50 },
      { cell: 0.5, score: 0 },
      { cell: '20', score: 100 },
    ],
    invalid: [
      { cell: 'three', code: 'SCORE_NOT_A_NUMBER' },
      { cell: '2,5', code: 'SCORE_NOT_A_NUMBER' },
      { cell: '21', code: 'SCORE_OUT_OF_RANGE', params: { value: 21, min: 0, max: 20 } },
      { cell: -1, code: 'SCORE_OUT_OF_RANGE' },
    ],
  },
);

runRuleTests(
  'bands with a gap',
  bands({
    kind: 'bands',
    bands: [
      { gte: 5, score: 100 },
      { lt: 2, score: 0 },
    ],
  }),
  {
    valid: [{ cell: '6', score: 100 }],
    invalid: [{ cell: '3', code: 'SCORE_NO_BAND', params: { value: 3 } }],
  },
);
