/**
 * What the built CLI loads on its most frequent runs (issue 14). Start-up time itself is measured
 * by `npm run bench`, never here; this test keeps the structure that makes it short: `score` on a
 * built-in framework reads its compiled snapshot and loads no YAML parser, no zod, no mathjs and
 * none of the units, Excel or country-name code; `validate indicators/` answers the built-in
 * frameworks from their snapshots; `--help` loads no command module.
 *
 * A module hook (`module.register`) records every file the process loads.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './support/build.js';

let root = '';
let register = '';

beforeAll(() => {
  root = ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'ii-startup-'));
  const hook = join(dir, 'hook.mjs');
  writeFileSync(
    hook,
    `export async function load(url, context, next) {
  if (url.startsWith('file:')) process.stderr.write('LOADED ' + url + '\\n');
  return next(url, context);
}\n`,
  );
  register = join(dir, 'register.mjs');
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`,
  );
}, 300_000);

/** Runs the CLI with the hook and returns the files it loaded (file URLs); it must exit 0. */
function run(args: string[]): string[] {
  const r = spawnSync(
    process.execPath,
    ['--import', register, join(root, 'dist', 'cli.js'), ...args],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0)
    throw new Error(`integration-index ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => l.slice('LOADED '.length));
}

/** The packages under node_modules among the loaded files. */
function packagesOf(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const f of files) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f);
    if (m?.[1]) names.add(m[1]);
  }
  return names;
}

describe('CLI start-up: what each run loads', () => {
  it('score on a built-in framework loads no YAML, zod, mathjs, exceljs or country names', () => {
    const files = run(['score', '--framework', 'niem', 'fixtures/niem/answers.csv']);
    expect(files.some((f) => f.endsWith('/dist/cli.js'))).toBe(true);
    const packages = packagesOf(files);
    for (const heavy of ['yaml', 'zod', 'mathjs', 'exceljs', 'i18n-iso-countries', 'js-yaml'])
      expect(packages.has(heavy), `${heavy} was loaded`).toBe(false);
    // csv-parse is bundled into the CLI (through #csv-parse); a second copy from node_modules
    // would be compiled on every start.
    expect(packages.has('csv-parse')).toBe(false);
  });

  it('--help loads the command list only, no command module', () => {
    const files = run(['--help']);
    const dist = files.filter((f) => f.includes('/dist/'));
    expect(dist.length).toBeGreaterThan(0);
    expect(dist.filter((f) => /\/dist\/(score|validate|report|export)-/.test(f))).toEqual([]);
    expect(packagesOf(files).has('zod')).toBe(false);
  });

  it('validate on the built-in frameworks answers from their compiled snapshots', () => {
    const packages = packagesOf(run(['validate', 'indicators/']));
    for (const heavy of ['yaml', 'zod', 'mathjs', 'js-yaml'])
      expect(packages.has(heavy), `${heavy} was loaded`).toBe(false);
  });

  it('validate --no-compiled checks the built-in frameworks from their files', () => {
    const packages = packagesOf(run(['validate', 'indicators/niem', '--no-compiled']));
    expect(packages.has('js-yaml')).toBe(true);
    expect(packages.has('zod')).toBe(true);
  });

  it('validate on a framework of its own parses it (and the hook sees what is loaded)', () => {
    const packages = packagesOf(run(['validate', 'test/fixtures/frameworks/valid/full']));
    expect(packages.has('yaml') || packages.has('js-yaml')).toBe(true);
    expect(packages.has('zod')).toBe(true);
  });
});
