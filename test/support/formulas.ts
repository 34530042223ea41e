/**
 * Vitest setup: formula support (mathjs) loaded before every test file, as the Node adapters
 * have it. The library's core loads it on demand (`loadFormulaSupport()`);
 * test/formula-support.test.ts checks that path in a fresh process.
 */
import { provideFormulaSupport } from '../../src/rules/formula/mathjs.js';

provideFormulaSupport();
