import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { defineConfig } from 'vitest/config';

/**
 * mathjs for the tests, tree-shaken as tsup's bundle has it: only the names the sources and
 * tests import from 'mathjs' (found here by reading them), bundled by esbuild into one module.
 * mathjs's own entry builds every one of its functions on import, about 0.7 s of CPU in each of
 * the suite's test files (each file loads its modules afresh); this module loads in about 0.08 s.
 * The functions are mathjs's own: this only leaves out the ones nothing imports.
 */
function slimMathjs(): string {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/import\s+\{([^}]*)\}\s+from\s+'mathjs'/g)) {
          for (const part of (m[1] ?? '').split(',')) {
            const name = part.trim();
            if (name !== '' && !name.startsWith('type '))
              names.add(name.split(/\s+as\s+/)[0] ?? '');
          }
        }
      }
    }
  };
  walk('src');
  walk('test');
  const dir = join('node_modules', '.cache', 'integration-index');
  mkdirSync(dir, { recursive: true });
  const outfile = join(process.cwd(), dir, 'mathjs.mjs');
  buildSync({
    stdin: {
      contents: `export { ${[...names].sort().join(', ')} } from 'mathjs';`,
      resolveDir: process.cwd(),
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

export default defineConfig({
  resolve: { alias: [{ find: /^mathjs$/, replacement: slimMathjs() }] },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Formula support (mathjs) is loaded on demand in the library; tests have it from the start.
    setupFiles: ['test/support/formulas.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
