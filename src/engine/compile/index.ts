import { closest } from 'fastest-levenshtein';
import { createIssue, type Issue } from '../../errors/issue.js';
import type { AggregationMethod } from '../../framework/schema/common.js';
import type { Framework, MissingPolicy, Period } from '../../framework/schema/framework.js';
import type { Indicator, SubQuestion } from '../../framework/schema/indicator.js';
import type { Aggregation, FrameworkNode } from '../../framework/schema/node.js';
import type { RuleObject } from '../../rules/_lib/types.js';
import { createRule } from '../../rules/registry.js';
import type { LeafRule, Rule } from '../../rules/schema.js';
import type { Text } from '../../text/text.js';
import { type EngineAggregationMethod, isEngineMethod } from '../aggregate/index.js';
import type { NodeResult } from '../result/schema.js';

/**
 * What a node of the compiled tree is: the overall score, a group of dimensions, a dimension
 * (or nested sub-dimension), a dimension x stage cell, a stage, an extra aggregate, an
 * indicator or a sub-question.
 */
export type NodeKind = NodeResult['kind'];

/** One node of a {@link Plan}: flat, addressed by its index. */
export interface PlanNode {
  readonly index: number;
  readonly id: string;
  readonly kind: NodeKind;
  readonly title: Text;
  /** The framework level id (`node.level`), else a default named after the kind. */
  readonly level: string;
  readonly stage: string | null;
  /** The node it sits under in the framework's tree (for display); null for roots. */
  readonly parent: string | null;
  readonly depth: number;
  /** Whether the node enters its parents' scores. */
  readonly scored: boolean;
  /** Its own weight among its siblings in the tree. */
  readonly weight: number;
  /** Aggregates: the children it aggregates (scored ones only) and their weights. */
  readonly children: Int32Array;
  readonly childWeights: Float64Array;
  readonly method: EngineAggregationMethod | null;
  readonly p: number;
  /** A coverage threshold set on this node; otherwise the run's or framework's default applies. */
  readonly coverage: number | undefined;
  /** Indicators and sub-questions: the rule as written and its rule object. */
  readonly rule: Rule | LeafRule | null;
  readonly ruleObject: RuleObject | null;
  /** The answer slot this node reads, or -1 (aggregates, composite indicators). */
  readonly slot: number;
  /** Composite indicators: the nodes whose scores feed the rule, in the rule's input order. */
  readonly inputs: Int32Array;
  /** Indicator type (`policy`, `outcome`, `input`), null for others. */
  readonly indicatorType: Indicator['type'] | null;
  /** Cells: the stage's title, shown after the dimension's. */
  readonly stageTitle: Text | null;
}

/**
 * A framework compiled for scoring: a flat node table in evaluation order (children and inputs
 * before the nodes that use them), answer slots, and lookup maps. Built once, used for any number
 * of answer sets and re-scorings.
 */
export interface Plan {
  readonly framework: {
    readonly id: string;
    readonly title: Text;
    readonly edition: string;
    readonly version: string;
    readonly language: string;
  };
  readonly scale: { readonly min: number; readonly max: number };
  readonly nodes: readonly PlanNode[];
  /** Node indexes, children and inputs first. */
  readonly order: Int32Array;
  /** Node index of each answer slot. */
  readonly slots: Int32Array;
  /** Answer address (id, alias, `indicator.sub`) → slot; composite indicators map to `-(node + 1)`. */
  readonly answerIndex: ReadonlyMap<string, number>;
  /** Node id or alias → node index. */
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly periods: readonly Period[];
  readonly stages: readonly string[];
  readonly missing: MissingPolicy;
  readonly rootId: string;
}

/** Default level names when the framework does not name a node's level. */
const defaultLevel: Record<NodeKind, string> = {
  overall: 'overall',
  group: 'group',
  dimension: 'dimension',
  cell: 'cell',
  stage: 'stage',
  aggregate: 'aggregate',
  indicator: 'indicator',
  subquestion: 'subquestion',
};

interface Draft {
  id: string;
  kind: NodeKind;
  title: Text;
  level: string;
  stage: string | null;
  parent: string | null;
  depth: number;
  scored: boolean;
  weight: number;
  children: { node: number; weight: number }[];
  aggregation: Aggregation | undefined;
  rule: Rule | LeafRule | null;
  ruleObject: RuleObject | null;
  slot: number;
  inputs: number[];
  indicatorType: Indicator['type'] | null;
  stageTitle?: Text;
  /** Composites: local sub-question ids → node index, to resolve inputs. */
  locals?: Map<string, number>;
}

