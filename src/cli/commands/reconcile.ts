/**
 * `integration-index reconcile --framework <id-or-path> <answers>...`: where experts disagree
 * in score, each expert's answer and what choosing it would do to the dimension and overall
 * score; which disagreements a reviewer has settled.
 */
import { formatScore } from '../../engine/result/round.js';
import { IntegrationIndexError } from '../../errors/issue.js';
import { toCsv } from '../../io/csv.js';
import { formatChange } from '../../report/format.js';
import {
  type Reconciliation,
  reconciliationRows,
  safeReconcile,
} from '../../round/reconcile/index.js';
import { localeFormat } from '../../text/locale.js';
import { uiWords } from '../../text/ui.js';
import { defineCliCommand, exitCodes, UsageError } from '../command.js';
import { tableOutputArgs, writeRowsXlsx } from '../rows-xlsx.js';
import { writeOutput } from '../scored-output.js';
import { loadScoringInputs, scoringArgs } from './score.js';

/**
 * Output formats of `reconcile`.
 *
 * @example
 * ```ts
 * reconcileFormats; //=> ['text', 'csv', 'json', 'xlsx']
 * ```
 */
export const reconcileFormats = ['text', 'csv', 'json', 'xlsx'] as const;

/**
 * The text view of a reconciliation: a summary line, then per disagreement the scores as they
 * stand and, per expert's answer, its score and the change it would make to the dimension and
 * overall scores.
 *
 * @example
 * ```ts
 * formatReconciliation(reconcile(framework, answers), 1).split('\n')[0];
 * //=> '3 disagreements between 2 experts (ivanova, petrov): 1 settled, 2 open.'
 * ```
 */
export function formatReconciliation(rec: Reconciliation, decimals: number, lang?: string): string {
  const { counts } = rec;
  const w = uiWords(lang);
  const loc = localeFormat(lang ?? 'en');
  const s = (v: number | null): string => (v === null ? '—' : loc.number(formatScore(v, decimals)));
  const delta = (v: number | null, now: number | null): string =>
    v === null || now === null ? '' : ` (${loc.number(formatChange(v - now, decimals))})`;
  const lines = [w.reconcileSummary({ ...counts, experts: rec.experts })];
  for (const item of rec.items) {
    lines.push(
      '',
      `${item.unit}  ${item.period}  ${item.question}  ${item.title}${item.dimensionTitle ? `  (${item.dimensionTitle})` : ''}  ${item.settled ? w.settled : w.open}`,
      `  ${w.now}: ${w.indicator} ${s(item.current.indicator)}, ${w.dimension} ${s(item.current.dimension)}, ${w.overall} ${s(item.current.overall)}`,
    );
    for (const c of item.choices) {
      const who = c.expert ?? w.noExpert;
      const answer = `"${String(c.answer ?? '')}"${c.option !== null && c.option !== String(c.answer) ? ` → ${c.option}` : ''}`;
      const state = [
        c.status === null ? null : (w.statuses[c.status] ?? c.status),
        c.reviewer === null ? null : w.reviewedBy({ reviewer: c.reviewer }),
      ]
        .filter((x) => x !== null)
        .join(', ');
      lines.push(
        `  ${c.chosen ? '✓' : '·'} ${who}  ${answer}  ${w.score} ${s(c.scores.indicator)}  ${w.dimension} ${s(c.scores.dimension)}${delta(c.scores.dimension, item.current.dimension)}  ${w.overall} ${s(c.scores.overall)}${delta(c.scores.overall, item.current.overall)}${state ? `  [${state}]` : ''}  ${c.file}:${c.line}`,
      );
      if (c.source !== null) lines.push(`      ${w.source}: ${c.source}`);
      if (c.comment !== null)
        lines.push(`      ${w.comment}: ${c.comment.replace(/\s*\n\s*/g, ' ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `reconcile`: disagreements between experts.
 *
 * @example
 * ```sh
 * integration-index reconcile --framework niem two-experts.csv --resolution resolution.csv --format csv
 * ```
 */
export const reconcileCommand = defineCliCommand({
  meta: {
    name: 'reconcile',
    description:
      'List where experts disagree in score: each answer, its source and comment, and its effect on the dimension and overall score; settled (a final answer) or open.',
  },
  args: {
    ...scoringArgs,
    resolution: {
      type: 'string',
      description:
        'A reviewer’s resolution file (answer rows with status final), read after the answer files; comma-separated for several',
    },
    ...tableOutputArgs,
    strict: {
      type: 'boolean',
      default: false,
      description: 'Exit 1 when a disagreement is still open',
    },
  },
  async run({ args }) {
    const format = String(args.format);
    if (!(reconcileFormats as readonly string[]).includes(format)) {
      throw new UsageError(`Unknown --format "${format}"; expected text, csv, json or xlsx.`);
    }
    const resolutions = args.resolution
      ? String(args.resolution)
          .split(',')
          .map((p) => p.trim())
          .filter((p) => p !== '')
      : [];
    const paths = [...((args._ as unknown[] | undefined) ?? []).map(String), ...resolutions];
    const inputs = await loadScoringInputs({ ...args, _: paths } as Record<string, unknown>);
    if (inputs.answers.errors.length > 0) throw new IntegrationIndexError(inputs.answers.errors);
    const r = safeReconcile(inputs.framework, inputs.answers, {
      asOf: inputs.options.asOf,
      status: inputs.options.status,
      missing: inputs.options.missing,
      lang: inputs.options.lang,
    });
    if (!r.ok) throw new IntegrationIndexError(r.issues);
    const rec = r.value;
    let text: string;
    if (format === 'xlsx') {
      const { header, rows } = reconciliationRows(rec);
      await writeRowsXlsx(
        args.out === undefined ? undefined : String(args.out),
        'Reconcile',
        header,
        rows,
      );
      return args.strict && rec.counts.open > 0 ? exitCodes.invalid : exitCodes.ok;
    }
    if (format === 'json') text = `${JSON.stringify(rec, null, 2)}\n`;
    else if (format === 'csv') {
      const { header, rows } = reconciliationRows(rec);
      text = toCsv([header, ...rows], { raw: args.raw === true });
    } else text = formatReconciliation(rec, inputs.decimals, inputs.options.lang);
    writeOutput(args.out === undefined ? undefined : String(args.out), text);
    return args.strict && rec.counts.open > 0 ? exitCodes.invalid : exitCodes.ok;
  },
});
