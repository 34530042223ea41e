/**
 * Reconciling a round answered by several experts: where they disagree in score, what each
 * answer would do to the dimension and overall scores, and which disagreements a reviewer has
 * settled with a `status: final` answer.
 *
 * ```text
 *  answers ──prepare──▶ disagreements (cells whose rows in force differ in score)
 *                │
 *                └──▶ for each member: evaluate with its value in the cell
 *                          → indicator, dimension and overall score under that choice
 * ```
 */
import type { AnswerTableSet } from '../../answers/read/index.js';
import type { AnswerSet } from '../../answers/types.js';
import { compileFramework, type Plan, type PlanNode } from '../../engine/compile/index.js';
import { evaluate, type MissingOverrides } from '../../engine/evaluate/index.js';
import {
  type Disagreement,
  type PreparedAnswers,
  type PrepareOptions,
  prepareAnswers,
  prepareTable,
} from '../../engine/prepare/index.js';
import {
  answersProblem,
  firstProblem,
  invalidArgument,
  isRecord,
  missingField,
  optionsProblem,
  planProblem,
  preparedProblem,
  throwIfAny,
} from '../../errors/args.js';
import type { Issue, SafeResult } from '../../errors/issue.js';
import { IntegrationIndexError } from '../../errors/issue.js';
import type { Framework } from '../../framework/schema/framework.js';
import { resolveText } from '../../text/resolve.js';
import type { Text } from '../../text/text.js';

/**
 * Options of {@link reconcile}.
 *
 * @example
 * ```ts
 * reconcile(framework, answers, { status: 'submitted', lang: 'bg' });
 * ```
 */
export interface ReconcileOptions extends PrepareOptions {
  /** Overrides of the framework's missing-data policy, as for `score`. */
  missing?: MissingOverrides | undefined;
  /** The language of titles; default: the framework's. */
  lang?: string | undefined;
}

/**
 * Scores of an indicator, its dimension and the overall node in one unit and period.
 *
 * @example
 * ```ts
 * const now: ReconcileScores = { indicator: null, dimension: 46.9, overall: 50.7 };
 * ```
 */
export interface ReconcileScores {
  /** Null when empty (no data, not applicable, below coverage). */
  indicator: number | null;
  dimension: number | null;
  overall: number | null;
}

/**
 * One expert's answer in a disagreement, and what choosing it would give.
 *
 * @example
 * ```ts
 * reconcile(framework, answers).items[0]?.choices[0]?.expert; //=> 'ivanova'
 * ```
 */
export interface ReconcileChoice {
  expert: string | null;
  /** As written; null for no data. */
  answer: string | number | boolean | null;
  /** The option code(s) it matched, where the rule has options. */
  option: string | null;
  status: string | null;
  reviewer: string | null;
  reviewedOn: string | null;
  source: string | null;
  comment: string | null;
  file: string;
  line: number;
  row: number;
  /** Scores with this answer in the cell. */
  scores: ReconcileScores;
  /** Whether this is the answer the reviewer settled on. */
  chosen: boolean;
}

/**
 * A unit, period and question where experts disagree in score.
 *
 * @example
 * ```ts
 * reconcile(framework, answers).items[0]?.question; //=> 'res_lf_renewal_conditions'
 * ```
 */
export interface ReconcileItem {
  unit: string;
  period: string;
  /** The answer address: an indicator id, or `indicator.sub`. */
  question: string;
  indicator: string;
  title: string;
  dimension: string | null;
  dimensionTitle: string | null;
  /** Settled by a final answer (then scored with it), or open (then no answer is used). */
  settled: boolean;
  /** The scores as they stand: with the settled answer, or without any answer when open. */
  current: ReconcileScores;
  choices: ReconcileChoice[];
}

/**
 * What {@link reconcile} gives.
 *
 * @example
 * ```ts
 * reconcile(framework, answers).counts; //=> { disagreements: 3, settled: 1, open: 2 }
 * ```
 */
export interface Reconciliation {
  /** Every expert named in the answers, sorted. */
  experts: string[];
  items: ReconcileItem[];
  counts: { disagreements: number; settled: number; open: number };
}

/**
 * Lists where experts disagree: per unit, period and question, the rows in force at the same
 * time whose scores differ (identical scores, also from differently worded answers, are
 * agreement and not listed). For each expert's answer: its score, source, comment and review
 * state, and the indicator, dimension and overall score the unit would get with it. A
 * disagreement is settled when a `status: final` row (in the same file or a resolution file
 * read with it) decides it; open ones stay `SCORE_CONFLICTING_ANSWERS` when scoring. Pure.
 *
 * @example
 * ```ts
 * const r = safeReconcile(framework, readAnswers(files));
 * if (r.ok) r.value.counts; //=> { disagreements: 3, settled: 1, open: 2 }
 * ```
 */
