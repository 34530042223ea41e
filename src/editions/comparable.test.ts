import { describe, expect, it } from 'vitest';
import { frameworkSchema } from '../framework/schema/framework.js';
import { comparability, editionWarnings, retiredAnswerWarnings } from './comparable.js';

const framework = frameworkSchema.parse({
  id: 'tiny',
  title: 'Tiny',
  edition: '2021',
  version: '1.0.0',
  periods: [
    { id: '2019', referenceDate: '2019-04-30' },
    { id: '2021', referenceDate: '2021-03-31' },
  ],
  changes: {
    since: '2019',
    periods: ['2019'],
    added: ['fresh'],
    rescored: [
      { id: 'same_one', compare: 'same' },
      { id: 'replaced', compare: 'replace' },
      { id: 'omitted', compare: 'omit' },
    ],
  },
  dimensions: [
    {
      id: 'd',
      title: 'D',
      indicators: ['fresh', 'same_one', 'replaced', 'omitted', 'steady'].map((id) => ({
        id,
        title: id,
        rule: { kind: 'boolean' },
      })),
    },
    {
      id: 'e',
      title: 'E',
      indicators: [{ id: 'only_new', title: 'x', rule: { kind: 'boolean' }, editions: ['2021'] }],
    },
  ],
});

describe('comparability', () => {
  it('lists added, omitted and edition-only indicators for periods of the previous edition', () => {
    expect(comparability(framework, ['2019', '2021'])).toEqual([
      {
        period: '2019',
        edition: '2019',
        notComparable: ['fresh', 'omitted', 'only_new'],
        rescored: ['replaced'],
      },
    ]);
  });

  it('says nothing about periods of the current edition or without changes', () => {
    expect(comparability(framework, ['2021'])).toEqual([]);
    const { changes: _, ...plain } = framework;
    expect(comparability(plain, ['2019'])).toEqual([]);
  });
});

describe('editionWarnings', () => {
  it('gives one warning of each kind per old period, with the ids as params', () => {
    const issues = editionWarnings(framework, ['2019']);
    expect(issues.map((i) => [i.code, i.severity, i.params?.ids])).toEqual([
      ['EDITION_PERIOD_NOT_COMPARABLE', 'warning', ['fresh', 'omitted', 'only_new']],
      ['EDITION_PERIOD_RESCORED', 'warning', ['replaced']],
    ]);
    expect(issues[0]?.message).toContain('"2019"');
  });
});

describe('retiredAnswerWarnings', () => {
  const withRetired = frameworkSchema.parse({
    ...framework,
    changes: { since: '2019', retired: ['gone', 'old'] },
  });
  it('counts the rejected answers to each retired indicator, and ignores real typos', () => {
    const unknown = (indicator: string) => ({
      code: 'SCORE_UNKNOWN_INDICATOR',
      params: { indicator },
    });
    const issues = retiredAnswerWarnings(withRetired, [
      unknown('old'),
      unknown('typo'),
      unknown('old'),
      { code: 'SCORE_UNKNOWN_UNIT', params: { indicator: 'gone' } },
    ]);
    expect(issues.map((i) => [i.code, i.severity, i.params?.id, i.params?.count, i.path])).toEqual([
      ['EDITION_RETIRED_ANSWERS', 'warning', 'old', 2, ['changes', 'retired', 1]],
    ]);
    expect(retiredAnswerWarnings(framework, [unknown('old')])).toEqual([]);
  });
});
