/**
 * `integration-index compare`: what changed between two periods, per unit and node, and the
 * answers behind each move.
 */
import { type CsvCell, toCsv } from '../../io/csv.js';
import { markdownText } from '../../io/neutralise.js';
import { compareGroups, type GroupChange } from '../../report/compare/groups.js';
import { type Comparison, compare, type NodeChange } from '../../report/compare/index.js';
import { formatChange, formatScore } from '../../report/format.js';
import { resultView } from '../../report/from-result.js';
import type { ResultView, ViewNodeKind } from '../../report/view.js';
import { resolveText } from '../../text/resolve.js';
import { defineCliCommand, exitCodes, UsageError } from '../command.js';
import {
  asOfArg,
  decimalsArg,
  quietArg,
  rawArg,
  scoredInputArgs,
  scoreFromArgs,
  str,
  toleranceArg,
  writeOutput,
} from '../scored-output.js';
import { unitsArgs, withUnits } from '../units.js';

/**
 * Output formats of `compare`.
 *
 * @example
 * ```ts
 * compareFormats.includes('csv'); //=> true
 * ```
 */
export const compareFormats = ['table', 'csv', 'json', 'markdown'] as const;

const levelKinds: Record<string, readonly ViewNodeKind[]> = {
  dimension: ['overall', 'group', 'dimension', 'stage'],
  cell: ['overall', 'group', 'dimension', 'stage', 'cell'],
  indicator: ['overall', 'group', 'dimension', 'stage', 'cell', 'indicator'],
};

const arrow = { improved: '▲', held: '●', declined: '▼' } as const;

/** Each node's title in `lang` (the framework's language where it has none), by node id. */
function nodeTitles(view: ResultView, lang: string): Map<string, string> {
  return new Map(
    view.nodes.map((n) => [n.id, resolveText(n.title, lang, view.framework.language).text]),
  );
}

function rankText(c: NodeChange): string {
  if (c.fromRank === null && c.toRank === null) return '';
  return `${c.fromRank ?? '–'} → ${c.toRank ?? '–'}`;
}

/**
 * The comparison as a terminal table: per unit, one line per node with both scores, the
 * change, its direction and the rank move, and under each move the answers that changed.
 *
 * @example
 * ```ts
 * formatComparisonTable(view, comparison, { decimals: 1, lang: 'en' });
 * //=> 'XA: 2019 → 2021\n  node  2019  2021  change ...'
 * ```
 */
