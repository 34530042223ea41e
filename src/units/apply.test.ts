import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerRow, AnswerSet } from '../answers/types.js';
import { score } from '../engine/index.js';
import type { ScoreResult } from '../engine/result/schema.js';
import { scoreResultSchema } from '../engine/result/schema.js';
import { frameworkSchema } from '../framework/schema/framework.js';
import { applyUnits } from './apply.js';
import { readUnits } from './read.js';
import type { UnitRegistry } from './schema.js';

const options = ['a', 'b', 'c', 'd', 'e'].map((code, i) => ({
  code,
  label: code,
  score: 100 - 25 * i,
}));

/** One dimension with one indicator scoring a=100, b=75, c=50, d=25, e=0; two periods. */
const framework = frameworkSchema.parse({
  id: 't',
  title: 'T',
  edition: '1',
  version: '1.0.0',
  periods: [
    { id: 'p1', referenceDate: '2020-01-01' },
    { id: 'p2', referenceDate: '2021-01-01' },
  ],
  dimensions: [
    {
      id: 'd',
      title: 'D',
      indicators: [{ id: 'x', title: 'x', rule: { kind: 'choice', options } }],
    },
  ],
});

function answers(values: Record<string, Record<string, string>>): AnswerSet {
  const rows: AnswerRow[] = [];
  for (const [period, byUnit] of Object.entries(values)) {
    for (const [unit, answer] of Object.entries(byUnit)) {
      rows.push({
        unit,
        period,
        indicator: 'x',
        answer,
        origin: { file: 'a.csv', row: rows.length + 1, line: rows.length + 2, columns: {} },
      });
    }
  }
  return { rows, rejected: [], read: rows.length, errors: [], warnings: [], files: ['a.csv'] };
}

const unitsCsv = [
  'code,name_en,name_bg,level,parent,groups,population',
  'AT,Austria,Австрия,country,,EU27,',
  'BE,Belgium,Белгия,country,,EU27,',
  'BG,Bulgaria,България,country,,EU27,',
  'UK,United Kingdom,Обединено кралство,country,,,',
  'R,Region,Област,region,,,',
  'M1,Town 1,Град 1,municipality,R,R,100',
  'M2,Town 2,Град 2,municipality,R,R,300',
  'M3,Town 3,Град 3,municipality,R,R,600',
].join('\n');

