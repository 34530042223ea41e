/**
 * Optimised weights, as COINr's `get_opt_weights` (optimisation type `balance`): the weights
 * of one level's nodes chosen so that each node's share of correlation with the index (or
 * with its parent) matches a target share. The idea comes from Paruolo, Saisana and Saltelli
 * (2013), "Ratings and rankings: voodoo or science?", J. R. Stat. Soc. A 176: nominal weights
 * are not the importance a component ends up having, which its correlation with the index
 * measures better; COINr's implementation re-aggregates with candidate weights and minimises
 * the squared gap between target and obtained shares with R's `optim` (Nelder-Mead, relative
 * tolerance 0.1, at most 500 iterations).
 *
 * Here the objective is the same, mean squared gap between targets and obtained shares
 * (COINr takes its logarithm, which Nelder-Mead, comparing values only, does not notice), but
 * the search runs over log weight ratios, so weights stay positive, to a far tighter tolerance
 * (1e-14 on the objective, with one restart). On ASEM's sub-indices COINr reports shares of
 * 0.5016 and 0.4984 for equal targets; this search reaches 0.5 to about 1e-7.
 */
import {
  createIssue,
  IntegrationIndexError,
  type Issue,
  type SafeResult,
} from '../../errors/issue.js';
import { aggregate } from '../aggregate/aggregate.js';
import { aggregationTree } from '../aggregate/tree.js';
import type { CompositeData, Dataset } from '../data/types.js';
import { safeRunPipeline } from '../pipeline/run.js';
import type { PipelineSpec } from '../pipeline/schema.js';
import { correlationMatrix } from './correlation.js';

/** Options of {@link optimiseWeights}. */
export interface OptimiseWeightsOptions {
  /** The level whose nodes' weights are optimised (1 = indicators; below the index). */
  level: number;
  /** Target shares: `equal` (default) or a relative share by code for every node of the level. */
  targets?: 'equal' | Readonly<Record<string, number>> | undefined;
  /**
   * `balance` (default): bring the shares of correlation to the targets; `infomax`: maximise
   * the sum of the correlations, starting from the current weights (COINr's `optype`).
   */
  type?: 'balance' | 'infomax' | undefined;
  /** Correlate with the index (default, as COINr does) or with each node's parent. */
  against?: 'index' | 'parent' | undefined;
  /** Stop when the objective's spread over the simplex is below this (default 1e-14). */
  tolerance?: number | undefined;
  /** Most Nelder-Mead iterations per start (default 2000). */
  maxIterations?: number | undefined;
}

/** One node's row of {@link OptimisedWeights}. */
export interface OptimisedWeightRow {
  code: string;
  /**
   * The optimised weight, summing to 1 among siblings (COINr's `OptWeight`, which sums to 1
   * over the level: the same when the level has one parent).
   */
  weight: number;
  /** Target share (COINr's `Desired`); NaN for `infomax`, which has none. */
  desired: number;
  /** Share of correlation obtained with the optimised weights (COINr's `Obtained`). */
  obtained: number;
  /** Share of correlation with the weights the pipeline had. */
  original: number;
  /** Pearson correlation with the index or parent, optimised weights. */
  correlation: number;
}

/** Result of {@link optimiseWeights}. */
export interface OptimisedWeights {
  level: number;
  against: 'index' | 'parent';
  rows: OptimisedWeightRow[];
  /** The aggregate step's `weights:` block with the level's weights replaced. */
  weights: Record<string, number>;
  /**
   * `balance`: the mean squared gap between desired and obtained shares, before and after;
   * `infomax`: minus the sum of the correlations.
   */
  objectiveBefore: number;
  objective: number;
  /** Objective evaluations (each one re-aggregates the composite). */
  evaluations: number;
  converged: boolean;
}

/**
 * Nelder-Mead minimisation (Nelder and Mead 1965; reflection 1, expansion 2, contraction and
 * shrink 1/2), as R's `optim` default. Stops when the spread of the simplex's values is below
 * `tol` or after `maxIter` iterations.
 */
