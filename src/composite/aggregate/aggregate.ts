import { createIssue, type Issue } from '../../errors/issue.js';
import type { CompositeContext, StepResult } from '../_lib/step.js';
import { sharedPeriodGroups } from '../data/dataset.js';
import type { Dataset } from '../data/types.js';
import type { CompositeAggregation } from '../pipeline/schema.js';
import type { ShareBounds } from './bod.js';
import { aggregateColumnwise, type ColumnwiseMethod } from './columnwise.js';
import * as a from './methods.js';
import type { MpiPolarity } from './mpi.js';
import { type AggregateGroup, aggregationTree } from './tree.js';

/** Aggregation settings of one level. */
export interface LevelSettings {
  method?: CompositeAggregation | undefined;
  p?: number | undefined;
  threshold?: number | undefined;
  polarity?: MpiPolarity | undefined;
}

/** Options of {@link aggregate} (the `aggregate` step). */
export interface AggregateOptions {
  method: CompositeAggregation;
  p?: number | undefined;
  /** Least share of children with a value (COINr `dat_thresh`); below it the aggregate is missing. */
  threshold?: number | undefined;
  /** Per-level overrides, keyed by level (2 and up). */
  levels?: Readonly<Record<string, LevelSettings>> | undefined;
  /** Replacement weights by code. */
  weights?: Readonly<Record<string, number>> | undefined;
  /** `bod`: share bounds by child code. */
  bounds?: Readonly<Record<string, ShareBounds>> | undefined;
  /** `mpi`, `ampi`: polarity of the index (default positive). */
  polarity?: MpiPolarity | undefined;
  /** `ampi`: reference values by child code. */
  references?: Readonly<Record<string, number>> | undefined;
}

/** What `aggregate` did: the settings used for each level. */
export interface AggregateLog {
  step: 'aggregate';
  levels: { level: number; method: CompositeAggregation; p?: number; threshold?: number }[];
  /** Aggregates left missing by the data-availability threshold, per aggregate code. */
  belowThreshold: Record<string, number>;
}

/**
 * Aggregates level by level up the tree (COINr's `Aggregate`): each aggregate of level L is
 * computed from its children at level L - 1 (indicators, then the aggregates just computed),
 * with iMeta's weights, rescaled over the children that have a value. Methods: `amean`,
 * `gmean`, `hmean`, `genmean` (with `p`), `median` (weighted), `copeland` (within each
 * period, over units); see `methods.ts`; `bod` (benefit of the doubt), `mpi` and `ampi`
 * (Mazziotta-Pareto), which compare units, see `columnwise.ts`. Different methods per level through `levels`.
 * The output holds every input column, then the aggregates, level by level, sorted by code.
 *
 * @example
 * ```ts
 * const { dataset } = aggregate(ctx, normalised, { method: 'amean' });
 * dataset.codes.at(-1); //=> 'Index'
 * ```
 */