function registry(): UnitRegistry {
  const r = readUnits({ path: 'units.csv', content: unitsCsv });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const scored = score(
  framework,
  answers({
    p1: { AT: 'a', BE: 'b', BG: 'c', UK: 'e', M1: 'a', M2: 'c', M3: 'e' },
    p2: { AT: 'b', BE: 'b', BG: 'a', M1: 'b' },
  }),
);

const row = (r: ScoreResult, unit: string, period: string): number =>
  r.rows.unit.findIndex(
    (u, i) => r.units[u] === unit && r.periods[r.rows.period[i] as number]?.id === period,
  );

function node(r: ScoreResult, id: string) {
  const n = r.nodes.find((x) => x.id === id);
  if (!n) throw new Error(id);
  return n;
}

describe('applyUnits: group summaries', () => {
  const r = applyUnits(scored, registry(), { groups: ['EU27'] });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const result = r.value;
  const eu = result.groups?.[0];
  const overall = eu?.nodes.find((n) => n.id === result.rootId);

  it('gives the EU27 mean, median, min, max and count by hand: p1 (100+75+50)/3, p2 (75+75+100)/3', () => {
    expect(eu?.members).toEqual(['AT', 'BE', 'BG']);
    expect(overall?.count).toEqual([3, 3]);
    expect(overall?.mean[0]).toBeCloseTo(75, 12);
    expect(overall?.mean[1]).toBeCloseTo(250 / 3, 12);
    expect(overall?.median).toEqual([75, 75]);
    expect(overall?.min).toEqual([50, 75]);
    expect(overall?.max).toEqual([100, 100]);
  });

  it('ranks within the group and gives each unit its distance to the group mean', () => {
    const at = (u: string, p: string) => row(result, u, p);
    expect(overall?.rank[at('AT', 'p1')]).toBe(1);
    expect(overall?.rank[at('BE', 'p1')]).toBe(2);
    expect(overall?.rank[at('BG', 'p1')]).toBe(3);
    // Ties share the best rank: AT and BE both 75 in p2, behind BG's 100.
    expect([at('BG', 'p2'), at('AT', 'p2'), at('BE', 'p2')].map((i) => overall?.rank[i])).toEqual([
      1, 2, 2,
    ]);
    expect(overall?.distance[at('BG', 'p1')]).toBeCloseTo(-25, 12);
    expect(overall?.distance[at('UK', 'p1')]).toBeNull();
    expect(overall?.rank[at('UK', 'p1')]).toBeNull();
  });

  it('names units from the registry and stays valid result JSON', () => {
    const bg = result.units.indexOf('BG');
    expect(result.unitInfo?.[bg]?.name).toEqual({ en: 'Bulgaria', bg: 'България' });
    expect(scoreResultSchema.safeParse(JSON.parse(JSON.stringify(result))).success).toBe(true);
  });

  it('summarises a region as the group of its parts', () => {
    const g = applyUnits(scored, registry(), { groups: ['R'] });
    expect(g.ok && g.value.groups?.[0]?.nodes[0]?.mean[0]).toBeCloseTo(50, 12);
  });

  it('fails with UNITS_UNKNOWN_GROUP for a group nobody declares', () => {
    const g = applyUnits(scored, registry(), { groups: ['EU28'] });
    expect(g.ok ? [] : g.issues.map((i) => i.code)).toEqual(['UNITS_UNKNOWN_GROUP']);
  });
});

describe('applyUnits: levels', () => {
  it('ranks units only against their own level', () => {
    // Without a registry all seven units of p1 are ranked together: M1 ties AT at 1.
    expect(node(scored, scored.rootId).rank[row(scored, 'M1', 'p1')]).toBe(1);
    expect(node(scored, scored.rootId).rank[row(scored, 'BE', 'p1')]).toBe(3);
    const r = applyUnits(scored, registry());
    if (!r.ok) throw new Error('failed');
    const rank = (u: string) => node(r.value, r.value.rootId).rank[row(r.value, u, 'p1')];
    expect(['AT', 'BE', 'BG', 'UK'].map(rank)).toEqual([1, 2, 3, 4]);
    expect(['M1', 'M2', 'M3'].map(rank)).toEqual([1, 2, 3]);
  });

  it('derives nothing unless asked', () => {
    const r = applyUnits(scored, registry());
    expect(r.ok && r.value.units.includes('R')).toBe(false);
  });

  it('derives a region from its municipalities by mean, marked derived', () => {
    const r = applyUnits(scored, registry(), { derive: [{ level: 'region', method: 'mean' }] });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const res = r.value;
    const u = res.units.indexOf('R');
    expect(res.unitInfo?.[u]?.derived).toEqual({ method: 'mean', from: ['M1', 'M2', 'M3'] });
    const root = node(res, res.rootId);
    expect(root.score[row(res, 'R', 'p1')]).toBeCloseTo(50, 12);
    // p2: only M1 answered (75).
    expect(root.score[row(res, 'R', 'p2')]).toBeCloseTo(75, 12);
    // Alone at its level, the region ranks 1; countries are unaffected.
    expect(root.rank[row(res, 'R', 'p1')]).toBe(1);
    expect(root.rank[row(res, 'AT', 'p1')]).toBe(1);
    expect(node(res, 'x').answer?.[row(res, 'R', 'p1')]).toBeNull();
    // Rows of a period stay together.
    const periods = res.rows.period;
    expect([...periods].sort((a, b) => a - b)).toEqual(periods);
  });

  it('derives a population-weighted region: (100*100 + 300*50 + 600*0) / 1000 = 25', () => {
    const r = applyUnits(scored, registry(), {
      derive: [{ level: 'region', method: 'population-weighted' }],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(node(r.value, r.value.rootId).score[row(r.value, 'R', 'p1')]).toBeCloseTo(25, 12);
  });

  it('fails with UNITS_NO_POPULATION when a part has no population', () => {
    const reg = registry();
    reg.units = reg.units.map((u) =>
      u.code === 'M2' ? { ...u, population: undefined } : u,
    ) as typeof reg.units;
    const r = applyUnits(scored, reg, {
      derive: [{ level: 'region', method: 'population-weighted' }],
    });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['UNITS_NO_POPULATION']);
  });

  it('fails with UNITS_UNKNOWN_DERIVE_LEVEL when no unit of the level has parts', () => {
    const r = applyUnits(scored, registry(), { derive: [{ level: 'province', method: 'mean' }] });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['UNITS_UNKNOWN_DERIVE_LEVEL']);
  });

  it('warns once about units in the answers that the registry lacks', () => {
    const reg = registry();
    reg.units = reg.units.filter((u) => u.code !== 'UK');
    const r = applyUnits(scored, reg);
    expect(r.ok && r.warnings.map((i) => [i.code, i.params?.units])).toEqual([
      ['UNITS_NOT_IN_REGISTRY', ['UK']],
    ]);
  });
});

describe('applyUnits: invariants', () => {
  it('the group mean lies between min and max, and distances sum to zero', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 12 }),
        (picks) => {
          const units = picks.map((_, i) => `U${i}`);
          const res = score(
            framework,
            answers({ p1: Object.fromEntries(units.map((u, i) => [u, picks[i] as string])) }),
          );
          const reg: UnitRegistry = {
            source: 'u.yaml',
            units: units.map((code) => ({ code, level: 'country', groups: ['G'] })),
          };
          const r = applyUnits(res, reg, { groups: ['G'] });
          if (!r.ok) return false;
          const g = r.value.groups?.[0]?.nodes.find((n) => n.id === res.rootId);
          const mean = g?.mean[0] as number;
          const sum = (g?.distance ?? []).reduce<number>((s, d) => s + (d ?? 0), 0);
          return (
            mean >= (g?.min[0] as number) - 1e-9 &&
            mean <= (g?.max[0] as number) + 1e-9 &&
            Math.abs(sum) < 1e-9 &&
            g?.count[0] === picks.length &&
            g.rank.filter((x) => x === 1).length >= 1
          );
        },
      ),
    );
  });
});
