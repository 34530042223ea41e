/**
 * The HTML report with a units registry and group summaries (issue 17), in headless Chromium
 * like report.test.ts: each unit's profile draws the unit against its group's mean, the ranking
 * shows the group mean and the distance to it, and `group` restricts the report to one group's
 * members ranked among themselves. Chromium is required (scripts/ci-install-browser.sh or
 * CHROMIUM_PATH); nothing is skipped.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/answers/read/index.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import { score } from '../../src/engine/index.js';
import type { ScoreResult } from '../../src/engine/result/schema.js';
import { loadFrameworkDir, resolveFramework } from '../../src/node/framework.js';
import { renderReport } from '../../src/report/report.js';
import { applyUnits } from '../../src/units/apply.js';
import { readUnits } from '../../src/units/read.js';
import { launchChromium } from '../support/chromium.js';
import { runCli } from '../support/cli.js';

const root = resolve(import.meta.dirname, '..', '..');
const output = join(root, 'test', 'browser', 'output');

const framework = loadFrameworkDir(resolveFramework('niem'));
const answersPath = join(root, 'fixtures', 'niem', 'answers.csv');
const scored = score(
  framework,
  readAnswers([{ path: 'fixtures/niem/answers.csv', content: readFileSync(answersPath, 'utf8') }]),
);
// XA and XB form group "north"; all three are parts of region XR.
const unitsPath = join(root, 'test', 'fixtures', 'units', 'units.csv');
const registry = readUnits({ path: 'units.csv', content: readFileSync(unitsPath, 'utf8') });
if (!registry.ok) throw new Error('units.csv does not read');
const applied = applyUnits(scored, registry.value, { groups: ['north', 'XR'] });
if (!applied.ok) throw new Error('applyUnits failed');
const result = applied.value;
const dimensions = framework.dimensions.filter((d) => d.scored !== false).length;

let browser: Browser;
const problems: string[] = [];

async function open(name: string, html: string) {
  const file = join(output, name);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('request', (r) => {
    if (!r.url().endsWith(`/${name}`)) problems.push(`request: ${r.url()}`);
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return page;
}

/**
 * XA's data table shows, in its reference column, group north's 2021 mean of the first scored
 * dimension as `scored` has it.
 */
async function expectGroupMeanShown(page: Page, scored: ScoreResult): Promise<void> {
  const k = scored.periods.findIndex((p) => p.id === '2021');
  const firstDim = framework.dimensions.find((d) => d.scored !== false)?.id as string;
  const mean = scored.groups?.find((g) => g.id === 'north')?.nodes.find((n) => n.id === firstDim)
    ?.mean[k] as number;
  const cell = await page
    .locator('#unit-XA table.data-table tbody tr')
    .first()
    .locator('td')
    .nth(3)
    .textContent();
  expect(Number(cell?.replace(',', '.'))).toBeCloseTo(mean, 1);
}

beforeAll(async () => {
  mkdirSync(output, { recursive: true });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the report with groups in Chromium', () => {
  it('profiles each unit against its group mean, with the group mean in its data table', async () => {
    const page = await open('report-groups.html', renderReport(result, framework, { lang: 'bg' }));
    expect(problems).toEqual([]);
    // One group-mean outline per unit; units are labelled with their Bulgarian names.
    const refs = page.locator('polygon.radar-reference');
    expect(await refs.count()).toBe(3);
    expect(await refs.first().getAttribute('data-series')).toBe('group-north');
    expect(await page.locator('#unit-XA h3').textContent()).toContain('Град А');
    // XC is in XR only, so its reference is XR's mean.
    expect(await page.locator('#unit-XC polygon.radar-reference').getAttribute('data-series')).toBe(
      'group-XR',
    );
    // The data table's reference column is the group mean of each dimension, as computed.
    await expectGroupMeanShown(page, result);
    // Ranking: group, group mean and the distance to it, per unit.
    expect(await page.locator('#ranking-table thead th').count()).toBeGreaterThanOrEqual(7);
    await page.screenshot({ path: join(output, 'report-groups.png') });
    await page.close();
  });

  it('reports one group only, its members ranked among themselves', async () => {
    const page = await open(
      'report-group-north.html',
      renderReport(result, framework, { group: 'north' }),
    );
    expect(problems).toEqual([]);
    expect(await page.locator('#ranking-group').isVisible()).toBe(true);
    expect(await page.locator('#ranking rect.bar').count()).toBe(2);
    expect(await page.locator('rect.heatmap-cell').count()).toBe(2 * dimensions);
    const ranks = await page.locator('#ranking-table tbody tr td:first-child').allTextContents();
    expect(ranks).toEqual(['1', '2']);
    await page.close();
  });

  it('stays interactive with units: a weight change keeps the names and recomputes the group means', async () => {
    const file = join(output, 'report-groups-interactive.html');
    const r = await runCli(
      reportCommand,
      '--framework',
      'niem',
      answersPath,
      '--units',
      unitsPath,
      '--groups',
      'north',
      '--lang',
      'bg',
      '--out',
      file,
      '--quiet',
    );
    expect(r.code, r.stderr).toBe(0);
    const page = await open('report-groups-interactive.html', readFileSync(file, 'utf8'));
    expect(await page.locator('#ii-controls').count()).toBe(1);
    const input = page.locator('input[data-weight="housing"]');
    await input.fill('0');
    await input.press('Enter');
    await input.dispatchEvent('change');
    await page.waitForFunction(() => location.hash.includes('housing'));
    expect(problems).toEqual([]);
    // Re-rendered with the registry: Bulgarian names and the group-mean outlines are still there.
    expect(await page.locator('#unit-XA h3').textContent()).toContain('Град А');
    expect(await page.locator('polygon.radar-reference').count()).toBe(3);
    // The group mean in XA's data table is the mean with housing left out, as the CLI computes.
    const reweighted = applyUnits(
      score(
        framework,
        readAnswers([
          { path: 'fixtures/niem/answers.csv', content: readFileSync(answersPath, 'utf8') },
        ]),
        { weights: { housing: 0 } },
      ),
      registry.value,
      { groups: ['north'] },
    );
    if (!reweighted.ok) throw new Error('applyUnits failed');
    await expectGroupMeanShown(page, reweighted.value);
    await page.close();
  });
});
