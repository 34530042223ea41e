import type { Plan } from '../compile/index.js';
import type { Evaluation } from '../evaluate/index.js';
import type { PreparedAnswers } from '../prepare/index.js';

/** Scores closer than this share a rank, so that sums taken in a different order still tie. */
export const RANK_TOLERANCE = 1e-9;

/** Up to this many distinct scores, ranks are counted rather than sorted. */
const MAX_DISTINCT = 16;

/**
 * Competition ranking ("1224"): within a group, the highest score ranks 1, and tied scores share
 * the best rank of their tie, the next rank skipping as many places as were tied. Scores within
 * {@link RANK_TOLERANCE} tie. Empty scores get rank 0 (none). This is "standard competition
 * ranking" (the "1224" scheme of sports results; R's `rank(-x, ties.method = "min")`), the
 * convention COINr's `rank_df` uses for ranks.
 *
 * @example
 * ```ts
 * competitionRanks(Float64Array.of(90, 70, 90, NaN)); //=> Int32Array [1, 3, 1, 0]
 * ```
 */
export function competitionRanks(scores: ArrayLike<number>): Int32Array {
  const out = new Int32Array(scores.length);
  rankInto(scores, 0, scores.length, out, 0, scratchFor(scores.length));
  return out;
}

/** Buffers reused across the groups {@link rankUnits} ranks. */
interface Scratch {
  distinct: Float64Array;
  counts: Int32Array;
  rankOf: Int32Array;
  sorted: Float64Array;
}

function scratchFor(n: number): Scratch {
  return {
    distinct: new Float64Array(MAX_DISTINCT),
    counts: new Int32Array(MAX_DISTINCT),
    rankOf: new Int32Array(MAX_DISTINCT),
    sorted: new Float64Array(n),
  };
}

/** Ranks `scores[from..to)` into `out[at..)`; see {@link competitionRanks}. */
function rankInto(
  scores: ArrayLike<number>,
  from: number,
  to: number,
  out: Int32Array,
  at: number,
  scratch: Scratch,
): void {
  const n = to - from;
  // Fast path: indicator scores take a few distinct values (an option's score); count them.
  const { distinct, counts, rankOf } = scratch;
  counts.fill(0);
  let k = 0;
  let few = true;
  for (let i = 0; i < n && few; i++) {
    const s = scores[from + i] as number;
    if (!Number.isFinite(s)) continue;
    let j = 0;
    while (j < k && distinct[j] !== s) j++;
    if (j === k) {
      if (k === MAX_DISTINCT) few = false;
      else distinct[k++] = s;
    }
    if (few) counts[j] = (counts[j] as number) + 1;
  }
  if (few) {
    for (let j = 0; j < k; j++) {
      let above = 0;
      const bound = (distinct[j] as number) + RANK_TOLERANCE;
      for (let m = 0; m < k; m++) if ((distinct[m] as number) > bound) above += counts[m] as number;
      rankOf[j] = 1 + above;
    }
    for (let i = 0; i < n; i++) {
      const s = scores[from + i] as number;
      if (!Number.isFinite(s)) {
        out[at + i] = 0;
        continue;
      }
      let j = 0;
      while (distinct[j] !== s) j++;
      out[at + i] = rankOf[j] as number;
    }
    return;
  }
  const sorted = scratch.sorted;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[from + i] as number;
    if (Number.isFinite(s)) sorted[m++] = s;
  }
  const present = sorted.subarray(0, m).sort();
  for (let i = 0; i < n; i++) {
    const s = scores[from + i] as number;
    if (!Number.isFinite(s)) {
      out[at + i] = 0;
      continue;
    }
    // Count the scores above s + tolerance with a binary search on the ascending copy.
    const bound = s + RANK_TOLERANCE;
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((present[mid] as number) <= bound) lo = mid + 1;
      else hi = mid;
    }
    out[at + i] = 1 + (m - lo);
  }
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
  const scratch = scratchFor(widest);
  for (const node of plan.nodes) {
    if (node.ruleObject && !node.ruleObject.scores) continue;
    if (options.aggregatesOnly && node.ruleObject) continue;
    const base = node.index * R;
    for (let k = 0; k + 1 < starts.length; k++) {
      const a = starts[k] as number;
      const b = starts[k + 1] as number;
      rankInto(evaluation.score, base + a, base + b, ranks, base + a, scratch);
    }
  }
  return ranks;
}
