import type { CompositeMeta, Dataset, UnitTable } from '../data/types.js';
import { type CorrelationMethod, correlationMatrix } from './correlation.js';
import { correlationPValue } from './pvalues.js';

/** One unit's row of {@link dataAvailability}'s summary (COINr `get_data_avail`'s `Summary`). */
export interface UnitAvailability {
  unit: string;
  period: number | null;
  /** Indicators missing (`N_missing`), zero (`N_zero`), either (`N_miss_or_zero`). */
  missing: number;
  zeros: number;
  missingOrZero: number;
  /** Share of indicators with a value (`Dat_Avail`). */
  availability: number;
  /** Share of non-zero values among those present (`Non_Zero`). */
  nonZero: number;
  /** Share of its indicators with a value, per aggregate code (COINr's `ByGroup`). */
  byGroup: Record<string, number>;
}

/**
 * Data availability per unit and per aggregation group (COINr `get_data_avail`): for each row
 * of the data set, the number of missing and zero indicator values, the share available and
 * the share non-zero, and for every aggregate at every level the share of the indicators
 * under it that the unit has. Only indicator columns count (aggregates in the data set are
 * ignored), as COINr counts indicator-level availability.
 *
 * @example
 * ```ts
 * dataAvailability(data.meta, data.units, data.raw)[0]; //=> { unit: 'AUT', availability: 0.98, byGroup: { Physical: 1, ... } }
 * ```
 */
export function dataAvailability(
  meta: CompositeMeta,
  units: UnitTable,
  ds: Dataset,
): UnitAvailability[] {
  const n = ds.rows.length;
  const indicators = meta.nodes
    .filter((x) => x.type === 'Indicator' && ds.codes.includes(x.code))
    .map((x) => x.code);
  const parentOf = new Map(meta.nodes.map((x) => [x.code, x.parent]));
  const under = new Map<string, number[]>();
  indicators.forEach((code) => {
    const col = ds.codes.indexOf(code);
    for (let p = parentOf.get(code); p !== undefined; p = parentOf.get(p)) {
      const list = under.get(p) ?? [];
      list.push(col);
      under.set(p, list);
    }
  });
  const cols = indicators.map((c) => ds.codes.indexOf(c));
  const groups = meta.nodes.filter((x) => x.type === 'Aggregate').map((x) => x.code);
  return Array.from(ds.rows, (row, r) => {
    let missing = 0;
    let zeros = 0;
    for (const c of cols) {
      const v = ds.values[c * n + r] as number;
      if (Number.isNaN(v)) missing++;
      else if (v === 0) zeros++;
    }
    const byGroup: Record<string, number> = {};
    for (const g of groups) {
      const list = under.get(g) ?? [];
      const have = list.filter((c) => !Number.isNaN(ds.values[c * n + r] as number)).length;
      byGroup[g] = list.length === 0 ? Number.NaN : have / list.length;
    }
    return {
      unit: units.codes[row] as string,
      period: units.periods[row] ?? null,
      missing,
      zeros,
      missingOrZero: missing + zeros,
      availability: cols.length === 0 ? Number.NaN : 1 - missing / cols.length,
      nonZero: cols.length - missing === 0 ? Number.NaN : 1 - zeros / (cols.length - missing),
      byGroup,
    };
  });
}

/** One indicator-denominator pair of {@link denominatorCorrelations}. */
export interface DenominatorCorrelation {
  indicator: string;
  denominator: string;
  correlation: number;
  pValue: number;
  /** Pairs with both values. */
  n: number;
}

/**
 * Correlations of indicators with the denominators in iData (COINr `get_denom_corr`): every
 * pair whose |r| exceeds `threshold` (default 0.6, as COINr), sorted by indicator, with the
 * p-value (see `correlationPValue`). A strong correlation with, say, population suggests the
 * indicator measures size and may be better divided by it. Pairwise complete rows; values
 * unrounded (COINr rounds to 2 decimals).
 *
 * @example
 * ```ts
 * denominatorCorrelations(data.units, data.raw, { threshold: 0.7 })[0]; //=> { indicator: 'Goods', denominator: 'GDP', correlation: 0.92, ... }
 * ```
 */
export function denominatorCorrelations(
  units: UnitTable,
  ds: Dataset,
  o: { threshold?: number; method?: CorrelationMethod; indicators?: readonly string[] } = {},
): DenominatorCorrelation[] {
  const threshold = o.threshold ?? 0.6;
  const denoms = Object.keys(units.denominators);
  const codes = o.indicators ?? ds.codes;
  const n = ds.rows.length;
  // One data set holding the indicators, then the denominators of the same rows.
  const all = [...codes, ...denoms.map((d) => `\u0000${d}`)];
  const values = new Float64Array(all.length * n);
  codes.forEach((c, j) => {
    const col = ds.codes.indexOf(c);
    values.set(ds.values.subarray(col * n, col * n + n), j * n);
  });
  denoms.forEach((d, k) => {
    const src = units.denominators[d] as Float64Array;
    for (let r = 0; r < n; r++)
      values[(codes.length + k) * n + r] = src[ds.rows[r] as number] as number;
  });
  const joined: Dataset = { rows: ds.rows, codes: all, values };
  const out: DenominatorCorrelation[] = [];
  codes.forEach((code, j) => {
    denoms.forEach((d, k) => {
      const m = correlationMatrix(joined, [code, all[codes.length + k] as string], o.method);
      const r = m[0]?.[1] as number;
      if (Number.isNaN(r) || !(Math.abs(r) > threshold)) return;
      let pairs = 0;
      for (let i = 0; i < n; i++)
        if (
          !Number.isNaN(values[j * n + i] as number) &&
          !Number.isNaN(values[(codes.length + k) * n + i] as number)
        )
          pairs++;
      out.push({
        indicator: code,
        denominator: d,
        correlation: r,
        pValue: correlationPValue(r, pairs),
        n: pairs,
      });
    });
  });
  return out.sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0));
}
