/**
 * `integration-index weights --idata F --imeta F --pipeline F --level N`: optimised weights of
 * one level (COINr's `get_opt_weights`): the weights that give each node its target share of
 * correlation with the index, as `code,weight,desired,obtained`, and optionally the pipeline
 * with those weights in its aggregate step's `weights:` block.
 */
import { writeFileSync } from 'node:fs';
import { stringify as stringifyYaml } from 'yaml';
import { type OptimisedWeights, safeOptimiseWeights } from '../../composite/analysis/optweights.js';
import { formatScore } from '../../engine/result/round.js';
import { IntegrationIndexError } from '../../errors/issue.js';
import { toCsv } from '../../io/csv.js';
import { decimalsOf, emit, renderTable } from '../analysis.js';
import { defineCliCommand, exitCodes, UsageError } from '../command.js';
import { loadCompositeInput } from '../composite-input.js';

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
      ...r.rows.map((x) => [
        x.code,
        x.weight,
        Number.isNaN(x.desired) ? '' : x.desired,
        x.obtained,
      ]),
    ]);
  return (
    `Optimised weights of level ${r.level} (correlation with the ${r.against}; ` +
    (Number.isNaN(r.rows[0]?.desired ?? 0)
      ? `sum of correlations ${(-r.objectiveBefore).toFixed(4)} before, ${(-r.objective).toFixed(4)} after, `
      : `mean squared gap ${r.objectiveBefore.toExponential(2)} before, ${r.objective.toExponential(2)} after, `) +
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
    type: {
      type: 'string',
      default: 'balance',
      description: 'balance (shares to targets) or infomax (largest sum of correlations)',
    },
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
    const type = String(a.type ?? 'balance');
    if (type !== 'balance' && type !== 'infomax')
      throw new UsageError(`Unknown --type "${type}"; expected balance or infomax.`);
    const decimals = decimalsOf(a);
    const targets = parseTargets(a.targets === undefined ? undefined : String(a.targets));
    const { data, doc, spec } = loadCompositeInput({
      idata: String(a.idata),
      imeta: String(a.imeta),
      pipeline: String(a.pipeline),
    });
    const r = safeOptimiseWeights(data, spec, { level, targets, against, type });
    if (!r.ok) throw new IntegrationIndexError(r.issues);
    if (a['write-pipeline'] !== undefined) {
      // Edit the parsed document so comments and layout of the rest of the file stay as written.
      const at = spec.steps.findIndex((s) => s.step === 'aggregate');
      doc?.setIn(['steps', at, 'weights'], doc?.createNode(r.value.weights));
      writeFileSync(String(a['write-pipeline']), String(doc));
    }
    emit(a, formatOptimisedWeights(r.value, format as 'table', decimals));
    return exitCodes.ok;
  },
});
