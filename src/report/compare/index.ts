import { nodeResultSchema, type ScoreResult } from '../../engine/result/schema.js';
import {
  invalidArgument,
  isRecord,
  optionsProblem,
  resultProblem,
  stringArray,
  throwIfAny,
  viewProblem,
} from '../../errors/args.js';
import { createIssue, IntegrationIndexError } from '../../errors/issue.js';
import { resultView } from '../from-result.js';
import type { ResultView, ViewNode, ViewNodeKind } from '../view.js';
import { type ChangeDirection, changeDirection, defaultTolerance } from './direction.js';

export { type ChangeDirection, changeDirection, defaultTolerance } from './direction.js';

/**
 * An answer that differs between the two periods, behind a node's change.
 *
 * @example
 * ```ts
 * const a: AnswerChange = { indicator: 'res_lf_fees', from: 'b', to: 'a', fromScore: 50, toScore: 100 };
 * ```
 */
export interface AnswerChange {
  /** The indicator id, or `indicator.sub` for a sub-question. */
  indicator: string;
  from: string | null;
  to: string | null;
  fromScore: number | null;
  toScore: number | null;
  /** Evidence given for the newer answer. */
  source?: string;
  comment?: string;
}

/**
 * The change of one unit's score in one node between the two periods.
 *
 * @example
 * ```ts
 * compare(view, { from: '2019', to: '2021' }).changes[0]; //=> { unit: 'XA', node: 'overall', change: 14.6, direction: 'improved', ... }
 * ```
 */
export interface NodeChange {
  unit: string;
  node: string;
  kind: ViewNodeKind;
  level: string;
  stage: string | null;
  /** Depth in the display tree (the root is 0), for indenting. */
  depth: number;
  from: number | null;
  to: number | null;
  /** `to - from` at full precision; null when either score is missing. */
  change: number | null;
  /** Null when the change is unknown. */
  direction: ChangeDirection | null;
  fromRank: number | null;
  toRank: number | null;
  /** Places moved up the ranking (`fromRank - toRank`): positive is better. */
  rankChange: number | null;
  /** The answers under this node that differ between the periods. */
  answers: AnswerChange[];
}

/**
 * Options of {@link compare}.
 *
 * @example
 * ```ts
 * const options: CompareOptions = { from: '2019', to: '2021', tolerance: 2.5, units: ['XA'] };
 * ```
 */
export interface CompareOptions {
  from: string;
  to: string;
  /**
   * Changes within ± this many points count as `held`. By default half of the last displayed
   * decimal (`0.5 × 10^-decimals`, 0.05 at one decimal), so that a change which would print
   * as zero is never called a move.
   */
  tolerance?: number;
  /** Display decimals the default tolerance follows; 1 by default. */
  decimals?: number;
  /** Limit to these units; all by default. */
  units?: readonly string[];
  /** Which node kinds to compare; aggregates and indicators by default (not sub-questions). */
  kinds?: readonly ViewNodeKind[];
}

/**
 * The outcome of {@link compare}.
 *
 * @example
 * ```ts
 * const c: Comparison = compare(view, { from: '2019', to: '2021' });
 * c.tolerance; //=> 0.05
 * ```
 */
export interface Comparison {
  from: string;
  to: string;
  tolerance: number;
  /**
   * One entry per unit and node, units in the result's order, nodes in tree order (each group
   * followed by its dimensions; stages after the groups).
   */
  changes: NodeChange[];
}

/** Every node kind of the result format but sub-questions. */
const defaultKinds: readonly ViewNodeKind[] = nodeResultSchema.shape.kind.options.filter(
  (k) => k !== 'subquestion',
);

function answerText(a: { answer: string | null } | undefined): string | null {
  return a?.answer ?? null;
}

/**
 * Compares two periods of a result (a `ScoreResult`, or a {@link ResultView} of one): for
 * every unit and node, the score in each, the change
 * (full precision), its direction (improved / held / declined, see
 * {@link CompareOptions.tolerance}), the rank in each period and the places moved, and the
 * answers under the node that differ. Throws {@link IntegrationIndexError} with
 * `REPORT_UNKNOWN_PERIOD` or `COMPARE_SAME_PERIOD` for a period the result lacks or a
 * comparison of a period with itself. Pure: the view is only read.
 *
 * @example
 * ```ts
 * const c = compare(score(framework, answers), { from: '2017', to: '2019' });
 * c.changes.filter((x) => x.unit === 'XA' && x.kind === 'dimension' && x.direction === 'improved');
 * //=> [{ node: 'residency', from: 50, to: 66.7, change: 16.7, answers: [...] }, ...]
 * ```
 */
