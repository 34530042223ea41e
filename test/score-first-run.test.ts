/**
 * The README's main job on the shipped example: no warning, a table that fits a 100-column
 * terminal; and repeated warnings of one code collapse into one line with a count unless
 * `--verbose` is given.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collapseWarnings, scoreCommand, TABLE_WIDTH } from '../src/cli/commands/score.js';
import { createIssue } from '../src/errors/issue.js';
import { runCli as run } from './support/cli.js';

const root = join(import.meta.dirname, '..');
const example = join(root, 'fixtures/niem/answers.csv');

describe('score on the shipped example (the README main job)', () => {
  it('prints no warning and a table that fits 100 columns', async () => {
    const r = await run(scoreCommand, '--framework', 'niem', example);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/warning/);
    expect(r.stderr).toContain('Read 1573 answers');
    const lines = r.stdout.split('\n');
    expect(lines.length).toBeGreaterThan(40);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(TABLE_WIDTH);
    // Long titles wrap in the header instead of widening the table.
    expect(r.stdout).toMatch(/^\s+Implementation$/m);
    expect(r.stdout).toMatch(/^Impact of reception on integration \(not scored\)\s+\d/m);
  });
});

describe('repeated warnings', () => {
  // The example's 2017 and 2019 rounds without the indicators new in 2021: two old periods,
  // so each edition warning code comes twice.
  const oldShaped = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ii-first-run-'));
    const file = join(dir, 'answers.csv');
    writeFileSync(
      file,
      readFileSync(example, 'utf8')
        .split('\n')
        .filter((l) => {
          const [, period, indicator = ''] = l.split(',');
          return (
            period === '2021' ||
            !(indicator.includes('_out_') || indicator === 'rec_pf_skills_screening')
          );
        })
        .join('\n'),
    );
    return { dir, file };
  };

  it('are one line per code with a count, and --verbose lists them all', async () => {
    const { dir, file } = oldShaped();
    try {
      const quiet = await run(scoreCommand, '--framework', 'niem', file, '--format', 'csv');
      const lines = quiet.stderr.split('\n').filter((l) => l.includes('warning EDITION_PERIOD'));
      expect(lines).toHaveLength(2);
      expect(lines[0]).toContain('(and 1 more EDITION_PERIOD_NOT_COMPARABLE warning;');
      expect(lines[1]).toContain('(and 1 more EDITION_PERIOD_RESCORED warning;');
      const verbose = await run(
        scoreCommand,
        '--framework',
        'niem',
        file,
        '--format',
        'csv',
        '--verbose',
      );
      const all = verbose.stderr.split('\n').filter((l) => l.includes('warning EDITION_PERIOD'));
      expect(all).toHaveLength(4);
      expect(all.some((l) => l.includes('--verbose'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('errors are never collapsed', () => {
    const error = createIssue(
      'SCORE_UNKNOWN_INDICATOR',
      { indicator: 'x' },
      { file: 'a.csv', row: 1 },
    );
    const warning = createIssue(
      'ANSWER_UNKNOWN_COLUMNS',
      { columns: ['x'] },
      { severity: 'warning' },
    );
    const lines = [error, error, warning, warning, warning].map((issue, i) => ({
      issue,
      text: String(i),
    }));
    expect(collapseWarnings(lines, false)).toEqual([
      '0',
      '1',
      '2 (and 2 more ANSWER_UNKNOWN_COLUMNS warnings; --verbose lists them)',
    ]);
    expect(collapseWarnings(lines, true)).toEqual(['0', '1', '2', '3', '4']);
  });
});
