/**
 * The HTML report in a real browser: headless Chromium (Debian's `chromium` package, driven by
 * playwright-core) opens the NIEM example report from a file:// URL, finds no console errors
 * and no network requests, counts the chart marks, checks the print layout, and saves a
 * screenshot and a PDF under test/browser/output/ (gitignored).
 *
 * Chromium is required: without it this test fails (run scripts/ci-install-browser.sh, or set
 * CHROMIUM_PATH). Nothing is skipped.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/answers/read/index.js';
import { score } from '../../src/engine/index.js';
import { loadFrameworkDir, resolveFramework } from '../../src/node/framework.js';
import { renderReport } from '../../src/report/report.js';
import { launchChromium } from '../support/chromium.js';

const root = resolve(import.meta.dirname, '..', '..');
const output = join(root, 'test', 'browser', 'output');

const framework = loadFrameworkDir(resolveFramework('niem'));
const answersPath = join(root, 'fixtures', 'niem', 'answers.csv');
const result = score(
  framework,
  readAnswers([{ path: 'fixtures/niem/answers.csv', content: readFileSync(answersPath, 'utf8') }]),
);
const units = result.units.length;
const dimensions = framework.dimensions.filter((d) => d.scored !== false).length;
const stages = framework.stages?.length ?? 0;

let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  mkdirSync(output, { recursive: true });
  const file = join(output, 'report.html');
  writeFileSync(file, renderReport(result, framework));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the HTML report in Chromium', () => {
  it('opens without console errors and loads nothing but itself', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((u) => !u.endsWith('/report.html'))).toEqual([]);
  });

  it('shows every chart with its marks', async () => {
    expect(await page.locator('rect.heatmap-cell').count()).toBe(units * dimensions);
    expect(await page.locator('polygon.radar-shape').count()).toBe(units);
    expect(await page.locator('polygon.radar-reference').count()).toBe(units);
    // Ranking bars, change bars, and one bar per stage in each unit's profile.
    expect(await page.locator('#ranking rect.bar').count()).toBe(units);
    expect(await page.locator('#change rect.bar').count()).toBe(units);
    expect(await page.locator('#profiles rect.bar').count()).toBe(units * stages);
    for (const svg of await page.locator('svg.chart').all()) {
      const box = await svg.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(50);
      expect(box?.height ?? 0).toBeGreaterThan(30);
    }
  });

  it('gives every chart an accessible name, a description and a data table', async () => {
    const charts = await page.locator('svg.chart').evaluateAll((svgs) =>
      svgs.map((s) => ({
        role: s.getAttribute('role'),
        title: s.querySelector(':scope > title')?.textContent ?? '',
        desc: s.querySelector(':scope > desc')?.textContent ?? '',
        table: s.closest('section')?.querySelector('table') !== null,
      })),
    );
    expect(charts.length).toBe(3 + 2 * units);
    for (const c of charts) {
      expect(c.role).toBe('img');
      expect(c.title.length).toBeGreaterThan(0);
      expect(c.desc.length).toBeGreaterThan(0);
      expect(c.table).toBe(true);
    }
  });

  it('renders without scripts and prints without the navigation', async () => {
    expect(await page.locator('script').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(output, 'report.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });

  it('keeps right-to-left text and runs nothing from answer files', async () => {
    const csv = readFileSync(answersPath, 'utf8')
      .split('\n')
      .map((line, i) =>
        i === 0 || line === ''
          ? line
          : line
              .replace(/^XC,/, 'X<img src=x onerror=alert(1)>,')
              .replace(/,[^,]*,[^,]*$/, ',"قانون اللجوء، المادة 5","<script>alert(2)</script>"'),
      )
      .join('\n');
    const hostile = score(framework, readAnswers([{ path: 'a.csv', content: csv }]));
    const file = join(output, 'report-rtl.html');
    writeFileSync(file, renderReport(hostile, framework, { lang: 'ar' }));
    const rtl = await browser.newPage();
    const problems: string[] = [];
    rtl.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    rtl.on('pageerror', (e) => problems.push(String(e)));
    rtl.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    rtl.on('request', (r) => {
      if (!r.url().endsWith('/report-rtl.html')) problems.push(`request: ${r.url()}`);
    });
    await rtl.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(problems).toEqual([]);
    expect(await rtl.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await rtl.locator('img').count()).toBe(0);
    expect(await rtl.locator('script').count()).toBe(0);
    const cell = rtl.getByText('قانون اللجوء، المادة 5').first();
    expect(await cell.isVisible()).toBe(true);
    expect(
      await cell.evaluate((e) => e.ownerDocument.defaultView?.getComputedStyle(e).direction),
    ).toBe('rtl');
    await rtl.screenshot({ path: join(output, 'report-rtl.png') });
    await rtl.close();
  });

  it('saves a screenshot', async () => {
    const path = join(output, 'report.png');
    await page.screenshot({ path, fullPage: false });
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
  });
});
