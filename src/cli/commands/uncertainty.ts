/**
 * `integration-index uncertainty --spec FILE (--framework F <answers>... | --idata F --imeta F
 * --pipeline F)`: sample the spec's assumptions and print, per unit, the nominal rank, median
 * rank, 5th-95th percentile ranks and score interval. The plumbing it shares with `sensitivity`
 * is in `../analysis.ts`.
 */
import { runUncertainty, type UncertaintyResult } from '../../analysis/uncertainty/uncertainty.js';
import { formatScore } from '../../engine/result/round.js';
import { toCsv } from '../../io/csv.js';
import { uncertaintyResultSvg } from '../../report/charts/analysis.js';
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
  'unit',
  'score',
  'rank',
  'median_rank',
  'rank_q5',
  'rank_q95',
  'score_q5',
  'score_q95',
  'mean_rank',
];

/**
 * The uncertainty result as rows, best nominal rank first.
 *
 * @example
 * ```ts
 * uncertaintyRows(result, 2)[0]; //=> ['CHE', '68.38', '1', '1.00', '1.00', '1.00', ...]
 * ```
 */
export function uncertaintyRows(r: UncertaintyResult, decimals: number): string[][] {
  const f = (x: number | null) => (x === null ? '' : formatScore(x, decimals));
  return [...r.units]
    .sort(
      (a, b) =>
        (a.nominal.rank ?? Number.POSITIVE_INFINITY) - (b.nominal.rank ?? Number.POSITIVE_INFINITY),
    )
    .map((u) => [
      u.unit,
      f(u.nominal.score),
      u.nominal.rank === null ? '' : String(u.nominal.rank),
      f(u.rank.median),
      f(u.rank.q5),
      f(u.rank.q95),
      f(u.score.q5),
      f(u.score.q95),
      f(u.rank.mean),
    ]);
}

/**
 * Formats an uncertainty result.
 *
 * @example
 * ```ts
 * formatUncertainty(result, 'csv', 2).split('\n')[0]; //=> 'unit,score,rank,median_rank,...'
 * ```
 */
export function formatUncertainty(
  r: UncertaintyResult,
  format: 'table' | 'csv' | 'json',
  decimals: number,
  options: { raw?: boolean } = {},
): string {
  if (format === 'json') return `${JSON.stringify(r, null, 2)}\n`;
  const rows = uncertaintyRows(r, decimals);
  if (format === 'csv') return toCsv([columns, ...rows], { raw: options.raw === true });
  const head = `Uncertainty of ${r.target}: ${r.runs} runs, seed ${r.seed}${r.failedRuns > 0 ? `, ${r.failedRuns} failed runs` : ''}; ranks are 5th-95th percentiles (R type 7).\n`;
  return head + renderTable([columns, ...rows]) + formatRemoveOne(r.removeOne, decimals);
}

/**
 * `uncertainty`.
 *
 * @example
 * ```sh
 * integration-index uncertainty --idata asem_iData.csv --imeta asem_iMeta.csv --pipeline asem.yaml --spec ua.yaml
 * ```
 */
export const uncertaintyCommand = defineCliCommand({
  meta: {
    name: 'uncertainty',
    description:
      'Uncertainty analysis: sample the assumptions of a spec and report each unit’s median rank, 5th-95th percentile ranks and score interval.',
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
    const result = await runWithProgress(a, 'uncertainty', (progress) =>
      runUncertainty(model, spec, {
        executor: chooseExecutor(a, source, model, spec.samples),
        ...progress,
      }),
    );
    emit(
      a,
      svg
        ? `${uncertaintyResultSvg(result)}\n`
        : formatUncertainty(result, format, decimals, { raw: a.raw === true }),
    );
    return exitCodes.ok;
  },
});
