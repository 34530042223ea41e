import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { variantOfRun } from '../design.js';
import type { AnalysisModel, Variant } from '../model.js';
import { runUncertainty } from '../uncertainty/uncertainty.js';
import { parseAnalysisSpec } from './parse.js';
import { pickAlternative, resolveAssumptions } from './resolve.js';
import type { AnalysisSpecInput } from './schema.js';

/**
 * A small numeric model: four units, three indicators under two pillars under an index; the
 * index is the weighted arithmetic (or geometric) mean of the pillars, each pillar the mean of
 * its indicators.
 */
const x: Record<string, number[]> = {
  a: [1, 2, 3, 4],
  b: [4, 3, 2, 1],
  c: [2, 2, 5, 1],
};
const pillars: Record<string, string[]> = { P: ['a', 'b'], Q: ['c'] };
const nominal: Record<string, number> = { a: 1, b: 1, c: 1, P: 1, Q: 2 };

function mean(values: number[], weights: number[], method: string): number {
  const w = weights.reduce((s, v) => s + v, 0);
  if (method === 'gmean')
    return Math.exp(values.reduce((s, v, i) => s + (weights[i] as number) * Math.log(v), 0) / w);
  return values.reduce((s, v, i) => s + (weights[i] as number) * v, 0) / w;
}

const toy: AnalysisModel = {
  description: {
    kind: 'toy',
    units: ['U1', 'U2', 'U3', 'U4'],
    steps: ['aggregate'],
    levels: [
      { number: 1, id: 'indicator', codes: ['a', 'b', 'c'] },
      { number: 2, id: 'pillar', codes: ['P', 'Q'] },
      { number: 3, id: 'index', codes: ['Index'] },
    ],
    components: [
      { code: 'a', level: 1, parent: 'P', weight: 1 },
      { code: 'b', level: 1, parent: 'P', weight: 1 },
      { code: 'c', level: 1, parent: 'Q', weight: 1 },
      { code: 'P', level: 2, parent: 'Index', weight: 1 },
      { code: 'Q', level: 2, parent: 'Index', weight: 2 },
      { code: 'Index', level: 3, weight: 1 },
    ],
    target: 'Index',
    targets: ['P', 'Q', 'Index'],
  },
  checkStepOptions: (step, options) =>
    step === 'aggregate' &&
    ['amean', 'gmean'].includes(String((options as { method: string }).method))
      ? []
      : ['not supported'],
  evaluate(v: Variant, target: string) {
    const w = (code: string) =>
      v.exclude?.includes(code) ? 0 : (v.weights?.get(code) ?? (nominal[code] as number));
    const method = v.aggregation?.method ?? 'amean';
    return Float64Array.from({ length: 4 }, (_, u) => {
      const pillar = (p: string) => {
        const kids = (pillars[p] as string[]).filter((k) => w(k) > 0);
        return kids.length === 0
          ? Number.NaN
          : mean(
              kids.map((k) => (x[k] as number[])[u] as number),
              kids.map(w),
              method,
            );
      };
      if (target !== 'Index') return pillar(target);
      const ps = ['P', 'Q'].filter((p) => w(p) > 0 && !Number.isNaN(pillar(p)));
      return mean(ps.map(pillar), ps.map(w), method);
    });
  },
};

