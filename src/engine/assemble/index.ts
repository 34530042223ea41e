import type { AnswerStatus } from '../../answers/read/_lib/fields.js';
import {
  evaluationProblem,
  invalidArgument,
  optionsProblem,
  planProblem,
  preparedProblem,
  throwIfAny,
} from '../../errors/args.js';
import { createIssue, type Issue } from '../../errors/issue.js';
import type { Rule } from '../../rules/schema.js';
import { resolveText } from '../../text/resolve.js';
import type { Text } from '../../text/text.js';
import type { Plan, PlanNode } from '../compile/index.js';
import { type Evaluation, Reason, reasonNames } from '../evaluate/index.js';
import type { PreparedAnswers } from '../prepare/index.js';
import type { NodeResult, ScoreReason, ScoreResult } from '../result/schema.js';

/** Options of {@link assemble}. */
export interface AssembleOptions {
  /** The `asOf` option the run used, recorded in the result. */
  asOf?: string | undefined;
  /** The language of titles and labels; the framework's default when left out. */
  lang?: string | undefined;
  /** The lowest review state scored (`score --status`), recorded in the result. */
  status?: AnswerStatus | undefined;
}

const MAX_FAILURES_LISTED = 50;

function ruleInfo(node: PlanNode, text: (t: Text) => string): NodeResult['rule'] {
  const rule = node.rule as Rule | null;
  if (!rule) return null;
  const info: NonNullable<NodeResult['rule']> = { kind: rule.kind };
  if (rule.kind === 'choice' || rule.kind === 'multi') {
    info.options = rule.options.map((o) => ({
      code: o.code,
      label: text(o.label),
      score: o.notApplicable === true ? null : (o.score ?? null),
    }));
  }
  if (node.ruleObject?.composite) info.inputs = [...node.ruleObject.inputs];
  if (rule.kind === 'formula') info.expression = rule.expression;
  return info;
}

/**
 * Turns an evaluation into a {@link ScoreResult}: plain JSON-safe columns per node (scores,
 * ranks, reasons, coverage for aggregates, the answer in force for indicators), the answers in
 * force, the counts and every issue. Empty scores become `null`. Pure.
 *
 * @example
 * ```ts
 * const result = assemble(plan, prepared, evaluate(plan, prepared), rankUnits(plan, prepared, ev));
 * result.counts; //=> { read, used, superseded, rejected }
 * ```
 */
