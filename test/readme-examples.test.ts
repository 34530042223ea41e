/**
 * Runs every ```sh and ```ts block of README.md as a user would, against the built package:
 * `dist/` is built first when it is missing or older than a source file (test/support/build.ts).
 *
 * - A `sh` block runs in bash (with aliases on, so `alias ii=...` works) in a fresh folder
 *   holding links to `fixtures/`, `indicators/`, `test/`, `dist/` and `package.json`, as if it
 *   were the clone. `npm ci`, `npm run build` and `npm test` are this suite's own set-up and run
 *   (the test cannot start the suite that runs it); in a block they only check what they would
 *   have left: `node_modules/` and the built `dist/`. The package is linked as
 *   `node_modules/integration-index` and the project's tools (esbuild...) are on the PATH, as
 *   they would be in a user's project that installed them.
 * - A `ts` block is type-checked with tsc under the project's strict tsconfig against the built
 *   `.d.ts` files (the package is linked as `node_modules/integration-index`, so its `exports`
 *   map is what resolves), then run with tsx against the built JavaScript.
 * - A block fenced `text output` right after an example lists lines that must each appear in
 *   what it printed; `exit=N` in a block's info string expects that exit code.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './support/build.js';
import { type ExampleRun, exec, itRunsExamples, sandboxes } from './support/examples.js';
import { fences } from './support/markdown.js';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'node_modules', '.bin');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

interface Example {
  line: number;
  lang: 'sh' | 'ts';
  code: string;
  exit: number;
  output: string[];
  /** `alias` lines of the sh blocks before this one (a reader runs them in one shell). */
  aliases: string[];
}

/** Every sh and ts block of a Markdown text, with the output lines it must print. */
function examplesOf(text: string): Example[] {
  const blocks = fences(text);
  const out: Example[] = [];
  const aliases: string[] = [];
  blocks.forEach((b, k) => {
    const m = /^(sh|ts)\b(.*)$/.exec(b.info);
    if (!m) return;
    const before = [...aliases];
    if (m[1] === 'sh') aliases.push(...b.code.split('\n').filter((l) => /^alias\s/.test(l)));
    const exit = /\bexit=(\d+)/.exec(m[2] ?? '');
    const next = blocks[k + 1];
    out.push({
      line: b.line,
      lang: m[1] as 'sh' | 'ts',
      code: b.code,
      exit: exit ? Number(exit[1]) : 0,
      aliases: before,
      output:
        next && /^text\s+output\b/.test(next.info)
          ? next.code
              .split('\n')
              .map((l) => l.trim())
              .filter((l) => l.length > 0)
          : [],
    });
  });
  return out;
}

beforeAll(() => {
  ensureBuilt();
}, 300_000);

/** A folder that looks like the clone (links to what the README's commands read). */
const sandbox = sandboxes('ii-readme-', (dir) => {
  for (const name of ['fixtures', 'indicators', 'test', 'dist', 'package.json']) {
    symlinkSync(join(root, name), join(dir, name));
  }
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'integration-index'));
  symlinkSync(join(root, 'node_modules', '@types'), join(dir, 'node_modules', '@types'));
});

// What the set-up commands would have left, checked instead of running them again.
const npmPrelude = `npm() {
  case "$*" in
    ci) test -d "${join(root, 'node_modules')}" ;;
    "run build") test -f dist/index.js && test -f dist/node.js && test -f dist/cli.js ;;
    test) echo "(npm test: this suite)" ;;
    *) command npm "$@" ;;
  esac
}
`;

async function run(example: Example): Promise<ExampleRun> {
  const cwd = sandbox();
  if (example.lang === 'sh') {
    const prelude = `set -eo pipefail\nshopt -s expand_aliases\nexport PATH="${bin}:$PATH"\n${npmPrelude}${example.aliases.join('\n')}\n`;
    return exec('bash', ['-c', prelude + example.code], cwd);
  }
  writeFileSync(join(cwd, 'example.mts'), `${example.code}\n`);
  writeFileSync(
    join(cwd, 'tsconfig.json'),
    JSON.stringify({ extends: join(root, 'tsconfig.json'), include: ['example.mts'] }),
  );
  const checked = await exec(join(bin, 'tsc'), ['--noEmit', '-p', 'tsconfig.json'], cwd);
  if (checked.status !== 0) return { status: checked.status, output: `tsc:\n${checked.output}` };
  return exec(join(bin, 'tsx'), ['example.mts'], cwd);
}

const examples = examplesOf(readme);

describe('README.md', () => {
  it('has sh and ts examples', () => {
    expect(examples.filter((e) => e.lang === 'sh').length).toBeGreaterThan(0);
    expect(examples.filter((e) => e.lang === 'ts').length).toBeGreaterThan(0);
  });

  itRunsExamples(examples, run, (e) => `runs the ${e.lang} block at line ${e.line}`, 300_000);
});

describe('examplesOf (README)', () => {
  it('takes every sh and ts block, marked or not, with the output after it', () => {
    const md = [
      '```sh',
      'alias l=ls',
      '```',
      '```text output',
      'a',
      '```',
      '```yaml',
      'x: 1',
      '```',
      '```ts',
      '1',
      '```',
    ].join('\n');
    expect(examplesOf(md).map((e) => [e.lang, e.line, e.output, e.aliases])).toEqual([
      ['sh', 1, ['a'], []],
      ['ts', 10, [], ['alias l=ls']],
    ]);
  });
});
