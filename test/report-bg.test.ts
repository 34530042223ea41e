import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainCommand } from '../src/cli/commands/explain.js';
import { reportCommand } from '../src/cli/commands/report.js';
import { scoreCommand } from '../src/cli/commands/score.js';
import { nodesOf } from '../src/framework/validate/walk.js';
import { loadFrameworkDir } from '../src/node/framework.js';
import { analysisWords } from '../src/report/analysis-words.js';
import { localeFormat } from '../src/text/locale.js';
import { resolveText } from '../src/text/resolve.js';
import { runCli } from './support/cli.js';

describe('localeFormat', () => {
  it('writes numbers and dates the Bulgarian way, and leaves English as it was', () => {
    const bg = localeFormat('bg');
    expect([bg.number('62.5'), bg.number('-3.0'), bg.number('100')]).toEqual([
      '62,5',
      '-3,0',
      '100',
    ]);
    expect(bg.date('2019-04-30')).toBe('30 април 2019 г.');
    expect(bg.date('not a date')).toBe('not a date');
    const en = localeFormat('en');
    expect([en.number('62.5'), en.date('2019-04-30'), en.count(1234)]).toEqual([
      '62.5',
      '2019-04-30',
      '1234',
    ]);
  });
});

describe('report --lang bg', () => {
  it('has Bulgarian headings, legend, progress and methodology, decimal commas and a written-out date', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ii-report-bg-')), 'r.html');
    const r = await runCli(
      reportCommand,
      '--framework',
      'niem',
      join('fixtures', 'niem', 'answers.csv'),
      '--period',
      '2019',
      '--lang',
      'bg',
      '--out',
      out,
      '--quiet',
    );
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="bg"');
    expect(html).toContain('30 април 2019 г.');
    for (const heading of ['Класиране', 'Методология', 'Напредък на оценяването', 'Конвенции']) {
      expect(html).toContain(heading);
    }
    expect(html).toContain('<dt>Закръгляване</dt>');
    expect(html).toContain('Прочетени отговори: 1');
    // Scores print with a decimal comma, never a decimal point.
    const scores = [
      ...html.matchAll(/<td class="num"><bdi dir="ltr">(-?\d+[.,]\d)<\/bdi><\/td>/g),
    ].map((m) => m[1]);
    expect(scores.length).toBeGreaterThan(10);
    expect(scores.every((s) => s?.includes(','))).toBe(true);
    // No English convention text is left in the methodology (the page's own text: the script
    // of the interactive part carries the library's messages in every language).
    const markup = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
    for (const english of [
      'Aggregation',
      'Rounding',
      'Standard competition ranking',
      'answers read from',
    ]) {
      expect(markup).not.toContain(english);
    }
  });
});

describe('the command line with --lang bg', () => {
  const path = join('fixtures', 'experts', 'two-experts.csv');

  it('score prints the table with Bulgarian headings and decimal commas', async () => {
    const r = await runCli(scoreCommand, '--framework', 'niem', path, '--lang', 'bg');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^XA {2}2019 {2}.+: \d+,\d {2}\(място 1\)$/);
    // Stage titles wrap onto two header lines (the table fits 100 columns); the last ends so.
    expect(lines.slice(1, 4).some((l) => /Общо {2}Място$/.test(l))).toBe(true);
    expect(r.stdout).toContain('(не се оценява)');
    expect(r.stdout).not.toMatch(/\d\.\d/);
  });

  it('explain words the tree in Bulgarian, with dates written out', async () => {
    const r = await runCli(
      explainCommand,
      '--framework',
      'niem',
      path,
      '--unit',
      'XA',
      '--period',
      '2019',
      '--node',
      'res_lf_fees',
      '--lang',
      'bg',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('място 1 от 1');
    expect(r.stdout).toContain(
      'отговор на ivanova · статус: окончателен · прегледан от georgieva на 14 февруари 2020 г.',
    );
    expect(r.stdout).toContain('източник: XA res legislation (fictional)');
  });
});

