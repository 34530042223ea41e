import { type ScoreResult, scoreResultSchema } from '../../engine/result/schema.js';
import {
  type FieldCheck,
  invalidArgument,
  optionsProblem,
  stringArray,
  throwIfAny,
  viewProblem,
} from '../../errors/args.js';
import { createIssue, IntegrationIndexError } from '../../errors/issue.js';
import { type CsvCell, toCsv } from '../../io/csv.js';
import { markdownText } from '../../io/neutralise.js';
import { resolveText } from '../../text/resolve.js';
import { formatScore } from '../format.js';
import type { ResultView, ViewCoverage, ViewNode, ViewNodeKind } from '../view.js';

/**
 * Which rows and columns an export holds.
 *
 * @example
 * ```ts
 * const selection: ExportSelection = { periods: ['2021'], kinds: ['overall', 'dimension'], decimals: null };
 * ```
 */
export interface ExportSelection {
  /** Periods to export; every period of the result by default. */
  periods?: readonly string[];
  /** Node kinds to export; aggregates by default (overall, group, dimension, stage, cell, aggregate). */
  kinds?: readonly ViewNodeKind[];
  /**
   * Decimals to round scores to, half away from zero (the library's output convention);
   * `null` writes full precision. 1 by default.
   */
  decimals?: number | null;
  /** Language for node titles (Markdown headers); the framework's default by default. */
  lang?: string;
}

/**
 * CSV options on top of the selection.
 *
 * @example
 * ```ts
 * exportCsv(view, 'wide', { excel: true, kinds: ['dimension'] } satisfies CsvExportOptions);
 * ```
 */
export interface CsvExportOptions extends ExportSelection {
  /**
   * Excel-friendly: a UTF-8 byte-order mark and semicolons, the delimiter Excel expects in
   * locales where the comma is the decimal separator. Decimals stay dots in either case.
   */
  excel?: boolean;
  /** Write cells as they are, without neutralising formula-like text (`toCsv`'s `raw`). */
  raw?: boolean;
}

const aggregateKinds: readonly ViewNodeKind[] = [
  'overall',
  'group',
  'dimension',
  'stage',
  'cell',
  'aggregate',
];

function selected(view: ResultView, selection: ExportSelection): ViewNode[] {
  const kinds = new Set(selection.kinds ?? aggregateKinds);
  return view.nodes.filter((n) => kinds.has(n.kind));
}

function periodsOf(view: ResultView, selection: ExportSelection): readonly string[] {
  return selection.periods ?? view.periods;
}

function scoreCell(score: number | null, decimals: number | null | undefined): CsvCell {
  if (score === null) return null;
  if (decimals === null) return score;
  return Number(formatScore(score, decimals ?? 1));
}

/**
 * The share of applicable indicators answered, `answered / (answered + missing)`, as the
 * engine's long rows define it; null when none is applicable or counts are unknown.
 */
function coverageShare(c: ViewCoverage | null): number | null {
  if (!c) return null;
  const applicable = c.answered + c.missing;
  return applicable === 0 ? null : c.answered / applicable;
}

/**
 * The header of the long export: the columns of `score --format csv`
 * (`unit,period,node,level,stage,score,coverage,rank`), then the node kind, the coverage
 * counts and the reason a score is empty.
 *
 * @example
 * ```ts
 * longColumns.slice(0, 8).join(','); //=> 'unit,period,node,level,stage,score,coverage,rank'
 * ```
 */
export const longColumns = [
  'unit',
  'period',
  'node',
  'level',
  'stage',
  'score',
  'coverage',
  'rank',
  'kind',
  'answered',
  'not_applicable',
  'missing',
  'expected',
  'reason',
] as const;

/**
 * The long export as rows (header first): one row per unit, period and node, with the score
 * (rounded half away from zero to `decimals`), the coverage share, the competition rank, the
 * coverage counts and why a score is empty. The shape R's tidyverse and COINr's `iData` converters expect.
 *
 * @example
 * ```ts
 * longRows(view, { periods: ['2021'], kinds: ['overall'] });
 * //=> [['unit', 'period', 'node', ...], ['XA', '2021', 'overall', 'overall', null, 62.5, 0.99, 1, 'overall', 140, 2, 1, 143, null], ...]
 * ```
 */
