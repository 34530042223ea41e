import { describe, expect, it } from 'vitest';
import type { AnswerSet } from '../../answers/types.js';
import { frameworkSchema } from '../../framework/schema/framework.js';
import { compileFramework } from '../compile/index.js';
import { prepareAnswers } from '../prepare/index.js';
import { evaluate, evaluationWorkspace, Reason } from './index.js';

const linear = { kind: 'linear' as const, min: -100, max: 100 };
const framework = frameworkSchema.parse({
  id: 't',
  title: 'T',
  edition: '1',
  version: '1.0.0',
  scale: { min: -100, max: 100 },
  periods: [{ id: 'p', referenceDate: '2020-01-01' }],
  dimensions: [
    {
      id: 'd',
      title: 'D',
      aggregation: { coverage: 0.5 },
      indicators: [
        { id: 'a', title: 'A', weight: 3, rule: linear },
        { id: 'b', title: 'B', rule: linear },
        { id: 'c', title: 'C', rule: linear },
      ],
    },
    {
      id: 'g',
      title: 'G',
      aggregation: { method: 'gmean' },
      indicators: [{ id: 'x', title: 'X', rule: linear }],
    },
  ],
});
const compiled = compileFramework(framework);
if (!compiled.ok) throw new Error('fixture');
const plan = compiled.value;

function run(answers: Record<string, string | null>, missing = {}) {
  const rows = Object.entries(answers).map(([indicator, answer], i) => ({
    unit: 'U',
    period: 'p',
    indicator,
    answer,
    origin: { file: 'a.csv', row: i + 1, line: i + 2, columns: {} },
  }));
  const set: AnswerSet = {
    rows,
    rejected: [],
    read: rows.length,
    errors: [],
    warnings: [],
    files: [],
  };
  const p = prepareAnswers(plan, set);
  if (!p.ok) throw new Error('prepare');
  const ev = evaluate(plan, p.value, { missing });
  const at = (id: string) => plan.nodeIndex.get(id) as number;
  return {
    score: (id: string) => ev.score[at(id)],
    reason: (id: string) => ev.reason[at(id)],
    counts: (id: string) => [ev.answered[at(id)], ev.notApplicable[at(id)], ev.missing[at(id)]],
  };
}

describe('evaluate', () => {
  it('renormalises weights over the children present', () => {
    const r = run({ a: '100', b: '0', c: null });
    expect(r.score('d')).toBe(75); // (3 x 100 + 1 x 0) / 4
    expect(r.counts('d')).toEqual([2, 0, 1]);
  });

  it('empties an aggregate below its coverage threshold (by weight) and says why', () => {
    const low = run({ a: null, b: '50', c: 'n/a' }); // 1 of 4 applicable weight present
    expect(Number.isNaN(low.score('d'))).toBe(true);
    expect(low.reason('d')).toBe(Reason.coverage);
    const enough = run({ a: '50', b: null, c: null }); // 3 of 5
    expect(enough.score('d')).toBe(50);
  });

  it('applies the not-applicable and no-data policies', () => {
    // `zero` means the scale's minimum, here -100: (3 x -100 + 100 + 100) / 5.
    expect(run({ a: 'n/a', b: '100', c: '100' }, { notApplicable: 'zero' }).score('d')).toBe(-20);
    expect(run({ a: 'n/a', b: '0', c: '0' }, { notApplicable: 'max' }).score('d')).toBe(60);
    const zero = run({ a: null, b: '100', c: '100' }, { noData: 'zero' });
    expect(zero.score('d')).toBe(-20);
    expect(zero.reason('a')).toBe(Reason.noData); // imputed, and says so
  });

  it('is not applicable when every child is, and undefined for a method it cannot apply', () => {
    expect(run({ a: 'n/a', b: 'n/a', c: 'n/a' }).score('d')).toBe(Number.NEGATIVE_INFINITY);
    const g = run({ x: '-50' });
    expect(Number.isNaN(g.score('g'))).toBe(true);
    expect(g.reason('g')).toBe(Reason.undefinedForMethod);
  });
});

describe('evaluate with a workspace', () => {
  const rows = (answers: Record<string, string | null>) =>
    Object.entries(answers).map(([indicator, answer], i) => ({
      unit: 'U',
      period: 'p',
      indicator,
      answer,
      origin: { file: 'a.csv', row: i + 1, line: i + 2, columns: {} },
    }));
  const prepare = (answers: Record<string, string | null>) => {
    const r = rows(answers);
    const p = prepareAnswers(plan, {
      rows: r,
      rejected: [],
      read: r.length,
      errors: [],
      warnings: [],
      files: [],
    });
    if (!p.ok) throw new Error('prepare');
    return p.value;
  };

  it('reuses its arrays between runs and gives what a fresh run gives, with no value left over', () => {
    const ws = evaluationWorkspace();
    const full = prepare({ a: '100', b: 'n/a', c: '-50', x: '40' });
    const sparse = prepare({ a: null, b: null, c: '20', x: null });
    const first = evaluate(plan, full, { workspace: ws, missing: { notApplicable: 'max' } });
    const scoreArray = first.score;
    const answeredArray = first.answered;
    for (const [prepared, missing] of [
      [sparse, { noData: 'zero' as const }],
      [full, {}],
      [sparse, {}],
    ] as const) {
      const reused = evaluate(plan, prepared, { workspace: ws, missing });
      const fresh = evaluate(plan, prepared, { missing });
      expect(reused.score).toBe(scoreArray);
      expect(reused.answered).toBe(answeredArray);
      expect(Array.from(reused.score)).toEqual(Array.from(fresh.score));
      expect(Array.from(reused.reason)).toEqual(Array.from(fresh.reason));
      expect(Array.from(reused.answered)).toEqual(Array.from(fresh.answered));
      expect(Array.from(reused.notApplicable)).toEqual(Array.from(fresh.notApplicable));
      expect(Array.from(reused.missing)).toEqual(Array.from(fresh.missing));
    }
  });
});
