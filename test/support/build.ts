/**
 * The built package for the tests that use it as a user would (README examples, the browser
 * bundle): `dist/` is built with tsup when it is missing or older than a source file, once, under
 * a lock so that test files running side by side do not build over each other.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

/** The newest modification time of the files under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return t;
}

const outputs = ['index.js', 'esm/index.js', 'index.d.ts', 'node.js', 'cli.js'];

function stale(): boolean {
  if (!outputs.every((f) => existsSync(join(root, 'dist', f)))) return true;
  const built = Math.min(...outputs.map((f) => statSync(join(root, 'dist', f)).mtimeMs));
  const sources = Math.max(
    newest(join(root, 'src')),
    statSync(join(root, 'tsup.config.ts')).mtimeMs,
    statSync(join(root, 'package.json')).mtimeMs,
  );
  return built < sources;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds `dist/` unless it is up to date with `src/`; returns the package root.
 *
 * @example
 * ```ts
 * beforeAll(() => { ensureBuilt(); }, 300_000);
 * ```
 */
export function ensureBuilt(): string {
  const lock = join(root, 'dist.lock');
  const deadline = Date.now() + 280_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`dist.lock held for too long: remove ${lock}`);
      sleep(500);
    }
  }
  try {
    if (stale()) {
      execFileSync(join(root, 'node_modules', '.bin', 'tsup'), [], { cwd: root, stdio: 'pipe' });
    }
  } finally {
    rmdirSync(lock);
  }
  return root;
}
