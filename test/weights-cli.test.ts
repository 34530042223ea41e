/**
 * `--weight NODE=W` on the commands that score: the run's weights, in every number and in the
 * provenance stamp, which `verify` re-applies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../src/cli/commands/export.js';
import { scoreCommand } from '../src/cli/commands/score.js';
import type { ScoreResult } from '../src/index.js';
import { loadFrameworkDir, resolveFramework, verifyResultFile } from '../src/node.js';
import { runCli as run, tempWorkDir } from './support/cli.js';

const root = join(import.meta.dirname, '..');
const answers = join(root, 'fixtures/niem/answers.csv');
const work = tempWorkDir('ii-weights-');

async function scoreJson(...extra: string[]): Promise<ScoreResult> {
  const r = await run(scoreCommand, '--framework', 'niem', answers, '--format', 'json', ...extra);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ScoreResult;
}

const byId = (result: ScoreResult, id: string) => result.nodes.find((n) => n.id === id);

describe('--weight', () => {
  it('sets a dimension to 0: its group becomes the mean of its other dimensions', async () => {
    const base = await scoreJson();
    const zero = await scoreJson('--weight', 'housing=0');
    // NIEM: overall <- groups <- dimensions, unweighted means; housing is socio-economic.
    const siblings = base.nodes.filter(
      (n) => n.parent === 'socio-economic' && n.scored && n.id !== 'housing',
    );
    const groups = zero.nodes.filter((n) => n.parent === zero.rootId && n.kind === 'group');
    // The groups keep the weights the framework gives them.
    const groupWeights = new Map(
      (loadFrameworkDir(resolveFramework('niem')).groups ?? []).map((g) => [g.id, g.weight]),
    );
    expect(siblings.length).toBe(4);
    const mean = (xs: (number | null)[]) => {
      const present = xs.filter((s): s is number => s !== null);
      return present.reduce((a, b) => a + b, 0) / present.length;
    };
    for (let r = 0; r < base.rows.unit.length; r++) {
      expect(byId(zero, 'socio-economic')?.score[r]).toBeCloseTo(
        mean(siblings.map((d) => d.score[r] ?? null)),
        9,
      );
      const w = groups.map((g) => groupWeights.get(g.id) as number);
      const sum = groups.reduce((a, g, i) => a + (w[i] as number) * (g.score[r] as number), 0);
      expect(byId(zero, 'overall')?.score[r]).toBeCloseTo(sum / w.reduce((a, b) => a + b, 0), 9);
      // The other groups are untouched.
      expect(byId(zero, 'legal-integration')?.score[r]).toBe(
        byId(base, 'legal-integration')?.score[r],
      );
    }
    // The dimension itself keeps its score; the overall moved.
    expect(byId(zero, 'housing')?.score).toEqual(byId(base, 'housing')?.score);
    expect(byId(zero, 'overall')?.score).not.toEqual(byId(base, 'overall')?.score);
    expect(zero.provenance?.options.weights).toEqual({ housing: 0 });
  });

  it('accepts repeated and comma-separated overrides alike', async () => {
    const a = await scoreJson('--weight', 'housing=2', '--weight', 'legal=0.5');
    const b = await scoreJson('--weight', 'housing=2,legal=0.5');
    expect(a.nodes.map((n) => n.score)).toEqual(b.nodes.map((n) => n.score));
    expect(a.provenance?.options.weights).toEqual({ housing: 2, legal: 0.5 });
  });

  it('is a usage error when malformed, a coded error when the node is unknown', async () => {
    const bad = await run(scoreCommand, '--framework', 'niem', answers, '--weight', 'housing');
    expect(bad.code).toBe(2);
    await expect(
      run(scoreCommand, '--framework', 'niem', answers, '--weight', 'housng=1'),
    ).rejects.toMatchObject({ issues: [{ code: 'SCORE_WEIGHT_UNKNOWN_NODE' }] });
  });

  it('reaches export, and verify re-scores a saved result with its weights', async () => {
    const csv = join(work, 'wide.csv');
    const r = await run(
      exportCommand,
      '--framework',
      'niem',
      answers,
      '--format',
      'wide',
      '--level',
      'overall',
      '--decimals',
      'full',
      '--weight',
      'housing=0',
      '--out',
      csv,
    );
    expect(r.code).toBe(0);
    const zero = await scoreJson('--weight', 'housing=0');
    const rows = parse(readFileSync(csv, 'utf8'), { columns: true }) as Record<string, string>[];
    const row = zero.rows.unit.findIndex(
      (u, i) =>
        zero.units[u] === 'XA' && zero.periods[zero.rows.period[i] as number]?.id === '2021',
    );
    const xa = rows.find((x) => x.unit === 'XA' && x.period === '2021');
    expect(Number(xa?.overall)).toBeCloseTo(byId(zero, 'overall')?.score[row] as number, 9);

    const out = join(work, 'result.json');
    const saved = await run(
      scoreCommand,
      '--framework',
      'niem',
      answers,
      '--format',
      'json',
      '--weight',
      'housing=0',
      '--out',
      out,
    );
    expect(saved.code).toBe(0);
    const v = await verifyResultFile(out);
    expect(v.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(v.checked).toBeGreaterThan(0);
  });
});
