import {
  isRecord,
  missingField,
  optionsProblem,
  planProblem,
  preparedProblem,
  throwIfAny,
} from '../../errors/args.js';
import type { MissingPolicy } from '../../framework/schema/framework.js';
import type { RuleContext } from '../../rules/_lib/types.js';
import { aggregators } from '../aggregate/index.js';
import type { Plan } from '../compile/index.js';
import { type PreparedAnswers, ruleContext } from '../prepare/index.js';

/** Why a score is empty (or, for an indicator scored by a missing-data policy, why it was imputed). */
export const Reason = {
  ok: 0,
  noData: 1,
  notApplicable: 2,
  coverage: 3,
  noMatch: 4,
  undefinedForMethod: 5,
} as const;

/** The names of {@link Reason} codes, by code, as results report them. */
export const reasonNames = [
  null,
  'no-data',
  'not-applicable',
  'coverage',
  'no-match',
  'undefined-for-method',
] as const;

/** Per-run overrides of the framework's missing-data policy. */
export type MissingOverrides = Partial<MissingPolicy>;

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  missing?: MissingOverrides | undefined;
  /**
   * Whether to count coverage (answered, not applicable, missing) per aggregate; default true.
   * Loops that only need scores (uncertainty analysis) save time with `false`; the coverage
   * arrays are then empty. Coverage thresholds still apply either way.
   */
  counts?: boolean | undefined;
  /**
   * Buffers to score into, from {@link evaluationWorkspace}: loops that evaluate the same plan
   * many times (what-if, gains, uncertainty) pass one workspace and allocate nothing per run.
   * The evaluation returned then lives in the workspace: the next run with it overwrites it.
   */
  workspace?: EvaluationWorkspace | undefined;
}

/** Buffers {@link evaluate} reuses between runs; see {@link evaluationWorkspace}. */
export interface EvaluationWorkspace {
  /** @internal The typed arrays by role, grown when a run needs more. */
  buffers: Partial<Record<WorkspaceBuffer, Float64Array | Int32Array | Uint8Array>>;
}

type WorkspaceBuffer =
  | 'score'
  | 'reason'
  | 'answered'
  | 'notApplicable'
  | 'missing'
  | 'presentW'
  | 'missingW'
  | 'sumWX'
  | 'presentN'
  | 'vals'
  | 'wts';

/**
 * An empty workspace for {@link evaluate}: the first run with it allocates the score, reason and
 * coverage arrays and the aggregation scratch; later runs of the same size reuse them (zeroed).
 *
 * @example
 * ```ts
 * const ws = evaluationWorkspace();
 * for (const v of variants) use(evaluate(plan, prepared, { workspace: ws, missing: v }));
 * ```
 */
export function evaluationWorkspace(): EvaluationWorkspace {
  return { buffers: {} };
}

/** A zeroed array of `length` for `role`, taken from the workspace when it has one that fits. */
function buffer<T extends Float64Array | Int32Array | Uint8Array>(
  ws: EvaluationWorkspace | undefined,
  role: WorkspaceBuffer,
  length: number,
  make: (n: number) => T,
): T {
  if (!ws) return make(length);
  const held = ws.buffers[role] as T | undefined;
  if (held && held.length === length) {
    held.fill(0);
    return held;
  }
  const fresh = make(length);
  ws.buffers[role] = fresh;
  return fresh;
}

/**
 * Scores of every node for every row, in flat node-major typed arrays (`node * rows + row`).
 * `score` is finite, NaN (empty) or -Infinity (not applicable); for indicators that report a value
 * rather than a score (`numeric` without goalposts) it holds the value. Coverage counts are kept
 * for aggregates (indicators' follow from `reason`).
 */
export interface Evaluation {
  readonly rows: number;
  readonly score: Float64Array;
  readonly reason: Uint8Array;
  readonly answered: Int32Array;
  readonly notApplicable: Int32Array;
  readonly missing: Int32Array;
  /** The policy applied: the framework's, with the run's overrides. */
  readonly policy: MissingPolicy;
  /** Under the `fail` policy: the (node, row) pairs without data, node-major. */
  readonly failures: Int32Array;
}

