/**
 * Provenance end to end: `score --format json --out` stamps the result with the hashes of its
 * inputs; `verify` re-reads them, re-scores and confirms every number, or says what changed.
 */
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scoreCommand } from '../src/cli/commands/score.js';
import { verifyCommand } from '../src/cli/commands/verify.js';
import { LIBRARY_VERSION, type ScoreResult, sha256Hex } from '../src/index.js';
import { writeTablesXlsx } from '../src/io/xlsx/write.js';
import { verifyResultFile } from '../src/node.js';
import { runCli as run, tempWorkDir } from './support/cli.js';

const root = join(import.meta.dirname, '..');
const work = tempWorkDir('ii-provenance-');

afterEach(() => {
  vi.restoreAllMocks();
});

/** A folder with a copy of the NIEM answers; returns its path. */
function project(name: string): string {
  const dir = join(work, name);
  cpSync(join(root, 'fixtures/niem/answers.csv'), join(dir, 'answers.csv'));
  return dir;
}

const readResult = (path: string): ScoreResult => JSON.parse(readFileSync(path, 'utf8'));

describe('the provenance stamp', () => {
  it('records the framework, the hashes of every input, the library and the options', async () => {
    const dir = project('stamp');
    const out = join(dir, 'out', 'result.json');
    cpSync(join(dir, 'answers.csv'), join(dir, 'out', 'keep.txt')); // make out/
    const r = await run(
      scoreCommand,
      '--framework',
      'niem',
      join(dir, 'answers.csv'),
      '--as-of',
      '2021-01-01',
      '--missing',
      'zero',
      '--decimals',
      '2',
      '--format',
      'json',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    const stamp = readResult(out).provenance;
    expect(stamp?.framework).toMatchObject({
      id: 'niem',
      edition: '2021',
      version: '1.0.0',
      hashOf: 'files',
      source: 'niem',
      builtin: true,
    });
    expect(stamp?.framework.files.map((f) => f.path)).toContain('framework.yaml');
    expect(stamp?.framework.files).toHaveLength(14);
    const framework = readFileSync(join(root, 'indicators/niem/framework.yaml'));
    expect(stamp?.framework.files.find((f) => f.path === 'framework.yaml')?.sha256).toBe(
      sha256Hex(new Uint8Array(framework)),
    );
    expect(stamp?.answers).toEqual([
      {
        path: '../answers.csv',
        sha256: sha256Hex(new Uint8Array(readFileSync(join(dir, 'answers.csv')))),
      },
    ]);
    expect(stamp?.relativeTo).toBe('result');
    expect(stamp?.library).toEqual({ name: 'integration-index', version: LIBRARY_VERSION });
    expect(stamp?.options).toEqual({
      asOf: '2021-01-01',
      missing: { noData: 'zero', notApplicable: 'exclude', coverage: 0 },
      lang: null,
      decimals: 2,
      weights: null,
    });
    // verify re-scores with the recorded options.
    expect((await verifyResultFile(out)).ok).toBe(true);
  });

  it('records --sheet, and verify reads the same sheet of the workbook again', async () => {
    const dir = project('sheet');
    const rows = readFileSync(join(root, 'fixtures/niem/answers.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1, 40)
      .map((l) => l.split(',').slice(0, 4).map(String));
    const columns = ['unit', 'period', 'indicator', 'answer'].map((header) => ({ header }));
    // Two answer sheets that differ: the first is what a reader finds by default.
    const other = rows.map(([u = '', p = '', i = '']) => [u, p, i, 'c']);
    const book = join(dir, 'answers.xlsx');
    writeFileSync(
      book,
      await writeTablesXlsx([
        { name: 'Draft', columns, rows: other },
        { name: 'Final', columns, rows },
      ]),
    );
    const out = join(dir, 'result.json');
    const r = await run(
      scoreCommand,
      '--framework',
      'niem',
      book,
      '--sheet',
      'Final',
      '--format',
      'json',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    const saved = JSON.parse(readFileSync(out, 'utf8')) as ScoreResult;
    expect(saved.provenance?.options.sheet).toBe('Final');
    const verified = await verifyResultFile(out);
    expect(verified.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(verified.ok).toBe(true);
    // Without the recorded sheet, verify would have re-scored the Draft sheet.
    const unrecorded = {
      ...saved,
      provenance: {
        ...saved.provenance,
        options: { ...saved.provenance?.options, sheet: undefined },
      },
    };
    writeFileSync(out, JSON.stringify(unrecorded));
    expect((await verifyResultFile(out)).ok).toBe(false);
  });

  it('keeps the library version equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(LIBRARY_VERSION).toBe(pkg.version);
  });
});

describe('verify', () => {
  it('confirms a saved result, also after the folder moved, and rejects one whose answer file changed by one cell', async () => {
    const dir = project('verify');
    const out = join(dir, 'result.json');
    const score = await run(
      scoreCommand,
      '--framework',
      'niem',
      join(dir, 'answers.csv'),
      '--format',
      'json',
      '--out',
      out,
    );
    expect(score.code).toBe(0);

    const ok = await run(verifyCommand, out);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(
      /^Verified: 14 framework files and 1 answer file unchanged; \d+ numbers re-scored and identical\.\n$/,
    );

    // Paths are relative to the result, so the folder can move.
    const moved = join(work, 'verify-moved');
    renameSync(dir, moved);
    expect((await run(verifyCommand, join(moved, 'result.json'))).code).toBe(0);

    // One cell: XA's 2017 answer to the first reception indicator, a → c.
    const csv = readFileSync(join(moved, 'answers.csv'), 'utf8').split('\n');
    expect(csv[1]).toBe('XA,2017,rec_lf_labour_market_access,a,,,,');
    csv[1] = 'XA,2017,rec_lf_labour_market_access,c,,,,';
    writeFileSync(join(moved, 'answers.csv'), csv.join('\n'));
    const bad = await run(verifyCommand, join(moved, 'result.json'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('error VERIFY_FILE_CHANGED: "');
    expect(bad.stderr).toMatch(
      /error VERIFY_SCORE_CHANGED: The score of "rec_lf_labour_market_access" for XA 2017 was 100 and is now 0\./,
    );
    expect(bad.stdout).toMatch(/^Not verified: /);
    const json = await run(verifyCommand, join(moved, 'result.json'), '--format', 'json');
    const v = JSON.parse(json.stdout);
    expect(v.ok).toBe(false);
    expect(v.issues.map((i: { code: string }) => i.code)).toContain('VERIFY_FILE_CHANGED');
  });

  it('notices a changed framework file in a framework folder', async () => {
    const dir = project('framework');
    cpSync(join(root, 'test/fixtures/frameworks/valid/minimal'), join(dir, 'fw'), {
      recursive: true,
    });
    writeFileSync(
      join(dir, 'a.csv'),
      'unit,period,indicator,answer\nAA,2024,benefit,yes\nBB,2024,benefit,no\n',
    );
    const out = join(dir, 'r.json');
    const s = await run(
      scoreCommand,
      '--framework',
      join(dir, 'fw'),
      join(dir, 'a.csv'),
      '-f',
      'json',
      '-o',
      out,
    );
    expect(s.code).toBe(0);
    expect(readResult(out).provenance?.framework).toMatchObject({ source: 'fw', builtin: false });
    expect((await run(verifyCommand, out)).code).toBe(0);
    const yaml = join(dir, 'fw', 'framework.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('Housing benefit', 'Housing allowance'));
    writeFileSync(join(dir, 'fw', 'extra.yaml'), 'id: extra\ntitle: Extra\nindicators: []\n');
    const v = await verifyResultFile(out);
    expect(v.ok).toBe(false);
    expect(v.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['VERIFY_FILE_CHANGED', 'VERIFY_FILE_ADDED']),
    );
  });

  it('refuses results it cannot verify, with codes', async () => {
    const dir = project('refuse');
    const out = join(dir, 'r.json');
    await run(
      scoreCommand,
      '--framework',
      'niem',
      join(dir, 'answers.csv'),
      '-f',
      'json',
      '-o',
      out,
    );
    const { provenance: _, ...unstamped } = readResult(out);
    writeFileSync(join(dir, 'unstamped.json'), JSON.stringify(unstamped));
    writeFileSync(join(dir, 'broken.json'), '{"format": 1');
    const codes = async (file: string) =>
      (await verifyResultFile(join(dir, file))).issues.map((i) => i.code);
    expect(await codes('unstamped.json')).toEqual(['VERIFY_NO_STAMP']);
    expect(await codes('broken.json')).toEqual(['VERIFY_RESULT_INVALID']);
    expect(await codes('nothing.json')).toEqual(['FILE_NOT_FOUND']);
    rmSync(join(dir, 'answers.csv'));
    const gone = await run(verifyCommand, out);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('error VERIFY_FILE_MISSING');
    expect((await run(verifyCommand)).code).toBe(2);
  });
});
