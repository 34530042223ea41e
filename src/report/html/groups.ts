/**
 * Group summaries (issue 17) in the report model: each unit's group mean and rank within the
 * group for its profile, unit names from the registry, and a report restricted to one group.
 */
import { findRow } from '../../engine/result/rows.js';
import type { ScoreResult } from '../../engine/result/schema.js';
import {
  groupedResultProblem,
  optionsProblem,
  reportModelProblem,
  throwIfAny,
} from '../../errors/args.js';
import { createIssue, IntegrationIndexError } from '../../errors/issue.js';
import { resolveText } from '../../text/resolve.js';
import type { ReportModel, ReportUnitSummary } from './model.js';

/**
 * Adds what a result's units registry and group summaries say to a report model: units are
 * labelled with their names in the report's language; each unit's profile gets the mean of its
 * group (the `group` asked for, else the first summarised group it belongs to) and its rank in
 * it. With `group`, the report covers only that group's members, ranked among themselves.
 * Throws `UNITS_UNKNOWN_GROUP` for a `group` the result has no summary of.
 *
 * @example
 * ```ts
 * const model = withGroups(buildReportModel(view, framework), result, { group: 'EU27' });
 * model.units[0]?.group?.overall; //=> 53.8
 * ```
 */
export function withGroups(
  model: ReportModel,
  result: ScoreResult,
  options: { group?: string | undefined } = {},
): ReportModel {
  throwIfAny(
    reportModelProblem('withGroups', 'model', model),
    groupedResultProblem('withGroups', 'result', result),
    optionsProblem('withGroups', 'options', options, { group: 'string' }),
  );
  const groups = result.groups ?? [];
  if (options.group !== undefined && !groups.some((g) => g.id === options.group)) {
    throw new IntegrationIndexError([
      createIssue('UNITS_UNKNOWN_GROUP', {
        group: options.group,
        groups: groups.map((g) => g.id),
      }),
    ]);
  }
  const k = result.periods.findIndex((p) => p.id === model.period.id);
  const text = (t: Parameters<typeof resolveText>[0]) =>
    resolveText(t, model.lang, result.framework.language).text;
  const units = model.units.map((u): ReportUnitSummary => {
    const ui = result.units.indexOf(u.id);
    const name = result.unitInfo?.[ui]?.name;
    const out: ReportUnitSummary = name ? { ...u, label: text(name) } : { ...u };
    const g = groups.find(
      (x) => (options.group === undefined || x.id === options.group) && x.members.includes(u.id),
    );
    if (!g) return out;
    const r = findRow(result, u.id, model.period.id);
    const root = g.nodes.find((n) => n.id === result.rootId);
    out.group = {
      id: g.id,
      label: g.title === null ? g.id : text(g.title),
      overall: root?.mean[k] ?? null,
      rank: r < 0 ? null : (root?.rank[r] ?? null),
      dimensions: model.dimensions.map((d) => g.nodes.find((n) => n.id === d.id)?.mean[k] ?? null),
    };
    return out;
  });
  if (options.group === undefined) return { ...model, units };
  const members = units
    .filter((u) => u.group !== undefined)
    .map((u) => ({ ...u, rank: u.group?.rank ?? null }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const ids = new Set(members.map((u) => u.id));
  const group = groups.find((g) => g.id === options.group);
  return {
    ...model,
    units: members,
    evidence: Object.fromEntries(Object.entries(model.evidence).filter(([id]) => ids.has(id))),
    coverageWarnings: model.coverageWarnings.filter((w) => ids.has(w.unit)),
    rankingGroup: {
      id: options.group,
      label: group?.title ? text(group.title) : options.group,
    },
  };
}
