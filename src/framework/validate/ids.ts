import { createIssue, type Issue } from '../../errors/issue.js';
import type { Framework } from '../schema/framework.js';
import { type CheckContext, indicatorsOf, nodesOf, type Path } from './walk.js';

/** Records ids in one namespace and reports each repeat with where it was first declared. */
function namespace(ctx: CheckContext, issues: Issue[]) {
  const seen = new Map<string, Path>();
  return (id: string, path: Path): void => {
    const first = seen.get(id);
    if (first) {
      issues.push(
        createIssue('FRAMEWORK_DUPLICATE_ID', { id, first: ctx.describe(first) }, { path }),
      );
    } else {
      seen.set(id, path);
    }
  };
}

/**
 * Duplicate ids. Stages, groups, aggregate nodes, indicators, extra aggregates, the overall
 * score and every alias share one namespace, since results address them all by id. Periods and
 * levels have their own; sub-question ids are local to their indicator.
 *
 * @example
 * ```ts
 * checkIds(framework, { describe: pathToString }).map((i) => i.code); //=> ['FRAMEWORK_DUPLICATE_ID']
 * ```
 */
export function checkIds(framework: Framework, ctx: CheckContext): Issue[] {
  const issues: Issue[] = [];
  const add = namespace(ctx, issues);
  const aliases = (list: readonly string[] | undefined, path: Path): void => {
    list?.forEach((a, i) => {
      add(a, [...path, 'aliases', i]);
    });
  };
  framework.stages?.forEach((s, i) => {
    add(s.id, ['stages', i, 'id']);
  });
  framework.groups?.forEach((g, i) => {
    add(g.id, ['groups', i, 'id']);
    aliases(g.aliases, ['groups', i]);
  });
  for (const { node, path } of nodesOf(framework)) {
    add(node.id, [...path, 'id']);
    aliases(node.aliases, path);
  }
  for (const { indicator, path } of indicatorsOf(framework)) {
    add(indicator.id, [...path, 'id']);
    aliases(indicator.aliases, path);
    const local = namespace(ctx, issues);
    indicator.subquestions?.forEach((q, i) => {
      local(q.id, [...path, 'subquestions', i, 'id']);
      q.aliases?.forEach((a, j) => {
        local(a, [...path, 'subquestions', i, 'aliases', j]);
      });
    });
  }
  framework.aggregates?.forEach((a, i) => {
    add(a.id, ['aggregates', i, 'id']);
    aliases(a.aliases, ['aggregates', i]);
  });
  add(framework.overall?.id ?? 'overall', framework.overall ? ['overall', 'id'] : ['id']);
  const period = namespace(ctx, issues);
  framework.periods.forEach((p, i) => {
    period(p.id, ['periods', i, 'id']);
  });
  const level = namespace(ctx, issues);
  framework.levels?.forEach((l, i) => {
    level(l.id, ['levels', i, 'id']);
  });
  return issues;
}
