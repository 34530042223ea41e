/**
 * `integration-index gains --framework F <answers>... --unit U --period P`: every single-answer
 * improvement for the unit, to the next better option and to the best, ranked by how much it
 * raises the overall score, with the dimensions and stages it moves.
 */
import { type GainsResult, gains } from '../../analysis/gains/gains.js';
import { formatScore } from '../../engine/result/round.js';
import { IntegrationIndexError } from '../../errors/issue.js';
import { toCsv } from '../../io/csv.js';
import {
  decimalsOf,
  emit,
  formatOf,
  loadQuestionnaireInput,
  printArgs,
  questionnaireArgs,
  renderTable,
} from '../analysis.js';
import { defineCliCommand, exitCodes, UsageError } from '../command.js';

/**
 * Formats gains; `top` limits the rows of the table and CSV.
 *
 * @example
 * ```ts
 * formatGains(result, 'table', 2, 5); //=> 'XC, 2021: change mai_lf_equal_treatment_clause first ...'
 * ```
 */
export function formatGains(
  r: GainsResult,
  format: 'table' | 'csv' | 'json',
  decimals: number,
  top?: number,
  options: { raw?: boolean } = {},
): string {
  if (format === 'json') return `${JSON.stringify(r, null, 2)}\n`;
  const f = (x: number | null) =>
    x === null || !Number.isFinite(x) ? '' : formatScore(x, decimals);
  const signed = (x: number) => (x > 0 ? `+${f(x)}` : f(x));
  const list = top === undefined ? r.gains : r.gains.slice(0, top);
  const moved = (g: GainsResult['gains'][number]) =>
    g.nodes
      .filter((n) => n.kind === 'dimension' || n.kind === 'stage')
      .map((n) => `${n.node} ${signed(n.delta)}`)
      .join('; ');
  const header = [
    '#',
    'indicator',
    'step',
    'from',
    'to',
    'overall_delta',
    'overall_after',
    'rank_after',
    'dimensions_and_stages',
  ];
  const rows = list.map((g, i) => [
    String(i + 1),
    g.indicator,
    g.step,
    `${g.from.answer ?? ''} (${f(g.from.score)})`,
    `${g.to.answer ?? ''} (${f(g.to.score)})`,
    signed(g.overall.delta),
    f(g.overall.after),
    g.rank.after === null ? '' : String(g.rank.after),
    moved(g),
  ]);
  if (format === 'csv') return toCsv([header, ...rows], { raw: options.raw === true });
  const first = r.gains[0];
  const lead = first
    ? `${r.unit}, ${r.period}: change ${first.indicator} first (${first.from.answer ?? ''} → ${first.to.answer ?? ''}), ${r.overall} ${signed(first.overall.delta)}.\n`
    : `${r.unit}, ${r.period}: no single answer can raise the score.\n`;
  return `${lead}${renderTable([header, ...rows])}${r.atBest} indicators already at their best; ${r.unanswered} without data or not applicable.\n`;
}

/**
 * `gains`.
 *
 * @example
 * ```sh
 * integration-index gains --framework niem fixtures/niem/answers.csv --unit XC --period 2021 --top 10
 * ```
 */
export const gainsCommand = defineCliCommand({
  meta: {
    name: 'gains',
    description:
      'Which reform matters most: every single-answer improvement for a unit and period, ranked by how much it raises the overall score and each dimension.',
  },
  args: {
    ...questionnaireArgs,
    unit: { type: 'string', required: true, description: 'The unit (country) to improve' },
    period: { type: 'string', description: 'The period (default: the latest with answers)' },
    'as-of': { type: 'string', description: 'Use the answers in force on this date (YYYY-MM-DD)' },
    top: { type: 'string', description: 'Show only the first N improvements' },
    ...printArgs,
  },
  async run({ args }) {
    const a = args as Record<string, unknown>;
    const format = formatOf(a);
    const decimals = decimalsOf(a);
    let top: number | undefined;
    if (a.top !== undefined) {
      top = Number(a.top);
      if (!Number.isInteger(top) || top < 1)
        throw new UsageError('--top must be a whole number of at least 1.');
    }
    const r = gains(await loadQuestionnaireInput(a), String(a.unit));
    if (!r.ok) throw new IntegrationIndexError(r.issues);
    emit(a, formatGains(r.value, format, decimals, top, { raw: a.raw === true }));
    return exitCodes.ok;
  },
});
