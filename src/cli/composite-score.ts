/**
 * `score --idata F --imeta F [--pipeline P]`: run a COINr-style composite pipeline on
 * iData/iMeta CSV files and print any stage. The `score` command delegates here when
 * `--idata` is given; this module is the whole of that path (reading files, running,
 * formatting), a thin layer over the public API.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ArgsDef } from 'citty';
import { parse as nodeCsvParse } from '#csv-parse';
import { type StageName, stageNames } from '../composite/pipeline/stages.js';
import { createIssue, formatIssue, type Issue } from '../errors/issue.js';
import { toCsv } from '../io/csv.js';
import { exitCodes, UsageError } from './command.js';

/** Output formats of the composite score. */
export const compositeFormats = ['csv', 'json', 'table', 'xlsx'] as const;

/**
 * The arguments of the composite path of `score` (a citty `ArgsDef`).
 *
 * @example
 * ```sh
 * integration-index score --idata asem_iData.csv --imeta asem_iMeta.csv --pipeline asem.yaml --stage normalised --wide
 * ```
 */
export const compositeScoreArgs = {
  idata: {
    type: 'string',
    description: 'COINr iData CSV: uCode, uName, Time, groups, denominators, indicators',
  },
  imeta: {
    type: 'string',
    description: 'COINr iMeta CSV: iCode, Level, Parent, Direction, Weight, Type, ...',
  },
  pipeline: {
    type: 'string',
    description: 'Pipeline YAML (steps: denominate, impute, screen, treat, normalise, aggregate)',
  },
  stage: {
    type: 'string',
    description: `Data set to print: ${stageNames.join(', ')} (default: the last one the pipeline writes)`,
  },
  wide: {
    type: 'boolean',
    default: false,
    description: "One row per unit, one column per code, like COINr's tables",
  },
  format: {
    type: 'string',
    default: 'csv',
    description:
      'csv, json, table, or xlsx (every stage as a sheet plus the step log, like COINr export_to_excel; needs --out)',
  },
  out: { type: 'string', alias: 'o', description: 'Write to this file instead of standard output' },
  log: {
    type: 'string',
    description:
      'Write the step log (JSON: imputed cells, removed units, treated indicators...) to this file',
  },
} as const satisfies ArgsDef;

/** The parsed arguments of {@link runCompositeScore}. */
export interface CompositeScoreArgs {
  idata?: string | undefined;
  imeta?: string | undefined;
  pipeline?: string | undefined;
  stage?: string | undefined;
  wide?: boolean | undefined;
  format?: string | undefined;
  out?: string | undefined;
  log?: string | undefined;
  /** Write CSV cells as they are (`--raw`); neutralised by default. */
  raw?: boolean | undefined;
}

function readText(path: string, issues: Issue[]): string | undefined {
  if (!existsSync(path)) {
    issues.push(createIssue('FILE_NOT_FOUND', { file: path }, { file: path }));
    return undefined;
  }
  return readFileSync(path, 'utf8');
}

/** Six significant digits for the terminal table; the CSV and JSON keep full precision. */
function tableText(header: string[], rows: (string | number | null)[][]): string {
  const cells = [
    header,
    ...rows.map((r) =>
      r.map((v) =>
        v === null ? 'NA' : typeof v === 'number' ? String(Number(v.toPrecision(6))) : v,
      ),
    ),
  ];
  const widths = header.map((_, j) => Math.max(...cells.map((r) => String(r[j] ?? '').length)));
  return cells
    .map((r) =>
      r
        .map((v, j) =>
          j === 0 ? String(v).padEnd(widths[j] as number) : String(v).padStart(widths[j] as number),
        )
        .join('  '),
    )
    .join('\n')
    .concat('\n');
}

/**
 * Runs the composite path of `score`: reads iData and iMeta, applies the pipeline, prints the
 * chosen stage as a long CSV (`unit,period,code,value`), a wide table (`--wide`), JSON or an
 * aligned text table; `--log FILE` also writes the step log as JSON. Issues print as
 * `file:line:col: error CODE: message` on standard error.
 * Resolves to the exit code: 0 ok, 1 invalid input; usage mistakes throw a `UsageError` (2).
 *
 * @example
 * ```ts
 * await runCompositeScore({ idata: 'asem_iData.csv', imeta: 'asem_iMeta.csv', pipeline: 'asem.yaml', stage: 'aggregated', format: 'csv' }); //=> 0
 * ```
 */
