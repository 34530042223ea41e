import type { ScoreResult } from '../../engine/result/schema.js';
import {
  invalidArgument,
  isRecord,
  numberProblem,
  optionsProblem,
  RESULT_EXPECTED,
  resultProblem,
  throwIfAny,
  viewProblem,
} from '../../errors/args.js';
import type { XlsxValue } from '../../io/xlsx/read.js';
import { writeTablesXlsx, type XlsxColumn, type XlsxTable } from '../../io/xlsx/write.js';
import { resolveText } from '../../text/resolve.js';
import type { ResultView, ViewCoverage, ViewNode, ViewNodeKind } from '../view.js';
import { type ExportSelection, selectionFields } from './index.js';

/**
 * Excel's number format for `decimals` places (`0.0` for 1); General for full precision.
 *
 * @example
 * ```ts
 * decimalsFormat(2);    //=> '0.00'
 * decimalsFormat(null); //=> undefined
 * ```
 */
export function decimalsFormat(decimals: number | null | undefined): string | undefined {
  if (decimals === null) return undefined;
  if (decimals !== undefined) {
    throwIfAny(
      numberProblem('decimalsFormat', 'decimals', decimals, { min: 0, max: 30, integer: true }),
    );
  }
  const d = decimals ?? 1;
  return d === 0 ? '0' : `0.${'0'.repeat(d)}`;
}

function share(c: ViewCoverage | null): number | null {
  if (!c) return null;
  const applicable = c.answered + c.missing;
  return applicable === 0 ? null : c.answered / applicable;
}

/**
 * The sheets of an Excel export of a result, as tables for `writeTablesXlsx`: `Overall` (score,
 * rank and coverage per unit and period), `Dimension x stage` (the framework's cells), `Dimensions`
 * and `Stages` (one column per node, then its ranks), `Indicators` (answer, option label, score,
 * source and comment), `Coverage` (answered, not applicable, missing per aggregate) and
 * `Methodology` (framework, scale, missing-data policy, and the provenance stamp with the
 * inputs' hashes). Sheets without nodes (a framework without stages) are left out. Scores are
 * stored at full precision, shown with `decimals` places by a number format; coverage as a
 * percentage.
 *
 * @example
 * ```ts
 * const sheets = exportTables(resultView(result, framework), result, { decimals: 1 });
 * sheets.map((s) => s.name); //=> ['Overall', 'Dimension x stage', 'Dimensions', 'Stages', 'Indicators', 'Coverage', 'Methodology']
 * ```
 */
export function exportTables(
  view: ResultView,
  result: ScoreResult | undefined,
  selection: ExportSelection = {},
): XlsxTable[] {
  throwIfAny(...tablesProblems('exportTables', view, result, selection));
  const fmt = decimalsFormat(selection.decimals);
  const lang = selection.lang ?? view.framework.language;
  const title = (n: ViewNode) => resolveText(n.title, lang, view.framework.language).text;
  const periods = selection.periods ?? view.periods;
  const of = (kind: ViewNodeKind) => view.nodes.filter((n) => n.kind === kind);
  const scoreCol = (header: string): XlsxColumn =>
    fmt === undefined ? { header } : { header, numFmt: fmt };
  const pct: XlsxColumn = { header: 'coverage', numFmt: '0%' };
  const each = (f: (unit: string, period: string) => XlsxValue[][]): XlsxValue[][] => {
    const rows: XlsxValue[][] = [];
    for (const period of periods) for (const unit of view.units) rows.push(...f(unit, period));
    return rows;
  };
  const tables: XlsxTable[] = [];
  const root = view.nodes.find((n) => n.id === view.rootId);
  if (root) {
    tables.push({
      name: 'Overall',
      columns: [
        { header: 'unit' },
        { header: 'period' },
        scoreCol(root.id),
        { header: 'rank' },
        pct,
      ],
      rows: each((unit, period) => {
        const c = view.cell(unit, period, root.id);
        return c ? [[unit, period, c.score, c.rank, share(c.coverage)]] : [];
      }),
    });
  }
  const cells = of('cell');
  if (cells.length > 0) {
    tables.push({
      name: 'Dimension x stage',
      columns: [
        { header: 'unit' },
        { header: 'period' },
        { header: 'dimension' },
        { header: 'stage' },
        { header: 'cell' },
        scoreCol('score'),
        { header: 'rank' },
        pct,
      ],
      rows: each((unit, period) =>
        cells.flatMap((n) => {
          const c = view.cell(unit, period, n.id);
          return c
            ? [[unit, period, n.parent, n.stage, n.id, c.score, c.rank, share(c.coverage)]]
            : [];
        }),
      ),
    });
  }
  for (const [name, kind] of [
    ['Dimensions', 'dimension'],
    ['Stages', 'stage'],
  ] as const) {
    const nodes = of(kind);
    if (nodes.length === 0) continue;
    tables.push({
      name,
      columns: [
        { header: 'unit' },
        { header: 'period' },
        ...nodes.map((n) => scoreCol(n.id)),
        ...nodes.map((n) => ({ header: `rank_${n.id}` })),
      ],
      rows: each((unit, period) => {
        const got = nodes.map((n) => view.cell(unit, period, n.id));
        if (got.every((c) => c === undefined)) return [];
        return [
          [unit, period, ...got.map((c) => c?.score ?? null), ...got.map((c) => c?.rank ?? null)],
        ];
      }),
    });
  }
  const indicators = of('indicator');
  if (indicators.length > 0) {
    tables.push({
      name: 'Indicators',
      columns: [
        { header: 'unit' },
        { header: 'period' },
        { header: 'indicator' },
        { header: 'dimension' },
        { header: 'stage' },
        { header: 'title', width: 40, wrap: true },
        { header: 'answer' },
        { header: 'option', width: 30, wrap: true },
        scoreCol('score'),
        { header: 'source', width: 40, wrap: true },
        { header: 'comment', width: 40, wrap: true },
      ],
      rows: each((unit, period) =>
        indicators.flatMap((n) => {
          const c = view.cell(unit, period, n.id);
          if (!c) return [];
          const a = view.answer(unit, period, n.id);
          return [
            [
              unit,
              period,
              n.id,
              n.level,
              n.stage,
              title(n),
              a?.answer ?? null,
              a?.option ?? null,
              c.score,
              a?.source ?? null,
              a?.comment ?? null,
            ],
          ];
        }),
      ),
    });
  }
  const aggregates = view.nodes.filter((n) => n.kind !== 'indicator');
  tables.push({
    name: 'Coverage',
    columns: [
      { header: 'unit' },
      { header: 'period' },
      { header: 'node' },
      { header: 'kind' },
      { header: 'answered' },
      { header: 'not_applicable' },
      { header: 'missing' },
      { header: 'expected' },
      pct,
      { header: 'reason' },
    ],
    rows: each((unit, period) =>
      aggregates.flatMap((n) => {
        const c = view.cell(unit, period, n.id);
        if (!c?.coverage) return [];
        const k = c.coverage;
        return [
          [
            unit,
            period,
            n.id,
            n.kind,
            k.answered,
            k.notApplicable,
            k.missing,
            k.expected,
            share(k),
            c.reason,
          ],
        ];
      }),
    ),
  });
  tables.push({
    name: 'Methodology',
    columns: [
      { header: 'key', width: 24 },
      { header: 'value', width: 70, wrap: true },
    ],
    rows: methodology(view, result, selection),
  });
  return tables;
}

