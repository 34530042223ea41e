import { createIssue, type Issue } from '../../errors/issue.js';
import { meanOf, medianOf, rangeOf } from '../../math/summary.js';
import type { CompositeContext, StepResult } from '../_lib/step.js';
import { sharedPeriodGroups } from '../data/dataset.js';
import type { Dataset } from '../data/types.js';
import type { ImputeMethod } from '../pipeline/schema.js';

/** What `impute` did: how many cells it filled per indicator, and how many are still missing. */
export interface ImputeLog {
  step: 'impute';
  method: ImputeMethod;
  /** Filled cells per indicator code (codes with none are left out). */
  imputed: Record<string, number>;
  /** Cells still missing afterwards. */
  remaining: number;
  /** One flag per cell of the output (same layout as `values`): 1 where a value was filled. */
  mask: Uint8Array;
}

/** Options of {@link impute}. */
export interface ImputeOptions {
  method: ImputeMethod;
  /** The iData group column for `mean-by-group` and `median-by-group`. */
  group?: string | undefined;
  /** The aggregation level whose groups `row-mean` works within (default 2). */
  level?: number | undefined;
  /** For `latest`: how many earlier periods to look back (default all). */
  maxPeriods?: number | undefined;
}

type Fill = (x: Float64Array) => number;

/** Cells filled in each column, and cells still missing in all. */
interface FillCounts {
  filled: Int32Array;
  remaining: number;
}

/** Fills the missing values among `positions` of column `c` with `f` of the present ones. */
function fillColumn(
  values: Float64Array,
  mask: Uint8Array,
  base: number,
  positions: Int32Array,
  f: Fill,
  scratch: Float64Array,
): void {
  const x = scratch.length === positions.length ? scratch : scratch.subarray(0, positions.length);
  let missing = 0;
  for (let i = 0; i < positions.length; i++) {
    const v = values[base + (positions[i] as number)] as number;
    x[i] = v;
    if (Number.isNaN(v)) missing++;
  }
  if (missing === 0 || missing === positions.length) return;
  const fill = f(x);
  for (let i = 0; i < positions.length; i++) {
    const at = base + (positions[i] as number);
    if (Number.isNaN(values[at] as number)) {
      values[at] = fill;
      mask[at] = 1;
    }
  }
}

/**
 * Fills missing values. Cross-sectional methods work within each period (a panel is COINr's
 * purse of coins, one per period):
 * - `mean`, `median`: the column's mean or median (COINr `i_mean`, `i_median`; R's median
 *   averages the two middle values);
 * - `mean-by-group`, `median-by-group`: the same within the units sharing the value of the
 *   iData column `group` (`i_mean_grp`, `i_median_grp`); units with no group stay missing;
 * - `row-mean`: the unit's own mean over the other indicators of the same aggregation group
 *   at `level`, computed on min-max normalised values (direction applied) and mapped back to
 *   the indicator's scale (COINr `Impute(impute_by = "row", group_level = level)`, whose
 *   `normalise_first` defaults to TRUE for rows).
 * Panel methods work along each unit's periods (COINr `impute_panel`):
 * - `latest`: the latest earlier period with a value, at most `maxPeriods` periods back;
 * - `constant`: the previous observed value, and the first one before it (R `approx(method =
 *   "constant", rule = 2)`);
 * - `linear`: straight lines between observations, held flat beyond them (`approx(rule = 2)`);
 * - `linear-constant`: `linear`, but `constant` for series with one observation.
 * A series with a single observation under `linear` is a clear case rather than an error:
 * its value is carried to every period and a `COMPOSITE_IMPUTE_SINGLE_OBSERVATION` warning
 * names it. Values that were present never change.
 *
 * @example
 * ```ts
 * const { dataset, log } = impute(ctx, denominated, { method: 'mean-by-group', group: 'EurAsia_group' });
 * log.imputed; //=> { Flights: 0, ... , Services: 2, ... }
 * ```
 */
