import { describe, expect, it } from 'vitest';
import { readAnswers } from '../answers/read/index.js';
import type { AnswerSet } from '../answers/types.js';
import { score } from '../engine/index.js';
import { filterResult } from '../engine/result/rows.js';
import { frameworkSchema } from '../framework/schema/framework.js';
import { sha256Hex } from './hash.js';
import { compareDigests, compareResults } from './verify.js';

const framework = frameworkSchema.parse({
  id: 'tiny',
  title: 'Tiny',
  edition: '1',
  version: '1.0.0',
  periods: [
    { id: '2019', referenceDate: '2019-04-30' },
    { id: '2021', referenceDate: '2021-03-31' },
  ],
  dimensions: [
    {
      id: 'd',
      title: 'D',
      indicators: [
        { id: 'x', title: 'X', rule: { kind: 'boolean' } },
        { id: 'y', title: 'Y', rule: { kind: 'boolean' } },
      ],
    },
  ],
});

function answers(cells: [string, string, string, string][]): AnswerSet {
  const csv = ['unit,period,indicator,answer', ...cells.map((c) => c.join(','))].join('\n');
  return readAnswers([{ path: 'a.csv', content: csv }]);
}

const cells: [string, string, string, string][] = [
  ['AA', '2019', 'x', 'yes'],
  ['AA', '2019', 'y', 'no'],
  ['BB', '2019', 'x', 'no'],
  ['BB', '2019', 'y', 'no'],
  ['AA', '2021', 'x', 'yes'],
  ['AA', '2021', 'y', 'yes'],
];

describe('compareResults', () => {
  it('finds nothing between a result and its JSON round trip', () => {
    const saved = score(framework, answers(cells));
    const back = JSON.parse(JSON.stringify(saved));
    const c = compareResults(back, score(framework, answers(cells)));
    expect(c.issues).toEqual([]);
    expect(c.checked).toBeGreaterThan(20);
  });

  it('names each score, rank and count that changed', () => {
    const saved = score(framework, answers(cells));
    const changed = cells.map((c) => [...c]) as typeof cells;
    (changed[3] as string[])[3] = 'yes'; // BB 2019 y: no → yes
    const c = compareResults(saved, score(framework, answers(changed)));
    const codes = c.issues.map((i) => `${i.params?.node} ${i.params?.field}`);
    expect(codes).toContain('y score');
    expect(codes).toContain('d score');
    expect(c.issues.every((i) => i.code === 'VERIFY_SCORE_CHANGED')).toBe(true);
    const y = c.issues.find((i) => i.params?.node === 'y' && i.params?.field === 'score');
    expect(y?.params).toMatchObject({ unit: 'BB', period: '2019', saved: 0, now: 100 });
  });

  it('compares a filtered result against the full re-scoring, and reports rows that are gone', () => {
    const full = score(framework, answers(cells));
    const view = filterResult(full, { periods: ['2021'] });
    expect(compareResults(view, full).issues).toEqual([]);
    const fewer = score(framework, answers(cells.filter((c) => c[1] !== '2021')));
    const c = compareResults(full, fewer);
    expect(c.issues.map((i) => i.code)).toContain('VERIFY_ROW_MISSING');
    expect(c.issues.map((i) => i.code)).toContain('VERIFY_COUNTS_CHANGED');
  });
});

describe('compareDigests', () => {
  it('reports changed, missing and added files', () => {
    const saved = [
      { path: 'a', sha256: sha256Hex('a') },
      { path: 'b', sha256: sha256Hex('b') },
      { path: 'c', sha256: sha256Hex('c') },
    ];
    const now = [
      { path: 'a', sha256: sha256Hex('a') },
      { path: 'b', sha256: sha256Hex('b!') },
      { path: 'c', sha256: null },
    ];
    expect(compareDigests(saved, now, ['a', 'b', 'd']).map((i) => [i.code, i.file])).toEqual([
      ['VERIFY_FILE_CHANGED', 'b'],
      ['VERIFY_FILE_MISSING', 'c'],
      ['VERIFY_FILE_ADDED', 'd'],
    ]);
    expect(compareDigests(saved, saved)).toEqual([]);
  });
});
