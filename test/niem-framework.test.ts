import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type Indicator, readAnswers, score, validateFramework } from '../src/index.js';
import { loadFrameworkDir, readFrameworkFiles } from '../src/node.js';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'indicators/niem');
const framework = loadFrameworkDir(dir);
const dimensions = framework.dimensions;
const scoredDimensions = dimensions.filter((d) => d.scored !== false);
const indicatorsOf = (ds: typeof dimensions): Indicator[] => ds.flatMap((d) => d.indicators ?? []);
const all = indicatorsOf(dimensions);
const scored = indicatorsOf(scoredDimensions).filter((i) => i.type === 'policy');
const stageCode: Record<string, string> = { lf: 'legal', pf: 'policy', ic: 'implementation' };

describe('the NIEM framework files', () => {
  test('validate with no errors and no warnings: every text is in English and Bulgarian', () => {
    const { valid, errors, warnings } = validateFramework(readFrameworkFiles(dir));
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
    expect(warnings).toEqual([]);
  });

  test('four groups, thirteen dimensions, reception collected but not scored', () => {
    expect(framework.id).toBe('niem');
    expect(framework.edition).toBe('2021');
    expect(framework.languages).toEqual(['en', 'bg']);
    expect(framework.groups?.map((g) => g.id)).toEqual([
      'general',
      'legal-integration',
      'socio-economic',
      'socio-cultural',
    ]);
    expect(dimensions).toHaveLength(13);
    expect(dimensions.filter((d) => d.scored === false).map((d) => d.id)).toEqual(['reception']);
    expect(scoredDimensions).toHaveLength(12);
    // Group weights are their numbers of scored dimensions, so the overall is the plain mean
    // of the twelve dimensions.
    for (const g of framework.groups ?? []) {
      expect(g.weight, g.id).toBe(scoredDimensions.filter((d) => d.parent === g.id).length);
    }
  });

  test('three stages rolled up by cells, three rounds with their reference dates', () => {
    expect(framework.stages?.map((s) => s.id)).toEqual(['legal', 'policy', 'implementation']);
    expect(framework.aggregation.stageRollup).toBe('cells');
    expect(framework.periods.map((p) => [p.id, p.referenceDate])).toEqual([
      ['2017', '2017-04-30'],
      ['2019', '2019-04-30'],
      ['2021', '2021-03-31'],
    ]);
    expect(framework.missing).toEqual({ noData: 'exclude', notApplicable: 'exclude', coverage: 0 });
  });

  test('153 scored indicators, each with a stage matching its id, sources and a basis', () => {
    expect(scored).toHaveLength(153);
    for (const ind of scored) {
      const code = ind.id.split('_')[1] as string;
      expect(ind.stage, ind.id).toBe(stageCode[code]);
      expect(ind.sources?.length, ind.id).toBeGreaterThan(0);
      expect(ind.basis, ind.id).toMatch(/^(found|inferred)$/);
      expect(ind.question, ind.id).toBeTruthy();
    }
    // Some dimensions have few policy or implementation indicators, as in NIEM.
    const count = (dim: string, stage: string) =>
      (dimensions.find((d) => d.id === dim)?.indicators ?? []).filter((i) => i.stage === stage)
        .length;
    expect(count('residency', 'policy')).toBe(1);
    expect(count('nationality', 'implementation')).toBe(1);
    expect(count('mainstreaming', 'legal')).toBe(1);
  });

  test('found and inferred counts match the catalogue (36 found of 162 candidates)', () => {
    const candidates = all.filter((i) => i.type === 'policy');
    expect(candidates).toHaveLength(162);
    expect(candidates.filter((i) => i.basis === 'found')).toHaveLength(36);
    expect(candidates.filter((i) => i.basis === 'inferred')).toHaveLength(126);
  });

  test('outcome indicators are numeric with a unit and never scored', () => {
    const outcomes = all.filter((i) => i.type === 'outcome');
    expect(outcomes).toHaveLength(14);
    for (const ind of outcomes) {
      expect(ind.rule.kind, ind.id).toBe('numeric');
      expect(ind.rule.kind === 'numeric' && ind.rule.unit, ind.id).toBeTruthy();
      expect(ind.scored, ind.id).toBeUndefined();
    }
  });

  test('choice options run from 0 to 100; richer rules where the subject needs them', () => {
    for (const ind of all) {
      if (ind.rule.kind !== 'choice') continue;
      const scores = ind.rule.options.map((o) => o.score);
      expect(
        [Math.max(...(scores as number[])), Math.min(...(scores as number[]))],
        ind.id,
      ).toEqual([100, 0]);
    }
    const kindOf = (id: string) => all.find((i) => i.id === id)?.rule.kind;
    expect(kindOf('res_lf_permit_duration_refugee')).toBe('bands');
    expect(kindOf('res_lf_permit_duration_bsp')).toBe('questions');
    expect(kindOf('mai_pf_national_strategy')).toBe('questions');
    expect(kindOf('lan_pf_flexibility')).toBe('multi');
    const subRules = all.flatMap((i) => (i.subquestions ?? []).map((s) => s.rule));
    expect(subRules.some((r) => r.kind === 'date' && r.mode === 'in-force')).toBe(true);
    expect(subRules.some((r) => r.kind === 'date' && r.mode === 'elapsed')).toBe(true);
  });
});

