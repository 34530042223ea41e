/**
 * The composite's aggregation compiled for re-runs: the tree is resolved once into column
 * offsets and weight arrays, and each run only fills one reused buffer. The per-unit means are
 * the composite toolkit's own functions (`src/composite/aggregate/methods.ts`), so results are
 * identical to the `aggregate` step's; Copeland (which ranks across units) is left to the step
 * itself. Children whose weight a variant sets to zero are left out, as if missing (COINr's
 * `remove_elements` zeroes the weight).
 */
import * as m from '../../composite/aggregate/methods.js';
import { aggregationTree } from '../../composite/aggregate/tree.js';
import type { CompositeMeta } from '../../composite/data/types.js';
import type { CompositeAggregation } from '../../composite/pipeline/schema.js';

/**
 * Settings of one aggregation level.
 *
 * @example
 * ```ts
 * const s: CompiledLevelSettings = { method: 'gmean' };
 * ```
 */
export interface CompiledLevelSettings {
  method: CompositeAggregation;
  p?: number | undefined;
  threshold?: number | undefined;
}

/**
 * A compiled aggregation over data sets whose columns are `inputCodes`.
 *
 * @example
 * ```ts
 * compileAggregation(meta, codes).codes.at(-1); //=> 'Index'
 * ```
 */
export interface CompiledAggregation {
  /** Every column of the output: the inputs, then the aggregates in tree order. */
  readonly codes: readonly string[];
  /**
   * Aggregates `values` (`inputCodes.length × n`, column by column) into a buffer of
   * `codes.length × n` values, or returns null when a method cannot take a value (a geometric
   * mean of a non-positive value), as the step reports an error then.
   */
  run(
    values: Float64Array,
    n: number,
    settings: (level: number) => CompiledLevelSettings,
    weights?: ReadonlyMap<string, number>,
  ): Float64Array | null;
}

/**
 * Compiles the aggregation tree of `meta` over data sets with columns `inputCodes`, with
 * `baseWeights` (the step's replacement weights) over iMeta's.
 *
 * @example
 * ```ts
 * const agg = compileAggregation(meta, normalised.codes);
 * const out = agg.run(normalised.values, normalised.rows.length, () => ({ method: 'amean' }));
 * ```
 */
export function compileAggregation(
  meta: CompositeMeta,
  inputCodes: readonly string[],
  baseWeights?: Readonly<Record<string, number>>,
): CompiledAggregation {
  const tree = aggregationTree(meta, baseWeights);
  const codes = [...inputCodes, ...tree.map((g) => g.code)];
  const col = new Map(codes.map((c, i) => [c, i]));
  const groups = tree.map((g) => ({
    level: g.level,
    out: col.get(g.code) as number,
    children: Int32Array.from(g.children, (c) => col.get(c) ?? -1),
    childCodes: g.children,
    weights: Float64Array.from(g.weights),
  }));
  let buffer = new Float64Array(0);
  const xs = new Float64Array(Math.max(1, ...groups.map((g) => g.children.length)));
  const ws = new Float64Array(xs.length);

  return {
    codes,
    run(values, n, settings, weights) {
      if (buffer.length !== codes.length * n) buffer = new Float64Array(codes.length * n);
      buffer.set(values.subarray(0, inputCodes.length * n));
      for (const g of groups) {
        const s = settings(g.level);
        const w = weights
          ? Float64Array.from(g.childCodes, (c, j) => weights.get(c) ?? (g.weights[j] as number))
          : g.weights;
        const kids = g.children;
        const out = g.out * n;
        const positiveOnly =
          s.method === 'gmean' || (s.method === 'genmean' && (s.p as number) < 0);
        for (let r = 0; r < n; r++) {
          let k = 0;
          let present = 0;
          for (let j = 0; j < kids.length; j++) {
            const c = kids[j] as number;
            const v = c < 0 ? Number.NaN : (buffer[c * n + r] as number);
            if (Number.isNaN(v)) continue;
            present++;
            const wj = w[j] as number;
            if (wj === 0) continue;
            if (positiveOnly ? v <= 0 : s.method === 'hmean' && v === 0) return null;
            xs[k] = v;
            ws[k] = wj;
            k++;
          }
          if (k === 0 || (s.threshold !== undefined && present / kids.length < s.threshold)) {
            buffer[out + r] = Number.NaN;
            continue;
          }
          let y: number;
          switch (s.method) {
            case 'gmean':
              y = m.gmean(xs, ws, k);
              break;
            case 'hmean':
              y = m.hmean(xs, ws, k);
              break;
            case 'genmean':
              y = m.genmean(xs, ws, k, s.p as number);
              break;
            case 'median':
              y = m.median(xs, ws, k);
              break;
            default:
              y = m.amean(xs, ws, k);
          }
          buffer[out + r] = y;
        }
      }
      return buffer;
    },
  };
}
