/**
 * Mazziotta-Pareto indices (Mazziotta and Pareto 2016, "On a generalized non-compensatory
 * composite index for measuring socio-economic phenomena", Social Indicators Research 127;
 * Compind's `ci_mpi` and `ci_ampi`). Both penalise a unit's mean component by the spread of
 * its components: score = M - S * cv (the "negative penalty", for an index where more is
 * better) or M + S * cv (for one where more is worse), with M, S and cv = S / M the mean,
 * population standard deviation and coefficient of variation of the unit's components.
 * Note M - S cv = M (1 - cv^2), the form Compind's `ci_mpi` writes.
 *
 * Weights: the authors' index is unweighted; here M and S are weighted by the children's
 * rescaled weights (the plain definition when the weights are equal, as in iMeta by default).
 */

/** `positive`: more is better, the penalty is subtracted; `negative`: more is worse, added. */
export type MpiPolarity = 'positive' | 'negative';

/** Weighted mean, population standard deviation and the penalised score of one unit. */
function penalised(z: readonly number[], w: readonly number[], polarity: MpiPolarity): number {
  let ws = 0;
  let m = 0;
  for (let i = 0; i < z.length; i++) {
    ws += w[i] as number;
    m += (w[i] as number) * (z[i] as number);
  }
  if (ws <= 0) return Number.NaN;
  m /= ws;
  let v = 0;
  for (let i = 0; i < z.length; i++) v += ((w[i] as number) / ws) * ((z[i] as number) - m) ** 2;
  const s = Math.sqrt(v);
  const penalty = m === 0 ? 0 : (s * s) / m;
  return polarity === 'positive' ? m - penalty : m + penalty;
}

/** Row-wise penalised scores over transformed columns (NaN = missing, left out). */
function rowScores(
  z: readonly Float64Array[],
  weights: readonly number[],
  polarity: MpiPolarity,
): Float64Array {
  const nu = z[0]?.length ?? 0;
  const out = new Float64Array(nu);
  for (let u = 0; u < nu; u++) {
    const x: number[] = [];
    const w: number[] = [];
    z.forEach((col, j) => {
      const v = col[u] as number;
      if (Number.isNaN(v)) return;
      x.push(v);
      w.push(weights[j] as number);
    });
    out[u] = x.length === 0 ? Number.NaN : penalised(x, w, polarity);
  }
  return out;
}

/**
 * Mazziotta-Pareto Index (MPI) of units over children: each child column is standardised to
 * mean 100 and standard deviation 10 across the units given, z = 100 + 10 (x - mean) / sd
 * with the population standard deviation (divisor n), as the authors define it; then each
 * unit scores M -/+ S cv over its z values (see the module comment). A column with no spread
 * standardises to 100. Directions must already be applied (as the normalise step does).
 * `cols[j][u]` is child j of unit u; call it once per period (the standardisation is
 * cross-sectional).
 *
 * @example
 * ```ts
 * // z of unit 0: (110, 90): M = 100, S = 10, cv = 0.1, so MPI = 100 - 10 * 0.1 = 99.
 * mpi([Float64Array.of(2, 0), Float64Array.of(0, 2)], [1, 1], 'positive'); //=> Float64Array [99, 99]
 * ```
 */
export function mpi(
  cols: readonly Float64Array[],
  weights: readonly number[],
  polarity: MpiPolarity = 'positive',
): Float64Array {
  const z = cols.map((col) => {
    let n = 0;
    let s = 0;
    for (const v of col) {
      if (Number.isNaN(v)) continue;
      n++;
      s += v;
    }
    const m = s / n;
    let ss = 0;
    for (const v of col) if (!Number.isNaN(v)) ss += (v - m) ** 2;
    const sd = Math.sqrt(ss / n);
    return col.map((v) => (Number.isNaN(v) ? v : sd > 0 ? 100 + (10 * (v - m)) / sd : 100));
  });
  return rowScores(z, weights, polarity);
}

/**
 * Adjusted Mazziotta-Pareto Index (AMPI, Mazziotta and Pareto 2016; Compind's `ci_ampi`),
 * comparable across periods: each child is rescaled to about [70, 130] with goalposts
 * centred on a reference value, r = 70 + 60 (x - (ref - d)) / (2 d), where d = (max - min) / 2
 * over every unit and period given (so a unit at the reference scores 100 and the whole range
 * spans 60 points); then each unit scores M -/+ S cv over its r values with the population
 * standard deviation. `references[j]` is child j's reference value (the authors suggest, e.g.,
 * its mean in a base year). A child with no spread rescales to 100.
 *
 * @example
 * ```ts
 * // min 0, max 10, reference 5: r = 70 + 6x; unit 0 gets (100, 100), unit 1 (130, 70).
 * ampi([Float64Array.of(5, 10, 0), Float64Array.of(5, 0, 10)], [1, 1], [5, 5], 'positive')[1]; //=> 100 - 30 * 0.3 = 91
 * ```
 */
export function ampi(
  cols: readonly Float64Array[],
  weights: readonly number[],
  references: readonly number[],
  polarity: MpiPolarity = 'positive',
): Float64Array {
  const r = cols.map((col, j) => {
    let mn = Number.POSITIVE_INFINITY;
    let mx = Number.NEGATIVE_INFINITY;
    for (const v of col) {
      if (Number.isNaN(v)) continue;
      if (v < mn) mn = v;
      if (v > mx) mx = v;
    }
    const d = (mx - mn) / 2;
    const ref = references[j] as number;
    return col.map((v) =>
      Number.isNaN(v) ? v : d > 0 ? 70 + (60 * (v - (ref - d))) / (2 * d) : 100,
    );
  });
  return rowScores(r, weights, polarity);
}
