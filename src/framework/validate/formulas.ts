import { createIssue, type Issue } from '../../errors/issue.js';
import { compileFormula, isUnitName } from '../../rules/formula/compile.js';
import { suggest } from '../load/zod-issues.js';
import type { Framework } from '../schema/framework.js';
import { indicatorsOf, type Path } from './walk.js';

/**
 * Formulas: each parses and passes the allowlist; each name is one of the indicator's
 * sub-questions (looked up first) or another indicator; formulas do not depend on each other in
 * a cycle (an indicator's own id counts as a cycle of one).
 *
 * @example
 * ```ts
 * checkFormulas(framework).map((i) => i.code); //=> ['FORMULA_CYCLE']
 * ```
 */
export function checkFormulas(framework: Framework): Issue[] {
  const issues: Issue[] = [];
  const all = indicatorsOf(framework);
  const indicatorIds = new Set(all.map((v) => v.indicator.id));
  const edges = new Map<string, string[]>();
  const where = new Map<string, Path>();

  for (const { indicator, path } of all) {
    if (indicator.rule.kind !== 'formula') continue;
    const at: Path = [...path, 'rule', 'expression'];
    const compiled = compileFormula(indicator.rule.expression);
    if (!compiled.ok) {
      for (const issue of compiled.issues) issues.push({ ...issue, path: at });
      continue;
    }
    const local = new Set((indicator.subquestions ?? []).map((q) => q.id));
    const known = [...local, ...indicatorIds];
    // An id with "-" written bare reads as a subtraction: say how to write it instead.
    const parts = new Set<string>();
    for (const id of unquotedDashedIds(indicator.rule.expression, known)) {
      issues.push(createIssue('FORMULA_UNQUOTED_ID', { id }, { path: at }));
      for (const part of id.split('-')) parts.add(part);
    }
    const deps: string[] = [];
    const unknown: string[] = [];
    for (const symbol of compiled.formula.symbols) {
      if (local.has(symbol) || parts.has(symbol)) continue;
      if (indicatorIds.has(symbol)) deps.push(symbol);
      else unknown.push(symbol);
    }
    const units = unknown.filter(isUnitName);
    for (const u of units) {
      issues.push(createIssue('FORMULA_FORBIDDEN', { what: `the unit "${u}"` }, { path: at }));
    }
    const rest = unknown.filter((s) => !isUnitName(s));
    if (rest.length > 0 && local.size === 0) {
      issues.push(
        createIssue(
          'FRAMEWORK_SUBQUESTIONS_MISSING',
          { kind: 'formula' },
          { path: [...path, 'rule', 'kind'] },
        ),
      );
    } else {
      for (const symbol of rest) {
        const suggestion = suggest(symbol, known);
        issues.push(
          createIssue(
            'FORMULA_UNKNOWN_SYMBOL',
            suggestion ? { symbol, symbols: known, suggestion } : { symbol, symbols: known },
            { path: at },
          ),
        );
      }
    }
    edges.set(indicator.id, deps);
    where.set(indicator.id, at);
  }

  // Depth-first search; a back edge closes a cycle. Each cycle is reported once.
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    for (const dep of edges.get(id) ?? []) {
      const s = state.get(dep);
      if (s === 'open') {
        const cycle = [...stack.slice(stack.indexOf(dep)), dep];
        const key = [...cycle.slice(0, -1)].sort().join('\u0000');
        if (!reported.has(key)) {
          reported.add(key);
          issues.push(createIssue('FORMULA_CYCLE', { cycle }, { path: where.get(dep) ?? [] }));
        }
      } else if (s === undefined && edges.has(dep)) {
        visit(dep);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of edges.keys()) if (!state.has(id)) visit(id);
  return issues;
}

/** The ids with `-` among `known` that `expression` names outside backticks. */
function unquotedDashedIds(expression: string, known: readonly string[]): string[] {
  const bare = expression.replace(/`[^`]*`/g, ' ');
  return known.filter((id) => {
    if (!id.includes('-')) return false;
    const at = new RegExp(`(^|[^A-Za-z0-9_.])${id.replace(/[-]/g, '\\-')}(?![A-Za-z0-9_-])`);
    return at.test(bare);
  });
}
