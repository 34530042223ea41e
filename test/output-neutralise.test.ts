/**
 * Every CSV and Markdown writer, fed unit names a spreadsheet would run as formulas and names
 * carrying HTML and pipes: CSV cells starting with = + - @ tab or CR are neutralised (a leading
 * `'`) unless they are numbers, `--raw` writes them as they are, and Markdown escapes HTML and
 * pipes so neither markup nor a broken table gets through (issue 18, item 3).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { compareCommand } from '../src/cli/commands/compare.js';
import { exportCommand } from '../src/cli/commands/export.js';
import { gainsCommand } from '../src/cli/commands/gains.js';
import { scoreCommand } from '../src/cli/commands/score.js';
import { sensitivityCommand } from '../src/cli/commands/sensitivity.js';
import { templateCommand } from '../src/cli/commands/template.js';
import { uncertaintyCommand } from '../src/cli/commands/uncertainty.js';
import { whatifCommand } from '../src/cli/commands/whatif.js';
import { formatAnswersCsv } from '../src/import/mipex/csv.js';
import { toCsv } from '../src/io/csv.js';
import { runCli, tempWorkDir } from './support/cli.js';

const FORMULA = '=HYPERLINK("http://x","y")';
const HTML = '<script>alert(1)</script>|x';
const PLUS = '+cmd';
const work = tempWorkDir('ii-neutralise-');

// NIEM's fixture answers with three units renamed to hostile names.
const niem = (() => {
  const rows = parse(
    readFileSync(join(import.meta.dirname, '../fixtures/niem/answers.csv'), 'utf8'),
  ) as string[][];
  const rename: Record<string, string> = { XA: FORMULA, XB: HTML, XC: PLUS };
  const out = rows.map((r, i) =>
    i === 0 ? r : [rename[r[0] as string] ?? (r[0] as string), ...r.slice(1)],
  );
  const file = join(work, 'answers.csv');
  writeFileSync(file, toCsv(out, { raw: true }));
  return file;
})();

// COINr's ASEM iData with two units renamed.
const asem = (() => {
  const ref = join(import.meta.dirname, '../fixtures/reference/coinr-asem');
  const idata = readFileSync(join(ref, 'asem_iData.csv'), 'utf8')
    .replace('"AUT"', `"${FORMULA.replace(/"/g, '""')}"`)
    .replace('"BEL"', `"${HTML}"`);
  const file = join(work, 'iData.csv');
  writeFileSync(file, idata);
  return [
    '--idata',
    file,
    '--imeta',
    join(ref, 'asem_iMeta.csv'),
    '--pipeline',
    join(import.meta.dirname, 'fixtures/analysis/asem-pipeline.yaml'),
  ];
})();

const dangerous = (cell: string) =>
  /^[=+@\t\r]/.test(cell) ||
  (cell.startsWith('-') && !/^-(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(cell));

/**
 * The writer's default output against its `--raw` output, cell by cell: the same table, with
 * exactly the dangerous raw cells given a leading `'` and every other cell (numbers included)
 * unchanged. Returns how many cells were neutralised.
 */
function checkCsv(safe: string, raw: string): number {
  const s = parse(safe.replace(/^\ufeff/, ''), { relax_column_count: true }) as string[][];
  const r = parse(raw.replace(/^\ufeff/, ''), { relax_column_count: true }) as string[][];
  expect(s.length).toBe(r.length);
  let neutralised = 0;
  r.forEach((row, i) => {
    expect((s[i] as string[]).length).toBe(row.length);
    row.forEach((cell, j) => {
      const out = (s[i] as string[])[j] as string;
      if (dangerous(cell)) {
        expect(out).toBe(`'${cell}`);
        neutralised++;
      } else expect(out).toBe(cell);
      expect(dangerous(out), out).toBe(false);
    });
  });
  return neutralised;
}

// biome-ignore lint/suspicious/noExplicitAny: commands declare their own argument shapes.
async function both(command: any, ...args: string[]): Promise<{ safe: string; raw: string }> {
  const a = await runCli(command, ...args);
  expect(a.code, a.stderr).toBe(0);
  const b = await runCli(command, ...args, '--raw');
  expect(b.code, b.stderr).toBe(0);
  return { safe: a.stdout, raw: b.stdout };
}

