/**
 * The shared plumbing of the analysis commands (`uncertainty`, `sensitivity`, `gains`, `whatif`):
 * their arguments, loading the framework and answers or the COINr model, the spec, the executor,
 * the progress bar, and the `--format` / `--decimals` / `--out` handling of their output.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parse as parseYaml } from 'yaml';
import { locateSpecIssues, parseAnalysisSpecText } from '../analysis/assumptions/parse.js';
import type { AnalysisSpec } from '../analysis/assumptions/schema.js';
import type { AnalysisModel } from '../analysis/model.js';
import type { QuestionnaireModelInput } from '../analysis/models/questionnaire.js';
import { type AnalysisModelSource, buildModel } from '../analysis/models/registry.js';
import { localExecutor, type ProgressListener, type RunExecutor } from '../analysis/runner.js';
import type { RemoveOneResult } from '../analysis/sensitivity/removeOne.js';
import { createWorkerExecutor } from '../analysis/workers/pool.js';
import { readCoinr } from '../composite/data/read.js';
import { formatScore } from '../engine/result/round.js';
import { createIssue, IntegrationIndexError, type Issue } from '../errors/issue.js';
import { readAnswerFiles } from '../node/answers.js';
import { loadFrameworkDir, resolveFramework } from '../node/framework.js';
import { UsageError } from './command.js';
import { rawArg } from './scored-output.js';
import { sheetArg, sheetOption } from './sheet-arg.js';

/**
 * The output arguments of the analysis commands: `--format`, `--decimals` and `--out`.
 *
 * @example
 * ```ts
 * defineCliCommand({ meta, args: { ...questionnaireArgs, unit, ...printArgs }, run });
 * ```
 */
export const printArgs = {
  format: { type: 'string', alias: 'f', default: 'table', description: 'table, csv or json' },
  decimals: { type: 'string', default: '2', description: 'Decimals of printed numbers' },
  out: { type: 'string', alias: 'o', description: 'Write to this file instead of stdout' },
  raw: rawArg,
} as const;

/**
 * The answer files and the required `--framework` of `gains` and `whatif`.
 *
 * @example
 * ```ts
 * defineCliCommand({ meta, args: { ...questionnaireArgs, unit, ...printArgs }, run });
 * ```
 */
export const questionnaireArgs = {
  answers: { type: 'positional', required: false, description: 'Answer files' },
  framework: {
    type: 'string',
    required: true,
    description: 'A built-in framework id or a framework folder',
  },
  sheet: sheetArg,
} as const;

/**
 * Arguments naming the model: a framework with answers, or COINr-style data and a pipeline.
 *
 * @example
 * ```ts
 * defineCliCommand({ meta, args: { ...modelArgs, spec }, run });
 * ```
 */
export const modelArgs = {
  answers: { type: 'positional', required: false, description: 'Answer files (with --framework)' },
  framework: {
    type: 'string',
    description: 'A built-in framework id (niem, mipex-2020) or a framework folder',
  },
  period: {
    type: 'string',
    description: 'The period whose units are ranked (default: the latest with answers)',
  },
  'as-of': { type: 'string', description: 'Use the answers in force on this date (YYYY-MM-DD)' },
  idata: { type: 'string', description: 'COINr iData CSV (instead of --framework)' },
  imeta: { type: 'string', description: 'COINr iMeta CSV (with --idata)' },
  pipeline: { type: 'string', description: 'Composite pipeline YAML (with --idata)' },
} as const;

/**
 * Arguments of both analyses.
 *
 * @example
 * ```ts
 * defineCliCommand({ meta, args: analysisArgs, run });
 * ```
 */
export const analysisArgs = {
  ...modelArgs,
  spec: {
    type: 'string',
    required: true,
    description: 'Analysis spec YAML: target, seed, samples, bootstrap, assumptions',
  },
  seed: { type: 'string', description: "Override the spec's seed" },
  samples: { type: 'string', description: "Override the spec's samples (N)" },
  workers: {
    type: 'string',
    default: 'auto',
    description:
      'Worker threads: a number, or auto (in process below 1,000 runs, else one per CPU); 1 = in process',
  },
  ...printArgs,
} as const;

function readText(path: string): string {
  if (!existsSync(path)) {
    throw new IntegrationIndexError([
      createIssue('FILE_NOT_FOUND', { file: path }, { file: path }),
    ]);
  }
  return readFileSync(path, 'utf8');
}

/**
 * Loads `--framework`, reads the answer files (the positionals) and takes `--period` and
 * `--as-of`: the input of the questionnaire model, `gains` and `whatif`.
 *
 * @example
 * ```ts
 * const input = await loadQuestionnaireInput({ framework: 'niem', _: ['answers.csv'], period: '2021' });
 * ```
 */
