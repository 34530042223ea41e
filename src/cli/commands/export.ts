/**
 * `integration-index export`: scores as files for spreadsheets, R and documents.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIssue, IntegrationIndexError } from '../../errors/issue.js';
import { relocateStamp } from '../../node/provenance.js';
import { dataLicenses, dataPackage } from '../../report/datapackage/index.js';
import { exportGroupsCsv } from '../../report/export/groups.js';
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
  rawArg,
  scoredInputArgs,
  scoreFromArgs,
  statusArg,
  str,
  writeOutput,
} from '../scored-output.js';
import { unitsArgs, withUnits } from '../units.js';

/**
 * Output formats of `export`.
 *
 * @example
 * ```ts
 * exportFormats; //=> ['long', 'wide', 'markdown', 'json', 'answers', 'datapackage', 'groups', 'members', 'xlsx']
 * ```
 */
export const exportFormats = [
  'long',
  'wide',
  'markdown',
  'json',
  'answers',
  'datapackage',
  'groups',
  'members',
  'xlsx',
] as const;

const kindsByLevel: Record<string, readonly ViewNodeKind[]> = {
  overall: ['overall'],
  dimension: ['overall', 'group', 'dimension', 'stage', 'aggregate'],
  cell: ['overall', 'group', 'dimension', 'stage', 'cell', 'aggregate'],
  indicator: ['overall', 'group', 'dimension', 'stage', 'cell', 'aggregate', 'indicator'],
  all: ['overall', 'group', 'dimension', 'stage', 'cell', 'aggregate', 'indicator', 'subquestion'],
};

/**
 * `export --framework <id-or-folder> <answers>... --format long|wide|markdown|json|datapackage
 * [--excel] [--period P,...] [--level overall|dimension|cell|indicator|all] [--decimals N|full]
 * [--license ID] [--out FILE-OR-FOLDER]`. JSON is the whole result, in the published result
 * format (`schema/result.schema.json`); `datapackage` writes a Frictionless Tabular Data
 * Package (`datapackage.json` and its CSVs) into the `--out` folder.
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
        'long, wide, markdown, json, answers (each answer with source, expert and review state), datapackage (a folder for open-data portals), xlsx (an Excel workbook, one sheet per table; needs --out); with --groups also groups (group statistics) or members (each unit against its groups)',
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
    license: {
      type: 'string',
      description: `Licence of a data package: ${Object.keys(dataLicenses).join(', ')} (default CC-BY-4.0)`,
    },
    'as-of': asOfArg,
    out: { type: 'string', alias: 'o', description: 'Write to this file instead of stdout' },
    quiet: quietArg,
    raw: rawArg,
    status: statusArg,
    ...unitsArgs,
  },
  async run({ args, rawArgs }) {
    const format = String(args.format);
    if (!(exportFormats as readonly string[]).includes(format))
      throw new UsageError(
        `Unknown --format "${format}"; expected long, wide, markdown, json, answers, datapackage, groups, members or xlsx.`,
      );
    const out = str(args.out);
    if (format === 'datapackage' && (out === undefined || out === '-'))
      throw new UsageError('--format datapackage writes a folder: give it with --out DIR.');
    const license = str(args.license);
    if (license !== undefined && format !== 'datapackage')
      throw new UsageError('--license applies to --format datapackage.');
    if (license !== undefined && !Object.hasOwn(dataLicenses, license))
      throw new UsageError(
        `Unknown --license "${license}"; expected one of ${Object.keys(dataLicenses).join(', ')}.`,
      );
    if (format === 'xlsx' && (out === undefined || out === '-'))
      throw new UsageError('--format xlsx writes a workbook: name it with --out FILE.xlsx.');
    const level = String(args.level);
    const kinds = kindsByLevel[level];
    if (!kinds)
      throw new UsageError(
        `Unknown --level "${level}"; expected overall, dimension, cell, indicator or all.`,
      );
    if (
      args.excel === true &&
      (format === 'markdown' || format === 'json' || format === 'datapackage')
    )
      throw new UsageError(
        '--excel applies to the CSV formats (long, wide, answers, groups, members).',
      );
    if ((format === 'groups' || format === 'members') && !str(args.groups))
      throw new UsageError(`--format ${format} needs --groups (e.g. --groups EU27).`);
    const decimals = args.decimals === 'full' ? null : decimalsArg(args.decimals);
    const input = await scoreFromArgs(args, rawArgs);
    if (!input.ok) return input.exitCode;
    input.result = await withUnits(args, input.framework, input.frameworkDir, input.result);
    if (format === 'json') {
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
    if (format === 'datapackage') {
      const dir = out as string;
      const pkg = dataPackage(view, {
        decimals,
        raw: args.raw === true,
        ...(periods ? { periods } : {}),
        ...(license ? { license } : {}),
        // Paths in the stamp become relative to the package folder.
        provenance: input.result.provenance
          ? relocateStamp(input.result.provenance, join(dir, 'datapackage.json'))
          : null,
      });
      mkdirSync(dir, { recursive: true });
      for (const f of pkg.files) writeFileSync(join(dir, f.path), f.content);
      writeFileSync(join(dir, 'datapackage.json'), `${JSON.stringify(pkg.descriptor, null, 2)}\n`);
      process.stderr.write(
        `Wrote a data package to ${dir}: datapackage.json and ${pkg.files.map((f) => f.path).join(', ')}.\n`,
      );
      return exitCodes.ok;
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
    if (format === 'xlsx') {
      writeFileSync(out as string, await exportXlsx(view, input.result, selection));
      return exitCodes.ok;
    }
    const text =
      format === 'markdown'
        ? exportMarkdown(view, selection)
        : exportCsv(view, format as 'long' | 'wide' | 'answers', {
            ...selection,
            excel: args.excel === true,
            raw: args.raw === true,
          });
    writeOutput(out, text);
    return exitCodes.ok;
  },
});
