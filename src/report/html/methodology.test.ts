import { describe, expect, it } from 'vitest';
import { type FrameworkInput, frameworkSchema } from '../../framework/schema/framework.js';
import { describeMethodology } from './methodology.js';
import { translator } from './translate.js';

const choice = {
  kind: 'choice' as const,
  options: [
    { code: 'a', label: 'Yes', score: 100 },
    { code: 'b', label: 'No', score: 0 },
  ],
};

const input: FrameworkInput = {
  id: 'mini',
  title: { en: 'Mini index', bg: 'Мини индекс' },
  edition: '1',
  version: '1.0.0',
  periods: [{ id: '2021', referenceDate: '2021-04-30' }],
  levels: [{ id: 'dimension', title: { en: 'Dimension', bg: 'Измерение' } }],
  stages: [{ id: 'legal', title: { en: 'Legal', bg: 'Правна' }, description: 'Laws.' }],
  missing: { noData: 'zero', notApplicable: 'exclude', coverage: 0.5 },
  dimensions: [
    {
      id: 'res',
      title: { en: 'Residency', bg: 'Пребиваване' },
      indicators: [
        { id: 'r1', title: 'R1', stage: 'legal', rule: choice },
        { id: 'r2', title: 'R2', stage: 'legal', rule: { kind: 'boolean' } },
        { id: 'r3', title: 'R3', type: 'outcome', rule: { kind: 'numeric' } },
      ],
    },
    {
      id: 'rec',
      title: { en: 'Reception' },
      scored: false,
      indicators: [{ id: 'x1', title: 'X1', stage: 'legal', rule: choice }],
    },
  ],
};

describe('describeMethodology', () => {
  const framework = frameworkSchema.parse(input);

  it('counts scored indicators per dimension and per rule kind', () => {
    const m = describeMethodology(framework, translator('en', 'en'), {
      decimals: 1,
      tolerance: 0.05,
    });
    expect(m.dimensions.map((d) => [d.id, d.indicators])).toEqual([
      ['res', 2],
      ['rec', 0],
    ]);
    // x1 is a choice indicator, but under the unscored reception dimension: it enters no score.
    expect(m.rules).toEqual([
      { kind: 'boolean', indicators: 1 },
      { kind: 'choice', indicators: 1 },
    ]);
  });
  it('states the framework’s policies and the output conventions', () => {
    const m = describeMethodology(framework, translator('en', 'en'), {
      decimals: 2,
      tolerance: 0.005,
      asOf: '2020-12-31',
    });
    const facts = Object.fromEntries(m.facts.map((f) => [f.term, f.definition]));
    expect(facts['No data']).toContain('minimum');
    expect(facts['Coverage threshold']).toContain('50%');
    expect(facts.Rounding).toContain('2 decimals, half away from zero');
    expect(facts.Ranking).toContain('1224');
    expect(facts.Change).toContain('±0.005');
    expect(facts['Unscored content']).toContain('Reception');
    expect(facts['Answers in force']).toContain('2020-12-31');
  });
  it('resolves texts in the report language and counts fallbacks', () => {
    const tr = translator('bg', 'en');
    const m = describeMethodology(framework, tr, { decimals: 1, tolerance: 0.05 });
    expect(m.framework.title).toBe('Мини индекс');
    expect(m.levels[0]?.label).toBe('Измерение');
    expect(m.dimensions[1]?.label).toBe('Reception');
    expect(tr.fallbacks.get('en')).toBeGreaterThan(0);
  });
});
