import { describe, expect, it } from 'vitest';
import { validateFramework } from '../framework/load/load.js';
import { frameworkSchema } from '../framework/schema/framework.js';
import { checkEditions, inEdition } from './check.js';

const base = {
  id: 'tiny',
  title: 'Tiny',
  edition: '2021',
  version: '1.0.0',
  periods: [
    { id: '2019', referenceDate: '2019-04-30' },
    { id: '2021', referenceDate: '2021-03-31' },
  ],
  dimensions: [
    {
      id: 'housing',
      title: 'Housing',
      indicators: [
        { id: 'benefit', title: 'Benefit', rule: { kind: 'boolean' } },
        { id: 'old', title: 'Old', rule: { kind: 'boolean' }, editions: ['2019'] },
      ],
    },
  ],
};
const tiny = (changes: unknown) => frameworkSchema.parse({ ...base, changes });

describe('checkEditions', () => {
  it('accepts declared changes that name this edition’s indicators', () => {
    expect(
      checkEditions(
        tiny({
          since: '2019',
          periods: ['2019'],
          added: ['benefit'],
          retired: ['old', 'gone'],
        }),
      ),
    ).toEqual([]);
    expect(
      checkEditions(
        tiny({
          since: '2019',
          reworded: ['benefit'],
          rescored: [{ id: 'benefit', compare: 'same' }],
        }),
      ),
    ).toEqual([]);
    expect(checkEditions(frameworkSchema.parse(base))).toEqual([]);
  });

  it('codes unknown ids, retired ids still present, conflicts, unknown periods and a same edition', () => {
    const issues = checkEditions(
      tiny({
        since: '2021',
        periods: ['2017'],
        added: ['nope', 'benefit'],
        retired: ['benefit'],
        reworded: ['old'],
        rescored: [{ id: 'ghost', compare: 'omit' }],
      }),
    );
    expect(issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['EDITION_SINCE_SAME', 'changes.since'],
      ['EDITION_UNKNOWN_INDICATOR', 'changes.added.0'],
      ['EDITION_UNKNOWN_INDICATOR', 'changes.reworded.0'],
      ['EDITION_UNKNOWN_INDICATOR', 'changes.rescored.0.id'],
      ['EDITION_CONFLICT', 'changes.retired.0'],
      ['EDITION_UNKNOWN_PERIOD', 'changes.periods.0'],
    ]);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('reports an id retired but still in this edition', () => {
    const issues = checkEditions(tiny({ since: '2019', retired: ['benefit'] }));
    expect(issues.map((i) => i.code)).toEqual(['EDITION_RETIRED_PRESENT']);
  });

  it('is located at the line of the offending id when loading files', () => {
    const framework = [
      'id: tiny',
      'title: Tiny',
      'edition: "2021"',
      'version: 1.0.0',
      'changes:',
      '  since: "2019"',
      '  added:',
      '    - benefit',
      '    - missing_one',
      'periods: [{ id: "2021", referenceDate: 2021-03-31 }]',
    ].join('\n');
    const dimension = [
      'id: housing',
      'title: Housing',
      'indicators:',
      '  - { id: benefit, title: Benefit, rule: { kind: boolean } }',
    ].join('\n');
    const v = validateFramework([
      { path: 'tiny/framework.yaml', content: framework },
      { path: 'tiny/housing.yaml', content: dimension },
    ]);
    expect(v.valid).toBe(false);
    expect(v.errors.map((i) => [i.code, i.file, i.line])).toEqual([
      ['EDITION_UNKNOWN_INDICATOR', 'tiny/framework.yaml', 9],
    ]);
  });
});

describe('inEdition', () => {
  it('counts an indicator without editions in every edition', () => {
    expect(inEdition({}, '2021')).toBe(true);
    expect(inEdition({ editions: ['2019'] }, '2021')).toBe(false);
    expect(inEdition({ editions: ['2019', '2021'] }, '2021')).toBe(true);
  });
});
