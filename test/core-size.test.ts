/**
 * The browser core's budget (issue 14): `score`, `readAnswers` and `explain` from the package
 * entry, bundled for the browser by esbuild and minified, at most 90 KB gzip. Formula support
 * (mathjs) and framework validation (zod, yaml) load on demand, so neither may creep back into
 * the core; `npm run bench` prints the same figure.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreBudgetGzipBytes, coreSize } from '../bench/_lib/core-size.js';

describe('browser core size', () => {
  it('is at most 90 KB gzip', async () => {
    const { bytes, gzipBytes } = await coreSize(join(import.meta.dirname, '..'));
    expect(bytes).toBeGreaterThan(10_000);
    expect(gzipBytes).toBeLessThanOrEqual(coreBudgetGzipBytes);
  });
});
