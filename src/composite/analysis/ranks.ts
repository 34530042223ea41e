import { rankMin } from '../../math/rank.js';
import { sharedPeriodGroups } from '../data/dataset.js';
import type { Dataset, UnitTable } from '../data/types.js';

/** A unit's score and rank on one column. */
export interface UnitRank {
  unit: string;
  period: number | null;
  score: number;
  /** 1 = highest score; ties share the smallest rank; missing scores have no rank. */
  rank: number;
  /** The rank among units of the same group (when a group column is given). */
  groupRank?: number;
  group?: string | null;
}

/**
 * Ranks the units on a column, within each period, highest first, ties sharing the smallest
 * rank (COINr `rank_df`: `rank(-x, ties.method = "min", na.last = "keep")`). With `group`, also
 * the rank within the units sharing that iData group value (COINr `get_results(use_group)`).
 * Rows are sorted by period, then rank.
 *
 * @example
 * ```ts
 * ranks(data.units, aggregated, 'Index')[0]; //=> { unit: 'CHE', period: 2018, score: 68.4, rank: 1 }
 * ```
 */
export function ranks(units: UnitTable, ds: Dataset, code: string, group?: string): UnitRank[] {
  const n = ds.rows.length;
  const c = ds.codes.indexOf(code);
  if (c < 0) return [];
  const groupCol = group === undefined ? undefined : units.groups[group];
  const out: UnitRank[] = [];
  for (const { period, positions } of sharedPeriodGroups(units, ds.rows)) {
    const x = Float64Array.from(positions, (p) => ds.values[c * n + p] as number);
    const r = rankMin(x, true);
    const within = new Map<number, number>();
    if (groupCol) {
      const byValue = new Map<string, number[]>();
      positions.forEach((p, i) => {
        const g = groupCol[ds.rows[p] as number];
        if (g === null || g === undefined) return;
        const list = byValue.get(g) ?? [];
        list.push(i);
        byValue.set(g, list);
      });
      for (const list of byValue.values()) {
        const gr = rankMin(
          list.map((i) => x[i] as number),
          true,
        );
        list.forEach((i, k) => {
          within.set(i, gr[k] as number);
        });
      }
    }
    const rows = Array.from(positions, (p, i) => {
      const row = ds.rows[p] as number;
      const entry: UnitRank = {
        unit: units.codes[row] as string,
        period,
        score: x[i] as number,
        rank: r[i] as number,
      };
      if (groupCol) {
        entry.group = groupCol[row] ?? null;
        const g = within.get(i);
        if (g !== undefined) entry.groupRank = g;
      }
      return entry;
    });
    rows.sort((a, b) => (Number.isNaN(a.rank) ? 1 : Number.isNaN(b.rank) ? -1 : a.rank - b.rank));
    out.push(...rows);
  }
  return out;
}

/** One strength or weakness of a unit. */
export interface StrengthWeakness {
  code: string;
  score: number;
  rank: number;
}

/**
 * A unit's strengths and weaknesses (COINr `get_str_weak`): its `n` best- and worst-ranked
 * columns among `codes` (default: every column), ranked against the other units of the same
 * period. Ties in rank keep column order.
 *
 * @example
 * ```ts
 * strengthsWeaknesses(data.units, normalised, 'AUT', { n: 3 }).strengths.map((s) => s.code); //=> ['TIRcon', 'Forest', ...]
 * ```
 */
export function strengthsWeaknesses(
  units: UnitTable,
  ds: Dataset,
  unit: string,
  options: { n?: number; codes?: readonly string[]; period?: number | null } = {},
): { strengths: StrengthWeakness[]; weaknesses: StrengthWeakness[] } {
  const k = options.n ?? 5;
  const codes = options.codes ?? ds.codes;
  const found: StrengthWeakness[] = [];
  for (const code of codes) {
    const r = ranks(units, ds, code).find(
      (x) => x.unit === unit && (options.period === undefined || x.period === options.period),
    );
    if (r && !Number.isNaN(r.rank)) found.push({ code, score: r.score, rank: r.rank });
  }
  const best = [...found].sort((a, b) => a.rank - b.rank);
  const worst = [...found].sort((a, b) => b.rank - a.rank);
  return { strengths: best.slice(0, k), weaknesses: worst.slice(0, k) };
}
