import { describe, expect, it } from 'vitest';
import { answerTemplateTexts } from '../../errors/catalogue/answers.js';
import { runRuleTests } from '../_lib/rule-tester.js';
import { type Band, bandPoint, bands, inBand } from './index.js';

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

runRuleTests(
  'bands with gt and lte ("more than", "at most")',
  bands({
    kind: 'bands',
    range: { min: 0, max: 10 },
    bands: [
      { gt: 3, score: 100 },
      { gt: 1, lte: 3, score: 50 },
      { lte: 1, score: 0 },
    ],
  }),
  {
    valid: [
      { cell: '3.5', score: 100 },
      { cell: '3', score: 50 },
      { cell: '1.01', score: 50 },
      { cell: '1', score: 0 },
      { cell: '0', score: 0 },
    ],
    invalid: [{ cell: '11', code: 'SCORE_OUT_OF_RANGE' }],
  },
);

describe('band helpers', () => {
  it('bandPoint gives a value each band holds', () => {
    const list: Band[] = [
      { gte: 1, lt: 3, score: 0 },
      { gt: 1, lte: 3, score: 0 },
      { gt: 5, score: 0 },
      { lt: 1, score: 0 },
      { lte: 1, score: 0 },
      { score: 0 },
    ];
    for (const b of list) expect(inBand(b, bandPoint(b)), JSON.stringify(b)).toBe(true);
  });

  it('the template describes every kind of bound', () => {
    expect(answerTemplateTexts.band({ gte: 1, lt: 3 })).toBe('1 to under 3');
    expect(answerTemplateTexts.band({ gt: 1, lte: 3 })).toBe('more than 1 to 3');
    expect(answerTemplateTexts.band({ gt: 3 })).toBe('more than 3');
    expect(answerTemplateTexts.band({ lte: 3 })).toBe('3 or less');
    expect(answerTemplateTexts.band({ gte: 3 })).toBe('3 or more');
  });
});
