import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerSet } from '../../answers/types.js';
import { frameworkSchema } from '../../framework/schema/framework.js';
import { findRow, safeScore, score } from '../index.js';
import { applyWeights } from './index.js';

const linear = { kind: 'linear' as const, min: 0, max: 100 };
// Two dimensions x two stages; each cell holds one indicator, so every score is a hand sum.
const framework = frameworkSchema.parse({
  id: 't',
  title: 'T',
  edition: '1',
  version: '1.0.0',
  stages: [
    { id: 'law', title: 'Law' },
    { id: 'practice', title: 'Practice' },
  ],
  periods: [{ id: 'p', referenceDate: '2020-01-01' }],
  dimensions: [
    {
      id: 'housing',
      title: 'Housing',
      indicators: [
        { id: 'h1', title: 'H1', stage: 'law', rule: linear },
        { id: 'h2', title: 'H2', stage: 'practice', aliases: ['h2_old'], rule: linear },
      ],
    },
    {
      id: 'health',
      title: 'Health',
      indicators: [
        { id: 'e1', title: 'E1', stage: 'law', rule: linear },
        { id: 'e2', title: 'E2', stage: 'practice', rule: linear },
      ],
    },
  ],
});

const answers = (values: Record<string, number>): AnswerSet => {
  const rows = Object.entries(values).map(([indicator, v], i) => ({
    unit: 'U',
    period: 'p',
    indicator,
    answer: String(v),
    origin: { file: 'a.csv', row: i + 1, line: i + 2, columns: {} },
  }));
  return { rows, rejected: [], read: rows.length, errors: [], warnings: [], files: [] };
};
const values = { h1: 100, h2: 60, e1: 20, e2: 0 };

function scores(weights?: Record<string, number>) {
  const result = score(framework, answers(values), weights ? { weights } : {});
  const row = findRow(result, 'U', 'p') as number;
  const at = (id: string) => result.nodes.find((n) => n.id === id)?.score[row];
  return { result, at };
}

describe('applyWeights', () => {
  it('leaves the framework alone and shares what it does not change', () => {
    const r = applyWeights(framework, { housing: 2 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.dimensions?.[0]?.weight).toBe(2);
    expect(framework.dimensions?.[0]?.weight).toBe(1);
    expect(r.value.dimensions?.[1]).toEqual(framework.dimensions?.[1]);
  });

  it('reaches stages, indicators and aliases', () => {
    const r = applyWeights(framework, { law: 3, e1: 0.5, h2_old: 4 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.stages?.[0]?.weight).toBe(3);
    expect(r.value.dimensions?.[1]?.indicators?.[0]?.weight).toBe(0.5);
    expect(r.value.dimensions?.[0]?.indicators?.[1]?.weight).toBe(4);
  });

  it('names unknown nodes with a suggestion and refuses negative or non-finite weights', () => {
    const r = applyWeights(framework, { housng: 2, health: -1, law: Number.NaN });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.code).sort()).toEqual([
      'SCORE_WEIGHT_INVALID',
      'SCORE_WEIGHT_INVALID',
      'SCORE_WEIGHT_UNKNOWN_NODE',
    ]);
    const unknown = r.issues.find((i) => i.code === 'SCORE_WEIGHT_UNKNOWN_NODE');
    expect(unknown?.params).toMatchObject({ node: 'housng', suggestion: 'housing' });
    expect(unknown?.path).toEqual(['weights', 'housng']);
  });
});

describe('score with weight overrides', () => {
  it('scores as the framework says without overrides', () => {
    const { at } = scores();
    // Cells are the indicators; dimensions and stages the means of their cells.
    expect(at('housing')).toBe(80);
    expect(at('health')).toBe(10);
    expect(at('law')).toBe(60);
    expect(at('practice')).toBe(30);
    expect(at('overall')).toBe(45);
  });

  it('counts a dimension twice, in the overall and in every stage', () => {
    const { at } = scores({ housing: 2 });
    expect(at('overall')).toBeCloseTo((2 * 80 + 10) / 3, 12);
    expect(at('law')).toBeCloseTo((2 * 100 + 20) / 3, 12);
    expect(at('practice')).toBeCloseTo((2 * 60 + 0) / 3, 12);
    expect(at('housing')).toBe(80);
  });

  it('leaves a dimension of weight 0 out of every parent, still scoring it', () => {
    const { at } = scores({ health: 0 });
    expect(at('overall')).toBe(80);
    expect(at('law')).toBe(100);
    expect(at('practice')).toBe(60);
    expect(at('health')).toBe(10);
  });

  it('weighs a stage inside each dimension', () => {
    const { at } = scores({ law: 3 });
    expect(at('housing')).toBeCloseTo((3 * 100 + 60) / 4, 12);
    expect(at('health')).toBeCloseTo((3 * 20 + 0) / 4, 12);
  });

  it('gives an empty score when every child weighs 0', () => {
    const { at } = scores({ housing: 0, health: 0 });
    expect(at('overall')).toBeNull();
  });

  it('records the overrides in the provenance stamp, and null without them', () => {
    expect(scores({ housing: 2 }).result.provenance?.options.weights).toEqual({ housing: 2 });
    expect(scores().result.provenance?.options.weights).toBeNull();
  });

  it('fails with the coded issue for an unknown node', () => {
    const r = safeScore(framework, answers(values), { weights: { housng: 1 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.code).toBe('SCORE_WEIGHT_UNKNOWN_NODE');
  });

  it('equals the framework written with those weights (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        (h, e, s) => {
          const weights = { housing: h / 2, health: e / 2, practice: s / 2 };
          const written = applyWeights(framework, weights);
          if (!written.ok) return false;
          const a = score(framework, answers(values), { weights });
          const b = score(written.value, answers(values));
          return a.nodes.every((n, i) => {
            const other = b.nodes[i];
            return other !== undefined && n.score.every((x, r) => x === other.score[r]);
          });
        },
      ),
      { numRuns: 50 },
    );
  });
});
