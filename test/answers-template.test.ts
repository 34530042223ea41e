import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from 'citty';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { readAnswers } from '../src/answers/read/index.js';
import {
  buildTemplate,
  longTemplateColumns,
  templateToCsv,
} from '../src/answers/template/index.js';
import { UsageError } from '../src/cli/command.js';
import { templateCommand } from '../src/cli/commands/template.js';
import {
  type AnswerTemplateTexts,
  answerTemplateTexts,
  answerTemplateTextsIn,
} from '../src/errors/catalogue/answers.js';
import { xlsxTemplateTexts, xlsxTemplateTextsIn } from '../src/errors/catalogue/xlsx.js';
import { IntegrationIndexError } from '../src/errors/issue.js';
import { frameworkSchema } from '../src/framework/schema/framework.js';
import { readAnswerFiles } from '../src/node/answers.js';
import { loadFrameworkDir } from '../src/node/framework.js';
import { runCli } from './support/cli.js';

const root = join(import.meta.dirname, '..');
const folder = 'test/fixtures/answers/framework';
const framework = loadFrameworkDir(join(root, folder));

const ids = [
  'res_permit',
  'res_years',
  'res_support',
  'res_docs.origin',
  'res_docs.fee',
  'int_wait',
  'int_rate',
  'int_law',
  'int_cutoff',
  'int_age',
];

