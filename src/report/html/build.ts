import {
  type FieldCheck,
  frameworkProblem,
  objectArray,
  optionsProblem,
  stringArray,
  throwIfAny,
  viewProblem,
} from '../../errors/args.js';
import { createIssue, IntegrationIndexError } from '../../errors/issue.js';
import type { Framework } from '../../framework/schema/framework.js';
import { localeFormat } from '../../text/locale.js';
import { defaultTolerance } from '../compare/direction.js';
import type { ResultView, ViewNode } from '../view.js';
import { directionOf, reportLabels } from './labels.js';
import { describeMethodology } from './methodology.js';
import type {
  ReportCoverageWarning,
  ReportEvidence,
  ReportLabel,
  ReportModel,
  ReportUnitSummary,
} from './model.js';
import { type Translator, translator } from './translate.js';

/**
 * Options of {@link buildReportModel} and `renderReport`.
 *
 * @example
 * ```ts
 * const options: ReportOptions = { lang: 'bg', period: '2021', from: '2017', decimals: 1 };
 * ```
 */
export interface ReportOptions {
  /** Language of the report (BCP 47); the framework's default language by default. */
  lang?: string;
  /** The period to report; the last period with scores by default. */
  period?: string;
  /**
   * The period to compare with; by default the one before `period` in the framework's order,
   * if any. `null` for no comparison.
   */
  from?: string | null;
  /**
   * The level whose nodes are the heat map's columns and the radars' axes; by default the
   * top-level dimensions (nodes of kind `dimension` directly under a group or the root).
   */
  level?: string;
  /** Display decimals, rounding half away from zero; 1 by default. */
  decimals?: number;
  /** Changes within ± this count as held; half of the last displayed decimal by default. */
  tolerance?: number;
  /** The date answers were taken in force on, when the run fixed one (for the methodology). */
  asOf?: string;
  /** A line about where the data came from (files, counts), shown under the title. */
  provenance?: string;
  /**
   * Whether to list every answer with its source and comment (true by default). Leave it out
   * for very large panels, where it dominates the file's size.
   */
  evidence?: boolean;
  /** Answer rows the run rejected, formatted `file:line:col: error CODE: message`. */
  rejected?: readonly string[];
  /** More facts for the methodology section, such as the result's provenance stamp. */
  facts?: readonly { term: string; definition: string }[];
  /**
   * With group summaries on the result (issue 17): report only this group's members, ranked
   * among themselves, with the group's mean as their profiles' reference.
   */
  group?: string;
}

const fail = (issue: ReturnType<typeof createIssue>): never => {
  throw new IntegrationIndexError([issue]);
};

function dimensionNodes(view: ResultView, level: string | undefined): ViewNode[] {
  const byId = new Map(view.nodes.map((n) => [n.id, n]));
  if (level !== undefined) {
    const levels = [
      ...new Set(
        view.nodes
          .filter((n) => n.kind !== 'indicator' && n.kind !== 'subquestion')
          .map((n) => n.level),
      ),
    ];
    if (!levels.includes(level)) fail(createIssue('REPORT_UNKNOWN_LEVEL', { level, levels }));
    return view.nodes.filter((n) => n.level === level && n.scored && n.kind !== 'cell');
  }
  return view.nodes.filter((n) => {
    if (n.kind !== 'dimension' || !n.scored) return false;
    const parent = n.parent === null ? undefined : byId.get(n.parent);
    return parent === undefined || parent.kind === 'group' || parent.kind === 'overall';
  });
}

/**
 * Gathers what the HTML report shows from a result view and its framework, resolved to one
 * language and one period (and the period it is compared with): units in ranking order with
 * overall, dimension and stage scores, coverage warnings, the evidence behind each answer, and
 * the methodology. Throws {@link IntegrationIndexError} (`REPORT_UNKNOWN_PERIOD`,
 * `REPORT_NO_PERIOD`, `REPORT_UNKNOWN_LEVEL`) for options the result cannot answer. Pure.
 *
 * @example
 * ```ts
 * const model = buildReportModel(resultView(result, framework), framework, { lang: 'bg' });
 * model.units.map((u) => u.id); //=> ['XB', 'XA', 'XC'] (best first)
 * ```
 */
