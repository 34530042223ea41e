/**
 * `integration-index weights --idata F --imeta F --pipeline F --level N`: optimised weights of
 * one level (COINr's `get_opt_weights`): the weights that give each node its target share of
 * correlation with the index, as `code,weight,desired,obtained`, and optionally the pipeline
 * with those weights in its aggregate step's `weights:` block.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseDocument, stringify as stringifyYaml } from 'yaml';
import { type OptimisedWeights, safeOptimiseWeights } from '../../composite/analysis/optweights.js';
import { readCoinr } from '../../composite/data/read.js';
import { parsePipelineSpec } from '../../composite/pipeline/run.js';
import { formatScore } from '../../engine/result/round.js';
import { createIssue, IntegrationIndexError } from '../../errors/issue.js';
import { toCsv } from '../../io/csv.js';
import { decimalsOf, emit, renderTable } from '../analysis.js';
import { defineCliCommand, exitCodes, UsageError } from '../command.js';

function readText(path: string): string {
  if (!existsSync(path))
    throw new IntegrationIndexError([
      createIssue('FILE_NOT_FOUND', { file: path }, { file: path }),
    ]);
  return readFileSync(path, 'utf8');
}

/**
 * Parses `--targets`: `equal`, or `CODE=share,CODE=share...`.
 *
 * @example
 * ```ts
 * parseTargets('Conn=2,Sust=1'); //=> { Conn: 2, Sust: 1 }
 * ```
 */
export function parseTargets(text: string | undefined): 'equal' | Record<string, number> {
  if (text === undefined || text === 'equal') return 'equal';
  const out: Record<string, number> = {};
  for (const part of text.split(',')) {
    const m = /^\s*([^=\s]+)\s*=\s*([^\s]+)\s*$/.exec(part);
    const v = m ? Number(m[2]) : Number.NaN;
    if (!m || !Number.isFinite(v) || v < 0)
      throw new UsageError(
        `--targets: "${part}" is not CODE=share (a non-negative number); write e.g. --targets Conn=1,Sust=1 or equal.`,
      );
    out[m[1] as string] = v;
  }
  return out;
}

/**
 * Formats optimised weights: `csv` (`code,weight,desired,obtained`), `table` (with the shares
 * the original weights gave), `json`, or `yaml` (the `weights:` block of the aggregate step).
 *
 * @example
 * ```ts
 * formatOptimisedWeights(r, 'csv', 4); //=> 'code,weight,desired,obtained\nConn,0.3853,0.5000,0.5000\n...'
 * ```
 */
export function formatOptimisedWeights(
  r: OptimisedWeights,
  format: 'table' | 'csv' | 'json' | 'yaml',
  decimals: number,
): string {
  if (format === 'json') return `${JSON.stringify(r, null, 2)}\n`;
  if (format === 'yaml') return stringifyYaml({ weights: r.weights });
  const f = (x: number) => (Number.isFinite(x) ? formatScore(x, decimals) : '');
  if (format === 'csv')
    return toCsv([
      ['code', 'weight', 'desired', 'obtained'],
      ...r.rows.map((x) => [x.code, x.weight, x.desired, x.obtained]),
    ]);
  return (
    `Optimised weights of level ${r.level} (correlation with the ${r.against}; ` +
    `mean squared gap ${r.objectiveBefore.toExponential(2)} before, ${r.objective.toExponential(2)} after, ` +
    `${r.evaluations} evaluations${r.converged ? '' : ', not converged'}):\n` +
    renderTable([
      ['code', 'weight', 'desired', 'obtained', 'original', 'correlation'],
      ...r.rows.map((x) => [
        x.code,
        f(x.weight),
        f(x.desired),
        f(x.obtained),
        f(x.original),
        f(x.correlation),
      ]),
    ])
  );
}

/**
 * `weights`.
 *
 * @example
 * ```sh
 * integration-index weights --idata asem_iData.csv --imeta asem_iMeta.csv --pipeline asem.yaml --level 3 --format csv
 * ```
 */
export const weightsCommand = defineCliCommand({
  meta: {
    name: 'weights',
    description:
      "Optimised weights of one level (COINr's get_opt_weights): each node's share of correlation with the index brought to a target share.",
  },
  args: {
    idata: { type: 'string', required: true, description: 'COINr iData CSV' },
    imeta: { type: 'string', required: true, description: 'COINr iMeta CSV' },
    pipeline: {
      type: 'string',
      required: true,
      description: 'Pipeline YAML with an aggregate step',
    },
    level: { type: 'string', required: true, description: 'Level whose weights are optimised' },
    targets: {
      type: 'string',
      default: 'equal',
      description: 'equal, or CODE=share,CODE=share... for every node of the level',
    },
    against: { type: 'string', default: 'index', description: 'index or parent' },
    'write-pipeline': {
      type: 'string',
      description:
        "Write the pipeline with the optimised weights in its aggregate step's weights block",
    },
    format: {
      type: 'string',
      alias: 'f',
      default: 'table',
      description: 'table, csv, json or yaml',
    },
    decimals: { type: 'string', default: '4', description: 'Decimals of printed numbers' },
    out: { type: 'string', alias: 'o', description: 'Write to this file instead of stdout' },
  },
  run({ args }) {
    const a = args as Record<string, unknown>;
    const format = String(a.format ?? 'table');
    if (!['table', 'csv', 'json', 'yaml'].includes(format))
      throw new UsageError(`Unknown --format "${format}"; expected table, csv, json or yaml.`);
    const level = Number(a.level);
    if (!Number.isInteger(level))
      throw new UsageError(`--level must be a whole number, not "${String(a.level)}".`);
    const against = String(a.against ?? 'index');
    if (against !== 'index' && against !== 'parent')
      throw new UsageError(`Unknown --against "${against}"; expected index or parent.`);
    const decimals = decimalsOf(a);
    const targets = parseTargets(a.targets === undefined ? undefined : String(a.targets));
    const [idata, imeta, pipeline] = [String(a.idata), String(a.imeta), String(a.pipeline)];
    const data = readCoinr(readText(idata), readText(imeta), { idata, imeta });
    if (!data.ok) throw new IntegrationIndexError(data.issues);
    const doc = parseDocument(readText(pipeline));
    if (doc.errors.length > 0) {
      throw new IntegrationIndexError(
        doc.errors.map((e) =>
          createIssue(
            'YAML_SYNTAX',
            { detail: e.message },
            {
              file: pipeline,
              ...(e.linePos ? { line: e.linePos[0].line, column: e.linePos[0].col } : {}),
            },
          ),
        ),
      );
    }
    const specInput: unknown = doc.toJS();
    const spec = parsePipelineSpec(specInput, pipeline);
    if (!spec.ok) throw new IntegrationIndexError(spec.issues);
    const r = safeOptimiseWeights(data.value, spec.value, { level, targets, against });
    if (!r.ok) throw new IntegrationIndexError(r.issues);
    if (a['write-pipeline'] !== undefined) {
      // Edit the parsed document so comments and layout of the rest of the file stay as written.
      const at = spec.value.steps.findIndex((s) => s.step === 'aggregate');
      doc.setIn(['steps', at, 'weights'], doc.createNode(r.value.weights));
      writeFileSync(String(a['write-pipeline']), doc.toString());
    }
    emit(a, formatOptimisedWeights(r.value, format as 'table', decimals));
    return exitCodes.ok;
  },
});
