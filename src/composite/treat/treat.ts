import { createIssue, type Issue } from '../../errors/issue.js';
import { momentsOf, skewKurtosisOf } from '../../math/summary.js';
import type { CompositeContext, StepResult } from '../_lib/step.js';
import { type PeriodGroup, sharedPeriodGroups } from '../data/dataset.js';
import type { Dataset } from '../data/types.js';
import { applyTransform, type TransformName } from './transforms.js';

/** Thresholds and limits of COINr's default treatment. */
export interface TreatOptions {
  /**
   * `default`: test, winsorise, fall back to a transform; `none`: copy; a transform name
   * (`boxcox`, `log-ct`...): apply that transform instead of winsorising (see `transforms.ts`).
   */
  method: 'default' | 'none' | TransformName;
  /** The transform `default` falls back to when winsorising does not pass (COINr's `f2`; default `log-ct`). */
  fallback?: TransformName | undefined;
  /** `boxcox`'s lambda (required for it). */
  lambda?: number | undefined;
  /** `boxcox`: shift to x - min + 1 first (COINr's `makepos`, default true). */
  makePositive?: boolean | undefined;
  /** A transform method applies to the indicators failing the test (default) or to `always` all. */
  when?: 'failing' | 'always' | undefined;
  /** Most points winsorised before falling back to the log transform (COINr default 5). */
  winmax: number;
  /** |skewness| at or above this fails the test (COINr default 2). */
  skewThreshold: number;
  /** Kurtosis at or above this fails the test (COINr default 3.5). */
  kurtosisThreshold: number;
  /** Indicator codes left untreated. */
  exclude?: readonly string[] | undefined;
}

/** The treatment of one indicator (in one period). */
export interface TreatedIndicator {
  code: string;
  period: number | null;
  /** Skewness and kurtosis before and after (sample estimators, see {@link treatVector}). */
  skew: number;
  kurtosis: number;
  skewAfter: number;
  kurtosisAfter: number;
  /**
   * `none`: passed as is; `winsorised`; `log`: shifted log (the default fallback);
   * `transformed`: another transform (named in `transform`); `skipped`: too few values to test.
   */
  action: 'none' | 'winsorised' | 'log' | 'transformed' | 'skipped';
  /** The transform applied, when the action is `log` or `transformed`. */
  transform?: TransformName;
  /** Points winsorised (COINr's `nwin`), counted even when the log transform replaced them. */
  winsorised: number;
  /** Units whose values were pulled down (`winhi`) or up (`winlo`) in the final winsorisation. */
  high: string[];
  low: string[];
}

/** What `treat` did, one entry per indicator and period. */
export interface TreatLog {
  step: 'treat';
  indicators: TreatedIndicator[];
}

/** Result of {@link treatVector}: the treated values and what was done, by position. */
export interface VectorTreatment {
  x: Float64Array;
  action: TreatedIndicator['action'];
  transform?: TransformName;
  skew: number;
  kurtosis: number;
  skewAfter: number;
  kurtosisAfter: number;
  winsorised: number;
  high: number[];
  low: number[];
}

/**
 * COINr's `check_SkewKurt`: passes when |skewness| < `skewThreshold` OR kurtosis <
 * `kurtosisThreshold`, with R's three-valued logic (undefined when neither side decides).
 */
function passes(
  x: Float64Array,
  o: TreatOptions,
): { pass: boolean | undefined; sk: number; kt: number; min: number; max: number } {
  const { skew: sk, kurt: kt, min, max } = momentsOf(x);
  return { pass: testPasses(sk, kt, o), sk, kt, min, max };
}

/** The test of {@link passes} from the skewness and kurtosis. */
function testPasses(sk: number, kt: number, o: TreatOptions): boolean | undefined {
  const a = Number.isNaN(sk) ? undefined : Math.abs(sk) < o.skewThreshold;
  const b = Number.isNaN(kt) ? undefined : kt < o.kurtosisThreshold;
  return a === true || b === true ? true : a === undefined || b === undefined ? undefined : false;
}

