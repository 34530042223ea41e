import { describe, expect, it } from 'vitest';
import type { AnswerRow, AnswerSet } from '../src/answers/types.js';
import { compileFramework, type ScoreResult, score } from '../src/engine/index.js';
import { type FrameworkInput, frameworkSchema } from '../src/framework/schema/framework.js';

const choice = {
  kind: 'choice' as const,
  options: [
    { code: 'a', label: 'A', score: 100 },
    { code: 'b', label: 'B', score: 50 },
    { code: 'c', label: 'C', score: 0 },
  ],
};

/** Two dimensions x two stages; d1 has 2 law and 1 practice indicators, d2 one of each. */
function framework(extra: Partial<FrameworkInput> = {}) {
  return frameworkSchema.parse({
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
        id: 'd1',
        title: 'D1',
        indicators: [
          { id: 'x1', title: 'x1', stage: 'law', rule: choice },
          { id: 'x2', title: 'x2', stage: 'law', rule: choice },
          { id: 'x3', title: 'x3', stage: 'practice', rule: choice },
        ],
      },
      {
        id: 'd2',
        title: 'D2',
        weight: 3,
        indicators: [
          { id: 'y1', title: 'y1', stage: 'law', rule: choice },
          { id: 'y2', title: 'y2', stage: 'practice', rule: choice },
        ],
      },
    ],
    ...extra,
  });
}

function answers(values: Record<string, string>): AnswerSet {
  const rows: AnswerRow[] = Object.entries(values).map(([indicator, answer], i) => ({
    unit: 'U',
    period: 'p',
    indicator,
    answer,
    origin: { file: 'a.csv', row: i + 1, line: i + 2, columns: {} },
  }));
  return { rows, rejected: [], read: rows.length, errors: [], warnings: [], files: ['a.csv'] };
}

const get = (r: ScoreResult, id: string) => r.nodes.find((n) => n.id === id)?.score[0];
// x1 100, x2 0, x3 50; y1 100, y2 0
const set = answers({ x1: 'a', x2: 'c', x3: 'b', y1: 'a', y2: 'c' });

describe('roll-up orders', () => {
  it('cells: indicators → dimension x stage → dimension and stage → overall (children)', () => {
    const r = score(framework(), set);
    expect(get(r, 'd1@law')).toBe(50);
    expect(get(r, 'd1')).toBe(50); // mean of cells 50 and 50
    expect(get(r, 'law')).toBe(87.5); // cells d1@law 50 (w 1), d2@law 100 (w 3)
    expect(get(r, 'practice')).toBe(12.5); // 50 (w 1), 0 (w 3)
    expect(get(r, 'overall')).toBe((50 + 3 * 50) / 4);
  });

  it('indicators: dimensions and stages aggregate indicators directly; overall of stages', () => {
    const r = score(
      framework({ aggregation: { stageRollup: 'indicators', overall: 'stages' } }),
      set,
    );
    expect(get(r, 'd1')).toBe(50); // (100 + 0 + 50) / 3
    expect(get(r, 'law')).toBeCloseTo(200 / 3, 12); // x1, x2, y1
    expect(get(r, 'practice')).toBe(25); // x3, y2
    expect(get(r, 'overall')).toBeCloseTo((200 / 3 + 25) / 2, 12);
  });

  it('uses the method set per node: min, median, gmean, genmean', () => {
    const base = framework();
    const withMethods = {
      ...base,
      dimensions: base.dimensions.map((d) =>
        d.id === 'd1' ? { ...d, aggregation: { method: 'min' as const } } : d,
      ),
    };
    const r = score(withMethods, set);
    expect(get(r, 'd1@law')).toBe(0);
    expect(get(r, 'd1')).toBe(0); // min of cells 0 and 50
    const g = score(framework({ aggregation: { method: 'genmean', p: 2 } }), set);
    expect(get(g, 'd1@law')).toBeCloseTo(Math.sqrt(5000), 12);
  });

  it('refuses methods the engine does not implement, and genmean without p', () => {
    const copeland = compileFramework(framework({ aggregation: { method: 'copeland' } }));
    expect(copeland.ok).toBe(false);
    if (!copeland.ok) expect(copeland.issues[0]?.code).toBe('SCORE_METHOD_UNSUPPORTED');
    const noP = compileFramework(framework({ aggregation: { method: 'genmean' } }));
    expect(noP.ok).toBe(false);
    if (!noP.ok) expect(noP.issues[0]?.code).toBe('SCORE_METHOD_NEEDS_P');
  });

  it('does not modify the framework or the answers it is given', () => {
    const fw = framework();
    const before = JSON.stringify(fw);
    const frozen = answers({ x1: 'a' });
    Object.freeze(frozen.rows);
    for (const row of frozen.rows) Object.freeze(row);
    score(fw, frozen);
    expect(JSON.stringify(fw)).toBe(before);
  });
});

describe('formulas over ids with "-"', () => {
  it('scores a formula that reads a dashed indicator id in backticks', () => {
    const fw = frameworkSchema.parse({
      id: 't',
      title: 'T',
      edition: '1',
      version: '1.0.0',
      periods: [{ id: 'p', referenceDate: '2020-01-01' }],
      dimensions: [
        {
          id: 'd',
          title: 'D',
          indicators: [
            { id: 'x-1', title: 'x-1', rule: choice },
            { id: 'f', title: 'f', rule: { kind: 'formula', expression: '100 - `x-1`' } },
          ],
        },
      ],
    });
    const r = score(fw, answers({ 'x-1': 'b' }));
    expect(get(r, 'x-1')).toBe(50);
    expect(get(r, 'f')).toBe(50);
    const high = score(fw, answers({ 'x-1': 'c' }));
    expect(get(high, 'f')).toBe(100);
  });
});
