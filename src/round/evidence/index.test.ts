import { describe, expect, it } from 'vitest';
import { readAnswers } from '../../answers/read/index.js';
import { safeScore } from '../../engine/index.js';
import { frameworkSchema } from '../../framework/schema/framework.js';
import { evidenceRequired } from './index.js';

const choice = {
  kind: 'choice',
  options: [
    { code: 'a', label: 'A', score: 100 },
    { code: 'b', label: 'B', score: 0 },
  ],
};
const framework = frameworkSchema.parse({
  id: 't',
  title: 'T',
  edition: '1',
  version: '1.0.0',
  stages: [
    { id: 'law', title: 'Law', evidence: 'required' },
    { id: 'practice', title: 'Practice' },
  ],
  periods: [{ id: '2019', referenceDate: '2019-04-30' }],
  dimensions: [
    {
      id: 'd1',
      title: 'D1',
      indicators: [
        { id: 'law1', title: 'L1', stage: 'law', rule: choice },
        { id: 'law2', title: 'L2', stage: 'law', evidence: 'optional', rule: choice },
        { id: 'pr1', title: 'P1', stage: 'practice', rule: choice },
      ],
    },
    {
      id: 'd2',
      title: 'D2',
      evidence: 'required',
      indicators: [
        { id: 'pr2', title: 'P2', stage: 'practice', rule: choice },
        {
          id: 'comp',
          title: 'C',
          stage: 'practice',
          rule: { kind: 'questions', combine: 'mean' },
          subquestions: [
            { id: 'x', title: 'X', rule: choice },
            { id: 'y', title: 'Y', rule: choice },
          ],
        },
      ],
    },
  ],
});

describe('evidence rules', () => {
  it('an indicator needs a source when its stage or dimension says so, unless it says optional', () => {
    expect([...evidenceRequired(framework)].sort()).toEqual(['comp', 'law1', 'pr2']);
  });

  it('an answer without a source gets EVIDENCE_MISSING at its row and source column; n/a and no data need none', () => {
    const csv = [
      'unit,period,indicator,answer,source',
      'XA,2019,law1,a,',
      'XA,2019,law2,a,',
      'XA,2019,pr1,b,',
      'XA,2019,pr2,n/a,',
      'XA,2019,comp.x,a,',
      'XA,2019,comp.y,b,Act 3',
      'XB,2019,law1,,',
      'XB,2019,pr2,a,Act 1',
    ].join('\n');
    const r = safeScore(framework, readAnswers([{ path: 'a.csv', content: csv }]));
    if (!r.ok) throw new Error('not ok');
    const missing = r.value.issues.filter((i) => i.code === 'EVIDENCE_MISSING');
    expect(
      missing.map((i) => [i.severity, i.line, i.column, i.field, i.params?.indicator]),
    ).toEqual([
      ['warning', 2, 5, 'source', 'law1'],
      ['warning', 6, 5, 'source', 'comp.x'],
    ]);
  });
});
