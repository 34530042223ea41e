import tcdf from '@stdlib/stats-base-dists-t-cdf';
import type { Dataset } from '../data/types.js';
import { type CorrelationMethod, correlationMatrix } from './correlation.js';

/**
 * Two-sided p-value of a correlation r over n pairs, from Student's t with n - 2 degrees of
 * freedom, t = r sqrt((n - 2) / (1 - r^2)): R's `cor.test` for Pearson (and its asymptotic
 * t approximation for Spearman, `exact = FALSE`). NaN when n < 3 or r is NaN.
 *
 * @example
 * ```ts
 * correlationPValue(0.5, 12); //=> 0.0979 (R: cor.test gives the same for r = 0.5, n = 12)
 * ```
 */
export function correlationPValue(r: number, n: number): number {
  if (!(n >= 3) || Number.isNaN(r)) return Number.NaN;
  if (Math.abs(r) >= 1) return 0;
  const df = n - 2;
  const t = r * Math.sqrt(df / (1 - r * r));
  return Math.min(1, 2 * tcdf(-Math.abs(t), df));
}

/** Result of {@link correlationPValues}: the correlations, their p-values and pair counts. */
export interface CorrelationPValues {
  codes: string[];
  r: number[][];
  p: number[][];
  n: number[][];
}

/**
 * Correlations of the given columns with their p-values (COINr `get_pvals`, which runs R's
 * `cor.test` on every pair): pairwise complete rows, p = 0 on the diagonal as COINr sets it,
 * NaN where a column has no values. Spearman p-values use the t approximation (R's `cor.test`
 * computes exact ones for small samples without ties).
 *
 * @example
 * ```ts
 * correlationPValues(normalised, ['Goods', 'Services']).p[0][1]; //=> 1.2e-9
 * ```
 */
export function correlationPValues(
  ds: Dataset,
  codes: readonly string[],
  method: CorrelationMethod = 'pearson',
): CorrelationPValues {
  const nr = ds.rows.length;
  const r = correlationMatrix(ds, codes, method);
  const cols = codes.map((c) => {
    const j = ds.codes.indexOf(c);
    return j < 0 ? new Float64Array(nr).fill(Number.NaN) : ds.values.subarray(j * nr, j * nr + nr);
  });
  const n = cols.map((x) =>
    cols.map((y) => {
      let k = 0;
      for (let i = 0; i < nr; i++)
        if (!Number.isNaN(x[i] as number) && !Number.isNaN(y[i] as number)) k++;
      return k;
    }),
  );
  const p = r.map((row, i) =>
    row.map((v, j) => (i === j ? 0 : correlationPValue(v, (n[i] as number[])[j] as number))),
  );
  return { codes: [...codes], r, p, n };
}
