import {
  firstProblem,
  invalidArgument,
  isRecord,
  optionsProblem,
  throwIfAny,
} from '../../errors/args.js';
/**
 * Uncertainty analysis: sample the assumptions `N` times, re-run the model for each sample and
 * summarise, for every unit, where its rank and score land (COINr's `get_sensitivity(SA_type =
 * "UA")`, its `RankStats`).
 *
 * Conventions: ranks are competition ranks, best = 1, ties share the best rank (COINr's
 * `rank_df`); a run in which a unit has no score leaves that unit out of that run's statistics
 * (R's `na.rm = TRUE`); quantiles are Hyndman and Fan's type 7 (R's default); the median is the
 * type-7 0.5 quantile.
 */
import { IntegrationIndexError, type Issue, type SafeResult } from '../../errors/issue.js';
import { competitionRanks, rankInto, rankScratch } from '../../math/rank.js';
import { meanOf, quantiles7 } from '../../math/summary.js';
import type { Factor } from '../assumptions/resolve.js';
import type { AnalysisSpec, AnalysisSpecInput } from '../assumptions/schema.js';
import type { AnalysisModel } from '../model.js';
import { type PreparedAnalysis, prepareAnalysis } from '../prepare.js';
import { localExecutor, type ProgressListener, type RunExecutor } from '../runner.js';
import { type RemoveOneResult, removeOneImpact } from '../sensitivity/removeOne.js';

/**
 * Where one unit's rank and score land over the samples.
 *
 * @example
 * ```ts
 * ua.units[0]; //=> { unit: 'CHE', nominal: { score: 68.4, rank: 1 }, rank: { mean: 1, median: 1, q5: 1, q95: 1 }, score: { ... } }
 * ```
 */
export interface UnitUncertainty {
  unit: string;
  nominal: { score: number | null; rank: number | null };
  rank: { mean: number | null; median: number | null; q5: number | null; q95: number | null };
  score: { median: number | null; q5: number | null; q95: number | null };
}

/**
 * A described assumption, as the results list them.
 *
 * @example
 * ```ts
 * ua.assumptions[0]; //=> { name: 'Aggregation', kind: 'aggregation', alternatives: ['amean', 'gmean'] }
 * ```
 */
export interface AssumptionSummary {
  name: string;
  kind: string;
  /** The discrete alternatives sampled (empty for continuous weight noise). */
  alternatives: string[];
}

/**
 * The result of an uncertainty analysis.
 *
 * @example
 * ```ts
 * (await runUncertainty(model, spec)).runs; //=> 100
 * ```
 */
export interface UncertaintyResult {
  target: string;
  seed: number;
  samples: number;
  /** Model runs made. */
  runs: number;
  /** Runs in which no unit had a score (the variant failed, e.g. a geometric mean of negatives). */
  failedRuns: number;
  assumptions: AssumptionSummary[];
  units: UnitUncertainty[];
  /** Remove-one impacts of the levels the spec lists under `removeOne`. */
  removeOne: RemoveOneResult[];
}

/**
 * Options of the analyses.
 *
 * @example
 * ```ts
 * await runUncertainty(model, spec, { onProgress: (d, t) => console.error(d, t) });
 * ```
 */
export interface AnalysisOptions {
  /** Who runs the model: in process by default; worker threads via `integration-index/node`. */
  executor?: RunExecutor;
  onProgress?: ProgressListener;
}

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Describes factors for results.
 *
 * @example
 * ```ts
 * summariseFactors(factors); //=> [{ name: 'Winmax', kind: 'winmax', alternatives: ['1', '2', '3', '4', '5'] }]
 * ```
 */
export function summariseFactors(factors: readonly Factor[]): AssumptionSummary[] {
  return factors.map((f) => ({ name: f.name, kind: f.kind, alternatives: [...f.labels] }));
}

/**
 * Ranks every run and summarises per unit. `scores` holds `runs × units` values, run by run.
 *
 * @example
 * ```ts
 * summariseRuns(['A', 'B'], Float64Array.of(2, 1), Float64Array.of(1, 2, 2, 1), 2).units[0].rank.median;
 * //=> 1.5
 * ```
 */
export function summariseRuns(
  units: readonly string[],
  nominalScores: Float64Array,
  scores: Float64Array,
  runs: number,
): { units: UnitUncertainty[]; failedRuns: number; ranks: Float64Array } {
  const n = units.length;
  const ranks = new Float64Array(runs * n);
  // Competition ranks of every run (competitionRanks), with one scratch for all.
  const scratch = rankScratch(n);
  let failedRuns = 0;
  for (let r = 0; r < runs; r++) {
    const row = scores.subarray(r * n, (r + 1) * n);
    if (!row.some(Number.isFinite)) failedRuns++;
    rankInto(row, 0, n, ranks, r * n, scratch, { descending: true, ties: 'min' });
  }
  const nominalRanks = competitionRanks(nominalScores);
  const column = (m: Float64Array, u: number) => {
    const c = new Float64Array(runs);
    for (let r = 0; r < runs; r++) c[r] = m[r * n + u] as number;
    return c;
  };
  return {
    failedRuns,
    ranks,
    units: units.map((unit, u) => {
      const rk = column(ranks, u);
      const sc = column(scores, u);
      const [rkMedian, rk5, rk95] = quantiles7(rk, [0.5, 0.05, 0.95]) as [number, number, number];
      const [scMedian, sc5, sc95] = quantiles7(sc, [0.5, 0.05, 0.95]) as [number, number, number];
      return {
        unit,
        nominal: {
          score: orNull(nominalScores[u] as number),
          rank: orNull(nominalRanks[u] as number),
        },
        rank: {
          mean: orNull(meanOf(rk)),
          median: orNull(rkMedian),
          q5: orNull(rk5),
          q95: orNull(rk95),
        },
        score: {
          median: orNull(scMedian),
          q5: orNull(sc5),
          q95: orNull(sc95),
        },
      };
    }),
  };
}

