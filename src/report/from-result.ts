import { coverageAt } from '../engine/result/rows.js';
import type { ScoreResult } from '../engine/result/schema.js';
import { frameworkProblem, resultProblem, throwIfAny } from '../errors/args.js';
import type { Framework } from '../framework/schema/framework.js';
import type { Indicator } from '../framework/schema/indicator.js';
import type { FrameworkNode } from '../framework/schema/node.js';
import type { Text } from '../text/text.js';
import type { ResultView, ViewAnswer, ViewCell, ViewNode } from './view.js';

/**
 * Every translatable title of a framework by node id, as the engine names nodes (cells keep
 * the engine's composed dimension × stage title).
 */
function frameworkTitles(framework: Framework): Map<string, Text> {
  const titles = new Map<string, Text>();
  titles.set(framework.overall?.id ?? 'overall', framework.overall?.title ?? framework.title);
  for (const g of framework.groups ?? []) titles.set(g.id, g.title);
  for (const s of framework.stages ?? []) titles.set(s.id, s.title);
  for (const a of framework.aggregates ?? []) titles.set(a.id, a.title);
  const indicator = (i: Indicator) => {
    titles.set(i.id, i.title);
    for (const s of i.subquestions ?? []) titles.set(`${i.id}.${s.id}`, s.title);
  };
  const node = (n: FrameworkNode) => {
    titles.set(n.id, n.title);
    n.indicators?.forEach(indicator);
    n.children?.forEach(node);
  };
  framework.dimensions.forEach(node);
  return titles;
}

/**
 * A {@link ResultView} over the engine's columnar `ScoreResult`. With the framework, node
 * titles keep every language the framework offers (the result stores them in the one language
 * it was scored in), so a report can be written in another. Pure: the result is only read.
 *
 * @example
 * ```ts
 * const view = resultView(score(framework, answers), framework);
 * view.cell('XA', '2021', 'overall'); //=> { score: 61.2, rank: 1, coverage: {...}, reason: null }
 * ```
 */
export function resultView(result: ScoreResult, framework?: Framework): ResultView {
  throwIfAny(
    resultProblem('resultView', 'result', result),
    framework === undefined ? undefined : frameworkProblem('resultView', 'framework', framework),
  );
  const titles = framework ? frameworkTitles(framework) : new Map<string, Text>();
  const byRow = new Map<string, number>();
  const R = result.rows.unit.length;
  for (let r = 0; r < R; r++) {
    const unit = result.units[result.rows.unit[r] as number] as string;
    const period = result.periods[result.rows.period[r] as number]?.id as string;
    byRow.set(`${unit}\u0000${period}`, r);
  }
  const nodeIndex = new Map(result.nodes.map((n, i) => [n.id, i]));
  const subquestions = new Map<string, string[]>();
  for (const n of result.nodes) {
    if (n.kind === 'subquestion' && n.parent !== null) {
      subquestions.set(n.parent, [...(subquestions.get(n.parent) ?? []), n.id]);
    }
  }
  const nodes: ViewNode[] = result.nodes.map((n) => ({
    id: n.id,
    kind: n.kind,
    title: titles.get(n.id) ?? n.title,
    level: n.level,
    stage: n.stage,
    parent: n.parent,
    scored: n.scored,
    children: n.kind === 'indicator' ? (subquestions.get(n.id) ?? []) : n.children.map((c) => c.id),
  }));
  const root = result.nodes.find((n) => n.kind === 'overall') ?? result.nodes[0];
  const periodIds = new Set(result.periods.map((p) => p.id));
  const order = framework?.periods.map((p) => p.id).filter((p) => periodIds.has(p)) ?? [];
  for (const p of result.periods) if (!order.includes(p.id)) order.push(p.id);

  const rowOf = (unit: string, period: string) => byRow.get(`${unit}\u0000${period}`);
  const cell = (unit: string, period: string, node: string): ViewCell | undefined => {
    const r = rowOf(unit, period);
    const i = nodeIndex.get(node);
    if (r === undefined || i === undefined) return undefined;
    const n = result.nodes[i];
    if (!n) return undefined;
    return {
      score: n.score[r] ?? null,
      rank: n.rank[r] ?? null,
      coverage: coverageAt(n, r),
      reason: n.reason[r] ?? null,
    };
  };
  const answer = (unit: string, period: string, indicator: string): ViewAnswer | undefined => {
    const r = rowOf(unit, period);
    const i = nodeIndex.get(indicator);
    if (r === undefined || i === undefined) return undefined;
    const a = result.nodes[i]?.answer?.[r];
    if (a === undefined) return undefined;
    if (a === null) return { answer: null };
    const raw = result.answers.answer[a];
    const option = result.answers.option[a];
    const source = result.answers.source[a];
    const comment = result.answers.comment[a];
    return {
      answer: raw === null || raw === undefined ? null : String(raw),
      ...(option ? { option } : {}),
      ...(source ? { source } : {}),
      ...(comment ? { comment } : {}),
      ...reviewOf(result, a),
    };
  };
  return {
    framework: {
      ...result.framework,
      title: framework?.title ?? result.framework.title,
      language: framework?.language ?? 'en',
    },
    scale: result.scale,
    units: result.units,
    periods: order,
    nodes,
    rootId: root?.id ?? 'overall',
    cell,
    answer,
  };
}

/** Who answered answer `a`, its review state, who reviewed it and when: the fields present. */
function reviewOf(
  result: ScoreResult,
  a: number,
): Pick<ViewAnswer, 'expert' | 'status' | 'reviewer' | 'reviewedOn'> {
  const out: Pick<ViewAnswer, 'expert' | 'status' | 'reviewer' | 'reviewedOn'> = {};
  const { expert, status, reviewer, reviewedOn } = result.answers;
  const e = expert?.[a];
  if (e) out.expert = e;
  const s = status?.[a];
  if (s) out.status = s;
  const r = reviewer?.[a];
  if (r) out.reviewer = r;
  const d = reviewedOn?.[a];
  if (d) out.reviewedOn = d;
  return out;
}