const spec = (input: AnalysisSpecInput) => {
  const r = parseAnalysisSpec(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

describe('resolveAssumptions', () => {
  it('maps uniforms to alternatives by floor(u n)', () => {
    expect(pickAlternative(0, 3)).toBe(0);
    expect(pickAlternative(0.34, 3)).toBe(1);
    expect(pickAlternative(0.999999, 3)).toBe(2);
  });

  it('keeps noisy weights within ± factor of their nominal value (property)', () => {
    const s = spec({
      seed: 5,
      assumptions: [{ name: 'W', kind: 'weights', levels: [{ level: 'pillar', factor: 0.25 }] }],
    });
    const r = resolveAssumptions(toy, s);
    if (!r.ok) throw new Error('did not resolve');
    fc.assert(
      fc.property(fc.nat(10_000), (run) => {
        const v = variantOfRun(r.value, 'uncertainty', 5, 100, run);
        const p = v.weights?.get('P') as number;
        const q = v.weights?.get('Q') as number;
        expect(p).toBeGreaterThanOrEqual(0.75);
        expect(p).toBeLessThanOrEqual(1.25);
        expect(q).toBeGreaterThanOrEqual(1.5);
        expect(q).toBeLessThanOrEqual(2.5);
        expect(v.weights?.has('a')).toBe(false);
      }),
    );
  });

  it('samples every discrete alternative', () => {
    const s = spec({
      assumptions: [
        { name: 'A', kind: 'aggregation', methods: ['amean', 'gmean'] },
        { name: 'E', kind: 'exclude', level: 1 },
      ],
    });
    const r = resolveAssumptions(toy, s);
    if (!r.ok) throw new Error('did not resolve');
    expect(r.value.map((f) => f.labels)).toEqual([
      ['amean', 'gmean'],
      ['(none)', 'a', 'b', 'c'],
    ]);
    const seen = new Set<string>();
    for (let run = 0; run < 200; run++) {
      const v = variantOfRun(r.value, 'uncertainty', 1, 200, run);
      seen.add(`${v.aggregation?.method}/${v.exclude?.[0] ?? '-'}`);
    }
    expect(seen.size).toBe(8);
  });

  it('refuses top-level weights, duplicates and bad values, each with its path', () => {
    const r = resolveAssumptions(
      toy,
      spec({
        assumptions: [
          { name: 'W1', kind: 'weights', levels: [{ level: 'index', factor: 0.1 }] },
          { name: 'W2', kind: 'weights', levels: [{ level: 2, factor: 0.1 }] },
          { name: 'W3', kind: 'weights', levels: [{ level: 'pillar', factor: 0.2 }] },
          { name: 'A1', kind: 'aggregation', methods: ['amean'], levels: [1] },
          { name: 'A2', kind: 'aggregation', methods: ['median'] },
          { name: 'X', kind: 'exclude', level: 'index' },
        ],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['ANALYSIS_TOP_LEVEL', 'assumptions.0.levels.0'],
      ['ANALYSIS_DUPLICATE_ASSUMPTION', 'assumptions.2.levels.0'],
      ['ANALYSIS_BAD_RANGE', 'assumptions.3.levels.0'],
      ['ANALYSIS_DUPLICATE_ASSUMPTION', 'assumptions.4'],
      ['ANALYSIS_BAD_OPTIONS', 'assumptions.4.methods.0'],
      ['ANALYSIS_TOP_LEVEL', 'assumptions.5.level'],
    ]);
  });
});

describe('runUncertainty on the small model', () => {
  it('brackets the median rank by the 5th and 95th percentiles for any seed (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(2 ** 31), async (seed) => {
        const r = await runUncertainty(toy, {
          seed,
          samples: 30,
          assumptions: [
            { name: 'W', kind: 'weights', levels: [{ level: 2, factor: 0.9 }] },
            { name: 'A', kind: 'aggregation', methods: ['amean', 'gmean'] },
          ],
        });
        for (const u of r.units) {
          const { q5, median, q95 } = u.rank as { q5: number; median: number; q95: number };
          expect(q5).toBeLessThanOrEqual(median);
          expect(median).toBeLessThanOrEqual(q95);
          expect(q5).toBeGreaterThanOrEqual(1);
          expect(q95).toBeLessThanOrEqual(4);
          expect(u.score.q5 as number).toBeLessThanOrEqual(u.score.q95 as number);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('gives the nominal ranks exactly when nothing varies', async () => {
    const r = await runUncertainty(toy, {
      samples: 10,
      assumptions: [{ name: 'A', kind: 'aggregation', methods: ['amean'] }],
    });
    for (const u of r.units) {
      expect(u.rank.q5).toBe(u.nominal.rank);
      expect(u.rank.q95).toBe(u.nominal.rank);
      expect(u.score.median).toBeCloseTo(u.nominal.score as number, 12);
    }
  });
});