export async function loadQuestionnaireInput(
  args: Record<string, unknown>,
): Promise<QuestionnaireModelInput> {
  const paths = ((args._ as unknown[] | undefined) ?? []).map(String);
  if (paths.length === 0) throw new UsageError('Name at least one answer file.');
  const framework = loadFrameworkDir(resolveFramework(String(args.framework)));
  const answers = await readAnswerFiles(paths, sheetOption(args));
  if (answers.errors.length > 0) throw new IntegrationIndexError(answers.errors);
  return {
    framework,
    answers,
    ...(args.period !== undefined ? { period: String(args.period) } : {}),
    ...(args['as-of'] !== undefined ? { asOf: String(args['as-of']) } : {}),
  };
}

/**
 * Loads the model the arguments name, as a cloneable source and a built model.
 *
 * @example
 * ```ts
 * const { source, model } = await loadAnalysisModel({ framework: 'niem', _: ['answers.csv'] });
 * ```
 */
export async function loadAnalysisModel(
  args: Record<string, unknown>,
): Promise<{ source: AnalysisModelSource; model: AnalysisModel }> {
  let source: AnalysisModelSource;
  if (args.idata !== undefined) {
    if (args.framework !== undefined)
      throw new UsageError('Give --framework or --idata, not both.');
    if (args.imeta === undefined || args.pipeline === undefined) {
      throw new UsageError('--idata needs --imeta and --pipeline.');
    }
    const [idata, imeta, pipeline] = [
      String(args.idata),
      String(args.imeta),
      String(args.pipeline),
    ];
    const data = readCoinr(readText(idata), readText(imeta), { idata, imeta });
    if (!data.ok) throw new IntegrationIndexError(data.issues);
    let pipelineSpec: unknown;
    try {
      pipelineSpec = parseYaml(readText(pipeline));
    } catch (e) {
      throw new IntegrationIndexError([
        createIssue(
          'YAML_SYNTAX',
          { detail: e instanceof Error ? e.message : String(e) },
          { file: pipeline },
        ),
      ]);
    }
    const period = args.period === undefined ? undefined : Number(args.period);
    if (period !== undefined && !Number.isInteger(period)) {
      throw new UsageError(
        `--period must be a year (COINr's Time) for --idata, not "${String(args.period)}".`,
      );
    }
    source = {
      kind: 'composite',
      input: {
        data: data.value,
        pipeline: pipelineSpec as never,
        ...(period !== undefined ? { period } : {}),
      },
    };
  } else {
    if (args.framework === undefined)
      throw new UsageError('Name the model: --framework, or --idata.');
    source = { kind: 'questionnaire', input: await loadQuestionnaireInput(args) };
  }
  const built = buildModel(source);
  if (!built.ok) throw new IntegrationIndexError(built.issues);
  return { source, model: built.value };
}

/**
 * Reads the spec file, with the `--seed` and `--samples` overrides.
 *
 * @example
 * ```ts
 * loadSpec({ spec: 'ua.yaml', seed: '7' }).seed; //=> 7
 * ```
 */
export function loadSpec(args: Record<string, unknown>): AnalysisSpec {
  const file = String(args.spec);
  const r = parseAnalysisSpecText(readText(file), file);
  if (!r.ok) throw new IntegrationIndexError(r.issues);
  const spec = { ...r.value };
  for (const key of ['seed', 'samples'] as const) {
    if (args[key] === undefined) continue;
    const v = Number(args[key]);
    if (!Number.isInteger(v) || v < (key === 'seed' ? 0 : 2)) {
      throw new UsageError(
        `--${key} must be a whole number${key === 'seed' ? '' : ' of at least 2'}.`,
      );
    }
    spec[key] = v;
  }
  return spec;
}

/**
 * Points the analysis issues of a failed run at their line in the spec file.
 *
 * @example
 * ```ts
 * throw inSpec(error, 'ua.yaml'); // issues now read ua.yaml:4:5: error ...
 * ```
 */
export function inSpec(e: unknown, file: string): unknown {
  if (!(e instanceof IntegrationIndexError)) return e;
  const mine = e.issues.filter((i) => i.code.startsWith('ANALYSIS_') && i.file === undefined);
  if (mine.length === 0) return e;
  const located = locateSpecIssues(readFileSync(file, 'utf8'), file, mine);
  return new IntegrationIndexError(e.issues.map((i): Issue => located[mine.indexOf(i)] ?? i));
}

/**
 * The executor `--workers` asks for, given the number of runs.
 *
 * @example
 * ```ts
 * chooseExecutor({ workers: 'auto' }, source, model, 600); // in process below 1,000 runs
 * ```
 */
