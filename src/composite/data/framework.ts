import type { AnswerRow } from '../../answers/types.js';
import { answersProblem, firstProblem, frameworkProblem } from '../../errors/args.js';
import { createIssue, type Issue, type SafeResult } from '../../errors/issue.js';
import type { Framework } from '../../framework/schema/framework.js';
import type { FrameworkNode } from '../../framework/schema/node.js';
import type { CompositeData, MetaNode, UnitTable } from './types.js';

/**
 * Builds composite data from a framework of this package and its answers, so the numeric
 * indicators of any framework take the same pipeline as COINr data: every indicator with a
 * `numeric` rule becomes a level-1 indicator (direction, weight, target, goalposts,
 * denominator from the rule); aggregates are the dimensions and groups that hold them, levelled
 * from the bottom (an aggregate sits one level above its highest child), and the framework's
 * `overall` tops the tree. Indicators named as another's `denominator` become denominator
 * columns instead. Periods are the framework's, as numbers when their ids are numeric (years)
 * and as 1, 2, ... in declaration order otherwise. Answers that are not numbers are
 * `COMPOSITE_NOT_NUMERIC` errors at their file and line; `n/a` and empty answers are missing.
 *
 * @example
 * ```ts
 * const data = compositeFromFramework(framework, answers.rows);
 * if (data.ok && framework.pipeline) runPipeline(data.value, framework.pipeline);
 * ```
 */
