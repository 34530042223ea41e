import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from 'citty';
import { describe, expect, it, vi } from 'vitest';
import { readAnswers } from '../src/answers/read/index.js';
import {
  buildTemplate,
  longTemplateColumns,
  templateToCsv,
} from '../src/answers/template/index.js';
import { UsageError } from '../src/cli/command.js';
import { templateCommand } from '../src/cli/commands/template.js';
import { IntegrationIndexError } from '../src/errors/issue.js';
import { frameworkSchema } from '../src/framework/schema/framework.js';
import { readAnswerFiles } from '../src/node/answers.js';
import { loadFrameworkDir } from '../src/node/framework.js';

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
        'a = Три или повече години (100); b = От една до три години (50); c = По-малко от година (0); x = Не се издават разрешения (not applicable)',
    });
    expect(t.questions[1]?.allowed).toBe(
      'a number (години), from 0 to 20: 3 or more = стандартът е изпълнен (100); 1 to under 3 (50); under 1 (0)',
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