export function chooseExecutor(
  args: Record<string, unknown>,
  source: AnalysisModelSource,
  model: AnalysisModel,
  runs: number,
): RunExecutor {
  const raw = String(args.workers ?? 'auto');
  let workers: number;
  if (raw === 'auto') workers = runs < 1000 ? 1 : availableParallelism();
  else {
    workers = Number(raw);
    if (!Number.isInteger(workers) || workers < 1) {
      throw new UsageError(`--workers must be auto or a whole number of at least 1, not "${raw}".`);
    }
  }
  return workers === 1 ? localExecutor(model) : createWorkerExecutor(source, { workers });
}

/**
 * A progress bar on stderr when it is a terminal; nothing otherwise.
 *
 * @example
 * ```ts
 * const bar = progressBar('uncertainty'); bar.listener?.(50, 100); bar.done();
 * ```
 */
export function progressBar(label: string): { listener?: ProgressListener; done: () => void } {
  if (!process.stderr.isTTY) return { done: () => {} };
  const width = 30;
  let last = -1;
  return {
    listener: (done, total) => {
      const filled = Math.round((done / total) * width);
      if (filled === last && done !== total) return;
      last = filled;
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`,
      );
    },
    done: () => process.stderr.write('\r\x1b[K'),
  };
}

/**
 * Runs an analysis behind the progress bar: the bar is cleared however the run ends, and the
 * analysis issues of a failed run point at their line in the `--spec` file.
 *
 * @example
 * ```ts
 * const r = await runWithProgress(args, 'uncertainty', (progress) =>
 *   runUncertainty(model, spec, { executor, ...progress }),
 * );
 * ```
 */
export async function runWithProgress<T>(
  args: Record<string, unknown>,
  label: string,
  run: (progress: { onProgress?: ProgressListener }) => Promise<T>,
): Promise<T> {
  const bar = progressBar(label);
  try {
    return await run(bar.listener ? { onProgress: bar.listener } : {});
  } catch (e) {
    throw inSpec(e, String(args.spec));
  } finally {
    bar.done();
  }
}

/**
 * Parses `--decimals`.
 *
 * @example
 * ```ts
 * decimalsOf({ decimals: '3' }); //=> 3
 * ```
 */
export function decimalsOf(args: Record<string, unknown>): number {
  const d = Number(args.decimals ?? 2);
  if (!Number.isInteger(d) || d < 0 || d > 12) {
    throw new UsageError(
      `--decimals must be a whole number from 0 to 12, not "${String(args.decimals)}".`,
    );
  }
  return d;
}

/**
 * Checks `--format`.
 *
 * @example
 * ```ts
 * formatOf({ format: 'csv' }); //=> 'csv'
 * ```
 */
export function formatOf(args: Record<string, unknown>): 'table' | 'csv' | 'json' {
  const f = String(args.format ?? 'table');
  if (f !== 'table' && f !== 'csv' && f !== 'json') {
    throw new UsageError(`Unknown --format "${f}"; expected table, csv or json.`);
  }
  return f;
}

/**
 * Lays out rows as aligned columns, numbers right-aligned.
 *
 * @example
 * ```ts
 * renderTable([['unit', 'rank'], ['XA', '1']]); //=> 'unit  rank\nXA       1\n'
 * ```
 */
export function renderTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...c].length);
    });
  }
  return `${rows
    .map((row, r) =>
      row
        .map((c, i) =>
          r > 0 && /^[+-]?\d/.test(c) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}

/**
 * Writes the output to `--out` or stdout.
 *
 * @example
 * ```ts
 * emit({ out: 'ua.csv' }, text); // writes ua.csv
 * ```
 */
export function emit(args: Record<string, unknown>, text: string): void {
  if (args.out) writeFileSync(String(args.out), text);
  else process.stdout.write(text);
}

/**
 * The remove-one impacts as tables, largest impact first (empty when none was asked for).
 *
 * @example
 * ```ts
 * formatRemoveOne(result.removeOne, 2); //=> '\nRemove-one impact, level 2 (...):\ncomponent  mean_abs_rank_change\nSocial  3.96\n...'
 * ```
 */
export function formatRemoveOne(levels: readonly RemoveOneResult[], decimals: number): string {
  let text = '';
  for (const level of levels) {
    text += `\nRemove-one impact, level ${level.level} (mean absolute rank change of ${level.target}):\n`;
    text += renderTable([
      ['component', 'mean_abs_rank_change'],
      ...[...level.components]
        .sort((a, b) => (b.meanAbsoluteRankChange ?? 0) - (a.meanAbsoluteRankChange ?? 0))
        .map((c) => [
          c.code,
          c.meanAbsoluteRankChange === null ? '' : formatScore(c.meanAbsoluteRankChange, decimals),
        ]),
    ]);
  }
  return text;
}
