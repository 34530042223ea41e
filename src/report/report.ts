import type { ScoreResult } from '../engine/result/schema.js';
import { formatIssue, type Issue } from '../errors/issue.js';
import type { Framework } from '../framework/schema/framework.js';
import { resultView } from './from-result.js';
import { buildReportModel, type ReportOptions } from './html/build.js';
import { withGroups } from './html/groups.js';
import { renderReportModel } from './html/render.js';

/**
 * Writes the HTML report of a score result: one self-contained file (inline CSS and SVG, no
 * script, no network) with a ranking overview, a heat map of units × dimensions, per unit a
 * radar of dimensions and bars per stage, the change since the previous period, coverage
 * warnings, the evidence behind each answer and a methodology section generated from the
 * framework. Accessible (a `<title>`, a `<desc>` and a data table for every chart) and
 * printable. Core and browser-safe: it returns a string.
 *
 * @example
 * ```ts
 * const html = renderReport(score(framework, answers), framework, { lang: 'bg', period: '2021' });
 * html.includes('<svg'); //=> true
 * ```
 */
export function renderReport(
  result: ScoreResult,
  framework: Framework,
  options: ReportOptions = {},
): string {
  const { read, used, superseded } = result.counts;
  const provenance =
    options.provenance ??
    `${read} answers read from ${result.files.join(', ') || 'no file'}: ${used} used, ${superseded} superseded, ${result.counts.rejected} rejected`;
  const rejectedRows =
    options.rejected ??
    result.issues.filter((i) => i.severity === 'error').map((i) => formatIssue(i as Issue));
  const model = buildReportModel(resultView(result, framework), framework, {
    ...options,
    provenance,
    rejected: rejectedRows,
    facts: [...stampFacts(result), ...(options.facts ?? [])],
  });
  // Units registry and group summaries (issue 17): names, group means, one group's ranking.
  return renderReportModel(
    result.unitInfo || result.groups ? withGroups(model, result, { group: options.group }) : model,
  );
}

/** The provenance stamp as methodology facts: hashes of the inputs and the library version. */
function stampFacts(result: ScoreResult): { term: string; definition: string }[] {
  const p = result.provenance;
  if (!p) return [];
  return [
    {
      term: 'Provenance',
      definition: `Scored by ${p.library.name} ${p.library.version} with framework ${p.framework.id} ${p.framework.edition} (${p.framework.version}), SHA-256 ${p.framework.sha256} of its ${p.framework.hashOf}.`,
    },
    ...p.answers.map((a) => ({
      term: 'Answer file',
      definition: `${a.path}: SHA-256 ${a.sha256}`,
    })),
  ];
}