/**
 * Scores prepared answers: rules turn each answer slot into a score, combining rules read their
 * inputs, the missing-data policy applies (no data: `exclude` leaves the indicator out, `zero`
 * scores the scale's minimum, `fail` records it; not applicable: `exclude`, `zero` or `max`), then
 * aggregates combine their children present with renormalised weights, in the plan's order. An
 * aggregate whose children present cover less than its coverage threshold (a share of the weight
 * of its children that are applicable) is empty with reason `coverage`; one whose children are
 * all not applicable is itself not applicable. Works on flat typed arrays: no object per score,
 * so it can run thousands of times on the same prepared answers. Pure.
 *
 * @example
 * ```ts
 * const ev = evaluate(plan, prepared);
 * ev.score[plan.nodeIndex.get('overall')! * ev.rows + 0]; //=> the first row's overall score
 * ```
 */
export function evaluate(
  plan: Plan,
  prepared: PreparedAnswers,
  options: EvaluateOptions = {},
): Evaluation {
  throwIfAny(
    planProblem('evaluate', 'plan', plan),
    preparedProblem('evaluate', 'prepared', prepared),
    optionsProblem('evaluate', 'options', options, evaluateOptionFields),
  );
  const policy: MissingPolicy = { ...plan.missing, ...stripUndefined(options.missing ?? {}) };
  const R = prepared.rowUnit.length;
  const N = plan.nodes.length;
  const { min, max } = plan.scale;
  const ws = options.workspace;
  const f64 = (n: number) => new Float64Array(n);
  const i32 = (n: number) => new Int32Array(n);
  const score = buffer(ws, 'score', N * R, f64);
  const reason = buffer(ws, 'reason', N * R, (n) => new Uint8Array(n));
  const counting = options.counts !== false;
  const answered = buffer(ws, 'answered', counting ? N * R : 0, i32);
  const notApplicable = buffer(ws, 'notApplicable', counting ? N * R : 0, i32);
  const missing = buffer(ws, 'missing', counting ? N * R : 0, i32);
  const failures: number[] = [];
  const ctxs: RuleContext[] = prepared.periods.map((_, k) =>
    ruleContext(plan.scale, prepared.asOf[k] as string),
  );
  const rowCtx: RuleContext[] = Array.from(prepared.rowPeriod, (p) => ctxs[p] as RuleContext);
  const noDataScore = policy.noData === 'zero' ? min : Number.NaN;
  const naScore =
    policy.notApplicable === 'zero'
      ? min
      : policy.notApplicable === 'max'
        ? max
        : Number.NEGATIVE_INFINITY;
  const values = prepared.values;
  // Scratch buffers for aggregation, sized to the largest node.
  let widest = 1;
  for (const node of plan.nodes)
    widest = Math.max(widest, node.children.length, node.inputs.length);
  const vals = buffer(ws, 'vals', widest, f64);
  const wts = buffer(ws, 'wts', widest, f64);
  const presentW = buffer(ws, 'presentW', R, f64);
  const missingW = buffer(ws, 'missingW', R, f64);
  const sumWX = buffer(ws, 'sumWX', R, f64);
  const presentN = buffer(ws, 'presentN', R, i32);

  for (const n of plan.order) {
    const node = plan.nodes[n];
    if (!node) continue;
    const base = n * R;
    const rule = node.ruleObject;
    if (node.kind === 'indicator' || node.kind === 'subquestion') {
      if (!rule) continue;
      if (!rule.composite && rule.lookup) {
        lookupScores(values, node.slot * R, rule.lookup, score, base, R);
      } else if (!rule.composite) {
        const from = node.slot * R;
        for (let r = 0; r < R; r++) {
          const v = values[from + r] as number;
          score[base + r] =
            !Number.isNaN(v) && v !== Number.NEGATIVE_INFINITY
              ? rule.run(v, rowCtx[r] as RuleContext)
              : v;
        }
      } else {
        const inputs = node.inputs;
        const k = inputs.length;
        const buf = vals.subarray(0, k);
        for (let r = 0; r < R; r++) {
          for (let j = 0; j < k; j++) buf[j] = score[(inputs[j] as number) * R + r] as number;
          score[base + r] = rule.run(buf, rowCtx[r] as RuleContext);
        }
      }
      const applyPolicy = node.kind === 'subquestion' || node.scored;
      const fail = applyPolicy && policy.noData === 'fail' && node.kind === 'indicator';
      const failed = missingPolicy(score, reason, base, R, applyPolicy, naScore, noDataScore, fail);
      for (const r of failed) failures.push(n, r);
      continue;
    }

    // Aggregates: accumulate children column by column (cache-friendly), then finish per row.
    const children = node.children;
    const weights = node.childWeights;
    const method = node.method ?? 'amean';
    const threshold = node.coverage ?? policy.coverage;
    presentW.fill(0);
    missingW.fill(0);
    sumWX.fill(0);
    presentN.fill(0);
    for (let c = 0; c < children.length; c++) {
      const child = children[c] as number;
      const w = weights[c] as number;
      const cb = child * R;
      accumulate(score, cb, w, R, presentW, sumWX, presentN, missingW);
      if (!counting) continue;
      if (plan.nodes[child]?.kind === 'indicator') {
        countLeaf(reason, cb, base, R, answered, notApplicable, missing);
      } else {
        addColumn(answered, cb, base, R);
        addColumn(notApplicable, cb, base, R);
        addColumn(missing, cb, base, R);
      }
    }
    finishAggregate(
      score,
      reason,
      base,
      R,
      { presentN, presentW, missingW, sumWX },
      threshold,
      method === 'amean' ? null : aggregators[method],
      children,
      weights,
      { vals, wts },
      node.p,
    );
  }
  return {
    rows: R,
    score,
    reason,
    answered,
    notApplicable,
    missing,
    policy,
    failures: Int32Array.from(failures),
  };
}