function nelderMead(
  f: (x: number[]) => number,
  x0: number[],
  tol: number,
  maxIter: number,
): { x: number[]; fx: number; converged: boolean } {
  const d = x0.length;
  if (d === 0) return { x: [], fx: f([]), converged: true };
  let pts = [x0, ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + 0.5 : v)))];
  let vals = pts.map(f);
  for (let it = 0; it < maxIter; it++) {
    const order = vals.map((_, i) => i).sort((a, b) => (vals[a] as number) - (vals[b] as number));
    pts = order.map((i) => pts[i] as number[]);
    vals = order.map((i) => vals[i] as number);
    const best = vals[0] as number;
    const worst = vals[d] as number;
    if (Math.abs(worst - best) <= tol) return { x: pts[0] as number[], fx: best, converged: true };
    const centroid = x0.map(
      (_, j) => pts.slice(0, d).reduce((s, p) => s + (p[j] as number), 0) / d,
    );
    const along = (t: number) =>
      centroid.map((c, j) => c + t * (((pts[d] as number[])[j] as number) - c));
    const xr = along(-1);
    const fr = f(xr);
    if (fr < best) {
      const xe = along(-2);
      const fe = f(xe);
      [pts[d], vals[d]] = fe < fr ? [xe, fe] : [xr, fr];
    } else if (fr < (vals[d - 1] as number)) {
      [pts[d], vals[d]] = [xr, fr];
    } else {
      const xc = fr < worst ? along(-0.5) : along(0.5);
      const fc = f(xc);
      if (fc < Math.min(fr, worst)) {
        [pts[d], vals[d]] = [xc, fc];
      } else {
        const p0 = pts[0] as number[];
        for (let i = 1; i <= d; i++) {
          pts[i] = p0.map((v, j) => v + 0.5 * (((pts[i] as number[])[j] as number) - v));
          vals[i] = f(pts[i] as number[]);
        }
      }
    }
  }
  const i = vals.indexOf(Math.min(...vals));
  return { x: pts[i] as number[], fx: vals[i] as number, converged: false };
}

/**
 * Optimised weights of one level (COINr `get_opt_weights` with `optype = "balance"`; see the
 * module comment): re-runs the pipeline's aggregate step with candidate weights for the
 * level's nodes until their shares of Pearson correlation with the index (or their parent)
 * match the targets. Returns the weights (summing to 1 over the level), desired and obtained
 * shares, or the issues: no aggregate step (`COMPOSITE_STEP_MISSING`), a level outside
 * 1..top-1 (`COMPOSITE_SPEC_INVALID`), unknown target codes (`COMPOSITE_UNKNOWN_CODE`) or
 * targets that do not cover the level (`COMPOSITE_SPEC_INVALID`).
 *
 * @example
 * ```ts
 * const r = safeOptimiseWeights(data, spec, { level: 3 });
 * if (r.ok) r.value.rows; //=> [{ code: 'Conn', weight: 0.53, desired: 0.5, obtained: 0.5, ... }, { code: 'Sust', ... }]
 * ```
 */
