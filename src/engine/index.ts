/**
 * The scoring engine: questionnaire answers in, unit x period scores with an audit trail out.
 *
 * ```text
 *  Framework ──compileFramework──▶ Plan (flat nodes in evaluation order, rule objects,
 *      │                            answer slots, dimension x stage cells, stages)
 *      │
 *  AnswerSet ──prepareAnswers(plan)──▶ PreparedAnswers
 *      (rows read,        check rows against the framework (reject with coded issues),
 *       reader's          supersede by validity dates and asOf, settle duplicates;
 *       rejections)       grid of unit x period rows by answer slots, typed arrays
 *                                   │
 *                                   ▼
 *                         evaluate(plan, prepared, { missing })      ◀── re-run at will
 *                           rules → indicator scores → missing-data policy
 *                           → aggregates (children first, weights renormalised,
 *                             coverage thresholds)        = Evaluation (typed arrays)
 *                                   │
 *                                   ▼
 *                         rankUnits  (competition ranks per node and period)
 *                                   │
 *                                   ▼
 *                         assemble   → ScoreResult (JSON-safe, columnar, issues, counts)
 *                                   │
 *                                   ▼
 *                         explain(result, { unit, period, node }) → the tree of one score
 * ```
 *
 * Every phase is a pure function; `score` and `safeScore` run them all.
 */
import type { AnswerSet } from '../answers/types.js';
import { editionWarnings, retiredAnswerWarnings } from '../editions/comparable.js';
import { IntegrationIndexError, type Issue, type SafeResult } from '../errors/issue.js';
import type { Framework } from '../framework/schema/framework.js';
import { createStamp, type ProvenanceInputs } from '../provenance/stamp.js';
import { assemble } from './assemble/index.js';
import { compileFramework, type Plan } from './compile/index.js';
import { evaluate, type MissingOverrides } from './evaluate/index.js';
import { prepareAnswers } from './prepare/index.js';
import { rankUnits } from './rank/index.js';
import type { ScoreResult } from './result/schema.js';

export { assemble } from './assemble/index.js';
export { compileFramework, type NodeKind, type Plan, type PlanNode } from './compile/index.js';
export { type Evaluation, evaluate, type MissingOverrides } from './evaluate/index.js';
export { type AnswerCounts, type PreparedAnswers, prepareAnswers } from './prepare/index.js';
export { competitionRanks, rankUnits } from './rank/index.js';

/** Options of {@link score}. */
export interface ScoreOptions {
  /** Score with the answers in force on this date (`YYYY-MM-DD`); default: each period's reference date. */
  asOf?: string | undefined;
  /** Overrides of the framework's missing-data policy for this run. */
  missing?: MissingOverrides | undefined;
  /** The language of titles and labels in the result; default: the framework's. */
  lang?: string | undefined;
  /** The files the framework and answers were read from, for the result's provenance stamp. */
  provenance?: ProvenanceInputs | undefined;
}

/**
 * Scores answers against a framework, returning the issues instead of throwing. It fails only
 * when the framework cannot be compiled, the options are invalid, or the missing-data policy is
 * `fail` and answers are missing; rejected answer rows are warnings-with-errors on the result
 * (their issues are in `result.issues`), and the rest is scored.
 *
 * @example
 * ```ts
 * const r = safeScore(framework, answerSet);
 * if (r.ok) r.value.counts; //=> { read: 12, used: 10, superseded: 1, rejected: 1 }
 * ```
 */
export function safeScore(
  framework: Framework | Plan,
  answers: AnswerSet,
  options: ScoreOptions = {},
): SafeResult<ScoreResult> {
  let plan: Plan;
  const warnings: Issue[] = [];
  if (isPlan(framework)) plan = framework;
  else {
    const compiled = compileFramework(framework);
    if (!compiled.ok) return { ok: false, issues: compiled.issues };
    plan = compiled.value;
    warnings.push(...compiled.warnings);
  }
  const prepared = prepareAnswers(plan, answers, { asOf: options.asOf });
  if (!prepared.ok) return { ok: false, issues: prepared.issues };
  const evaluation = evaluate(plan, prepared.value, { missing: options.missing });
  const ranks = rankUnits(plan, prepared.value, evaluation);
  const assembled = assemble(plan, prepared.value, evaluation, ranks, {
    asOf: options.asOf,
    lang: options.lang,
  });
  // Old periods scored with a newer edition say what they cannot compare (issue 8).
  const editionIssues = isPlan(framework)
    ? []
    : [
        ...editionWarnings(
          framework,
          assembled.periods.map((p) => p.id),
        ),
        ...retiredAnswerWarnings(framework, assembled.issues),
      ];
  const result: ScoreResult = {
    ...assembled,
    issues: [...assembled.issues, ...editionIssues],
    provenance: createStamp(
      plan.framework,
      isPlan(framework) ? undefined : framework,
      {
        asOf: options.asOf ?? null,
        missing: assembled.options.missing,
        lang: options.lang ?? null,
      },
      options.provenance ?? {},
    ),
  };
  if (evaluation.failures.length > 0) {
    return {
      ok: false,
      issues: result.issues.filter((i) => i.code.startsWith('SCORE_NO_DATA')) as Issue[],
    };
  }
  return { ok: true, value: result, warnings: [...warnings, ...(result.issues as Issue[])] };
}

/**
 * Scores answers against a framework (or a compiled plan); throws an
 * {@link IntegrationIndexError} carrying the issues when {@link safeScore} would fail.
 *
 * @example
 * ```ts
 * const result = score(framework, answerSet, { asOf: '2019-04-30' });
 * result.nodes.find((n) => n.id === 'overall')?.score; //=> [72.5, 50.7, ...]
 * ```
 */
export function score(
  framework: Framework | Plan,
  answers: AnswerSet,
  options: ScoreOptions = {},
): ScoreResult {
  const r = safeScore(framework, answers, options);
  if (!r.ok) throw new IntegrationIndexError(r.issues);
  return r.value;
}

function isPlan(x: Framework | Plan): x is Plan {
  return 'order' in x && x.order instanceof Int32Array;
}

export {
  type ExplainedAnswer,
  type ExplainedNode,
  type ExplainQuery,
  explain,
  safeExplain,
} from './explain/index.js';
export { type RenderOptions, renderExplanation } from './explain/render.js';
export { formatScore, roundHalfAwayFromZero } from './result/round.js';
export {
  coverageShare,
  filterResult,
  findRow,
  type RowFilter,
  type ScoreRow,
  scoreRows,
} from './result/rows.js';
export {
  type NodeResult,
  nodeResultSchema,
  type ScoreReason,
  type ScoreResult,
  scoreResultSchema,
} from './result/schema.js';
