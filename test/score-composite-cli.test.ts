import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { spawnCli as cli } from './support/cli.js';

const root = join(import.meta.dirname, '..');
const reference = join(root, 'fixtures', 'reference', 'coinr-asem');
const idata = join(reference, 'asem_iData.csv');
const imeta = join(reference, 'asem_iMeta.csv');
const pipeline = join('test', 'fixtures', 'composite', 'asem.pipeline.yaml');

describe('score with --idata/--imeta (the COINr-style path)', () => {
  it('prints the normalised stage as COINr wide CSV, equal to COINr to 1e-9', () => {
    const r = cli(
      'score',
      '--idata',
      idata,
      '--imeta',
      imeta,
      '--pipeline',
      pipeline,
      '--stage',
      'normalised',
      '--wide',
      '--format',
      'csv',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const ours = parse(r.stdout, { columns: true }) as Record<string, string>[];
    const theirs = parse(readFileSync(join(reference, 'default_Normalised.csv'), 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    const byUnit = new Map(ours.map((row) => [row.uCode, row]));
    expect(byUnit.size).toBe(theirs.length);
    let compared = 0;
    for (const row of theirs) {
      const mine = byUnit.get(row.uCode as string);
      expect(mine, row.uCode).toBeDefined();
      for (const [code, value] of Object.entries(row)) {
        if (code === 'uCode' || value === '') continue;
        const a = Number(mine?.[code]);
        const b = Number(value);
        expect(Math.abs(a - b), `${row.uCode} ${code}`).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(b)),
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it('is a usage error to mix --framework with --idata, or to give neither', () => {
    const both = cli('score', '--framework', 'niem', '--idata', idata, '--imeta', imeta);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/either --framework/);
    const neither = cli('score', 'fixtures/niem/answers.csv');
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/Missing --framework/);
    const stray = cli(
      'score',
      '--framework',
      'niem',
      'fixtures/niem/answers.csv',
      '--stage',
      'raw',
    );
    expect(stray.code).toBe(2);
  });
});
