/**
 * `integration-index whatif --framework F <answers>... --unit U --period P --set ind=answer,...`:
 * change some answers of one unit and print every score of the unit and every rank that moves.
 */
import { type WhatIfChange, type WhatIfResult, whatIf } from '../../analysis/whatif/whatif.js';
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
 * Parses `ind=answer,ind2=answer` (an empty answer is no data).
 *
 * @example
 * ```ts
 * parseSet('a=x, b='); //=> [{ indicator: 'a', answer: 'x' }, { indicator: 'b', answer: null }]
 * ```
 */
export function parseSet(text: string): WhatIfChange[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const eq = s.indexOf('=');
      if (eq <= 0) throw new UsageError(`--set takes indicator=answer pairs, not "${s}".`);
      const answer = s.slice(eq + 1).trim();
      return { indicator: s.slice(0, eq).trim(), answer: answer === '' ? null : answer };
    });
}

/**
 * Formats a what-if result.
 *
 * @example
 * ```ts
 * formatWhatIf(result, 'csv', 2).split('\n')[0]; //=> 'node,kind,before,after,delta'
 * ```
 */
export function formatWhatIf(
  r: WhatIfResult,
  format: 'table' | 'csv' | 'json',
  decimals: number,
  options: { raw?: boolean } = {},
): string {
  if (format === 'json') return `${JSON.stringify(r, null, 2)}\n`;
  const f = (x: number | null) => (x === null ? '' : formatScore(x, decimals));
  const scores = [
    ['node', 'kind', 'before', 'after', 'delta'],
    ...r.scores.map((s) => [
      s.node,
      s.kind,
      f(s.before),
      f(s.after),
      s.delta === null ? '' : f(s.delta),
    ]),
  ];
  if (format === 'csv') return toCsv(scores, { raw: options.raw === true });
  const changes = r.changes
    .map((c) => `${c.indicator}: ${c.from ?? '(no data)'} → ${c.to ?? '(no data)'}`)
    .join('\n');
  const ranks = [
    ['unit', 'node', 'rank_before', 'rank_after'],
    ...r.ranks.map((x) => [
      x.unit,
      x.node,
      x.before === null ? '' : String(x.before),
      x.after === null ? '' : String(x.after),
    ]),
  ];
  return (
    `${r.unit}, ${r.period}\n${changes}\n\nScores that move:\n${renderTable(scores)}` +
    (r.ranks.length > 0 ? `\nRanks that move:\n${renderTable(ranks)}` : '\nNo rank moves.\n')
  );
}

/**
 * `whatif`.
 *
 * @example
 * ```sh
 * integration-index whatif --framework niem answers.csv --unit XC --period 2021 --set mai_lf_equal_treatment_clause=a
 * ```
 */
export const whatifCommand = defineCliCommand({
  meta: {
    name: 'whatif',
    description: 'Change some answers of a unit and see every score and rank that moves.',
  },
  args: {
    ...questionnaireArgs,
    unit: { type: 'string', required: true, description: 'The unit whose answers change' },
    period: { type: 'string', description: 'The period (default: the latest with answers)' },
    'as-of': { type: 'string', description: 'Use the answers in force on this date (YYYY-MM-DD)' },
    set: {
      type: 'string',
      required: true,
      description: 'Changed answers: indicator=answer,indicator=answer',
    },
    ...printArgs,
  },
  async run({ args }) {
    const a = args as Record<string, unknown>;
    const format = formatOf(a);
    const decimals = decimalsOf(a);
    const changes = parseSet(String(a.set));
    const r = whatIf(await loadQuestionnaireInput(a), String(a.unit), changes);
    if (!r.ok) throw new IntegrationIndexError(r.issues);
    emit(a, formatWhatIf(r.value, format, decimals, { raw: a.raw === true }));
    return exitCodes.ok;
  },
});
