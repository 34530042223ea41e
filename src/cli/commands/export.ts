/**
 * `integration-index export`: scores as files for spreadsheets, R and documents.
 */

import { writeFileSync } from 'node:fs';
import { createIssue, IntegrationIndexError } from '../../errors/issue.js';
import { relocateStamp } from '../../node/provenance.js';
import {
  type ExportSelection,
  exportCsv,
  exportJson,
  exportMarkdown,
} from '../../report/export/index.js';
import { exportXlsx } from '../../report/export/xlsx.js';
import { resultView } from '../../report/from-result.js';
import type { ViewNodeKind } from '../../report/view.js';
import { defineCliCommand, exitCodes, UsageError } from '../command.js';
import {
  asOfArg,
  decimalsArg,
  quietArg,
  scoredInputArgs,
  scoreFromArgs,
  str,
  writeOutput,
} from '../scored-output.js';

/**
 * Output formats of `export`.
 *
 * @example
 * ```ts
 * exportFormats; //=> ['long', 'wide', 'markdown', 'json', 'xlsx']
 * ```
 */
export const exportFormats = ['long', 'wide', 'markdown', 'json', 'xlsx'] as const;

const kindsByLevel: Record<string, readonly ViewNodeKind[]> = {
  overall: ['overall'],
  dimension: ['overall', 'group', 'dimension', 'stage', 'aggregate'],
  cell: ['overall', 'group', 'dimension', 'stage', 'cell', 'aggregate'],
  indicator: ['overall', 'group', 'dimension', 'stage', 'cell', 'aggregate', 'indicator'],
  all: ['overall', 'group', 'dimension', 'stage', 'cell', 'aggregate', 'indicator', 'subquestion'],
};

/**
 * `export --framework <id-or-folder> <answers>... --format long|wide|markdown|json [--excel]
 * [--period P,...] [--level overall|dimension|cell|indicator|all] [--decimals N|full] [--out FILE]`.
 * JSON is the whole result, in the published result format (`schema/result.schema.json`).
 *
 * @example
 * ```sh
 * integration-index export --framework niem fixtures/niem/answers.csv --format wide --excel --out scores.csv
 * integration-index export --framework niem fixtures/niem/answers.csv --format xlsx --out scores.xlsx
 * ```
 */
export const exportCommand = defineCliCommand({
  meta: {
    name: 'export',
    description:
      'Export scores: long or wide CSV (--excel: BOM and semicolons), Markdown tables, or the full result as JSON.',
  },
  args: {
    ...scoredInputArgs,
    format: {
      type: 'string',
      alias: 'f',
      default: 'long',
      description:
        'long, wide, markdown, json or xlsx (an Excel workbook, one sheet per table; needs --out)',
    },
    excel: {
      type: 'boolean',
      default: false,
      description: 'CSV for Excel: UTF-8 byte-order mark and semicolons',
    },
    period: { type: 'string', description: 'Only these periods (comma-separated)' },
    level: {
      type: 'string',
      default: 'cell',
      description: 'Deepest nodes exported: overall, dimension, cell, indicator or all',
    },
    decimals: {
      type: 'string',
      default: '1',
      description: 'Decimals (rounded half away from zero), or "full" for full precision',
    },
    lang: { type: 'string', description: 'Language of node titles (Markdown)' },
    'as-of': asOfArg,
    out: { type: 'string', alias: 'o', description: 'Write to this file instead of stdout' },
    quiet: quietArg,
  },
  async run({ args }) {
    const format = String(args.format);
    if (!(exportFormats as readonly string[]).includes(format))
      throw new UsageError(
        `Unknown --format "${format}"; expected long, wide, markdown, json or xlsx.`,
      );
    if (format === 'xlsx' && (str(args.out) === undefined || str(args.out) === '-'))
      throw new UsageError('--format xlsx writes a workbook: name it with --out FILE.xlsx.');
    const level = String(args.level);
    const kinds = kindsByLevel[level];
    if (!kinds)
      throw new UsageError(
        `Unknown --level "${level}"; expected overall, dimension, cell, indicator or all.`,
      );
    if (args.excel === true && format !== 'long' && format !== 'wide')
      throw new UsageError('--excel applies to the CSV formats (long, wide).');
    const decimals = args.decimals === 'full' ? null : decimalsArg(args.decimals);
    const input = await scoreFromArgs(args);
    if (!input.ok) return input.exitCode;
    if (format === 'json') {
      const out = str(args.out);
      // Paths in the stamp become relative to the result file, so `verify` finds the inputs.
      const result =
        out && out !== '-' && input.result.provenance
          ? { ...input.result, provenance: relocateStamp(input.result.provenance, out) }
          : input.result;
      writeOutput(out, exportJson(result));
      return exitCodes.ok;
    }
    const view = resultView(input.result, input.framework);
    const periods = str(args.period)
      ?.split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    for (const p of periods ?? []) {
      if (!view.periods.includes(p))
        throw new IntegrationIndexError([
          createIssue('REPORT_UNKNOWN_PERIOD', { period: p, periods: view.periods }),
        ]);
    }
    const selection: ExportSelection = {
      kinds,
      decimals,
      ...(periods ? { periods } : {}),
      ...(str(args.lang) ? { lang: str(args.lang) as string } : {}),
    };
    if (format === 'xlsx') {
      writeFileSync(str(args.out) as string, await exportXlsx(view, input.result, selection));
      return exitCodes.ok;
    }
    const text =
      format === 'markdown'
        ? exportMarkdown(view, selection)
        : exportCsv(view, format as 'long' | 'wide', { ...selection, excel: args.excel === true });
    writeOutput(str(args.out), text);
    return exitCodes.ok;
  },
});
