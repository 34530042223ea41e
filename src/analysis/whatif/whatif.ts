import { invalidArgument, isRecord } from '../../errors/args.js';
/**
 * What-if: change any answers of one unit in one period, re-score, and list every score of that
 * unit and every rank (of any unit) that moves. Runs over the scoring engine's typed arrays: the
 * framework is compiled and the answers prepared once, and the change is one `evaluate`.
 */

import type { PlanNode } from '../../engine/compile/index.js';
import {
  type Evaluation,
  type EvaluationWorkspace,
  evaluate,
} from '../../engine/evaluate/index.js';
import { ruleContext } from '../../engine/prepare/index.js';
import { createIssue, type Issue, type SafeResult } from '../../errors/issue.js';
import { competitionRanks } from '../../math/rank.js';
import type { LeafRuleObject } from '../../rules/_lib/types.js';
import {
  prepareQuestionnaire,
  type QuestionnaireContext,
  type QuestionnaireModelInput,
  questionnaireInputProblem,
} from '../models/questionnaire.js';

/**
 * One changed answer: an indicator (or `indicator.sub`) and the new answer cell.
 *
 * @example
 * ```ts
 * const change: WhatIfChange = { indicator: 'mai_pf_national_strategy.scope', answer: 'a' };
 * ```
 */
export interface WhatIfChange {
  readonly indicator: string;
  /** An option code, number, yes/no, date or `n/a`; null or `''` for no data. */
  readonly answer: string | number | boolean | null;
}

/**
 * A score of the unit that moved.
 *
 * @example
 * ```ts
 * result.scores[0]; //=> { node: 'overall', kind: 'overall', before: 49.96, after: 52.74, delta: 2.78 }
 * ```
 */
export interface ScoreMove {
  node: string;
  kind: string;
  before: number | null;
  after: number | null;
  delta: number | null;
}

/**
 * A rank that moved (any unit, any aggregate).
 *
 * @example
 * ```ts
 * result.ranks[0]; //=> { unit: 'XC', node: 'mainstreaming@legal', before: 3, after: 1 }
 * ```
 */
export interface RankMove {
  unit: string;
  node: string;
  before: number | null;
  after: number | null;
}

/**
 * The outcome of a what-if.
 *
 * @example
 * ```ts
 * result.changes[0]; //=> { indicator: 'mai_lf_equal_treatment_clause', from: 'c', to: 'a' }
 * ```
 */
export interface WhatIfResult {
  unit: string;
  period: string;
  changes: { indicator: string; from: string | null; to: string | null }[];
  scores: ScoreMove[];
  ranks: RankMove[];
}

/**
 * A parsed change: the answer slot and the new parsed value.
 *
 * @example
 * ```ts
 * const c: SlotChange = { slot: 12, value: Number.NEGATIVE_INFINITY }; // n/a
 * ```
 */
export interface SlotChange {
  slot: number;
  value: number;
}

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * The leaf rule object reading answer slot `slot`.
 *
 * @example
 * ```ts
 * slotRule(q, 0)?.node.id; //=> 'rec_lf_labour_market_access'
 * ```
 */
export function slotRule(
  q: QuestionnaireContext,
  slot: number,
): { node: PlanNode; rule: LeafRuleObject } | undefined {
  const node = q.plan.nodes[q.plan.slots[slot] as number];
  const rule = node?.ruleObject;
  if (!node || !rule || rule.composite) return undefined;
  return { node, rule };
}

/**
 * The rule context of the questionnaire's period.
 *
 * @example
 * ```ts
 * periodContext(q).referenceDate; //=> '2021-04-30'
 * ```
 */
export function periodContext(q: QuestionnaireContext) {
  const k = q.prepared.rowPeriod[0] ?? 0;
  return ruleContext(
    q.plan.scale,
    q.prepared.asOf[k] ?? (q.plan.periods[0]?.referenceDate as string),
  );
}

/**
 * Parses answer changes against the framework: unknown indicators, composite indicators and
 * answers the rule refuses are coded issues.
 *
 * @example
 * ```ts
 * parseChanges(q, [{ indicator: 'mai_lf_equal_treatment_clause', answer: 'a' }]); //=> { ok: true, value: [{ slot: 12, value: 0 }] }
 * ```
 */
