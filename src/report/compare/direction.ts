/**
 * Which way a change goes, and the tolerance under which it counts as held: shared by
 * `compare` and the HTML report (kept apart from the comparison itself, so that the report's
 * renderer does not load the result schema the comparison checks against).
 */

/**
 * Which way a score moved between two periods.
 *
 * @example
 * ```ts
 * const d: ChangeDirection = changeDirection(2.5, 0.05); //=> 'improved'
 * ```
 */
export type ChangeDirection = 'improved' | 'held' | 'declined';

/**
 * The direction of a change under a tolerance: `held` when |change| ≤ tolerance.
 *
 * @example
 * ```ts
 * changeDirection(2.5, 0.05); //=> 'improved'
 * changeDirection(0.04, 0.05); //=> 'held'
 * ```
 */
export function changeDirection(change: number, tolerance: number): ChangeDirection {
  if (Math.abs(change) <= tolerance) return 'held';
  return change > 0 ? 'improved' : 'declined';
}

/**
 * The default tolerance for `decimals` display decimals: half of the last decimal.
 *
 * @example
 * ```ts
 * defaultTolerance(1); //=> 0.05
 * ```
 */
export function defaultTolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}