/**
 * Treats one vector (NaN = missing) the way COINr 1.1.14's `Treat` does by default:
 * 1. test: |skewness| < 2 or kurtosis < 3.5 passes. Skewness and kurtosis are the sample
 *    estimators G1 and G2 (e1071 type 2), as COINr's `skew()` and `kurt()`;
 * 2. on failure, winsorise (COINr's `winsorise`): while failing and fewer than `winmax`
 *    points are treated, if skewness >= 0 every value equal to the maximum is set to the
 *    largest remaining value, else every value equal to the minimum to the smallest
 *    remaining one, so tied extremes move together; the count is the size of the last
 *    high-side set plus the last low-side set, as COINr counts it;
 * 3. if that still fails, discard the winsorisation and apply COINr's `log_CT` to the
 *    original values: `log(x - min(x) + 0.01 * (max(x) - min(x)))`.
 * Vectors that cannot be tested (fewer than 4 values, or all equal) are returned untouched,
 * as COINr does when `check_SkewKurt` returns NA. The input is never modified (when nothing is
 * done, the result's `x` is the input itself).
 *
 * @example
 * ```ts
 * treatVector(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 100), { method: 'default', winmax: 5, skewThreshold: 2, kurtosisThreshold: 3.5 }).action;
 * //=> 'winsorised'
 * ```
 */
export function treatVector(input: Float64Array, o: TreatOptions): VectorTreatment {
  if (o.method !== 'default' && o.method !== 'none') return transformVector(input, o, o.method);
  const first = passes(input, o);
  const base = {
    skew: first.sk,
    kurtosis: first.kt,
    skewAfter: first.sk,
    kurtosisAfter: first.kt,
    winsorised: 0,
    high: [] as number[],
    low: [] as number[],
  };
  if (first.pass === undefined) return { ...base, x: input, action: 'skipped' };
  if (first.pass) return { ...base, x: input, action: 'none' };
  const x = input.slice();
  let high: number[] = [];
  let low: number[] = [];
  let nwin = 0;
  let state = first;
  while (state.pass === false && nwin < o.winmax) {
    const mn = state.min;
    const mx = state.max;
    const hi = state.sk >= 0;
    const extreme = hi ? mx : mn;
    const at: number[] = [];
    let next = hi ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    for (let i = 0; i < x.length; i++) {
      const v = x[i] as number;
      if (Number.isNaN(v)) continue;
      if (v === extreme) at.push(i);
      else if (hi ? v > next : v < next) next = v;
    }
    for (const i of at) x[i] = next;
    if (hi) high = at;
    else low = at;
    nwin = high.length + low.length;
    state = passes(x, o);
    // COINr's loop errors on an undecidable test and leaves the indicator untreated.
    if (state.pass === undefined) return { ...base, x: input, action: 'skipped' };
  }
  if (state.pass) {
    return {
      ...base,
      x,
      action: 'winsorised',
      skewAfter: state.sk,
      kurtosisAfter: state.kt,
      winsorised: nwin,
      high,
      low,
    };
  }
  const fallback = o.fallback ?? 'log-ct';
  let y: Float64Array;
  if (fallback === 'log-ct') {
    const mn = first.min;
    const mx = first.max;
    const shift = 0.01 * (mx - mn);
    y = new Float64Array(input.length);
    for (let i = 0; i < input.length; i++) y[i] = Math.log((input[i] as number) - mn + shift);
  } else {
    y = applyTransform(fallback, input, o);
  }
  const after = passes(y, o);
  return {
    ...base,
    x: y,
    action: fallback === 'log-ct' ? 'log' : 'transformed',
    transform: fallback,
    skewAfter: after.sk,
    kurtosisAfter: after.kt,
    winsorised: nwin,
    high,
    low,
  };
}

/**
 * A transform method (`boxcox`, `log-ct`...): applied to an indicator that fails the skewness
 * and kurtosis test, or to every one with `when: always` (COINr's `Treat` with the transform as
 * `f1`). The test statistics before and after are reported either way.
 */
function transformVector(
  input: Float64Array,
  o: TreatOptions,
  name: TransformName,
): VectorTreatment {
  const first = passes(input, o);
  const base = {
    skew: first.sk,
    kurtosis: first.kt,
    skewAfter: first.sk,
    kurtosisAfter: first.kt,
    winsorised: 0,
    high: [] as number[],
    low: [] as number[],
  };
  if (o.when !== 'always') {
    if (first.pass === undefined) return { ...base, x: input, action: 'skipped' };
    if (first.pass) return { ...base, x: input, action: 'none' };
  }
  const y = applyTransform(name, input, o);
  const after = passes(y, o);
  return {
    ...base,
    x: y,
    action: 'transformed',
    transform: name,
    skewAfter: after.sk,
    kurtosisAfter: after.kt,
  };
}

