/**
 * Variance-based sensitivity indices from the outputs of a Saltelli design, as COINr's
 * `SA_estimate` computes them (its estimators, re-derived from the papers):
 *
 * - first order, Saltelli et al. (2010), Table 2 (b): `S_i = mean(f(B) (f(AB_i) - f(A))) / V`;
 * - total order, Jansen (1999), Saltelli et al. (2010), Table 2 (f):
 *   `ST_i = sum((f(A) - f(AB_i))^2) / (2 N V)`;
 * - `V` is the sample variance (divisor n - 1) of `f(A)` and `f(B)` together.
 *
 * Confidence intervals come from a percentile bootstrap: each resample draws `N` base rows with
 * replacement (one draw per resample, shared by every factor, from stream
 * `(seed, bootstrap, b)`); `V` stays the full-sample variance, as in COINr; the bounds are the
 * 5th and 95th percentiles (R's type 7) of the resampled indices. Rows with a failed run (NaN)
 * are left out.
 */
import { quantiles7, varianceOf } from '../../math/summary.js';
import { createStream, streamPurpose } from '../rng/rng.js';

/**
 * The sensitivity indices of one factor.
 *
 * @example
 * ```ts
 * estimate.indices[0]; //=> { first: 0.2, total: 0.25, firstInterval: [0.1, 0.3], totalInterval: [0.2, 0.3] }
 * ```
 */
export interface SobolIndex {
  /** First-order index `S_i`: the share of output variance due to this factor alone. */
  first: number;
  /** Total-order index `ST_i`: the share due to this factor and all its interactions. */
  total: number;
  /** 5th-95th percentile bootstrap interval of `first`, when bootstrapped. */
  firstInterval?: [number, number];
  /** 5th-95th percentile bootstrap interval of `total`, when bootstrapped. */
  totalInterval?: [number, number];
}

/**
 * The indices of every factor and the output variance they apportion.
 *
 * @example
 * ```ts
 * sobolIndices(y, N, d, { bootstrap: 0, seed: 1 }).variance; //=> 0.71
 * ```
 */
export interface SobolEstimate {
  variance: number;
  indices: SobolIndex[];
  /** Base rows used (all finite outputs). */
  rows: number;
}

/**
 * Estimates first- and total-order indices from outputs `y` of a Saltelli design of `N` base
 * rows and `d` factors (`y.length === N (d + 2)`, ordered `A, B, AB_1 … AB_d`).
 *
 * @example
 * ```ts
 * // y = x1 + 2 x2 with uniform inputs: S = [0.2, 0.8]
 * sobolIndices(y, 10000, 2, { bootstrap: 0, seed: 1 }).indices.map((s) => s.first);
 * //=> [~0.2, ~0.8]
 * ```
 */
export function sobolIndices(
  y: ArrayLike<number>,
  samples: number,
  d: number,
  options: { bootstrap: number; seed: number },
): SobolEstimate {
  if (y.length !== samples * (d + 2)) {
    throw new RangeError(`Expected ${samples * (d + 2)} outputs (N (d + 2)), got ${y.length}.`);
  }
  const at = (block: number, i: number) => y[block * samples + i] as number;
  // Keep base rows whose every run gave a finite output.
  const rows: number[] = [];
  for (let i = 0; i < samples; i++) {
    let ok = true;
    for (let b = 0; b < d + 2 && ok; b++) ok = Number.isFinite(at(b, i));
    if (ok) rows.push(i);
  }
  const n = rows.length;
  const ab: number[] = [];
  for (const i of rows) ab.push(at(0, i), at(1, i));
  const variance = varianceOf(ab);

  // Per factor, the terms whose mean (first order) or mean square (total order) is the index.
  const firstTerms: Float64Array[] = [];
  const totalTerms: Float64Array[] = [];
  for (let j = 0; j < d; j++) {
    const f = new Float64Array(n);
    const t = new Float64Array(n);
    rows.forEach((i, k) => {
      const yA = at(0, i);
      const yB = at(1, i);
      const yAB = at(2 + j, i);
      f[k] = yB * (yAB - yA);
      t[k] = (yA - yAB) ** 2;
    });
    firstTerms.push(f);
    totalTerms.push(t);
  }
  const first = (terms: Float64Array, pick?: Int32Array) => {
    let s = 0;
    for (let k = 0; k < n; k++) s += terms[pick ? (pick[k] as number) : k] as number;
    return s / n / variance;
  };
  const total = (terms: Float64Array, pick?: Int32Array) => {
    let s = 0;
    for (let k = 0; k < n; k++) s += terms[pick ? (pick[k] as number) : k] as number;
    return s / (2 * n * variance);
  };
  const indices: SobolIndex[] = firstTerms.map((f, j) => ({
    first: first(f),
    total: total(totalTerms[j] as Float64Array),
  }));

  if (options.bootstrap > 0 && n > 0) {
    const bootFirst = indices.map(() => new Float64Array(options.bootstrap));
    const bootTotal = indices.map(() => new Float64Array(options.bootstrap));
    const pick = new Int32Array(n);
    for (let b = 0; b < options.bootstrap; b++) {
      const s = createStream(options.seed, streamPurpose.bootstrap, b);
      for (let k = 0; k < n; k++) pick[k] = Math.floor(s.next() * n);
      for (let j = 0; j < d; j++) {
        (bootFirst[j] as Float64Array)[b] = first(firstTerms[j] as Float64Array, pick);
        (bootTotal[j] as Float64Array)[b] = total(totalTerms[j] as Float64Array, pick);
      }
    }
    indices.forEach((index, j) => {
      index.firstInterval = quantiles7(bootFirst[j] as Float64Array, [0.05, 0.95]) as [
        number,
        number,
      ];
      index.totalInterval = quantiles7(bootTotal[j] as Float64Array, [0.05, 0.95]) as [
        number,
        number,
      ];
    });
  }
  return { variance, indices, rows: n };
}
