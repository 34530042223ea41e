/**
 * The `report`, `compare` and `export` commands: most cases run in-process through citty (the
 * machine is shared, and a CLI start costs seconds), mapping thrown errors to exit codes the
 * way `main.ts` does; a few run the real binary from source to check what `main.ts` prints.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { type CommandDef, runCommand } from 'citty';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../src/cli/command.js';
import { compareCommand } from '../src/cli/commands/compare.js';
import { exportCommand } from '../src/cli/commands/export.js';
import { reportCommand } from '../src/cli/commands/report.js';
import { formatIssue, IntegrationIndexError } from '../src/errors/issue.js';
import { writeTablesXlsx } from '../src/io/xlsx/write.js';

const root = resolve(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const cli = join(root, 'src', 'cli', 'main.ts');
const answers = join(root, 'fixtures', 'niem', 'answers.csv');
const dir = mkdtempSync(join(tmpdir(), 'ii-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI from source in a child process. */
function spawn(...args: string[]): Ran {
  const r = spawnSync(tsx, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a command in-process; thrown errors become exit codes and messages as in main.ts. */
async function run(name: 'report' | 'compare' | 'export', ...args: string[]): Promise<Ran> {
  const command = { report: reportCommand, compare: compareCommand, export: exportCommand }[
    name
  ] as unknown as CommandDef;
  if (!command) throw new Error(`no command ${name}`);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const { result } = await runCommand(command, { rawArgs: args });
    return { status: typeof result === 'number' ? result : 0, stdout, stderr };
  } catch (e) {
    if (e instanceof UsageError || (e instanceof Error && e.name === 'CLIError'))
      return { status: 2, stdout, stderr: `${stderr}error: ${e.message}\n` };
    if (e instanceof IntegrationIndexError)
      return {
        status: 1,
        stdout,
        stderr: stderr + e.issues.map((i) => `${formatIssue(i)}\n`).join(''),
      };
    throw e;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('integration-index report', () => {
  it('writes one self-contained HTML file', async () => {
    const out = join(dir, 'report.html');
    const r = await run('report', '--framework', 'niem', answers, '--out', out, '--lang', 'bg');
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="bg"');
    // Interactive: the data and the app inline, nothing loaded from elsewhere.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).toContain('<script type="application/json" id="ii-report-data">');
    const markup = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
    expect(/<script src|<link |https?:\/\/[^"]*\.(css|js)/.exec(markup)?.[0]).toBeUndefined();
    const data = JSON.parse(/id="ii-report-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}');
    expect(data.framework.id).toBe('niem');
    expect(data.answers[0].content).toBe(readFileSync(answers, 'utf8'));
    expect(data.report.lang).toBe('bg');
    // --static: the report without scripts.
    const flat = join(dir, 'static.html');
    const s = await run('report', '--framework', 'niem', answers, '--out', flat, '--static');
    expect(s.status, s.stderr).toBe(0);
    expect(readFileSync(flat, 'utf8')).not.toMatch(/<script|<link |https?:\/\/[^"]*\.(css|js)/);
  });
  it('writes a static report from an Excel workbook, saying why it is not interactive', async () => {
    const rows = parse(readFileSync(answers, 'utf8'), { columns: false }) as string[][];
    const book = join(dir, 'answers.xlsx');
    writeFileSync(
      book,
      await writeTablesXlsx([
        {
          name: 'Answers',
          columns: (rows[0] ?? []).map((header) => ({ header })),
          rows: rows.slice(1).map((r) => r.map((c) => (c === '' ? null : c))),
        },
      ]),
    );
    const out = join(dir, 'workbook.html');
    const r = await run('report', '--framework', 'niem', book, '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('scored from an Excel workbook');
    const html = readFileSync(out, 'utf8');
    expect(html).not.toContain('ii-report-data');
    expect(html).toContain('answers.xlsx!Answers');
  });

  it('is a usage error without --out, and a coded error for an unknown period', async () => {
    const usage = await run('report', '--framework', 'niem', answers);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--out');
    const bad = spawn(
      'report',
      '--framework',
      'niem',
      answers,
      '--out',
      join(dir, 'x.html'),
      '--period',
      '2030',
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/error REPORT_UNKNOWN_PERIOD: /);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
  it('has --help', async () => {
    const r = spawn('report', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--out');
  });
});

describe('integration-index compare', () => {
  it('tells which dimensions of a unit improved between two rounds, and why', async () => {
    const r = await run(
      'compare',
      '--framework',
      'niem',
      answers,
      '--from',
      '2019',
      '--to',
      '2021',
      '--unit',
      'XA',
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Residency\s+47\.5\s+70\.0\s+\+22\.5\s+▲ improved/);
    expect(r.stdout).toMatch(/Children's education\s+50\.0\s+34\.4\s+−15\.6\s+▼ declined/);
    expect(r.stdout).toContain('res_lf_permit_duration_refugee: 5 → 10');
    expect(r.stdout).not.toMatch(/^XB:/m);
  });
  it('writes CSV with formula-like cells neutralised and JSON', async () => {
    const c = await run(
      'compare',
      '--framework',
      'niem',
      answers,
      '--from',
      '2017',
      '--to',
      '2021',
      '-f',
      'csv',
    );
    expect(c.status, c.stderr).toBe(0);
    const rows = parse(c.stdout, { columns: true }) as Record<string, string>[];
    const xa = rows.find((x) => x.unit === 'XA' && x.node === 'overall');
    expect(xa?.direction).toMatch(/improved|held|declined/);
    const j = await run(
      'compare',
      '--framework',
      'niem',
      answers,
      '--from',
      '2017',
      '--to',
      '2021',
      '-f',
      'json',
    );
    expect(JSON.parse(j.stdout)).toMatchObject({ from: '2017', to: '2021', tolerance: 0.05 });
  });
  it('writes Markdown for documents', async () => {
    const r = await run(
      'compare',
      '--framework',
      'niem',
      answers,
      '--from',
      '2019',
      '--to',
      '2021',
      '--unit',
      'XA',
      '-f',
      'markdown',
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('### XA: 2019 → 2021');
    expect(r.stdout).toMatch(
      /\| &nbsp;&nbsp;&nbsp;&nbsp;Residency \| 47\.5 \| 70\.0 \| \+22\.5 \| ▲ improved \| 2 → 1 \| res_lf_permit_duration_refugee: 5 → 10;/,
    );
  });
  it('reports a comparison of a period with itself as a coded error, and missing periods as usage', async () => {
    const same = await run(
      'compare',
      '--framework',
      'niem',
      answers,
      '--from',
      '2019',
      '--to',
      '2019',
    );
    expect(same.status).toBe(1);
    expect(same.stderr).toContain('error COMPARE_SAME_PERIOD');
    expect((await run('compare', '--framework', 'niem', answers, '--from', '2019')).status).toBe(2);
  });
});

describe('integration-index export', () => {
  it('writes Excel-friendly wide CSV: BOM, semicolons, one row per unit and period', async () => {
    const out = join(dir, 'wide.csv');
    const r = await run(
      'export',
      '--framework',
      'niem',
      answers,
      '--format',
      'wide',
      '--excel',
      '--level',
      'dimension',
      '--out',
      out,
    );
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(text, { bom: true, delimiter: ';', columns: true }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(9);
    expect(rows[0]).toHaveProperty('residency');
  });
  it('writes Markdown tables', async () => {
    const r = await run(
      'export',
      '--framework',
      'niem',
      answers,
      '--format',
      'markdown',
      '--level',
      'overall',
      '--period',
      '2021',
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^### 2021\n\n\| Rank \| Unit \| Overall score \|/);
  });
  it('writes JSON that the published result JSON Schema accepts', async () => {
    const r = await run('export', '--framework', 'niem', answers, '--format', 'json');
    expect(r.status, r.stderr).toBe(0);
    const schema = JSON.parse(readFileSync(join(root, 'schema', 'result.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    const ok = validate(JSON.parse(r.stdout));
    expect(validate.errors ?? [], 'schema errors').toEqual([]);
    expect(ok).toBe(true);
  });
  it('writes JSON that `verify` confirms', async () => {
    const out = join(dir, 'result.json');
    const r = await run('export', '--framework', 'niem', answers, '--format', 'json', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const check = spawn('verify', out);
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });
  it('is a usage error for --excel with Markdown, and a coded error for an unknown period', async () => {
    expect(
      (await run('export', '--framework', 'niem', answers, '--format', 'markdown', '--excel'))
        .status,
    ).toBe(2);
    const bad = await run('export', '--framework', 'niem', answers, '--period', '1999');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('error REPORT_UNKNOWN_PERIOD');
  });
});
