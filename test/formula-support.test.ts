/**
 * Formula support is loaded on demand: the core does not import mathjs, a formula compiled
 * before `loadFormulaSupport()` is FORMULA_SUPPORT_NOT_LOADED (a coded error, not a crash), and
 * after it the same formula compiles. Run in a fresh process, without the test setup that loads
 * formula support for every other test file.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

describe('formula support on demand', () => {
  it('is FORMULA_SUPPORT_NOT_LOADED before loadFormulaSupport() and compiles after it', () => {
    const script = `
      import { compileFormula, loadFormulaSupport, formulaSupportLoaded } from './src/index.ts';
      const before = compileFormula('mean(a, b)');
      const loadedBefore = formulaSupportLoaded();
      await loadFormulaSupport();
      const after = compileFormula('mean(a, b)');
      console.log(JSON.stringify({
        loadedBefore,
        before: before.ok ? 'ok' : before.issues.map((i) => i.code),
        after: after.ok ? after.formula.evaluate({ a: 50, b: 100 }) : after.issues.map((i) => i.code),
      }));`;
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      loadedBefore: false,
      before: ['FORMULA_SUPPORT_NOT_LOADED'],
      after: 75,
    });
  });
});