export function compositeFromFramework(
  framework: Framework,
  answers: readonly AnswerRow[],
): SafeResult<CompositeData> {
  const bad = firstProblem(
    frameworkProblem('compositeFromFramework', 'framework', framework),
    answersProblem('compositeFromFramework', 'answers', {
      rows: answers,
      rejected: [],
      errors: [],
      warnings: [],
    }),
  );
  if (bad) return { ok: false, issues: [bad] };
  const issues: Issue[] = [];
  const nodes: MetaNode[] = [];
  const level = new Map<string, number>();
  const denominatorIds = new Set<string>();
  const walkIndicators = (n: FrameworkNode): void => {
    for (const ind of n.indicators ?? []) {
      if (ind.rule.kind === 'numeric' && ind.rule.denominator)
        denominatorIds.add(ind.rule.denominator);
    }
    for (const c of n.children ?? []) walkIndicators(c);
  };
  for (const d of framework.dimensions) walkIndicators(d);
  const parentOf = new Map<string, string>();
  const visit = (n: FrameworkNode, parent: string | undefined): number => {
    let top = 0;
    for (const ind of n.indicators ?? []) {
      if (ind.rule.kind !== 'numeric' || denominatorIds.has(ind.id)) continue;
      const m: MetaNode = {
        code: ind.id,
        level: 1,
        parent: n.id,
        direction: ind.rule.direction,
        weight: ind.weight,
        type: 'Indicator',
      };
      if (typeof ind.title === 'string') m.name = ind.title;
      if (ind.rule.target !== undefined) m.target = ind.rule.target;
      if (ind.rule.denominator !== undefined) m.denominator = ind.rule.denominator;
      if (ind.rule.goalposts) {
        m.goalpostLower = ind.rule.goalposts.min;
        m.goalpostUpper = ind.rule.goalposts.max;
      }
      nodes.push(m);
      top = Math.max(top, 1);
    }
    for (const c of n.children ?? []) top = Math.max(top, visit(c, n.id));
    if (top === 0) return 0;
    level.set(n.id, top + 1);
    if (parent !== undefined) parentOf.set(n.id, parent);
    nodes.push({
      code: n.id,
      level: top + 1,
      direction: 1,
      weight: n.weight,
      type: 'Aggregate',
      ...(typeof n.title === 'string' ? { name: n.title } : {}),
    });
    return top + 1;
  };
  const groups = new Map((framework.groups ?? []).map((g) => [g.id, g]));
  for (const d of framework.dimensions) visit(d, d.parent);
  // Groups above the dimensions, then the overall aggregate on top.
  const groupLevel = (id: string): number => {
    const kids = nodes.filter(
      (n) => parentOf.get(n.code) === id || (n.type === 'Indicator' && n.parent === id),
    );
    return kids.length === 0 ? 0 : Math.max(...kids.map((k) => k.level)) + 1;
  };
  const pending = [...groups.keys()];
  for (let pass = 0; pass < pending.length + 1; pass++) {
    for (const id of pending) {
      if (level.has(id)) continue;
      const l = groupLevel(id);
      if (l === 0) continue;
      const g = groups.get(id);
      if (!g) continue;
      level.set(id, l);
      if (g.parent !== undefined) parentOf.set(id, g.parent);
      nodes.push({
        code: id,
        level: l,
        direction: 1,
        weight: g.weight,
        type: 'Aggregate',
        ...(typeof g.title === 'string' ? { name: g.title } : {}),
      });
    }
  }
  const overall = framework.overall?.id ?? 'overall';
  const tops = nodes.filter((n) => n.type === 'Aggregate' && !parentOf.has(n.code));
  const topLevel = Math.max(0, ...tops.map((t) => t.level)) + 1;
  for (const t of tops) parentOf.set(t.code, overall);
  if (tops.length > 0)
    nodes.push({ code: overall, level: topLevel, direction: 1, weight: 1, type: 'Aggregate' });
  for (const n of nodes) {
    const p = n.type === 'Indicator' ? n.parent : parentOf.get(n.code);
    if (p === undefined || n.code === overall) continue;
    n.parent = p;
    const pl = p === overall ? topLevel : level.get(p);
    if (pl !== undefined && pl !== n.level + 1) {
      issues.push(
        createIssue(
          'COMPOSITE_LEVEL_GAP',
          { code: n.code, level: n.level, parent: p, parentLevel: pl },
          { path: [n.code] },
        ),
      );
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const indicators = nodes.filter((n) => n.type === 'Indicator').map((n) => n.code);
  const numericIds = framework.periods.every((p) => /^-?\d+(\.\d+)?$/.test(p.id));
  const periodNumber = new Map(
    framework.periods.map((p, i) => [p.id, numericIds ? Number(p.id) : i + 1]),
  );
  // One row per unit and period that has any answer, in order of appearance.
  const rowOf = new Map<string, number>();
  const codes: string[] = [];
  const periods: (number | null)[] = [];
  for (const a of answers) {
    const key = `${a.unit}\u0000${a.period}`;
    if (rowOf.has(key) || !periodNumber.has(a.period)) continue;
    rowOf.set(key, codes.length);
    codes.push(a.unit);
    periods.push(periodNumber.get(a.period) as number);
  }
  const n = codes.length;
  const col = new Map(indicators.map((c, i) => [c, i]));
  const values = new Float64Array(indicators.length * n).fill(Number.NaN);
  const denominators: Record<string, Float64Array> = {};
  for (const d of denominatorIds) denominators[d] = new Float64Array(n).fill(Number.NaN);
  for (const a of answers) {
    const r = rowOf.get(`${a.unit}\u0000${a.period}`);
    const c = col.get(a.indicator);
    const d = denominators[a.indicator];
    if (r === undefined || (c === undefined && !d)) continue;
    let v = Number.NaN;
    if (typeof a.answer === 'number') v = a.answer;
    else if (
      typeof a.answer === 'string' &&
      a.answer.trim() !== '' &&
      a.answer.trim().toLowerCase() !== 'n/a'
    ) {
      v = Number(a.answer);
      if (!Number.isFinite(v)) {
        issues.push(
          createIssue(
            'COMPOSITE_NOT_NUMERIC',
            { value: a.answer, column: a.indicator },
            { file: a.origin.file, line: a.origin.line, row: a.origin.row, field: 'answer' },
          ),
        );
        continue;
      }
    }
    if (c !== undefined) values[c * n + r] = v;
    else if (d) d[r] = v;
  }
  if (issues.length > 0) return { ok: false, issues };
  const units: UnitTable = {
    codes,
    names: codes.map(() => null),
    periods,
    groups: {},
    denominators,
  };
  const ordered = [
    ...nodes.filter((x) => x.type === 'Indicator'),
    ...nodes.filter((x) => x.type === 'Aggregate').sort((a, b) => a.level - b.level),
  ];
  return {
    ok: true,
    value: {
      units,
      meta: { nodes: ordered, groups: [], denominators: [...denominatorIds], others: [] },
      raw: { rows: Int32Array.from({ length: n }, (_, i) => i), codes: indicators, values },
    },
    warnings: [],
  };
}
