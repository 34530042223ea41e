/**
 * A header and rows, as the CSV writers of `reconcile` and `progress` take them, written as a
 * one-sheet workbook instead: numbers stay numbers, text that looks like a formula stays text.
 */
import { writeFileSync } from 'node:fs';
import type { CsvCell } from '../io/csv.js';
import { UsageError } from './command.js';
import { rawArg } from './scored-output.js';

/**
 * Writes `header` and `rows` to the workbook `out` as one sheet named `sheet` (exceljs loads
 * only here). `out` is required: a workbook is not written to a terminal.
 *
 * @example
 * ```ts
 * await writeRowsXlsx('reconcile.xlsx', 'Reconcile', header, rows);
 * ```
 */
export async function writeRowsXlsx(
  out: string | undefined,
  sheet: string,
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): Promise<void> {
  if (out === undefined || out === '' || out === '-')
    throw new UsageError('--format xlsx writes a workbook: name it with --out FILE.xlsx.');
  const { writeTablesXlsx } = await import('../io/xlsx/write.js');
  const bytes = await writeTablesXlsx([
    {
      name: sheet,
      columns: header.map((h) => ({ header: h })),
      rows: rows.map((r) => r.map((c) => (c === undefined ? null : c))),
    },
  ]);
  writeFileSync(out, bytes);
}

/**
 * `--format text|csv|json|xlsx`, `--out` and `--raw`: the output arguments of the commands
 * that print a table (`reconcile`, `progress`).
 *
 * @example
 * ```ts
 * defineCliCommand({ meta, args: { ...scoringArgs, ...tableOutputArgs }, run });
 * ```
 */
export const tableOutputArgs = {
  format: {
    type: 'string',
    alias: 'f',
    default: 'text',
    description: 'Output: text, csv, json or xlsx (a workbook; needs --out)',
  },
  out: { type: 'string', alias: 'o', description: 'Write the output to this file' },
  raw: rawArg,
} as const;
