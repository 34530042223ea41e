import { throwIfAny } from '../../errors/args.js';
/**
 * Variance-based sensitivity analysis (COINr's `get_sensitivity(SA_type = "SA")`): a Saltelli
 * design of `N (d + 2)` runs; the output of each run is the mean absolute rank change of the
 * target against its nominal ranks; first- and total-order indices apportion that output's
 * variance among the assumptions, with bootstrap intervals (see `estimate.ts`). The rank
 * statistics of the uncertainty analysis come from the `2N` runs of matrices A and B, as in
 * COINr.
 */
import {
  createIssue,
  IntegrationIndexError,
  type Issue,
  type SafeResult,
} from '../../errors/issue.js';
import { meanAbsoluteRankChange } from '../_lib/stats.js';
import type { AnalysisSpec, AnalysisSpecInput } from '../assumptions/schema.js';
import { runCount } from '../design.js';
import type { AnalysisModel } from '../model.js';
import { localExecutor } from '../runner.js';
import {
  type AnalysisOptions,
  type AssumptionSummary,
  analysisArgumentsProblem,
  preparedOrThrow,
  removeOneOf,
  summariseFactors,
  summariseRuns,
  type UncertaintyResult,
} from '../uncertainty/uncertainty.js';
import { type SobolIndex, sobolIndices } from './estimate.js';
import type { RemoveOneResult } from './removeOne.js';

/**
 * The sensitivity indices of one assumption.
 *
 * @example
 * ```ts
 * sa.indices[0]; //=> { assumption: 'Winmax', kind: 'winmax', first: 0.01, total: 0.06, ... }
 * ```
 */
export interface AssumptionSensitivity extends SobolIndex {
  assumption: string;
  kind: string;
}

/**
 * The result of a sensitivity analysis.
 *
 * @example
 * ```ts
 * (await runSensitivity(model, spec)).runs; //=> 600
 * ```
 */
export interface SensitivityResult {
  target: string;
  seed: number;
  samples: number;
  runs: number;
  bootstrap: number;
  /** Variance of the output (mean absolute rank change) over runs A and B. */
  variance: number;
  assumptions: AssumptionSummary[];
  indices: AssumptionSensitivity[];
  /** The output of every run (mean absolute rank change), in design order A, B, AB_1 … AB_d. */
  outputs: number[];
  /** Rank statistics over the 2N runs of A and B. */
  uncertainty: UncertaintyResult;
  /** Remove-one impacts of the levels the spec lists under `removeOne`. */
  removeOne: RemoveOneResult[];
}

/**
 * Runs a sensitivity analysis. Throws {@link IntegrationIndexError} with coded issues when the
 * spec does not fit the model (fewer than two assumptions: `ANALYSIS_TOO_FEW_ASSUMPTIONS`).
 *
 * @example
 * ```ts
 * const sa = await runSensitivity(model, { samples: 100, bootstrap: 100, assumptions: [...4] });
 * sa.runs; //=> 600
 * sa.indices.map((i) => [i.assumption, i.total]); //=> [['Winmax', 0.02], ['Aggregation', 0.7], ...]
 * ```
 */
export async function runSensitivity(
  model: AnalysisModel,
  spec: AnalysisSpecInput | AnalysisSpec,
  options: AnalysisOptions = {},
): Promise<SensitivityResult> {
  throwIfAny(analysisArgumentsProblem('runSensitivity', model, options));
  const p = preparedOrThrow(model, spec);
  const d = p.factors.length;
  if (d < 2) {
    throw new IntegrationIndexError([
      createIssue('ANALYSIS_TOO_FEW_ASSUMPTIONS', { count: d }, { path: ['assumptions'] }),
    ]);
  }
  const N = p.spec.samples;
  const runs = runCount('saltelli', N, d);
  const executor = options.executor ?? localExecutor(model);
  const scores = await executor(
    { kind: 'saltelli', spec: p.spec, target: p.target, runs },
    options.onProgress,
  );
  const units = model.description.units;
  const all = summariseRuns(units, p.nominalScores, scores, runs);
  const n = units.length;
  const outputs = new Float64Array(runs);
  for (let r = 0; r < runs; r++) {
    outputs[r] = meanAbsoluteRankChange(all.ranks.subarray(r * n, (r + 1) * n), p.nominalRanks);
  }
  const estimate = sobolIndices(outputs, N, d, { bootstrap: p.spec.bootstrap, seed: p.spec.seed });
  if (!(estimate.variance > 0)) {
    throw new IntegrationIndexError([createIssue('ANALYSIS_NO_VARIANCE', {})]);
  }
  const ab = summariseRuns(units, p.nominalScores, scores.subarray(0, 2 * N * n), 2 * N);
  const removeOne = removeOneOf(model, p);
  return {
    target: p.target,
    seed: p.spec.seed,
    samples: N,
    runs,
    bootstrap: p.spec.bootstrap,
    variance: estimate.variance,
    assumptions: summariseFactors(p.factors),
    indices: estimate.indices.map((index, j) => ({
      assumption: p.factors[j]?.name as string,
      kind: p.factors[j]?.kind as string,
      ...index,
    })),
    outputs: Array.from(outputs),
    uncertainty: {
      target: p.target,
      seed: p.spec.seed,
      samples: N,
      runs: 2 * N,
      failedRuns: ab.failedRuns,
      assumptions: summariseFactors(p.factors),
      units: ab.units,
      removeOne: [],
    },
    removeOne,
  };
}

/**
 * {@link runSensitivity} that returns coded issues instead of throwing.
 *
 * @example
 * ```ts
 * const r = await safeRunSensitivity(model, spec);
 * if (!r.ok) console.log(r.issues.map((i) => i.code));
 * ```
 */
export async function safeRunSensitivity(
  model: AnalysisModel,
  spec: AnalysisSpecInput | AnalysisSpec,
  options: AnalysisOptions = {},
): Promise<SafeResult<SensitivityResult>> {
  try {
    return { ok: true, value: await runSensitivity(model, spec, options), warnings: [] };
  } catch (e) {
    if (e instanceof IntegrationIndexError) return { ok: false, issues: e.issues as Issue[] };
    throw e;
  }
}