describe('CSV writers neutralise formula-like cells by default', () => {
  it('score --format csv (the questionnaire path)', async () => {
    const { safe, raw } = await both(scoreCommand, '--framework', 'niem', niem, '--format', 'csv');
    expect(checkCsv(safe, raw)).toBeGreaterThan(0);
    expect(safe).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(safe).toContain(`'${PLUS}`);
    expect(raw).toContain(`"=HYPERLINK(""http://x"",""y"")"`);
  });

  it('score --idata (the composite path), long and wide', async () => {
    const long = await both(scoreCommand, ...asem, '--format', 'csv');
    expect(checkCsv(long.safe, long.raw)).toBeGreaterThan(0);
    const wide = await both(scoreCommand, ...asem, '--format', 'csv', '--wide');
    expect(checkCsv(wide.safe, wide.raw)).toBeGreaterThan(0);
  });

  it('export long and wide, plain and for Excel', async () => {
    for (const format of ['long', 'wide']) {
      const plain = await both(exportCommand, '--framework', 'niem', niem, '--format', format);
      expect(checkCsv(plain.safe, plain.raw)).toBeGreaterThan(0);
      const excel = await both(
        exportCommand,
        '--framework',
        'niem',
        niem,
        '--format',
        format,
        '--excel',
      );
      const s = parse(excel.safe.replace(/^\ufeff/, ''), { delimiter: ';' }) as string[][];
      expect(s.flat().some((c) => c.startsWith("'="))).toBe(true);
      expect(s.flat().some((c) => dangerous(c))).toBe(false);
    }
  });

  it('compare --format csv', async () => {
    const { safe, raw } = await both(
      compareCommand,
      '--framework',
      'niem',
      niem,
      '--from',
      '2019',
      '--to',
      '2021',
      '--format',
      'csv',
    );
    expect(checkCsv(safe, raw)).toBeGreaterThan(0);
  });

  it('template (units from the command line)', async () => {
    const { safe, raw } = await both(
      templateCommand,
      '--framework',
      'niem',
      '--units',
      `${PLUS},@SUM(A1)`,
    );
    expect(checkCsv(safe, raw)).toBeGreaterThan(0);
  });

  it('gains and whatif: numbers stay numbers, negative changes included', async () => {
    const unit = ['--framework', 'niem', niem, '--unit', PLUS, '--period', '2021'];
    const g = await both(gainsCommand, ...unit, '--format', 'csv');
    checkCsv(g.safe, g.raw);
    const w = await both(
      whatifCommand,
      ...unit,
      '--set',
      'mai_pf_strategy_scope=b',
      '--format',
      'csv',
    );
    checkCsv(w.safe, w.raw);
    expect(w.safe).toMatch(/,-\d/);
  });

  it('uncertainty and sensitivity over composite data', async () => {
    const spec = join(work, 'spec.yaml');
    writeFileSync(
      spec,
      'target: Index\nseed: 1\nassumptions:\n  - { name: Winmax, kind: winmax, range: [1, 5] }\n  - { name: Aggregation, kind: aggregation, methods: [amean, median] }\n',
    );
    const u = await both(
      uncertaintyCommand,
      ...asem,
      '--spec',
      spec,
      '--samples',
      '4',
      '--format',
      'csv',
    );
    expect(checkCsv(u.safe, u.raw)).toBeGreaterThan(0);
    const s = await both(
      sensitivityCommand,
      ...asem,
      '--spec',
      spec,
      '--samples',
      '4',
      '--format',
      'csv',
    );
    checkCsv(s.safe, s.raw);
  });

  it('import: answers written from MIPEX scores and by formatAnswersCsv', () => {
    const origin = { file: 'x', line: 2, row: 1, columns: {} };
    const rows = [
      { unit: FORMULA, period: '2019', indicator: 'a1', answer: -1.5, comment: '-note', origin },
      { unit: HTML, period: '2019', indicator: 'a1', answer: '@x', source: '+src', origin },
    ];
    const n = checkCsv(
      formatAnswersCsv(rows as never),
      formatAnswersCsv(rows as never, { raw: true }),
    );
    expect(n).toBe(4);
  });
});

describe('Markdown writers escape HTML and pipes', () => {
  /** Every table line has as many unescaped pipes as the table's header. */
  function checkMarkdown(md: string): void {
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;\\|x');
    let pipes = -1;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) {
        pipes = -1;
        continue;
      }
      const n = line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length;
      if (pipes < 0) pipes = n;
      expect(n, line).toBe(pipes);
    }
  }

  it('export --format markdown', async () => {
    const r = await runCli(exportCommand, '--framework', 'niem', niem, '--format', 'markdown');
    expect(r.code, r.stderr).toBe(0);
    checkMarkdown(r.stdout);
  });

  it('compare --format markdown', async () => {
    const r = await runCli(
      compareCommand,
      '--framework',
      'niem',
      niem,
      '--from',
      '2019',
      '--to',
      '2021',
      '--format',
      'markdown',
    );
    expect(r.code, r.stderr).toBe(0);
    checkMarkdown(r.stdout);
    // The indent is the writer's own markup and survives.
    expect(r.stdout).toContain('&nbsp;&nbsp;');
  });
});
