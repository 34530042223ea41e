/**
 * The browser core's budget (issue 14): `score`, `readAnswers` and `explain` bundled for the
 * browser by esbuild and minified, at most 90 KB gzip, measured on what users get: the built
 * package (dist/, built here when stale), resolved through its `exports` with the `browser`
 * condition. Formula support (mathjs) and framework validation (zod, yaml) load on demand, so
 * neither may creep back into the core; and the build must keep modules separate, so that the
 * package bundles as small as the sources. `npm run bench` prints the same figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bundlePackageCore,
  type CoreBundle,
  coreBudgetGzipBytes,
  coreSize,
  srcCoreSize,
} from '../bench/_lib/core-size.js';
import { ensureBuilt } from './support/build.js';

let root: string;
let bundle: CoreBundle;

beforeAll(async () => {
  root = ensureBuilt();
  bundle = await bundlePackageCore(root);
}, 300_000);

describe('browser core size', () => {
  it('is at most 90 KB gzip, bundled from the built package', async () => {
    const { bytes, gzipBytes } = await coreSize(root);
    expect(bytes).toBeGreaterThan(10_000);
    expect(gzipBytes).toBeLessThanOrEqual(coreBudgetGzipBytes);
  });

  it('holds neither zod, a YAML parser nor mathjs', () => {
    const packages = new Set(
      bundle.inputs.flatMap((p) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p)?.[1] ?? []),
    );
    expect(packages.has('csv-parse')).toBe(true);
    for (const name of ['zod', 'yaml', 'js-yaml', 'mathjs'])
      expect(packages.has(name), name).toBe(false);
  });

  it('comes from the package as small as from the sources (within 2%)', async () => {
    const fromPackage = await coreSize(root);
    const fromSrc = await srcCoreSize(root);
    expect(fromPackage.gzipBytes).toBeLessThanOrEqual(fromSrc.gzipBytes * 1.02);
  });
});