export function aggregate(
  ctx: CompositeContext,
  ds: Dataset,
  o: AggregateOptions,
  tree: readonly AggregateGroup[] = defaultTree(ctx.meta, o.weights),
): StepResult<AggregateLog> {
  const n = ds.rows.length;
  const { codes, col, columns } = layoutOf(ds.codes, tree);
  const values = new Float64Array(codes.length * n);
  values.set(ds.values.subarray(0, ds.codes.length * n));
  const issues: Issue[] = [];
  const belowThreshold: Record<string, number> = {};
  const settings = (level: number) => {
    const s = o.levels?.[String(level)];
    return {
      method: s?.method ?? o.method,
      p: s?.p ?? o.p,
      threshold: s?.threshold ?? o.threshold,
      polarity: s?.polarity ?? o.polarity,
    };
  };
  const maxLevel = Math.max(1, ...tree.map((g) => g.level));
  for (const key of Object.keys(o.levels ?? {})) {
    const level = Number(key);
    if (level < 2 || level > maxLevel)
      issues.push(
        createIssue('COMPOSITE_UNKNOWN_LEVEL', { level, max: maxLevel }, { path: ['levels', key] }),
      );
  }
  const logLevels: AggregateLog['levels'] = [];
  for (let level = 2; level <= maxLevel; level++) {
    const s = settings(level);
    const entry: AggregateLog['levels'][number] = { level, method: s.method };
    if (s.p !== undefined) entry.p = s.p;
    if (s.threshold !== undefined) entry.threshold = s.threshold;
    logLevels.push(entry);
    if (s.method === 'genmean' && (s.p === undefined || s.p === 0)) {
      issues.push(
        createIssue(
          'COMPOSITE_SPEC_INVALID',
          {
            detail: `level ${level}: "genmean" needs a non-zero p (p = 0 is the geometric mean: use "gmean").`,
          },
          { path: ['p'] },
        ),
      );
    }
  }
  if (issues.length > 0)
    return {
      dataset: { rows: ds.rows, codes, values },
      log: { step: 'aggregate', levels: logLevels, belowThreshold },
      issues,
    };
  const columnwise = new Set<string>(['copeland', 'bod', 'mpi', 'ampi']);
  const periods = tree.some((g) => columnwise.has(settings(g.level).method))
    ? sharedPeriodGroups(ctx.units, ds.rows)
    : [];
  let sums: { sw: Float64Array; swx: Float64Array; count: Float64Array } | undefined;
  const inputCells = ds.codes.length * n;
  const xs = new Float64Array(64);
  const ws = new Float64Array(64);
  for (let gi = 0; gi < tree.length; gi++) {
    const g = tree[gi] as AggregateGroup;
    const s = settings(g.level);
    const out = (columns.out[gi] as number) * n;
    const kids = (columns.kids[gi] as number[]).map((c) => c * n);
    if (s.method === 'bod' || s.method === 'mpi' || s.method === 'ampi') {
      const issue = aggregateColumnwise({
        method: s.method satisfies ColumnwiseMethod,
        values,
        n,
        out,
        kids,
        children: g.children,
        weights: g.weights,
        periods,
        unitOf: (p) => ctx.units.codes[ds.rows[p] as number] as string,
        bounds: o.bounds,
        polarity: s.polarity,
        references: o.references,
      });
      if (issue) {
        issues.push(issue);
        return {
          dataset: { rows: ds.rows, codes, values },
          log: { step: 'aggregate', levels: logLevels, belowThreshold },
          issues,
        };
      }
      continue;
    }
    if (s.method === 'copeland') {
      for (const { positions } of periods) {
        const cols = kids.map((k) => Float64Array.from(positions, (p) => values[k + p] as number));
        const sc = a.copeland(cols, g.weights);
        positions.forEach((p, i) => {
          values[out + p] = sc[i] as number;
        });
      }
      continue;
    }
    let below = 0;
    if (s.method === 'amean') {
      sums ??= { sw: new Float64Array(n), swx: new Float64Array(n), count: new Float64Array(n) };
      below += ameanColumns(values, out, kids, g.weights, n, s.threshold, sums);
      if (below > 0) belowThreshold[g.code] = below;
      continue;
    }
    if (s.method === 'gmean') {
      sums ??= { sw: new Float64Array(n), swx: new Float64Array(n), count: new Float64Array(n) };
      const b = gmeanColumns(values, out, kids, g.weights, n, s.threshold, sums, () =>
        logsOf(ds.values, inputCells),
      );
      if (b >= 0) {
        if (b > 0) belowThreshold[g.code] = b;
        continue;
      }
      // A zero or negative child: the row by row loop below finds it and reports it.
    }
    const x = kids.length > xs.length ? new Float64Array(kids.length) : xs;
    const w = kids.length > ws.length ? new Float64Array(kids.length) : ws;
    for (let r = 0; r < n; r++) {
      let k = 0;
      for (let j = 0; j < kids.length; j++) {
        const v = values[(kids[j] as number) + r] as number;
        if (Number.isNaN(v)) continue;
        x[k] = v;
        w[k] = g.weights[j] as number;
        k++;
      }
      if (k === 0 || (s.threshold !== undefined && k / kids.length < s.threshold)) {
        values[out + r] = Number.NaN;
        if (k > 0) below++;
        continue;
      }
      if (
        s.method === 'gmean' ||
        s.method === 'hmean' ||
        (s.method === 'genmean' && (s.p as number) < 0)
      ) {
        for (let j = 0; j < k; j++) {
          const v = x[j] as number;
          if (s.method === 'hmean' ? v === 0 : v <= 0) {
            const unit = ctx.units.codes[ds.rows[r] as number] as string;
            const child =
              g.children.find((c) => (values[(col.get(c) as number) * n + r] as number) === v) ??
              g.code;
            issues.push(
              createIssue(
                'COMPOSITE_NONPOSITIVE_VALUE',
                { method: s.method, code: child, unit, value: v },
                { path: ['method'] },
              ),
            );
            return {
              dataset: { rows: ds.rows, codes, values },
              log: { step: 'aggregate', levels: logLevels, belowThreshold },
              issues,
            };
          }
        }
      }
      let y: number;
      switch (s.method) {
        case 'gmean':
          y = a.gmean(x, w, k);
          break;
        case 'hmean':
          y = a.hmean(x, w, k);
          break;
        case 'genmean':
          y = a.genmean(x, w, k, s.p as number);
          break;
        case 'median':
          y = a.median(x, w, k);
          break;
        default:
          y = a.amean(x, w, k);
      }
      values[out + r] = y;
    }
    if (below > 0) belowThreshold[g.code] = below;
  }
  return {
    dataset: { rows: ds.rows, codes, values },
    log: { step: 'aggregate', levels: logLevels, belowThreshold },
    issues,
  };
}

