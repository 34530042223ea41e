import type { Dataset, UnitTable } from '../data/types.js';
import { ranks } from './ranks.js';

/** How one unit differs between two builds. */
export interface BuildDifference {
  unit: string;
  period: number | null;
  scoreA: number;
  scoreB: number;
  rankA: number;
  rankB: number;
  /** scoreB - scoreA. */
  scoreChange: number;
  /** rankB - rankA (negative: the unit moved up). */
  rankChange: number;
}

/**
 * Compares two builds on one column (COINr `compare_coins`): every unit's score and rank in
 * each, and the differences, sorted by the absolute rank change, largest first. Units present
 * in only one build get NaN on the other side.
 *
 * @example
 * ```ts
 * compareBuilds(units, buildA.datasets.aggregated, buildB.datasets.aggregated, 'Index')[0];
 * //=> { unit: 'MLT', scoreA: 55.1, scoreB: 49.8, rankA: 12, rankB: 20, scoreChange: -5.3, rankChange: 8, ... }
 * ```
 */
export function compareBuilds(
  units: UnitTable,
  a: Dataset,
  b: Dataset,
  code: string,
): BuildDifference[] {
  const key = (unit: string, period: number | null) => `${unit}\u0000${period ?? ''}`;
  const rb = new Map(ranks(units, b, code).map((r) => [key(r.unit, r.period), r]));
  const out: BuildDifference[] = [];
  const seen = new Set<string>();
  for (const r of ranks(units, a, code)) {
    const k = key(r.unit, r.period);
    seen.add(k);
    const o = rb.get(k);
    const scoreB = o?.score ?? Number.NaN;
    const rankB = o?.rank ?? Number.NaN;
    out.push({
      unit: r.unit,
      period: r.period,
      scoreA: r.score,
      scoreB,
      rankA: r.rank,
      rankB,
      scoreChange: scoreB - r.score,
      rankChange: rankB - r.rank,
    });
  }
  for (const [k, o] of rb) {
    if (seen.has(k)) continue;
    out.push({
      unit: o.unit,
      period: o.period,
      scoreA: Number.NaN,
      scoreB: o.score,
      rankA: Number.NaN,
      rankB: o.rank,
      scoreChange: Number.NaN,
      rankChange: Number.NaN,
    });
  }
  const mag = (d: BuildDifference) => (Number.isNaN(d.rankChange) ? -1 : Math.abs(d.rankChange));
  return out.sort((x, y) => mag(y) - mag(x));
}
