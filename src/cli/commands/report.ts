/**
 * `integration-index report`: the HTML report of scored answers, one self-contained file.
 * Also home of {@link scoreForOutput}, the shared first step of `report`, `compare` and
 * `export`: load the framework, read the answer files, score, and print what was rejected.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { safeScore } from '../../engine/index.js';
import type { ScoreResult } from '../../engine/result/schema.js';
import { errorsOf, formatIssue, type Issue } from '../../errors/issue.js';
import type { Framework } from '../../framework/schema/framework.js';
import { readAnswerFiles } from '../../node/answers.js';
import { answerDigests, readFrameworkWithDigests } from '../../node/provenance.js';
import { renderReport } from '../../report/report.js';
import { defineCliCommand, exitCodes, UsageError } from '../command.js';

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
  | { ok: true; framework: Framework; result: ScoreResult }
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
  options: { asOf?: string | undefined; lang?: string | undefined; quiet?: boolean },
): Promise<ScoredInput> {
  if (!frameworkArg) throw new UsageError('Missing --framework <id-or-folder>.');
  if (paths.length === 0) throw new UsageError('Name at least one answer file.');
  if (options.asOf !== undefined && !isoDate.test(options.asOf))
    throw new UsageError(`--as-of must be a date written YYYY-MM-DD, got "${options.asOf}".`);
  const read = readFrameworkWithDigests(frameworkArg);
  const framework = read.framework;
  const answers = await readAnswerFiles(paths);
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
    // Hashes of the inputs for the result's provenance stamp (shown in reports, checked by
    // `verify` on exported JSON); every file was read above, so each can be hashed.
    provenance: { framework: read.inputs, answers: answerDigests(paths), relativeTo: 'cwd' },
  });
  if (!scored.ok) {
    print(scored.issues);
    return { ok: false, exitCode: exitCodes.invalid };
  }
  if (!options.quiet) print(scored.warnings);
  else print(errorsOf(scored.warnings));
  return { ok: true, framework, result: scored.value };
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

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * `report --framework <id-or-folder> <answers>... --out report.html [--lang bg] [--period P]
 * [--from P0 | --no-compare] [--level L] [--decimals N] [--as-of DATE]`.
 *
 * @example
 * ```sh
 * integration-index report --framework niem fixtures/niem/answers.csv --out report.html --lang bg
 * ```
 */
export const reportCommand = defineCliCommand({
  meta: {
    name: 'report',
    description:
      'Write a self-contained HTML report (ranking, heat map, radars, stage bars, change between periods, coverage, evidence, methodology).',
  },
  args: {
    answers: { type: 'positional', required: false, description: 'Answer files (CSV or JSON)' },
    framework: {
      type: 'string',
      alias: 'F',
      required: true,
      description: 'Built-in framework id or framework folder',
    },
    out: { type: 'string', alias: 'o', required: true, description: 'The HTML file to write' },
    lang: {
      type: 'string',
      description: "Language of the report (BCP 47); the framework's default by default",
    },
    period: {
      type: 'string',
      description: 'Period to report; the last one with scores by default',
    },
    from: {
      type: 'string',
      description: 'Period to compare with; the one before --period by default',
    },
    compare: {
      type: 'boolean',
      default: true,
      description: 'Show the change since the previous period (--no-compare to leave it out)',
    },
    level: {
      type: 'string',
      description:
        'Level whose nodes are the heat map columns and radar axes (default: dimensions)',
    },
    decimals: {
      type: 'string',
      default: '1',
      description: 'Decimals shown (rounded half away from zero)',
    },
    tolerance: {
      type: 'string',
      description:
        'Changes within ± this many points count as held (default: half the last decimal)',
    },
    'as-of': {
      type: 'string',
      description: 'Score with the answers in force on this date (YYYY-MM-DD)',
    },
    evidence: {
      type: 'boolean',
      default: true,
      description: 'List every answer with its source and comment (--no-evidence for large panels)',
    },
    quiet: { type: 'boolean', alias: 'q', default: false, description: 'Print errors only' },
  },
  async run({ args }) {
    const out = str(args.out);
    if (!out) throw new UsageError('Missing --out <report.html>.');
    const decimals = decimalsArg(args.decimals);
    const tolerance = toleranceArg(args.tolerance);
    const lang = str(args.lang);
    const input = await scoreForOutput(str(args.framework), (args._ ?? []).map(String), {
      asOf: str(args['as-of']),
      quiet: args.quiet === true,
    });
    if (!input.ok) return input.exitCode;
    const { result, framework } = input;
    const period = str(args.period);
    const from = args.compare === false ? null : str(args.from);
    const html = renderReport(result, framework, {
      decimals,
      evidence: args.evidence !== false,
      ...(lang !== undefined ? { lang } : {}),
      ...(period !== undefined ? { period } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(str(args.level) !== undefined ? { level: str(args.level) as string } : {}),
      ...(tolerance !== undefined ? { tolerance } : {}),
      ...(str(args['as-of']) !== undefined ? { asOf: str(args['as-of']) as string } : {}),
    });
    writeOutput(out, html);
    if (!args.quiet) process.stderr.write(`Wrote ${out} (${Math.round(html.length / 1024)} KB).\n`);
    return exitCodes.ok;
  },
});
