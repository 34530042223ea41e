/**
 * `integration-index export`: scores as files for spreadsheets, R and documents.
 */
import { createIssue, IntegrationIndexError } from '../../errors/issue.js';
import { relocateStamp } from '../../node/provenance.js';
import { exportGroupsCsv } from '../../report/export/groups.js';
import {
  type ExportSelection,
  exportCsv,
  exportJson,
  exportMarkdown,
} from '../../report/export/index.js';
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
import { unitsArgs, withUnits } from '../units.js';

/**
 * Output formats of `export`.
 *
 * @example
 * ```ts
 * exportFormats; //=> ['long', 'wide', 'markdown', 'json', 'groups', 'members']
 * ```
 */
export const exportFormats = ['long', 'wide', 'markdown', 'json', 'groups', 'members'] as const;

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
        'long, wide, markdown or json; with --groups also groups (group statistics) or members (each unit against its groups)',
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
    ...unitsArgs,
  },
  async run({ args }) {
    const format = String(args.format);
    if (!(exportFormats as readonly string[]).includes(format))
      throw new UsageError(
        `Unknown --format "${format}"; expected long, wide, markdown, json, groups or members.`,
      );
    const level = String(args.level);
    const kinds = kindsByLevel[level];
    if (!kinds)
      throw new UsageError(
        `Unknown --level "${level}"; expected overall, dimension, cell, indicator or all.`,
      );
    if (args.excel === true && (format === 'markdown' || format === 'json'))
      throw new UsageError('--excel applies to the CSV formats (long, wide, groups, members).');
    if ((format === 'groups' || format === 'members') && !str(args.groups))
      throw new UsageError(`--format ${format} needs --groups (e.g. --groups EU27).`);
    const decimals = args.decimals === 'full' ? null : decimalsArg(args.decimals);
    const input = await scoreFromArgs(args);
    if (!input.ok) return input.exitCode;
    input.result = await withUnits(args, input.framework, input.frameworkDir, input.result);
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
    if (format === 'groups' || format === 'members') {
      writeOutput(
        str(args.out),
        exportGroupsCsv(input.result, format, { ...selection, excel: args.excel === true }),
      );
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