export function safeReconcile(
  framework: Framework | Plan,
  answers: AnswerSet | AnswerTableSet,
  options: ReconcileOptions = {},
): SafeResult<Reconciliation> {
  const bad = reconcileProblem('safeReconcile', framework, answers, options);
  if (bad) return { ok: false, issues: [bad] };
  let plan: Plan;
  const warnings: Issue[] = [];
  if ('order' in framework && framework.order instanceof Int32Array) plan = framework;
  else {
    const compiled = compileFramework(framework as Framework);
    if (!compiled.ok) return { ok: false, issues: compiled.issues };
    plan = compiled.value;
    warnings.push(...compiled.warnings);
  }
  const prepareOptions: PrepareOptions = { asOf: options.asOf, status: options.status };
  const prepared =
    'table' in answers
      ? prepareTable(plan, answers, prepareOptions)
      : prepareAnswers(plan, answers, prepareOptions);
  if (!prepared.ok) return { ok: false, issues: prepared.issues };
  const value = reconcilePrepared(plan, prepared.value, {
    missing: options.missing,
    lang: options.lang,
  });
  return { ok: true, value, warnings: [...warnings, ...prepared.value.issues] };
}

/**
 * {@link safeReconcile} that throws an {@link IntegrationIndexError} with the issues when the
 * framework or the options are invalid.
 *
 * @example
 * ```ts
 * reconcile(framework, answerSet).items[0]?.choices.map((c) => [c.expert, c.scores.overall]);
 * //=> [['ivanova', 61.2], ['petrov', 63.9]]
 * ```
 */
export function reconcile(
  framework: Framework | Plan,
  answers: AnswerSet | AnswerTableSet,
  options: ReconcileOptions = {},
): Reconciliation {
  throwIfAny(reconcileProblem('reconcile', framework, answers, options));
  const r = safeReconcile(framework, answers, options);
  if (!r.ok) throw new IntegrationIndexError(r.issues);
  return r.value;
}

/**
 * The reconciliation of answers already prepared against a plan (the engine's
 * `prepared.disagreements`), re-evaluating once per expert's answer.
 *
 * @example
 * ```ts
 * reconcilePrepared(plan, prepared).counts.open; //=> 2
 * ```
 */
export function reconcilePrepared(
  plan: Plan,
  prepared: PreparedAnswers,
  options: Pick<ReconcileOptions, 'missing' | 'lang'> = {},
): Reconciliation {
  throwIfAny(
    planProblem('reconcilePrepared', 'plan', plan),
    preparedProblem('reconcilePrepared', 'prepared', prepared),
    optionsProblem('reconcilePrepared', 'options', options, {
      missing: missingField,
      lang: 'string',
    }),
  );
  const lang = options.lang ?? plan.framework.language;
  const text = (t: Text): string => resolveText(t, lang, plan.framework.language).text;
  const R = prepared.rowUnit.length;
  const evalOptions = { missing: options.missing, counts: false };
  const base = evaluate(plan, prepared, evalOptions);
  const rootIndex = plan.nodeIndex.get(plan.rootId) as number;
  const { table } = prepared;
  const scoresAt = (score: Float64Array, d: Disagreement, ids: NodeIds): ReconcileScores => {
    const at = (n: number): number | null => {
      if (n < 0) return null;
      const s = score[n * R + d.row] as number;
      return Number.isFinite(s) ? s : null;
    };
    return { indicator: at(ids.indicator), dimension: at(ids.dimension), overall: at(rootIndex) };
  };
  const items: ReconcileItem[] = [];
  const experts = [...new Set(table.expert.values())].sort();
  for (const d of prepared.disagreements) {
    const slotNode = plan.nodes[plan.slots[d.slot] as number] as PlanNode;
    const ids = nodeIds(plan, slotNode);
    const indicatorNode = plan.nodes[ids.indicator] as PlanNode;
    const dimensionNode = ids.dimension >= 0 ? (plan.nodes[ids.dimension] as PlanNode) : null;
    const rule = slotNode.ruleObject;
    const choices: ReconcileChoice[] = d.members.map((m, k) => {
      const values = Float64Array.from(prepared.values);
      values[d.slot * R + d.row] = d.values[k] as number;
      const ev = evaluate(plan, { ...prepared, values }, evalOptions);
      const row = table.rowAt(m);
      const v = d.values[k] as number;
      return {
        expert: row.expert ?? null,
        answer: row.answer,
        option: rule && !rule.composite && Number.isFinite(v) ? (rule.describe(v) ?? null) : null,
        status: row.status ?? null,
        reviewer: row.reviewer ?? null,
        reviewedOn: row.reviewedOn ?? null,
        source: row.source ?? null,
        comment: row.comment ?? null,
        file: row.origin.file,
        line: row.origin.line,
        row: row.origin.row,
        scores: scoresAt(ev.score, d, ids),
        chosen: m === d.settledBy,
      };
    });
    const first = table.rowAt(d.members[0] as number);
    items.push({
      unit: first.unit,
      period: first.period,
      question: slotNode.id,
      indicator: indicatorNode.id,
      title: text(indicatorNode.title),
      dimension: dimensionNode?.id ?? null,
      dimensionTitle: dimensionNode ? text(dimensionNode.title) : null,
      settled: d.settledBy >= 0,
      current: scoresAt(base.score, d, ids),
      choices,
    });
  }
  const settled = items.filter((i) => i.settled).length;
  return {
    experts,
    items,
    counts: { disagreements: items.length, settled, open: items.length - settled },
  };
}

