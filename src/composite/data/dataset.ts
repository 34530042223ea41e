import type { Dataset, UnitTable } from './types.js';

/**
 * The values of column `code` as a fresh array, or undefined when the data set has no such
 * column.
 *
 * @example
 * ```ts
 * columnOf({ rows: Int32Array.of(0, 1), codes: ['a'], values: Float64Array.of(1, 2) }, 'a');
 * //=> Float64Array [1, 2]
 * ```
 */
export function columnOf(ds: Dataset, code: string): Float64Array | undefined {
  const c = ds.codes.indexOf(code);
  if (c < 0) return undefined;
  const n = ds.rows.length;
  return ds.values.slice(c * n, c * n + n);
}

/**
 * The value at (`unit`, `code`), for the given period when the data is a panel; NaN when the
 * unit, column or value is missing.
 *
 * @example
 * ```ts
 * valueAt(units, ds, 'AUT', 'LPI'); //=> 4.097985
 * ```
 */
export function valueAt(
  units: UnitTable,
  ds: Dataset,
  unit: string,
  code: string,
  period: number | null = null,
): number {
  const c = ds.codes.indexOf(code);
  if (c < 0) return Number.NaN;
  const n = ds.rows.length;
  for (let r = 0; r < n; r++) {
    const row = ds.rows[r] as number;
    if (units.codes[row] === unit && (period === null || units.periods[row] === period)) {
      return ds.values[c * n + r] as number;
    }
  }
  return Number.NaN;
}

/**
 * Row positions of the data set grouped by period, in order of first appearance; one group
 * when the data has no periods. Steps that work per period (COINr's coins inside a purse)
 * use it.
 *
 * @example
 * ```ts
 * periodGroups(units, ds); //=> [{ period: 2018, positions: Int32Array [0, 1, ...] }]
 * ```
 */
export function periodGroups(
  units: UnitTable,
  ds: Dataset,
): { period: number | null; positions: Int32Array }[] {
  return sharedPeriodGroups(units, ds.rows).map((g) => ({
    period: g.period,
    positions: g.positions.slice(),
  }));
}

/** A period's row positions, shared between callers: never modify them. */
export interface PeriodGroup {
  readonly period: number | null;
  readonly positions: Int32Array;
}

/** The period groups of a data set's rows, and the group of each row position. */
export interface PeriodIndex {
  readonly groups: readonly PeriodGroup[];
  /** `groupOf[r]` is the index in `groups` of row position `r`'s period. */
  readonly groupOf: Int32Array;
}

// The groups of each `rows` array (steps other than screen pass their input's rows on, so one
// grouping serves the whole pipeline and every re-run of an analysis).
const groupCache = new WeakMap<Int32Array, { units: UnitTable; index: PeriodIndex }>();

/**
 * {@link periodGroups} for the steps, with each position's group: computed once per `rows`
 * array and unit table and shared (the arrays must not be modified).
 */
export function periodIndex(units: UnitTable, rows: Int32Array): PeriodIndex {
  const hit = groupCache.get(rows);
  if (hit && hit.units === units) return hit.index;
  const periods = units.periods;
  const byPeriod = new Map<number | null, number>();
  const groupOf = new Int32Array(rows.length);
  const counts: number[] = [];
  const keys: (number | null)[] = [];
  for (let r = 0; r < rows.length; r++) {
    const p = periods[rows[r] as number] ?? null;
    let g = byPeriod.get(p);
    if (g === undefined) {
      g = keys.length;
      byPeriod.set(p, g);
      keys.push(p);
      counts.push(0);
    }
    groupOf[r] = g;
    counts[g] = (counts[g] as number) + 1;
  }
  const groups = keys.map((period, g) => ({
    period,
    positions: new Int32Array(counts[g] as number),
  }));
  const fill = new Int32Array(keys.length);
  for (let r = 0; r < rows.length; r++) {
    const g = groupOf[r] as number;
    (groups[g] as PeriodGroup).positions[fill[g] as number] = r;
    fill[g] = (fill[g] as number) + 1;
  }
  const index = { groups, groupOf };
  groupCache.set(rows, { units, index });
  return index;
}

/** The shared period groups of {@link periodIndex}. */
export function sharedPeriodGroups(units: UnitTable, rows: Int32Array): readonly PeriodGroup[] {
  return periodIndex(units, rows).groups;
}

/** A long table row: `unit,period,code,value`. */
export interface LongRow {
  unit: string;
  period: number | null;
  code: string;
  value: number | null;
}

/**
 * The data set as a long table (`unit, period, code, value`), rows in data order, columns in
 * code order, missing values as null.
 *
 * @example
 * ```ts
 * toLong(data.units, ds)[0]; //=> { unit: 'AUT', period: 2018, code: 'LPI', value: 4.097985 }
 * ```
 */
export function toLong(units: UnitTable, ds: Dataset): LongRow[] {
  const n = ds.rows.length;
  const out: LongRow[] = [];
  for (let r = 0; r < n; r++) {
    const row = ds.rows[r] as number;
    for (let c = 0; c < ds.codes.length; c++) {
      const v = ds.values[c * n + r] as number;
      out.push({
        unit: units.codes[row] as string,
        period: units.periods[row] ?? null,
        code: ds.codes[c] as string,
        value: Number.isNaN(v) ? null : v,
      });
    }
  }
  return out;
}

/**
 * The data set as a wide table like COINr's (`uCode`, `Time` for panels, then one column per
 * code), missing values as null.
 *
 * @example
 * ```ts
 * toWide(units, ds).header; //=> ['uCode', 'LPI', 'Flights', ...]
 * ```
 */
export function toWide(
  units: UnitTable,
  ds: Dataset,
): { header: string[]; rows: (string | number | null)[][] } {
  const n = ds.rows.length;
  const panel = units.periods.some((p) => p !== null);
  const header = ['uCode', ...(panel ? ['Time'] : []), ...ds.codes];
  const rows: (string | number | null)[][] = [];
  for (let r = 0; r < n; r++) {
    const row = ds.rows[r] as number;
    const line: (string | number | null)[] = [units.codes[row] as string];
    if (panel) line.push(units.periods[row] ?? null);
    for (let c = 0; c < ds.codes.length; c++) {
      const v = ds.values[c * n + r] as number;
      line.push(Number.isNaN(v) ? null : v);
    }
    rows.push(line);
  }
  return { header, rows };
}

/**
 * Builds composite data from plain arrays, for tests and for callers that hold data already:
 * one entry of `values` per unit row and code (NaN or null for missing).
 *
 * @example
 * ```ts
 * const d = datasetFromRows(['a', 'b'], [[1, 2], [3, null]]);
 * d.values; //=> Float64Array [1, 3, 2, NaN]
 * ```
 */
export function datasetFromRows(
  codes: readonly string[],
  rows: readonly (readonly (number | null)[])[],
): Dataset {
  const n = rows.length;
  const values = new Float64Array(codes.length * n);
  for (let r = 0; r < n; r++) {
    const line = rows[r] ?? [];
    for (let c = 0; c < codes.length; c++) {
      const v = line[c];
      values[c * n + r] = v === null || v === undefined ? Number.NaN : v;
    }
  }
  return { rows: Int32Array.from({ length: n }, (_, i) => i), codes: [...codes], values };
}