describe('the NIEM example answers', () => {
  test('answers.csv is what fixtures/niem/generate.ts writes', async () => {
    const { answersCsv } = await import('../fixtures/niem/generate.js');
    expect(readFileSync(join(root, 'fixtures/niem/answers.csv'), 'utf8')).toBe(answersCsv);
  });

  const answers = readAnswers([
    {
      path: 'fixtures/niem/answers.csv',
      content: readFileSync(join(root, 'fixtures/niem/answers.csv'), 'utf8'),
    },
  ]);
  const result = score(framework, answers);
  const rowOf = (unit: string, period: string) =>
    result.rows.unit.findIndex(
      (u, r) =>
        result.units[u] === unit && result.periods[result.rows.period[r] as number]?.id === period,
    );

  test('every row is read and accounted for; none rejected', () => {
    expect(answers.rejected).toEqual([]);
    expect(result.counts.rejected).toBe(0);
    expect(result.counts.read).toBe(
      result.counts.used + result.counts.superseded + result.counts.rejected,
    );
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  test('every unit and round has a score for each dimension x stage cell, stage and the overall', () => {
    expect(result.units).toEqual(['XA', 'XB', 'XC']);
    const cells = scoredDimensions.flatMap((d) =>
      (framework.stages ?? []).map((s) => `${d.id}@${s.id}`),
    );
    const nodes = [...cells, 'legal', 'policy', 'implementation', 'overall'];
    for (const unit of ['XA', 'XB', 'XC']) {
      for (const period of ['2017', '2019', '2021']) {
        const row = rowOf(unit, period);
        expect(row, `${unit} ${period}`).toBeGreaterThanOrEqual(0);
        for (const id of nodes) {
          const s = result.nodes.find((n) => n.id === id)?.score[row];
          expect(s, `${unit} ${period} ${id}`).toBeTypeOf('number');
          expect(s as number).toBeGreaterThanOrEqual(0);
          expect(s as number).toBeLessThanOrEqual(100);
        }
      }
    }
  });

  test('a strategy adopted after the reference date does not count (XC 2021)', () => {
    // .scope = b → 50; .in_force = 2021-06-01, after 2021-03-31 → 0; mean = 25.
    const s = result.nodes.find((n) => n.id === 'mai_pf_national_strategy')?.score[
      rowOf('XC', '2021')
    ];
    expect(s).toBe(25);
  });

  test('reception is reported but enters no stage or overall score', () => {
    const reception = result.nodes.find((n) => n.id === 'reception');
    expect(reception?.scored).toBe(false);
    expect(reception?.score[rowOf('XB', '2019')]).toBeTypeOf('number');
    const legal = result.nodes.find((n) => n.id === 'legal');
    expect(legal?.children.map((c) => c.id)).not.toContain('reception@legal');
  });
});