/**
 * The weighted arithmetic mean of one aggregate for every row at once, child column by child
 * column (cache-friendly on the column-major layout): sum(w x) / sum(w) over the children
 * present, which equals COINr's rescale-then-sum `a_amean` up to rounding in the last bits.
 * Returns how many rows the threshold left missing.
 */
function ameanColumns(
  values: Float64Array,
  out: number,
  kids: readonly number[],
  weights: readonly number[],
  n: number,
  threshold: number | undefined,
  scratch: { sw: Float64Array; swx: Float64Array; count: Float64Array },
): number {
  const { sw, swx, count } = scratch;
  sw.fill(0);
  swx.fill(0);
  if (threshold === undefined) {
    // No threshold: no counts needed, since a row without children has sw = 0 and gets
    // 0 / 0 = NaN, as does a row whose present children all weigh 0. Children are taken four
    // at a time (each row's sums still add them one by one in child order: the same figures),
    // so the sums are read and written once per four children.
    let j = 0;
    for (; j + 4 <= kids.length; j += 4) {
      const b0 = kids[j] as number;
      const b1 = kids[j + 1] as number;
      const b2 = kids[j + 2] as number;
      const b3 = kids[j + 3] as number;
      const w0 = weights[j] as number;
      const w1 = weights[j + 1] as number;
      const w2 = weights[j + 2] as number;
      const w3 = weights[j + 3] as number;
      for (let r = 0; r < n; r++) {
        let a = sw[r] as number;
        let s = swx[r] as number;
        const v0 = values[b0 + r] as number;
        if (!Number.isNaN(v0)) {
          a += w0;
          s += w0 * v0;
        }
        const v1 = values[b1 + r] as number;
        if (!Number.isNaN(v1)) {
          a += w1;
          s += w1 * v1;
        }
        const v2 = values[b2 + r] as number;
        if (!Number.isNaN(v2)) {
          a += w2;
          s += w2 * v2;
        }
        const v3 = values[b3 + r] as number;
        if (!Number.isNaN(v3)) {
          a += w3;
          s += w3 * v3;
        }
        sw[r] = a;
        swx[r] = s;
      }
    }
    for (; j < kids.length; j++) {
      const base = kids[j] as number;
      const wj = weights[j] as number;
      for (let r = 0; r < n; r++) {
        const v = values[base + r] as number;
        if (Number.isNaN(v)) continue;
        sw[r] = (sw[r] as number) + wj;
        swx[r] = (swx[r] as number) + wj * v;
      }
    }
    for (let r = 0; r < n; r++) values[out + r] = (swx[r] as number) / (sw[r] as number);
    return 0;
  }
  count.fill(0);
  for (let j = 0; j < kids.length; j++) {
    const base = kids[j] as number;
    const wj = weights[j] as number;
    for (let r = 0; r < n; r++) {
      const v = values[base + r] as number;
      if (Number.isNaN(v)) continue;
      sw[r] = (sw[r] as number) + wj;
      swx[r] = (swx[r] as number) + wj * v;
      count[r] = (count[r] as number) + 1;
    }
  }
  let below = 0;
  for (let r = 0; r < n; r++) {
    const k = count[r] as number;
    if (k === 0 || k / kids.length < threshold) {
      values[out + r] = Number.NaN;
      if (k > 0) below++;
    } else {
      values[out + r] = (swx[r] as number) / (sw[r] as number);
    }
  }
  return below;
}

