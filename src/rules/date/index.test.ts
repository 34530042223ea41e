import { expect, it } from 'vitest';
import { dayNumber } from '../_lib/cell.js';
import { runRuleTests, testContext } from '../_lib/rule-tester.js';
import { date, elapsedYears } from './index.js';

runRuleTests(
  'date (in force)',
  date({ kind: 'date', mode: 'in-force', score: 100, otherwise: 0 }),
  {
    valid: [
      { cell: '2019-04-30', score: 100 },
      { cell: '2019-05-01', score: 0 },
      { cell: '2001-01-01', score: 100 },
    ],
    invalid: [
      { cell: '2019-02-29', code: 'SCORE_NOT_A_DATE' },
      { cell: '30/04/2019', code: 'SCORE_NOT_A_DATE' },
      { cell: '2019-4-30', code: 'SCORE_NOT_A_DATE' },
    ],
  },
);

runRuleTests(
  'date (cut-offs)',
  date({
    kind: 'date',
    mode: 'cutoffs',
    cutoffs: [
      { before: '2010-01-01', score: 100 },
      { before: '2015-01-01', score: 50 },
    ],
    otherwise: 0,
  }),
  {
    valid: [
      { cell: '2009-12-31', score: 100 },
      { cell: '2010-01-01', score: 50 },
      { cell: '2016-06-01', score: 0 },
    ],
    invalid: [],
  },
);

runRuleTests(
  'date (elapsed years)',
  date({
    kind: 'date',
    mode: 'elapsed',
    bands: [
      { gte: 2, score: 100 },
      { lt: 2, score: 0 },
    ],
  }),
  {
    valid: [
      { cell: '2017-04-30', score: 100 },
      { cell: '2017-05-01', score: 0 },
      { cell: '2020-01-01', score: Number.NaN },
    ],
    invalid: [],
  },
);

it('counts whole calendar years whatever the time zone', () => {
  expect(elapsedYears(dayNumber('2017-05-01') as number, dayNumber('2019-04-30') as number)).toBe(
    1,
  );
  expect(elapsedYears(dayNumber('2016-02-29') as number, dayNumber('2017-02-28') as number)).toBe(
    0,
  );
  expect(dayNumber(testContext.referenceDate)).toBe(testContext.referenceDay);
});
