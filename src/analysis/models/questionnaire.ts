/**
 * The questionnaire scoring engine (`src/engine/`) as an {@link AnalysisModel}: the framework
 * is compiled and the answers prepared once; each variant only re-runs `evaluate` on the typed
 * arrays of one period, with a plan whose weights, aggregation methods or children the variant
 * changes, and the missing-data policy it picks.
 */
import type { AnswerSet } from '../../answers/types.js';
import { isEngineMethod } from '../../engine/aggregate/index.js';
import { compileFramework, type Plan, type PlanNode } from '../../engine/compile/index.js';
import { evaluate, evaluationWorkspace } from '../../engine/evaluate/index.js';
import { type PreparedAnswers, prepareAnswers } from '../../engine/prepare/index.js';
import {
  answersProblem,
  firstProblem,
  frameworkProblem,
  invalidArgument,
  isRecord,
  optionsProblem,
} from '../../errors/args.js';
import { createIssue, type Issue, type SafeResult } from '../../errors/issue.js';
import type { AggregationMethod } from '../../framework/schema/common.js';
import type { Framework } from '../../framework/schema/framework.js';
import type {
  AnalysisModel,
  ModelComponent,
  ModelDescription,
  ModelLevel,
  Variant,
} from '../model.js';

/**
 * What a questionnaire model is built from.
 *
 * @example
 * ```ts
 * const input: QuestionnaireModelInput = { framework, answers, period: '2021' };
 * ```
 */
export interface QuestionnaireModelInput {
  readonly framework: Framework;
  readonly answers: AnswerSet;
  /** The period whose units are ranked (default: the latest period with answers). */
  readonly period?: string;
  /** Score with the answers in force on this date (`YYYY-MM-DD`). */
  readonly asOf?: string;
}

/**
 * A compiled framework with its answers for one period, shared by the model, what-if and gains.
 *
 * @example
 * ```ts
 * const q = prepareQuestionnaire(input); q.ok && q.value.period; //=> '2021'
 * ```
 */
export interface QuestionnaireContext {
  readonly plan: Plan;
  /** The prepared answers restricted to the chosen period's rows. */
  readonly prepared: PreparedAnswers;
  readonly period: string;
  /** Unit code of each row of `prepared`. */
  readonly units: readonly string[];
}

/**
 * Restricts prepared answers to the rows of one period (the engine's arrays are `slot * rows +
 * row`; the slice keeps that layout).
 */
function subsetPrepared(p: PreparedAnswers, periodIndex: number): PreparedAnswers {
  const rows: number[] = [];
  for (let r = 0; r < p.rowPeriod.length; r++) if (p.rowPeriod[r] === periodIndex) rows.push(r);
  const R = p.rowUnit.length;
  const slots = R === 0 ? 0 : p.values.length / R;
  const values = new Float64Array(slots * rows.length);
  const answer = new Int32Array(slots * rows.length);
  for (let s = 0; s < slots; s++) {
    rows.forEach((r, k) => {
      values[s * rows.length + k] = p.values[s * R + r] as number;
      answer[s * rows.length + k] = p.answer[s * R + r] as number;
    });
  }
  return {
    ...p,
    rowUnit: Int32Array.from(rows, (r) => p.rowUnit[r] as number),
    rowPeriod: Int32Array.from(rows, () => periodIndex),
    values,
    answer,
  };
}

/**
 * Compiles a framework, prepares its answers and picks the period: the shared start of the
 * questionnaire model, what-if and gains.
 *
 * @example
 * ```ts
 * const r = prepareQuestionnaire({ framework, answers, period: '2019' });
 * r.ok && r.value.units; //=> ['XA', 'XB', 'XC']
 * ```
 */
export function prepareQuestionnaire(
  input: QuestionnaireModelInput,
): SafeResult<QuestionnaireContext> {
  const bad = questionnaireInputProblem('buildModel', input);
  if (bad) return { ok: false, issues: [bad] };
  const compiled = compileFramework(input.framework);
  if (!compiled.ok) return compiled;
  const plan = compiled.value;
  const prepared = prepareAnswers(plan, input.answers, { asOf: input.asOf });
  if (!prepared.ok) return prepared;
  const p = prepared.value;
  const periodIds = p.periods.map((k) => plan.periods[k]?.id as string);
  const wanted = input.period ?? periodIds[periodIds.length - 1];
  const k = wanted === undefined ? -1 : periodIds.indexOf(wanted);
  if (k < 0) {
    return {
      ok: false,
      issues: [
        createIssue('ANALYSIS_UNKNOWN_PERIOD', {
          period: wanted ?? '',
          periods: periodIds.length > 0 ? periodIds : plan.periods.map((x) => x.id),
        }),
      ],
    };
  }
  const sub = subsetPrepared(p, k);
  return {
    ok: true,
    value: {
      plan,
      prepared: sub,
      period: wanted as string,
      units: Array.from(sub.rowUnit, (u) => p.units[u] as string),
    },
    warnings: [...compiled.warnings, ...(p.issues as Issue[])],
  };
}

/** Levels of a plan, numbered by height above the indicators (1), ties broken by name. */
function planLevels(plan: Plan): { levels: ModelLevel[]; levelOf: Map<number, number> } {
  const height = new Map<number, number>();
  for (const n of plan.order) {
    const node = plan.nodes[n] as PlanNode;
    if (node.kind === 'subquestion') continue;
    let h = 1;
    for (const c of node.children) h = Math.max(h, (height.get(c) ?? 0) + 1);
    height.set(n, node.kind === 'indicator' ? 1 : h);
  }
  const byLevel = new Map<string, { height: number; nodes: number[] }>();
  for (const [n, h] of height) {
    const node = plan.nodes[n] as PlanNode;
    const entry = byLevel.get(node.level) ?? { height: 0, nodes: [] };
    entry.height = Math.max(entry.height, h);
    entry.nodes.push(n);
    byLevel.set(node.level, entry);
  }
  const ordered = [...byLevel].sort((a, b) => a[1].height - b[1].height || (a[0] < b[0] ? -1 : 1));
  const levelOf = new Map<number, number>();
  const levels = ordered.map(([id, e], i) => {
    for (const n of e.nodes) levelOf.set(n, i + 1);
    return {
      number: i + 1,
      id,
      codes: e.nodes.sort((a, b) => a - b).map((n) => (plan.nodes[n] as PlanNode).id),
    };
  });
  return { levels, levelOf };
}

