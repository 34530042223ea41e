/**
 * A small dense simplex for the linear programmes of benefit-of-the-doubt aggregation:
 *
 *   maximise c·x  subject to  A x <= b,  x >= 0,  with b >= 0.
 *
 * Every benefit-of-the-doubt programme has this form (the right-hand sides are 1 for the
 * "no unit scores above 1" rows and 0 for the share restrictions), so the origin is always
 * feasible and one phase from the slack basis suffices: no phase 1, no equality rows. Pivots
 * follow Bland's rule (lowest index enters; ties in the ratio test leave by lowest basic
 * index), which cannot cycle on the degenerate vertices the zero right-hand sides create.
 * Why not a package: the programmes are tiny (units + 2 x children rows, children columns)
 * and synchronous; GLPK's and HiGHS's WebAssembly builds load asynchronously and are large
 * (GLPK is also GPL), and javascript-lp-solver has had no release for years.
 */

/** Result of {@link simplexMax}. */
export interface LpResult {
  /** `optimal`, or `unbounded` when the objective can grow without limit. */
  status: 'optimal' | 'unbounded';
  /** The maximum of c·x (Infinity when unbounded). */
  value: number;
  /** An optimal x (zeros when unbounded). */
  x: Float64Array;
}

/**
 * Maximises `c·x` subject to `A x <= b`, `x >= 0`, for `b >= 0` (see the module comment).
 * `a` holds the rows of A. Throws a RangeError when some `b` is negative or the sizes differ.
 *
 * @example
 * ```ts
 * // max 3x + 2y  s.t.  x + y <= 4,  x + 3y <= 6,  x <= 3
 * simplexMax([3, 2], [[1, 1], [1, 3], [1, 0]], [4, 6, 3]).value; //=> 11 (x = 3, y = 1)
 * ```
 */
export function simplexMax(
  c: ArrayLike<number>,
  a: readonly ArrayLike<number>[],
  b: ArrayLike<number>,
): LpResult {
  const n = c.length;
  const m = a.length;
  if (b.length !== m) throw new RangeError('simplexMax: A and b have different row counts');
  const width = n + m + 1;
  // Tableau rows 0..m-1: [A | I | b]; row m: [-c | 0 | 0].
  const t = new Float64Array((m + 1) * width);
  let scale = 0;
  for (let i = 0; i < m; i++) {
    const row = a[i] as ArrayLike<number>;
    if (row.length !== n) throw new RangeError(`simplexMax: row ${i} has ${row.length} entries`);
    const bi = b[i] as number;
    if (!(bi >= 0)) throw new RangeError(`simplexMax: b[${i}] = ${bi} is negative`);
    for (let j = 0; j < n; j++) {
      const v = row[j] as number;
      t[i * width + j] = v;
      scale = Math.max(scale, Math.abs(v));
    }
    t[i * width + n + i] = 1;
    t[i * width + width - 1] = bi;
  }
  for (let j = 0; j < n; j++) t[m * width + j] = -(c[j] as number);
  const eps = 1e-12 * Math.max(1, scale);
  const basis = Int32Array.from({ length: m }, (_, i) => n + i);
  const maxIter = 50 * (n + m) + 1000;
  for (let iter = 0; iter < maxIter; iter++) {
    let enter = -1;
    for (let j = 0; j < n + m; j++) {
      if ((t[m * width + j] as number) < -eps) {
        enter = j;
        break;
      }
    }
    if (enter < 0) {
      const x = new Float64Array(n);
      for (let i = 0; i < m; i++) {
        const bv = basis[i] as number;
        if (bv < n) x[bv] = t[i * width + width - 1] as number;
      }
      return { status: 'optimal', value: t[m * width + width - 1] as number, x };
    }
    let leave = -1;
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < m; i++) {
      const p = t[i * width + enter] as number;
      if (p <= eps) continue;
      const ratio = (t[i * width + width - 1] as number) / p;
      if (
        ratio < best - 1e-15 ||
        (Math.abs(ratio - best) <= 1e-15 && (basis[i] as number) < (basis[leave] as number))
      ) {
        best = ratio;
        leave = i;
      }
    }
    if (leave < 0)
      return { status: 'unbounded', value: Number.POSITIVE_INFINITY, x: new Float64Array(n) };
    const pr = leave * width;
    const pv = t[pr + enter] as number;
    for (let j = 0; j < width; j++) t[pr + j] = (t[pr + j] as number) / pv;
    for (let i = 0; i <= m; i++) {
      if (i === leave) continue;
      const r = i * width;
      const f = t[r + enter] as number;
      if (f === 0) continue;
      for (let j = 0; j < width; j++) t[r + j] = (t[r + j] as number) - f * (t[pr + j] as number);
    }
    basis[leave] = enter;
  }
  // Bland's rule terminates; reaching here means the iteration bound is far too small.
  throw new Error('simplexMax: iteration limit reached');
}
