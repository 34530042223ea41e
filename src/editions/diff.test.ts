import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FrameworkInput, frameworkSchema } from '../framework/schema/framework.js';
import { loadFrameworkDir } from '../node/framework.js';
import { diffFrameworks } from './diff.js';

const older: FrameworkInput = {
  id: 'tiny',
  title: 'Tiny',
  edition: '1',
  version: '1.0.0',
  language: 'en',
  stages: [
    { id: 'law', title: 'Law' },
    { id: 'practice', title: 'Practice' },
  ],
  periods: [{ id: '2019', referenceDate: '2019-04-30' }],
  groups: [{ id: 'g', title: 'Group' }],
  dimensions: [
    {
      id: 'housing',
      title: 'Housing',
      parent: 'g',
      indicators: [
        {
          id: 'benefit',
          title: 'Benefit',
          question: 'Is there a benefit?',
          stage: 'law',
          rule: {
            kind: 'choice',
            options: [
              { code: 'a', label: 'Yes', score: 100 },
              { code: 'b', label: 'No', score: 0 },
            ],
          },
        },
        { id: 'steady', title: 'Steady', stage: 'law', rule: { kind: 'boolean' } },
        { id: 'gone', title: 'Gone', stage: 'practice', rule: { kind: 'boolean' } },
      ],
    },
    {
      id: 'health',
      title: 'Health',
      indicators: [{ id: 'care', title: 'Care', stage: 'practice', rule: { kind: 'boolean' } }],
    },
  ],
};

const newer: FrameworkInput = {
  ...older,
  edition: '2',
  title: { en: 'Tiny', bg: 'Мъничка' },
  stages: [
    { id: 'law', title: 'Law', weight: 2 },
    { id: 'policy', title: 'Policy' },
  ],
  periods: [...older.periods, { id: '2021', referenceDate: '2021-03-31' }],
  missing: { noData: 'zero', notApplicable: 'exclude', coverage: 0 },
  dimensions: [
    {
      id: 'housing',
      title: { en: 'Housing', bg: 'Жилище' },
      weight: 2,
      indicators: [
        {
          id: 'benefit',
          title: 'Benefit',
          question: 'Is there a housing benefit?',
          stage: 'law',
          rule: {
            kind: 'choice',
            options: [
              { code: 'a', label: 'Yes', score: 100 },
              { code: 'b', label: 'No', score: 25 },
            ],
          },
        },
        { id: 'steady', title: 'Steady', stage: 'policy', weight: 3, rule: { kind: 'boolean' } },
        { id: 'care', title: 'Care', stage: 'law', rule: { kind: 'boolean' } },
        { id: 'fresh', title: 'Fresh', stage: 'law', rule: { kind: 'boolean' } },
      ],
    },
    {
      id: 'education',
      title: 'Education',
      indicators: [{ id: 'school', title: 'School', stage: 'law', rule: { kind: 'boolean' } }],
    },
  ],
};

const parse = (f: FrameworkInput) => frameworkSchema.parse(f);