/**
 * Compiles a framework into a {@link Plan}: the tree (groups, dimensions, nested nodes,
 * indicators, sub-questions), the dimension x stage cells and stages (with
 * `aggregation.stageRollup: cells`, indicators → cells → dimensions and stages; with
 * `indicators`, dimensions and stages aggregate indicators directly and cells are reported
 * only), the overall node (`aggregation.overall`: its top-level children or the stages), extra
 * `aggregates`, rule objects, answer slots and an evaluation order. Unscored nodes (`scored:
 * false`; `outcome`/`input` indicators; `numeric` rules without goalposts) are compiled and
 * reported but enter no parent. Pure: the framework is not modified.
 *
 * @example
 * ```ts
 * const compiled = compileFramework(framework);
 * if (compiled.ok) compiled.value.nodes.length; //=> every node, indicators included
 * ```
 */
export function compileFramework(
  framework: Framework,
): { ok: true; value: Plan; warnings: Issue[] } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const drafts: Draft[] = [];
  const nodeIndex = new Map<string, number>();
  const answerIndex = new Map<string, number>();
  const slotNodes: number[] = [];
  const agg = framework.aggregation;
  const stages = (framework.stages ?? []).map((s) => s.id);
  const stageWeights = new Map((framework.stages ?? []).map((s) => [s.id, s.weight]));
  const stageTitles = new Map((framework.stages ?? []).map((s) => [s.id, s.title]));
  const cellsMode = stages.length > 0 && agg.stageRollup === 'cells';

  const add = (
    d: Omit<Draft, 'children' | 'inputs' | 'slot' | 'ruleObject' | 'rule' | 'indicatorType'> &
      Partial<Draft>,
  ): number => {
    const i = drafts.length;
    drafts.push({
      children: [],
      inputs: [],
      slot: -1,
      rule: null,
      ruleObject: null,
      indicatorType: null,
      ...d,
    });
    if (nodeIndex.has(d.id)) {
      issues.push(
        createIssue(
          'FRAMEWORK_DUPLICATE_ID',
          { id: d.id, first: 'another node' },
          { path: [d.id] },
        ),
      );
    } else nodeIndex.set(d.id, i);
    return i;
  };
  const alias = (names: readonly string[] | undefined, i: number): void => {
    for (const n of names ?? []) if (!nodeIndex.has(n)) nodeIndex.set(n, i);
  };
  // A child of weight 0 (a run's weight override) enters no parent: it neither scores nor counts.
  const link = (parent: number, child: number, weight: number): void => {
    const d = drafts[child] as Draft;
    if (d.scored && weight > 0) (drafts[parent] as Draft).children.push({ node: child, weight });
  };
  const makeRule = (
    rule: Rule | LeafRule,
    subquestions: readonly SubQuestion[],
    path: string,
  ): RuleObject | null => {
    try {
      return createRule(rule, { subquestions });
    } catch (error) {
      const found = (error as { issues?: Issue[] }).issues;
      if (!found) throw error;
      for (const issue of found) issues.push({ ...issue, path: [path, ...issue.path] });
      return null;
    }
  };

  // The overall node and groups.
  const rootId = framework.overall?.id ?? 'overall';
  const root = add({
    id: rootId,
    kind: 'overall',
    title: framework.overall?.title ?? framework.title,
    level: 'overall',
    stage: null,
    parent: null,
    depth: 0,
    scored: true,
    weight: 1,
    aggregation: framework.overall?.aggregation,
  });
  const groups = framework.groups ?? [];
  for (const g of groups) {
    alias(
      g.aliases,
      add({
        id: g.id,
        kind: 'group',
        title: g.title,
        level: g.level ?? defaultLevel.group,
        stage: null,
        parent: g.parent ?? rootId,
        depth: 1,
        scored: g.scored ?? true,
        weight: g.weight,
        aggregation: g.aggregation,
      }),
    );
  }

  // Dimensions, their nested nodes, indicators and sub-questions.
  const cellsOfStage = new Map<string, number[]>(stages.map((s) => [s, []]));
  const indicatorsOfStage = new Map<string, number[]>(stages.map((s) => [s, []]));
  const topLevel: number[] = [];
  const visitNode = (
    node: FrameworkNode,
    parent: string,
    depth: number,
    nested: boolean,
    parentScored: boolean,
  ): number => {
    const scored = parentScored && node.scored !== false;
    const i = add({
      id: node.id,
      kind: 'dimension',
      title: node.title,
      level: node.level ?? (nested ? 'subdimension' : defaultLevel.dimension),
      stage: null,
      parent,
      depth,
      scored: node.scored !== false,
      weight: node.weight,
      aggregation: node.aggregation,
    });
    alias(node.aliases, i);
    for (const child of node.children ?? []) {
      const c = visitNode(child, node.id, depth + 1, true, scored);
      link(i, c, child.weight);
    }
    const cells = new Map<string, number>();
    for (const ind of node.indicators ?? []) {
      const x = visitIndicator(ind, node.id, depth + 1);
      const d = drafts[x] as Draft;
      if (cellsMode && ind.stage !== undefined) {
        let cell = cells.get(ind.stage);
        if (cell === undefined) {
          cell = add({
            id: `${node.id}@${ind.stage}`,
            kind: 'cell',
            title: node.title,
            stageTitle: stageTitles.get(ind.stage) ?? ind.stage,
            level: 'cell',
            stage: ind.stage,
            parent: node.id,
            depth: depth + 1,
            // A cell always counts in its own dimension; an unscored dimension's cells stay out
            // of the stages (below).
            scored: true,
            weight: stageWeights.get(ind.stage) ?? 1,
            aggregation: node.aggregation,
          });
          cells.set(ind.stage, cell);
          link(i, cell, stageWeights.get(ind.stage) ?? 1);
          if (scored) cellsOfStage.get(ind.stage)?.push(cell);
        }
        link(cell, x, ind.weight);
      } else {
        link(i, x, ind.weight);
        if (ind.stage !== undefined && scored && d.scored)
          indicatorsOfStage.get(ind.stage)?.push(x);
      }
    }
    return i;
  };
  const visitIndicator = (ind: Indicator, parent: string, depth: number): number => {
    const subs = ind.subquestions ?? [];
    const ruleObject = makeRule(ind.rule, subs, ind.id);
    const composite = ruleObject?.composite ?? true;
    const i = add({
      id: ind.id,
      kind: 'indicator',
      title: ind.title,
      level: 'indicator',
      stage: ind.stage ?? null,
      parent,
      depth,
      scored: (ind.scored ?? ind.type === 'policy') && (ruleObject?.scores ?? true),
      weight: ind.weight,
      aggregation: undefined,
      rule: ind.rule,
      ruleObject,
      indicatorType: ind.type,
    });
    alias(ind.aliases, i);
    const d = drafts[i] as Draft;
    const names = [ind.id, ...(ind.aliases ?? [])];
    if (!composite) {
      d.slot = slotNodes.length;
      slotNodes.push(i);
      for (const n of names) if (!answerIndex.has(n)) answerIndex.set(n, d.slot);
    } else {
      for (const n of names) if (!answerIndex.has(n)) answerIndex.set(n, -(i + 1));
    }
    d.locals = new Map();
    for (const sub of subs) {
      const subRule = makeRule(sub.rule, [], `${ind.id}.${sub.id}`);
      const s = add({
        id: `${ind.id}.${sub.id}`,
        kind: 'subquestion',
        title: sub.title,
        level: 'subquestion',
        stage: ind.stage ?? null,
        parent: ind.id,
        depth: depth + 1,
        scored: true,
        weight: sub.weight,
        aggregation: undefined,
        rule: sub.rule,
        ruleObject: subRule,
        indicatorType: null,
      });
      const sd = drafts[s] as Draft;
      sd.slot = slotNodes.length;
      slotNodes.push(s);
      d.locals.set(sub.id, s);
      for (const n of names) {
        for (const m of [sub.id, ...(sub.aliases ?? [])]) {
          const key = `${n}.${m}`;
          if (!answerIndex.has(key)) answerIndex.set(key, sd.slot);
        }
      }
    }
    return i;
  };

  for (const dim of framework.dimensions) {
    const parent = dim.parent ?? rootId;
    const i = visitNode(dim, parent, dim.parent ? 2 : 1, false, true);
    if (dim.parent === undefined) topLevel.push(i);
  }
  // Attach groups and dimensions to their parents now that every id is known.
  for (let i = 1; i < drafts.length; i++) {
    const d = drafts[i] as Draft;
    if ((d.kind !== 'group' && !(d.kind === 'dimension' && d.depth <= 2)) || d.parent === null)
      continue;
    const p = nodeIndex.get(d.parent);
    const pd = p === undefined ? undefined : drafts[p];
    if (d.kind === 'dimension' && pd?.kind === 'dimension') continue; // nested: linked already
    if (p === undefined || pd === undefined || (pd.kind !== 'group' && pd.kind !== 'overall')) {
      issues.push(
        createIssue('FRAMEWORK_UNKNOWN_PARENT', { parent: d.parent }, { path: [d.id, 'parent'] }),
      );
      continue;
    }
    if (agg.overall === 'stages' && stages.length > 0 && p === root) continue;
    link(p, i, d.weight);
  }

  // Stages.
  for (const st of framework.stages ?? []) {
    const s = add({
      id: st.id,
      kind: 'stage',
      title: st.title,
      level: 'stage',
      stage: st.id,
      parent: rootId,
      depth: 1,
      scored: true,
      weight: st.weight,
      aggregation: undefined,
    });
    if (cellsMode) {
      for (const c of cellsOfStage.get(st.id) ?? []) {
        const cell = drafts[c] as Draft;
        const dim = nodeIndex.get(cell.parent as string);
        link(s, c, dim === undefined ? 1 : (drafts[dim] as Draft).weight);
      }
    } else {
      for (const x of indicatorsOfStage.get(st.id) ?? []) link(s, x, (drafts[x] as Draft).weight);
    }
    if (agg.overall === 'stages') link(root, s, st.weight);
  }

  // Extra aggregates.
  for (const extra of framework.aggregates ?? []) {
    const e = add({
      id: extra.id,
      kind: 'aggregate',
      title: extra.title,
      level: 'aggregate',
      stage: null,
      parent: null,
      depth: 0,
      scored: false,
      weight: 1,
      aggregation: extra.aggregation,
    });
    alias(extra.aliases, e);
    for (const member of extra.of) {
      const m = nodeIndex.get(member);
      if (m === undefined) {
        issues.push(
          createIssue(
            'FRAMEWORK_UNKNOWN_REFERENCE',
            { ref: member, what: 'node' },
            { path: [extra.id, 'of'] },
          ),
        );
      } else {
        const weight = (drafts[m] as Draft).weight;
        if (weight > 0) (drafts[e] as Draft).children.push({ node: m, weight });
      }
    }
  }

  // Composite inputs: the indicator's own sub-questions first, then any indicator.
  for (const d of drafts) {
    const ro = d.ruleObject;
    if (d.kind !== 'indicator' || !ro?.composite) continue;
    for (const name of ro.inputs) {
      const local = d.locals?.get(name);
      const global = nodeIndex.get(name);
      const target =
        local ??
        (global !== undefined && drafts[global]?.kind === 'indicator' ? global : undefined);
      if (target === undefined) {
        issues.push(
          createIssue(
            'FRAMEWORK_UNKNOWN_REFERENCE',
            { ref: name, what: 'sub-question or indicator' },
            { path: [d.id, 'rule'] },
          ),
        );
      } else d.inputs.push(target);
    }
  }

  // Aggregation methods.
  const methods: (EngineAggregationMethod | null)[] = [];
  const ps: number[] = [];
  for (const d of drafts) {
    let method: AggregationMethod | null = null;
    let p = 1;
    if (d.kind !== 'indicator' && d.kind !== 'subquestion') {
      const own =
        d.kind === 'cell'
          ? drafts[nodeIndex.get(d.parent as string) ?? 0]?.aggregation
          : d.aggregation;
      method = own?.method ?? agg.method;
      const givenP = own?.p ?? agg.p;
      if (method === 'genmean' && givenP === undefined) {
        issues.push(
          createIssue('SCORE_METHOD_NEEDS_P', { node: d.id }, { path: [d.id, 'aggregation'] }),
        );
      }
      p = givenP ?? 1;
      if (!isEngineMethod(method)) {
        issues.push(
          createIssue(
            'SCORE_METHOD_UNSUPPORTED',
            { method, node: d.id },
            { path: [d.id, 'aggregation'] },
          ),
        );
        method = 'amean';
      }
    }
    methods.push(method as EngineAggregationMethod | null);
    ps.push(p);
  }

  // Evaluation order: depth-first, dependencies first; a cycle is an error.
  const order: number[] = [];
  const state = new Uint8Array(drafts.length); // 0 new, 1 on the stack, 2 done
  const visit = (start: number): void => {
    const stack: [number, number][] = [[start, 0]];
    state[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [number, number];
      const d = drafts[top[0]] as Draft;
      const deps = d.kind === 'indicator' ? d.inputs : d.children.map((c) => c.node);
      if (top[1] < deps.length) {
        const next = deps[top[1]++] as number;
        if (state[next] === 0) {
          state[next] = 1;
          stack.push([next, 0]);
        } else if (state[next] === 1) {
          const cycle = stack.map(([n]) => (drafts[n] as Draft).id);
          cycle.push((drafts[next] as Draft).id);
          issues.push(createIssue('FORMULA_CYCLE', { cycle }, { path: [d.id, 'rule'] }));
        }
      } else {
        state[top[0]] = 2;
        order.push(top[0]);
        stack.pop();
      }
    }
  };
  for (let i = 0; i < drafts.length; i++) if (state[i] === 0) visit(i);

  const errors = issues.filter((x) => x.severity === 'error');
  if (errors.length > 0) return { ok: false, issues };
  const nodes: PlanNode[] = drafts.map((d, i) => ({
    index: i,
    id: d.id,
    kind: d.kind,
    title: d.title,
    level: d.level,
    stage: d.stage,
    parent: d.parent,
    depth: d.depth,
    scored: d.scored,
    weight: d.weight,
    children: Int32Array.from(d.children, (c) => c.node),
    childWeights: Float64Array.from(d.children, (c) => c.weight),
    method: methods[i] ?? null,
    p: ps[i] ?? 1,
    coverage: d.aggregation?.coverage,
    rule: d.rule,
    ruleObject: d.ruleObject,
    slot: d.slot,
    inputs: Int32Array.from(d.inputs),
    indicatorType: d.indicatorType,
    stageTitle: d.stageTitle ?? null,
  }));
  return {
    ok: true,
    value: {
      framework: {
        id: framework.id,
        title: framework.title,
        edition: framework.edition,
        version: framework.version,
        language: framework.language,
      },
      scale: { min: framework.scale.min, max: framework.scale.max },
      nodes,
      order: Int32Array.from(order),
      slots: Int32Array.from(slotNodes),
      answerIndex,
      nodeIndex,
      periods: framework.periods,
      stages,
      missing: framework.missing,
      rootId,
    },
    warnings: issues,
  };
}