/**
 * {@link prepareAnalysis} that throws the issues (exported to the sensitivity analysis as
 * `preparedOrThrow`).
 *
 * @example
 * ```ts
 * preparedOrThrow(model, spec).target; //=> 'Index'
 * ```
 */
function prepared(model: AnalysisModel, spec: AnalysisSpecInput | AnalysisSpec): PreparedAnalysis {
  const p = prepareAnalysis(model, spec);
  if (!p.ok) throw new IntegrationIndexError(p.issues);
  return p.value;
}

/**
 * Runs an uncertainty analysis of `model` under `spec`: `spec.samples` runs, each with every
 * assumption sampled from stream `(seed, run)`. Throws {@link IntegrationIndexError} with coded
 * issues when the spec does not fit the model; nothing runs then.
 *
 * @example
 * ```ts
 * const ua = await runUncertainty(model, {
 *   seed: 42, samples: 100,
 *   assumptions: [{ name: 'Aggregation', kind: 'aggregation', methods: ['amean', 'gmean'] }],
 * });
 * ua.units[0]; //=> { unit: 'AUT', nominal: { score: 61.2, rank: 9 }, rank: { median: 9, q5: 7, q95: 12, ... }, ... }
 * ```
 */
export async function runUncertainty(
  model: AnalysisModel,
  spec: AnalysisSpecInput | AnalysisSpec,
  options: AnalysisOptions = {},
): Promise<UncertaintyResult> {
  throwIfAny(analysisArgumentsProblem('runUncertainty', model, options));
  const p = prepared(model, spec);
  const runs = p.spec.samples;
  const executor = options.executor ?? localExecutor(model);
  const scores = await executor(
    { kind: 'uncertainty', spec: p.spec, target: p.target, runs },
    options.onProgress,
  );
  const s = summariseRuns(model.description.units, p.nominalScores, scores, runs);
  return {
    target: p.target,
    seed: p.spec.seed,
    samples: p.spec.samples,
    runs,
    failedRuns: s.failedRuns,
    assumptions: summariseFactors(p.factors),
    units: s.units,
    removeOne: removeOneOf(model, p),
  };
}

/**
 * The remove-one impacts a checked spec asks for (`removeOne` levels, by id or number).
 *
 * @example
 * ```ts
 * removeOneOf(model, prepared).map((r) => r.level); //=> [2]
 * ```
 */
export function removeOneOf(model: AnalysisModel, p: PreparedAnalysis): RemoveOneResult[] {
  const levels = model.description.levels;
  return (p.spec.removeOne ?? []).map((ref) => {
    const level = levels.find((l) => (typeof ref === 'number' ? l.number === ref : l.id === ref));
    return removeOneImpact(model, level?.number ?? Number.NaN, p.target);
  });
}

/**
 * {@link runUncertainty} that returns coded issues instead of throwing.
 *
 * @example
 * ```ts
 * const r = await safeRunUncertainty(model, spec);
 * if (!r.ok) console.log(r.issues[0].code); //=> 'ANALYSIS_STEP_MISSING'
 * ```
 */
export async function safeRunUncertainty(
  model: AnalysisModel,
  spec: AnalysisSpecInput | AnalysisSpec,
  options: AnalysisOptions = {},
): Promise<SafeResult<UncertaintyResult>> {
  try {
    return { ok: true, value: await runUncertainty(model, spec, options), warnings: [] };
  } catch (e) {
    if (e instanceof IntegrationIndexError) return { ok: false, issues: e.issues as Issue[] };
    throw e;
  }
}

export { prepared as preparedOrThrow };

/**
 * `API_INVALID_ARGUMENT` when `model` is not an analysis model (from `buildModel`) or `options`
 * has unknown keys or wrong types, else `undefined`.
 */
export function analysisArgumentsProblem(
  fn: string,
  model: unknown,
  options: unknown,
): Issue | undefined {
  return firstProblem(
    isRecord(model) &&
      isRecord(model.description) &&
      typeof model.evaluate === 'function' &&
      typeof model.checkStepOptions === 'function'
      ? undefined
      : invalidArgument(fn, 'model', 'an analysis model from buildModel', model),
    optionsProblem(fn, 'options', options, { executor: 'function', onProgress: 'function' }),
  );
}
