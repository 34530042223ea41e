/**
 * Runs every example in the guides (`docs/guides/*.md`), so the docs cannot drift from the
 * code. A fenced block whose info string is `sh test` runs in bash; `ts test` runs with tsx,
 * with `integration-index` and `integration-index/node` imports pointed at the sources. Add
 * `exit=N` to expect another exit code. A block fenced `text output` right after an example
 * lists lines that must each appear in what the example printed (stdout and stderr).
 *
 * Each example runs in a fresh temporary folder holding links to `fixtures/` and
 * `indicators/`; `integration-index` is a shell function that runs the CLI from source.
 */
import { spawnSync } from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

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
}

/** Fenced blocks of a Markdown file, with their info strings and first lines. */
function fences(text: string): { info: string; code: string; line: number }[] {
  const blocks: { info: string; code: string; line: number }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(.*)$/.exec(lines[i] as string);
    if (!open) continue;
    const fence = open[1] as string;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j] as string).startsWith(fence))
      body.push(lines[j++] as string);
    blocks.push({ info: (open[2] ?? '').trim(), code: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}

/** The runnable examples of one guide. */
function examplesOf(file: string, text: string): Example[] {
  const blocks = fences(text);
  const out: Example[] = [];
  blocks.forEach((b, k) => {
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

const work: string[] = [];
afterAll(() => {
  for (const dir of work) rmSync(dir, { recursive: true, force: true });
});

function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ii-docs-'));
  work.push(dir);
  symlinkSync(join(root, 'fixtures'), join(dir, 'fixtures'));
  symlinkSync(join(root, 'indicators'), join(dir, 'indicators'));
  return dir;
}

function run(example: Example): { status: number | null; output: string } {
  const cwd = sandbox();
  let result: ReturnType<typeof spawnSync>;
  if (example.lang === 'sh') {
    const prelude = `set -eo pipefail\nintegration-index() { "${tsx}" "${join(root, 'src/cli/main.ts')}" "$@"; }\n`;
    result = spawnSync('bash', ['-c', prelude + example.code], { cwd, encoding: 'utf8' });
  } else {
    const code = example.code
      .replaceAll(`'integration-index/node'`, `'${join(root, 'src/node.ts')}'`)
      .replaceAll(`'integration-index'`, `'${join(root, 'src/index.ts')}'`);
    writeFileSync(join(cwd, 'example.mts'), code);
    result = spawnSync(tsx, ['example.mts'], { cwd, encoding: 'utf8' });
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const files = readdirSync(guides)
  .filter((f) => f.endsWith('.md'))
  .sort();

describe('docs guides', () => {
  it('hold runnable examples', () => {
    const all = files.flatMap((f) => examplesOf(f, readFileSync(join(guides, f), 'utf8')));
    expect(files.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const examples = examplesOf(file, readFileSync(join(guides, file), 'utf8'));
    describe(file, () => {
      for (const example of examples) {
        it(`runs the ${example.lang} example at line ${example.line}`, () => {
          const { status, output } = run(example);
          expect(status, output).toBe(example.exit);
          for (const line of example.output) expect(output).toContain(line);
        });
      }
    });
  }
});

describe('examplesOf', () => {
  it('finds marked blocks, their exit codes and expected output', () => {
    const md = [
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
      ['sh', 1, 1, ['boom']],
      ['ts', 0, 10, []],
    ]);
  });
});
