import { createIssue, type Issue } from '../../errors/issue.js';
import { rangeOf } from '../../math/summary.js';
import type { CompositeContext, StepResult } from '../_lib/step.js';
import { sharedPeriodGroups } from '../data/dataset.js';
import type { Dataset, MetaNode } from '../data/types.js';
import type { NormaliseMethod } from '../pipeline/schema.js';
import * as m from './methods.js';

/** Options of {@link normalise} (the `normalise` step, defaults applied). */
export interface NormaliseOptions {
  method: NormaliseMethod;
  range: readonly [number, number];
  mean: number;
  sd: number;
  lower: number;
  upper: number;
  factor: number;
  reference?: string | undefined;
  capMax: boolean;
  goalposts?: Readonly<Record<string, readonly [number, number]>> | undefined;
  scale: number;
  truncate: boolean;
  panel: 'per-period' | 'pooled';
  indicators?: Readonly<Record<string, NormaliseMethod>> | undefined;
}

/** Default normalisation options: COINr's min-max to [0, 100], per period. */
export const defaultNormaliseOptions: NormaliseOptions = {
  method: 'minmax',
  range: [0, 100],
  mean: 0,
  sd: 1,
  lower: 0,
  upper: 100,
  factor: 100,
  capMax: false,
  scale: 100,
  truncate: true,
  panel: 'per-period',
};

/** What `normalise` did: the method per indicator and how panels were grouped. */
export interface NormaliseLog {
  step: 'normalise';
  panel: 'per-period' | 'pooled';
  methods: Record<string, NormaliseMethod>;
}

/**
 * Normalises every indicator, direction-aware: values are multiplied by the iMeta direction
 * first (COINr's `Normalise.numeric`), then mapped by the method (see `methods.ts`; each
 * names the COINr function it follows). Targets are multiplied by the direction too, and
 * goalposts of direction -1 indicators are flipped, as COINr's `get_iMeta_norm_paras` does, so
 * "better" always maps upwards. `scaled` flips its bounds the same way.
 *
 * Panels: `per-period` normalises each period on its own (a purse of coins); `pooled` uses
 * every period together (COINr's `global = TRUE`). Goalposts and targets are fixed values, so
 * they are honoured in both modes (COINr ignores them in its pooled mode). With `dist2ref` in
 * pooled mode, the reference is the unit's value in the latest period where it has one.
 *
 * @example
 * ```ts
 * const { dataset } = normalise(ctx, treated, { ...defaultNormaliseOptions, method: 'minmax', range: [0, 100] });
 * ```
 */