/*
 * The hot loops live in small functions of their own: each gets optimised once and stays
 * optimised across calls, where one large function's loops could run unoptimised (allocating a
 * heap number per double operation) until on-stack replacement caught up.
 */

/**
 * The missing-data policy on one indicator's column: reasons for empty scores, and the policy's
 * score where it applies. Returns the rows without data under `fail`.
 */
function missingPolicy(
  score: Float64Array,
  reason: Uint8Array,
  base: number,
  R: number,
  applyPolicy: boolean,
  naScore: number,
  noDataScore: number,
  fail: boolean,
): number[] {
  const failed: number[] = [];
  for (let r = 0; r < R; r++) {
    const s = score[base + r] as number;
    if (Number.isFinite(s)) continue;
    if (s === Number.NEGATIVE_INFINITY) {
      reason[base + r] = Reason.notApplicable;
      if (applyPolicy) score[base + r] = naScore;
    } else {
      reason[base + r] = s === Number.POSITIVE_INFINITY ? Reason.noMatch : Reason.noData;
      score[base + r] = applyPolicy ? noDataScore : Number.NaN;
      if (fail) failed.push(r);
    }
  }
  return failed;
}

/** Per row of one aggregate: empty, not applicable, below its coverage threshold, or its mean. */
function finishAggregate(
  score: Float64Array,
  reason: Uint8Array,
  base: number,
  R: number,
  sums: {
    presentN: Int32Array;
    presentW: Float64Array;
    missingW: Float64Array;
    sumWX: Float64Array;
  },
  threshold: number,
  aggregate: (typeof aggregators)[keyof typeof aggregators] | null,
  children: ArrayLike<number>,
  weights: ArrayLike<number>,
  scratch: { vals: Float64Array; wts: Float64Array },
  p: number,
): void {
  const { presentN, presentW, missingW, sumWX } = sums;
  const { vals, wts } = scratch;
  for (let r = 0; r < R; r++) {
    const present = presentN[r] as number;
    if (present === 0) {
      if ((missingW[r] as number) > 0) {
        score[base + r] = Number.NaN;
        reason[base + r] = Reason.noData;
      } else {
        score[base + r] = Number.NEGATIVE_INFINITY;
        reason[base + r] = Reason.notApplicable;
      }
      continue;
    }
    const pw = presentW[r] as number;
    if (threshold > 0 && pw / (pw + (missingW[r] as number)) < threshold - 1e-12) {
      score[base + r] = Number.NaN;
      reason[base + r] = Reason.coverage;
      continue;
    }
    if (aggregate === null) {
      finishMean(score, reason, base + r, (sumWX[r] as number) / pw);
      continue;
    }
    let k = 0;
    for (let c = 0; c < children.length; c++) {
      const v = score[(children[c] as number) * R + r] as number;
      if (!Number.isNaN(v) && v !== Number.NEGATIVE_INFINITY) {
        vals[k] = v;
        wts[k] = weights[c] as number;
        k++;
      }
    }
    finishMean(score, reason, base + r, aggregate(vals, wts, k, p));
  }
}

