/**
 * Group summaries (issue 17) as export tables: one row per group, period and node with the
 * statistics, and one row per member, period and node with its rank within the group and its
 * distance to the group mean. Rows are plain cells, so a CSV or xlsx writer can take them.
 */
import type { ScoreResult } from '../../engine/result/schema.js';
import {
  groupedResultProblem,
  invalidArgument,
  optionsProblem,
  throwIfAny,
} from '../../errors/args.js';
import { type CsvCell, toCsv } from '../../io/csv.js';
import { resolveText } from '../../text/resolve.js';
import { formatScore } from '../format.js';
import type { ViewNodeKind } from '../view.js';
import { selectionFields } from './index.js';

/**
 * Which rows a group export holds.
 *
 * @example
 * ```ts
 * const selection: GroupExportSelection = { kinds: ['overall', 'dimension'], periods: ['2021'], decimals: 1 };
 * ```
 */
export interface GroupExportSelection {
  periods?: readonly string[];
  kinds?: readonly ViewNodeKind[];
  /** Decimals (rounded half away from zero); `null` for full precision; 1 by default. */
  decimals?: number | null;
  /** Language of group titles; the framework's by default. */
  lang?: string;
}

/**
 * The columns of {@link groupStatRows}.
 *
 * @example
 * ```ts
 * groupStatColumns[0]; //=> 'group'
 * ```
 */
export const groupStatColumns = [
  'group',
  'group_title',
  'period',
  'node',
  'level',
  'stage',
  'count',
  'mean',
  'median',
  'min',
  'max',
] as const;

/**
 * The columns of {@link groupMemberRows}.
 *
 * @example
 * ```ts
 * groupMemberColumns.includes('distance'); //=> true
 * ```
 */
export const groupMemberColumns = [
  'group',
  'unit',
  'unit_name',
  'level',
  'period',
  'node',
  'score',
  'group_mean',
  'distance',
  'group_rank',
  'group_count',
] as const;

const num = (x: number | null | undefined, decimals: number | null | undefined): CsvCell =>
  x === null || x === undefined
    ? null
    : decimals === null
      ? x
      : Number(formatScore(x, decimals ?? 1));

function scope(result: ScoreResult, selection: GroupExportSelection) {
  const periods = new Set(selection.periods ?? result.periods.map((p) => p.id));
  const kinds = selection.kinds ? new Set<string>(selection.kinds) : undefined;
  const nodes = new Map(
    result.nodes.filter((n) => !kinds || kinds.has(n.kind)).map((n) => [n.id, n]),
  );
  return { periods, nodes, lang: selection.lang ?? result.framework.language };
}

/**
 * Group statistics as rows (header first): for every group, period and node, the count of
 * member units scored, and the mean, median, minimum and maximum of their scores. Empty when
 * the result has no groups.
 *
 * @example
 * ```ts
 * groupStatRows(result, { kinds: ['overall'] })[1];
 * //=> ['EU27', 'EU-27', '2019', 'overall_with_health', 'overall', null, 18, 53.8, 49.3, 37.3, 86.4]
 * ```
 */
export function groupStatRows(
  result: ScoreResult,
  selection: GroupExportSelection = {},
): CsvCell[][] {
  throwIfAny(
    groupedResultProblem('groupStatRows', 'result', result),
    optionsProblem('groupStatRows', 'selection', selection, selectionFields),
  );
  const { periods, nodes, lang } = scope(result, selection);
  const rows: CsvCell[][] = [[...groupStatColumns]];
  for (const g of result.groups ?? []) {
    const title = g.title === null ? null : resolveText(g.title, lang, 'en').text;
    result.periods.forEach((p, k) => {
      if (!periods.has(p.id)) return;
      for (const s of g.nodes) {
        const n = nodes.get(s.id);
        if (!n || (s.count[k] ?? 0) === 0) continue;
        const d = selection.decimals;
        rows.push([
          g.id,
          title,
          p.id,
          n.id,
          n.level,
          n.stage,
          s.count[k] ?? 0,
          num(s.mean[k], d),
          num(s.median[k], d),
          num(s.min[k], d),
          num(s.max[k], d),
        ]);
      }
    });
  }
  return rows;
}

/**
 * Each group member against its group, as rows (header first): score, group mean, distance to
 * the mean (score − mean), rank within the group (and the unit's level) and the group's count.
 *
 * @example
 * ```ts
 * groupMemberRows(result, { kinds: ['overall'] })[1];
 * //=> ['EU27', 'AT', 'Austria', 'country', '2019', 'overall_with_health', 45.6, 53.8, -8.2, 12, 18]
 * ```
 */
export function groupMemberRows(
  result: ScoreResult,
  selection: GroupExportSelection = {},
): CsvCell[][] {
  throwIfAny(
    groupedResultProblem('groupMemberRows', 'result', result),
    optionsProblem('groupMemberRows', 'selection', selection, selectionFields),
  );
  const { periods, nodes, lang } = scope(result, selection);
  const rows: CsvCell[][] = [[...groupMemberColumns]];
  const d = selection.decimals;
  for (const g of result.groups ?? []) {
    for (const s of g.nodes) {
      const n = nodes.get(s.id);
      if (!n) continue;
      for (let r = 0; r < result.rows.unit.length; r++) {
        const rank = s.rank[r];
        if (rank === null || rank === undefined) continue;
        const k = result.rows.period[r] as number;
        const period = result.periods[k]?.id as string;
        if (!periods.has(period)) continue;
        const u = result.rows.unit[r] as number;
        const info = result.unitInfo?.[u];
        rows.push([
          g.id,
          result.units[u],
          info?.name ? resolveText(info.name, lang, 'en').text : null,
          info?.level ?? null,
          period,
          n.id,
          num(n.score[r], d),
          num(s.mean[k], d),
          num(s.distance[r], d),
          rank,
          s.count[k] ?? 0,
        ]);
      }
    }
  }
  return rows;
}

/**
 * {@link groupStatRows} or {@link groupMemberRows} as CSV (formula-like cells neutralised;
 * `excel`: byte-order mark and semicolons).
 *
 * @example
 * ```ts
 * exportGroupsCsv(result, 'groups', { kinds: ['overall'] }); //=> 'group,group_title,period,...'
 * ```
 */
export function exportGroupsCsv(
  result: ScoreResult,
  table: 'groups' | 'members',
  options: GroupExportSelection & { excel?: boolean } = {},
): string {
  throwIfAny(
    groupedResultProblem('exportGroupsCsv', 'result', result),
    table === 'groups' || table === 'members'
      ? undefined
      : invalidArgument('exportGroupsCsv', 'table', 'one of "groups", "members"', table),
    optionsProblem('exportGroupsCsv', 'options', options, {
      ...selectionFields,
      excel: 'boolean',
    }),
  );
  const { excel, ...selection } = options;
  const rows =
    table === 'groups' ? groupStatRows(result, selection) : groupMemberRows(result, selection);
  return toCsv(rows, {
    excelSafe: true,
    ...(excel ? { bom: true, delimiter: ';' as const } : {}),
  });
}
