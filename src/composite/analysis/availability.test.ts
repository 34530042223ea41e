import { describe, expect, it } from 'vitest';
import { readCoinr } from '../data/read.js';
import { dataAvailability, denominatorCorrelations } from './availability.js';
import { correlationPValue, correlationPValues } from './pvalues.js';

const iMeta = `Level,iCode,Direction,Weight,Parent,Type
1,a,1,1,P,Indicator
1,b,1,1,P,Indicator
1,c,1,1,Q,Indicator
2,P,1,1,Index,Aggregate
2,Q,1,1,Index,Aggregate
3,Index,1,1,,Aggregate
,Pop,,,,Denominator`;
const iData = `uCode,Pop,a,b,c
U1,10,1,0,NA
U2,20,2,NA,NA
U3,30,3,5,1
U4,40,4,2,0
U5,50,6,1,2`;
const loaded = readCoinr(iData, iMeta);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const data = loaded.value;

describe("p-values (COINr get_pvals via R's cor.test)", () => {
  it("matches Student's t table: t = 2.228 (df 10) is p = 0.05, t = 3.169 is p = 0.01", () => {
    const rOf = (t: number, df: number) => t / Math.sqrt(t * t + df);
    expect(correlationPValue(rOf(2.228139, 10), 12)).toBeCloseTo(0.05, 6);
    expect(correlationPValue(rOf(3.169273, 10), 12)).toBeCloseTo(0.01, 6);
    expect(correlationPValue(-rOf(2.228139, 10), 12)).toBeCloseTo(0.05, 6);
    expect(correlationPValue(0, 30)).toBe(1);
    expect(correlationPValue(0.9, 2)).toBeNaN();
  });

  it('a matrix over pairwise complete rows, 0 on the diagonal', () => {
    const r = correlationPValues(data.raw, ['a', 'b', 'c']);
    expect(r.p[0]?.[0]).toBe(0);
    expect(r.n[0]?.[1]).toBe(4); // U2 lacks b
    expect(r.n[1]?.[2]).toBe(3);
    expect(r.p[0]?.[1]).toBeCloseTo(correlationPValue(r.r[0]?.[1] as number, 4), 15);
    expect(r.p[1]?.[0]).toBe(r.p[0]?.[1]);
  });
});

describe('data availability (COINr get_data_avail)', () => {
  it('counts missing and zero values per unit and availability per group', () => {
    const t = dataAvailability(data.meta, data.units, data.raw);
    expect(t[0]).toMatchObject({ unit: 'U1', missing: 1, zeros: 1, missingOrZero: 2 });
    expect(t[0]?.availability).toBeCloseTo(2 / 3, 15);
    expect(t[0]?.nonZero).toBeCloseTo(1 / 2, 15);
    expect(t[0]?.byGroup).toEqual({ P: 1, Q: 0, Index: 2 / 3 });
    expect(t[1]?.byGroup).toEqual({ P: 0.5, Q: 0, Index: 1 / 3 });
    expect(t[3]).toMatchObject({ unit: 'U4', missing: 0, zeros: 1, availability: 1 });
  });
});

describe('denominator correlations (COINr get_denom_corr)', () => {
  it('lists pairs above the threshold with their p-value', () => {
    const all = denominatorCorrelations(data.units, data.raw, { threshold: 0 });
    expect(all.map((x) => x.indicator)).toEqual(['a', 'b', 'c']);
    const a = all[0];
    // a = (1, 2, 3, 4, 6) against Pop = (10, ..., 50): r = 0.9864
    const x = [1, 2, 3, 4, 6];
    const y = [10, 20, 30, 40, 50];
    const mx = 3.2;
    const my = 30;
    const sxy = x.reduce((s, v, i) => s + (v - mx) * ((y[i] as number) - my), 0);
    const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
    const syy = y.reduce((s, v) => s + (v - my) ** 2, 0);
    expect(a?.correlation).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 14);
    expect(a?.n).toBe(5);
    expect(a?.pValue).toBeCloseTo(correlationPValue(a?.correlation as number, 5), 15);
    const strong = denominatorCorrelations(data.units, data.raw);
    expect(strong.map((s) => s.indicator)).toEqual(
      ['a', 'c'].filter(
        (c) => Math.abs(all.find((z) => z.indicator === c)?.correlation as number) > 0.6,
      ),
    );
  });
});
