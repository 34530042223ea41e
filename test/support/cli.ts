/**
 * Running CLI commands for end-to-end tests (in process, or as a child process like a user
 * would), and a temporary folder per test file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CommandDef, runCommand } from 'citty';
import { afterAll, vi } from 'vitest';
import { UsageError } from '../../src/cli/command.js';

/** What a command run gave: the exit code and what it wrote (a usage error's message as stderr). */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command with the given arguments, capturing stdout and stderr; a usage error is exit
 * code 2 with its message as stderr, as the CLI's main would print it.
 *
 * @example
 * ```ts
 * const r = await runCli(scoreCommand, '--framework', 'niem', 'answers.csv');
 * expect(r.code).toBe(0);
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: commands declare their own argument shapes.
export async function runCli(command: CommandDef<any>, ...rawArgs: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const { result } = await runCommand(command, { rawArgs });
    return { code: result as number, stdout, stderr };
  } catch (error) {
    if (error instanceof UsageError) return { code: 2, stdout, stderr: error.message };
    throw error;
  } finally {
    vi.restoreAllMocks();
  }
}

/**
 * A fresh temporary folder, removed after the test file's last test.
 *
 * @example
 * ```ts
 * const work = tempWorkDir('ii-provenance-');
 * ```
 */
export function tempWorkDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

const root = join(import.meta.dirname, '..', '..');

/**
 * Runs `integration-index <args>` from the sources in a child process at the package root:
 * the exit code (null when killed) and both outputs.
 *
 * @example
 * ```ts
 * const r = spawnCli('score', '--framework', 'niem', 'fixtures/niem/answers.csv');
 * expect(r.code).toBe(0);
 * ```
 */
export function spawnCli(...args: string[]): {
  code: number | null;
  stdout: string;
  stderr: string;
} {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
