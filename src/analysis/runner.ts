/**
 * Runs a design against a model: in process ({@link localExecutor}, also the browser's way), or
 * split over worker threads in Node (`createWorkerExecutor` in `integration-index/node`). Either
 * way run `r`'s variant depends only on `(seed, r)`, and results are stored by run index, so the
 * output is identical whatever executes it.
 */
import { IntegrationIndexError } from '../errors/issue.js';
import { resolveAssumptions } from './assumptions/resolve.js';
import type { AnalysisSpec } from './assumptions/schema.js';
import { type DesignKind, runCount, variantOfRun } from './design.js';
import type { AnalysisModel } from './model.js';

/**
 * What to run: the design, the checked spec and the target; `runs` runs in all.
 *
 * @example
 * ```ts
 * const plan: RunPlan = { kind: 'uncertainty', spec, target: 'Index', runs: spec.samples };
 * ```
 */
export interface RunPlan {
  readonly kind: DesignKind;
  readonly spec: AnalysisSpec;
  readonly target: string;
  readonly runs: number;
}

/**
 * Reports progress: runs done out of the total.
 *
 * @example
 * ```ts
 * const log: ProgressListener = (done, total) => console.error(`${done}/${total}`);
 * ```
 */
export type ProgressListener = (done: number, total: number) => void;

/**
 * Evaluates every run of a plan and returns the target's scores, run by run:
 * `scores[r * units + u]`.
 *
 * @example
 * ```ts
 * const scores = await localExecutor(model)(plan); // runs × units
 * ```
 */
export type RunExecutor = (plan: RunPlan, onProgress?: ProgressListener) => Promise<Float64Array>;

/**
 * Evaluates runs `[from, to)` of a plan on `model`, returning `(to - from) × units` scores.
 *
 * @example
 * ```ts
 * const scores = evaluateRuns(model, plan, 0, plan.runs);
 * scores.length; //=> plan.runs * model.description.units.length
 * ```
 */
export function evaluateRuns(
  model: AnalysisModel,
  plan: RunPlan,
  from: number,
  to: number,
  onRun?: () => void,
): Float64Array {
  const resolved = resolveAssumptions(model, plan.spec);
  if (!resolved.ok) throw new IntegrationIndexError(resolved.issues);
  const factors = resolved.value;
  const nUnits = model.description.units.length;
  const out = new Float64Array((to - from) * nUnits);
  for (let r = from; r < to; r++) {
    const variant = variantOfRun(factors, plan.kind, plan.spec.seed, plan.spec.samples, r);
    out.set(model.evaluate(variant, plan.target), (r - from) * nUnits);
    onRun?.();
  }
  return out;
}

/**
 * The in-process executor: one thread, as in a browser.
 *
 * @example
 * ```ts
 * const result = await runUncertainty(model, spec, { executor: localExecutor(model) });
 * ```
 */
export function localExecutor(model: AnalysisModel): RunExecutor {
  return async (plan, onProgress) => {
    let done = 0;
    const step = Math.max(1, Math.floor(plan.runs / 100));
    return evaluateRuns(model, plan, 0, plan.runs, () => {
      done++;
      if (onProgress && (done % step === 0 || done === plan.runs)) onProgress(done, plan.runs);
    });
  };
}

/** The number of runs of a plan's design. @example `planRuns('saltelli', spec, 4) //=> 600` */
export function planRuns(kind: DesignKind, spec: AnalysisSpec, factors: number): number {
  return runCount(kind, spec.samples, factors);
}