// The natural logs of a data set's values (NaN where not positive), kept per values array: an
// analysis re-aggregates the same normalised set hundreds of times with other weights.
const logCache = new WeakMap<Float64Array, Float64Array>();

function logsOf(values: Float64Array, cells: number): Float64Array {
  let logs = logCache.get(values);
  if (!logs) {
    logs = new Float64Array(cells);
    for (let i = 0; i < cells; i++) {
      const v = values[i] as number;
      logs[i] = v > 0 ? Math.log(v) : Number.NaN;
    }
    logCache.set(values, logs);
  }
  return logs;
}

/**
 * The weighted geometric mean of one aggregate for every row at once, child column by child
 * column: exp(sum(w ln x) / sum(w)) over the children present, the same sums in the same order
 * as `gmean` (so the same figures). The logs of the step's input columns (offsets below
 * `logs().length`) come from {@link logsOf}. Returns how many rows the threshold left missing,
 * or -1, writing nothing, when a present child is zero or negative (the caller reports it).
 */
function gmeanColumns(
  values: Float64Array,
  out: number,
  kids: readonly number[],
  weights: readonly number[],
  n: number,
  threshold: number | undefined,
  scratch: { sw: Float64Array; swx: Float64Array; count: Float64Array },
  logs: () => Float64Array,
): number {
  const { sw, swx: slog, count } = scratch;
  sw.fill(0);
  slog.fill(0);
  count.fill(0);
  for (let j = 0; j < kids.length; j++) {
    const base = kids[j] as number;
    const wj = weights[j] as number;
    const cached = base + n <= logs().length ? logs() : undefined;
    for (let r = 0; r < n; r++) {
      const v = values[base + r] as number;
      if (Number.isNaN(v)) continue;
      if (v <= 0) return -1;
      slog[r] = (slog[r] as number) + wj * (cached ? (cached[base + r] as number) : Math.log(v));
      sw[r] = (sw[r] as number) + wj;
      count[r] = (count[r] as number) + 1;
    }
  }
  let below = 0;
  for (let r = 0; r < n; r++) {
    const k = count[r] as number;
    if (k === 0 || (threshold !== undefined && k / kids.length < threshold)) {
      values[out + r] = Number.NaN;
      if (k > 0) below++;
    } else {
      values[out + r] = Math.exp((slog[r] as number) / (sw[r] as number));
    }
  }
  return below;
}

/** Where an aggregation writes: the output codes, their columns, each group's columns. */
interface Layout {
  codes: string[];
  col: Map<string, number>;
  columns: { out: number[]; kids: number[][] };
}

// Layouts by input codes, for trees of the same shape (the analyses re-aggregate one data set
// with trees that differ only in their weights).
const layoutCache = new WeakMap<
  readonly string[],
  { tree: readonly AggregateGroup[]; layout: Layout }
>();

function layoutOf(inputCodes: readonly string[], tree: readonly AggregateGroup[]): Layout {
  const hit = layoutCache.get(inputCodes);
  if (
    hit &&
    hit.tree.length === tree.length &&
    hit.tree.every((g, i) => {
      const t = tree[i] as AggregateGroup;
      return (
        g.code === t.code &&
        (g.children === t.children ||
          (g.children.length === t.children.length &&
            g.children.every((c, j) => c === t.children[j])))
      );
    })
  ) {
    return hit.layout;
  }
  const codes = [...inputCodes, ...tree.map((g) => g.code)];
  const col = new Map(codes.map((c, i) => [c, i]));
  const columns = {
    out: tree.map((g) => col.get(g.code) as number),
    kids: tree.map((g) => g.children.map((c) => col.get(c) as number)),
  };
  const layout = { codes, col, columns };
  layoutCache.set(inputCodes, { tree, layout });
  return layout;
}

// The plan of a composite's own weights, built once per metadata (it is never modified).
const treeCache = new WeakMap<CompositeContext['meta'], readonly AggregateGroup[]>();

function defaultTree(
  meta: CompositeContext['meta'],
  weights: Readonly<Record<string, number>> | undefined,
): readonly AggregateGroup[] {
  if (weights !== undefined) return aggregationTree(meta, weights);
  let tree = treeCache.get(meta);
  if (!tree) {
    tree = aggregationTree(meta);
    treeCache.set(meta, tree);
  }
  return tree;
}