interface NodeIds {
  indicator: number;
  dimension: number;
}

/** The indicator a slot's node belongs to (itself, or a sub-question's parent) and its dimension. */
function nodeIds(plan: Plan, node: PlanNode): NodeIds {
  let indicator = node.index;
  if (node.kind === 'subquestion' && node.parent !== null) {
    indicator = plan.nodeIndex.get(node.parent) ?? indicator;
  }
  let dimension = -1;
  let at: PlanNode | undefined = plan.nodes[indicator];
  while (at && at.parent !== null) {
    const up = plan.nodeIndex.get(at.parent);
    if (up === undefined) break;
    at = plan.nodes[up];
    if (at?.kind === 'dimension') {
      dimension = at.index;
      break;
    }
  }
  return { indicator, dimension };
}

/**
 * Columns of {@link reconciliationRows}: one row per expert's answer.
 *
 * @example
 * ```ts
 * reconciliationColumns[4]; //=> 'settled'
 * ```
 */
export const reconciliationColumns = [
  'unit',
  'period',
  'question',
  'dimension',
  'settled',
  'expert',
  'answer',
  'option',
  'status',
  'reviewer',
  'reviewed_on',
  'indicator_score',
  'dimension_score',
  'overall_score',
  'source',
  'comment',
  'file',
  'line',
] as const;

/**
 * A reconciliation as a table (header plus one row per expert's answer), scores at full
 * precision, ready for CSV (`toCsv`) or a spreadsheet.
 *
 * @example
 * ```ts
 * const { header, rows } = reconciliationRows(reconcile(framework, answers));
 * header[0]; //=> 'unit'
 * ```
 */
export function reconciliationRows(rec: Reconciliation): {
  header: string[];
  rows: (string | number | boolean | null)[][];
} {
  throwIfAny(reconciliationProblem(rec));
  const rows: (string | number | boolean | null)[][] = [];
  for (const item of rec.items) {
    for (const c of item.choices) {
      rows.push([
        item.unit,
        item.period,
        item.question,
        item.dimension,
        item.settled ? (c.chosen ? 'chosen' : 'set aside') : 'open',
        c.expert,
        c.answer,
        c.option,
        c.status,
        c.reviewer,
        c.reviewedOn,
        c.scores.indicator,
        c.scores.dimension,
        c.scores.overall,
        c.source,
        c.comment,
        c.file,
        c.line,
      ]);
    }
  }
  return { header: [...reconciliationColumns], rows };
}

/** The first argument problem of {@link reconcile} or {@link safeReconcile}, if any. */
function reconcileProblem(
  fn: string,
  framework: unknown,
  answers: unknown,
  options: unknown,
): Issue | undefined {
  return firstProblem(
    planProblem(fn, 'framework', framework, { framework: true }),
    answersProblem(fn, 'answers', answers),
    optionsProblem(fn, 'options', options, {
      asOf: 'string',
      // The value is checked by prepareTable, with its own code (SCORE_INVALID_STATUS).
      status: 'string',
      missing: missingField,
      lang: 'string',
    }),
  );
}

/** `API_INVALID_ARGUMENT` for a value that is not a {@link Reconciliation}, else `undefined`. */
function reconciliationProblem(rec: unknown): Issue | undefined {
  const expected = 'a Reconciliation from reconcile ({ experts, items, counts })';
  if (!isRecord(rec) || !Array.isArray(rec.items)) {
    return invalidArgument('reconciliationRows', 'rec', expected, rec);
  }
  const items: unknown[] = rec.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isRecord(item) || !Array.isArray(item.choices)) {
      return invalidArgument(
        'reconciliationRows',
        `rec.items.${String(i)}`,
        'a reconciliation item ({ unit, period, question, choices: array, ... })',
        item,
      );
    }
    const choices: unknown[] = item.choices;
    for (let j = 0; j < choices.length; j++) {
      const c = choices[j];
      if (!isRecord(c) || !isRecord(c.scores)) {
        return invalidArgument(
          'reconciliationRows',
          `rec.items.${String(i)}.choices.${String(j)}`,
          'a choice ({ expert, answer, scores: object, ... })',
          c,
        );
      }
    }
  }
  return undefined;
}
