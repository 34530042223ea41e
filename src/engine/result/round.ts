/**
 * Rounds half away from zero to `decimals` places (`round(2.25, 1) = 2.3`, `round(-2.25, 1) =
 * -2.3`), the convention of printed statistics and of spreadsheets' `ROUND`; unlike
 * `Math.round`, which rounds half up (`-2.5` to `-2`). This is IEEE 754-2008's
 * `roundTiesToAway` mode, the "commercial rounding" of DIN 1333. The value is first nudged by its binary
 * representation error (`Number.EPSILON` scaled), so that `1.005` rounds to `1.01` as written.
 * Scores are kept at full precision everywhere; only output rounds.
 *
 * @example
 * ```ts
 * roundHalfAwayFromZero(72.45, 1); //=> 72.5
 * roundHalfAwayFromZero(-0.5, 0);  //=> -1
 * roundHalfAwayFromZero(1.005, 2); //=> 1.01
 * ```
 */
export function roundHalfAwayFromZero(value: number, decimals = 1): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const nudged = scaled * (1 + Number.EPSILON);
  const rounded = Math.floor(nudged + 0.5) / factor;
  return value < 0 ? -rounded : rounded;
}

/**
 * Formats a score for display: rounded half away from zero to `decimals` places with exactly
 * that many digits; an empty score prints as `''`.
 *
 * @example
 * ```ts
 * formatScore(72.45, 1); //=> '72.5'
 * formatScore(null, 1);  //=> ''
 * ```
 */
export function formatScore(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const r = roundHalfAwayFromZero(value, decimals);
  return (Object.is(r, -0) ? 0 : r).toFixed(decimals);
}
