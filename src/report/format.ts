import { round } from 'mathjs';

/**
 * Rounds for display, half away from zero (2.25 → 2.3, -2.25 → -2.3), the convention of the
 * whole library: scores are kept at full precision and rounded only on output. mathjs's
 * `round` implements it and corrects binary representation error (1.005 → 1.01), which
 * `Number.prototype.toFixed` does not. A negative zero is printed as zero.
 *
 * @example
 * ```ts
 * formatScore(62.25, 1); //=> '62.3'
 * formatScore(-0.04, 1); //=> '0.0'
 * formatScore(null, 1);  //=> ''
 * ```
 */
export function formatScore(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const r = round(value, decimals) as number;
  return (r === 0 ? 0 : r).toFixed(decimals);
}

/**
 * Formats a change with an explicit sign, rounded like {@link formatScore}.
 *
 * @example
 * ```ts
 * formatChange(12.345, 1); //=> '+12.3'
 * formatChange(-3, 1);     //=> '−3.0'
 * formatChange(0.01, 1);   //=> '0.0'
 * ```
 */
export function formatChange(value: number | null | undefined, decimals: number): string {
  const text = formatScore(value, decimals);
  if (text === '' || Number(text) === 0) return text;
  return text.startsWith('-') ? `−${text.slice(1)}` : `+${text}`;
}
