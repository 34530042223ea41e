/**
 * Issue 8's language and evidence criteria end to end, on a small English/Bulgarian framework:
 * it validates, a missing translation is a warning with file and line, `template --lang bg`
 * prints the Bulgarian questionnaire, `explain --lang bg` shows Bulgarian titles with each
 * answer's source and comment, and Cyrillic, Arabic and Hebrew evidence survives the JSON result,
 * the CSV export and the HTML report.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { explainCommand } from '../src/cli/commands/explain.js';
import { scoreCommand } from '../src/cli/commands/score.js';
import { templateCommand } from '../src/cli/commands/template.js';

import { explain, readAnswers, renderReport, type ScoreResult, score } from '../src/index.js';
import { toCsv } from '../src/io/csv.js';
import { loadFrameworkDir, validatePaths, verifyResultFile } from '../src/node.js';
import { runCli as run, tempWorkDir } from './support/cli.js';

const work = tempWorkDir('ii-languages-');
const fw = join(work, 'bilingual');
mkdirSync(fw);
writeFileSync(
  join(fw, 'framework.yaml'),
  [
    'id: bilingual',
    'title: { en: Bilingual, bg: Двуезична }',
    'edition: "1"',
    'version: 1.0.0',
    'language: en',
    'languages: [en, bg]',
    'periods: [{ id: "2021", referenceDate: 2021-03-31 }]',
    'overall: { id: overall, title: { en: Overall, bg: Обща оценка } }',
    '',
  ].join('\n'),
);
writeFileSync(
  join(fw, 'housing.yaml'),
  [
    'id: housing',
    'title: { en: Housing, bg: Жилище }',
    'indicators:',
    '  - id: benefit',
    '    title: { en: Housing benefit, bg: Жилищна помощ }',
    '    question: { en: Can refugees claim housing benefit?, bg: Могат ли бежанците да получат жилищна помощ? }',
    '    rule:',
    '      kind: choice',
    '      options:',
    '        - { code: a, label: { en: "Yes", bg: Да }, score: 100 }',
    '        - { code: b, label: { en: "No", bg: Не }, score: 0 }',
    '  - id: advice',
    '    title: { en: Housing advice, bg: Жилищни съвети }',
    '    question: Is free housing advice available?',
    '    rule: { kind: boolean, labels: { yes: { en: "Yes", bg: Да }, no: { en: "No", bg: Не } } }',
    '',
  ].join('\n'),
);
const answers = join(work, 'answers.csv');
const sourceBg = 'Закон за убежището, чл. 32';
const commentBg = 'Потвърдено от министерството <b>&</b>';
const sourceAr = 'قانون اللجوء، المادة ٣٢';
const commentHe = 'נבדק מול החוק "ביטוח"';
writeFileSync(
  answers,
  [
    'unit,period,indicator,answer,source,comment',
    `BG,2021,benefit,a,"${sourceBg}","${commentBg}"`,
    `BG,2021,advice,no,${sourceAr},"${commentHe.replace(/"/g, '""')}"`,
    '',
  ].join('\n'),
);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an English and Bulgarian framework', () => {
  it('validates, with a warning naming the file and line of the missing translation', () => {
    const v = validatePaths([fw]);
    expect(v.valid).toBe(true);
    expect(v.warnings.map((w) => [w.code, w.file?.endsWith('housing.yaml'), w.line])).toEqual([
      ['TEXT_MISSING_TRANSLATION', true, 14],
    ]);
    expect(v.warnings[0]?.message).toContain('"bg"');
  });

  it('template --lang bg prints the Bulgarian questionnaire and says where it fell back', async () => {
    const r = await run(templateCommand, '--framework', fw, '--lang', 'bg', '--units', 'BG');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Могат ли бежанците да получат жилищна помощ?');
    expect(r.stdout).toContain('Жилищна помощ');
    expect(r.stdout).toContain('Is free housing advice available?');
    expect(r.stdout).not.toContain('Can refugees claim housing benefit?');
    expect(r.stderr).toContain('ANSWER_TEMPLATE_FALLBACK');
  });

  it('explain --lang bg shows Bulgarian titles and the evidence behind each answer', async () => {
    const r = await run(
      explainCommand,
      '--framework',
      fw,
      answers,
      '--unit',
      'BG',
      '--period',
      '2021',
      '--lang',
      'bg',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Обща оценка');
    expect(r.stdout).toContain('Жилищна помощ');
    // The tree's own words follow --lang too (issue 16).
    expect(r.stdout).toContain(`източник: ${sourceBg}`);
    expect(r.stdout).toContain(`коментар: ${commentBg}`);
    expect(r.stdout).toContain(`източник: ${sourceAr}`);
    expect(r.stdout).toContain(`коментар: ${commentHe}`);
    const en = await run(
      explainCommand,
      '--framework',
      fw,
      answers,
      '--unit',
      'BG',
      '--period',
      '2021',
    );
    expect(en.stdout).toContain('Housing benefit');
    expect(en.stdout).not.toContain('Жилищна помощ');
  });

  it('keeps non-Latin and right-to-left evidence through the JSON result, CSV export and HTML report', async () => {
    const out = join(work, 'result.json');
    const s = await run(
      scoreCommand,
      '--framework',
      fw,
      answers,
      '--lang',
      'bg',
      '-f',
      'json',
      '-o',
      out,
    );
    expect(s.code).toBe(0);
    const result: ScoreResult = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.values(result.answers.source).sort()).toEqual([sourceBg, sourceAr].sort());
    expect(Object.values(result.answers.comment).sort()).toEqual([commentBg, commentHe].sort());
    expect(result.provenance?.options.lang).toBe('bg');
    expect((await verifyResultFile(out)).ok).toBe(true);

    const tree = explain(result, { unit: 'BG', period: '2021', node: 'housing' });
    const leaves = JSON.stringify(tree);
    for (const text of [sourceBg, commentBg, sourceAr, commentHe])
      expect(leaves).toContain(JSON.stringify(text).slice(1, -1));

    // Written back as an answer file (CSV) and read again: the same evidence and scores.
    const indicatorRows = result.nodes.filter((n) => n.kind === 'indicator');
    const rows: string[][] = [['unit', 'period', 'indicator', 'answer', 'source', 'comment']];
    for (const n of indicatorRows) {
      const a = n.answer?.[0];
      if (a === undefined || a === null) continue;
      rows.push([
        'BG',
        '2021',
        n.id,
        String(result.answers.answer[a]),
        result.answers.source[String(a)] ?? '',
        result.answers.comment[String(a)] ?? '',
      ]);
    }
    const again = score(
      loadFrameworkDir(fw),
      readAnswers([{ path: 'again.csv', content: toCsv(rows) }]),
      { lang: 'bg' },
    );
    expect(Object.values(again.answers.source).sort()).toEqual([sourceBg, sourceAr].sort());
    expect(Object.values(again.answers.comment).sort()).toEqual([commentBg, commentHe].sort());
    expect(again.nodes.map((n) => n.score)).toEqual(result.nodes.map((n) => n.score));
    expect(again.nodes.find((n) => n.id === 'benefit')?.title).toBe('Жилищна помощ');

    const html = renderReport(result, loadFrameworkDir(fw), { lang: 'bg' } as never);
    expect(html).toContain(sourceAr);
    expect(html).toContain(commentHe.replace(/"/g, '&quot;'));
    expect(html).toContain('Потвърдено от министерството &lt;b&gt;&amp;&lt;/b&gt;');
    expect(html).not.toContain('<b>&</b>');
  });
});