describe('buildTemplate', () => {
  it('lists every question that takes an answer: sub-questions instead of composites, no formulas over indicators, no retired indicators', () => {
    const t = buildTemplate(framework);
    expect(t.questions.map((q) => q.id)).toEqual(ids);
    expect(t.questions[3]).toMatchObject({
      dimension: 'residency',
      stage: 'policy',
      title: 'Documents: Without documents from the country of origin',
      question: 'Without documents from the country of origin',
    });
    expect(t.questions[4]).toMatchObject({
      title: 'Documents: Fee waived',
      question: 'Is the fee waived?',
    });
    expect(t.questions[6]).not.toHaveProperty('stage');
  });

  it('says the allowed answers of every rule kind in words', () => {
    const allowed = Object.fromEntries(
      buildTemplate(framework).questions.map((q) => [q.id, q.allowed]),
    );
    expect(allowed).toEqual({
      res_permit:
        'a = Three years or more (100); b = One to three years (50); c = Less than a year (0); x = No permits issued (not applicable)',
      res_years:
        'a number (years), from 0 to 20: 3 or more = standard met (100); 1 to under 3 (50); under 1 (0)',
      res_support:
        'one or more of, separated by "|": housing = Housing benefit (50); cash = Cash allowance (50); none = none of these (0)',
      'res_docs.origin': 'yes = allowed (100); no = refused (0)',
      'res_docs.fee': 'yes (100); no (0)',
      int_wait: 'a number (months), scored linearly from 0 to 12, lower is better',
      int_rate: 'a number (%), from 0 to 100',
      int_law: 'a date YYYY-MM-DD: in force on the reference date: 100, otherwise 0',
      int_cutoff: 'a date YYYY-MM-DD: before 2015-01-01: 100; before 2019-01-01: 50; otherwise: 0',
      int_age:
        'a date YYYY-MM-DD: whole years before the reference date: 5 or more (100); under 5 (50)',
    });
  });

  it('writes Bulgarian texts with --lang bg and counts the ones that fell back to English', () => {
    const t = buildTemplate(framework, { lang: 'bg' });
    expect(t.lang).toBe('bg');
    expect(t.questions[0]).toMatchObject({
      title: 'Срок на разрешението',
      question: 'Колко дълго е валидно първото разрешение?',
      allowed:
        'a = Три или повече години (100); b = От една до три години (50); c = По-малко от година (0); x = Не се издават разрешения (неприложимо)',
    });
    expect(t.questions[1]?.allowed).toBe(
      'число (години), от 0 до 20: 3 или повече = стандартът е изпълнен (100); от 1 до по-малко от 3 (50); по-малко от 1 (0)',
    );
    expect(t.questions[3]?.allowed).toBe('yes = разрешено (100); no = отказано (0)');
    // The plain unit "%" is a symbol, not counted as a text to translate (as in validate).
    expect(t.texts).toEqual({ total: 25, fallbacks: 12 });
    expect(t.warnings).toMatchObject([
      {
        code: 'ANSWER_TEMPLATE_FALLBACK',
        severity: 'warning',
        params: { lang: 'bg', fallbackLang: 'en', count: 12, total: 25 },
      },
    ]);
    expect(buildTemplate(framework, { lang: 'en' }).warnings).toEqual([]);
    expect(buildTemplate(framework).texts).toEqual({ total: 25, fallbacks: 0 });
  });

  it('writes a row per unit, period and question in the long layout, the last period by default', () => {
    const t = buildTemplate(framework, { units: ['BG', 'PL'], periods: ['2019', '2021'] });
    expect(t.header).toEqual([...longTemplateColumns]);
    expect(t.rows).toHaveLength(2 * 2 * ids.length);
    expect(t.rows[0]).toEqual([
      'BG',
      '2019',
      'res_permit',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      'residency',
      'legal',
      'Permit duration',
      'How long is the first permit valid?',
      t.questions[0]?.allowed,
    ]);
    expect(t.rows.at(-1)?.slice(0, 3)).toEqual(['PL', '2021', 'int_age']);
    expect(buildTemplate(framework).rows.map((r) => r.slice(0, 2))).toEqual(
      ids.map(() => ['', '2021']),
    );
  });

  it('reads back, filled in, through readAnswers unchanged (long, Excel-safe, with BOM)', () => {
    const t = buildTemplate(framework, { units: ['BG'], periods: ['2021'], lang: 'bg' });
    const answers = [
      'a',
      '4',
      'housing|cash',
      'yes',
      'no',
      '-3',
      '61.5',
      '2010-05-01',
      '2016-01-01',
      'n/a',
    ];
    const filled = {
      ...t,
      rows: t.rows.map((row, i) => {
        const copy = [...row];
        copy[3] = answers[i] as string;
        copy[6] = i === 0 ? '=Закон за чужденците, чл. 24' : '';
        return copy;
      }),
    };
    const csv = templateToCsv(filled, { bom: true, excelSafe: true });
    expect(csv.startsWith('\ufeffunit,period,indicator,answer,')).toBe(true);
    expect(csv).toContain("'=Закон за чужденците, чл. 24");
    const set = readAnswers([{ path: 'bg.csv', content: new TextEncoder().encode(csv) }]);
    expect(set.errors).toEqual([]);
    expect(set.warnings).toEqual([]);
    expect(set.rejected).toEqual([]);
    expect(set.rows.map((r) => [r.unit, r.period, r.indicator, r.answer])).toEqual(
      ids.map((id, i) => ['BG', '2021', id, answers[i]]),
    );
    expect(set.rows[0]?.source).toBe('=Закон за чужденците, чл. 24');
  });

  it('reads back, filled in, through readAnswers unchanged (wide, note rows skipped)', () => {
    const t = buildTemplate(framework, { units: ['XA', 'XB'], periods: ['2019'], format: 'wide' });
    expect(t.header).toEqual(['unit', 'period', ...ids]);
    expect(t.rows.slice(0, 5).map((r) => r[0])).toEqual([
      '#dimension',
      '#stage',
      '#title',
      '#question',
      '#allowed',
    ]);
    const filled = {
      ...t,
      rows: t.rows.map((row) => (row[0] === 'XA' ? row.map((c, i) => (i === 2 ? 'b' : c)) : row)),
    };
    const set = readAnswers([
      { path: 'wide.csv', content: templateToCsv(filled, { delimiter: ';' }) },
    ]);
    expect(set.errors).toEqual([]);
    expect(set.read).toBe(2 * ids.length);
    expect(
      set.rows.filter((r) => r.answer !== null).map((r) => [r.unit, r.indicator, r.answer]),
    ).toEqual([['XA', 'res_permit', 'b']]);
    expect(set.rows[0]?.origin).toMatchObject({ row: 6, line: 7 });
  });

  it('works on a framework built in memory, and does not change it', () => {
    const inline = frameworkSchema.parse({
      id: 'mini',
      title: 'Mini',
      edition: '1',
      version: '1.0.0',
      periods: [{ id: 'R1', referenceDate: '2020-01-01' }],
      dimensions: [
        {
          id: 'd',
          title: 'D',
          children: [
            {
              id: 'd1',
              title: 'D1',
              indicators: [{ id: 'i1', title: 'I1', rule: { kind: 'boolean' } }],
            },
          ],
        },
      ],
    });
    const before = JSON.stringify(inline);
    const t = buildTemplate(inline, { units: ['U'] });
    expect(t.rows).toEqual([
      [
        'U',
        'R1',
        'i1',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        'd1',
        '',
        'I1',
        'I1',
        'yes (100); no (0)',
      ],
    ]);
    expect(JSON.stringify(inline)).toBe(before);
  });
});

