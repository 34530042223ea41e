import { describe, expect, it } from 'vitest';
import type { FrameworkInput } from '../schema/framework.js';
import { frameworkSchema } from '../schema/framework.js';
import type { IndicatorInput } from '../schema/indicator.js';
import { checkFramework } from './check.js';
import { indicatorsOf, isScoredIndicator, nodesOf, pathToString } from './walk.js';

function framework(indicators: IndicatorInput[], extra: Partial<FrameworkInput> = {}) {
  return frameworkSchema.parse({
    id: 'f',
    title: 'F',
    edition: '1',
    version: '1.0.0',
    periods: [{ id: '2020', referenceDate: '2020-12-31' }],
    dimensions: [{ id: 'd', title: 'D', indicators }],
    ...extra,
  });
}

const codes = (input: ReturnType<typeof framework>) => checkFramework(input).map((i) => i.code);
const bool = (id: string, more: Partial<IndicatorInput> = {}): IndicatorInput => ({
  id,
  title: id,
  rule: { kind: 'boolean' },
  ...more,
});

describe('checkFramework', () => {
  it('finds nothing wrong in a sound framework, and does not mutate it', () => {
    const f = framework([bool('a'), bool('b')]);
    const frozen = structuredClone(f);
    Object.freeze(f);
    expect(checkFramework(f)).toEqual([]);
    expect(f).toEqual(frozen);
  });

  it('finds cycles through several formulas once, and ignores chains without a cycle', () => {
    const f = framework([
      bool('base'),
      { id: 'a', title: 'A', rule: { kind: 'formula', expression: 'b + base' } },
      { id: 'b', title: 'B', rule: { kind: 'formula', expression: 'c * 2' } },
      { id: 'c', title: 'C', rule: { kind: 'formula', expression: 'a / 2' } },
      { id: 'e', title: 'E', rule: { kind: 'formula', expression: 'a + base' } },
    ]);
    const issues = checkFramework(f);
    expect(issues.map((i) => i.code)).toEqual(['FORMULA_CYCLE']);
    expect(issues[0]?.params).toEqual({ cycle: ['a', 'b', 'c', 'a'] });
    expect(issues[0]?.path).toEqual(['dimensions', 0, 'indicators', 1, 'rule', 'expression']);
  });

  it('resolves formula names to sub-questions before indicators', () => {
    const f = framework([
      bool('x'),
      {
        id: 'y',
        title: 'Y',
        rule: { kind: 'formula', expression: 'x * 2' },
        subquestions: [{ id: 'x', title: 'X', rule: { kind: 'boolean' } }],
      },
    ]);
    expect(codes(f)).toEqual([]);
  });

  it('reads ids with "-" in backticks, and says how to write one left bare', () => {
    const dashed = (expression: string) =>
      framework([bool('rec-lf'), { id: 'y', title: 'Y', rule: { kind: 'formula', expression } }]);
    expect(codes(dashed('`rec-lf` * 100'))).toEqual([]);
    expect(codes(dashed('rec-lf * 100'))).toEqual(['FORMULA_UNQUOTED_ID']);
    expect(checkFramework(dashed('rec-lf * 100'))[0]?.params).toEqual({ id: 'rec-lf' });
  });

  it('counts multi options together when they combine by sum', () => {
    const options = [
      { code: 'a', label: 'A', score: 50 },
      { code: 'b', label: 'B', score: 50 },
    ];
    expect(codes(framework([{ id: 'm', title: 'M', rule: { kind: 'multi', options } }]))).toEqual(
      [],
    );
    expect(
      codes(framework([{ id: 'm', title: 'M', rule: { kind: 'multi', combine: 'max', options } }])),
    ).toEqual(['RULE_NO_TOP_OPTION']);
  });

  it('does not warn about the top option of an unscored indicator', () => {
    const rule = { kind: 'choice' as const, options: [{ code: 'a', label: 'A', score: 10 }] };
    expect(codes(framework([bool('a'), { id: 'o', title: 'O', type: 'outcome', rule }]))).toEqual(
      [],
    );
  });

  it('checks scores against the framework scale, not 0-100', () => {
    const f = framework([bool('a', { rule: { kind: 'boolean', yes: 10, no: 1 } })], {
      scale: { min: 1, max: 10 },
    });
    expect(codes(f)).toEqual([]);
    expect(
      codes(
        framework([bool('a', { rule: { kind: 'boolean', yes: 10, no: 0 } })], {
          scale: { min: 1, max: 10 },
        }),
      ),
    ).toEqual(['RULE_SCORE_OUT_OF_SCALE']);
  });

  it('leaves untranslatable texts alone: source titles and short units', () => {
    const f = framework(
      [
        {
          id: 'n',
          title: { en: 'N', bg: 'Н' },
          rule: { kind: 'numeric', unit: '%' },
          sources: [{ ref: 'Law', title: 'Official title' }],
        },
      ],
      { title: { en: 'F', bg: 'Ф' }, languages: ['en', 'bg'] },
    );
    expect(checkFramework(f).map((i) => pathToString(i.path))).toEqual(['dimensions[0].title']);
  });

  it('says where an id was first declared through the describe callback', () => {
    const f = framework([bool('a'), bool('a')]);
    const [issue] = checkFramework(f, (path) => `here:${path.join('/')}`);
    expect(issue?.message).toContain('here:dimensions/0/indicators/0/id');
  });
});

describe('walk helpers', () => {
  it('visit nested nodes parent first, and their indicators in order', () => {
    const f = frameworkSchema.parse({
      id: 'f',
      title: 'F',
      edition: '1',
      version: '1.0.0',
      periods: [{ id: 'p', referenceDate: '2020-01-01' }],
      dimensions: [
        {
          id: 'a',
          title: 'A',
          children: [{ id: 'a1', title: 'A1', indicators: [bool('x')] }],
          indicators: [bool('y')],
        },
      ],
    });
    expect(nodesOf(f).map((n) => [n.node.id, n.depth])).toEqual([
      ['a', 0],
      ['a1', 1],
    ]);
    expect(indicatorsOf(f).map((v) => pathToString(v.path))).toEqual([
      'dimensions[0].indicators[0]',
      'dimensions[0].children[0].indicators[0]',
    ]);
  });

  it('score policy indicators by default, others only when asked', () => {
    const ind = (more: object) =>
      framework([{ ...bool('a'), ...more }]).dimensions[0]?.indicators?.[0];
    expect(isScoredIndicator(ind({})!)).toBe(true);
    expect(isScoredIndicator(ind({ type: 'outcome' })!)).toBe(false);
    expect(isScoredIndicator(ind({ type: 'input', scored: true })!)).toBe(true);
    expect(isScoredIndicator(ind({ scored: false })!)).toBe(false);
  });
});
