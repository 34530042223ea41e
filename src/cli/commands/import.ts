/**
 * `integration-index import <format>`: turn published data into inputs of this package. One
 * sub-command per source format.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { defineCommand } from 'citty';
import { createIssue, errorsOf, formatIssue, IntegrationIndexError } from '../../errors/issue.js';
import { formatAnswersCsv } from '../../import/mipex/csv.js';
import { importMipexScores, type MipexImportResult } from '../../import/mipex/import.js';
import { importMipexWorkbook } from '../../import/mipex/workbook.js';
import { readXlsxCells } from '../../io/xlsx/read.js';
import { loadFrameworkDir, resolveFramework } from '../../node/framework.js';
import { defineCliCommand, exitCodes, UsageError } from '../command.js';
import { importCoinrCommand } from '../import-coinr.js';
import { importCoinToolCommand } from '../import-cointool.js';
import { rawArg } from '../scored-output.js';

/** The arguments both MIPEX importers take besides their input file. */
const mipexImportArgs = {
  out: { type: 'string', alias: 'o', description: 'Answer file to write (long CSV)' },
  framework: {
    type: 'string',
    default: 'mipex-2020',
    description: 'Built-in framework id or framework folder',
  },
  partial: {
    type: 'boolean',
    default: false,
    description: 'Write the answers that could be imported even when some records have errors',
  },
  'keep-unscored': {
    type: 'boolean',
    default: false,
    description:
      'Also import indicator scores of strands that have no strand average that year (MIPEX did not score them)',
  },
  raw: rawArg,
  quiet: { type: 'boolean', alias: 'q', default: false, description: 'Print errors only' },
} as const;

/**
 * `import mipex-scores <scores.csv> --out <answers.csv>`: MIPEX's published indicator scores
 * (tidy layout `country,year,area,column,code,sub_code,score`) to a long answer file for the
 * built-in `mipex-2020` framework. Errors print as `file:line:col: error CODE: message`; with
 * any error the command writes nothing (unless `--partial`) and exits 1.
 *
 * @example
 * ```sh
 * integration-index import mipex-scores scores.csv --out answers.csv
 * ```
 */
export const mipexScoresCommand = defineCliCommand({
  meta: {
    name: 'mipex-scores',
    description:
      "Convert MIPEX's published indicator scores into an answer file (leaf indicators only; composites, areas and overall scores are recomputed when scoring).",
  },
  args: {
    scores: {
      type: 'positional',
      required: true,
      description: 'Scores CSV: country,year,area,column,code,sub_code,score',
    },
    ...mipexImportArgs,
  },
  run({ args }) {
    const out = typeof args.out === 'string' ? args.out : '';
    if (out === '') throw new UsageError('Missing --out <answers.csv>.');
    const scoresPath = String(args.scores);
    if (!existsSync(scoresPath) || !statSync(scoresPath).isFile()) {
      throw new IntegrationIndexError([
        createIssue('FILE_NOT_FOUND', { file: scoresPath }, { file: scoresPath }),
      ]);
    }
    const framework = loadFrameworkDir(resolveFramework(String(args.framework)));
    const result = importMipexScores(readFileSync(scoresPath, 'utf8'), framework, {
      file: scoresPath,
      skipUnscoredStrands: !args['keep-unscored'],
    });
    return finishMipexImport(result, out, args.partial, args.quiet, args.raw === true);
  },
});

/** Prints the issues and counts of a MIPEX import and writes the answers; the exit code. */
function finishMipexImport(
  result: MipexImportResult,
  out: string,
  partial: boolean,
  quiet: boolean,
  raw = false,
): number {
  const errors = errorsOf(result.issues);
  for (const issue of result.issues) {
    if (issue.severity === 'error' || !quiet) process.stderr.write(`${formatIssue(issue)}\n`);
  }
  const { read, imported, recomputed, skipped, rejected } = result.counts;
  const write = errors.length === 0 || partial;
  if (write) writeFileSync(out, formatAnswersCsv(result.rows, { raw }));
  if (!quiet) {
    process.stderr.write(
      `${read} scores read: ${imported} imported, ${recomputed} left to the engine ` +
        `(composites, areas, overall), ${skipped} skipped, ${rejected} rejected. ` +
        (write ? `Wrote ${out}.\n` : `Nothing written (use --partial to write the rest).\n`),
    );
  }
  return errors.length === 0 ? exitCodes.ok : exitCodes.invalid;
}

/**
 * `import mipex-workbook <mipex_core_2007-2019.xlsx> --out <answers.csv>`: MIPEX's core-indicator
 * workbook exactly as MIPEX distributes it (one sheet per country, strand blocks, a row per
 * year) to a long answer file for `mipex-2020`; `score --framework mipex-2020` on it gives back
 * MIPEX's area and overall scores. Issues name the sheet and cell (`mipex.xlsx!AT!E25`); the
 * 2020 rows, which the framework has no period for, are warned once per country and year.
 *
 * @example
 * ```sh
 * integration-index import mipex-workbook mipex_core_2007-2019.xlsx --out mipex-answers.csv
 * ```
 */
export const mipexWorkbookCommand = defineCliCommand({
  meta: {
    name: 'mipex-workbook',
    description:
      "Convert MIPEX's core-indicator workbook (mipex_core_2007-2019.xlsx, one sheet per country) into an answer file.",
  },
  args: {
    workbook: { type: 'positional', required: true, description: "MIPEX's .xlsx workbook" },
    ...mipexImportArgs,
  },
  async run({ args }) {
    const out = typeof args.out === 'string' ? args.out : '';
    if (out === '') throw new UsageError('Missing --out <answers.csv>.');
    const path = String(args.workbook);
    if (!existsSync(path) || !statSync(path).isFile()) {
      throw new IntegrationIndexError([
        createIssue('FILE_NOT_FOUND', { file: path }, { file: path }),
      ]);
    }
    const framework = loadFrameworkDir(resolveFramework(String(args.framework)));
    const cells = await readXlsxCells(readFileSync(path), { file: path });
    if (!cells.ok) throw new IntegrationIndexError(cells.issues);
    const result = importMipexWorkbook(cells.workbook, framework, {
      skipUnscoredStrands: !args['keep-unscored'],
    });
    return finishMipexImport(result, out, args.partial, args.quiet, args.raw === true);
  },
});

/**
 * `integration-index import`: the importers, one sub-command each.
 *
 * @example
 * ```sh
 * integration-index import --help
 * ```
 */
export const importCommand = defineCommand({
  meta: {
    name: 'import',
    description: 'Convert published data (MIPEX scores, MIPEX workbook...) into answer files.',
  },
  subCommands: {
    'mipex-scores': mipexScoresCommand,
    'mipex-workbook': mipexWorkbookCommand,
    'coin-tool': importCoinToolCommand,
    coinr: importCoinrCommand,
  },
});
