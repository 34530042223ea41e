import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFromRows } from '../data/dataset.js';
import { readCoinr } from '../data/read.js';
import type { UnitTable } from '../data/types.js';
import { compareBuilds } from './compare.js';
import {
  correlationFlags,
  correlationMatrix,
  cronbachAlpha,
  cronbachByGroup,
} from './correlation.js';
import { ranks, strengthsWeaknesses } from './ranks.js';
import { indicatorStatistics } from './statistics.js';
import { trends } from './trends.js';
import { effectiveWeights, pcaWeights } from './weights.js';

const units = (
  codes: string[],
  periods?: number[],
  groups?: Record<string, string[]>,
): UnitTable => ({
  codes,
  names: codes.map(() => null),
  periods: periods ?? codes.map(() => null),
  groups: groups ?? {},
  denominators: {},
});

describe('effective weights', () => {
  it('multiplies shares down the ASEM tree and sums to 1 over the indicators', () => {
    const dir = join(import.meta.dirname, '../../../fixtures/reference/coinr-asem');
    const r = readCoinr(
      readFileSync(`${dir}/asem_iData.csv`, 'utf8'),
      readFileSync(`${dir}/asem_iMeta.csv`, 'utf8'),
    );
    if (!r.ok) throw new Error('ASEM did not load');
    const w = effectiveWeights(r.value.meta);
    expect(w.Index).toBe(1);
    expect(w.Conn).toBe(0.5);
    expect(w.LPI).toBeCloseTo(0.5 * 0.2 * 0.125, 15);
    const total = r.value.raw.codes.reduce((s, c) => s + (w[c] ?? 0), 0);
    expect(total).toBeCloseTo(1, 12);
    expect(effectiveWeights(r.value.meta, { Conn: 3 }).Conn).toBe(0.75);
  });
});

describe('statistics and correlations', () => {
  const ds = datasetFromRows(
    ['x', 'y', 'z', 'w'],
    [
      [1, 1, 3, 0],
      [2, 2, 1, 0],
      [3, 4, 2, 0],
      [4, 3, null, 5],
    ],
  );

  it('per-column statistics with COINr flags', () => {
    const s = indicatorStatistics(ds);
    expect(s[0]).toMatchObject({
      code: 'x',
      min: 1,
      max: 4,
      mean: 2.5,
      median: 2.5,
      available: 4,
      availability: 1,
    });
    expect(s[2]?.available).toBe(3);
    expect(s[3]?.flags.nonzero).toBe(true);
    // Two unique values of four units: exactly the 0.5 threshold, so not flagged.
    expect(s[3]?.flags.unique).toBe(false);
  });

  it('Pearson over pairwise complete rows, Spearman on average ranks', () => {
    const p = correlationMatrix(ds, ['x', 'y', 'z'], 'pearson');
    expect(p[0]?.[1]).toBeCloseTo(0.8, 12);
    // x and z on rows 1-3: x = 1, 2, 3 and z = 3, 1, 2.
    expect(p[0]?.[2]).toBeCloseTo(-0.5, 12);
    const s = correlationMatrix(ds, ['x', 'y'], 'spearman');
    expect(s[0]?.[1]).toBeCloseTo(0.8, 12);
  });

  it('flags collinear and negative pairs inside groups', () => {
    const meta = {
      nodes: [
        {
          code: 'x',
          level: 1,
          parent: 'G',
          direction: 1 as const,
          weight: 1,
          type: 'Indicator' as const,
        },
        {
          code: 'y',
          level: 1,
          parent: 'G',
          direction: 1 as const,
          weight: 1,
          type: 'Indicator' as const,
        },
        {
          code: 'z',
          level: 1,
          parent: 'G',
          direction: 1 as const,
          weight: 1,
          type: 'Indicator' as const,
        },
        { code: 'G', level: 2, direction: 1 as const, weight: 1, type: 'Aggregate' as const },
      ],
      groups: [],
      denominators: [],
      others: [],
    };
    expect(Object.keys(cronbachByGroup(meta, ds))).toEqual(['G']);
    expect(cronbachByGroup(meta, ds).G).toBeCloseTo(cronbachAlpha(ds, ['x', 'y', 'z']), 15);
    const flags = correlationFlags(meta, ds, { high: 0.7 });
    expect(flags.map((f) => [f.a, f.b, f.flag])).toEqual([
      ['x', 'y', 'collinear'],
      ['x', 'z', 'negative'],
    ]);
  });

  it("Cronbach's alpha is 1 for identical columns and k/(k-1)(1 - sum var/var total) otherwise", () => {
    const same = datasetFromRows(
      ['a', 'b'],
      [
        [1, 1],
        [2, 2],
        [4, 4],
      ],
    );
    expect(cronbachAlpha(same, ['a', 'b'])).toBeCloseTo(1, 12);
    const d = datasetFromRows(
      ['a', 'b'],
      [
        [1, 2],
        [2, 1],
        [3, 3],
      ],
    );
    // var a = var b = 1, cov = 0.5: alpha = 4 * 0.5 / (1 + 1 + 2 * 0.5) = 2/3.
    expect(cronbachAlpha(d, ['a', 'b'])).toBeCloseTo(2 / 3, 12);
  });

  it('PCA weights load equally on two identical columns and not on an uncorrelated one', () => {
    const d = datasetFromRows(
      ['a', 'b', 'c'],
      [
        [1, 1, 1],
        [2, 2, -1],
        [3, 3, -1],
        [4, 4, 1],
      ],
    );
    const p = pcaWeights(d, ['a', 'b', 'c']);
    expect(p.weights.a).toBeCloseTo(Math.SQRT1_2, 9);
    expect(p.weights.b).toBeCloseTo(Math.SQRT1_2, 9);
    expect(p.weights.c).toBeCloseTo(0, 9);
    expect(p.explained).toBeCloseTo(2 / 3, 9);
  });
});

