/**
 * A read-only view of a score result, the one thing exports, comparisons and reports read.
 * `resultView` (in `from-result.ts`) builds it from the engine's `ScoreResult`; tests build
 * it by hand. Keeping the outputs behind this small interface means a change in the engine's
 * storage layout touches one adapter.
 */
import type { NodeKind } from '../engine/compile/index.js';
import { stringProblem, throwIfAny, viewProblem } from '../errors/args.js';
import type { Text } from '../text/text.js';

/**
 * What a node of the scored tree is (the engine's node kinds).
 *
 * @example
 * ```ts
 * const kind: ViewNodeKind = 'dimension';
 * ```
 */
export type ViewNodeKind = NodeKind;

/**
 * A node of the scored tree.
 *
 * @example
 * ```ts
 * const node: ViewNode = { id: 'residency', kind: 'dimension', title: { en: 'Residency' }, level: 'dimension', stage: null, parent: 'legal-integration', scored: true, children: ['residency@legal'] };
 * ```
 */
export interface ViewNode {
  id: string;
  kind: ViewNodeKind;
  title: Text;
  level: string;
  stage: string | null;
  /** The node it sits under in the framework's tree; null for roots. */
  parent: string | null;
  /** Whether it enters its parents' scores. */
  scored: boolean;
  /** The nodes its score is computed from (aggregates); empty for indicators. */
  children: readonly string[];
}

/**
 * Counts of a node's indicators by answer state.
 *
 * @example
 * ```ts
 * const coverage: ViewCoverage = { answered: 12, notApplicable: 1, missing: 2, expected: 15 };
 * ```
 */
export interface ViewCoverage {
  answered: number;
  notApplicable: number;
  missing: number;
  expected: number;
}

/**
 * The answer behind an indicator's score, with its evidence.
 *
 * @example
 * ```ts
 * const answer: ViewAnswer = { answer: 'a', option: 'Three years or more', source: 'Aliens Act art. 12' };
 * ```
 */
export interface ViewAnswer {
  /** The answer as written (`n/a` for not applicable); null for no data. */
  answer: string | null;
  /** The label of the option picked, when the rule has options. */
  option?: string;
  source?: string;
  comment?: string;
  /** Who answered, the review state, who reviewed and when, where the answers say. */
  expert?: string;
  status?: string;
  reviewer?: string;
  reviewedOn?: string;
}

/**
 * One unit, period and node: score at full precision, rank, coverage and empty reason.
 *
 * @example
 * ```ts
 * const cell: ViewCell = { score: 62.5, rank: 2, coverage: null, reason: null };
 * ```
 */
export interface ViewCell {
  score: number | null;
  /** Competition rank among units in the period; null when the node has no score or no rank. */
  rank: number | null;
  coverage: ViewCoverage | null;
  /** Why the score is empty (`no-data`, `not-applicable`, `coverage`...); null when it is not. */
  reason: string | null;
}

/**
 * Everything the outputs read from a result.
 *
 * @example
 * ```ts
 * const view: ResultView = resultView(result, framework);
 * view.cell('XA', '2021', 'overall')?.score; //=> 65.43
 * ```
 */
export interface ResultView {
  framework: { id: string; title: Text; edition: string; version: string; language: string };
  scale: { min: number; max: number };
  /** Unit ids, in the result's order. */
  units: readonly string[];
  /** Period ids that have scores, in the framework's order. */
  periods: readonly string[];
  /** Every node, the root first. */
  nodes: readonly ViewNode[];
  /** The overall node's id. */
  rootId: string;
  /** The cell for a unit, period and node; undefined when the result has no such row. */
  cell(unit: string, period: string, node: string): ViewCell | undefined;
  /** The answer an indicator was scored from. */
  answer(unit: string, period: string, indicator: string): ViewAnswer | undefined;
}

/**
 * The indicators a node's score rests on: its descendants of kind `indicator` (followed through
 * `children`, so cells and stages find theirs too).
 *
 * @example
 * ```ts
 * indicatorsBehind(view, 'residency'); //=> ['res_lf_permit', 'res_pf_...', ...]
 * ```
 */
export function indicatorsBehind(view: ResultView, nodeId: string): string[] {
  throwIfAny(
    viewProblem('indicatorsBehind', 'view', view),
    stringProblem('indicatorsBehind', 'nodeId', nodeId),
  );
  const byId = new Map(view.nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const n = byId.get(id);
    if (!n) return;
    if (n.kind === 'indicator') {
      out.push(n.id);
      return;
    }
    for (const c of n.children) walk(c);
  };
  walk(nodeId);
  return out;
}
