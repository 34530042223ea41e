/**
 * Golden tests over `test/fixtures/frameworks/`. Each invalid fixture marks the issues it must
 * produce in the files themselves: a `# expect: CODE[@column][, CODE...]` comment on the line
 * where each issue must be reported. Files that cannot hold comments (JSON, non-UTF-8) are
 * listed in `expected.txt` as `file:line:column CODE` (or `folder CODE` for folder issues).
 * Every reported issue must be expected and every expected issue reported.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../src/errors/issue.js';
import { validateFramework } from '../src/framework/load/load.js';
import { loadFrameworkDir, readFrameworkFiles } from '../src/node/framework.js';

const root = join(import.meta.dirname, 'fixtures', 'frameworks');

interface Expectation {
  file: string;
  line: number | undefined;
  column: number | undefined;
  code: string;
}

function expectationsOf(dir: string): Expectation[] {
  const out: Expectation[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    if (name === 'expected.txt') {
      for (const raw of bytes.toString('utf8').split('\n')) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#')) continue;
        const m = /^(\S+?)(?::(\d+):(\d+))? (\w+)$/.exec(line);
        if (!m) throw new Error(`bad expected.txt line: ${line}`);
        out.push({
          file: m[1] as string,
          line: m[2] ? Number(m[2]) : undefined,
          column: m[3] ? Number(m[3]) : undefined,
          code: m[4] as string,
        });
      }
      continue;
    }
    // Comments are ASCII, so reading latin-1 keeps line numbers right for any file.
    bytes
      .toString('latin1')
      .split('\n')
      .forEach((text, i) => {
        const m = /#\s*expect:\s*(.+)$/.exec(text);
        if (!m) return;
        for (const item of (m[1] as string).split(',')) {
          const [code, col] = item.trim().split('@');
          out.push({
            file: name,
            line: i + 1,
            column: col ? Number(col) : undefined,
            code: code as string,
          });
        }
      });
  }
  return out;
}

const key = (file: string, line: number | undefined, code: string) =>
  `${file}:${line ?? '-'} ${code}`;

function reported(dir: string): Issue[] {
  const r = validateFramework(readFrameworkFiles(dir));
  expect(r.valid).toBe(r.errors.length === 0);
  return [...r.errors, ...r.warnings];
}

function checkFixture(dir: string): void {
  const issues = reported(dir);
  const expected = expectationsOf(dir);
  expect(expected.length).toBeGreaterThan(0);
  const got = issues.map((i) => key(basename(i.file ?? ''), i.line, i.code)).sort();
  const want = expected.map((e) => key(e.file, e.line, e.code)).sort();
  expect(got).toEqual(want);
  for (const e of expected.filter((x) => x.column !== undefined)) {
    const match = issues.find(
      (i) => basename(i.file ?? '') === e.file && i.line === e.line && i.code === e.code,
    );
    expect(match?.column, `${e.file}:${e.line} ${e.code}`).toBe(e.column);
  }
  for (const i of issues) {
    expect(i.message.length).toBeGreaterThan(0);
    expect(Array.isArray(i.path)).toBe(true);
    if (i.code !== 'FRAMEWORK_FILE_MISSING') {
      expect(i.line, `${i.code} has a line`).toBeTypeOf('number');
      expect(i.column, `${i.code} has a column`).toBeTypeOf('number');
    }
  }
}

const invalidCases = readdirSync(join(root, 'invalid')).sort();

describe('invalid framework fixtures', () => {
  it.each(invalidCases)('%s reports exactly the marked issues at their lines', (name) => {
    checkFixture(join(root, 'invalid', name));
  });

  it('cover every framework issue code the loader can emit', async () => {
    // Imported late: a catalogue module loaded before `messages.ts` would close an import cycle.
    const { frameworkMessages } = await import('../src/errors/catalogue/framework.js');
    // Raised while evaluating a compiled formula, not while loading: unit-tested in compile.test.ts.
    // FORMULA_SUPPORT_NOT_LOADED depends on the process, not the files (every test file has
    // formula support): checked in a fresh process by formula-support.test.ts.
    const runtimeOnly = new Set([
      'FORMULA_MISSING_VALUE',
      'FORMULA_NOT_A_NUMBER',
      'FORMULA_SUPPORT_NOT_LOADED',
    ]);
    const covered = new Set(
      invalidCases.flatMap((name) =>
        expectationsOf(join(root, 'invalid', name)).map((e) => e.code),
      ),
    );
    const missing = Object.keys(frameworkMessages).filter(
      (code) => !runtimeOnly.has(code) && !covered.has(code),
    );
    expect(missing).toEqual([]);
  });
});

describe('planted faults', () => {
  it('a copy of a valid framework with a dozen planted faults reports each at its line and column', () => {
    const dir = join(root, 'planted');
    const expected = expectationsOf(dir);
    expect(expected.length).toBeGreaterThanOrEqual(12);
    checkFixture(dir);
    expect(validateFramework(readFrameworkFiles(dir)).valid).toBe(false);
  });
});

describe('valid framework fixtures', () => {
  it.each(readdirSync(join(root, 'valid')).sort())('%s loads with no error or warning', (name) => {
    const r = validateFramework(readFrameworkFiles(join(root, 'valid', name)));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it('assembles dimensions in include order and applies defaults', () => {
    const full = loadFrameworkDir(join(root, 'valid', 'full'));
    expect(full.dimensions.map((d) => d.id)).toEqual(['residency', 'health', 'education']);
    expect(full.dimensions[1]?.weight).toBe(1);
    expect(full.dimensions[0]?.indicators?.[0]?.type).toBe('policy');
    expect('$schema' in full).toBe(false);
    // The anchored option list is shared by value, not by reference to the YAML node.
    const [fee, renewal] = [
      full.dimensions[0]?.indicators?.[1],
      full.dimensions[0]?.indicators?.[2],
    ];
    expect(fee?.rule).toEqual(renewal?.rule);
  });

  it('loads the minimal inline framework with its defaults', () => {
    const minimal = loadFrameworkDir(join(root, 'valid', 'minimal'));
    expect(minimal.scale).toEqual({ min: 0, max: 100 });
    expect(minimal.language).toBe('en');
    expect(minimal.missing).toEqual({ noData: 'exclude', notApplicable: 'exclude', coverage: 0 });
    expect(minimal.dimensions[0]?.indicators?.[0]?.rule).toEqual({
      kind: 'boolean',
      yes: 100,
      no: 0,
    });
  });
});