describe('ranks, strengths and weaknesses, trends, comparisons', () => {
  const u = units(['A', 'B', 'C', 'D'], undefined, { Region: ['N', 'N', 'S', 'S'] });
  const ds = datasetFromRows(
    ['x', 'y'],
    [
      [10, 1],
      [30, 4],
      [30, 3],
      [5, 2],
    ],
  );

  it('ranks highest first with min ties, and within groups', () => {
    const r = ranks(u, ds, 'x', 'Region');
    expect(r.map((e) => [e.unit, e.rank, e.groupRank])).toEqual([
      ['B', 1, 1],
      ['C', 1, 1],
      ['A', 3, 2],
      ['D', 4, 2],
    ]);
  });

  it('strengths and weaknesses by rank among units', () => {
    const sw = strengthsWeaknesses(u, ds, 'D', { n: 1 });
    expect(sw.strengths).toEqual([{ code: 'y', score: 2, rank: 3 }]);
    expect(sw.weaknesses).toEqual([{ code: 'x', score: 5, rank: 4 }]);
  });

  it('CAGR and percentage change between the first and last observed periods', () => {
    const p = units(['A', 'A', 'A', 'B'], [2010, 2012, 2011, 2010]);
    const d = datasetFromRows(['g'], [[100], [121], [null], [7]]);
    expect(trends(p, d, 'g')).toEqual([
      {
        unit: 'A',
        code: 'g',
        from: 2010,
        to: 2012,
        first: 100,
        last: 121,
        cagr: expect.closeTo(0.1, 12),
        change: expect.closeTo(21, 12),
      },
    ]);
  });

  it('compares two builds, largest rank change first', () => {
    const other = datasetFromRows(
      ['x', 'y'],
      [
        [40, 1],
        [30, 4],
        [20, 3],
        [5, 2],
      ],
    );
    const c = compareBuilds(u, ds, other, 'x');
    expect(
      c
        .slice(0, 2)
        .map((d) => d.unit)
        .sort(),
    ).toEqual(['A', 'C']);
    expect(c.find((d) => d.unit === 'A')).toMatchObject({
      rankA: 3,
      rankB: 1,
      rankChange: -2,
      scoreChange: 30,
    });
    expect(c.find((d) => d.unit === 'D')).toMatchObject({ rankChange: 0, scoreChange: 0 });
  });
});