describe('report --lang bg --analysis: the robustness section and the progress board', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ii-report-bg-analysis-'));
  const rank = (median: number, q5: number, q95: number) => ({ median, q5, q95 });
  // Saved results as `uncertainty` and `sensitivity --format json` write them (the fields the
  // report reads), with decimal medians and indices so that decimal separators show.
  const ua = {
    target: 'Index',
    runs: 1000,
    units: [
      { unit: 'XA', nominal: { rank: 1 }, rank: rank(1.5, 1, 2) },
      { unit: 'XB', nominal: { rank: 2 }, rank: rank(2, 1, 3) },
      { unit: 'XC', nominal: { rank: 3 }, rank: rank(2.5, 2, 3) },
    ],
  };
  const sa = {
    target: 'Index',
    runs: 12000,
    bootstrap: 200,
    indices: [
      { assumption: 'Weights', first: 0.25, total: 0.5, firstInterval: [0.125, 0.375] },
      { assumption: 'Aggregation', first: 0.125, total: 0.25 },
    ],
  };
  const uaPath = join(dir, 'ua.json');
  const saPath = join(dir, 'sa.json');
  writeFileSync(uaPath, JSON.stringify(ua));
  writeFileSync(saPath, JSON.stringify(sa));
  const report = async (...lang: string[]) => {
    const out = join(dir, `r${lang.join('')}.html`);
    const r = await runCli(
      reportCommand,
      '--framework',
      'niem',
      join('fixtures', 'niem', 'answers.csv'),
      '--period',
      '2019',
      '--analysis',
      `${uaPath},${saPath}`,
      '--static',
      '--out',
      out,
      '--quiet',
      ...lang,
    );
    expect(r.code, r.stderr).toBe(0);
    return readFileSync(out, 'utf8').replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
  };
  /** Every English text of the section, with sample values where it takes some. */
  const englishWords = (() => {
    const w = analysisWords('en');
    return [
      w.heading,
      w.uncertaintyDescription,
      w.sensitivityDescription,
      w.rankAxis,
      w.firstOrder,
      w.totalOrder,
      'Rank uncertainty of',
      'Sensitivity of the ranks of',
      'bootstrap resamples',
      'runs of the sampled assumptions',
      'median rank',
      ', nominal ',
    ];
  })();

  it('is written in Bulgarian, numbers with a decimal comma; English stays as it was', async () => {
    const html = await report('--lang', 'bg');
    const w = analysisWords('bg');
    expect(html).toContain('<li><a href="#robustness">Устойчивост на класирането</a></li>');
    expect(html).toContain('<h2 id="robustness-h">Устойчивост на класирането</h2>');
    expect(html).toContain(
      w.sensitivityCaption({ target: 'Index', runs: '12\u00a0000', bootstrap: '200' }),
    );
    expect(html).toContain(w.uncertaintyCaption({ target: 'Index', runs: '1000' }));
    expect(html).toContain('Неопределеност на класирането по „Index“ (симулации: 1000)');
    expect(html).toContain(escapeText(w.rankAxis));
    expect(html).toContain('XA: медианно място 1,5, 5–95%: 1–2, номинално място 1');
    expect(html).toContain('Weights, първи ред: 0,250 (5–95%: от 0,125 до 0,375)');
    expect(html).toContain('>0,2</text>');
    for (const english of englishWords) expect(html).not.toContain(english);

    const en = await report();
    for (const english of englishWords) expect(en).toContain(english);
    expect(en).toContain('XA: median rank 1.5, 5-95% 1-2, nominal 1');
    expect(en).toContain('Weights, first order: 0.250 (5-95%: 0.125 to 0.375)');
    expect(en).toContain(
      'Sensitivity of the ranks of Index: first- and total-order indices per assumption, 12000 runs, 200 bootstrap resamples.',
    );
  });

  it('names the dimensions of the progress board in Bulgarian', async () => {
    const html = await report('--lang', 'bg');
    const framework = loadFrameworkDir(join('indicators', 'niem'));
    // The dimensions: the nodes that hold indicators (the groups above them hold dimensions).
    const dimensions = nodesOf(framework).filter((n) => !n.node.children?.length);
    expect(dimensions.length).toBeGreaterThan(10);
    const board = html.slice(html.indexOf('class="data-table progress"'));
    const cell = (text: string) => `<td dir="auto">${escapeText(text)}</td>`;
    const shown = dimensions.filter(({ node }) =>
      board.includes(cell(resolveText(node.title, 'bg', framework.language).text)),
    );
    // Every dimension is on the board (the unscored one too), and none in English.
    expect(shown).toHaveLength(dimensions.length);
    for (const { node } of dimensions) {
      const english = resolveText(node.title, 'en', framework.language).text;
      expect(english).not.toBe(resolveText(node.title, 'bg', framework.language).text);
      expect(board).not.toContain(cell(english));
    }
  });
});

/** Text as the report escapes it in markup. */
function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
