import type { Dataset, UnitTable } from '../data/types.js';

/** A unit's trend on one column over the panel's periods. */
export interface Trend {
  unit: string;
  code: string;
  /** First and last periods with a value. */
  from: number;
  to: number;
  first: number;
  last: number;
  /** Compound annual growth rate: (last / first)^(1 / (to - from)) - 1 (NaN when undefined). */
  cagr: number;
  /** Percentage change: (last - first) / first * 100. */
  change: number;
}

/**
 * Trends of each unit on a column of a panel (COINr `get_trends` with `f_trend = "CAGR"`):
 * between the first and last periods where the unit has a value, the compound annual growth
 * rate and the percentage change. Units with fewer than two values are left out.
 *
 * @example
 * ```ts
 * trends(units, ds, 'GDPpc')[0]; //=> { unit: 'A', code: 'GDPpc', from: 2010, to: 2020, first: 100, last: 121, cagr: 0.0193, change: 21 }
 * ```
 */
export function trends(units: UnitTable, ds: Dataset, code: string): Trend[] {
  const n = ds.rows.length;
  const c = ds.codes.indexOf(code);
  if (c < 0) return [];
  const byUnit = new Map<string, { t: number; v: number }[]>();
  for (let r = 0; r < n; r++) {
    const row = ds.rows[r] as number;
    const t = units.periods[row];
    const v = ds.values[c * n + r] as number;
    if (t === null || t === undefined || Number.isNaN(v)) continue;
    const list = byUnit.get(units.codes[row] as string) ?? [];
    list.push({ t, v });
    byUnit.set(units.codes[row] as string, list);
  }
  const out: Trend[] = [];
  for (const [unit, series] of byUnit) {
    if (series.length < 2) continue;
    series.sort((a, b) => a.t - b.t);
    const f = series[0] as { t: number; v: number };
    const l = series[series.length - 1] as { t: number; v: number };
    const ratio = l.v / f.v;
    out.push({
      unit,
      code,
      from: f.t,
      to: l.t,
      first: f.v,
      last: l.v,
      cagr: ratio > 0 ? ratio ** (1 / (l.t - f.t)) - 1 : Number.NaN,
      change: ((l.v - f.v) / f.v) * 100,
    });
  }
  return out;
}
