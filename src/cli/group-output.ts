/**
 * Group summaries (issue 17) as text for `score`: a table of group statistics and one of the
 * members' ranks within their group, and long CSV rows.
 */
import { formatScore } from '../engine/result/round.js';
import type { NodeResult, ScoreResult } from '../engine/result/schema.js';
import { resolveText } from '../text/resolve.js';
import type { GroupSummary } from '../units/schema.js';

/** The nodes a group table shows: the chosen levels, or the overall score and its children. */
function shownNodes(result: ScoreResult, levels?: readonly string[]): NodeResult[] {
  const nodes = levels
    ? result.nodes.filter((n) => levels.includes(n.kind) || levels.includes(n.level))
    : result.nodes.filter(
        (n) => n.id === result.rootId || (n.parent === result.rootId && n.kind !== 'stage'),
      );
  return [
    ...nodes.filter((n) => n.id !== result.rootId),
    ...nodes.filter((n) => n.id === result.rootId),
  ];
}

function render(rows: string[][], right: (c: number) => boolean): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...c].length);
    });
  }
  return rows
    .map((row) =>
      row
        .map((c, i) => (right(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const title = (g: GroupSummary, lang: string): string =>
  g.title === null ? g.id : `${g.id} (${resolveText(g.title, lang, 'en').text})`;

/**
 * The group tables of `score`: per group, period and node the count of units scored, mean,
 * median, minimum and maximum; then each member's overall score, rank within the group and
 * distance to the group mean.
 *
 * @example
 * ```ts
 * process.stdout.write(groupTable(result, 1));
 * ```
 */
export function groupTable(
  result: ScoreResult,
  decimals: number,
  levels?: readonly string[],
): string {
  const lang = result.framework.language;
  const fmt = (x: number | null | undefined) => formatScore(x ?? null, decimals) || '—';
  const nodes = shownNodes(result, levels);
  const stats: string[][] = [['group', 'period', 'node', 'n', 'mean', 'median', 'min', 'max']];
  const members: string[][] = [['group', 'unit', 'period', 'score', 'rank in group', 'vs mean']];
  const root = result.nodes.find((n) => n.id === result.rootId);
  const shown = new Set(result.rows.period);
  for (const g of result.groups ?? []) {
    result.periods.forEach((p, k) => {
      if (!shown.has(k)) return;
      for (const n of nodes) {
        const s = g.nodes.find((x) => x.id === n.id);
        if (!s) continue;
        stats.push([
          title(g, lang),
          p.id,
          n.id,
          String(s.count[k] ?? 0),
          fmt(s.mean[k]),
          fmt(s.median[k]),
          fmt(s.min[k]),
          fmt(s.max[k]),
        ]);
      }
    });
    const overall = g.nodes.find((x) => x.id === result.rootId);
    if (!overall || !root) continue;
    for (let r = 0; r < result.rows.unit.length; r++) {
      if (overall.rank[r] === null || overall.rank[r] === undefined) continue;
      const d = overall.distance[r] ?? null;
      members.push([
        g.id,
        result.units[result.rows.unit[r] as number] as string,
        result.periods[result.rows.period[r] as number]?.id ?? '',
        fmt(root.score[r]),
        String(overall.rank[r]),
        d === null ? '—' : `${d >= 0 ? '+' : ''}${fmt(d)}`,
      ]);
    }
  }
  return `${render(stats, (i) => i > 2)}\n\n${render(members, (i) => i > 2)}\n`;
}

/**
 * Long CSV rows of the group summaries, in the columns of `score --format csv` with groups:
 * `unit` is the group's id, `score` its mean, `type` is `group`, then count, median, min, max.
 *
 * @example
 * ```ts
 * groupRowsCsv(result, 1)[0]; //=> ['EU27', '2019', 'overall', 'overall', null, '49.2', '', '', 'group', 18, '49.5', '30.1', '74.0']
 * ```
 */
export function groupRowsCsv(result: ScoreResult, decimals: number): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  const byId = new Map(result.nodes.map((n) => [n.id, n]));
  const shown = new Set(result.rows.period);
  for (const g of result.groups ?? []) {
    for (const s of g.nodes) {
      const n = byId.get(s.id);
      if (!n) continue;
      result.periods.forEach((p, k) => {
        if ((s.count[k] ?? 0) === 0 || !shown.has(k)) return;
        rows.push([
          g.id,
          p.id,
          n.id,
          n.level,
          n.stage,
          formatScore(s.mean[k] ?? null, decimals),
          '',
          '',
          'group',
          s.count[k] ?? 0,
          formatScore(s.median[k] ?? null, decimals),
          formatScore(s.min[k] ?? null, decimals),
          formatScore(s.max[k] ?? null, decimals),
        ]);
      });
    }
  }
  return rows;
}
