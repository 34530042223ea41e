/**
 * Seeded random streams for the analyses. Every stream is addressed by a seed and a path of
 * integer keys (purpose, sample index, ...), never by the order in which work is done, so one
 * seed gives the same numbers on every machine and for any number of worker threads.
 *
 * Algorithm: the generator is xoroshiro128+ (Blackman and Vigna 2018) from `pure-rand`; its
 * 128-bit starting state is derived from `(seed, ...keys)` with MurmurHash3's 32-bit finaliser
 * `fmix32` (Appleby 2011) chained over the keys. Uniform doubles are `pure-rand`'s
 * `uniformFloat64`: multiples of 2^-53 in [0, 1).
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

/**
 * A seeded generator of uniform numbers in [0, 1).
 *
 * @example
 * ```ts
 * const u = createStream(1, 0).next(); // 0 <= u < 1
 * ```
 */
export interface RandomStream {
  /** The next uniform double in [0, 1), a multiple of 2^-53. */
  next(): number;
}

/**
 * Stream purposes: the first key of every stream, so streams of different uses never meet.
 *
 * @example
 * ```ts
 * createStream(seed, streamPurpose.bootstrap, 3); // the stream of bootstrap resample 3
 * ```
 */
export const streamPurpose = {
  /** Rows of an uncertainty-analysis sample. */
  uncertainty: 1,
  /** Rows of the Saltelli base matrices A and B. */
  saltelli: 2,
  /** Weight noise of one factor value. */
  weightNoise: 3,
  /** Bootstrap resamples. */
  bootstrap: 4,
} as const;

const GOLDEN = 0x9e3779b9;

/** MurmurHash3's 32-bit finaliser: a bijective avalanche mix of a 32-bit integer. */
function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * Whether `seed` is a valid seed: an integer in [0, 2^32).
 *
 * @example
 * ```ts
 * isValidSeed(42); //=> true
 * isValidSeed(-1); //=> false
 * ```
 */
export function isValidSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32;
}

/**
 * The random stream for `(seed, ...keys)`. Keys are integers in [0, 2^32); the same seed and
 * keys always give the same numbers.
 *
 * @example
 * ```ts
 * const a = createStream(42, streamPurpose.uncertainty, 0).next();
 * const b = createStream(42, streamPurpose.uncertainty, 0).next();
 * a === b; //=> true
 * ```
 */
export function createStream(seed: number, ...keys: number[]): RandomStream {
  let h = fmix32((seed >>> 0) ^ GOLDEN);
  for (const k of keys) h = fmix32(h ^ fmix32(Math.imul((k >>> 0) + 1, GOLDEN)));
  const state: number[] = [0, 1, 2, 3].map((i) => fmix32(h + Math.imul(i + 1, GOLDEN)));
  // xoroshiro128+ must not start from the all-zero state.
  if (!state.some((w) => w !== 0)) state[0] = 1;
  const rng = xoroshiro128plusFromState(state);
  return { next: () => uniformFloat64(rng) };
}
