/**
 * `reconcile` and `progress` as workbooks: the same header and rows as their CSV, numbers as
 * numbers, in one sheet; a workbook needs --out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { progressCommand } from '../src/cli/commands/progress.js';
import { reconcileCommand } from '../src/cli/commands/reconcile.js';
import { readXlsxCells } from '../src/io/xlsx/read.js';
import { runCli, tempWorkDir } from './support/cli.js';

const dir = join('fixtures', 'experts');
const work = tempWorkDir('ii-experts-xlsx-');

for (const [name, command, file, sheet] of [
  ['reconcile', reconcileCommand, 'two-experts.csv', 'Reconcile'],
  ['progress', progressCommand, 'incomplete.csv', 'Progress'],
] as const) {
  describe(`${name} --format xlsx`, () => {
    it('writes the CSV table as one sheet, numbers as numbers', async () => {
      const path = join(dir, file);
      const csv = await runCli(command, '--framework', 'niem', path, '--format', 'csv');
      const out = join(work, `${name}.xlsx`);
      const x = await runCli(
        command,
        '--framework',
        'niem',
        path,
        '--format',
        'xlsx',
        '--out',
        out,
      );
      expect(x.stdout).toBe('');
      const cells = await readXlsxCells(readFileSync(out), { file: out });
      expect(cells.ok).toBe(true);
      if (!cells.ok) return;
      const [only] = cells.workbook.sheets;
      expect(cells.workbook.sheets).toHaveLength(1);
      expect(only?.name).toBe(sheet);
      const records = parse(csv.stdout) as string[][];
      const rows = only?.rows ?? [];
      expect(rows.length).toBe(records.length);
      expect(rows[0]).toEqual(records[0]);
      for (let r = 1; r < rows.length; r++) {
        (records[r] ?? []).forEach((text, c) => {
          const v = rows[r]?.[c] ?? null;
          if (text === '') expect(v === null || v === '').toBe(true);
          else if (typeof v === 'number') expect(v).toBe(Number(text));
          else expect(String(v)).toBe(text);
        });
      }
      expect(rows.slice(1).some((row) => row.some((v) => typeof v === 'number'))).toBe(true);
    });

    it('is a usage error without --out', async () => {
      const r = await runCli(command, '--framework', 'niem', join(dir, file), '--format', 'xlsx');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--out');
    });
  });
}
