/**
 * Sample designs. Every run's inputs are a pure function of `(seed, run index)`, so runs can
 * be computed in any order, on any thread, with identical results.
 *
 * - `uncertainty`: `N` runs; run `r` draws one uniform per factor from stream
 *   `(seed, uncertainty, r)` (plain Monte Carlo, as COINr's `runif`).
 * - `saltelli`: `N (d + 2)` runs in COINr's order `A, B, AB_1 … AB_d` (Saltelli et al. 2010,
 *   "Variance based sensitivity analysis of model output", Comput. Phys. Commun. 181). Row `i`
 *   of the base matrices comes from stream `(seed, saltelli, i)`: its first `d` draws are
 *   `A_i`, the next `d` are `B_i` (a pseudo-random base, as COINr's `SA_sample`). `AB_j` is `A`
 *   with column `j` taken from `B`.
 *
 * Each value also carries its origin (`r`, or `2i` for A and `2i + 1` for B) so that weight
 * noise drawn for it is the same wherever the value is reused (A's value inside `AB_j`).
 */
import type { Factor, VariantDraft } from './assumptions/resolve.js';
import type { Variant } from './model.js';
import { createStream, streamPurpose } from './rng/rng.js';

/**
 * The two designs.
 *
 * @example
 * ```ts
 * const kind: DesignKind = 'saltelli';
 * ```
 */
export type DesignKind = 'uncertainty' | 'saltelli';

/**
 * How many runs a design has for `samples` (COINr's `N`) and `d` factors.
 *
 * @example
 * ```ts
 * runCount('saltelli', 100, 4); //=> 600
 * ```
 */
export function runCount(kind: DesignKind, samples: number, d: number): number {
  return kind === 'uncertainty' ? samples : samples * (d + 2);
}

/**
 * The uniforms and origins of one run of a design.
 *
 * @example
 * ```ts
 * designRow('saltelli', 42, 4, 100, 250); // block AB_1 (runs 200-299), base row 50
 * //=> { u: [...4 numbers], origin: [101, 100, 100, 100] }
 * ```
 */
export function designRow(
  kind: DesignKind,
  seed: number,
  d: number,
  samples: number,
  run: number,
): { u: number[]; origin: number[] } {
  if (kind === 'uncertainty') {
    const s = createStream(seed, streamPurpose.uncertainty, run);
    return { u: Array.from({ length: d }, () => s.next()), origin: new Array(d).fill(run) };
  }
  const block = Math.floor(run / samples);
  const i = run % samples;
  const s = createStream(seed, streamPurpose.saltelli, i);
  const both = Array.from({ length: 2 * d }, () => s.next());
  const a = both.slice(0, d);
  const b = both.slice(d);
  if (block === 0) return { u: a, origin: new Array(d).fill(2 * i) };
  if (block === 1) return { u: b, origin: new Array(d).fill(2 * i + 1) };
  const j = block - 2;
  const u = a.slice();
  const origin = new Array(d).fill(2 * i);
  u[j] = b[j] as number;
  origin[j] = 2 * i + 1;
  return { u, origin };
}

/**
 * The model variant of one run: every factor applies its value.
 *
 * @example
 * ```ts
 * variantOfRun(factors, 'uncertainty', 42, 100, 0); //=> { winmax: 3, aggregation: { method: 'gmean' }, ... }
 * ```
 */
export function variantOfRun(
  factors: readonly Factor[],
  kind: DesignKind,
  seed: number,
  samples: number,
  run: number,
): Variant {
  const { u, origin } = designRow(kind, seed, factors.length, samples, run);
  const draft: VariantDraft = {};
  factors.forEach((f, j) => {
    f.apply(u[j] as number, origin[j] as number, draft);
  });
  return draft;
}