/** Stores an aggregate's score, or empty with `undefined-for-method` when it is not finite. */
function finishMean(score: Float64Array, reason: Uint8Array, at: number, s: number): void {
  if (Number.isFinite(s)) score[at] = s;
  else {
    score[at] = Number.NaN;
    reason[at] = Reason.undefinedForMethod;
  }
}

/** Indicator scores through a rule's lookup table; NaN and -Infinity pass through. */
function lookupScores(
  values: Float64Array,
  from: number,
  lookup: Float64Array,
  score: Float64Array,
  base: number,
  R: number,
): void {
  for (let r = 0; r < R; r++) {
    const v = values[from + r] as number;
    score[base + r] =
      !Number.isNaN(v) && v !== Number.NEGATIVE_INFINITY ? (lookup[v] as number) : v;
  }
}

/** Adds one child's column to the running weighted sums of its parent. */
function accumulate(
  score: Float64Array,
  cb: number,
  w: number,
  R: number,
  presentW: Float64Array,
  sumWX: Float64Array,
  presentN: Int32Array,
  missingW: Float64Array,
): void {
  for (let r = 0; r < R; r++) {
    const s = score[cb + r] as number;
    if (!Number.isNaN(s) && s !== Number.NEGATIVE_INFINITY) {
      presentW[r] = (presentW[r] as number) + w;
      sumWX[r] = (sumWX[r] as number) + w * s;
      presentN[r] = (presentN[r] as number) + 1;
    } else if (s !== Number.NEGATIVE_INFINITY) missingW[r] = (missingW[r] as number) + w;
  }
}

/** Counts an indicator child as answered, not applicable or missing, from its reasons. */
function countLeaf(
  reason: Uint8Array,
  cb: number,
  base: number,
  R: number,
  answered: Int32Array,
  notApplicable: Int32Array,
  missing: Int32Array,
): void {
  // Branch-free: reasons are mixed at random across rows, so branches would mispredict.
  for (let r = 0; r < R; r++) {
    const why = reason[cb + r] as number;
    const at = base + r;
    const ok = +(why === Reason.ok);
    const na = +(why === Reason.notApplicable);
    answered[at] = (answered[at] as number) + ok;
    notApplicable[at] = (notApplicable[at] as number) + na;
    missing[at] = (missing[at] as number) + 1 - ok - na;
  }
}

/** Adds an aggregate child's counts to its parent's. */
function addColumn(counts: Int32Array, cb: number, base: number, R: number): void {
  for (let r = 0; r < R; r++) {
    counts[base + r] = (counts[base + r] as number) + (counts[cb + r] as number);
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o))
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** The fields of {@link EvaluateOptions}, for the argument check of {@link evaluate}. */
const evaluateOptionFields = {
  missing: missingField,
  counts: 'boolean',
  workspace: (v: unknown) =>
    isRecord(v) && isRecord(v.buffers) ? undefined : 'a workspace from evaluationWorkspace',
} as const;
