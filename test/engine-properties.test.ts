import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerRow, AnswerSet } from '../src/answers/types.js';
import { type ScoreResult, score } from '../src/engine/index.js';
import { scoreResultSchema } from '../src/engine/result/schema.js';
import { parseFramework } from '../src/framework/load/load.js';
import type { Framework } from '../src/framework/schema/framework.js';

const dir = join(import.meta.dirname, 'fixtures', 'engine');
const framework = parseFramework([
  { path: 'framework.yaml', content: readFileSync(join(dir, 'framework.yaml'), 'utf8') },
]);

/** Valid answers per answer slot of the mini framework, plus no data and not applicable. */
const candidates: Record<string, string[]> = {
  permit: ['0', '0.5', '1', '2', '3', '10'],
  fee: ['a', 'b', 'c', 'x'],
  support: ['legal', 'info', 'legal|info', 'lang|info|legal', 'none'],
  wait: ['0', '3', '6', '12', '20'],
  sp_same: ['yes', 'no'],
  law_date: ['2010-01-01', '2019-06-01', '2021-01-01'],
  'conditions.income': ['yes', 'no'],
  'conditions.housing': ['yes', 'no'],
  access: ['yes', 'partly', 'no'],
  'recognition.a': ['yes', 'no'],
  'recognition.b': ['yes', 'no'],
  'mentoring.funded': ['yes', 'no'],
  'mentoring.national': ['yes', 'no'],
  employment_rate: ['10', '55.5'],
  housing_help: ['yes', 'no'],
};
const slots = Object.keys(candidates);

type Grid = { unit: string; period: string; answers: string[] }[];

const gridArb: fc.Arbitrary<Grid> = fc
  .uniqueArray(
    fc.record({
      unit: fc.constantFrom('AT', 'BE', 'BG', 'CZ', 'DE', 'EE'),
      period: fc.constantFrom('2019', '2021'),
    }),
    { minLength: 1, maxLength: 6, selector: (x) => `${x.unit}/${x.period}` },
  )
  .chain((keys) =>
    fc.tuple(
      ...keys.map((k) =>
        fc
          .tuple(...slots.map((s) => fc.constantFrom(...(candidates[s] as string[]), '', 'n/a')))
          .map((answers) => ({ ...k, answers })),
      ),
    ),
  );

function toAnswerSet(grid: Grid): AnswerSet {
  const rows: AnswerRow[] = [];
  for (const g of grid) {
    g.answers.forEach((answer, i) => {
      const n = rows.length + 1;
      rows.push({
        unit: g.unit,
        period: g.period,
        indicator: slots[i] as string,
        answer: answer === '' ? null : answer,
        origin: { file: 'gen.csv', row: n, line: n + 1, columns: { answer: 4 } },
      });
    });
  }
  return { rows, rejected: [], read: rows.length, errors: [], warnings: [], files: ['gen.csv'] };
}

function scoreOf(result: ScoreResult, node: string, unit: string, period: string): number | null {
  const n = result.nodes.find((x) => x.id === node);
  const u = result.units.indexOf(unit);
  const p = result.periods.findIndex((x) => x.id === period);
  const r = result.rows.unit.findIndex((x, k) => x === u && result.rows.period[k] === p);
  return r < 0 ? null : (n?.score[r] ?? null);
}

describe('engine properties', () => {
  it('keeps every score within the scale', () => {
    fc.assert(
      fc.property(gridArb, (grid) => {
        const result = score(framework, toAnswerSet(grid));
        for (const node of result.nodes) {
          for (const s of node.score) {
            if (s !== null) {
              expect(s).toBeGreaterThanOrEqual(result.scale.min);
              expect(s).toBeLessThanOrEqual(result.scale.max);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('does not depend on the order of the input rows', () => {
    fc.assert(
      fc.property(
        gridArb.chain((grid) => {
          const set = toAnswerSet(grid);
          return fc.tuple(
            fc.constant(set),
            fc.shuffledSubarray(set.rows, { minLength: set.rows.length }),
          );
        }),
        ([set, shuffled]) => {
          const a = score(framework, set);
          const b = score(framework, { ...set, rows: shuffled });
          expect(b.nodes).toEqual(a.nodes);
          expect(b.counts).toEqual(a.counts);
          expect(b.answers).toEqual(a.answers);
          const codes = (r: ScoreResult) => r.issues.map((i) => `${i.code}@${i.line}`).sort();
          expect(codes(b)).toEqual(codes(a));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('never lowers an ancestor when one answer scores higher (arithmetic means)', () => {
    const ladders: Record<string, string[]> = {
      permit: ['0', '1', '3'],
      fee: ['c', 'b', 'a'],
      access: ['no', 'partly', 'yes'],
      sp_same: ['no', 'yes'],
      wait: ['12', '6', '0'],
    };
    const ladderArb = fc.constantFrom(...Object.keys(ladders)).chain((slot) => {
      const ladder = ladders[slot] as string[];
      return fc.tuple(fc.nat(ladder.length - 1), fc.nat(ladder.length - 1)).map(([i, j]) => ({
        slot,
        low: ladder[Math.min(i, j)] as string,
        high: ladder[Math.max(i, j)] as string,
      }));
    });
    fc.assert(
      fc.property(gridArb, ladderArb, (grid, change) => {
        const k = slots.indexOf(change.slot);
        const first = grid[0] as Grid[number];
        const set = (v: string): Grid => [
          { ...first, answers: first.answers.map((a, i) => (i === k ? v : a)) },
          ...grid.slice(1),
        ];
        const lo = score(framework, toAnswerSet(set(change.low)));
        const hi = score(framework, toAnswerSet(set(change.high)));
        for (const node of lo.nodes) {
          const a = scoreOf(lo, node.id, first.unit, first.period);
          const b = scoreOf(hi, node.id, first.unit, first.period);
          if (a !== null && b !== null) expect(b).toBeGreaterThanOrEqual(a - 1e-9);
          if (a !== null && node.kind !== 'indicator') expect(b).not.toBeNull();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('treats a not applicable indicator as if it were not in the framework', () => {
    const removable = ['permit', 'fee', 'support', 'wait', 'sp_same', 'law_date', 'access'];
    fc.assert(
      fc.property(gridArb, fc.constantFrom(...removable), (grid, id) => {
        const k = slots.indexOf(id);
        const na = grid.map((g) => ({
          ...g,
          answers: g.answers.map((a, i) => (i === k ? 'n/a' : a)),
        }));
        const without: Framework = {
          ...framework,
          dimensions: framework.dimensions.map((d) => ({
            ...d,
            indicators: (d.indicators ?? []).filter((x) => x.id !== id),
          })),
        };
        const gone = grid.map((g) => ({ ...g, answers: g.answers }));
        const a = score(framework, toAnswerSet(na));
        const setB = toAnswerSet(gone);
        const b = score(without, {
          ...setB,
          rows: setB.rows.filter((r) => r.indicator !== id),
          read: setB.rows.length - grid.length,
        });
        for (const node of b.nodes) {
          const other = a.nodes.find((n) => n.id === node.id);
          expect(other?.score).toEqual(node.score);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('survives a JSON round trip and matches its schema', () => {
    fc.assert(
      fc.property(gridArb, (grid) => {
        const result = score(framework, toAnswerSet(grid));
        const copy = JSON.parse(JSON.stringify(result));
        expect(copy).toEqual(result);
        expect(scoreResultSchema.parse(copy)).toEqual(result);
      }),
      { numRuns: 30 },
    );
  });
});
