/**
 * The built-in `local-services` framework (issue 17): it validates with every text in English
 * and Bulgarian, every indicator has a question, options and its source or basis, its example
 * (a fictional region with three municipalities and two rounds) scores, and a framework can
 * declare its units file and a derived level.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnswers } from '../src/answers/read/index.js';
import { scoreCommand } from '../src/cli/commands/score.js';
import { score } from '../src/engine/index.js';
import { findRow } from '../src/engine/result/rows.js';
import { validateFramework } from '../src/framework/load/load.js';
import { loadFrameworkDir, readFrameworkFiles } from '../src/node/framework.js';
import { runCli, tempWorkDir } from './support/cli.js';

const dir = join(import.meta.dirname, '..', 'indicators', 'local-services');
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'local-services');
const framework = loadFrameworkDir(dir);
const indicators = framework.dimensions.flatMap((d) => d.indicators ?? []);

describe('local-services framework', () => {
  it('validates with no error and no missing translation', () => {
    const v = validateFramework(readFrameworkFiles(dir));
    expect(v.errors).toEqual([]);
    expect(v.warnings).toEqual([]);
    expect(framework.languages).toEqual(['en', 'bg']);
  });

  it('has the six dimensions and the three NIEM-like stages', () => {
    expect(framework.dimensions.map((d) => d.id)).toEqual([
      'coordination',
      'information',
      'services',
      'language',
      'participation',
      'monitoring',
    ]);
    expect(framework.stages?.map((s) => s.id)).toEqual([
      'framework',
      'implementation',
      'collaboration',
    ]);
    expect(indicators.length).toBe(25);
  });

  it('gives every indicator a question, options and a note on its source or basis, in both languages', () => {
    for (const ind of indicators) {
      const both = (t: unknown) => typeof t === 'object' && t !== null && 'en' in t && 'bg' in t;
      expect(both(ind.title), ind.id).toBe(true);
      expect(both(ind.question), ind.id).toBe(true);
      expect(both(ind.notes), ind.id).toBe(true);
      expect(['found', 'inferred']).toContain(ind.basis);
      if (ind.basis === 'found') expect(ind.sources?.length, ind.id).toBeGreaterThan(0);
      expect(ind.rule.kind).toBe('choice');
      const options = (ind.rule as { options: { label: unknown }[] }).options;
      expect(options.length).toBeGreaterThanOrEqual(3);
      for (const o of options) expect(both(o.label), ind.id).toBe(true);
    }
  });
});

describe('local-services example', () => {
  const csv = readFileSync(join(fixtures, 'answers.csv'), 'utf8');
  const result = score(framework, readAnswers([{ path: 'answers.csv', content: csv }]));

  it('scores every answer of three municipalities in two rounds', () => {
    expect(result.counts).toEqual({ read: 150, used: 150, superseded: 0, rejected: 0 });
    expect(result.units).toEqual(['XP-SIN', 'XP-TIH', 'XP-YAV']);
    expect(result.periods.map((p) => p.id)).toEqual(['2024', '2025']);
  });

  it('gives an overall score equal to the mean of the six dimensions', () => {
    const r = findRow(result, 'XP-TIH', '2024');
    const dims = framework.dimensions.map(
      (d) => result.nodes.find((n) => n.id === d.id)?.score[r] as number,
    );
    const overall = result.nodes.find((n) => n.id === result.rootId)?.score[r] as number;
    expect(overall).toBeCloseTo(dims.reduce((a, b) => a + b, 0) / dims.length, 9);
  });

  it('takes its units and derived region from the framework when it declares them', async () => {
    const work = tempWorkDir('ii-local-services-');
    const copy = join(work, 'local-services');
    mkdirSync(copy);
    for (const f of readdirSync(dir)) copyFileSync(join(dir, f), join(copy, f));
    copyFileSync(join(fixtures, 'units.csv'), join(copy, 'units.csv'));
    writeFileSync(
      join(copy, 'framework.yaml'),
      `${readFileSync(join(dir, 'framework.yaml'), 'utf8')}units:\n  file: units.csv\n  derive: [{ level: region, method: mean }]\n`,
    );
    const r = await runCli(
      scoreCommand,
      '--framework',
      copy,
      join(fixtures, 'answers.csv'),
      '--format',
      'json',
      '--level',
      'overall',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const xp = out.units.indexOf('XP');
    expect(out.unitInfo[xp]).toMatchObject({
      name: { en: 'Predbalkan Region (fictional)', bg: 'Област Предбалкан (измислена)' },
      level: 'region',
      derived: { method: 'mean', from: ['XP-SIN', 'XP-YAV', 'XP-TIH'] },
    });
    const root = out.nodes[0];
    const at = (u: string) =>
      out.rows.unit.findIndex(
        (x: number, i: number) => out.units[x] === u && out.rows.period[i] === 0,
      );
    expect(root.score[at('XP')]).toBeCloseTo(
      (root.score[at('XP-SIN')] + root.score[at('XP-YAV')] + root.score[at('XP-TIH')]) / 3,
      9,
    );
  });
});