/**
 * Outlier treatment of every indicator, within each period (COINr's `Treat` with its default
 * specs; see {@link treatVector}). `method: none` passes the data on unchanged, as `global_specs =
 * "none"`; so does a run where every indicator passes the test (data sets are never modified,
 * so the treated set then shares the input's values).
 *
 * @example
 * ```ts
 * const { log } = treat(ctx, screened, { method: 'default', winmax: 5, skewThreshold: 2, kurtosisThreshold: 3.5 });
 * log.indicators.filter((t) => t.action === 'log').map((t) => t.code); //=> [...]
 * ```
 */
export function treat(
  ctx: CompositeContext,
  ds: Dataset,
  options: TreatOptions,
): StepResult<TreatLog> {
  const n = ds.rows.length;
  const indicators: TreatedIndicator[] = [];
  const issues: Issue[] = [];
  if (options.method === 'none') return { dataset: ds, log: { step: 'treat', indicators }, issues };
  if (
    (options.method === 'boxcox' ||
      (options.method === 'default' && options.fallback === 'boxcox')) &&
    options.lambda === undefined
  ) {
    issues.push(
      createIssue(
        'COMPOSITE_SPEC_INVALID',
        { detail: 'treat: method "boxcox" needs a lambda (e.g. lambda: 0.5; 0 is the log).' },
        { path: ['lambda'] },
      ),
    );
    return { dataset: ds, log: { step: 'treat', indicators }, issues };
  }
  const exclude = new Set(options.exclude ?? []);
  const groups = sharedPeriodGroups(ctx.units, ds.rows);
  const src = ds.values;
  // The test first (skewness and kurtosis only); the vectors that fail it, or that a transform
  // always applies to, go through treatVector.
  const testFirst = !(options.method !== 'default' && options.when === 'always');
  // Copied on the first change: when every indicator passes, the input's values are passed on.
  let out: Float64Array | undefined;
  // One entry per period and indicator, periods first (the log's order), filled column by column.
  const entries: (TreatedIndicator | undefined)[] = new Array(groups.length * ds.codes.length);
  const unitOf = (positions: Int32Array) => (i: number) =>
    ctx.units.codes[ds.rows[positions[i] as number] as number] as string;
  let longest = 0;
  for (const g of groups) longest = Math.max(longest, g.positions.length);
  const buffer = new Float64Array(longest);
  // Column by column (the column stays in cache across its periods).
  for (let c = 0; c < ds.codes.length; c++) {
    const code = ds.codes[c] as string;
    if (exclude.has(code)) continue;
    const base = c * n;
    for (let g = 0; g < groups.length; g++) {
      const { period, positions } = groups[g] as PeriodGroup;
      const x = buffer.length === positions.length ? buffer : buffer.subarray(0, positions.length);
      for (let i = 0; i < positions.length; i++)
        x[i] = src[base + (positions[i] as number)] as number;
      if (testFirst) {
        const { skew, kurt: kurtosis } = skewKurtosisOf(x);
        const pass = testPasses(skew, kurtosis, options);
        if (pass !== false) {
          entries[g * ds.codes.length + c] = {
            code,
            period,
            skew,
            kurtosis,
            skewAfter: skew,
            kurtosisAfter: kurtosis,
            action: pass === undefined ? 'skipped' : 'none',
            winsorised: 0,
            high: [],
            low: [],
          };
          continue;
        }
      }
      const t = treatVector(x, options);
      if (t.action === 'winsorised' || t.action === 'log' || t.action === 'transformed') {
        out ??= src.slice();
        for (let i = 0; i < positions.length; i++)
          out[base + (positions[i] as number)] = t.x[i] as number;
      }
      entries[g * ds.codes.length + c] = {
        code,
        period,
        skew: t.skew,
        kurtosis: t.kurtosis,
        skewAfter: t.skewAfter,
        kurtosisAfter: t.kurtosisAfter,
        action: t.action,
        winsorised: t.winsorised,
        high: t.high.map(unitOf(positions)),
        low: t.low.map(unitOf(positions)),
        ...(t.transform !== undefined ? { transform: t.transform } : {}),
      };
    }
  }
  for (const e of entries) {
    if (e === undefined) continue;
    indicators.push(e);
    if (e.action === 'skipped') {
      issues.push(
        createIssue(
          'COMPOSITE_TREAT_SKIPPED',
          { code: e.code, period: e.period },
          { severity: 'warning' },
        ),
      );
    }
  }
  return {
    dataset: out ? { rows: ds.rows, codes: ds.codes, values: out } : ds,
    log: { step: 'treat', indicators },
    issues,
  };
}
