/**
 * The interactive report in a real browser (headless Chromium via playwright-core, as
 * report.test.ts): the NIEM example written by `report`, then driven as a reader would. Every
 * number the page shows after a change must equal what the command line prints for the same
 * settings: `score --weight` for weights, `whatif --set` for a changed answer. Layout at 1280
 * and 390 px (no clipped content), axe-core's accessibility rules, keyboard use, the URL hash,
 * and the page without scripts.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/cli/commands/report.js';
import { scoreCommand } from '../../src/cli/commands/score.js';
import { whatifCommand } from '../../src/cli/commands/whatif.js';
import type { ScoreResult } from '../../src/index.js';
import { launchChromium } from '../support/chromium.js';
import { runCli } from '../support/cli.js';

const root = resolve(import.meta.dirname, '..', '..');
const output = join(root, 'test', 'browser', 'output');
const file = join(output, 'interactive.html');
const answers = join(root, 'fixtures', 'niem', 'answers.csv');
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

let browser: Browser;
const errors: string[] = [];
const requests: string[] = [];

/** `score --format json` through the CLI command, with extra arguments. */
async function cliScore(...extra: string[]): Promise<ScoreResult> {
  const r = await runCli(
    scoreCommand,
    '--framework',
    'niem',
    answers,
    '--format',
    'json',
    ...extra,
  );
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ScoreResult;
}

/** Overall score and rank per unit for a period of a result. */
function overallOf(result: ScoreResult, period: string): Map<string, [number, number]> {
  const overall = result.nodes.find((n) => n.id === result.rootId);
  const out = new Map<string, [number, number]>();
  result.rows.unit.forEach((u, r) => {
    if (result.periods[result.rows.period[r] as number]?.id !== period) return;
    out.set(result.units[u] as string, [overall?.score[r] as number, overall?.rank[r] as number]);
  });
  return out;
}

async function open(width: number, hash = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href + hash, { waitUntil: 'load' });
  await page.waitForSelector('html[data-interactive="ready"]', { timeout: 60_000 });
  return page;
}

async function ranking(page: Page): Promise<Map<string, [number, number]>> {
  const rows = await page.$$eval('#ranking-table tr[data-unit]', (trs) =>
    trs.map((tr) => [
      (tr as HTMLElement).dataset.unit ?? '',
      (tr as HTMLElement).dataset.score ?? '',
      (tr as HTMLElement).dataset.rank ?? '',
    ]),
  );
  return new Map(
    rows.map(([u, s, r]) => [u as string, [Number(s), Number(r)] as [number, number]]),
  );
}

function expectSame(page: Map<string, [number, number]>, cli: Map<string, [number, number]>) {
  expect([...page.keys()].sort()).toEqual([...cli.keys()].sort());
  for (const [unit, [score, rank]] of cli) {
    const [s, r] = page.get(unit) as [number, number];
    expect(Math.abs(s - score), `${unit} score`).toBeLessThanOrEqual(1e-9);
    expect(r, `${unit} rank`).toBe(rank);
  }
}

async function setWeight(page: Page, node: string, value: string): Promise<void> {
  const input = page.locator(`input[data-weight="${node}"]`);
  await input.fill(value);
  await input.press('Enter');
  await input.dispatchEvent('change');
}

