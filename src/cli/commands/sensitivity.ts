/**
 * `integration-index sensitivity --spec FILE (--framework F <answers>... | --idata ... )`: a
 * Saltelli design of N (d + 2) runs; first- and total-order indices of the mean absolute rank
 * change with bootstrap intervals, and the remove-one impacts the spec asks for.
 */
import { runSensitivity, type SensitivityResult } from '../../analysis/sensitivity/sensitivity.js';
import { formatScore } from '../../engine/result/round.js';
import { toCsv } from '../../io/csv.js';
import { sensitivityResultSvg } from '../../report/charts/analysis.js';
import {
  analysisArgs,
  chooseExecutor,
  decimalsOf,
  emit,
  formatOf,
  formatRemoveOne,
  loadAnalysisModel,
  loadSpec,
  renderTable,
  runWithProgress,
} from '../analysis.js';
import { defineCliCommand, exitCodes } from '../command.js';

const columns = [
  'assumption',
  'kind',
  'first',
  'first_q5',
  'first_q95',
  'total',
  'total_q5',
  'total_q95',
];

/**
 * Formats a sensitivity result.
 *
 * @example
 * ```ts
 * formatSensitivity(result, 'csv', 2).split('\n')[0]; //=> 'assumption,kind,first,first_q5,...'
 * ```
 */
export function formatSensitivity(
  r: SensitivityResult,
  format: 'table' | 'csv' | 'json',
  decimals: number,
  options: { raw?: boolean } = {},
): string {
  if (format === 'json') return `${JSON.stringify(r, null, 2)}\n`;
  const f = (x: number | undefined) =>
    x === undefined || !Number.isFinite(x) ? '' : formatScore(x, decimals);
  const rows = r.indices.map((i) => [
    i.assumption,
    i.kind,
    f(i.first),
    f(i.firstInterval?.[0]),
    f(i.firstInterval?.[1]),
    f(i.total),
    f(i.totalInterval?.[0]),
    f(i.totalInterval?.[1]),
  ]);
  if (format === 'csv') return toCsv([columns, ...rows], { raw: options.raw === true });
  let text =
    `Sensitivity of the ranks of ${r.target}: ${r.runs} runs (N = ${r.samples}), seed ${r.seed}, ` +
    `${r.bootstrap} bootstrap resamples (5th-95th percentiles); output = mean absolute rank change, variance ${f(r.variance)}.\n` +
    renderTable([columns, ...rows]);
  text += formatRemoveOne(r.removeOne, decimals);
  return text;
}

/**
 * `sensitivity`.
 *
 * @example
 * ```sh
 * integration-index sensitivity --framework niem answers.csv --period 2021 --spec sa.yaml --format csv
 * ```
 */
export const sensitivityCommand = defineCliCommand({
  meta: {
    name: 'sensitivity',
    description:
      'Variance-based sensitivity analysis: first- and total-order indices of each assumption on the mean absolute rank change, with bootstrap intervals; remove-one impacts.',
  },
  args: {
    ...analysisArgs,
    format: { ...analysisArgs.format, description: 'table, csv, json or svg (the chart)' },
  },
  async run({ args }) {
    const a = args as Record<string, unknown>;
    // `--format svg`: the chart (report/charts/analysis.ts) instead of a table.
    const svg = a.format === 'svg';
    const format = svg ? 'json' : formatOf(a);
    const decimals = decimalsOf(a);
    const spec = loadSpec(a);
    const { source, model } = await loadAnalysisModel(a);
    const runs = spec.samples * (spec.assumptions.length + 2);
    const result = await runWithProgress(a, 'sensitivity', (progress) =>
      runSensitivity(model, spec, {
        executor: chooseExecutor(a, source, model, runs),
        ...progress,
      }),
    );
    emit(
      a,
      svg
        ? `${sensitivityResultSvg(result)}\n`
        : formatSensitivity(result, format, decimals, { raw: a.raw === true }),
    );
    return exitCodes.ok;
  },
});
