import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli as cli } from './support/cli.js';

const ref = join(import.meta.dirname, '../fixtures/reference/coinr-asem');
const fixtures = join('test', 'fixtures', 'analysis');

const asem = [
  '--idata',
  join(ref, 'asem_iData.csv'),
  '--imeta',
  join(ref, 'asem_iMeta.csv'),
  '--pipeline',
  join(fixtures, 'asem-pipeline.yaml'),
  '--spec',
  join(fixtures, 'asem-spec.yaml'),
];

describe('CLI uncertainty, sensitivity, gains, whatif', () => {
  it('runs the uncertainty analysis on ASEM as CSV, the same for a seed', () => {
    const a = cli('uncertainty', ...asem, '--samples', '20', '--format', 'csv');
    expect(a.code).toBe(0);
    const lines = a.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'unit,score,rank,median_rank,rank_q5,rank_q95,score_q5,score_q95,mean_rank',
    );
    expect(lines).toHaveLength(52);
    expect(lines[1]?.startsWith('CHE,')).toBe(true);
    const b = cli('uncertainty', ...asem, '--samples', '20', '--format', 'csv');
    expect(b.stdout).toBe(a.stdout);
    expect(a.stderr).toBe(''); // no progress bar when stderr is not a terminal
  });

  it('runs the sensitivity analysis on ASEM as JSON', () => {
    const r = cli('sensitivity', ...asem, '--samples', '20', '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.runs).toBe(120);
    expect(out.indices.map((i: { assumption: string }) => i.assumption)).toEqual([
      'Winmax',
      'Normalisation',
      'Weights',
      'Aggregation',
    ]);
  });

  it('reports spec problems with their line, exit 1, no stack trace', () => {
    const spec = join(tmpdir(), `h8-spec-${process.pid}.yaml`);
    writeFileSync(
      spec,
      'assumptions:\n  - { name: W, kind: winmax, range: [1, 5] }\n  - { name: X, kind: exclude, level: dimension, codes: [nowhere] }\n',
    );
    const r = cli(
      'uncertainty',
      '--framework',
      'niem',
      'fixtures/niem/answers.csv',
      '--spec',
      spec,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${spec}:2:5: error ANALYSIS_STEP_MISSING`);
    expect(r.stderr).toContain('error ANALYSIS_UNKNOWN_COMPONENT');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('says what XC should change first', () => {
    const r = cli(
      'gains',
      '--framework',
      'niem',
      'fixtures/niem/answers.csv',
      '--unit',
      'XC',
      '--period',
      '2021',
      '--top',
      '3',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^XC, 2021: change \S+ first/);
    const bad = cli('gains', '--framework', 'niem', 'fixtures/niem/answers.csv', '--unit', 'ZZ');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('ANALYSIS_UNKNOWN_UNIT');
  });

  it('shows what moves when answers change, and refuses a bad --set', () => {
    const r = cli(
      'whatif',
      '--framework',
      'niem',
      'fixtures/niem/answers.csv',
      '--unit',
      'XC',
      '--period',
      '2021',
      '--set',
      'mai_lf_equal_treatment_clause=a',
      '--format',
      'csv',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('overall,overall,49.96,52.74,2.78');
    const usage = cli(
      'whatif',
      '--framework',
      'niem',
      'fixtures/niem/answers.csv',
      '--unit',
      'XC',
      '--set',
      'nonsense',
    );
    expect(usage.code).toBe(2);
  });
});