export async function runCompositeScore(args: CompositeScoreArgs): Promise<number> {
  if (!args.idata) throw new UsageError('Missing --idata <iData.csv>.');
  if (!args.imeta) throw new UsageError('Missing --imeta <iMeta.csv> (needed with --idata).');
  const format = args.format ?? 'csv';
  if (!(compositeFormats as readonly string[]).includes(format)) {
    throw new UsageError(`Unknown --format "${format}"; expected ${compositeFormats.join(', ')}.`);
  }
  if (format === 'xlsx' && !args.out) {
    throw new UsageError('--format xlsx writes a workbook: name it with --out FILE.xlsx.');
  }
  if (args.stage !== undefined && !(stageNames as readonly string[]).includes(args.stage)) {
    throw new UsageError(`Unknown --stage "${args.stage}"; expected ${stageNames.join(', ')}.`);
  }
  const issues: Issue[] = [];
  const fail = () => {
    for (const i of issues) process.stderr.write(`${formatIssue(i)}\n`);
    return exitCodes.invalid;
  };
  const idata = readText(args.idata, issues);
  const imeta = readText(args.imeta, issues);
  let specInput: unknown = { steps: [] };
  if (args.pipeline) {
    const text = readText(args.pipeline, issues);
    if (text !== undefined) {
      // The YAML parser only when a pipeline file is given: `score` on a framework never needs it.
      const { parse: parseYaml } = await import('yaml');
      try {
        specInput = parseYaml(text);
      } catch (e) {
        const err = e as { message?: string; linePos?: { line: number; col: number }[] };
        const pos = err.linePos?.[0];
        issues.push(
          createIssue(
            'YAML_SYNTAX',
            { detail: String(err.message ?? e) },
            { file: args.pipeline, ...(pos ? { line: pos.line, column: pos.col } : {}) },
          ),
        );
      }
    }
  }
  if (idata === undefined || imeta === undefined || issues.length > 0) return fail();
  // The composite toolkit (and the schemas it validates with) only on this path: `score` on a
  // framework, which imports this module for its arguments, never loads it.
  const [{ readCoinr }, { parsePipelineSpec, safeRunPipeline }, { toLong, toWide }] =
    await Promise.all([
      import('../composite/data/read.js'),
      import('../composite/pipeline/run.js'),
      import('../composite/data/dataset.js'),
    ]);
  const data = readCoinr(idata, imeta, {
    idata: args.idata,
    imeta: args.imeta,
    csvParse: nodeCsvParse,
  });
  if (!data.ok) {
    issues.push(...data.issues);
    return fail();
  }
  const spec = parsePipelineSpec(specInput, args.pipeline);
  if (!spec.ok) {
    issues.push(...spec.issues);
    return fail();
  }
  const run = safeRunPipeline(data.value, spec.value);
  if (!run.ok) {
    issues.push(...run.issues.map((i) => (args.pipeline ? { ...i, file: args.pipeline } : i)));
    return fail();
  }
  for (const w of run.value.warnings) process.stderr.write(`${formatIssue(w)}\n`);
  const produced = stageNames.filter((s) => run.value.datasets[s] !== undefined);
  const stage = (args.stage ?? produced[produced.length - 1] ?? 'raw') as StageName;
  const ds = run.value.datasets[stage];
  if (!ds) {
    issues.push(createIssue('COMPOSITE_UNKNOWN_STAGE', { stage, stages: produced }, {}));
    return fail();
  }
  const units = data.value.units;
  const writeLog = () => {
    if (!args.log) return;
    // The imputation mask is one flag per cell: useful in the API, noise in a log file.
    const log = run.value.log.map((entry) =>
      entry.step === 'impute' ? { ...entry, mask: undefined } : entry,
    );
    writeFileSync(args.log, `${JSON.stringify(log, null, 2)}\n`);
  };
  if (format === 'xlsx') {
    const [{ pipelineTables }, { writeTablesXlsx }] = await Promise.all([
      import('../composite/pipeline/xlsx.js'),
      import('../io/xlsx/write.js'),
    ]);
    writeFileSync(args.out as string, await writeTablesXlsx(pipelineTables(units, run.value)));
    writeLog();
    return exitCodes.ok;
  }
  let text: string;
  if (format === 'table') {
    const w = toWide(units, ds);
    text = tableText(w.header, w.rows);
  } else if (args.wide) {
    const w = toWide(units, ds);
    text =
      format === 'json'
        ? `${JSON.stringify(
            w.rows.map((r) => Object.fromEntries(w.header.map((h, j) => [h, r[j] ?? null]))),
            null,
            2,
          )}\n`
        : toCsv([w.header, ...w.rows], { raw: args.raw === true });
  } else {
    const long = toLong(units, ds);
    text =
      format === 'json'
        ? `${JSON.stringify(long, null, 2)}\n`
        : toCsv(
            [
              ['unit', 'period', 'code', 'value'],
              ...long.map((r) => [r.unit, r.period, r.code, r.value]),
            ],
            { raw: args.raw === true },
          );
  }
  writeLog();
  if (args.out) writeFileSync(args.out, text);
  else process.stdout.write(text);
  return exitCodes.ok;
}