export function impute(
  ctx: CompositeContext,
  ds: Dataset,
  options: ImputeOptions,
): StepResult<ImputeLog> {
  const n = ds.rows.length;
  const m = ds.codes.length;
  const values = ds.values.slice();
  const mask = new Uint8Array(values.length);
  const issues: Issue[] = [];
  const method = options.method;
  // Cells filled per column and still missing, when the method counted them on the way.
  let counts: FillCounts | undefined;
  if (
    method === 'mean' ||
    method === 'median' ||
    method === 'mean-by-group' ||
    method === 'median-by-group'
  ) {
    const f: Fill = method === 'mean' || method === 'mean-by-group' ? meanOf : medianOf;
    const byGroup = method === 'mean-by-group' || method === 'median-by-group';
    const groupCol = byGroup ? ctx.units.groups[options.group ?? ''] : undefined;
    if (byGroup && !groupCol) {
      issues.push(
        createIssue(
          'COMPOSITE_UNKNOWN_GROUP',
          { group: options.group ?? '', groups: Object.keys(ctx.units.groups) },
          { path: ['group'] },
        ),
      );
    } else {
      for (const { positions } of sharedPeriodGroups(ctx.units, ds.rows)) {
        const sets: Int32Array[] = [];
        if (groupCol) {
          const byValue = new Map<string, number[]>();
          for (const p of positions) {
            const g = groupCol[ds.rows[p] as number];
            if (g === null || g === undefined) continue;
            let list = byValue.get(g);
            if (!list) {
              list = [];
              byValue.set(g, list);
            }
            list.push(p);
          }
          for (const list of byValue.values()) sets.push(Int32Array.from(list));
        } else {
          sets.push(positions);
        }
        let longest = 0;
        for (const set of sets) longest = Math.max(longest, set.length);
        const scratch = new Float64Array(longest);
        for (let c = 0; c < m; c++)
          for (const set of sets) fillColumn(values, mask, c * n, set, f, scratch);
      }
    }
  } else if (method === 'row-mean') {
    imputeRowMean(ctx, ds, values, mask, options.level ?? 2, issues);
  } else if (method !== 'none') {
    counts = imputePanel(ctx, ds, values, mask, method, options.maxPeriods, issues);
  }
  if (!counts) {
    const filled = new Int32Array(m);
    let remaining = 0;
    for (let c = 0; c < m; c++) {
      let k = 0;
      const base = c * n;
      for (let r = 0; r < n; r++) {
        k += mask[base + r] as number;
        if (Number.isNaN(values[base + r] as number)) remaining++;
      }
      filled[c] = k;
    }
    counts = { filled, remaining };
  }
  const { remaining } = counts;
  const imputed: Record<string, number> = {};
  for (let c = 0; c < m; c++) {
    const k = counts.filled[c] as number;
    if (k > 0) imputed[ds.codes[c] as string] = k;
  }
  if (remaining > 0 && method !== 'none') {
    issues.push(
      createIssue('COMPOSITE_IMPUTE_REMAINING', { count: remaining }, { severity: 'warning' }),
    );
  }
  return {
    dataset: { rows: ds.rows, codes: ds.codes, values },
    log: { step: 'impute', method, imputed, remaining, mask },
    issues,
  };
}

/** The ancestor at `level` of each column code (itself for aggregates at that level). */
function ancestorsAt(
  ctx: CompositeContext,
  codes: readonly string[],
  level: number,
): (string | undefined)[] {
  const byCode = new Map(ctx.meta.nodes.map((x) => [x.code, x]));
  return codes.map((code) => {
    let node = byCode.get(code);
    while (node && node.level < level) node = node.parent ? byCode.get(node.parent) : undefined;
    return node && node.level === level ? node.code : undefined;
  });
}