export function assemble(
  plan: Plan,
  prepared: PreparedAnswers,
  evaluation: Evaluation,
  ranks: Int32Array,
  options: AssembleOptions = {},
): ScoreResult {
  throwIfAny(
    planProblem('assemble', 'plan', plan),
    preparedProblem('assemble', 'prepared', prepared),
    evaluationProblem('assemble', 'evaluation', evaluation),
    ranks instanceof Int32Array
      ? undefined
      : invalidArgument('assemble', 'ranks', 'an Int32Array of ranks from rankUnits', ranks),
    optionsProblem('assemble', 'options', options, {
      asOf: 'string',
      lang: 'string',
      status: 'string',
    }),
  );
  const lang = options.lang ?? plan.framework.language;
  const text = (t: Text): string => resolveText(t, lang, plan.framework.language).text;
  const R = evaluation.rows;
  const { score, reason } = evaluation;
  const issues: Issue[] = [...prepared.issues];
  /** The unit and period of row `r`, as the issue parameters name them. */
  const rowPlace = (r: number) => ({
    unit: prepared.units[prepared.rowUnit[r] as number] as string,
    period: (
      plan.periods[prepared.periods[prepared.rowPeriod[r] as number] as number] as { id: string }
    ).id,
  });
  const nodes: NodeResult[] = plan.nodes.map((node) => {
    const base = node.index * R;
    const isLeaf = node.kind === 'indicator' || node.kind === 'subquestion';
    const valueOnly = node.ruleObject !== null && !node.ruleObject.scores;
    const scores: (number | null)[] = new Array(R);
    const rankCol: (number | null)[] = new Array(R);
    const reasons: (ScoreReason | null)[] = new Array(R);
    for (let r = 0; r < R; r++) {
      const s = score[base + r] as number;
      scores[r] = Number.isFinite(s) && !valueOnly ? s : null;
      const k = ranks[base + r] as number;
      rankCol[r] = k > 0 ? k : null;
      reasons[r] = reasonNames[reason[base + r] as number] ?? null;
    }
    const result: NodeResult = {
      id: node.id,
      kind: node.kind,
      title:
        node.stageTitle === null
          ? text(node.title)
          : `${text(node.title)} × ${text(node.stageTitle)}`,
      level: node.level,
      stage: node.stage,
      parent: node.parent,
      depth: node.depth,
      scored: node.scored,
      weight: node.weight,
      method: node.method,
      children: Array.from(node.children, (c, i) => ({
        id: (plan.nodes[c] as PlanNode).id,
        weight: node.childWeights[i] as number,
      })),
      rule: ruleInfo(node, text),
      score: scores,
      rank: rankCol,
      reason: reasons,
    };
    if (valueOnly) {
      result.value = column(score, base, R, (v) => (Number.isFinite(v) ? v : null));
    }
    if (isLeaf) {
      const answers: (number | null)[] = new Array(R);
      const from = node.slot * R;
      for (let r = 0; r < R; r++) {
        const a = node.slot < 0 ? -1 : (prepared.answer[from + r] as number);
        answers[r] = a >= 0 ? a : null;
      }
      result.answer = answers;
      for (let r = 0; r < R; r++) {
        if (reason[base + r] === Reason.noMatch) {
          issues.push(
            createIssue(
              'SCORE_TABLE_NO_MATCH',
              {
                ...rowPlace(r),
                indicator: node.id,
              },
              { severity: 'warning', path: [node.id] },
            ),
          );
        }
      }
    } else {
      const answered = column(evaluation.answered, base, R, (v) => v);
      const notApplicable = column(evaluation.notApplicable, base, R, (v) => v);
      const missing = column(evaluation.missing, base, R, (v) => v);
      result.coverage = {
        answered,
        notApplicable,
        missing,
        expected: answered.map((a, r) => a + (notApplicable[r] as number) + (missing[r] as number)),
      };
    }
    return result;
  });

  const f = evaluation.failures;
  for (let k = 0; k < f.length && k < 2 * MAX_FAILURES_LISTED; k += 2) {
    const node = plan.nodes[f[k] as number] as PlanNode;
    const r = f[k + 1] as number;
    issues.push(
      createIssue(
        'SCORE_NO_DATA',
        {
          ...rowPlace(r),
          indicator: node.id,
        },
        { path: [node.id] },
      ),
    );
  }
  if (f.length > 2 * MAX_FAILURES_LISTED) {
    issues.push(createIssue('SCORE_NO_DATA_MORE', { count: f.length / 2 - MAX_FAILURES_LISTED }));
  }

  const { used, table } = prepared;
  const files = [...prepared.files];
  // Result file index of each of the table's files.
  const fileIndex = new Map(prepared.files.map((file, i) => [file, i]));
  const fileOf = table.files.map((file) => {
    let fi = fileIndex.get(file);
    if (fi === undefined) {
      fi = files.length;
      files.push(file);
      fileIndex.set(file, fi);
    }
    return fi;
  });
  const U = used.length;
  const answers: ScoreResult['answers'] = {
    answer: new Array(U),
    option: new Array(U),
    source: {},
    comment: {},
    validFrom: {},
    validTo: {},
    file: new Array(U),
    row: new Array(U),
    line: new Array(U),
  };
  const optional = (
    [
      [table.source, answers.source],
      [table.comment, answers.comment],
      [table.validFrom, answers.validFrom],
      [table.validTo, answers.validTo],
    ] as const
  ).filter(([from]) => from.size > 0);
  // Who answered and the review state: columns only when some answer has them.
  const review = (
    [
      [table.expert, 'expert'],
      [table.status, 'status'],
      [table.reviewer, 'reviewer'],
      [table.reviewedOn, 'reviewedOn'],
    ] as const
  ).filter(([from]) => from.size > 0);
  for (const [, key] of review) answers[key] = {};
  const dict = table.values;
  // Which node each used answer belongs to, to describe its option.
  const S = plan.slots.length;
  for (let slot = 0; slot < S; slot++) {
    const node = plan.nodes[plan.slots[slot] as number] as PlanNode;
    const rule = node.ruleObject;
    for (let r = 0; r < R; r++) {
      const a = prepared.answer[slot * R + r] as number;
      if (a < 0 || a >= U) continue;
      const i = used[a] as number;
      const v = prepared.values[slot * R + r] as number;
      const id = table.answer[i] as number;
      const value = id < 0 ? null : (dict[id] as string | number | boolean);
      answers.answer[a] = value;
      answers.option[a] =
        rule && !rule.composite && Number.isFinite(v) ? (rule.describe(v) ?? null) : null;
      answers.file[a] = fileOf[table.file[i] as number] as number;
      answers.row[a] = table.row[i] as number;
      answers.line[a] = table.line[i] as number;
      for (const [from, to] of optional) {
        const x = from.get(i);
        if (x !== undefined) to[a] = x;
      }
      for (const [from, key] of review) {
        const x = from.get(i);
        if (x !== undefined) (answers[key] as Record<string, string>)[a] = x;
      }
    }
  }

  return {
    format: 1,
    framework: {
      id: plan.framework.id,
      title: text(plan.framework.title),
      edition: plan.framework.edition,
      version: plan.framework.version,
      language: lang,
    },
    rootId: plan.rootId,
    scale: { min: plan.scale.min, max: plan.scale.max },
    options: {
      asOf: options.asOf ?? null,
      missing: { ...evaluation.policy },
      ...(options.status === undefined ? {} : { status: options.status }),
    },
    ...(table.expert.size > 0 ? { experts: [...new Set(table.expert.values())].sort() } : {}),
    units: [...prepared.units],
    periods: prepared.periods.map((p, k) => {
      const period = plan.periods[p] as { id: string; referenceDate: string };
      return {
        id: period.id,
        referenceDate: period.referenceDate,
        asOf: prepared.asOf[k] as string,
      };
    }),
    rows: { unit: Array.from(prepared.rowUnit), period: Array.from(prepared.rowPeriod) },
    nodes,
    answers,
    files,
    counts: { ...prepared.counts },
    issues: issues.map(stripUndefinedFields),
  };
}

/** `R` entries of a typed array from `base`, mapped, as a plain array (faster than `Array.from`). */
function column<T>(from: ArrayLike<number>, base: number, R: number, map: (v: number) => T): T[] {
  const out: T[] = new Array(R);
  for (let r = 0; r < R; r++) out[r] = map(from[base + r] as number);
  return out;
}

function stripUndefinedFields(issue: Issue): Issue {
  const out = { ...issue };
  for (const k of Object.keys(out) as (keyof Issue)[]) if (out[k] === undefined) delete out[k];
  if (out.params) {
    out.params = Object.fromEntries(Object.entries(out.params).filter(([, v]) => v !== undefined));
  }
  return out;
}
