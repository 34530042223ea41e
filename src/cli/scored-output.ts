/**
 * The shared first and last steps of `report`, `compare` and `export`: their input arguments,
 * loading the framework, reading the answer files and scoring them (printing what was
 * rejected), the `--decimals` and `--tolerance` parsers, and writing the output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseStatus } from '../answers/read/_lib/fields.js';
import { safeScore } from '../engine/index.js';
import type { ScoreResult } from '../engine/result/schema.js';
import type { WeightOverrides } from '../engine/weights/index.js';
import { errorsOf, formatIssue, type Issue } from '../errors/issue.js';
import type { Framework } from '../framework/schema/framework.js';
import { readAnswerFiles } from '../node/answers.js';
import { answerDigests, readFrameworkWithDigests } from '../node/provenance.js';
import { exitCodes, UsageError } from './command.js';
import { sheetArg } from './sheet-arg.js';
import { weightArg, weightsFromArgs } from './weights.js';

/**
 * What {@link scoreForOutput} gives: the framework and the result, or an exit code.
 *
 * @example
 * ```ts
 * const input: ScoredInput = await scoreForOutput('niem', ['answers.csv'], {});
 * if (!input.ok) process.exitCode = input.exitCode;
 * ```
 */
export type ScoredInput =
  | { ok: true; framework: Framework; result: ScoreResult; frameworkDir?: string }
  | { ok: false; exitCode: number };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Loads `--framework`, reads the answer files and scores them. Rejected rows and warnings are
 * printed to stderr as `file:line:col: severity CODE: message` and the rest is scored (as
 * `score` does); unreadable files or a run that cannot score give exit code 1.
 *
 * @example
 * ```ts
 * const input = await scoreForOutput('niem', ['fixtures/niem/answers.csv'], {});
 * if (input.ok) input.result.units; //=> ['XA', 'XB', 'XC']
 * ```
 */
export async function scoreForOutput(
  frameworkArg: string | undefined,
  paths: readonly string[],
  options: {
    asOf?: string | undefined;
    lang?: string | undefined;
    quiet?: boolean;
    weights?: WeightOverrides | undefined;
    /** Score only answers at or above this review state (`--status`). */
    status?: string | undefined;
    sheet?: string | undefined;
  },
): Promise<ScoredInput> {
  if (!frameworkArg) throw new UsageError('Missing --framework <id-or-folder>.');
  if (paths.length === 0) throw new UsageError('Name at least one answer file.');
  if (options.asOf !== undefined && !isoDate.test(options.asOf))
    throw new UsageError(`--as-of must be a date written YYYY-MM-DD, got "${options.asOf}".`);
  const status = options.status === undefined ? undefined : parseStatus(options.status);
  if (options.status !== undefined && status === undefined)
    throw new UsageError(
      `Unknown --status "${options.status}"; expected draft, submitted, reviewed or final.`,
    );
  const read = await readFrameworkWithDigests(frameworkArg);
  const framework = read.framework;
  const answers = await readAnswerFiles(paths, {
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    framework: { id: framework.id, edition: framework.edition, version: framework.version },
  });
  const print = (issues: readonly Issue[]) => {
    for (const i of issues) process.stderr.write(`${formatIssue(i)}\n`);
  };
  if (answers.errors.length > 0) {
    print(answers.errors);
    return { ok: false, exitCode: exitCodes.invalid };
  }
  const scored = safeScore(framework, answers, {
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    ...(options.lang !== undefined ? { lang: options.lang } : {}),
    ...(options.weights !== undefined ? { weights: options.weights } : {}),
    ...(status !== undefined ? { status } : {}),
    // Hashes of the inputs for the result's provenance stamp (shown in reports, checked by
    // `verify` on exported JSON); every file was read above, so each can be hashed.
    provenance: {
      framework: read.inputs,
      answers: answerDigests(paths),
      relativeTo: 'cwd',
      ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    },
  });
  if (!scored.ok) {
    print(scored.issues);
    return { ok: false, exitCode: exitCodes.invalid };
  }
  if (!options.quiet) print(scored.warnings);
  else print(errorsOf(scored.warnings));
  return { ok: true, framework, result: scored.value, frameworkDir: read.dir };
}

