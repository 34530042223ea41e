import type { Plan } from '../../engine/compile/index.js';
import type { PreparedAnswers } from '../../engine/prepare/index.js';
import {
  frameworkProblem,
  invalidArgument,
  planProblem,
  preparedProblem,
  throwIfAny,
} from '../../errors/args.js';
import { createIssue, type Issue } from '../../errors/issue.js';
import type { Framework } from '../../framework/schema/framework.js';
import type { FrameworkNode } from '../../framework/schema/node.js';

/**
 * The indicators whose answers need a source, by id. An indicator's own `evidence` decides;
 * without one, it needs a source when its dimension (or any node above it, up to where a node
 * says `optional`) or its stage says `evidence: required`.
 *
 * @example
 * ```ts
 * evidenceRequired({ ...framework, stages: [{ id: 'legal', title: 'Legal', weight: 1, evidence: 'required' }] });
 * //=> Set { 'res_lf_permit', ... } (every indicator of the legal stage)
 * ```
 */
export function evidenceRequired(framework: Framework): Set<string> {
  throwIfAny(frameworkProblem('evidenceRequired', 'framework', framework));
  const required = new Set<string>();
  const stages = new Set(
    (framework.stages ?? []).filter((s) => s.evidence === 'required').map((s) => s.id),
  );
  const visit = (node: FrameworkNode, above: boolean): void => {
    const here = node.evidence === undefined ? above : node.evidence === 'required';
    for (const indicator of node.indicators ?? []) {
      const needs =
        indicator.evidence === undefined
          ? here || (indicator.stage !== undefined && stages.has(indicator.stage))
          : indicator.evidence === 'required';
      if (needs) required.add(indicator.id);
    }
    for (const child of node.children ?? []) visit(child, here);
  };
  for (const d of framework.dimensions) visit(d, false);
  return required;
}

/**
 * The id of the indicator an answer slot belongs to: the slot's node, or a sub-question's
 * parent indicator.
 *
 * @example
 * ```ts
 * slotIndicator(plan, plan.answerIndex.get('res_lf_travel_document.bsp')!); //=> 'res_lf_travel_document'
 * ```
 */
export function slotIndicator(plan: Plan, slot: number): string {
  const node = plan.nodes[plan.slots[slot] as number];
  if (!node) return '';
  return node.kind === 'subquestion' && node.parent !== null ? node.parent : node.id;
}

/**
 * An `EVIDENCE_MISSING` warning at the row of every answer in force that has no source although
 * its indicator needs one (see {@link evidenceRequired}). Answers of no data or not applicable
 * need no source. Pure.
 *
 * @example
 * ```ts
 * evidenceWarnings(plan, evidenceRequired(framework), prepared)[0]?.code; //=> 'EVIDENCE_MISSING'
 * ```
 */
export function evidenceWarnings(
  plan: Plan,
  required: ReadonlySet<string>,
  prepared: PreparedAnswers,
): Issue[] {
  throwIfAny(
    planProblem('evidenceWarnings', 'plan', plan),
    required instanceof Set
      ? undefined
      : invalidArgument(
          'evidenceWarnings',
          'required',
          'a Set of indicator ids from evidenceRequired',
          required,
        ),
    preparedProblem('evidenceWarnings', 'prepared', prepared),
  );
  if (required.size === 0) return [];
  const issues: Issue[] = [];
  const R = prepared.rowUnit.length;
  const { table } = prepared;
  for (let slot = 0; slot < plan.slots.length; slot++) {
    const indicator = slotIndicator(plan, slot);
    if (!required.has(indicator)) continue;
    const question = (plan.nodes[plan.slots[slot] as number] as { id: string }).id;
    for (let r = 0; r < R; r++) {
      const a = prepared.answer[slot * R + r] as number;
      if (a < 0) continue;
      const v = prepared.values[slot * R + r] as number;
      if (Number.isNaN(v) || v === Number.NEGATIVE_INFINITY) continue;
      const i = prepared.used[a] as number;
      if (table.source.has(i)) continue;
      const row = table.rowAt(i);
      const column = row.origin.columns.source;
      issues.push(
        createIssue(
          'EVIDENCE_MISSING',
          { unit: row.unit, period: row.period, indicator: question },
          {
            severity: 'warning',
            file: row.origin.file,
            line: row.origin.line,
            row: row.origin.row,
            field: 'source',
            ...(column === undefined ? {} : { column }),
          },
        ),
      );
    }
  }
  return issues;
}
