/**
 * Ranks with R's tie methods (`base::rank`), one implementation for every caller: the
 * scoring engine's competition ranks, COINr's `rank`, `borda` and `prank` normalisations, its
 * `rank_df` result ranks, and the average ranks under Spearman's correlation.
 *
 * Ties are decided by exact equality (or within `tolerance`, which the engine uses so that
 * sums taken in a different order still tie); equal inputs always get exactly equal ranks,
 * since a rank is a count of other values, never a float computed from the value. `NaN`
 * is missing and stays unranked (R's `na.last = "keep"`).
 */

/** How tied values share ranks (R's `ties.method`). */
export type TieMethod = 'min' | 'max' | 'average';

/** Options of {@link rankInto} and {@link rankValues}. */
export interface RankOptions {
  /** Rank the largest value 1 (R's `rank(-x)`); default: the smallest value ranks 1. */
  descending?: boolean;
  /** Tie method; default `"min"` (competition ranking, "1224"). */
  ties?: TieMethod;
  /** Values closer than this tie; default 0 (exact). */
  tolerance?: number;
  /** What a missing value's rank is; default `NaN` (0 in an `Int32Array`). */
  missing?: number;
}

/** Up to this many distinct values, ranks are counted rather than sorted. */
const MAX_DISTINCT = 16;

/** Buffers {@link rankInto} reuses between calls (one per thread of work). */
export interface RankScratch {
  distinct: Float64Array;
  counts: Int32Array;
  rankOf: Float64Array;
  sorted: Float64Array;
}

/**
 * Buffers for ranking up to `n` values at a time with {@link rankInto}.
 *
 * @example
 * ```ts
 * const scratch = rankScratch(100);
 * ```
 */
export function rankScratch(n: number): RankScratch {
  return {
    distinct: new Float64Array(MAX_DISTINCT),
    counts: new Int32Array(MAX_DISTINCT),
    rankOf: new Float64Array(MAX_DISTINCT),
    sorted: new Float64Array(n),
  };
}

/** The rank of a value from how many values lie strictly before it and how many tie with it. */
function tieRank(before: number, tied: number, ties: TieMethod): number {
  if (ties === 'min') return before + 1;
  if (ties === 'max') return before + tied;
  return before + (tied + 1) / 2;
}

/**
 * Ranks `x[from..to)` into `out[at..)` with a tie method (R's `rank(x, ties.method, na.last =
 * "keep")`, or `rank(-x, ...)` with `descending`). With few distinct values (an indicator's
 * option scores) ranks are counted; otherwise the values are sorted once and each rank found
 * by binary search. `out` may be an `Int32Array` for integer tie methods.
 *
 * @example
 * ```ts
 * const out = new Float64Array(4);
 * rankInto([3, 1, 3, 2], 0, 4, out, 0, rankScratch(4)); // out: [3, 1, 3, 2]
 * ```
 */
export function rankInto(
  x: ArrayLike<number>,
  from: number,
  to: number,
  out: { [i: number]: number },
  at: number,
  scratch: RankScratch,
  options: RankOptions = {},
): void {
  const n = to - from;
  const ties = options.ties ?? 'min';
  const tol = options.tolerance ?? 0;
  const desc = options.descending ?? false;
  const missing = options.missing ?? Number.NaN;
  const { distinct, counts, rankOf } = scratch;
  counts.fill(0);
  let k = 0;
  let few = true;
  for (let i = 0; i < n && few; i++) {
    const s = x[from + i] as number;
    if (Number.isNaN(s)) continue;
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
      const d = distinct[j] as number;
      let before = 0;
      let tied = 0;
      for (let m = 0; m < k; m++) {
        const e = distinct[m] as number;
        const c = counts[m] as number;
        if (desc ? e > d + tol : e < d - tol) before += c;
        else if (Math.abs(e - d) <= tol) tied += c;
      }
      rankOf[j] = tieRank(before, tied, ties);
    }
    for (let i = 0; i < n; i++) {
      const s = x[from + i] as number;
      if (Number.isNaN(s)) {
        out[at + i] = missing;
        continue;
      }
      let j = 0;
      while (distinct[j] !== s) j++;
      out[at + i] = rankOf[j] as number;
    }
    return;
  }
  if (scratch.sorted.length < n) scratch.sorted = new Float64Array(n);
  const sorted = scratch.sorted;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const s = x[from + i] as number;
    if (!Number.isNaN(s)) sorted[m++] = s;
  }
  const present = sorted.subarray(0, m).sort();
  for (let i = 0; i < n; i++) {
    const s = x[from + i] as number;
    if (Number.isNaN(s)) {
      out[at + i] = missing;
      continue;
    }
    // Competition ranks (the engine's hot path) need one binary search, not two.
    if (ties === 'min') {
      out[at + i] = desc ? 1 + m - upperBound(present, s + tol) : 1 + lowerBound(present, s - tol);
      continue;
    }
    const below = lowerBound(present, s - tol);
    const upTo = upperBound(present, s + tol);
    out[at + i] = tieRank(desc ? m - upTo : below, upTo - below, ties);
  }
}

/** How many of the ascending `a` are below `v`. */
function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the ascending `a` are at most `v`. */
function upperBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ranks of all of `x` (R's `rank(x, ties.method, na.last = "keep")`; see {@link rankInto}).
 *
 * @example
 * ```ts
 * rankValues([3, 1, 3, NaN]);                     //=> Float64Array [2, 1, 2, NaN]
 * rankValues([3, 1, 3], { ties: 'average' });     //=> Float64Array [2.5, 1, 2.5]
 * rankValues([3, 1, 3], { descending: true });    //=> Float64Array [1, 3, 1]
 * ```
 */
export function rankValues(x: ArrayLike<number>, options: RankOptions = {}): Float64Array {
  const out = new Float64Array(x.length);
  rankInto(x, 0, x.length, out, 0, rankScratch(x.length), options);
  return out;
}

/**
 * Ranks with ties sharing the smallest rank of their group (R `rank(ties.method = "min",
 * na.last = "keep")`, the default of COINr's `n_rank`, `n_borda` and `n_prank`).
 * `descending` ranks the largest value 1: competition ranking ("1224"), as COINr's `rank_df`
 * with `rank(-x, ties.method = "min")`.
 *
 * @example
 * ```ts
 * rankMin([3, 1, 3]);       //=> Float64Array [2, 1, 2]
 * rankMin([3, 1, 3], true); //=> Float64Array [1, 3, 1]
 * ```
 */
export function rankMin(x: ArrayLike<number>, descending = false): Float64Array {
  return rankValues(x, { descending, ties: 'min' });
}

/**
 * Ranks with ties given the mean of the ranks they span (R `rank(ties.method = "average")`,
 * the ranks under `cor(method = "spearman")`).
 *
 * @example
 * ```ts
 * rankAverage([3, 1, 3, 2]); //=> Float64Array [3.5, 1, 3.5, 2]
 * ```
 */
export function rankAverage(x: ArrayLike<number>): Float64Array {
  return rankValues(x, { ties: 'average' });
}

/**
 * Competition ranks ("1224"), best (highest) first: tied scores share the best rank of their
 * group and the next rank skips as many places as were tied; a missing score has no rank
 * (`NaN`). R's `rank(-x, ties.method = "min", na.last = "keep")`, COINr's `rank_df`.
 *
 * @example
 * ```ts
 * competitionRanks([10, 30, 30, NaN, 5]); //=> Float64Array [3, 1, 1, NaN, 4]
 * ```
 */
export function competitionRanks(scores: ArrayLike<number>): Float64Array {
  return rankMin(scores, true);
}