export function longRows(view: ResultView, selection: ExportSelection = {}): CsvCell[][] {
  throwIfAny(
    viewProblem('longRows', 'view', view),
    optionsProblem('longRows', 'selection', selection, selectionFields),
  );
  const nodes = selected(view, selection);
  const rows: CsvCell[][] = [[...longColumns]];
  for (const period of periodsOf(view, selection)) {
    for (const unit of view.units) {
      for (const node of nodes) {
        const c = view.cell(unit, period, node.id);
        if (!c) continue;
        rows.push([
          unit,
          period,
          node.id,
          node.level,
          node.stage,
          scoreCell(c.score, selection.decimals),
          coverageShare(c.coverage),
          c.rank,
          node.kind,
          c.coverage?.answered,
          c.coverage?.notApplicable,
          c.coverage?.missing,
          c.coverage?.expected,
          c.reason,
        ]);
      }
    }
  }
  return rows;
}

/**
 * Columns of {@link answerRows}: the answer behind each indicator score, with its evidence and
 * who gave and reviewed it.
 *
 * @example
 * ```ts
 * answerExportColumns.slice(0, 5).join(','); //=> 'unit,period,indicator,answer,option'
 * ```
 */
export const answerExportColumns = [
  'unit',
  'period',
  'indicator',
  'answer',
  'option',
  'score',
  'source',
  'comment',
  'expert',
  'status',
  'reviewer',
  'reviewed_on',
] as const;

/**
 * The answers export as rows (header first): one row per unit, period and indicator or
 * sub-question that has an answer in force, with the option it matched, its score (rounded like
 * {@link longRows}), source, comment, expert and review state.
 *
 * @example
 * ```ts
 * answerRows(view, { periods: ['2019'] })[1];
 * //=> ['XA', '2019', 'res_lf_fees', 'a', 'Free', 100, 'Fees Act (fictional)', null, 'ivanova', 'final', 'georgieva', '2020-02-14']
 * ```
 */
export function answerRows(view: ResultView, selection: ExportSelection = {}): CsvCell[][] {
  throwIfAny(
    viewProblem('answerRows', 'view', view),
    optionsProblem('answerRows', 'selection', selection, selectionFields),
  );
  const leaves = view.nodes.filter((n) => n.kind === 'indicator' || n.kind === 'subquestion');
  const rows: CsvCell[][] = [[...answerExportColumns]];
  for (const period of periodsOf(view, selection)) {
    for (const unit of view.units) {
      for (const node of leaves) {
        const a = view.answer(unit, period, node.id);
        if (!a || a.answer === null) continue;
        rows.push([
          unit,
          period,
          node.id,
          a.answer,
          a.option,
          scoreCell(view.cell(unit, period, node.id)?.score ?? null, selection.decimals),
          a.source,
          a.comment,
          a.expert,
          a.status,
          a.reviewer,
          a.reviewedOn,
        ]);
      }
    }
  }
  return rows;
}

/**
 * The wide export as rows (header first): one row per unit and period, one score column per
 * node (named by node id), then one rank column per node (`rank_<node>`).
 *
 * @example
 * ```ts
 * wideRows(view, { kinds: ['overall', 'dimension'] });
 * //=> [['unit', 'period', 'overall', 'res', 'fam', 'rank_overall', ...], ['XA', '2019', 50, 50, 50, 2, ...], ...]
 * ```
 */
export function wideRows(view: ResultView, selection: ExportSelection = {}): CsvCell[][] {
  throwIfAny(
    viewProblem('wideRows', 'view', view),
    optionsProblem('wideRows', 'selection', selection, selectionFields),
  );
  const nodes = selected(view, selection);
  const rows: CsvCell[][] = [
    ['unit', 'period', ...nodes.map((n) => n.id), ...nodes.map((n) => `rank_${n.id}`)],
  ];
  for (const period of periodsOf(view, selection)) {
    for (const unit of view.units) {
      const cells = nodes.map((n) => view.cell(unit, period, n.id));
      if (cells.every((c) => c === undefined)) continue;
      rows.push([
        unit,
        period,
        ...cells.map((c) => scoreCell(c?.score ?? null, selection.decimals)),
        ...cells.map((c) => c?.rank ?? null),
      ]);
    }
  }
  return rows;
}

/**
 * Writes the long or wide export as CSV through the shared writer (`toCsv`), with every cell
 * a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return) neutralised
 * unless `raw` is set: unit names and ids come from user files.
 *
 * @example
 * ```ts
 * exportCsv(view, 'long', { excel: true }); //=> '\ufeffunit;period;node;...'
 * ```
 */
