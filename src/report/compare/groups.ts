/**
 * Group summaries (issue 17) between two periods: how each group's mean moved, and whether
 * each member came closer to its group's mean or drifted from it.
 */
import type { ScoreResult } from '../../engine/result/schema.js';
import {
  groupedResultProblem,
  invalidArgument,
  isRecord,
  optionsProblem,
  stringArray,
  throwIfAny,
} from '../../errors/args.js';
import { createIssue, IntegrationIndexError } from '../../errors/issue.js';
import type { ViewNodeKind } from '../view.js';

/**
 * One group and node between two periods.
 *
 * @example
 * ```ts
 * const g: GroupChange = { group: 'EU27', node: 'overall', fromCount: 18, toCount: 18, fromMean: 52.1, toMean: 53.8, change: 1.7, members: [] };
 * ```
 */
export interface GroupChange {
  group: string;
  node: string;
  fromCount: number;
  toCount: number;
  fromMean: number | null;
  toMean: number | null;
  /** `toMean - fromMean`; null when either is missing. */
  change: number | null;
  /** Each member's distance to the group mean in both periods, and its rank within the group. */
  members: {
    unit: string;
    fromDistance: number | null;
    toDistance: number | null;
    fromRank: number | null;
    toRank: number | null;
  }[];
}

/**
 * Compares the group summaries of a result (see `applyUnits`) between two periods, for the
 * nodes of the given kinds (every node by default). Empty when the result has no groups.
 *
 * @example
 * ```ts
 * compareGroups(result, { from: '2019', to: '2021', kinds: ['overall'] })[0]?.change; //=> 3.4
 * ```
 */
export function compareGroups(
  result: ScoreResult,
  options: { from: string; to: string; kinds?: readonly ViewNodeKind[] },
): GroupChange[] {
  throwIfAny(
    groupedResultProblem('compareGroups', 'result', result),
    isRecord(options) && typeof options.from === 'string' && typeof options.to === 'string'
      ? optionsProblem('compareGroups', 'options', options, compareGroupsFields)
      : invalidArgument(
          'compareGroups',
          'options',
          'options with from and to periods ({ from: string, to: string })',
          options,
        ),
  );
  const periods = result.periods.map((p) => p.id);
  const f = periods.indexOf(options.from);
  const t = periods.indexOf(options.to);
  for (const [p, k] of [
    [options.from, f],
    [options.to, t],
  ] as const) {
    if (k < 0)
      throw new IntegrationIndexError([
        createIssue('REPORT_UNKNOWN_PERIOD', { period: p, periods }),
      ]);
  }
  const kinds = options.kinds ? new Set<string>(options.kinds) : undefined;
  const byId = new Map(result.nodes.map((n) => [n.id, n]));
  const rowOf = new Map<string, number>();
  result.rows.unit.forEach((u, r) => {
    rowOf.set(`${u}|${result.rows.period[r]}`, r);
  });
  const out: GroupChange[] = [];
  for (const g of result.groups ?? []) {
    for (const s of g.nodes) {
      const n = byId.get(s.id);
      if (!n || (kinds && !kinds.has(n.kind))) continue;
      const fromMean = s.mean[f] ?? null;
      const toMean = s.mean[t] ?? null;
      out.push({
        group: g.id,
        node: s.id,
        fromCount: s.count[f] ?? 0,
        toCount: s.count[t] ?? 0,
        fromMean,
        toMean,
        change: fromMean === null || toMean === null ? null : toMean - fromMean,
        members: g.members.map((unit) => {
          const u = result.units.indexOf(unit);
          const a = rowOf.get(`${u}|${f}`);
          const b = rowOf.get(`${u}|${t}`);
          return {
            unit,
            fromDistance: a === undefined ? null : (s.distance[a] ?? null),
            toDistance: b === undefined ? null : (s.distance[b] ?? null),
            fromRank: a === undefined ? null : (s.rank[a] ?? null),
            toRank: b === undefined ? null : (s.rank[b] ?? null),
          };
        }),
      });
    }
  }
  return out;
}

/** The options of {@link compareGroups}: both periods are required. */
const compareGroupsFields = {
  from: 'string',
  to: 'string',
  kinds: stringArray,
} as const;
