/**
 * Runs every example in the guides (`docs/guides/*.md`), so the docs cannot drift from the
 * code. A fenced block whose info string is `sh test` runs in bash; `ts test` runs with tsx,
 * with `integration-index` and `integration-index/node` imports pointed at the built package
 * (`dist/`, built first when older than `src/`: test/support/build.ts), as a user runs it. Add
 * `exit=N` to expect another exit code. A block fenced `text output` right after an example
 * lists lines that must each appear in what the example printed (stdout and stderr). A block
 * whose info string carries `file=<path>` (say ```` ```yaml file=my-index/framework.yaml ````)
 * is written to that path before every later example of the same guide runs, so a guide can
 * show a file and then use it.
 *
 * Each example runs in a fresh temporary folder holding links to `fixtures/` and
 * `indicators/`; `integration-index` is a shell function that runs the built CLI
 * (`node dist/cli.js`: a CLI run from source through tsx took about a second more each).
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './support/build.js';
import { type ExampleRun, exec, itRunsExamples, sandboxes } from './support/examples.js';
import { fences } from './support/markdown.js';

const root = resolve(import.meta.dirname, '..');
const guides = join(root, 'docs', 'guides');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

interface Example {
  file: string;
  line: number;
  lang: 'sh' | 'ts';
  code: string;
  exit: number;
  output: string[];
  /** Files the guide declares before this example, by path. */
  files: { path: string; content: string }[];
}

/** The runnable examples of one guide. */
function examplesOf(file: string, text: string): Example[] {
  const blocks = fences(text);
  const out: Example[] = [];
  const files: { path: string; content: string }[] = [];
  blocks.forEach((b, k) => {
    const declared = /\bfile=(\S+)/.exec(b.info);
    if (declared) files.push({ path: declared[1] as string, content: `${b.code}\n` });
    const m = /^(sh|ts)\s+test\b(.*)$/.exec(b.info);
    if (!m) return;
    const exit = /\bexit=(\d+)/.exec(m[2] ?? '');
    const next = blocks[k + 1];
    out.push({
      file,
      line: b.line,
      lang: m[1] as 'sh' | 'ts',
      code: b.code,
      exit: exit ? Number(exit[1]) : 0,
      files: [...files],
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

const sandbox = sandboxes('ii-docs-', (dir) => {
  symlinkSync(join(root, 'fixtures'), join(dir, 'fixtures'));
  symlinkSync(join(root, 'indicators'), join(dir, 'indicators'));
});

function run(example: Example): Promise<ExampleRun> {
  const cwd = sandbox();
  for (const f of example.files) {
    const target = join(cwd, f.path);
    if (!target.startsWith(`${cwd}/`)) throw new Error(`file= path leaves the sandbox: ${f.path}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.content);
  }
  if (example.lang === 'sh') {
    const prelude = `set -eo pipefail\nintegration-index() { "${process.execPath}" "${join(root, 'dist/cli.js')}" "$@"; }\n`;
    return exec('bash', ['-c', prelude + example.code], cwd);
  }
  const code = example.code
    .replaceAll(`'integration-index/node'`, `'${join(root, 'dist/node.js')}'`)
    .replaceAll(`'integration-index'`, `'${join(root, 'dist/index.js')}'`);
  writeFileSync(join(cwd, 'example.mts'), code);
  return exec(tsx, ['example.mts'], cwd);
}

const files = readdirSync(guides)
  .filter((f) => f.endsWith('.md'))
  .sort();

// The guides' index (README.md) only links; every other guide must show something that runs.
const index = 'README.md';

beforeAll(() => {
  ensureBuilt();
}, 300_000);

describe('docs guides', () => {
  it('hold runnable examples, every guide but the index', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files.filter((name) => name !== index)) {
      const found = examplesOf(f, readFileSync(join(guides, f), 'utf8'));
      expect(found.length, `${f} has no runnable example`).toBeGreaterThan(0);
    }
  });

  for (const file of files) {
    const examples = examplesOf(file, readFileSync(join(guides, file), 'utf8'));
    if (examples.length === 0) continue;
    describe(file, () => {
      itRunsExamples(examples, run, (e) => `runs the ${e.lang} example at line ${e.line}`, 180_000);
    });
  }
});

describe('examplesOf', () => {
  it('finds marked blocks, their exit codes and expected output', () => {
    const md = [
      '```yaml file=a/b.yaml',
      'x: 1',
      '```',
      '```sh test exit=1',
      'false',
      '```',
      '```text output',
      'boom',
      '```',
      '```sh',
      'not run',
      '```',
      '````ts test',
      "console.log('```')",
      '````',
    ].join('\n');
    const found = examplesOf('x.md', md);
    expect(found.map((e) => [e.lang, e.exit, e.line, e.output])).toEqual([
      ['sh', 1, 4, ['boom']],
      ['ts', 0, 13, []],
    ]);
    expect(found[0]?.files).toEqual([{ path: 'a/b.yaml', content: 'x: 1\n' }]);
  });
});
