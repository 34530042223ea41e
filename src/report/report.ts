import type { ScoreResult } from '../engine/result/schema.js';
import { frameworkProblem, optionsProblem, resultProblem, throwIfAny } from '../errors/args.js';
import { formatIssue, type Issue } from '../errors/issue.js';
import type { Framework } from '../framework/schema/framework.js';
import { nodesOf } from '../framework/validate/walk.js';
import { progressOf } from '../round/progress/index.js';
import { localeFormat } from '../text/locale.js';
import { resolveText } from '../text/resolve.js';
import { resultView } from './from-result.js';
import { buildReportModel, type ReportOptions, reportOptionFields } from './html/build.js';
import { withGroups } from './html/groups.js';
import { methodologyWords } from './html/methodology-words.js';
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
  throwIfAny(
    resultProblem('renderReport', 'result', result),
    frameworkProblem('renderReport', 'framework', framework),
    optionsProblem('renderReport', 'options', options, reportOptionFields),
  );
  const { read, used, superseded, rejected } = result.counts;
  const lang = options.lang ?? framework.language;
  const loc = localeFormat(lang);
  const provenance =
    options.provenance ??
    methodologyWords(lang).answersRead({
      read: loc.count(read),
      files: result.files.join(', '),
      used: loc.count(used),
      superseded: loc.count(superseded),
      rejected: loc.count(rejected),
    });
  const rejectedRows =
    options.rejected ??
    result.issues.filter((i) => i.severity === 'error').map((i) => formatIssue(i as Issue));
  const model = buildReportModel(resultView(result, framework), framework, {
    ...options,
    provenance,
    rejected: rejectedRows,
    facts: [...stampFacts(result, lang), ...(options.facts ?? [])],
  });
  // The progress board of the report's period: what is still open before publication.
  const board = progressOf(result);
  // The board names dimensions in the framework's own language; the report's is `lang`.
  const titles = new Map(
    nodesOf(framework).map(({ node }) => [
      node.id,
      resolveText(node.title, lang, framework.language).text,
    ]),
  );
  const lines = board.lines
    .filter((l) => l.period === model.period.id)
    .map((l) => (l.dimension === '' ? l : { ...l, title: titles.get(l.dimension) ?? l.title }));
  model.progress = {
    lines,
    open: lines.reduce((sum, l) => sum + l.open, 0),
    rejected: board.rejected,
  };
  // Units registry and group summaries (issue 17): names, group means, one group's ranking.
  return renderReportModel(
    result.unitInfo || result.groups ? withGroups(model, result, { group: options.group }) : model,
  );
}

/** The provenance stamp as methodology facts: hashes of the inputs and the library version. */
function stampFacts(result: ScoreResult, lang: string): { term: string; definition: string }[] {
  const p = result.provenance;
  if (!p) return [];
  const w = methodologyWords(lang);
  return [
    {
      term: w.provenance,
      definition: w.provenanceText({
        library: `${p.library.name} ${p.library.version}`,
        framework: `${p.framework.id} ${p.framework.edition} (${p.framework.version})`,
        sha256: p.framework.sha256,
        hashOf: p.framework.hashOf,
      }),
    },
    ...p.answers.map((a) => ({
      term: w.answerFile,
      definition: `${a.path}: SHA-256 ${a.sha256}`,
    })),
  ];
}
