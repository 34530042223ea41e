/**
 * Aggregation methods of the scoring engine, by name. The functions themselves, with their
 * conventions, live in `src/math/means.ts`, shared with the composite toolkit.
 */
import type { AggregationMethod } from '../../framework/schema/common.js';
import { amean, genmean, gmean, hmean, median, min } from '../../math/means.js';

export { amean, genmean, gmean, hmean, median, min };

/** An aggregation function: values and weights of the children present, their count, `p`. */
export type Aggregator = (
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  n: number,
  p: number,
) => number;

/** The methods the engine implements (COINr's `copeland` is the composite toolkit's). */
export type EngineAggregationMethod = Exclude<AggregationMethod, 'copeland'>;

/** Every engine aggregation method, by name. */
export const aggregators: Readonly<Record<EngineAggregationMethod, Aggregator>> = {
  amean,
  gmean,
  hmean,
  genmean,
  median,
  min,
};

/**
 * Whether a method is one the engine implements.
 *
 * @example
 * ```ts
 * isEngineMethod('copeland'); //=> false
 * ```
 */
export function isEngineMethod(method: AggregationMethod): method is EngineAggregationMethod {
  return method in aggregators;
}

/**
 * Whether the method is a mean that never decreases when one value rises (all of them here),
 * and whether a child's contribution `w x / sum(w)` adds up to the aggregate (only `amean`).
 *
 * @example
 * ```ts
 * isAdditive('amean'); //=> true
 * ```
 */
export function isAdditive(method: AggregationMethod): boolean {
  return method === 'amean';
}
