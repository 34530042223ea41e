import {
  evaluationProblem,
  optionsProblem,
  planProblem,
  preparedProblem,
  throwIfAny,
} from '../../errors/args.js';
import { type RankOptions, rankInto, rankScratch } from '../../math/rank.js';
import type { Plan } from '../compile/index.js';
import type { Evaluation } from '../evaluate/index.js';
import type { PreparedAnswers } from '../prepare/index.js';

/** Scores closer than this share a rank, so that sums taken in a different order still tie. */
export const RANK_TOLERANCE = 1e-9;

/** The engine's ranking: competition ranks, best first, within {@link RANK_TOLERANCE}, 0 = none. */
const ENGINE_RANKS = {
  descending: true,
  ties: 'min',
  tolerance: RANK_TOLERANCE,
  missing: 0,
} as const satisfies RankOptions;

/**
 * Competition ranking ("1224"): within a group, the highest score ranks 1, and tied scores share
 * the best rank of their tie, the next rank skipping as many places as were tied. Scores within
 * {@link RANK_TOLERANCE} tie. Empty scores get rank 0 (none). This is "standard competition
 * ranking" (R's `rank(-x, ties.method = "min")`), the convention COINr's `rank_df` uses; the
 * ranking itself is `src/math/rank.ts`'s.
 *
 * @example
 * ```ts
 * competitionRanks(Float64Array.of(90, 70, 90, NaN)); //=> Int32Array [1, 3, 1, 0]
 * ```
 */
export function competitionRanks(scores: ArrayLike<number>): Int32Array {
  const out = new Int32Array(scores.length);
  rankInto(scores, 0, scores.length, out, 0, rankScratch(scores.length), ENGINE_RANKS);
  return out;
}

/**
 * Ranks every scored node's units within each period (rows of one period are contiguous), by
 * {@link competitionRanks}. Nodes that report a value rather than a score are not ranked;
 * `aggregatesOnly` skips indicators and sub-questions (re-scoring loops that only need the
 * ranks of aggregates).
 * Returns node-major ranks (0 = none).
 *
 * @example
 * ```ts
 * const ranks = rankUnits(plan, prepared, evaluation);
 * ranks[plan.nodeIndex.get('overall')! * evaluation.rows]; //=> rank of the first row
 * ```
 */
export function rankUnits(
  plan: Plan,
  prepared: PreparedAnswers,
  evaluation: Evaluation,
  options: { aggregatesOnly?: boolean } = {},
): Int32Array {
  throwIfAny(
    planProblem('rankUnits', 'plan', plan),
    preparedProblem('rankUnits', 'prepared', prepared),
    evaluationProblem('rankUnits', 'evaluation', evaluation),
    optionsProblem('rankUnits', 'options', options, { aggregatesOnly: 'boolean' }),
  );
  const R = evaluation.rows;
  const ranks = new Int32Array(plan.nodes.length * R);
  const starts: number[] = [];
  for (let r = 0; r < R; r++)
    if (r === 0 || prepared.rowPeriod[r] !== prepared.rowPeriod[r - 1]) starts.push(r);
  starts.push(R);
  let widest = 0;
  for (let k = 0; k + 1 < starts.length; k++) {
    widest = Math.max(widest, (starts[k + 1] as number) - (starts[k] as number));
  }
  const scratch = rankScratch(widest);
  for (const node of plan.nodes) {
    if (node.ruleObject && !node.ruleObject.scores) continue;
    if (options.aggregatesOnly && node.ruleObject) continue;
    const base = node.index * R;
    for (let k = 0; k + 1 < starts.length; k++) {
      const a = starts[k] as number;
      const b = starts[k + 1] as number;
      rankInto(evaluation.score, base + a, base + b, ranks, base + a, scratch, ENGINE_RANKS);
    }
  }
  return ranks;
}