export function formatComparisonTable(
  view: ResultView,
  comparison: Comparison,
  options: { decimals: number; lang: string },
): string {
  const title = nodeTitles(view, options.lang);
  const lines: string[] = [];
  const units = [...new Set(comparison.changes.map((c) => c.unit))];
  for (const unit of units) {
    const rows = comparison.changes.filter((c) => c.unit === unit);
    const table = rows.map((c) => [
      `${'  '.repeat(c.depth)}${title.get(c.node) ?? c.node}`,
      formatScore(c.from, options.decimals) || '–',
      formatScore(c.to, options.decimals) || '–',
      formatChange(c.change, options.decimals) || '–',
      c.direction === null ? '' : `${arrow[c.direction]} ${c.direction}`,
      rankText(c),
    ]);
    const head = ['node', comparison.from, comparison.to, 'change', 'direction', 'rank'];
    const widths = head.map((h, i) =>
      Math.max(Array.from(h).length, ...table.map((r) => Array.from(r[i] as string).length)),
    );
    const pad = (cells: string[]) =>
      cells
        .map((cell, i) => {
          const w = widths[i] as number;
          const fill = ' '.repeat(Math.max(0, w - Array.from(cell).length));
          return i === 0 || i === 4 ? cell + fill : fill + cell;
        })
        .join('  ')
        .trimEnd();
    lines.push(`${unit}: ${comparison.from} → ${comparison.to}`);
    lines.push(`  ${pad(head)}`);
    rows.forEach((c, k) => {
      lines.push(`  ${pad(table[k] as string[])}`);
      if (c.direction === 'held' || c.direction === null) return;
      if (c.kind !== 'dimension' && c.kind !== 'cell' && c.kind !== 'indicator') return;
      for (const a of c.answers) {
        const evidence = [a.source, a.comment].filter(Boolean).join('; ');
        lines.push(
          `  ${' '.repeat(widths[0] as number)}    ${a.indicator}: ${a.from ?? '(no answer)'} → ${a.to ?? '(no answer)'}${evidence ? ` (${evidence})` : ''}`,
        );
      }
    });
    lines.push('');
  }
  lines.push(
    `Held: changes within ±${comparison.tolerance} points. Ranks: competition ranking, 1 is best.`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * The comparison as CSV rows (header first), one per unit and node; `answers_changed` lists
 * `indicator: old → new` separated by `; `.
 *
 * @example
 * ```ts
 * comparisonRows(comparison)[0]; //=> ['unit', 'node', 'kind', 'level', 'stage', 'from', 'to', ...]
 * ```
 */
export function comparisonRows(comparison: Comparison, decimals: number | null): CsvCell[][] {
  const round = (v: number | null) =>
    v === null ? null : decimals === null ? v : Number(formatScore(v, decimals));
  return [
    [
      'unit',
      'node',
      'kind',
      'level',
      'stage',
      `score_${comparison.from}`,
      `score_${comparison.to}`,
      'change',
      'direction',
      `rank_${comparison.from}`,
      `rank_${comparison.to}`,
      'rank_change',
      'answers_changed',
    ],
    ...comparison.changes.map((c) => [
      c.unit,
      c.node,
      c.kind,
      c.level,
      c.stage,
      round(c.from),
      round(c.to),
      round(c.change),
      c.direction,
      c.fromRank,
      c.toRank,
      c.rankChange,
      c.answers.map((a) => `${a.indicator}: ${a.from ?? ''} → ${a.to ?? ''}`).join('; '),
    ]),
  ];
}

/**
 * The comparison as Markdown, for a note or a newsroom document: per unit, a table of nodes
 * with both scores, the change, its direction, the rank move and, under dimensions and below,
 * the answers that changed.
 *
 * @example
 * ```ts
 * formatComparisonMarkdown(view, comparison, { decimals: 1, lang: 'en' });
 * //=> '### XA: 2019 → 2021\n\n| Node | 2019 | 2021 | Change | Direction | Rank | Answers changed |\n...'
 * ```
 */
export function formatComparisonMarkdown(
  view: ResultView,
  comparison: Comparison,
  options: { decimals: number; lang: string },
): string {
  const title = nodeTitles(view, options.lang);
  const parts: string[] = [];
  for (const unit of [...new Set(comparison.changes.map((c) => c.unit))]) {
    const rows = comparison.changes.filter((c) => c.unit === unit);
    const lines = [
      `### ${markdownText(unit)}: ${markdownText(comparison.from)} → ${markdownText(comparison.to)}`,
      '',
      `| Node | ${markdownText(comparison.from)} | ${markdownText(comparison.to)} | Change | Direction | Rank | Answers changed |`,
      '| --- | ---: | ---: | ---: | --- | --- | --- |',
      ...rows.map(
        (c) =>
          `| ${[
            // The indent is markup of our own; the title is escaped like every other cell.
            `${'&nbsp;'.repeat(2 * c.depth)}${markdownText(title.get(c.node) ?? c.node)}`,
            formatScore(c.from, options.decimals) || '–',
            formatScore(c.to, options.decimals) || '–',
            formatChange(c.change, options.decimals) || '–',
            c.direction === null ? '' : `${arrow[c.direction]} ${c.direction}`,
            rankText(c),
            c.answers.map((a) => `${a.indicator}: ${a.from ?? '–'} → ${a.to ?? '–'}`).join('; '),
          ]
            .map((cell, i) => (i === 0 ? cell : markdownText(cell)))
            .join(' | ')} |`,
      ),
    ];
    parts.push(lines.join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

/**
 * The comparison CSV with group rows (issue 17): a trailing `type` column (`unit` or `group`),
 * then per group and node a row whose `unit` is the group and whose scores are its means.
 *
 * @example
 * ```ts
 * withGroupRows(comparisonRows(comparison, 1), view, compareGroups(result, { from, to }), 1);
 * ```
 */
export function withGroupRows(
  rows: CsvCell[][],
  view: ResultView,
  groups: readonly GroupChange[],
  decimals: number | null,
): CsvCell[][] {
  const round = (v: number | null) =>
    v === null ? null : decimals === null ? v : Number(formatScore(v, decimals));
  const nodes = new Map(view.nodes.map((n) => [n.id, n]));
  const [header = [], ...body] = rows;
  return [
    [...header, 'type'],
    ...body.map((r) => [...r, 'unit']),
    ...groups.map((g) => {
      const n = nodes.get(g.node);
      return [
        g.group,
        g.node,
        n?.kind ?? null,
        n?.level ?? null,
        n?.stage ?? null,
        round(g.fromMean),
        round(g.toMean),
        round(g.change),
        null,
        null,
        null,
        null,
        null,
        'group',
      ];
    }),
  ];
}

/**
 * The group part of the `compare` table: per group and node the mean in both periods and its
 * change; then per member the distance to the group mean in both periods.
 *
 * @example
 * ```ts
 * formatGroupChanges(compareGroups(result, { from: '2019', to: '2021' }), 1, '2019', '2021');
 * ```
 */
export function formatGroupChanges(
  groups: readonly GroupChange[],
  decimals: number,
  from: string,
  to: string,
): string {
  const fmt = (x: number | null) => formatScore(x, decimals) || '–';
  const rows: string[][] = [
    ['group', 'node', `n ${from}`, `mean ${from}`, `n ${to}`, `mean ${to}`, 'change'],
  ];
  const members: string[][] = [
    ['group', 'node', 'unit', `vs mean ${from}`, `vs mean ${to}`, `rank ${from}`, `rank ${to}`],
  ];
  for (const g of groups) {
    rows.push([
      g.group,
      g.node,
      String(g.fromCount),
      fmt(g.fromMean),
      String(g.toCount),
      fmt(g.toMean),
      formatChange(g.change, decimals) || '–',
    ]);
    for (const m of g.members) {
      if (m.fromDistance === null && m.toDistance === null) continue;
      members.push([
        g.group,
        g.node,
        m.unit,
        formatChange(m.fromDistance, decimals) || '–',
        formatChange(m.toDistance, decimals) || '–',
        m.fromRank === null ? '–' : String(m.fromRank),
        m.toRank === null ? '–' : String(m.toRank),
      ]);
    }
  }
  const render = (t: string[][]) => {
    const w: number[] = [];
    for (const row of t) {
      row.forEach((c, i) => {
        w[i] = Math.max(w[i] ?? 0, [...c].length);
      });
    }
    return t
      .map((row) =>
        row
          .map((c, i) => (i < 3 ? c.padEnd(w[i] ?? 0) : c.padStart(w[i] ?? 0)))
          .join('  ')
          .trimEnd(),
      )
      .join('\n');
  };
  return `${render(rows)}\n\n${render(members)}\n`;
}

/**
 * `compare --framework <id-or-folder> <answers>... --from P1 --to P2 [--unit U,...]
 * [--level dimension|cell|indicator] [--format table|csv|json] [--tolerance T] [--out FILE]`.
 *
 * @example
 * ```sh
 * integration-index compare --framework niem fixtures/niem/answers.csv --from 2019 --to 2021 --unit XA
 * ```
 */
export const compareCommand = defineCliCommand({
  meta: {
    name: 'compare',
    description:
      'Compare two periods: per unit and node the change, whether it improved, held or declined, rank moves, and the answers that changed.',
  },
  args: {
    ...scoredInputArgs,
    from: { type: 'string', required: true, description: 'The earlier period' },
    to: { type: 'string', required: true, description: 'The later period' },
    unit: { type: 'string', alias: 'u', description: 'Only these units (comma-separated)' },
    level: {
      type: 'string',
      default: 'dimension',
      description: 'Deepest nodes shown: dimension (with groups and stages), cell or indicator',
    },
    format: {
      type: 'string',
      alias: 'f',
      default: 'table',
      description: 'Output: table, csv, json or markdown',
    },
    decimals: {
      type: 'string',
      default: '1',
      description: 'Decimals shown (rounded half away from zero)',
    },
    tolerance: {
      type: 'string',
      description:
        'Changes within ± this many points count as held (default: half the last decimal)',
    },
    lang: { type: 'string', description: 'Language of node titles in the table' },
    'as-of': asOfArg,
    out: { type: 'string', alias: 'o', description: 'Write to this file instead of stdout' },
    quiet: quietArg,
    raw: rawArg,
    ...unitsArgs,
  },
  async run({ args, rawArgs }) {
    const from = str(args.from);
    const to = str(args.to);
    if (!from || !to) throw new UsageError('Name both periods: --from P1 --to P2.');
    const format = String(args.format);
    if (!(compareFormats as readonly string[]).includes(format))
      throw new UsageError(`Unknown --format "${format}"; expected table, csv, json or markdown.`);
    const level = String(args.level);
    const kinds = levelKinds[level];
    if (!kinds)
      throw new UsageError(`Unknown --level "${level}"; expected dimension, cell or indicator.`);
    const decimals = decimalsArg(args.decimals);
    const tolerance = toleranceArg(args.tolerance);
    const input = await scoreFromArgs(args, rawArgs);
    if (!input.ok) return input.exitCode;
    input.result = await withUnits(args, input.framework, input.frameworkDir, input.result);
    const view = resultView(input.result, input.framework);
    const units = str(args.unit)
      ?.split(',')
      .map((u) => u.trim())
      .filter((u) => u !== '');
    const comparison = compare(view, {
      from,
      to,
      decimals,
      kinds,
      ...(tolerance !== undefined ? { tolerance } : {}),
      ...(units ? { units } : {}),
    });
    const lang = str(args.lang) ?? input.framework.language;
    // With --groups (issue 17): group means between the periods, and members' distances.
    const groups = input.result.groups
      ? compareGroups(input.result, { from, to, kinds: kinds.filter((k) => k !== 'indicator') })
      : undefined;
    const text =
      format === 'json'
        ? `${JSON.stringify(groups ? { ...comparison, groups } : comparison, null, 2)}\n`
        : format === 'csv'
          ? toCsv(
              groups
                ? withGroupRows(comparisonRows(comparison, decimals), view, groups, decimals)
                : comparisonRows(comparison, decimals),
              { raw: args.raw === true },
            )
          : format === 'markdown'
            ? formatComparisonMarkdown(view, comparison, { decimals, lang })
            : formatComparisonTable(view, comparison, { decimals, lang }) +
              (groups ? `\n${formatGroupChanges(groups, decimals, from, to)}` : '');
    writeOutput(str(args.out), text);
    return exitCodes.ok;
  },
});
