import type { Issue } from '../../errors/issue.js';
import type { Framework } from '../schema/framework.js';
import type { Indicator } from '../schema/indicator.js';
import type { FrameworkNode } from '../schema/node.js';

/**
 * A path inside the assembled framework value.
 *
 * @example
 * ```ts
 * const path: Path = ['dimensions', 0, 'indicators', 2, 'id'];
 * ```
 */
export type Path = (string | number)[];

/**
 * What every check receives besides the framework.
 *
 * @example
 * ```ts
 * const ctx: CheckContext = { describe: pathToString };
 * ```
 */
export interface CheckContext {
  /** Says where a path was declared, for messages such as "first declared at ...". */
  describe(path: readonly (string | number)[]): string;
}

/**
 * A check: reads the framework, returns issues whose `path` is inside the framework value.
 *
 * @example
 * ```ts
 * const check: Check = (framework) => (framework.periods.length > 0 ? [] : issues);
 * ```
 */
export type Check = (framework: Framework, ctx: CheckContext) => Issue[];

/**
 * An aggregate node of the tree, with its path and depth (dimensions are depth 0).
 *
 * @example
 * ```ts
 * nodesOf(framework)[0]; //=> { node: { id: 'residency', ... }, path: ['dimensions', 0], depth: 0, scored: true }
 * ```
 */
export interface NodeVisit {
  node: FrameworkNode;
  path: Path;
  depth: number;
  /**
   * Whether the node counts in the scores: neither it, nor an ancestor node, nor a group it
   * attaches to (by `parent`, transitively) says `scored: false`.
   */
  scored: boolean;
}

/**
 * An indicator with its path and the node that holds it.
 *
 * @example
 * ```ts
 * indicatorsOf(framework)[0]?.path; //=> ['dimensions', 0, 'indicators', 0]
 * ```
 */
export interface IndicatorVisit {
  indicator: Indicator;
  path: Path;
  node: FrameworkNode;
  /** Whether the indicator enters the scores: it is scored and so is every node above it. */
  counts: boolean;
}

/**
 * Every aggregate node, depth first, parents before children.
 *
 * @example
 * ```ts
 * nodesOf(framework).map((n) => n.node.id); //=> ['education', 'schools', ...]
 * ```
 */
export function nodesOf(framework: Framework): NodeVisit[] {
  const out: NodeVisit[] = [];
  const groups = new Map((framework.groups ?? []).map((g) => [g.id, g]));
  // A group chain may be broken or cyclic in an invalid framework: stop at anything seen.
  const groupScored = (id: string | undefined): boolean => {
    const seen = new Set<string>();
    for (let g = id ? groups.get(id) : undefined; g && !seen.has(g.id); ) {
      if (g.scored === false) return false;
      seen.add(g.id);
      g = g.parent ? groups.get(g.parent) : undefined;
    }
    return true;
  };
  const visit = (node: FrameworkNode, path: Path, depth: number, above: boolean): void => {
    const scored = above && node.scored !== false;
    out.push({ node, path, depth, scored });
    node.children?.forEach((child, i) => {
      visit(child, [...path, 'children', i], depth + 1, scored);
    });
  };
  framework.dimensions.forEach((d, i) => {
    visit(d, ['dimensions', i], 0, groupScored(d.parent));
  });
  return out;
}

/**
 * Every indicator, in document order.
 *
 * @example
 * ```ts
 * indicatorsOf(framework).length; //=> 176 for NIEM
 * ```
 */
export function indicatorsOf(framework: Framework): IndicatorVisit[] {
  const out: IndicatorVisit[] = [];
  for (const { node, path, scored } of nodesOf(framework)) {
    node.indicators?.forEach((indicator, i) => {
      const counts = scored && isScoredIndicator(indicator);
      out.push({ indicator, path: [...path, 'indicators', i], node, counts });
    });
  }
  return out;
}

/**
 * Whether an indicator counts in its parent's score (policy indicators by default).
 *
 * @example
 * ```ts
 * isScoredIndicator({ ...indicator, type: 'outcome' }); //=> false
 * ```
 */
export function isScoredIndicator(indicator: Indicator): boolean {
  return indicator.scored ?? indicator.type === 'policy';
}

/**
 * Renders a path as `dimensions[0].indicators[2].id`.
 *
 * @example
 * ```ts
 * pathToString(['dimensions', 0, 'indicators', 2, 'id']); //=> 'dimensions[0].indicators[2].id'
 * ```
 */
export function pathToString(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || '(root)';
}
