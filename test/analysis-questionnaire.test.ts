import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisSpecInput } from '../src/analysis/assumptions/schema.js';
import { gains } from '../src/analysis/gains/gains.js';
import type { AnalysisModel } from '../src/analysis/model.js';
import {
  compileQuestionnaireModel,
  type QuestionnaireModelInput,
} from '../src/analysis/models/questionnaire.js';
import { runSensitivity } from '../src/analysis/sensitivity/sensitivity.js';
import { runUncertainty, safeRunUncertainty } from '../src/analysis/uncertainty/uncertainty.js';
import { whatIf } from '../src/analysis/whatif/whatif.js';
import { readAnswers } from '../src/answers/read/index.js';
import { score } from '../src/engine/index.js';
import { loadFrameworkDir } from '../src/node/framework.js';

let input: QuestionnaireModelInput;
let model: AnalysisModel;

const spec: AnalysisSpecInput = {
  seed: 7,
  samples: 40,
  assumptions: [
    { name: 'Weights', kind: 'weights', levels: [{ level: 'dimension', factor: 0.5 }] },
    { name: 'Aggregation', kind: 'aggregation', methods: ['amean', 'median'] },
    { name: 'Missing', kind: 'missing', alternatives: [{ noData: 'exclude' }, { noData: 'zero' }] },
    { name: 'Leave one out', kind: 'exclude', level: 'dimension' },
  ],
};

beforeAll(() => {
  const framework = loadFrameworkDir('indicators/niem');
  const answers = readAnswers([
    {
      path: 'fixtures/niem/answers.csv',
      content: readFileSync('fixtures/niem/answers.csv', 'utf8'),
    },
  ]);
  input = { framework, answers, period: '2021' };
  const m = compileQuestionnaireModel(input);
  if (!m.ok) throw new Error('NIEM did not compile');
  model = m.value;
});

describe('the questionnaire model (NIEM example answers)', () => {
  it('reproduces the engine nominal overall scores', () => {
    const result = score(input.framework, input.answers);
    const node = result.nodes.find((n) => n.id === 'overall');
    const period = result.periods.findIndex((p) => p.id === '2021');
    const expected = model.description.units.map((unit) => {
      const row = result.rows.unit.findIndex(
        (u, r) => result.units[u] === unit && result.rows.period[r] === period,
      );
      return node?.score[row] ?? null;
    });
    expect(model.description.units).toEqual(['XA', 'XB', 'XC']);
    expect(Array.from(model.evaluate({}, 'overall'))).toEqual(expected);
  });

  it('names levels by the framework and numbers them from the indicators up', () => {
    const ids = model.description.levels.map((l) => l.id);
    expect(ids[0]).toBe('indicator');
    expect(ids.at(-1)).toBe('overall');
    expect(ids).toContain('dimension');
  });

  it('leaving a dimension out changes its parents and only them', () => {
    const base = model.evaluate({}, 'overall');
    const without = model.evaluate({ exclude: ['housing'] }, 'overall');
    expect(Array.from(without)).not.toEqual(Array.from(base));
    const legal = model.evaluate({ exclude: ['housing'] }, 'legal-integration');
    expect(Array.from(legal)).toEqual(Array.from(model.evaluate({}, 'legal-integration')));
  });

  it('runs both analyses reproducibly for a seed', async () => {
    const a = await runUncertainty(model, spec);
    expect(await runUncertainty(model, spec)).toEqual(a);
    expect(a.units.map((u) => u.unit)).toEqual(['XA', 'XB', 'XC']);
    const s = await runSensitivity(model, spec);
    expect(s.runs).toBe(40 * 6);
    expect(s.indices.map((i) => i.assumption)).toEqual(spec.assumptions.map((x) => x.name));
  });

  it('refuses normalisation and imputation on a questionnaire', async () => {
    const r = await safeRunUncertainty(model, {
      assumptions: [
        { name: 'N', kind: 'normalisation', alternatives: [{ method: 'zscore' }] },
        { name: 'I', kind: 'imputation', alternatives: [{ method: 'mean' }] },
        { name: 'W', kind: 'winmax', range: [1, 3] },
        { name: 'A', kind: 'aggregation', methods: ['copeland'] },
      ],
    });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual([
      'ANALYSIS_STEP_MISSING',
      'ANALYSIS_STEP_MISSING',
      'ANALYSIS_STEP_MISSING',
      'ANALYSIS_BAD_OPTIONS',
    ]);
  });
});

describe('whatIf', () => {
  it('reports every score and rank that moves', () => {
    const r = whatIf(input, 'XC', [{ indicator: 'mai_lf_equal_treatment_clause', answer: 'a' }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const moved = Object.fromEntries(r.value.scores.map((s) => [s.node, s.delta]));
    expect(moved.mai_lf_equal_treatment_clause).toBeGreaterThan(0);
    expect(moved.overall).toBeGreaterThan(0);
    expect(moved.residency).toBeUndefined();
    expect(r.value.changes[0]).toMatchObject({ to: expect.stringContaining('a') });
  });

  it('changing nothing moves nothing; an answer set back moves nothing', () => {
    const r = whatIf(input, 'XA', []);
    expect(r.ok && r.value.scores).toEqual([]);
  });

  it('refuses unknown units, indicators and bad answers with codes', () => {
    const unit = whatIf(input, 'ZZ', []);
    expect(unit.ok ? [] : unit.issues.map((i) => i.code)).toEqual(['ANALYSIS_UNKNOWN_UNIT']);
    const bad = whatIf(input, 'XA', [
      { indicator: 'nope', answer: 'a' },
      { indicator: 'mai_lf_equal_treatment_clause', answer: 'zz' },
    ]);
    expect(bad.ok ? [] : bad.issues.map((i) => i.code)).toEqual([
      'ANALYSIS_UNKNOWN_INDICATOR',
      'ANALYSIS_BAD_ANSWER',
    ]);
  });
});

describe('gains', () => {
  it('answers "what should XC change first", largest overall gain first', () => {
    const r = gains(input, 'XC');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const g = r.value.gains;
    expect(g.length).toBeGreaterThan(10);
    for (let i = 1; i < g.length; i++) {
      expect((g[i - 1]?.overall.delta as number) + 1e-9).toBeGreaterThanOrEqual(
        g[i]?.overall.delta as number,
      );
    }
    for (const x of g) {
      expect(x.to.score).toBeGreaterThan(x.from.score);
      // Mean aggregation: raising an answer never lowers the overall score.
      expect(x.overall.delta).toBeGreaterThanOrEqual(-1e-9);
    }
  });

  it('agrees with what-if on every gain it reports (property)', () => {
    const r = gains(input, 'XB');
    if (!r.ok) throw new Error('gains failed');
    const list = r.value.gains.filter((x) => x.to.answer !== null);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: list.length - 1 }), (i) => {
        const g = list[i];
        if (!g) return;
        const code = (g.to.answer as string).split(/[\s:]/)[0] as string;
        const w = whatIf(input, 'XB', [{ indicator: g.indicator, answer: code }]);
        if (!w.ok) return; // descriptions that are not answer codes (open numeric rules)
        const overall = w.value.scores.find((s) => s.node === 'overall');
        expect(overall?.delta ?? 0).toBeCloseTo(g.overall.delta, 9);
      }),
      { numRuns: 15 },
    );
  });
});