beforeAll(async () => {
  mkdirSync(output, { recursive: true });
  const r = await runCli(reportCommand, '--framework', 'niem', answers, '--out', file, '--quiet');
  expect(r.code).toBe(0);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe('the interactive report', () => {
  it('is one file of at most 1 MB that loads nothing but itself', async () => {
    expect(statSync(file).size).toBeLessThanOrEqual(1024 * 1024);
    const page = await open(1280);
    expect(await page.locator('input[data-weight]').count()).toBeGreaterThanOrEqual(12 + 3);
    await page.close();
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.endsWith('/interactive.html'))).toEqual([]);
  }, 120_000);

  it('recomputes every score and rank as score --weight does', async () => {
    const page = await open(1280);
    expectSame(await ranking(page), overallOf(await cliScore(), '2021'));
    await setWeight(page, 'housing', '0');
    await page.waitForFunction(() => location.hash.includes('housing'));
    const cli = await cliScore('--weight', 'housing=0');
    expectSame(await ranking(page), overallOf(cli, '2021'));
    // The heat map and every table were redrawn from the same result: the profiles' headings
    // carry the new overall scores.
    const heading = await page.textContent('#profiles h3');
    expect(heading).toMatch(/\d/);
    // A stage and a group too, at once.
    await setWeight(page, 'legal', '2.5');
    await setWeight(page, 'socio-economic', '1');
    await page.waitForFunction(() => location.hash.includes('legal'));
    expectSame(
      await ranking(page),
      overallOf(await cliScore('--weight', 'housing=0,legal=2.5,socio-economic=1'), '2021'),
    );
    await page.click('#ii-reset');
    await page.waitForFunction(() => !location.hash.includes('housing'));
    expectSame(await ranking(page), overallOf(await cliScore(), '2021'));
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('keeps the view in the URL hash: a shared link opens with the same scores', async () => {
    const page = await open(1280, '#p=2019&w=housing%3A0');
    expect(await page.inputValue('#ii-period')).toBe('2019');
    expect(await page.inputValue('input[data-weight="housing"]')).toBe('0');
    expectSame(await ranking(page), overallOf(await cliScore('--weight', 'housing=0'), '2019'));
    await page.selectOption('#ii-period', '2017');
    expectSame(await ranking(page), overallOf(await cliScore('--weight', 'housing=0'), '2017'));
    expect(await page.evaluate(() => location.hash)).toContain('p=2017');
    await page.close();
  }, 180_000);

  it('shows a what-if change as whatif --set does', async () => {
    const page = await open(1280);
    await page.click('summary:has-text("What if")');
    await page.selectOption('#ii-whatif-unit', 'XC');
    const indicator = 'mai_lf_equal_treatment_clause';
    await page.selectOption('#ii-whatif-indicator', indicator);
    await page.selectOption('#ii-whatif-answer', 'a');
    await page.click('#ii-whatif-apply');
    await page.waitForFunction(() => location.hash.includes('wi='));
    const r = await runCli(
      whatifCommand,
      '--framework',
      'niem',
      answers,
      '--unit',
      'XC',
      '--period',
      '2021',
      '--set',
      `${indicator}=a`,
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const whatif = JSON.parse(r.stdout) as {
      scores: { node: string; after: number | null }[];
    };
    const after = whatif.scores.find((s) => s.node === 'overall')?.after as number;
    const [score] = (await ranking(page)).get('XC') as [number, number];
    expect(Math.abs(score - after)).toBeLessThanOrEqual(1e-9);
    await page.click('#ii-whatif-clear');
    await page.waitForFunction(() => !location.hash.includes('wi='));
    expectSame(await ranking(page), overallOf(await cliScore(), '2021'));
    await page.close();
  }, 180_000);

  it('compares two units side by side, sorts and filters tables, and downloads the view', async () => {
    const page = await open(1280);
    await page.click('summary:has-text("Compare two units")');
    await page.selectOption('#ii-compare-a', 'XB');
    await page.selectOption('#ii-compare-b', 'XC');
    const cli = overallOf(await cliScore(), '2021');
    const cells = await page.$$eval('#ii-compare tr[data-node="overall"] td[data-score]', (tds) =>
      tds.map((td) => Number((td as HTMLElement).dataset.score)),
    );
    expect(cells[0]).toBeCloseTo(cli.get('XB')?.[0] as number, 9);
    expect(cells[1]).toBeCloseTo(cli.get('XC')?.[0] as number, 9);
    // Sort the ranking by unit, descending, with the keyboard.
    const unitHeader = page.locator('#ranking-table thead th button.sort').nth(1);
    await unitHeader.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const order = await page.$$eval('#ranking-table tbody tr', (trs) =>
      trs.map((tr) => (tr as HTMLElement).dataset.unit),
    );
    expect(order).toEqual(['XC', 'XB', 'XA']);
    // Filter the evidence of one unit.
    const filter = page.locator('#evidence .table-filter').first();
    await filter.fill('emp_lf');
    const visible = await page.$$eval(
      '#evidence table.evidence',
      (tables) =>
        Array.from((tables[0] as HTMLTableElement).tBodies[0]?.rows ?? []).filter((r) => !r.hidden)
          .length,
    );
    expect(visible).toBeGreaterThan(0);
    expect(visible).toBeLessThan(20);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#ii-download'),
    ]);
    const path = await download.path();
    const csv = readFileSync(path as string, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^unit,period,overall,/);
    expect(csv).toContain(String(cli.get('XA')?.[0]));
    await page.close();
  }, 180_000);

  for (const width of [1280, 390]) {
    it(`clips nothing at ${width} px: wide tables scroll inside their box`, async () => {
      const page = await open(width);
      await page.click('summary:has-text("Compare two units")');
      const overflow = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const bad: string[] = [];
        for (const e of Array.from(document.querySelectorAll('body *'))) {
          if (e.closest('.table-wrap, svg, script, style, head')) continue;
          const r = e.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          if (r.right > vw + 1 || r.left < -1)
            bad.push(
              `${e.tagName}#${e.id}.${e.className} ${Math.round(r.left)}-${Math.round(r.right)}`,
            );
        }
        for (const w of Array.from(document.querySelectorAll('.table-wrap'))) {
          const r = w.getBoundingClientRect();
          if (r.right > vw + 1) bad.push(`table-wrap ${Math.round(r.right)}`);
        }
        return { vw, scroll: document.documentElement.scrollWidth, bad: bad.slice(0, 10) };
      });
      expect(overflow.bad).toEqual([]);
      expect(overflow.scroll).toBeLessThanOrEqual(overflow.vw);
      await page.screenshot({ path: join(output, `interactive-${width}.png`), fullPage: true });
      await page.close();
    }, 180_000);
  }

  it('writes every radar label in full', async () => {
    const page = await open(1280);
    const labels = await page.$$eval('#profiles .radar-labels text', (texts) =>
      texts.map((t) => ({
        title: t.querySelector('title')?.textContent ?? '',
        shown: Array.from(t.querySelectorAll('tspan'))
          .map((s) => s.textContent ?? '')
          .join(' ')
          .replace(/ \(–\)$/, ''),
      })),
    );
    expect(labels.length).toBeGreaterThan(0);
    // Every character of the label is drawn (lines break at spaces or after hyphens).
    const squeeze = (x: string) => x.replace(/\s+/g, '');
    for (const l of labels) expect(squeeze(l.shown)).toBe(squeeze(l.title));
    await page.close();
  }, 120_000);

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    const page = await open(1280);
    await page.click('summary:has-text("What if")');
    await page.click('summary:has-text("Compare two units")');
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
          };
        }
      ).axe;
      const r = await axe.run();
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  }, 120_000);

  it('reads as the static report without scripts', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(await page.locator('#ii-controls').count()).toBe(0);
    expect(await page.locator('#ranking-table tr[data-unit]').count()).toBe(3);
    expect(await page.locator('#profiles svg').count()).toBeGreaterThan(0);
    await context.close();
  }, 60_000);

  it('keeps the robustness section of report --analysis when it re-scores', async () => {
    // A saved uncertainty result (the fields the report reads).
    const ua = join(output, 'interactive-ua.json');
    const rank = (median: number, q5: number, q95: number) => ({ median, q5, q95 });
    writeFileSync(
      ua,
      JSON.stringify({
        target: 'Index',
        runs: 100,
        units: [
          { unit: 'XA', nominal: { rank: 1 }, rank: rank(1, 1, 2) },
          { unit: 'XB', nominal: { rank: 2 }, rank: rank(2, 1, 3) },
          { unit: 'XC', nominal: { rank: 3 }, rank: rank(3, 2, 3) },
        ],
      }),
    );
    const withAnalysis = join(output, 'interactive-analysis.html');
    const r = await runCli(
      reportCommand,
      '--framework',
      'niem',
      answers,
      '--analysis',
      ua,
      '--out',
      withAnalysis,
      '--quiet',
    );
    expect(r.code, r.stderr).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(withAnalysis).href, { waitUntil: 'load' });
    expect(await page.locator('main #robustness svg').count()).toBeGreaterThan(0);
    await setWeight(page, 'housing', '0');
    await page.waitForFunction(() => location.hash.includes('housing'));
    expect(await page.locator('main #robustness svg').count()).toBeGreaterThan(0);
    expect(await page.locator('#robustness').count()).toBe(1);
    await page.close();
  }, 60_000);
});
