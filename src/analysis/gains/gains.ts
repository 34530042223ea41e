import { invalidArgument } from '../../errors/args.js';
/**
 * Gains: for one unit and period, every single-answer improvement (to the next better option
 * and to the best one), ranked by how much it raises the overall score, with its effect on
 * every dimension and stage: "which reform matters most".
 *
 * Candidate answers of an indicator (or sub-question) are the options its rule declares
 * (`choice` options, `yes`/`no` for `boolean`, one value inside each band of `bands`) and every
 * value other units answered in the period (for open numeric, date or multi-option rules).
 * Answers with no data or not applicable are left as they are: an improvement is a change of a
 * policy that is known and applies.
 */

import type { PlanNode } from '../../engine/compile/index.js';
import { evaluate, evaluationWorkspace } from '../../engine/evaluate/index.js';
import type { Issue, SafeResult } from '../../errors/issue.js';
import type { Cell } from '../../rules/_lib/types.js';
import { bandPoint } from '../../rules/bands/index.js';
import {
  prepareQuestionnaire,
  type QuestionnaireModelInput,
  questionnaireInputProblem,
} from '../models/questionnaire.js';
import { describeValue, periodContext, rescore, slotRule, unitRow } from '../whatif/whatif.js';

/**
 * The effect of one improvement on one aggregate.
 *
 * @example
 * ```ts
 * gain.nodes[0]; //=> { node: 'mainstreaming', kind: 'dimension', before: 30.8, after: 64.2, delta: 33.3 }
 * ```
 */
export interface NodeGain {
  node: string;
  kind: string;
  before: number | null;
  after: number | null;
  delta: number;
}

/**
 * One single-answer improvement.
 *
 * @example
 * ```ts
 * gain.step; //=> 'best'
 * ```
 */
export interface Gain {
  /** The indicator or sub-question (`indicator.sub`) changed. */
  indicator: string;
  /** `next`: the next better option; `best`: the best; `next-best`: the next is the best. */
  step: 'next' | 'best' | 'next-best';
  from: { answer: string | null; score: number };
  to: { answer: string | null; score: number };
  overall: NodeGain;
  /** Overall rank of the unit before and after. */
  rank: { before: number | null; after: number | null };
  /** Every aggregate (dimension, stage, group, cell) that moves, largest gain first. */
  nodes: NodeGain[];
}

/**
 * The gains of one unit in one period.
 *
 * @example
 * ```ts
 * result.gains[0]?.indicator; //=> 'mai_lf_equal_treatment_clause'
 * ```
 */
export interface GainsResult {
  unit: string;
  period: string;
  overall: string;
  /** Improvements, largest overall gain first. */
  gains: Gain[];
  /** Indicators left out: no data, not applicable, or already at their best. */
  atBest: number;
  unanswered: number;
}

function candidateCells(node: PlanNode): Cell[] {
  const rule = node.rule;
  if (!rule) return [];
  switch (rule.kind) {
    case 'choice':
      return rule.options.filter((o) => o.notApplicable !== true).map((o) => o.code);
    case 'boolean':
      return ['yes', 'no'];
    case 'bands':
      return rule.bands.map((b) => bandPoint(b, rule.range?.min ?? 0));
    default:
      return [];
  }
}

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * Lists every single-answer improvement for `unit` in the period, ranked by overall gain.
 *
 * @example
 * ```ts
 * const r = gains({ framework, answers, period: '2021' }, 'XC');
 * r.ok && r.value.gains[0]; //=> { indicator: 'lang_lf_free_courses', step: 'best', overall: { delta: 1.3, ... }, ... }
 * ```
 */