function imputeRowMean(
  ctx: CompositeContext,
  ds: Dataset,
  values: Float64Array,
  mask: Uint8Array,
  level: number,
  issues: Issue[],
): void {
  const n = ds.rows.length;
  const maxLevel = Math.max(...ctx.meta.nodes.map((x) => x.level));
  if (level < 2 || level > maxLevel) {
    issues.push(
      createIssue('COMPOSITE_UNKNOWN_LEVEL', { level, max: maxLevel }, { path: ['level'] }),
    );
    return;
  }
  const anc = ancestorsAt(ctx, ds.codes, level);
  const dirs = ds.codes.map((code) => ctx.meta.nodes.find((x) => x.code === code)?.direction ?? 1);
  const groups = new Map<string, number[]>();
  anc.forEach((a, c) => {
    if (a === undefined) return;
    let list = groups.get(a);
    if (!list) {
      list = [];
      groups.set(a, list);
    }
    list.push(c);
  });
  for (const { positions } of sharedPeriodGroups(ctx.units, ds.rows)) {
    // Min-max bounds of each column (direction applied) over this period.
    const lo = new Float64Array(ds.codes.length);
    const hi = new Float64Array(ds.codes.length);
    for (let c = 0; c < ds.codes.length; c++) {
      const x = new Float64Array(positions.length);
      for (let i = 0; i < positions.length; i++)
        x[i] = (ds.values[c * n + (positions[i] as number)] as number) * (dirs[c] as number);
      const [a, b] = rangeOf(x);
      lo[c] = a;
      hi[c] = b;
    }
    for (const cols of groups.values()) {
      for (const p of positions) {
        let s = 0;
        let k = 0;
        let missing = false;
        for (const c of cols) {
          const v = ds.values[c * n + p] as number;
          if (Number.isNaN(v)) {
            missing = true;
            continue;
          }
          s +=
            (v * (dirs[c] as number) - (lo[c] as number)) / ((hi[c] as number) - (lo[c] as number));
          k++;
        }
        if (!missing || k === 0) continue;
        const rowMean = s / k;
        for (const c of cols) {
          const at = c * n + p;
          if (!Number.isNaN(values[at] as number)) continue;
          values[at] =
            (rowMean * ((hi[c] as number) - (lo[c] as number)) + (lo[c] as number)) *
            (dirs[c] as number);
          mask[at] = 1;
        }
      }
    }
  }
}

/** A data set's positions grouped by unit, each unit's in period order. */
interface UnitSeries {
  /** Unit codes, in order of first appearance. */
  units: string[];
  /** Positions, unit after unit; unit `u`'s are `order[starts[u]..starts[u + 1])`. */
  order: Int32Array;
  starts: Int32Array;
  /** The period of each position (NaN when none). */
  tp: Float64Array;
  /** The unit (index in `units`) of each position. */
  unitOf: Int32Array;
}

// One grouping per `rows` array: every re-run of the step on the same rows reuses it.
const seriesCache = new WeakMap<Int32Array, { units: CompositeContext['units']; s: UnitSeries }>();

function unitSeries(ctx: CompositeContext, rows: Int32Array): UnitSeries {
  const hit = seriesCache.get(rows);
  if (hit && hit.units === ctx.units) return hit.s;
  const n = rows.length;
  const periods = ctx.units.periods;
  const tp = new Float64Array(n);
  for (let r = 0; r < n; r++) tp[r] = periods[rows[r] as number] ?? Number.NaN;
  const byUnit = new Map<string, number[]>();
  for (let r = 0; r < n; r++) {
    const code = ctx.units.codes[rows[r] as number] as string;
    let list = byUnit.get(code);
    if (!list) {
      list = [];
      byUnit.set(code, list);
    }
    list.push(r);
  }
  const order = new Int32Array(n);
  const starts = new Int32Array(byUnit.size + 1);
  const unitOf = new Int32Array(n);
  let at = 0;
  let u = 0;
  for (const list of byUnit.values()) {
    for (const r of list) unitOf[r] = u;
    starts[u++] = at;
    const sorted = Int32Array.from(list).sort((a, b) => (tp[a] as number) - (tp[b] as number));
    order.set(sorted, at);
    at += sorted.length;
  }
  starts[u] = at;
  const s = { units: [...byUnit.keys()], order, starts, tp, unitOf };
  seriesCache.set(rows, { units: ctx.units, s });
  return s;
}

