import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainCommand } from '../src/cli/commands/explain.js';
import { reportCommand } from '../src/cli/commands/report.js';
import { scoreCommand } from '../src/cli/commands/score.js';
import { localeFormat } from '../src/text/locale.js';
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
