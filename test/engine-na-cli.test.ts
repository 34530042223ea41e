/** `score --na`: the not-applicable policy for one run, from the command line (issue 18). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreCommand } from '../src/cli/commands/score.js';
import { runCli } from './support/cli.js';

const fixtures = join('test', 'fixtures', 'engine');
const args = ['--framework', fixtures, join(fixtures, 'answers.csv'), '--format', 'csv'];

/** XB's score on a node under a not-applicable policy (XB answered one sub-question n/a). */
async function xb(node: string, ...extra: string[]): Promise<number> {
  const r = await runCli(scoreCommand, ...args, ...extra);
  expect(r.code, r.stderr).toBe(0);
  const line = r.stdout.split('\n').find((l) => l.startsWith(`XB,2019,${node},`));
  return Number(line?.split(',')[5]);
}

describe('score --na', () => {
  it('scores a not-applicable answer as left out, the minimum or the maximum', async () => {
    const exclude = await xb('conditions');
    expect(await xb('conditions', '--na', 'exclude')).toBe(exclude);
    const zero = await xb('conditions', '--na', 'zero');
    const max = await xb('conditions', '--na', 'max');
    expect(zero).toBeLessThan(max);
    expect(zero).toBeLessThanOrEqual(exclude);
    expect(max).toBeGreaterThanOrEqual(exclude);
  });

  it('combines with --missing and refuses an unknown policy (exit 2)', async () => {
    expect(Number.isFinite(await xb('conditions', '--na', 'max', '--missing', 'zero'))).toBe(true);
    const bad = await runCli(scoreCommand, ...args, '--na', 'drop');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--na');
  });
});
