/**
 * `integration-index progress --framework <id-or-path> <answers>...`: the progress board of a
 * round, per unit, period and dimension; `--strict` exits 1 while anything is open, as a gate
 * before publication.
 */
import { IntegrationIndexError } from '../../errors/issue.js';
import { toCsv } from '../../io/csv.js';
import { progressColumns, reportLabels } from '../../report/html/labels.js';
import { type ProgressBoard, progressOf, progressRows } from '../../round/progress/index.js';
import { defineCliCommand, exitCodes, UsageError } from '../command.js';
import { tableOutputArgs, writeRowsXlsx } from '../rows-xlsx.js';
import { writeOutput } from '../scored-output.js';
import { loadScoringInputs, scoreAndReport, scoringArgs } from './score.js';

/**
 * Output formats of `progress`.
 *
 * @example
 * ```ts
 * progressFormats; //=> ['text', 'csv', 'json', 'xlsx']
 * ```
 */
export const progressFormats = ['text', 'csv', 'json', 'xlsx'] as const;

/**
 * The text view of a progress board: one table per unit and period, a row per dimension and a
 * total, column names in `lang` (English or Bulgarian), numbers formatted for the language.
 *
 * @example
 * ```ts
 * formatProgress(progressOf(result), 'en').split('\n')[0]; //=> 'XA  2019'
 * ```
 */
export function formatProgress(board: ProgressBoard, lang = 'en'): string {
  const t = reportLabels(lang);
  const n = new Intl.NumberFormat(lang);
  const columns = progressColumns(t);
  const out: string[] = [];
  const groups = new Map<string, typeof board.lines>();
  for (const line of board.lines) {
    const k = `${line.unit}  ${line.period}`;
    groups.set(k, [...(groups.get(k) ?? []), line]);
  }
  for (const [head, lines] of groups) {
    const rows: string[][] = [[t.dimension, ...columns.map(([, label]) => label)]];
    const sum: Record<string, number> = {};
    for (const line of lines) {
      rows.push([line.title || line.dimension, ...columns.map(([f]) => n.format(line[f]))]);
      for (const [f] of columns) sum[f] = (sum[f] ?? 0) + line[f];
    }
    rows.push([t.total, ...columns.map(([f]) => n.format(sum[f] ?? 0))]);
    const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
    out.push(head);
    for (const r of rows) {
      out.push(
        r
          .map((c, i) => (i === 0 ? c.padEnd(widths?.[i] ?? 0) : c.padStart(widths?.[i] ?? 0)))
          .join('  ')
          .trimEnd(),
      );
    }
    out.push('');
  }
  if (board.rejected > 0) out.push(`${t.rejectedRows}: ${n.format(board.rejected)}`);
  out.push(board.isOpen ? `${t.open}: ${n.format(board.totals.open)}` : t.progressDone);
  return `${out.join('\n')}\n`;
}

/**
 * `progress`: what is still open in a round.
 *
 * @example
 * ```sh
 * integration-index progress --framework niem answers.csv --format csv --strict
 * ```
 */
export const progressCommand = defineCliCommand({
  meta: {
    name: 'progress',
    description:
      'Progress board per unit, period and dimension: answered, not applicable, no data, in disagreement, without a source, awaiting review; --strict exits 1 while anything is open.',
  },
  args: {
    ...scoringArgs,
    ...tableOutputArgs,
    strict: {
      type: 'boolean',
      default: false,
      description: 'Exit 1 when anything is open (a CI gate before publication)',
    },
  },
  async run({ args }) {
    const format = String(args.format);
    if (!(progressFormats as readonly string[]).includes(format)) {
      throw new UsageError(`Unknown --format "${format}"; expected text, csv, json or xlsx.`);
    }
    const inputs = await loadScoringInputs(args as Record<string, unknown>);
    if (inputs.answers.errors.length > 0) throw new IntegrationIndexError(inputs.answers.errors);
    // Issues (rejected rows, missing sources...) go to stderr at their rows, as `score` prints them.
    const { result } = scoreAndReport(inputs);
    const board = progressOf(result);
    let text: string;
    if (format === 'xlsx') {
      const { header, rows } = progressRows(board);
      await writeRowsXlsx(
        args.out === undefined ? undefined : String(args.out),
        'Progress',
        header,
        rows,
      );
      return args.strict && board.isOpen ? exitCodes.invalid : exitCodes.ok;
    }
    if (format === 'json') text = `${JSON.stringify(board, null, 2)}\n`;
    else if (format === 'csv') {
      const { header, rows } = progressRows(board);
      text = toCsv([header, ...rows], { raw: args.raw === true });
    } else text = formatProgress(board, inputs.options.lang ?? 'en');
    writeOutput(args.out === undefined ? undefined : String(args.out), text);
    return args.strict && board.isOpen ? exitCodes.invalid : exitCodes.ok;
  },
});