const tsx = join(root, 'node_modules', '.bin', 'tsx');

/** Runs the real binary in a child process (slow: used once, for the wiring). */
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['src/cli/main.ts', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the command in this process (citty parses the arguments), capturing stdout and stderr. */
async function run(
  ...rawArgs: string[]
): Promise<{ result: unknown; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const { result } = await runCommand(templateCommand, { rawArgs });
    return { result, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('integration-index template', () => {
  it('writes a Bulgarian Excel template to a file, says how many texts fell back, and reads back', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ii-template-')), 'bg.csv');
    const r = await run(
      '--framework',
      folder,
      '--units',
      'BG,PL',
      '--period',
      '2019,2021',
      '--lang',
      'bg',
      '--excel',
      '--out',
      out,
    );
    expect(r.result).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${folder}: warning ANSWER_TEMPLATE_FALLBACK: 12 of 25 texts have no "bg" version; they are written in "en".\n`,
    );
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Срок на разрешението');
    const set = await readAnswerFiles([out]);
    expect(set.errors).toEqual([]);
    expect(set.rejected).toEqual([]);
    expect(set.rows).toHaveLength(2 * 2 * ids.length);
    expect(new Set(set.rows.map((r) => `${r.unit}/${r.period}`))).toEqual(
      new Set(['BG/2019', 'BG/2021', 'PL/2019', 'PL/2021']),
    );
  });

  it('prints the wide layout on stdout', async () => {
    const r = await run('--framework', folder, '--format', 'wide', '--units', 'XA');
    expect(r.result).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`unit,period,${ids.join(',')}`);
    expect(lines.at(-1)).toBe(`XA,2021${','.repeat(ids.length)}`);
  });

  it('throws usage errors (exit 2) and coded errors (exit 1)', async () => {
    await expect(run('--framework', folder, '--period', '1999')).rejects.toThrow(UsageError);
    await expect(run('--framework', folder, '--period', '1999')).rejects.toThrow(
      /1999.*2019, 2021/,
    );
    await expect(run('--framework', folder, '--format', 'xml')).rejects.toThrow(UsageError);
    await expect(run('--framework', folder, '--lang', 'bulgarian!')).rejects.toThrow(UsageError);
    await expect(run('--framework', folder, '--formt', 'wide')).rejects.toThrow(UsageError);
    const missing = run('--framework', 'test/fixtures/answers/nope');
    await expect(missing).rejects.toBeInstanceOf(IntegrationIndexError);
    await expect(missing).rejects.toMatchObject({ issues: [{ code: 'FILE_NOT_FOUND' }] });
  });

  it('runs as a binary: --help, and a coded error without a stack trace', async () => {
    const [help, missing] = await Promise.all([
      cli('template', '--help'),
      cli('template', '--framework', 'test/fixtures/answers/nope'),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--framework');
    expect(help.stdout).toContain('--excel');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('error FILE_NOT_FOUND');
    expect(missing.stderr).not.toContain('    at ');
  }, 300_000);
});

/**
 * The Latin-script words of a text meant to be Bulgarian, leaving out what a Bulgarian form keeps
 * as typed: answer codes (`a = `, `yes = `, `none = `), column and sheet names in quotation
 * marks („answer“), and Excel, .xlsx, n/a, the example a|c and language levels (A2, B1).
 */
function latinWords(text: string): string[] {
  const rest = text
    .replace(/„[^“]*“/g, ' ')
    .replace(/[\w|.-]+ = /g, ' ')
    .replace(/\b(Excel|xlsx|n\/a|a\|c|[ABC][12])\b/g, ' ');
  return rest.match(/[A-Za-z]+/g) ?? [];
}

/** Every text of a template-words catalogue, each function called with sample parameters. */
function everyTemplateText(say: AnswerTemplateTexts): string[] {
  return [
    say.notApplicable,
    say.oneOf,
    say.severalOf({ separator: '|' }),
    say.noneOfThese,
    say.yes,
    say.no,
    say.booleanAnswer({ code: 'yes' }),
    say.booleanAnswer({ code: 'no', label: 'Не' }),
    say.number({}),
    say.number({ unit: 'дни' }),
    say.range({ min: 0, max: 12.5 }),
    say.range({ min: 0 }),
    say.range({ max: 5 }),
    ...[
      { gte: 1, lt: 3 },
      { gte: 1, lte: 3 },
      { gt: 1, lt: 3 },
      { gt: 1, lte: 3 },
      { gte: 1 },
      { gt: 1 },
      { lt: 3 },
      { lte: 3 },
      {},
    ].map((b) => say.band(b)),
    say.linear({ min: 0, max: 10, lowerIsBetter: false }),
    say.linear({ min: 0, max: 10, lowerIsBetter: true }),
    say.date,
    say.inForce({ score: 100, otherwise: 0 }),
    say.before({ date: '2015-01-01', score: 50 }),
    say.otherwise({ score: 0 }),
    say.elapsedYears,
    say.scored({ text: 'текст', score: 33.5 }),
  ];
}

describe("the template's own words with --lang bg", () => {
  it('every word of the catalogue has a Bulgarian version, scores with a decimal comma and typed bounds with the point the reader takes; other languages get English', () => {
    const bg = everyTemplateText(answerTemplateTextsIn('bg'));
    const en = everyTemplateText(answerTemplateTexts);
    expect(bg.flatMap(latinWords)).toEqual([]);
    // The check finds English: every English text has a Latin word but these two.
    expect(en.filter((t) => latinWords(t).length === 0)).toEqual(['no = Не', 'текст (33.5)']);
    expect(bg.filter((t, i) => t === en[i])).toEqual(['no = Не']);
    expect(answerTemplateTextsIn('bg').scored({ text: 'а', score: 33.5 })).toBe('а (33,5)');
    // Bounds are what a person types into the answer cell: as the reader takes them.
    expect(answerTemplateTextsIn('bg').range({ min: -1.5, max: 2 })).toBe('от -1.5 до 2');
    expect(answerTemplateTextsIn('bg').band({ gte: 2.5, lt: 5 })).toBe('от 2.5 до по-малко от 5');
    expect(answerTemplateTextsIn('bg-BG')).toBe(answerTemplateTextsIn('bg'));
    expect(answerTemplateTextsIn('de')).toBe(answerTemplateTexts);
    expect(answerTemplateTextsIn(undefined)).toBe(answerTemplateTexts);
    expect(xlsxTemplateTextsIn('sv')).toBe(xlsxTemplateTexts);
    expect(xlsxTemplateTextsIn('bg').instructions).toHaveLength(
      xlsxTemplateTexts.instructions.length,
    );
  });

  it('template --framework niem --lang bg: the allowed answers hold no English word (csv)', async () => {
    const allowed = async (...lang: string[]) => {
      const r = await runCli(templateCommand, '--framework', 'niem', '--units', 'BG', ...lang);
      expect(r.code, r.stderr).toBe(0);
      const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
      return [...new Set(rows.map((row) => row.allowed as string))];
    };
    const bg = await allowed('--lang', 'bg');
    expect(bg.length).toBeGreaterThan(50);
    expect(bg.filter((a) => latinWords(a).length > 0)).toEqual([]);
    expect(bg).toContain(
      'един или повече от изброените, разделени с „|“: times = Гъвкав график (вечер, през почивните дни, на непълен ден) (25); childcare = Грижа за децата по време на занятията (25); travel = Поемане на пътните разходи (25); online = Онлайн или смесено обучение (25); none = нито едно от изброените (0)',
    );
    expect(bg).toContain(
      'дата във формат ГГГГ-ММ-ДД: в сила към референтната дата: 100, в противен случай 0',
    );
    // The same check on the English questionnaire finds the words it is there to catch.
    const words = new Set((await allowed()).flatMap(latinWords));
    for (const w of ['number', 'from', 'under', 'date', 'force', 'separated']) {
      expect(words).toContain(w);
    }
  });

  it('template --lang bg --out q.xlsx: the Instructions sheet, the About headers and every input message are Bulgarian; the keys stay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ii-template-bg-'));
    const read = async (out: string, ...lang: string[]) => {
      const r = await runCli(
        templateCommand,
        '--framework',
        'niem',
        '--units',
        'BG',
        '--out',
        join(dir, out),
        ...lang,
      );
      expect(r.code, r.stderr).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, out));
      return wb;
    };
    const wb = await read('bg.xlsx', '--lang', 'bg');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Answers', 'Instructions', 'About']);
    const lines = (wb.getWorksheet('Instructions') as ExcelJS.Worksheet)
      .getColumn(1)
      .values.filter((v): v is string => typeof v === 'string');
    // The heading row is the framework's title; then the instructions, all in Bulgarian.
    expect(lines.slice(1)).toEqual([...xlsxTemplateTextsIn('bg').instructions]);
    expect(lines.flatMap(latinWords)).toEqual([]);
    const answers = wb.getWorksheet('Answers') as ExcelJS.Worksheet;
    // The Answers sheet's header is read back: its machine keys are not translated.
    expect((answers.getRow(1).values as unknown[]).slice(1, 5)).toEqual([
      'unit',
      'period',
      'indicator',
      'answer',
    ]);
    const prompts = new Set<string>();
    answers.eachRow((row, r) => {
      if (r === 1) return;
      for (const c of [4, 5, 6]) {
        const prompt = row.getCell(c).dataValidation?.prompt;
        if (prompt) prompts.add(prompt);
      }
    });
    expect(prompts.size).toBeGreaterThan(50);
    expect(prompts).toContain(xlsxTemplateTextsIn('bg').datePrompt);
    expect([...prompts].filter((p) => latinWords(p).length > 0)).toEqual([]);
    const about = wb.getWorksheet('About') as ExcelJS.Worksheet;
    expect(about.getRow(1).values).toEqual([undefined, 'ключ', 'стойност']);
    expect(about.getColumn(1).values.slice(2, 6)).toEqual([
      'framework',
      'title',
      'edition',
      'version',
    ]);
    // The English workbook keeps its English words, and the check finds them.
    const en = await read('en.xlsx');
    const enLines = (en.getWorksheet('Instructions') as ExcelJS.Worksheet)
      .getColumn(1)
      .values.filter((v): v is string => typeof v === 'string');
    expect(enLines.slice(1)).toEqual([...xlsxTemplateTexts.instructions]);
    expect(enLines.slice(1).every((l) => latinWords(l).length > 3)).toBe(true);
    expect((en.getWorksheet('About') as ExcelJS.Worksheet).getRow(1).values).toEqual([
      undefined,
      'key',
      'value',
    ]);
  });
});