/**
 * The answer slot an answer's `indicator` field addresses: exact first, then ignoring case.
 * Returns the slot (>= 0), `-(node + 1)` for a composite indicator, or undefined, with a
 * did-you-mean suggestion for the message.
 *
 * @example
 * ```ts
 * resolveAnswerKey(plan, 'RES_LF_PERMIT'); //=> { slot: 3 }
 * ```
 */
export function resolveAnswerKey(
  plan: Plan,
  key: string,
  folded?: Map<string, number>,
): { slot: number } | { slot: undefined; suggestion: string | undefined } {
  const exact = plan.answerIndex.get(key);
  if (exact !== undefined) return { slot: exact };
  const lower = folded?.get(key.toLowerCase());
  if (lower !== undefined) return { slot: lower };
  const keys = [...plan.answerIndex.keys()];
  return { slot: undefined, suggestion: keys.length > 0 ? closest(key, keys) : undefined };
}

/**
 * A case-insensitive copy of a plan's answer index, for {@link resolveAnswerKey}.
 *
 * @example
 * ```ts
 * foldedAnswerIndex(plan).get('res_lf_permit'); //=> 3
 * ```
 */
export function foldedAnswerIndex(plan: Plan): Map<string, number> {
  const m = new Map<string, number>();
  for (const [k, v] of plan.answerIndex) {
    const f = k.toLowerCase();
    if (!m.has(f)) m.set(f, v);
  }
  return m;
}