export function compare(input: ResultView | ScoreResult, options: CompareOptions): Comparison {
  throwIfAny(
    resultProblem('compare', 'input', input) && viewProblem('compare', 'input', input)
      ? invalidArgument('compare', 'input', 'a ScoreResult or a ResultView', input)
      : undefined,
    isRecord(options) && typeof options.from === 'string' && typeof options.to === 'string'
      ? optionsProblem('compare', 'options', options, {
          from: 'string',
          to: 'string',
          tolerance: 'number',
          decimals: 'number',
          units: stringArray,
          kinds: stringArray,
        })
      : invalidArgument(
          'compare',
          'options',
          'options with from and to periods ({ from: string, to: string })',
          options,
        ),
  );
  const view = isScoreResult(input) ? resultView(input) : input;
  const { from, to } = options;
  for (const period of [from, to]) {
    if (!view.periods.includes(period))
      throw new IntegrationIndexError([
        createIssue('REPORT_UNKNOWN_PERIOD', { period, periods: view.periods }),
      ]);
  }
  if (from === to)
    throw new IntegrationIndexError([createIssue('COMPARE_SAME_PERIOD', { period: from })]);
  const tolerance = options.tolerance ?? defaultTolerance(options.decimals ?? 1);
  if (!(tolerance >= 0))
    throw new IntegrationIndexError([createIssue('COMPARE_NEGATIVE_TOLERANCE', { tolerance })]);
  const kinds = new Set(options.kinds ?? defaultKinds);
  const units = options.units ?? view.units;
  for (const unit of units) {
    if (!view.units.includes(unit))
      throw new IntegrationIndexError([
        createIssue('REPORT_UNKNOWN_UNIT', { unit, units: view.units }),
      ]);
  }

  const byId = new Map(view.nodes.map((n) => [n.id, n]));
  // The answer addresses under each node: indicators and their sub-questions, memoised.
  const addresses = new Map<string, string[]>();
  const addressesOf = (id: string, seen = new Set<string>()): string[] => {
    const known = addresses.get(id);
    if (known) return known;
    const node = byId.get(id);
    if (!node || seen.has(id)) return [];
    seen.add(id);
    const out =
      node.kind === 'indicator' || node.kind === 'subquestion'
        ? [id, ...node.children.flatMap((c) => addressesOf(c, seen))]
        : [...new Set(node.children.flatMap((c) => addressesOf(c, seen)))];
    addresses.set(id, out);
    return out;
  };

  const ordered = treeOrder(view);
  const changes: NodeChange[] = [];
  for (const unit of units) {
    // Which answers changed, once per unit.
    const changed = new Map<string, AnswerChange>();
    for (const node of view.nodes) {
      if (node.kind !== 'indicator' && node.kind !== 'subquestion') continue;
      const a = view.answer(unit, from, node.id);
      const b = view.answer(unit, to, node.id);
      if (answerText(a) === answerText(b)) continue;
      const ca = view.cell(unit, from, node.id);
      const cb = view.cell(unit, to, node.id);
      changed.set(node.id, {
        indicator: node.id,
        from: answerText(a),
        to: answerText(b),
        fromScore: ca?.score ?? null,
        toScore: cb?.score ?? null,
        ...(b?.source !== undefined ? { source: b.source } : {}),
        ...(b?.comment !== undefined ? { comment: b.comment } : {}),
      });
    }
    for (const { node, depth } of ordered) {
      if (!kinds.has(node.kind)) continue;
      const a = view.cell(unit, from, node.id);
      const b = view.cell(unit, to, node.id);
      const fromScore = a?.score ?? null;
      const toScore = b?.score ?? null;
      const change = fromScore !== null && toScore !== null ? toScore - fromScore : null;
      const fromRank = a?.rank ?? null;
      const toRank = b?.rank ?? null;
      changes.push({
        unit,
        node: node.id,
        kind: node.kind,
        level: node.level,
        stage: node.stage,
        depth,
        from: fromScore,
        to: toScore,
        change,
        direction: change === null ? null : changeDirection(change, tolerance),
        fromRank,
        toRank,
        rankChange: fromRank !== null && toRank !== null ? fromRank - toRank : null,
        answers: addressesOf(node.id)
          .map((id) => changed.get(id))
          .filter((x): x is AnswerChange => x !== undefined),
      });
    }
  }
  return { from, to, tolerance, changes };
}

/** The nodes depth-first along `parent` links, siblings in the result's order. */
function treeOrder(view: ResultView): { node: ViewNode; depth: number }[] {
  const kids = new Map<string | null, ViewNode[]>();
  const ids = new Set(view.nodes.map((n) => n.id));
  for (const n of view.nodes) {
    const parent = n.parent !== null && ids.has(n.parent) ? n.parent : null;
    kids.set(parent, [...(kids.get(parent) ?? []), n]);
  }
  const out: { node: ViewNode; depth: number }[] = [];
  const seen = new Set<string>();
  const visit = (n: ViewNode, depth: number): void => {
    if (seen.has(n.id)) return;
    seen.add(n.id);
    out.push({ node: n, depth });
    for (const k of kids.get(n.id) ?? []) visit(k, depth + 1);
  };
  for (const root of kids.get(null) ?? []) visit(root, 0);
  for (const n of view.nodes) visit(n, 0);
  return out;
}

function isScoreResult(x: ResultView | ScoreResult): x is ScoreResult {
  return 'format' in x && 'rows' in x && Array.isArray((x as ScoreResult).nodes);
}
