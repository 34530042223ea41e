import { createIssue, type Issue } from '../../errors/issue.js';
import type { Framework } from '../schema/framework.js';
import { indicatorsOf, nodesOf, type Path } from './walk.js';

/**
 * References by id: an indicator's stage, a node's or group's parent group and level, the
 * members of extra aggregates, and cycles among groups' parents.
 *
 * @example
 * ```ts
 * checkReferences(framework).map((i) => i.code); //=> ['FRAMEWORK_UNKNOWN_STAGE']
 * ```
 */
export function checkReferences(framework: Framework): Issue[] {
  const issues: Issue[] = [];
  const stages = (framework.stages ?? []).map((s) => s.id);
  const levels = (framework.levels ?? []).map((l) => l.id);
  const groups = new Map((framework.groups ?? []).map((g) => [g.id, g]));

  const level = (value: string | undefined, path: Path): void => {
    if (value !== undefined && !levels.includes(value)) {
      issues.push(createIssue('FRAMEWORK_UNKNOWN_LEVEL', { level: value, levels }, { path }));
    }
  };
  const parent = (value: string | undefined, path: Path): void => {
    if (value !== undefined && !groups.has(value)) {
      issues.push(createIssue('FRAMEWORK_UNKNOWN_PARENT', { parent: value }, { path }));
    }
  };

  const cycles = new Set<string>();
  framework.groups?.forEach((g, i) => {
    level(g.level, ['groups', i, 'level']);
    parent(g.parent, ['groups', i, 'parent']);
    // Follow the parent chain; coming back to g means a cycle.
    const chain = [g.id];
    let next = g.parent !== undefined ? groups.get(g.parent) : undefined;
    while (next && chain.length <= groups.size) {
      chain.push(next.id);
      if (next.id === g.id) {
        const key = [...new Set(chain)].sort().join('\u0000');
        if (cycles.has(key)) break;
        cycles.add(key);
        issues.push(
          createIssue(
            'FRAMEWORK_PARENT_CYCLE',
            { cycle: chain },
            { path: ['groups', i, 'parent'] },
          ),
        );
        break;
      }
      next = next.parent !== undefined ? groups.get(next.parent) : undefined;
    }
  });
  for (const { node, path } of nodesOf(framework)) {
    level(node.level, [...path, 'level']);
    parent(node.parent, [...path, 'parent']);
  }
  for (const { indicator, path } of indicatorsOf(framework)) {
    if (indicator.stage !== undefined && !stages.includes(indicator.stage)) {
      issues.push(
        createIssue(
          'FRAMEWORK_UNKNOWN_STAGE',
          { stage: indicator.stage, stages },
          { path: [...path, 'stage'] },
        ),
      );
    }
  }

  const known = new Set<string>([
    ...stages,
    ...groups.keys(),
    ...nodesOf(framework).map((n) => n.node.id),
    ...indicatorsOf(framework).map((i) => i.indicator.id),
  ]);
  framework.aggregates?.forEach((a, i) => {
    a.of.forEach((member, j) => {
      if (!known.has(member)) {
        issues.push(
          createIssue(
            'FRAMEWORK_UNKNOWN_REFERENCE',
            { ref: member, what: 'stage, group, dimension or indicator of this framework' },
            { path: ['aggregates', i, 'of', j] },
          ),
        );
      }
    });
  });
  return issues;
}