export function parseChanges(
  q: QuestionnaireContext,
  changes: readonly WhatIfChange[],
): { ok: true; value: SlotChange[] } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const out: SlotChange[] = [];
  const ctx = periodContext(q);
  changes.forEach((c, i) => {
    const slot = q.plan.answerIndex.get(c.indicator);
    const path = ['changes', i];
    if (slot === undefined) {
      issues.push(createIssue('ANALYSIS_UNKNOWN_INDICATOR', { indicator: c.indicator }, { path }));
      return;
    }
    const sr = slot >= 0 ? slotRule(q, slot) : undefined;
    if (!sr) {
      issues.push(
        createIssue(
          'ANALYSIS_BAD_ANSWER',
          {
            indicator: c.indicator,
            detail: 'it is computed from other answers; change those instead.',
          },
          { path },
        ),
      );
      return;
    }
    const a = c.answer;
    if (a === null || a === '') out.push({ slot, value: Number.NaN });
    else if (typeof a === 'string' && a.trim().toLowerCase() === 'n/a') {
      out.push({ slot, value: Number.NEGATIVE_INFINITY });
    } else {
      const parsed = sr.rule.parse(typeof a === 'string' ? a.trim() : a, ctx);
      if (typeof parsed === 'number') out.push({ slot, value: parsed });
      else {
        const detail = createIssue(parsed.code, parsed.params as never).message;
        issues.push(
          createIssue('ANALYSIS_BAD_ANSWER', { indicator: c.indicator, detail }, { path }),
        );
      }
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out };
}

/**
 * Re-scores the questionnaire with some slots of row `row` set to new values; with a
 * `workspace`, into its buffers (the result is overwritten by the next run with it).
 *
 * @example
 * ```ts
 * rescore(q, 2, [{ slot: 12, value: 0 }]).score; // Float64Array, node-major
 * ```
 */
export function rescore(
  q: QuestionnaireContext,
  row: number,
  changes: readonly SlotChange[],
  workspace?: EvaluationWorkspace,
): Evaluation {
  const R = q.units.length;
  const values = q.prepared.values.slice();
  for (const c of changes) values[c.slot * R + row] = c.value;
  return evaluate(q.plan, { ...q.prepared, values }, { workspace });
}

function describeValue(q: QuestionnaireContext, slot: number, value: number): string | null {
  if (Number.isNaN(value)) return null;
  if (value === Number.NEGATIVE_INFINITY) return 'n/a';
  return slotRule(q, slot)?.rule.describe(value) ?? String(value);
}

/**
 * Compares two evaluations: every score of `row` that moved, and every rank that moved.
 *
 * @example
 * ```ts
 * compareEvaluations(q, 0, before, after).scores[0]; //=> { node: 'overall', kind: 'overall', before: 61.2, after: 63.1, delta: 1.9 }
 * ```
 */
export function compareEvaluations(
  q: QuestionnaireContext,
  row: number,
  before: Evaluation,
  after: Evaluation,
): { scores: ScoreMove[]; ranks: RankMove[] } {
  const R = q.units.length;
  const scores: ScoreMove[] = [];
  const ranks: RankMove[] = [];
  for (const node of q.plan.nodes) {
    const base = node.index * R;
    const b = before.score[base + row] as number;
    const a = after.score[base + row] as number;
    if (!Object.is(a, b)) {
      const fb = finiteOrNull(b);
      const fa = finiteOrNull(a);
      scores.push({
        node: node.id,
        kind: node.kind,
        before: fb,
        after: fa,
        delta: fa !== null && fb !== null ? fa - fb : null,
      });
    }
    if (node.kind === 'indicator' || node.kind === 'subquestion') continue;
    const col = (e: Evaluation) =>
      Float64Array.from({ length: R }, (_, r) => {
        const s = e.score[base + r] as number;
        return Number.isFinite(s) ? s : Number.NaN;
      });
    const rb = competitionRanks(col(before));
    const ra = competitionRanks(col(after));
    for (let r = 0; r < R; r++) {
      if (!Object.is(rb[r], ra[r])) {
        ranks.push({
          unit: q.units[r] as string,
          node: node.id,
          before: finiteOrNull(rb[r] as number),
          after: finiteOrNull(ra[r] as number),
        });
      }
    }
  }
  return { scores, ranks };
}

/**
 * Finds the row of `unit`, or an issue.
 *
 * @example
 * ```ts
 * unitRow(q, 'XC'); //=> 2
 * ```
 */
export function unitRow(q: QuestionnaireContext, unit: string): number | Issue {
  const row = q.units.indexOf(unit);
  return row >= 0
    ? row
    : createIssue('ANALYSIS_UNKNOWN_UNIT', { unit, units: q.units }, { path: ['unit'] });
}

/**
 * Changes some answers of `unit` in the period and reports every score and rank that moves.
 *
 * @example
 * ```ts
 * const r = whatIf({ framework, answers, period: '2021' }, 'XA', [{ indicator: 'res_lf_permit_refugees', answer: 'a' }]);
 * r.ok && r.value.scores.find((s) => s.node === 'overall'); //=> { node: 'overall', before: 61.2, after: 62.0, delta: 0.8, ... }
 * ```
 */
export function whatIf(
  input: QuestionnaireModelInput,
  unit: string,
  changes: readonly WhatIfChange[],
): SafeResult<WhatIfResult> {
  const badArgument =
    questionnaireInputProblem('whatIf', input) ??
    (typeof unit !== 'string'
      ? invalidArgument('whatIf', 'unit', 'a unit id (string)', unit)
      : !Array.isArray(changes) ||
          !changes.every(
            (c: unknown) => isRecord(c) && typeof c.indicator === 'string' && 'answer' in c,
          )
        ? invalidArgument(
            'whatIf',
            'changes',
            'an array of changes ({ indicator: string, answer })',
            changes,
          )
        : undefined);
  if (badArgument) return { ok: false, issues: [badArgument] };
  const qr = prepareQuestionnaire(input);
  if (!qr.ok) return qr;
  const q = qr.value;
  const row = unitRow(q, unit);
  if (typeof row !== 'number') return { ok: false, issues: [row] };
  const parsed = parseChanges(q, changes);
  if (!parsed.ok) return parsed;
  const R = q.units.length;
  const before = evaluate(q.plan, q.prepared);
  const after = rescore(q, row, parsed.value);
  const moved = compareEvaluations(q, row, before, after);
  return {
    ok: true,
    value: {
      unit,
      period: q.period,
      changes: parsed.value.map((c, i) => ({
        indicator: changes[i]?.indicator as string,
        from: describeValue(q, c.slot, q.prepared.values[c.slot * R + row] as number),
        to: describeValue(q, c.slot, c.value),
      })),
      ...moved,
    },
    warnings: [],
  };
}

export { describeValue };
