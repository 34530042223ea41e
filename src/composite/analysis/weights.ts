import { meanOf, sdOf } from '../../math/summary.js';
import type { CompositeMeta, Dataset } from '../data/types.js';

/**
 * Effective weight of every indicator and aggregate in the index: the product of its weight
 * share among its siblings and its ancestors' shares (COINr `get_eff_weights`). Effective
 * weights of the indicators sum to 1 (per top-level aggregate).
 *
 * @example
 * ```ts
 * effectiveWeights(data.meta).LPI; //=> 1/8 * 1/5 * 1/2 = 0.0125 for ASEM
 * ```
 */
export function effectiveWeights(
  meta: CompositeMeta,
  weights?: Readonly<Record<string, number>>,
): Record<string, number> {
  const w = (code: string, fallback: number) => weights?.[code] ?? fallback;
  const byParent = new Map<string, { code: string; weight: number }[]>();
  for (const n of meta.nodes) {
    if (n.parent === undefined) continue;
    const list = byParent.get(n.parent) ?? [];
    list.push({ code: n.code, weight: w(n.code, n.weight) });
    byParent.set(n.parent, list);
  }
  const out: Record<string, number> = {};
  const visit = (code: string, share: number) => {
    out[code] = share;
    const kids = byParent.get(code) ?? [];
    const total = kids.reduce((s, k) => s + k.weight, 0);
    for (const k of kids) visit(k.code, total > 0 ? (share * k.weight) / total : 0);
  };
  for (const top of meta.nodes.filter((n) => n.parent === undefined)) visit(top.code, 1);
  return out;
}

/** Result of {@link pcaWeights}. */
export interface PcaWeights {
  /** Loadings of the first principal component, by code: COINr's PCA weights. */
  weights: Record<string, number>;
  /** Share of the total variance the first component explains. */
  explained: number;
  /** Rows used (complete cases). */
  rows: number;
}

/**
 * PCA weights (COINr `get_PCA`): the loadings of the first principal component of the
 * standardised columns (`prcomp(center = TRUE, scale = TRUE)`), i.e. the leading eigenvector of
 * the correlation matrix, over rows with no missing value. The eigenvector comes from power
 * iteration (to 1e-12 or 10,000 steps). Its sign is arbitrary in R; here it is chosen so the
 * loadings sum to a positive number, so weights are positive when indicators agree.
 *
 * @example
 * ```ts
 * pcaWeights(normalised, ['Goods', 'Services', 'FDI']).weights; //=> { Goods: 0.6, Services: 0.6, FDI: 0.5 }
 * ```
 */
export function pcaWeights(ds: Dataset, codes: readonly string[]): PcaWeights {
  const n = ds.rows.length;
  const cols = codes.map((c) => ds.codes.indexOf(c));
  const complete: number[] = [];
  for (let r = 0; r < n; r++) {
    if (cols.every((c) => c >= 0 && !Number.isNaN(ds.values[c * n + r] as number)))
      complete.push(r);
  }
  const k = codes.length;
  const z = cols.map((c) => {
    const x = Float64Array.from(complete, (r) => ds.values[c * n + r] as number);
    const m = meanOf(x);
    const s = sdOf(x);
    return x.map((v) => (v - m) / s);
  });
  const corr = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      let s = 0;
      const zi = z[i] as Float64Array;
      const zj = z[j] as Float64Array;
      for (let t = 0; t < complete.length; t++) s += (zi[t] as number) * (zj[t] as number);
      return s / (complete.length - 1);
    }),
  );
  let v = new Array<number>(k).fill(1 / Math.sqrt(k));
  let lambda = 0;
  for (let it = 0; it < 10_000; it++) {
    const next = corr.map((row) => row.reduce((s, a, j) => s + a * (v[j] as number), 0));
    const norm = Math.sqrt(next.reduce((s, a) => s + a * a, 0));
    const u = next.map((a) => a / norm);
    const diff = Math.sqrt(u.reduce((s, a, j) => s + (a - (v[j] as number)) ** 2, 0));
    v = u;
    lambda = norm;
    if (diff < 1e-12) break;
  }
  if (v.reduce((s, a) => s + a, 0) < 0) v = v.map((a) => -a);
  return {
    weights: Object.fromEntries(codes.map((c, i) => [c, v[i] as number])),
    explained: lambda / k,
    rows: complete.length,
  };
}