function imputePanel(
  ctx: CompositeContext,
  ds: Dataset,
  values: Float64Array,
  mask: Uint8Array,
  method: 'latest' | 'constant' | 'linear' | 'linear-constant',
  maxPeriods: number | undefined,
  issues: Issue[],
): FillCounts | undefined {
  const n = ds.rows.length;
  const m = ds.codes.length;
  const periods = ctx.units.periods;
  if (periods.every((p) => p === null)) {
    issues.push(createIssue('COMPOSITE_PANEL_REQUIRED', { method }, { path: ['method'] }));
    return undefined;
  }
  const allPeriods = [...new Set(periods.filter((p): p is number => p !== null))].sort(
    (a, b) => a - b,
  );
  // The earliest period `latest` may reach back to from each period (maxPeriods of the panel's).
  const floor = new Map<number, number>();
  allPeriods.forEach((p, i) => {
    floor.set(
      p,
      maxPeriods === undefined
        ? Number.NEGATIVE_INFINITY
        : (allPeriods[Math.max(0, i - maxPeriods)] as number),
    );
  });
  const { units, order, starts, tp, unitOf } = unitSeries(ctx, ds.rows);
  const src = ds.values;
  let longest = 0;
  for (let u = 0; u < units.length; u++)
    longest = Math.max(longest, (starts[u + 1] as number) - (starts[u] as number));
  const known = new Int32Array(longest);
  // The last column each unit's series was filled in (a unit is done once per column).
  const doneIn = new Int32Array(units.length).fill(-1);
  const latest = method === 'latest';
  const linear = method === 'linear' || method === 'linear-constant';
  const filled = new Int32Array(m);
  let remaining = 0;
  // Single-observation series under `linear`, as unit * columns + column (reported unit by unit).
  const single: number[] = [];
  // Column by column: one sequential pass finds the missing cells, and the series of each unit
  // with one is filled along its periods.
  for (let c = 0; c < m; c++) {
    const base = c * n;
    let count = 0;
    for (let p = 0; p < n; p++) {
      if (!Number.isNaN(src[base + p] as number)) continue;
      const u = unitOf[p] as number;
      if (doneIn[u] === c) continue;
      doneIn[u] = c;
      const from = starts[u] as number;
      const to = starts[u + 1] as number;
      let k = 0;
      for (let i = from; i < to; i++) {
        const r = order[i] as number;
        if (!Number.isNaN(src[base + r] as number)) known[k++] = r;
      }
      if (k === 0) {
        remaining += to - from;
        continue;
      }
      // `linear` needs two observations: one is carried as `constant` (warned for `linear`).
      const constant = method === 'constant' || (linear && k === 1);
      if (method === 'linear' && k === 1) single.push(u * m + c);
      // Walk the unit's rows in period order, keeping the last known row before each one.
      let next = 0;
      for (let i = from; i < to; i++) {
        const r = order[i] as number;
        const at = base + r;
        const tr = tp[r] as number;
        while (next < k && (tp[known[next] as number] as number) < tr) next++;
        if (!Number.isNaN(src[at] as number)) continue;
        const before = next > 0 ? (known[next - 1] as number) : -1;
        const after = next < k ? (known[next] as number) : -1;
        let v = Number.NaN;
        if (latest) {
          // The latest earlier period with a value, no further back than maxPeriods periods.
          if (before >= 0 && (tp[before] as number) >= (floor.get(tr) as number))
            v = src[base + before] as number;
        } else if (before < 0) v = src[base + after] as number;
        else if (after < 0 || constant) v = src[base + before] as number;
        else {
          const y0 = src[base + before] as number;
          const y1 = src[base + after] as number;
          const t0 = tp[before] as number;
          // R's approx: y0 + (y1 - y0) * ((t - t0) / (t1 - t0)).
          v = y0 + (y1 - y0) * ((tr - t0) / ((tp[after] as number) - t0));
        }
        if (Number.isNaN(v)) remaining++;
        else {
          values[at] = v;
          mask[at] = 1;
          count++;
        }
      }
    }
    filled[c] = count;
  }
  single.sort((a, b) => a - b);
  for (const x of single) {
    issues.push(
      createIssue(
        'COMPOSITE_IMPUTE_SINGLE_OBSERVATION',
        { unit: units[Math.floor(x / m)] as string, code: ds.codes[x % m] as string, method },
        { severity: 'warning' },
      ),
    );
  }
  return { filled, remaining };
}
