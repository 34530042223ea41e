/**
 * The scoring engine: questionnaire answers in, unit x period scores with an audit trail out.
 *
 * ```text
 *  Framework ──compileFramework──▶ Plan (flat nodes in evaluation order, rule objects,
 *      │                            answer slots, dimension x stage cells, stages)
 *      │
 *  AnswerSet ──prepareAnswers(plan)──▶ PreparedAnswers       (prepare/, in four steps:)
 *      (rows read,        classifyRows: check rows against the framework (reject with
 *       reader's            coded issues), supersede by validity dates and asOf;
 *       rejections)       layOutGrid: unit x period rows; settleCells: latest valid_from,
 *                           duplicates and conflicts; fillSlots: typed arrays by answer slot
 *                                   │
 *                                   ▼
 *                         evaluate(plan, prepared, { missing })      ◀── re-run at will
 *                           rules → indicator scores → missing-data policy
 *                           → aggregates (children first, weights renormalised,
 *                             coverage thresholds; means from src/math)
 *                                                           = Evaluation (typed arrays)
 *                                   │
 *                                   ▼
 *                         rankUnits  (competition ranks per node and period, src/math)
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

import type { AnswerStatus } from '../answers/read/_lib/fields.js';
import {
  type AnswerTableSet,
  type ReadAnswersOptions,
  readAnswerTable,
} from '../answers/read/index.js';
import type { AnswerSet } from '../answers/types.js';
import {
  editionWarnings,
  oldEditionPeriods,
  retiredAnswerWarnings,
} from '../editions/comparable.js';
import {
  answersProblem,
  FRAMEWORK_EXPECTED,
  firstProblem,
  invalidArgument,
  isFrameworkLike,
  objectOf,
  optionsProblem,
  sourceFilesProblem,
} from '../errors/args.js';
import {
  createIssue,
  IntegrationIndexError,
  type Issue,
  type SafeResult,
} from '../errors/issue.js';
import type { SourceFile } from '../framework/load/source.js';
import type { Framework } from '../framework/schema/framework.js';
import { createStamp, type ProvenanceInputs } from '../provenance/stamp.js';
import { evidenceRequired, evidenceWarnings } from '../round/evidence/index.js';
import { assemble } from './assemble/index.js';
import { compileFramework, type Plan } from './compile/index.js';
import { evaluate, type MissingOverrides } from './evaluate/index.js';
import { prepareAnswers, prepareTable } from './prepare/index.js';
import { rankUnits } from './rank/index.js';
import type { ScoreResult } from './result/schema.js';
import { applyWeights, type WeightOverrides } from './weights/index.js';

export { assemble } from './assemble/index.js';
export { compileFramework, type NodeKind, type Plan, type PlanNode } from './compile/index.js';
export {
  type Evaluation,
  type EvaluationWorkspace,
  evaluate,
  evaluationWorkspace,
  type MissingOverrides,
} from './evaluate/index.js';
export {
  type AnswerCounts,
  type Disagreement,
  type PreparedAnswers,
  prepareAnswers,
  prepareTable,
} from './prepare/index.js';
export { competitionRanks, rankUnits } from './rank/index.js';
export { applyWeights, type WeightOverrides } from './weights/index.js';

/** Options of {@link score}. */
export interface ScoreOptions {
  /** Score with the answers in force on this date (`YYYY-MM-DD`); default: each period's reference date. */
  asOf?: string | undefined;
  /** Overrides of the framework's missing-data policy for this run. */
  missing?: MissingOverrides | undefined;
  /**
   * Score only answers at or above this review state (`draft` < `submitted` < `reviewed` <
   * `final`; no status counts as `submitted`); how many were left out is a
   * `SCORE_STATUS_EXCLUDED` warning. Default: every answer.
   */
  status?: AnswerStatus | undefined;
  /** The language of titles and labels in the result; default: the framework's. */
  lang?: string | undefined;
  /** The files the framework and answers were read from, for the result's provenance stamp. */
  provenance?: ProvenanceInputs | undefined;
  /**
   * Weights by node id that override the framework's for this run (see {@link applyWeights});
   * recorded in the provenance stamp. Not with a compiled plan, whose weights are fixed.
   */
  weights?: WeightOverrides | undefined;
}

