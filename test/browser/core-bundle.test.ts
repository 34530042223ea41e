/**
 * The core in a browser, as a user's bundler would ship it: esbuild bundles `score`,
 * `readAnswers` and `explain` from the built package (`integration-index`, resolved through its
 * `exports` with the `browser` condition) for the browser, with no externals and no polyfills;
 * headless Chromium (Debian's `chromium`, driven by playwright-core as in report.test.ts) runs
 * the bundle from a `<script type="module">`, scores the NIEM example answers against the
 * framework passed in as JSON, and the result must equal Node's, number for number.
 *
 * Also checked: the core entry's files (bundlers' dist/esm/index.js, one file per module, and
 * Node's dist/index.js with its chunks) hold no Node built-in import, no `process`, no
 * `__dirname`. The bundle's minified and gzip sizes are written to
 * test/browser/output/core-bundle.json.
 *
 * Chromium is required: without it this test fails (run scripts/ci-install-browser.sh, or set
 * CHROMIUM_PATH). Nothing is skipped.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePackageCore } from '../../bench/_lib/core-size.js';
import { readAnswers } from '../../src/answers/read/index.js';
import { explain, score } from '../../src/engine/index.js';
import { loadFramework } from '../../src/node/framework.js';
import { ensureBuilt } from '../support/build.js';
import { launchChromium } from '../support/chromium.js';

const csvPath = 'fixtures/niem/answers.csv';
const query = { unit: 'XA', period: '2019', node: 'residency' };

let root: string;
let bundle: string;
let inputs: string[];
let browser: Browser | undefined;

beforeAll(async () => {
  root = ensureBuilt();
  // A user's project: the package installed, an entry that imports three functions.
  ({ code: bundle, inputs } = await bundlePackageCore(root));
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

/**
 * A core entry's own files: `entry` (under dist/) and the modules it imports (statically or
 * dynamically), transitively.
 */
function coreFiles(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.\.?\/[^'"]+)['"]/g)) {
      visit(join(dirname(file), m[1] as string));
    }
  };
  visit(join(root, 'dist', entry));
  return [...seen];
}

describe('the core bundled for a browser', () => {
  it('has no Node built-in import, no process and no __dirname in the core entry', () => {
    const esm = coreFiles('esm/index.js');
    // One file per source module for bundlers; bundled (with chunks) for Node.
    expect(esm.length).toBeGreaterThan(50);
    const files = [...esm, ...coreFiles('index.js')];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const builtin =
        /(?:from|import)\s*['"](?:node:[a-z_/]+|path|url|fs|os|module|worker_threads|crypto|stream|buffer|util)['"]/;
      expect(builtin.exec(text)?.[0], file).toBeUndefined();
      expect(/\bprocess\.|__dirname|__filename|\brequire\(/.exec(text)?.[0], file).toBeUndefined();
    }
  });

  it('bundles with esbuild for the browser, with no externals and no polyfills', () => {
    expect(bundle.length).toBeGreaterThan(10_000);
    // The browser builds of the CSV libraries (their Node builds use Buffer), and no Node entry.
    expect(inputs.some((p) => /csv-parse\/dist\/esm\//.test(p))).toBe(true);
    expect(inputs.some((p) => /csv-parse\/lib\//.test(p))).toBe(false);
    expect(inputs.some((p) => /dist\/node\.js$/.test(p))).toBe(false);
    const sizes = { minified: bundle.length, gzip: gzipSync(bundle, { level: 9 }).length };
    const output = join(root, 'test', 'browser', 'output');
    mkdirSync(output, { recursive: true });
    writeFileSync(join(output, 'core-bundle.json'), `${JSON.stringify(sizes, null, 2)}\n`);
    console.log(`browser core bundle (score, readAnswers, explain): ${JSON.stringify(sizes)}`);
  });

  it('scores the NIEM example in Chromium exactly as Node does', async () => {
    browser = await launchChromium();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.setContent(
      '<!doctype html><html><head><title>core</title></head><body></body></html>',
    );
    await page.addScriptTag({ type: 'module', content: bundle });
    await page.waitForFunction(() => 'integrationIndex' in globalThis);

    const framework = loadFramework('niem');
    const csv = readFileSync(join(root, csvPath), 'utf8');
    const inBrowser = await page.evaluate(
      ({ frameworkJson, csv, path, query }) => {
        type Api = {
          readAnswers: (files: { path: string; content: string }[]) => unknown;
          score: (framework: unknown, answers: unknown) => unknown;
          explain: (result: unknown, query: unknown) => unknown;
        };
        const ii = (globalThis as unknown as { integrationIndex: Api }).integrationIndex;
        const result = ii.score(
          JSON.parse(frameworkJson),
          ii.readAnswers([{ path, content: csv }]),
        );
        return JSON.stringify({ result, tree: ii.explain(result, query) });
      },
      { frameworkJson: JSON.stringify(framework), csv, path: csvPath, query },
    );
    const result = score(framework, readAnswers([{ path: csvPath, content: csv }]));
    const inNode = JSON.stringify({ result, tree: explain(result, query) });
    expect(errors).toEqual([]);

    // Every number, in order, then the whole structure.
    const numbers = (json: string) =>
      [...json.matchAll(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi)].map((m) => Number(m[0]));
    const a = numbers(inBrowser);
    const b = numbers(inNode);
    expect(a.length).toBeGreaterThan(1000);
    expect(a).toEqual(b);
    expect(JSON.parse(inBrowser)).toEqual(JSON.parse(inNode));
    expect(result.counts.read).toBeGreaterThan(0);
  }, 180_000);
});