/**
 * Builds the plan a variant describes: weights by child id, methods per level, children left out.
 */
function variantPlan(plan: Plan, levelOf: Map<number, number>, v: Variant): Plan {
  if (!v.weights && !v.aggregation && !v.exclude) return plan;
  const excluded = new Set<number>();
  for (const id of v.exclude ?? []) {
    const i = plan.nodeIndex.get(id);
    if (i !== undefined) excluded.add(i);
  }
  const a = v.aggregation;
  const nodes = plan.nodes.map((node) => {
    if (node.children.length === 0) return node;
    const level = levelOf.get(node.index) ?? 0;
    const changeMethod = a !== undefined && (!a.levels || a.levels.includes(level));
    let children = node.children;
    let weights = node.childWeights;
    if (excluded.size > 0 && children.some((c) => excluded.has(c))) {
      const keep = Array.from(children.keys()).filter((j) => !excluded.has(children[j] as number));
      weights = Float64Array.from(keep, (j) => weights[j] as number);
      children = Int32Array.from(keep, (j) => children[j] as number);
    }
    if (v.weights) {
      const w = v.weights;
      weights = Float64Array.from(
        children,
        (c, j) => w.get((plan.nodes[c] as PlanNode).id) ?? (weights[j] as number),
      );
    }
    if (!changeMethod && children === node.children && weights === node.childWeights) return node;
    return {
      ...node,
      children,
      childWeights: weights,
      ...(changeMethod ? { method: a.method as PlanNode['method'], p: a.p ?? node.p } : {}),
    } as PlanNode;
  });
  return { ...plan, nodes };
}

/**
 * Compiles a framework and its answers into a model the analyses can re-run.
 *
 * @example
 * ```ts
 * const r = compileQuestionnaireModel({ framework, answers, period: '2021' });
 * r.ok && r.value.description.target; //=> 'overall'
 * ```
 */
export function compileQuestionnaireModel(
  input: QuestionnaireModelInput,
): SafeResult<AnalysisModel> {
  const q = prepareQuestionnaire(input);
  if (!q.ok) return q;
  const { plan, prepared, units } = q.value;
  const { levels, levelOf } = planLevels(plan);
  const components: ModelComponent[] = [];
  for (const node of plan.nodes) {
    if (node.kind === 'subquestion' || !levelOf.has(node.index)) continue;
    components.push({
      code: node.id,
      level: levelOf.get(node.index) as number,
      ...(node.parent !== null ? { parent: node.parent } : {}),
      weight: node.weight,
    });
  }
  const description: ModelDescription = {
    kind: 'questionnaire',
    units,
    steps: ['aggregate', 'missing'],
    levels,
    components,
    target: plan.rootId,
    targets: plan.nodes
      .filter((n) => n.children.length > 0 || n.kind === 'indicator')
      .map((n) => n.id),
  };
  const R = units.length;
  // One set of buffers for every run of this model: a run copies out its target's scores.
  const workspace = evaluationWorkspace();
  const evaluateVariant = (variant: Variant, target: string): Float64Array => {
    const out = new Float64Array(R).fill(Number.NaN);
    const t = plan.nodeIndex.get(target);
    if (t === undefined) return out;
    const ev = evaluate(variantPlan(plan, levelOf, variant), prepared, {
      missing: variant.missing
        ? {
            ...(variant.missing.noData ? { noData: variant.missing.noData } : {}),
            ...(variant.missing.notApplicable
              ? { notApplicable: variant.missing.notApplicable }
              : {}),
          }
        : undefined,
      counts: false,
      workspace,
    });
    if (ev.failures.length > 0) return out;
    for (let r = 0; r < R; r++) {
      const s = ev.score[t * R + r] as number;
      out[r] = Number.isFinite(s) ? s : Number.NaN;
    }
    return out;
  };
  const checkStepOptions = (
    step: 'impute' | 'normalise' | 'aggregate',
    options: unknown,
  ): string[] => {
    if (step !== 'aggregate') return [`a questionnaire framework has no "${step}" step`];
    const method = (options as { method?: AggregationMethod }).method;
    return method !== undefined && isEngineMethod(method)
      ? []
      : [`the scoring engine has no aggregation method "${String(method)}"`];
  };
  return {
    ok: true,
    value: { description, evaluate: evaluateVariant, checkStepOptions },
    warnings: q.warnings,
  };
}

/**
 * `API_INVALID_ARGUMENT` for a value that is not a {@link QuestionnaireModelInput} (a framework,
 * answers, and optionally a period and a date), else `undefined`.
 */
export function questionnaireInputProblem(fn: string, input: unknown): Issue | undefined {
  if (!isRecord(input)) {
    return invalidArgument(
      fn,
      'input',
      'a questionnaire input ({ framework, answers, period?, asOf? })',
      input,
    );
  }
  return firstProblem(
    optionsProblem(fn, 'input', input, {
      framework: 'object',
      answers: 'object',
      period: 'string',
      asOf: 'string',
    }),
    frameworkProblem(fn, 'input.framework', input.framework),
    answersProblem(fn, 'input.answers', input.answers),
  );
}