export function normalise(
  ctx: CompositeContext,
  ds: Dataset,
  o: NormaliseOptions,
): StepResult<NormaliseLog> {
  const n = ds.rows.length;
  const values = new Float64Array(ds.values.length);
  const issues: Issue[] = [];
  const nodes = new Map<string, MetaNode>(ctx.meta.nodes.map((x) => [x.code, x]));
  const groups =
    o.panel === 'pooled'
      ? [{ period: null, positions: Int32Array.from({ length: n }, (_, i) => i) }]
      : sharedPeriodGroups(ctx.units, ds.rows);
  const src = ds.values;
  const methods: Record<string, NormaliseMethod> = {};
  if (o.reference !== undefined && !ctx.units.codes.includes(o.reference)) {
    issues.push(
      createIssue('COMPOSITE_UNKNOWN_UNIT', { unit: o.reference }, { path: ['reference'] }),
    );
    return {
      dataset: { rows: ds.rows, codes: ds.codes, values },
      log: { step: 'normalise', panel: o.panel, methods },
      issues,
    };
  }
  for (let c = 0; c < ds.codes.length; c++) {
    const code = ds.codes[c] as string;
    const node = nodes.get(code);
    const dir = node?.direction ?? 1;
    const method = o.indicators?.[code] ?? o.method;
    methods[code] = method;
    const base = c * n;
    let fail = false;
    let warned = false;
    if (method === 'minmax') {
      // Fast path for the default: range and map straight from the flat arrays, no copies.
      const [l, u] = o.range;
      for (const { positions } of groups) {
        let lo = Number.POSITIVE_INFINITY;
        let hi = Number.NEGATIVE_INFINITY;
        for (let i = 0; i < positions.length; i++) {
          const v = (src[base + (positions[i] as number)] as number) * dir;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
        if (lo === hi && !warned) {
          warned = true;
          issues.push(
            createIssue('COMPOSITE_ZERO_RANGE', { code, method }, { severity: 'warning' }),
          );
        }
        for (let i = 0; i < positions.length; i++) {
          const at = base + (positions[i] as number);
          values[at] = (((src[at] as number) * dir - lo) / (hi - lo)) * (u - l) + l;
        }
      }
      continue;
    }
    for (const { positions } of groups) {
      const x = new Float64Array(positions.length);
      for (let i = 0; i < positions.length; i++)
        x[i] = (ds.values[base + (positions[i] as number)] as number) * dir;
      let y: Float64Array;
      switch (method) {
        case 'zscore':
          y = m.zscore(x, o.mean, o.sd);
          break;
        case 'scaled':
          y =
            dir === -1
              ? m.scaled(x, -o.upper, -o.lower, o.factor)
              : m.scaled(x, o.lower, o.upper, o.factor);
          break;
        case 'dist2max':
          y = m.dist2max(x);
          break;
        case 'dist2ref': {
          const ref = referenceValue(
            ctx,
            ds,
            base,
            positions,
            o.reference ?? '',
            o.panel === 'pooled',
          );
          y = m.dist2ref(x, ref * dir, o.capMax);
          break;
        }
        case 'dist2targ':
          if (node?.target === undefined) {
            fail = true;
            y = x;
            break;
          }
          y = m.dist2targ(x, node.target * dir, o.capMax);
          break;
        case 'fracmax':
          y = m.fracmax(x);
          break;
        case 'goalposts': {
          const g =
            o.goalposts?.[code] ??
            (node?.goalpostLower !== undefined && node.goalpostUpper !== undefined
              ? ([node.goalpostLower, node.goalpostUpper] as const)
              : undefined);
          if (!g) {
            fail = true;
            y = x;
            break;
          }
          y =
            dir === -1
              ? m.goalposts(x, -g[1], -g[0], o.scale, o.truncate)
              : m.goalposts(x, g[0], g[1], o.scale, o.truncate);
          break;
        }
        case 'rank':
          y = m.rank(x);
          break;
        case 'borda':
          y = m.borda(x);
          break;
        case 'prank':
          y = m.prank(x);
          break;
        default:
          y = x;
      }
      if (!warned && method === 'dist2max') {
        const [lo, hi] = rangeOf(x);
        if (lo === hi) {
          warned = true;
          issues.push(
            createIssue('COMPOSITE_ZERO_RANGE', { code, method }, { severity: 'warning' }),
          );
        }
      }
      for (let i = 0; i < positions.length; i++)
        values[base + (positions[i] as number)] = y[i] as number;
    }
    if (fail) {
      issues.push(
        createIssue(
          method === 'dist2targ' ? 'COMPOSITE_NO_TARGET' : 'COMPOSITE_NO_GOALPOSTS',
          { code },
          { path: ['method'] },
        ),
      );
    }
  }
  return {
    dataset: { rows: ds.rows, codes: ds.codes, values },
    log: { step: 'normalise', panel: o.panel, methods },
    issues,
  };
}

/** The reference unit's value among `positions` (latest period when pooled); NaN if absent. */
function referenceValue(
  ctx: CompositeContext,
  ds: Dataset,
  base: number,
  positions: Int32Array,
  unit: string,
  pooled: boolean,
): number {
  let best = Number.NaN;
  let bestPeriod = Number.NEGATIVE_INFINITY;
  for (const p of positions) {
    const row = ds.rows[p] as number;
    if (ctx.units.codes[row] !== unit) continue;
    const v = ds.values[base + p] as number;
    if (!pooled) return v;
    const t = ctx.units.periods[row] ?? 0;
    if (!Number.isNaN(v) && t >= bestPeriod) {
      best = v;
      bestPeriod = t;
    }
  }
  return best;
}
