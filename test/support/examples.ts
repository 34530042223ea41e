/**
 * Running documentation examples (README.md and the guides): each example in a fresh temporary
 * folder, its program to completion, and one concurrent test per example that checks the exit
 * code and the lines the docs say it prints.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

/** What running an example gave: its exit status (null when killed) and stdout then stderr. */
export interface ExampleRun {
  status: number | null;
  output: string;
}

/**
 * Runs a program to completion; never rejects (a failing example is a failed assertion).
 *
 * @example
 * ```ts
 * const { status, output } = await exec('bash', ['-c', 'echo hi'], dir);
 * ```
 */
export function exec(file: string, args: string[], cwd: string): Promise<ExampleRun> {
  return new Promise((done) => {
    execFile(
      file,
      args,
      { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ status, output: `${stdout}${stderr}` });
      },
    );
  });
}

/**
 * A maker of fresh temporary folders named `prefix…`, each set up by `setUp`, removed after the
 * test file.
 *
 * @example
 * ```ts
 * const sandbox = sandboxes('ii-docs-', (dir) => symlinkSync(fixtures, join(dir, 'fixtures')));
 * ```
 */
export function sandboxes(prefix: string, setUp: (dir: string) => void): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    setUp(dir);
    return dir;
  };
}

/**
 * One concurrent test per example: it runs, exits with the code the docs give, and prints every
 * line listed after it. Examples are independent (each has its own folder).
 *
 * @example
 * ```ts
 * itRunsExamples(examples, run, (e) => `runs the ${e.lang} block at line ${e.line}`);
 * ```
 */
export function itRunsExamples<E extends { exit: number; output: string[] }>(
  examples: readonly E[],
  run: (example: E) => Promise<ExampleRun>,
  name: (example: E) => string,
  timeout: number,
): void {
  for (const example of examples) {
    it.concurrent(
      name(example),
      async () => {
        const { status, output } = await run(example);
        expect(status, output).toBe(example.exit);
        for (const line of example.output) expect(output).toContain(line);
      },
      timeout,
    );
  }
}
