import type { Issue } from '../../errors/issue.js';
import type { Framework } from '../schema/framework.js';
import type { Indicator } from '../schema/indicator.js';
import type { FrameworkNode } from '../schema/node.js';

/** A path inside the assembled framework value. */
export type Path = (string | number)[];

/** What every check receives besides the framework. */
export interface CheckContext {
  /** Says where a path was declared, for messages such as "first declared at ...". */
  describe(path: Path): string;
}

/** A check: reads the framework, returns issues whose `path` is inside the framework value. */
export type Check = (framework: Framework, ctx: CheckContext) => Issue[];

/** An aggregate node of the tree, with its path and depth (dimensions are depth 0). */
export interface NodeVisit {
  node: FrameworkNode;
  path: Path;
  depth: number;
}

/** An indicator with its path and the node that holds it. */
export interface IndicatorVisit {
  indicator: Indicator;
  path: Path;
  node: FrameworkNode;
}

/** Every aggregate node, depth first, parents before children. */
export function nodesOf(framework: Framework): NodeVisit[] {
  const out: NodeVisit[] = [];
  const visit = (node: FrameworkNode, path: Path, depth: number): void => {
    out.push({ node, path, depth });
    node.children?.forEach((child, i) => {
      visit(child, [...path, 'children', i], depth + 1);
    });
  };
  framework.dimensions.forEach((d, i) => {
    visit(d, ['dimensions', i], 0);
  });
  return out;
}

/** Every indicator, in document order. */
export function indicatorsOf(framework: Framework): IndicatorVisit[] {
  const out: IndicatorVisit[] = [];
  for (const { node, path } of nodesOf(framework)) {
    node.indicators?.forEach((indicator, i) => {
      out.push({ indicator, path: [...path, 'indicators', i], node });
    });
  }
  return out;
}

/** Whether an indicator counts in its parent's score (policy indicators by default). */
export function isScoredIndicator(indicator: Indicator): boolean {
  return indicator.scored ?? indicator.type === 'policy';
}

/** Renders a path as `dimensions[0].indicators[2].id`. */
export function pathToString(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || '(root)';
}