export function safeOptimiseWeights(
  data: CompositeData,
  spec: PipelineSpec,
  o: OptimiseWeightsOptions,
): SafeResult<OptimisedWeights> {
  const issues: Issue[] = [];
  const at = spec.steps.findIndex((s) => s.step === 'aggregate');
  const step = spec.steps[at];
  if (step?.step !== 'aggregate')
    return { ok: false, issues: [createIssue('COMPOSITE_STEP_MISSING', { step: 'aggregate' })] };
  const maxLevel = Math.max(...data.meta.nodes.map((n) => n.level));
  if (!Number.isInteger(o.level) || o.level < 1 || o.level >= maxLevel)
    return {
      ok: false,
      issues: [
        createIssue(
          'COMPOSITE_SPEC_INVALID',
          {
            detail: `level ${o.level}: optimised weights need a level from 1 to ${maxLevel - 1} (below the index)`,
          },
          { path: ['level'] },
        ),
      ],
    };
  const nodes = data.meta.nodes.filter((n) => n.level === o.level).map((n) => n.code);
  let desired: number[];
  if (o.targets === undefined || o.targets === 'equal') desired = nodes.map(() => 1);
  else {
    const t = o.targets;
    for (const code of Object.keys(t))
      if (!nodes.includes(code))
        issues.push(createIssue('COMPOSITE_UNKNOWN_CODE', { code }, { path: ['targets', code] }));
    const missing = nodes.filter((c) => t[c] === undefined);
    if (missing.length > 0)
      issues.push(
        createIssue(
          'COMPOSITE_SPEC_INVALID',
          {
            detail: `targets: give a share for every node of level ${o.level}; missing ${missing.join(', ')}`,
          },
          { path: ['targets'] },
        ),
      );
    desired = nodes.map((c) => t[c] ?? 0);
    if (desired.some((v) => !(v >= 0)) || desired.reduce((s, v) => s + v, 0) <= 0)
      issues.push(
        createIssue(
          'COMPOSITE_SPEC_INVALID',
          { detail: 'targets: shares must be non-negative and not all zero' },
          { path: ['targets'] },
        ),
      );
  }
  if (issues.length > 0) return { ok: false, issues };
  const total = desired.reduce((s, v) => s + v, 0);
  desired = desired.map((v) => v / total);

  // The data set the aggregate step reads: everything before it, run once.
  const before = safeRunPipeline(data, { ...spec, steps: spec.steps.slice(0, at) });
  if (!before.ok) return before;
  const stages = before.value.datasets;
  const input: Dataset =
    stages.normalised ??
    stages.treated ??
    stages.screened ??
    stages.imputed ??
    stages.denominated ??
    stages.raw;
  const ctx = { units: data.units, meta: data.meta };
  const parentOf = new Map(data.meta.nodes.map((n) => [n.code, n.parent]));
  const top = (code: string) => {
    let c = code;
    for (let p = parentOf.get(c); p !== undefined; p = parentOf.get(c)) c = p;
    return c;
  };
  const partner = nodes.map((c) => (o.against === 'parent' ? (parentOf.get(c) as string) : top(c)));

  let evaluations = 0;
  const correlations = (weights: Record<string, number>): number[] => {
    evaluations++;
    const s = { ...step, weights };
    const r = aggregate(ctx, input, s, aggregationTree(data.meta, weights));
    return nodes.map(
      (c, i) => correlationMatrix(r.dataset, [c, partner[i] as string])[0]?.[1] ?? Number.NaN,
    );
  };
  const sharesOf = (crs: number[]) => {
    const s = crs.reduce((a, v) => a + v, 0);
    return crs.map((v) => v / s);
  };
  const gap = (shares: number[]) =>
    shares.reduce((a, v, i) => a + ((desired[i] as number) - v) ** 2, 0) / shares.length;
  const withLevel = (w: number[]) => ({
    ...(step.weights ?? {}),
    ...Object.fromEntries(nodes.map((c, i) => [c, w[i] as number])),
  });
  // Free parameters: within each parent, the log weight of every child but the last relative
  // to the last (aggregation rescales weights within a parent, so only these ratios matter).
  const groupOf = nodes.map((c) => parentOf.get(c) as string);
  const lastOfGroup = new Map(groupOf.map((g, i) => [g, i]));
  const free = nodes.map((_, i) => i).filter((i) => lastOfGroup.get(groupOf[i] as string) !== i);
  const weightsOf = (p: number[]) => {
    const raw = nodes.map(() => 1);
    free.forEach((i, k) => {
      raw[i] = Math.exp(p[k] as number);
    });
    const sums = new Map<string, number>();
    raw.forEach((v, i) => {
      sums.set(groupOf[i] as string, (sums.get(groupOf[i] as string) ?? 0) + v);
    });
    return raw.map((v, i) => v / (sums.get(groupOf[i] as string) as number));
  };
  const infomax = o.type === 'infomax';
  const score = (crs: number[]) => (infomax ? -crs.reduce((a, v) => a + v, 0) : gap(sharesOf(crs)));
  const objective = (p: number[]) => {
    const v = score(correlations(withLevel(weightsOf(p))));
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };

  const originalWeights = nodes.map(
    (c) => step.weights?.[c] ?? (data.meta.nodes.find((n) => n.code === c)?.weight as number),
  );
  const originalCorrelations = correlations(withLevel(originalWeights));
  const originalShares = sharesOf(originalCorrelations);
  // COINr starts from the targets; here as log ratios to the last sibling's.
  // infomax starts from the current weights, as COINr does.
  const start = infomax ? originalWeights : desired;
  const x0 = free.map((i) => {
    const last = start[lastOfGroup.get(groupOf[i] as string) as number] as number;
    return Math.log(Math.max(start[i] as number, 1e-6) / Math.max(last, 1e-6));
  });
  const tol = o.tolerance ?? 1e-14;
  const maxIter = o.maxIterations ?? 2000;
  // Restarts from the best point until one no longer improves it (Nelder-Mead can stall).
  let best = nelderMead(objective, x0, tol, maxIter);
  for (let k = 0; k < 5; k++) {
    const again = nelderMead(objective, best.x, tol, maxIter);
    const improved = again.fx < best.fx - tol;
    if (again.fx <= best.fx) best = again;
    if (!improved) break;
  }
  const w = weightsOf(best.x);
  const crs = correlations(withLevel(w));
  const obtained = sharesOf(crs);
  return {
    ok: true,
    value: {
      level: o.level,
      against: o.against ?? 'index',
      rows: nodes.map((code, i) => ({
        code,
        weight: w[i] as number,
        desired: infomax ? Number.NaN : (desired[i] as number),
        obtained: obtained[i] as number,
        original: originalShares[i] as number,
        correlation: crs[i] as number,
      })),
      weights: withLevel(w),
      objectiveBefore: score(originalCorrelations),
      objective: score(crs),
      evaluations,
      converged: best.converged,
    },
    warnings: [],
  };
}

/**
 * {@link safeOptimiseWeights} that throws an {@link IntegrationIndexError} carrying the issues.
 *
 * @example
 * ```ts
 * optimiseWeights(data, spec, { level: 3, targets: 'equal' }).weights; //=> { Conn: 0.53, Sust: 0.47 }
 * ```
 */
export function optimiseWeights(
  data: CompositeData,
  spec: PipelineSpec,
  o: OptimiseWeightsOptions,
): OptimisedWeights {
  const r = safeOptimiseWeights(data, spec, o);
  if (!r.ok) throw new IntegrationIndexError(r.issues);
  return r.value;
}
