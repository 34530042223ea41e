/**
 * The `validate` and `frameworks` commands: in-process through citty (as `main.ts` runs them)
 * for outputs and exit codes, and two end-to-end runs of `tsx src/cli/main.ts` for what only
 * the binary does (exit status, usage errors on stderr, no stack traces).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { type CommandDef, renderUsage, runCommand } from 'citty';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../src/cli/command.js';
import { frameworksCommand } from '../src/cli/commands/frameworks.js';
import { validateCommand } from '../src/cli/commands/validate.js';

const root = join(import.meta.dirname, '..');
const fixtures = 'test/fixtures/frameworks';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs a command in-process; returns its exit code (2 for a usage error) and its stdout. */
// biome-ignore lint/suspicious/noExplicitAny: commands declare their own argument shapes.
async function run(command: CommandDef<any>, ...rawArgs: string[]) {
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process, 'cwd').mockReturnValue(root);
  try {
    const { result } = await runCommand(command, { rawArgs });
    return { code: result as number, stdout, usage: '' };
  } catch (error) {
    if (error instanceof UsageError) return { code: 2, stdout, usage: error.message };
    throw error;
  } finally {
    vi.restoreAllMocks();
  }
}

const validate = (...args: string[]) => run(validateCommand, ...args);
const frameworks = (...args: string[]) => run(frameworksCommand, ...args);

describe('integration-index validate', () => {
  it('exits 0 for valid frameworks, given as a folder of frameworks', async () => {
    const r = await validate(`${fixtures}/valid`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 errors, 0 warnings \(valid\)/);
    expect(r.stdout).toContain(`${fixtures}/valid/full`);
    expect(r.stdout).toContain(`${fixtures}/valid/minimal`);
  });

  it('prints file:line:col: error CODE: message for every planted fault and exits 1', async () => {
    const r = await validate(`${fixtures}/planted`);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain(
      `${fixtures}/planted/residency.yaml:26:12: error FRAMEWORK_UNKNOWN_STAGE: Unknown stage "laww"; declared stages are "law" or "policy".`,
    );
    expect(lines.filter((l) => / error [A-Z_]+: /.test(l))).toHaveLength(14);
    expect(lines.filter((l) => / warning [A-Z_]+: /.test(l))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/14 errors, 1 warning \(invalid\)\.$/);
  });

  it('--no-warnings leaves warnings out', async () => {
    const r = await validate(`${fixtures}/invalid/translations`, '--no-warnings');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('TEXT_MISSING_TRANSLATION');
  });

  it('--format json gives valid, errors and warnings with file, line, column, code, path, message', async () => {
    const r = await validate(`${fixtures}/invalid/periods`, '--format', 'json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.valid).toBe(false);
    expect(json.warnings).toEqual([]);
    expect(json.errors).toEqual([
      {
        file: `${fixtures}/invalid/periods/framework.yaml`,
        line: 7,
        column: 34,
        code: 'PERIOD_UNORDERED',
        path: ['periods', 1, 'referenceDate'],
        message: expect.stringContaining('"2019"'),
      },
      {
        file: `${fixtures}/invalid/periods/framework.yaml`,
        line: 8,
        column: 66,
        code: 'PERIOD_SPAN_REVERSED',
        path: ['periods', 2, 'end'],
        message: expect.stringContaining('"R3"'),
      },
    ]);
  });

  it('--format github prints workflow annotations', async () => {
    const r = await validate(`${fixtures}/invalid/rules`, '--format', 'github');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `::error file=${fixtures}/invalid/rules/rules.yaml,line=10,col=19,title=RULE_DUPLICATE_OPTION::RULE_DUPLICATE_OPTION: The option code "a" is repeated.`,
    );
    expect(r.stdout).toMatch(/^::warning file=.*title=RULE_NO_TOP_OPTION::/m);
  });

  it('checks a single dimension file: alone for its schema, or as part of its framework', async () => {
    const alone = await validate(`${fixtures}/invalid/no-framework-file/housing.yaml`);
    expect(alone.code).toBe(0);
    const inFramework = await validate(`${fixtures}/planted/residency.yaml`);
    expect(inFramework.code).toBe(1);
    expect(inFramework.stdout).toContain('FRAMEWORK_UNKNOWN_STAGE');
    expect(inFramework.stdout).not.toContain('education.yaml');
  });

  it('reports missing paths and folders without frameworks as errors (exit 1)', async () => {
    const r = await validate('no/such/folder', `${fixtures}/invalid/no-framework-file`);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no/such/folder: error FILE_NOT_FOUND');
    expect(r.stdout).toContain('error FRAMEWORK_FILE_MISSING');
  });

  it('refuses usage mistakes with a UsageError (exit 2)', async () => {
    for (const args of [[], ['x', '--format', 'xml'], ['x', '--formt', 'json']]) {
      const r = await validate(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.usage.length).toBeGreaterThan(0);
    }
  });

  it('documents its options for --help', async () => {
    const usage = await renderUsage(validateCommand);
    expect(usage).toContain('--format');
    expect(usage).toContain('--no-warnings');
  });
});

describe('the integration-index binary', () => {
  const bin = (...args: string[]) =>
    spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['src/cli/main.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
    });

  it('exits 1 with located errors on stdout, and 2 for a usage error, never with a stack trace', () => {
    const invalid = bin('validate', `${fixtures}/invalid/periods`);
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toContain(
      `${fixtures}/invalid/periods/framework.yaml:7:34: error PERIOD_UNORDERED:`,
    );
    const usage = bin('validate', `${fixtures}/valid`, '--format', 'xml');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^error: Unknown --format "xml"/);
    expect(usage.stderr).toContain('integration-index validate --help');
    expect(`${usage.stderr}${invalid.stderr}`).not.toMatch(/\n\s+at /);
  }, 120_000);
});

describe('integration-index frameworks', () => {
  it('lists the built-in frameworks with id, edition and counts', async () => {
    const r = await frameworks('--format', 'json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; dimensions: number; indicators: number }[];
    expect(Array.isArray(rows)).toBe(true);
    for (const row of rows) {
      expect(row.id).toMatch(/^[a-z0-9-]+$/);
      expect(row.dimensions).toBeGreaterThan(0);
      expect(row.indicators).toBeGreaterThanOrEqual(row.dimensions);
    }
    const text = await frameworks();
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(
      /^ID\s+EDITION\s+DIMENSIONS\s+INDICATORS\s+SCORED\s+TITLE$/,
    );
    expect(text.stdout.trim().split('\n')).toHaveLength(rows.length + 1);
  });

  it('documents --format and refuses an unknown one', async () => {
    expect(await renderUsage(frameworksCommand)).toContain('--format');
    expect((await frameworks('--format', 'xml')).code).toBe(2);
  });
});
