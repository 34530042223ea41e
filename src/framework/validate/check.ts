/**
 * Meaning checks over a framework that already passed the schema. Each check is a pure function
 * from the framework to issues whose `path` lies inside the framework value; the loader maps
 * those paths to files, lines and columns.
 *
 * ```
 *   ids ─ references ─ periods ─ rules ─ formulas ─ aggregates ─ translations ─ editions
 * ```
 */
import { checkEditions } from '../../editions/check.js';
import { frameworkProblem, invalidArgument, throwIfAny } from '../../errors/args.js';
import type { Issue } from '../../errors/issue.js';
import type { Framework } from '../schema/framework.js';
import { checkAggregates } from './aggregates.js';
import { checkFormulas } from './formulas.js';
import { checkIds } from './ids.js';
import { checkPeriods } from './periods.js';
import { checkReferences } from './references.js';
import { checkRules } from './rules.js';
import { checkTranslations } from './translations.js';
import { type Check, type CheckContext, pathToString } from './walk.js';

const checks: readonly Check[] = [
  checkIds,
  checkReferences,
  checkPeriods,
  checkRules,
  checkFormulas,
  checkAggregates,
  checkTranslations,
  checkEditions,
];

/**
 * Runs every meaning check and returns all issues, errors and warnings, in check order.
 * `describe` renders where a path was declared (the loader passes `file:line`).
 *
 * @example
 * ```ts
 * const issues = checkFramework(framework);
 * issues.filter((i) => i.severity === 'error').map((i) => i.code); //=> ['FRAMEWORK_DUPLICATE_ID']
 * ```
 */
export function checkFramework(
  framework: Framework,
  describe: CheckContext['describe'] = pathToString,
): Issue[] {
  throwIfAny(
    frameworkProblem('checkFramework', 'framework', framework),
    typeof describe === 'function'
      ? undefined
      : invalidArgument('checkFramework', 'describe', 'a function (path) => string', describe),
  );
  const ctx: CheckContext = { describe };
  return checks.flatMap((check) => check(framework, ctx));
}