export function gains(input: QuestionnaireModelInput, unit: string): SafeResult<GainsResult> {
  const badUnit =
    questionnaireInputProblem('gains', input) ??
    (typeof unit === 'string'
      ? undefined
      : invalidArgument('gains', 'unit', 'a unit id (string)', unit));
  if (badUnit) return { ok: false, issues: [badUnit] };
  const qr = prepareQuestionnaire(input);
  if (!qr.ok) return qr;
  const q = qr.value;
  const row = unitRow(q, unit);
  if (typeof row !== 'number') return { ok: false, issues: [row] as Issue[] };
  const R = q.units.length;
  const { plan, prepared } = q;
  const ctx = periodContext(q);
  const root = plan.nodeIndex.get(plan.rootId) as number;
  const base = evaluate(plan, prepared);
  // Each candidate's re-score is read and dropped before the next: one set of buffers serves all.
  const workspace = evaluationWorkspace();
  const rankOf = (score: Float64Array) => {
    const mine = score[root * R + row] as number;
    if (!Number.isFinite(mine)) return null;
    let better = 0;
    for (let r = 0; r < R; r++) if ((score[root * R + r] as number) > mine) better++;
    return better + 1;
  };
  const baseRank = rankOf(base.score);
  const out: Gain[] = [];
  let atBest = 0;
  let unanswered = 0;
  const slotCount = plan.slots.length;
  for (let slot = 0; slot < slotCount; slot++) {
    const sr = slotRule(q, slot);
    if (!sr?.rule.scores) continue;
    const { node, rule } = sr;
    const owner =
      node.kind === 'subquestion' ? plan.nodes[plan.nodeIndex.get(node.parent ?? '') ?? -1] : node;
    if (!owner?.scored) continue;
    const current = prepared.values[slot * R + row] as number;
    if (Number.isNaN(current) || current === Number.NEGATIVE_INFINITY) {
      unanswered++;
      continue;
    }
    const currentScore = rule.run(current, ctx);
    // Candidate values: declared options and what other units answered, by score.
    const byScore = new Map<number, number>();
    const consider = (v: number) => {
      if (!Number.isFinite(v)) return;
      const s = rule.run(v, ctx);
      if (Number.isFinite(s) && s > currentScore && !byScore.has(s)) byScore.set(s, v);
    };
    for (const cell of candidateCells(node)) {
      const v = rule.parse(cell, ctx);
      if (typeof v === 'number') consider(v);
    }
    for (let r = 0; r < R; r++) consider(prepared.values[slot * R + r] as number);
    if (byScore.size === 0) {
      atBest++;
      continue;
    }
    const scores = [...byScore.keys()].sort((a, b) => a - b);
    const next = scores[0] as number;
    const best = scores[scores.length - 1] as number;
    const steps: [Gain['step'], number][] =
      next === best
        ? [['next-best', next]]
        : [
            ['next', next],
            ['best', best],
          ];
    for (const [step, target] of steps) {
      const value = byScore.get(target) as number;
      const after = rescore(q, row, [{ slot, value }], workspace);
      const nodes: NodeGain[] = [];
      let overall: NodeGain | undefined;
      for (const n of plan.nodes) {
        if (n.kind === 'indicator' || n.kind === 'subquestion') continue;
        const b = base.score[n.index * R + row] as number;
        const a = after.score[n.index * R + row] as number;
        const delta = Number.isFinite(a) && Number.isFinite(b) ? a - b : Number.NaN;
        const g: NodeGain = {
          node: n.id,
          kind: n.kind,
          before: finiteOrNull(b),
          after: finiteOrNull(a),
          delta,
        };
        if (n.index === root) overall = g;
        else if (delta !== 0 && !Number.isNaN(delta)) nodes.push(g);
      }
      nodes.sort((x, y) => y.delta - x.delta);
      out.push({
        indicator: node.id,
        step,
        from: { answer: describeValue(q, slot, current), score: currentScore },
        to: { answer: describeValue(q, slot, value), score: target },
        overall: overall as NodeGain,
        rank: { before: baseRank, after: rankOf(after.score) },
        nodes,
      });
    }
  }
  // Largest overall gain first (gains within 1e-9 count as equal: floating-point noise), then
  // the largest gain on any one aggregate, then the indicator id.
  const key = (g: Gain) =>
    Number.isNaN(g.overall.delta) ? Number.NEGATIVE_INFINITY : g.overall.delta;
  out.sort((a, b) => {
    const d = key(b) - key(a);
    if (Math.abs(d) > 1e-9) return d;
    const e = (b.nodes[0]?.delta ?? 0) - (a.nodes[0]?.delta ?? 0);
    if (Math.abs(e) > 1e-9) return e;
    return a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0;
  });
  return {
    ok: true,
    value: { unit, period: q.period, overall: plan.rootId, gains: out, atBest, unanswered },
    warnings: [],
  };
}
