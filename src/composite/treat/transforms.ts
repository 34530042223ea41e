import { momentsOf } from '../_lib/stats.js';

/**
 * The transforms COINr 1.1.14 offers for skewed indicators (`R/treat.R`), each over a vector
 * with NaN for missing values (left missing; minima and maxima over the values present):
 *
 * - `boxcox` (COINr `boxcox`): (x^lambda - 1) / lambda, or log x for lambda = 0; with
 *   `makePositive` (default, COINr's `makepos`) x is first shifted to x - min + 1;
 * - `log-ct` (`log_CT`, the default fallback of the treatment): log(x - min + 0.01 (max - min));
 * - `log-ct-plus` (`log_CT_plus`): `log-ct` when the skewness is positive, else the mirror
 *   -log(max + 0.01 (max - min) - x), so negative skew is reduced too;
 * - `log-ct-orig` (`log_CT_orig`, the COIN Tool's original): log(x - min + 1);
 * - `log-gii` (`log_GII`, the Global Innovation Index's): log((max - 1)(x - min) / (max - min) + 1).
 *   COINr itself returns the input unchanged from `log_GII` (its result is computed but not
 *   returned) and advises against it, since it reverses the order when max < 1; here the
 *   formula is applied as documented.
 */
export const transformNames = [
  'boxcox',
  'log-ct',
  'log-ct-plus',
  'log-ct-orig',
  'log-gii',
] as const;
/** A transform name. */
export type TransformName = (typeof transformNames)[number];

function range(x: Float64Array): [number, number] {
  let mn = Number.POSITIVE_INFINITY;
  let mx = Number.NEGATIVE_INFINITY;
  for (const v of x) {
    if (Number.isNaN(v)) continue;
    if (v < mn) mn = v;
    if (v > mx) mx = v;
  }
  return [mn, mx];
}

/**
 * Box-Cox transform (COINr `boxcox`, no optimisation of lambda): (x^lambda - 1) / lambda, log x
 * for lambda = 0, after shifting to x - min + 1 when `makePositive` (the default). Without the
 * shift, non-positive values give NaN for non-integer lambda, as in R.
 *
 * @example
 * ```ts
 * boxcox(Float64Array.of(0, 1, 3), 2); //=> Float64Array [0, 1.5, 7.5] (shifted to 1, 2, 4)
 * ```
 */
export function boxcox(x: Float64Array, lambda: number, makePositive = true): Float64Array {
  const [mn] = range(x);
  return x.map((v) => {
    const y = makePositive ? v - mn + 1 : v;
    return lambda === 0 ? Math.log(y) : (y ** lambda - 1) / lambda;
  });
}

/**
 * Applies one of COINr's transforms by name (see the module comment); `lambda` is for `boxcox`.
 *
 * @example
 * ```ts
 * applyTransform('log-ct-orig', Float64Array.of(1, 2, 3)); //=> Float64Array [0, log 2, log 3]
 * ```
 */
export function applyTransform(
  name: TransformName,
  x: Float64Array,
  o: { lambda?: number | undefined; makePositive?: boolean | undefined } = {},
): Float64Array {
  const [mn, mx] = range(x);
  const a = 0.01 * (mx - mn);
  switch (name) {
    case 'boxcox':
      return boxcox(x, o.lambda ?? 1, o.makePositive ?? true);
    case 'log-ct':
      return x.map((v) => Math.log(v - mn + a));
    case 'log-ct-plus':
      return momentsOf(x).skew > 0
        ? x.map((v) => Math.log(v - mn + a))
        : x.map((v) => -Math.log(mx + a - v));
    case 'log-ct-orig':
      return x.map((v) => Math.log(v - mn + 1));
    case 'log-gii':
      return x.map((v) => Math.log(((mx - 1) * (v - mn)) / (mx - mn) + 1));
  }
}