/**
 * Scores answers against a framework, returning the issues instead of throwing. It fails only
 * when the framework cannot be compiled, the options are invalid, or the missing-data policy is
 * `fail` and answers are missing; rejected answer rows are warnings-with-errors on the result
 * (their issues are in `result.issues`), and the rest is scored. `answers` is what
 * `readAnswers` gives, or what `readAnswerTable` gives (the same answers held column-wise,
 * which skips building an object per row: see {@link scoreFiles}).
 *
 * @example
 * ```ts
 * const r = safeScore(framework, answerSet);
 * if (r.ok) r.value.counts; //=> { read: 12, used: 10, superseded: 1, rejected: 1 }
 * ```
 */
export function safeScore(
  framework: Framework | Plan,
  answers: AnswerSet | AnswerTableSet,
  options: ScoreOptions = {},
): SafeResult<ScoreResult> {
  const bad = firstProblem(
    frameworkOrPlanProblem('score', framework),
    answersProblem('score', 'answers', answers),
    optionsProblem('score', 'options', options, scoreOptionFields),
  );
  if (bad) return { ok: false, issues: [bad] };
  let plan: Plan;
  const warnings: Issue[] = [];
  const weights =
    options.weights && Object.keys(options.weights).length > 0 ? options.weights : null;
  if (isPlan(framework)) {
    if (weights) {
      return {
        ok: false,
        issues: [createIssue('SCORE_WEIGHTS_ON_PLAN', undefined, { path: ['weights'] })],
      };
    }
    plan = framework;
  } else {
    const weighed = weights
      ? applyWeights(framework, weights)
      : { ok: true as const, value: framework };
    if (!weighed.ok) return { ok: false, issues: weighed.issues };
    const compiled = compileFramework(weighed.value);
    if (!compiled.ok) return { ok: false, issues: compiled.issues };
    plan = compiled.value;
    warnings.push(...compiled.warnings);
  }
  const prepareOptions = { asOf: options.asOf, status: options.status };
  const prepared =
    'table' in answers
      ? prepareTable(plan, answers, prepareOptions)
      : prepareAnswers(plan, answers, prepareOptions);
  if (!prepared.ok) return { ok: false, issues: prepared.issues };
  const evaluation = evaluate(plan, prepared.value, { missing: options.missing });
  const ranks = rankUnits(plan, prepared.value, evaluation);
  const assembled = assemble(plan, prepared.value, evaluation, ranks, {
    asOf: options.asOf,
    lang: options.lang,
    status: options.status,
  });
  // Old periods scored with a newer edition say what they cannot compare (issue 8).
  const editionIssues = isPlan(framework)
    ? []
    : [
        // Periods whose answers include indicators new in this edition were answered with it.
        ...editionWarnings(framework, oldEditionPeriods(framework, assembled)),
        ...retiredAnswerWarnings(framework, assembled.issues),
      ];
  // Answers without a source where the framework requires one (issue 16).
  const evidenceIssues = isPlan(framework)
    ? []
    : evidenceWarnings(plan, evidenceRequired(framework), prepared.value);
  const result: ScoreResult = {
    ...assembled,
    issues: [...assembled.issues, ...evidenceIssues, ...editionIssues],
    provenance: createStamp(
      plan.framework,
      isPlan(framework) ? undefined : framework,
      {
        asOf: options.asOf ?? null,
        missing: assembled.options.missing,
        lang: options.lang ?? null,
        weights,
        status: options.status ?? null,
        experts: assembled.experts ?? [],
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
  answers: AnswerSet | AnswerTableSet,
  options: ScoreOptions = {},
): ScoreResult {
  const r = safeScore(framework, answers, options);
  if (!r.ok) throw new IntegrationIndexError(r.issues);
  return r.value;
}

/** Options of {@link scoreFiles}: those of {@link score} and of `readAnswers`. */
export type ScoreFilesOptions = ScoreOptions & ReadAnswersOptions;

/**
 * Reads answer files and scores them in one go: `safeScore(framework, readAnswers(files))`
 * with the same result, faster and in less memory on large files, because the rows go from the
 * CSV parser into column-wise storage and on to the scoring grid without an object per row.
 *
 * @example
 * ```ts
 * const r = safeScoreFiles(framework, [{ path: 'bg.csv', content: csvText }], { asOf: '2019-04-30' });
 * if (r.ok) r.value.counts; //=> { read: 12, used: 10, superseded: 1, rejected: 1 }
 * ```
 */
export function safeScoreFiles(
  framework: Framework | Plan,
  files: readonly SourceFile[],
  options: ScoreFilesOptions = {},
): SafeResult<ScoreResult> {
  const bad = firstProblem(
    frameworkOrPlanProblem('scoreFiles', framework),
    sourceFilesProblem('scoreFiles', 'files', files),
    optionsProblem('scoreFiles', 'options', options, scoreFilesOptionFields),
  );
  if (bad) return { ok: false, issues: [bad] };
  const read = readAnswerTable(
    files,
    options.format === undefined ? {} : { format: options.format },
  );
  const { format: _format, ...scoreOptions } = options;
  return safeScore(framework, read, scoreOptions);
}

/**
 * {@link safeScoreFiles} that throws an {@link IntegrationIndexError} carrying the issues when it
 * would fail.
 *
 * @example
 * ```ts
 * scoreFiles(framework, [{ path: 'answers.csv', content: bytes }]).counts.read; //=> 1000000
 * ```
 */
export function scoreFiles(
  framework: Framework | Plan,
  files: readonly SourceFile[],
  options: ScoreFilesOptions = {},
): ScoreResult {
  const r = safeScoreFiles(framework, files, options);
  if (!r.ok) throw new IntegrationIndexError(r.issues);
  return r.value;
}

function isPlan(x: Framework | Plan): x is Plan {
  return 'order' in x && x.order instanceof Int32Array;
}

const isRecordValue = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const scoreOptionFields = {
  asOf: 'string',
  missing: objectOf({
    noData: ['exclude', 'zero', 'fail'],
    notApplicable: ['exclude', 'zero', 'max'],
    coverage: (v) =>
      typeof v === 'number' && v >= 0 && v <= 1 ? undefined : 'a number from 0 to 1',
  }),
  lang: 'string',
  provenance: objectOf({
    framework: 'object',
    answers: 'array',
    relativeTo: ['result', 'cwd'],
    decimals: 'number',
    sheet: 'string',
  }),
  // Values are checked by applyWeights, with their own codes (SCORE_WEIGHT_INVALID).
  weights: 'object',
  // The value is checked by prepareTable, with its own code (SCORE_INVALID_STATUS).
  status: 'string',
} as const;
const scoreFilesOptionFields = {
  ...scoreOptionFields,
  format: ['auto', 'long', 'wide', 'json'],
} as const;

function frameworkOrPlanProblem(fn: string, value: unknown): Issue | undefined {
  if (isRecordValue(value) && isPlan(value as Plan)) return undefined;
  return isFrameworkLike(value)
    ? undefined
    : invalidArgument(
        fn,
        'framework',
        `${FRAMEWORK_EXPECTED}, or a Plan from compileFramework`,
        value,
      );
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
// Types only: the result schemas (zod) are exported by the package entry from
// './result/schema.js', so scoring does not load zod.
export type { NodeResult, ScoreReason, ScoreResult } from './result/schema.js';