export function buildReportModel(
  view: ResultView,
  framework: Framework,
  options: ReportOptions = {},
): ReportModel {
  throwIfAny(
    viewProblem('buildReportModel', 'view', view),
    frameworkProblem('buildReportModel', 'framework', framework),
    optionsProblem('buildReportModel', 'options', options, reportOptionFields),
  );
  const lang = options.lang ?? framework.language;
  const tr: Translator = translator(lang, framework.language);
  const decimals = options.decimals ?? 1;
  const tolerance = options.tolerance ?? defaultTolerance(decimals);

  if (view.periods.length === 0) fail(createIssue('REPORT_NO_PERIOD', {}));
  const period = options.period ?? (view.periods[view.periods.length - 1] as string);
  if (!view.periods.includes(period))
    fail(createIssue('REPORT_UNKNOWN_PERIOD', { period, periods: view.periods }));
  let from: string | undefined;
  if (options.from === undefined) {
    const k = view.periods.indexOf(period);
    from = k > 0 ? view.periods[k - 1] : undefined;
  } else if (options.from !== null) {
    from = options.from;
    if (!view.periods.includes(from))
      fail(createIssue('REPORT_UNKNOWN_PERIOD', { period: from, periods: view.periods }));
    if (from === period) fail(createIssue('COMPARE_SAME_PERIOD', { period }));
  }

  const periodLabel = (id: string): ReportLabel & { referenceDate?: string } => {
    const p = framework.periods.find((x) => x.id === id);
    return {
      id,
      label: p?.title !== undefined ? tr(p.title) : id,
      ...(p ? { referenceDate: p.referenceDate } : {}),
    };
  };
  const label = (n: ViewNode): ReportLabel => ({ id: n.id, label: tr(n.title) });
  const dims = dimensionNodes(view, options.level);
  const stages = view.nodes.filter((n) => n.kind === 'stage' && n.scored);
  const score = (unit: string, p: string, node: string) => view.cell(unit, p, node)?.score ?? null;

  const units: ReportUnitSummary[] = view.units
    .filter((u) => view.cell(u, period, view.rootId) !== undefined)
    .map((u) => {
      const root = view.cell(u, period, view.rootId);
      const summary: ReportUnitSummary = {
        id: u,
        label: u,
        overall: root?.score ?? null,
        rank: root?.rank ?? null,
        coverage: root?.coverage ?? null,
        dimensions: dims.map((d) => score(u, period, d.id)),
        stages: stages.map((s) => score(u, period, s.id)),
      };
      if (from !== undefined && view.cell(u, from, view.rootId) !== undefined) {
        const before = view.cell(u, from, view.rootId);
        summary.previous = { overall: before?.score ?? null, rank: before?.rank ?? null };
        summary.previousDimensions = dims.map((d) => score(u, from as string, d.id));
      }
      return summary;
    })
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.id.localeCompare(b.id));

  // Coverage: the overall score, groups, dimensions and stages with missing answers or no score.
  const watched = view.nodes.filter(
    (n) =>
      n.scored &&
      (n.kind === 'overall' || n.kind === 'group' || n.kind === 'dimension' || n.kind === 'stage'),
  );
  const words = reportLabels(lang);
  const coverageWarnings: ReportCoverageWarning[] = [];
  for (const u of units) {
    for (const n of watched) {
      const c = view.cell(u.id, period, n.id);
      if (!c) continue;
      const reason =
        c.score === null
          ? `${words.emptyScore} (${c.reason ?? 'no-data'})`
          : c.coverage && c.coverage.missing > 0
            ? words.answersMissing
            : null;
      if (reason !== null)
        coverageWarnings.push({ unit: u.label, node: tr(n.title), reason, coverage: c.coverage });
    }
  }

  // Evidence: every indicator and sub-question answer behind the period's scores.
  const titleOf = new Map(view.nodes.map((n) => [n.id, n]));
  const dimensionOf = (n: ViewNode): string => {
    let p = n.parent === null ? undefined : titleOf.get(n.parent);
    while (p && p.kind !== 'dimension') p = p.parent === null ? undefined : titleOf.get(p.parent);
    return p ? tr(p.title) : '';
  };
  const leaves = view.nodes.filter((n) => n.kind === 'indicator' || n.kind === 'subquestion');
  const evidence: Record<string, ReportEvidence[]> = {};
  for (const u of options.evidence === false ? [] : units) {
    const items: ReportEvidence[] = [];
    for (const n of leaves) {
      const a = view.answer(u.id, period, n.id);
      if (!a || a.answer === null) continue;
      const before = from === undefined ? undefined : view.answer(u.id, from, n.id);
      const item: ReportEvidence = {
        indicator: n.id,
        title: tr(n.title),
        dimension: dimensionOf(n),
        answer: a.answer,
        score: view.cell(u.id, period, n.id)?.score ?? null,
      };
      if (a.option !== undefined && a.option !== a.answer) item.option = a.option;
      if (a.source !== undefined) item.source = a.source;
      if (a.comment !== undefined) item.comment = a.comment;
      if (a.expert !== undefined) item.expert = a.expert;
      if (a.status !== undefined) item.status = a.status;
      if (a.reviewer !== undefined) item.reviewer = a.reviewer;
      if (a.reviewedOn !== undefined) item.reviewedOn = a.reviewedOn;
      if (from !== undefined && (before?.answer ?? null) !== a.answer)
        item.previousAnswer = before?.answer ?? '–';
      items.push(item);
    }
    evidence[u.id] = items;
  }

  const methodology = describeMethodology(framework, tr, {
    decimals,
    tolerance,
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
  });
  methodology.facts.push(...(options.facts ?? []));
  const current = periodLabel(period);
  const previous = from === undefined ? undefined : periodLabel(from);
  const title = tr(framework.title);
  const notes: string[] = [];
  for (const [used, count] of tr.fallbacks) {
    notes.push(createIssue('REPORT_FALLBACK_LANGUAGE', { lang, count, used }).message);
  }
  const subtitle = [
    `${framework.id} ${framework.edition} (${framework.version})`,
    `${current.label}${current.referenceDate ? `, ${localeFormat(lang).date(current.referenceDate)}` : ''}`,
    ...(previous ? [`↔ ${previous.label}`] : []),
    ...(options.provenance ? [options.provenance] : []),
  ].join(' · ');

  return {
    lang,
    dir: directionOf(lang),
    title,
    subtitle,
    period: current,
    ...(previous ? { previousPeriod: previous } : {}),
    scale: { ...view.scale },
    decimals,
    tolerance,
    dimensions: dims.map(label),
    stages: stages.map(label),
    units,
    evidence,
    coverageWarnings,
    rejected: [...(options.rejected ?? [])],
    notes,
    methodology,
  };
}

/** The keys of {@link ReportOptions}, checked on every call. */
export const reportOptionFields: Readonly<Record<string, FieldCheck>> = {
  lang: 'string',
  period: 'string',
  from: (v) => (v === null || typeof v === 'string' ? undefined : 'a string or null'),
  level: 'string',
  decimals: 'number',
  tolerance: 'number',
  asOf: 'string',
  provenance: 'string',
  evidence: 'boolean',
  rejected: stringArray,
  facts: objectArray,
  group: 'string',
};
