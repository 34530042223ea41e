import { formatScore } from '../engine/result/round.js';

/**
 * Scores print through the engine's `formatScore`: rounded half away from zero to `decimals`
 * places, only on output, negative zero printed as zero, empty scores as `''`.
 */
export { formatScore };

/**
 * Formats a change with an explicit sign (a true minus sign for declines), rounded like
 * {@link formatScore}; a change that rounds to zero prints unsigned.
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
