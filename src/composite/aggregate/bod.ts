import { simplexMax } from './lp.js';

/** Share restriction of one child in {@link benefitOfTheDoubt}: its share of the unit's score. */
export type ShareBounds = readonly [lower: number, upper: number];

/** Result of {@link benefitOfTheDoubt}: per unit, the score and the weights chosen. */
export interface BodResult {
  /** Scores in [0, 1]; NaN where the unit has no child with a value. */
  scores: Float64Array;
  /** `weights[u][j]`: the weight unit u gives child j (0 where the child is missing). */
  weights: Float64Array[];
}

/**
 * Benefit-of-the-doubt scores (Cherchye, Moesen, Rogge and Van Puyenbroeck 2007, "An
 * introduction to 'benefit of the doubt' composite indicators", Social Indicators Research
 * 82; the OECD/JRC Handbook on Constructing Composite Indicators, 2008, section 6.1; Compind's
 * `ci_bod` and `ci_bod_constr`). For each unit u, with y[k][j] child j of unit k:
 *
 *   score(u) = max over w >= 0 of  sum_j w_j y[u][j]
 *              subject to  sum_j w_j y[k][j] <= 1  for every unit k (u included),
 *
 * i.e. the weights most favourable to u under which no unit scores above 1. With share
 * restrictions `bounds[j] = [lo, hi]`, the part of u's score that child j contributes,
 * w_j y[u][j] / score(u), must lie in [lo, hi] (Compind's `ci_bod_constr`, where the bounds
 * are the same for every child). Children missing for u are left out of u's programme; in the
 * other units' rows a missing value counts as 0. Values must be non-negative.
 * `cols[j][k]` is child j of unit k. Solved with the dense simplex of `lp.ts`.
 *
 * @example
 * ```ts
 * // Two units, two children: each is best on one, so both score 1.
 * benefitOfTheDoubt([Float64Array.of(1, 0.5), Float64Array.of(0.5, 1)]).scores; //=> Float64Array [1, 1]
 * ```
 */
export function benefitOfTheDoubt(
  cols: readonly Float64Array[],
  bounds?: readonly (ShareBounds | undefined)[],
): BodResult {
  const k = cols.length;
  const nu = cols[0]?.length ?? 0;
  // Columns scaled to a maximum of 1 keep the tableau well conditioned; weights scale back.
  const scale = cols.map((col) => {
    let mx = 0;
    for (const v of col) if (!Number.isNaN(v) && v > mx) mx = v;
    return mx > 0 ? mx : 1;
  });
  const y = (u: number, j: number) => {
    const v = (cols[j] as Float64Array)[u] as number;
    return Number.isNaN(v) ? 0 : v / (scale[j] as number);
  };
  const scores = new Float64Array(nu);
  const weights: Float64Array[] = [];
  for (let u = 0; u < nu; u++) {
    const present: number[] = [];
    for (let j = 0; j < k; j++)
      if (!Number.isNaN((cols[j] as Float64Array)[u] as number)) present.push(j);
    const w = new Float64Array(k);
    weights.push(w);
    if (present.length === 0) {
      scores[u] = Number.NaN;
      continue;
    }
    const c = present.map((j) => y(u, j));
    const rows: number[][] = [];
    const rhs: number[] = [];
    for (let v = 0; v < nu; v++) {
      rows.push(present.map((j) => y(v, j)));
      rhs.push(1);
    }
    present.forEach((j, p) => {
      const bj = bounds?.[j];
      if (bj === undefined) return;
      const [lo, hi] = bj;
      if (hi < 1) {
        // w_j y_uj <= hi * sum_l w_l y_ul
        rows.push(present.map((_, q) => (q === p ? (c[q] as number) : 0) - hi * (c[q] as number)));
        rhs.push(0);
      }
      if (lo > 0) {
        // lo * sum_l w_l y_ul <= w_j y_uj
        rows.push(present.map((_, q) => lo * (c[q] as number) - (q === p ? (c[q] as number) : 0)));
        rhs.push(0);
      }
    });
    const r = simplexMax(c, rows, rhs);
    // The row of u itself bounds the objective by 1, so the programme is never unbounded.
    scores[u] = Math.min(1, Math.max(0, r.value));
    present.forEach((j, p) => {
      w[j] = (r.x[p] as number) / (scale[j] as number);
    });
  }
  return { scores, weights };
}
