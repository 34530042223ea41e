/**
 * `integration-index import mipex-scores`: exit codes, coded errors on stderr, and nothing
 * written on error unless `--partial`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli as cli } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mipex-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const header = 'country,year,area,column,code,sub_code,score';
const good = [
  header,
  'AT,2019,Labour Market Mobility,0,a,,50',
  'AT,2019,Labour Market Mobility,1,,aa1,50.0',
  'AT,2019,Family Reunification,0,b,,50',
  'AT,2019,Family Reunification,3,bb28,,83.0',
  'AT,2019,Family Reunification,4,,bb28a,50.0',
  'AT,2019,Family Reunification,5,,bb28b,100.0',
].join('\n');

describe('import mipex-scores', { timeout: 180_000 }, () => {
  it('writes a long answer file of leaves and exits 0', () => {
    const scores = join(dir, 'good.csv');
    const out = join(dir, 'good-answers.csv');
    writeFileSync(scores, `${good}\n`);
    const r = cli('import', 'mipex-scores', scores, '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(
      'unit,period,indicator,answer\nAT,2019,aa1,b\nAT,2019,bb28.bb28a,b\nAT,2019,bb28.bb28b,a\n',
    );
    expect(r.stderr).toContain('6 scores read: 3 imported, 3 left to the engine');
  });

  it('reports a score no option carries with file:line:col, writes nothing, exits 1', () => {
    const scores = join(dir, 'bad.csv');
    const out = join(dir, 'bad-answers.csv');
    writeFileSync(scores, `${good}\nAT,2019,Labour Market Mobility,2,,aa3,75.0\n`);
    const r = cli('import', 'mipex-scores', scores, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.csv:8:7 \[score\]: error MIPEX_SCORE_NO_OPTION: /);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(out)).toBe(false);

    const partial = cli('import', 'mipex-scores', scores, '--out', out, '--partial');
    expect(partial.code).toBe(1);
    expect(readFileSync(out, 'utf8').split('\n')).toHaveLength(5); // header + 3 rows + ''
  });

  it('treats a missing --out, an unknown flag and a missing file as it should', () => {
    expect(cli('import', 'mipex-scores', 'x.csv').code).toBe(2);
    expect(cli('import', 'mipex-scores', 'x.csv', '--out', 'y.csv', '--formt').code).toBe(2);
    const missing = cli('import', 'mipex-scores', join(dir, 'nope.csv'), '--out', 'y.csv');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('error FILE_NOT_FOUND');
  });

  it('prints its own usage with --help', () => {
    const r = cli('import', 'mipex-scores', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--partial');
    expect(r.stdout).toContain('--keep-unscored');
  });
});
