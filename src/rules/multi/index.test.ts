import { runRuleTests } from '../_lib/rule-tester.js';
import { NOT_APPLICABLE } from '../_lib/types.js';
import { multi } from './index.js';

const options = [
  { code: 'housing', label: 'Housing', score: 50 },
  { code: 'cash', label: 'Cash', score: 50 },
  { code: 'job', label: 'Job', score: 40 },
  { code: 'na', label: 'Not relevant', notApplicable: true },
];

runRuleTests('multi (sum)', multi({ kind: 'multi', combine: 'sum', separator: '|', options }), {
  valid: [
    { cell: 'housing', score: 50, describe: 'housing' },
    { cell: 'housing|cash', score: 100, describe: 'housing|cash' },
    { cell: 'housing | cash | job', score: 100 },
    { cell: 'none', score: 0, describe: 'none' },
    { cell: 'na', score: NOT_APPLICABLE },
    { cell: 'cash|na', score: 50 },
  ],
  invalid: [
    { cell: 'housing|boat', code: 'SCORE_UNKNOWN_OPTION', params: { answer: 'boat' } },
    { cell: '|', code: 'SCORE_UNKNOWN_OPTION' },
  ],
});

runRuleTests(
  'multi (mean, max, none score)',
  multi({ kind: 'multi', combine: 'mean', separator: ';', none: 10, options }),
  {
    valid: [
      { cell: 'housing;job', score: 45 },
      { cell: 'NONE', score: 10 },
    ],
    invalid: [{ cell: 'housing|job', code: 'SCORE_UNKNOWN_OPTION' }],
  },
);

runRuleTests('multi (max)', multi({ kind: 'multi', combine: 'max', separator: '|', options }), {
  valid: [{ cell: 'job|cash', score: 50 }],
  invalid: [],
});