/**
 * Parses a non-negative integer option such as `--decimals`.
 *
 * @example
 * ```ts
 * decimalsArg('2'); //=> 2
 * decimalsArg('x'); // throws UsageError
 * ```
 */
export function decimalsArg(value: unknown, fallback = 1): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10)
    throw new UsageError(`--decimals must be a whole number from 0 to 10, got "${String(value)}".`);
  return n;
}

/**
 * Parses `--tolerance`, a number of points at or above zero.
 *
 * @example
 * ```ts
 * toleranceArg('2.5'); //=> 2.5
 * toleranceArg(undefined); //=> undefined
 * ```
 */
export function toleranceArg(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new UsageError(
      `--tolerance must be a number of points, zero or more, got "${String(value)}".`,
    );
  return n;
}

/**
 * Writes `text` to `out` (creating folders), or to stdout when `out` is empty or `-`.
 *
 * @example
 * ```ts
 * writeOutput('out/report.html', html); // creates out/
 * writeOutput(undefined, text);          // stdout
 * ```
 */
export function writeOutput(out: string | undefined, text: string): void {
  if (out === undefined || out === '' || out === '-') {
    process.stdout.write(text);
    return;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
}

/**
 * A string option, or undefined when it is absent or empty.
 *
 * @example
 * ```ts
 * str(''); //=> undefined
 * ```
 */
export const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;

/**
 * The answer files and `--framework` arguments of the commands that score for output.
 *
 * @example
 * ```ts
 * defineCliCommand({ meta, args: { ...scoredInputArgs, out }, run });
 * ```
 */
export const scoredInputArgs = {
  answers: {
    type: 'positional',
    required: false,
    description: 'Answer files (CSV, JSON or .xlsx)',
  },
  framework: {
    type: 'string',
    alias: 'F',
    required: true,
    description: 'Built-in framework id or framework folder',
  },
  weight: weightArg,
  sheet: sheetArg,
} as const;

/**
 * The `--as-of` argument of the commands that score for output.
 *
 * @example
 * ```ts
 * defineCliCommand({ meta, args: { ...scoredInputArgs, 'as-of': asOfArg }, run });
 * ```
 */
export const asOfArg = {
  type: 'string',
  description: 'Score with the answers in force on this date (YYYY-MM-DD)',
} as const;

/**
 * The `--raw` argument of every command that writes CSV: cells that a spreadsheet would run as
 * a formula are neutralised by default (`src/io/neutralise.ts`); `--raw` writes them as they are.
 *
 * @example
 * ```ts
 * defineCliCommand({ meta, args: { ...scoredInputArgs, raw: rawArg }, run });
 * ```
 */
export const rawArg = {
  type: 'boolean',
  default: false,
  description:
    "CSV: write cells starting with = + - @ tab or CR as they are (by default they get a leading ' so spreadsheets do not run them)",
} as const;

/**
 * The `--status` argument of the commands that score for output.
 *
 * @example
 * ```ts
 * defineCliCommand({ meta, args: { ...scoredInputArgs, status: statusArg }, run });
 * ```
 */
export const statusArg = {
  type: 'string',
  description:
    'Score only answers at or above this review state: draft, submitted, reviewed or final',
} as const;

/**
 * The `--quiet` argument of the commands that score for output.
 *
 * @example
 * ```ts
 * defineCliCommand({ meta, args: { ...scoredInputArgs, quiet: quietArg }, run });
 * ```
 */
export const quietArg = {
  type: 'boolean',
  alias: 'q',
  default: false,
  description: 'Print errors only',
} as const;

/**
 * {@link scoreForOutput} with the command's own arguments: `--framework`, the answer files,
 * `--as-of`, `--quiet` and every `--weight NODE=W` of the raw arguments.
 *
 * @example
 * ```ts
 * const input = await scoreFromArgs({ framework: 'niem', _: ['answers.csv'] }, ['--weight', 'housing=2']);
 * ```
 */
export function scoreFromArgs(
  args: Record<string, unknown>,
  rawArgs: readonly string[] = [],
): Promise<ScoredInput> {
  return scoreForOutput(
    str(args.framework),
    ((args._ as unknown[] | undefined) ?? []).map(String),
    {
      asOf: str(args['as-of']),
      quiet: args.quiet === true,
      weights: weightsFromArgs(rawArgs),
      status: str(args.status),
      sheet: str(args.sheet),
    },
  );
}
