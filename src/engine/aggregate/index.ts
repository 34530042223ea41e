/**
 * Aggregation methods of the scoring engine: small pure functions over the first `n` entries of
 * a values array and a weights array (the children present), each documented with its
 * convention. The composite toolkit keeps its own COINr-exact versions; these are the simple
 * ones the questionnaire engine needs.
 */
import type { AggregationMethod } from '../../framework/schema/common.js';
import { amean } from './amean.js';
import { genmean } from './genmean.js';
import { gmean } from './gmean.js';
import { hmean } from './hmean.js';
import { median } from './median.js';
import { min } from './min.js';

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
