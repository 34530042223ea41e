import { runRuleTests } from '../_lib/rule-tester.js';
import { boolean } from './index.js';

runRuleTests('boolean', boolean({ kind: 'boolean', yes: 100, no: 0 }), {
  valid: [
    { cell: 'yes', score: 100, describe: 'yes' },
    { cell: 'No', score: 0, describe: 'no' },
    { cell: 'TRUE', score: 100 },
    { cell: '0', score: 0 },
    { cell: true, score: 100 },
    { cell: false, score: 0 },
    { cell: 1, score: 100 },
  ],
  invalid: [
    { cell: 'maybe', code: 'SCORE_NOT_BOOLEAN', params: { answer: 'maybe' } },
    { cell: 2, code: 'SCORE_NOT_BOOLEAN' },
  ],
});

runRuleTests('boolean (reversed)', boolean({ kind: 'boolean', yes: 0, no: 100 }), {
  valid: [
    { cell: 'y', score: 0 },
    { cell: 'n', score: 100 },
  ],
  invalid: [],
});