describe('diffFrameworks', () => {
  it('finds every kind of change', () => {
    const d = diffFrameworks(parse(older), parse(newer));
    expect(d.old).toEqual({ id: 'tiny', edition: '1', version: '1.0.0' });
    expect(d.new.edition).toBe('2');
    expect(d.changes.map((c) => `${c.kind} ${c.id}`)).toEqual([
      'period-added 2021',
      'stage-weight law',
      'stage-added policy',
      'stage-removed practice',
      'dimension-moved housing',
      'dimension-weight housing',
      'dimension-reworded housing',
      'dimension-added education',
      'dimension-removed health',
      'indicator-reworded benefit',
      'indicator-rescored benefit',
      'indicator-weight steady',
      'indicator-stage steady',
      'indicator-stage care',
      'indicator-moved care',
      'indicator-added fresh',
      'indicator-added school',
      'indicator-retired gone',
      'setting missing.noData',
    ]);
    const rescored = d.changes.find((c) => c.kind === 'indicator-rescored');
    expect(rescored?.fields).toEqual([{ path: 'rule.options[1].score', from: 0, to: 25 }]);
    const reworded = d.changes.find((c) => c.kind === 'indicator-reworded');
    expect(reworded?.fields).toEqual([
      { path: 'question.en', from: 'Is there a benefit?', to: 'Is there a housing benefit?' },
    ]);
    expect(d.changes.find((c) => c.kind === 'dimension-reworded')?.fields).toEqual([
      { path: 'title.bg', from: undefined, to: 'Жилище' },
    ]);
    expect(d.changes.find((c) => c.id === 'care' && c.kind === 'indicator-moved')?.fields).toEqual([
      { path: 'parent', from: 'health', to: 'housing' },
    ]);
    // No declared changes, so nothing to check them against.
    expect(d.issues).toEqual([]);
  });

  it('finds nothing between equal editions, and a plain string equals the same text in a map', () => {
    const same = parse(older);
    expect(diffFrameworks(same, parse(older)).changes).toEqual([]);
    const mapped = parse({
      ...older,
      dimensions: older.dimensions?.map((d) => ({ ...d, title: { en: String(d.title) } })),
    });
    expect(diffFrameworks(same, mapped).changes).toEqual([]);
  });

  it('leaves out indicators whose editions exclude their framework’s', () => {
    const withOld = parse({
      ...newer,
      dimensions: [
        ...(newer.dimensions ?? []),
        {
          id: 'archive',
          title: 'Archive',
          indicators: [{ id: 'gone', title: 'Gone', rule: { kind: 'boolean' }, editions: ['1'] }],
        },
      ],
    });
    const d = diffFrameworks(parse(older), withOld);
    expect(d.changes.filter((c) => c.id === 'gone').map((c) => c.kind)).toEqual([
      'indicator-retired',
    ]);
  });

  it('checks the declared changes both ways', () => {
    const declared = parse({
      ...newer,
      changes: {
        since: '1',
        added: ['fresh', 'steady'],
        retired: ['gone'],
        rescored: [{ id: 'benefit', compare: 'replace' }],
      },
    });
    const d = diffFrameworks(parse(older), declared);
    expect(d.issues.map((i) => [i.code, i.params?.id, i.severity])).toEqual([
      ['EDITION_DECLARED_NOT_FOUND', 'steady', 'warning'],
      ['EDITION_UNDECLARED_CHANGE', 'school', 'warning'],
      ['EDITION_UNDECLARED_CHANGE', 'benefit', 'warning'],
    ]);
    expect(d.changes.find((c) => c.kind === 'indicator-rescored')?.declared).toBe('replace');
  });

  it('warns when the two are different frameworks, and does not mutate its inputs', () => {
    const a = Object.freeze(parse(older));
    const b = parse({ ...older, id: 'other' });
    const before = JSON.stringify(a);
    expect(diffFrameworks(a, b).issues.map((i) => i.code)).toEqual(['EDITION_OTHER_FRAMEWORK']);
    expect(JSON.stringify(a)).toBe(before);
  });
});

describe('diffFrameworks on NIEM (property)', () => {
  const niem = loadFrameworkDir(join(import.meta.dirname, '../../indicators/niem'));
  const ids = niem.dimensions.flatMap((d) => (d.indicators ?? []).map((i) => i.id));
  const { changes: _, ...plain } = niem;

  it('lists exactly the indicators taken out as added one way and retired the other', () => {
    fc.assert(
      fc.property(fc.subarray(ids, { maxLength: 20 }), (removed) => {
        const gone = new Set(removed);
        const smaller = {
          ...plain,
          dimensions: plain.dimensions.map((d) => ({
            ...d,
            indicators: d.indicators?.filter((i) => !gone.has(i.id)),
          })),
        };
        const forward = diffFrameworks(smaller, plain);
        expect(forward.changes.map((c) => [c.kind, c.id])).toEqual(
          ids.filter((id) => gone.has(id)).map((id) => ['indicator-added', id]),
        );
        const back = diffFrameworks(plain, smaller);
        expect(back.changes.map((c) => c.id).sort()).toEqual([...removed].sort());
        expect(back.changes.every((c) => c.kind === 'indicator-retired')).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