export function exportCsv(
  view: ResultView,
  shape: 'long' | 'wide' | 'answers',
  options: CsvExportOptions = {},
): string {
  throwIfAny(
    viewProblem('exportCsv', 'view', view),
    ['long', 'wide', 'answers'].includes(shape)
      ? undefined
      : invalidArgument('exportCsv', 'shape', '"long", "wide" or "answers"', shape),
    optionsProblem('exportCsv', 'options', options, {
      ...selectionFields,
      excel: 'boolean',
      raw: 'boolean',
    }),
  );
  const { excel, raw, ...selection } = options;
  const rows =
    shape === 'long'
      ? longRows(view, selection)
      : shape === 'answers'
        ? answerRows(view, selection)
        : wideRows(view, selection);
  return toCsv(rows, {
    raw: raw === true,
    ...(excel ? { bom: true, delimiter: ';' as const } : {}),
  });
}

/**
 * A Markdown table per period: units in rank order of the root node, one column per selected
 * node (titled in `lang`), scores rounded half away from zero to `decimals` (1 by default),
 * empty scores shown as `–`. Texts go through `markdownText`: HTML, pipes and line breaks escaped.
 *
 * @example
 * ```ts
 * exportMarkdown(view, { kinds: ['overall', 'dimension'] });
 * //=> '### 2021\n\n| Rank | Unit | Overall | Residency | ...'
 * ```
 */
export function exportMarkdown(view: ResultView, selection: ExportSelection = {}): string {
  throwIfAny(
    viewProblem('exportMarkdown', 'view', view),
    optionsProblem('exportMarkdown', 'selection', selection, selectionFields),
  );
  const nodes = selected(view, selection);
  const lang = selection.lang ?? view.framework.language;
  const decimals = selection.decimals === null ? 6 : (selection.decimals ?? 1);
  const title = (n: ViewNode) => resolveText(n.title, lang, view.framework.language).text;
  const parts: string[] = [];
  for (const period of periodsOf(view, selection)) {
    const units = view.units
      .filter((u) => view.cell(u, period, view.rootId) !== undefined)
      .map((u) => ({ u, rank: view.cell(u, period, view.rootId)?.rank ?? null }))
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
    const header = ['Rank', 'Unit', ...nodes.map(title)];
    const lines = [
      `| ${header.map(markdownText).join(' | ')} |`,
      `| ${header.map((_, i) => (i === 1 ? '---' : '---:')).join(' | ')} |`,
      ...units.map(({ u, rank }) => {
        const cells = nodes.map((n) => {
          const s = view.cell(u, period, n.id)?.score ?? null;
          return s === null ? '–' : formatScore(s, decimals);
        });
        return `| ${[rank === null ? '' : String(rank), u, ...cells].map(markdownText).join(' | ')} |`;
      }),
    ];
    parts.push(`### ${markdownText(period)}\n\n${lines.join('\n')}\n`);
  }
  return parts.join('\n');
}

/**
 * The result as JSON, in the published result format (`schema/result.schema.json`, generated
 * from the same zod schema this checks against), at full precision. A result that no longer
 * matches the format (edited by hand, say) throws {@link IntegrationIndexError} with
 * `EXPORT_RESULT_INVALID` rather than writing a file other tools would reject.
 *
 * @example
 * ```ts
 * const json = exportJson(score(framework, answers));
 * JSON.parse(json).format; //=> 1
 * ```
 */
export function exportJson(result: ScoreResult, options: { indent?: number } = {}): string {
  throwIfAny(optionsProblem('exportJson', 'options', options, { indent: 'number' }));
  const checked = scoreResultSchema.safeParse(result);
  if (!checked.success) {
    throw new IntegrationIndexError(
      checked.error.issues
        .slice(0, 20)
        .map((i) =>
          createIssue(
            'EXPORT_RESULT_INVALID',
            { detail: `${i.path.join('.') || '(root)'}: ${i.message}` },
            { path: i.path.filter((p): p is string | number => typeof p !== 'symbol') },
          ),
        ),
    );
  }
  return `${JSON.stringify(result, null, options.indent)}\n`;
}

/** The fields of an {@link ExportSelection}, for `optionsProblem`. */
export const selectionFields: Readonly<Record<string, FieldCheck>> = {
  periods: stringArray,
  kinds: stringArray,
  decimals: (v: unknown) => (v === null || typeof v === 'number' ? undefined : 'a number or null'),
  lang: 'string',
};
