import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli as cli } from './support/cli.js';

const fixtures = join('test', 'fixtures', 'engine');

describe('CLI score and explain', () => {
  it('scores the rest of a file with planted bad rows, reports each, and exits 0', () => {
    const r = cli(
      'score',
      '--framework',
      fixtures,
      join(fixtures, 'answers.csv'),
      '--format',
      'csv',
      '--level',
      'overall',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `${join(fixtures, 'answers.csv')}:33:4 [answer]: error SCORE_NOT_A_NUMBER`,
    );
    expect(r.stderr).toContain(':35:3 [indicator]: error SCORE_UNKNOWN_INDICATOR');
    expect(r.stderr).toContain('Read 43 answers: 33 used, 2 superseded, 8 rejected.');
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      'unit,period,node,level,stage,score,coverage,rank',
      'XA,2019,overall,overall,,78.1,1.000,2',
    ]);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('exits 1 under --strict when rows were rejected, and 2 on a usage error', () => {
    expect(
      cli('score', '--framework', fixtures, join(fixtures, 'answers.csv'), '--strict').code,
    ).toBe(1);
    const bad = cli(
      'score',
      '--framework',
      fixtures,
      join(fixtures, 'answers.csv'),
      '--format',
      'xml',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown --format');
    const missing = cli('score', '--framework', fixtures, join(fixtures, 'no-such-answers.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('error FILE_NOT_FOUND');
    expect(missing.stderr).not.toContain('internal error');
  });

  it('explains a score down to the answers', () => {
    const r = cli(
      'explain',
      '--framework',
      fixtures,
      join(fixtures, 'answers.csv'),
      '--unit',
      'XA',
      '--period',
      '2019',
      '--node',
      'residency',
      '--decimals',
      '2',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('residency  Residency  62.50');
    expect(r.stdout).toContain('├─ residency@law  Residency × Law  50.00  × 0.500 = 25.00');
    expect(r.stdout).toContain('source: Aliens Act art. 12');
  });
});