function methodology(
  view: ResultView,
  result: ScoreResult | undefined,
  selection: ExportSelection,
): XlsxValue[][] {
  const f = view.framework;
  const rows: XlsxValue[][] = [
    ['framework', f.id],
    ['title', resolveText(f.title, selection.lang ?? f.language, f.language).text],
    ['edition', f.edition],
    ['version', f.version],
    ['scale', `${view.scale.min} to ${view.scale.max}`],
    ['units', view.units.length],
    ['periods', (selection.periods ?? view.periods).join(', ')],
    ['decimals shown', selection.decimals === null ? 'full precision' : (selection.decimals ?? 1)],
    ['scores stored', 'at full precision; the number format rounds the display only'],
  ];
  if (result) {
    rows.push(
      ['answers read', result.counts.read],
      ['answers used', result.counts.used],
      ['answers superseded', result.counts.superseded],
      ['answers rejected', result.counts.rejected],
    );
  }
  const p = result?.provenance;
  if (p) {
    rows.push(
      ['library', `${p.library.name} ${p.library.version}`],
      ['as of', p.options.asOf ?? 'each period’s reference date'],
      [
        'missing data',
        `no data: ${p.options.missing.noData}; not applicable: ${p.options.missing.notApplicable}; coverage: ${p.options.missing.coverage}`,
      ],
      ['framework hashed', p.framework.hashOf],
      ['framework sha256', p.framework.sha256 ?? null],
    );
    for (const file of p.framework.files)
      rows.push(['framework file', `${file.path} ${file.sha256}`]);
    for (const file of p.answers) rows.push(['answer file', `${file.path} ${file.sha256}`]);
  }
  return rows;
}

/**
 * Writes a result as an Excel workbook: the sheets of {@link exportTables} through the shared
 * `writeTablesXlsx` (numbers as numbers, text as text, frozen headers).
 *
 * @example
 * ```ts
 * writeFileSync('scores.xlsx', await exportXlsx(resultView(result, framework), result, { decimals: 1 }));
 * ```
 */
export async function exportXlsx(
  view: ResultView,
  result: ScoreResult | undefined,
  selection: ExportSelection = {},
): Promise<Uint8Array> {
  throwIfAny(...tablesProblems('exportXlsx', view, result, selection));
  return writeTablesXlsx(exportTables(view, result, selection));
}

/** The argument problems of {@link exportTables} and {@link exportXlsx}. */
function tablesProblems(fn: string, view: unknown, result: unknown, selection: unknown) {
  const decimals = (selection as { decimals?: unknown } | undefined)?.decimals;
  return [
    viewProblem(fn, 'view', view),
    result === undefined
      ? undefined
      : (resultProblem(fn, 'result', result) ??
        (isRecord((result as { counts?: unknown }).counts) &&
        provenanceLike((result as { provenance?: unknown }).provenance)
          ? undefined
          : invalidArgument(fn, 'result', RESULT_EXPECTED, result))),
    optionsProblem(fn, 'selection', selection, selectionFields),
    typeof decimals === 'number'
      ? numberProblem(fn, 'selection.decimals', decimals, { min: 0, max: 30, integer: true })
      : undefined,
  ];
}

/** Whether a result's provenance, when there is one, has the parts the Methodology sheet reads. */
function provenanceLike(p: unknown): boolean {
  if (p === undefined) return true;
  return (
    isRecord(p) &&
    isRecord(p.library) &&
    isRecord(p.options) &&
    isRecord(p.options.missing) &&
    isRecord(p.framework) &&
    Array.isArray(p.framework.files) &&
    Array.isArray(p.answers)
  );
}
