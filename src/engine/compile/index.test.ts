import { describe, expect, it } from 'vitest';
import { frameworkSchema } from '../../framework/schema/framework.js';
import { compileFramework } from './index.js';

const framework = frameworkSchema.parse({
  id: 't',
  title: 'T',
  edition: '1',
  version: '1.0.0',
  stages: [
    { id: 'law', title: 'Law' },
    { id: 'practice', title: 'Practice' },
  ],
  periods: [{ id: '2019', referenceDate: '2019-04-30' }],
  groups: [{ id: 'g', title: 'G' }],
  dimensions: [
    {
      id: 'd',
      title: 'D',
      parent: 'g',
      indicators: [
        { id: 'a', title: 'A', stage: 'law', rule: { kind: 'boolean' } },
        { id: 'rate', title: 'Rate', stage: 'law', type: 'outcome', rule: { kind: 'numeric' } },
        {
          id: 'q',
          title: 'Q',
          stage: 'practice',
          rule: { kind: 'formula', expression: 'x / 2 + a / 2' },
          subquestions: [{ id: 'x', aliases: ['ex'], title: 'X', rule: { kind: 'boolean' } }],
        },
      ],
    },
    {
      id: 'off',
      title: 'Off',
      parent: 'g',
      scored: false,
      indicators: [{ id: 'b', title: 'B', stage: 'law', rule: { kind: 'boolean' } }],
    },
  ],
});

describe('compileFramework', () => {
  const compiled = compileFramework(framework);
  if (!compiled.ok) throw new Error(compiled.issues[0]?.message);
  const plan = compiled.value;
  const node = (id: string) => plan.nodes[plan.nodeIndex.get(id) as number];
  const children = (id: string) => Array.from(node(id)?.children ?? [], (c) => plan.nodes[c]?.id);

  it('builds the tree with dimension x stage cells and stages', () => {
    expect(children('overall')).toEqual(['g']);
    expect(children('g')).toEqual(['d']); // the unscored dimension is compiled but not counted
    expect(children('d')).toEqual(['d@law', 'd@practice']);
    expect(children('d@law')).toEqual(['a']); // the outcome indicator is reported, not counted
    expect(children('law')).toEqual(['d@law']); // no cell of the unscored dimension
    expect(children('off')).toEqual(['off@law']);
    expect(node('rate')?.scored).toBe(false);
  });

  it('addresses answers by id, alias and indicator.sub; composites are not answered', () => {
    expect(plan.answerIndex.get('q.ex')).toBe(plan.answerIndex.get('q.x'));
    expect(plan.answerIndex.get('q')).toBeLessThan(0);
    expect(plan.slots.length).toBe(4); // a, rate, q.x, b
  });

  it('orders evaluation so that inputs and children come first', () => {
    const position = new Map(Array.from(plan.order, (n, k) => [plan.nodes[n]?.id, k]));
    const precedes = (x: string, y: string) =>
      (position.get(x) as number) < (position.get(y) as number);
    expect(precedes('a', 'q')).toBe(true); // q's formula reads indicator a
    expect(precedes('q.x', 'q')).toBe(true);
    expect(precedes('d@law', 'law')).toBe(true);
    expect(precedes('g', 'overall')).toBe(true);
  });

  it('reports a formula cycle', () => {
    const cyclic = frameworkSchema.parse({
      ...framework,
      dimensions: [
        {
          id: 'd',
          title: 'D',
          indicators: [
            { id: 'u', title: 'U', rule: { kind: 'formula', expression: 'v' } },
            { id: 'v', title: 'V', rule: { kind: 'formula', expression: 'u' } },
          ],
        },
      ],
    });
    const r = compileFramework(cyclic);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toContain('FORMULA_CYCLE');
  });
});
