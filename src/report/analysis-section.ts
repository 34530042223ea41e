/**
 * The robustness section of the HTML report: the charts of uncertainty and sensitivity
 * results (the JSON `uncertainty` and `sensitivity` write with `--format json`), added to a
 * rendered report as its last section and contents entry.
 */
import type { SensitivityResult } from '../analysis/sensitivity/sensitivity.js';
import type { UncertaintyResult } from '../analysis/uncertainty/uncertainty.js';
import { invalidArgument, optionsProblem, stringProblem, throwIfAny } from '../errors/args.js';
import { createIssue, IntegrationIndexError, type Issue } from '../errors/issue.js';
import { localeFormat } from '../text/locale.js';
import { analysisWords } from './analysis-words.js';
import { sensitivityResultSvg, uncertaintyResultSvg } from './charts/analysis.js';
import { escapeMarkup } from './escape.js';

/**
 * A saved uncertainty or sensitivity result, as the analysis commands write it with
 * `--format json`.
 *
 * @example
 * ```ts
 * const analysis: AnyResult = checkAnalysisResult(JSON.parse(text), 'ua.json');
 * ```
 */
export type AnyResult = UncertaintyResult | SensitivityResult;

function isSensitivity(r: AnyResult): r is SensitivityResult {
  return Array.isArray((r as SensitivityResult).indices);
}

/**
 * Checks that a parsed JSON value is an uncertainty or sensitivity result, or throws
 * `REPORT_ANALYSIS_INVALID` naming the file.
 *
 * @example
 * ```ts
 * const r = checkAnalysisResult(JSON.parse(text), 'ua.json');
 * ```
 */
export function checkAnalysisResult(value: unknown, file?: string): AnyResult {
  throwIfAny(stringProblem('checkAnalysisResult', 'file', file, { optional: true }));
  const v = value as Partial<SensitivityResult & UncertaintyResult> | null;
  const fail = (detail: string): never => {
    throw new IntegrationIndexError([
      createIssue('REPORT_ANALYSIS_INVALID', { detail }, file ? { file } : {}),
    ]);
  };
  if (v === null || typeof v !== 'object') return fail('the file holds no JSON object');
  if (typeof v.target !== 'string' || typeof v.runs !== 'number')
    return fail('"target" and "runs" are missing');
  if (Array.isArray(v.indices)) {
    if (!v.indices.every((i) => typeof i?.assumption === 'string' && typeof i.first === 'number'))
      return fail('"indices" lacks assumption names or first-order indices');
    return v as SensitivityResult;
  }
  if (!Array.isArray(v.units) || !v.units.every((u) => typeof u?.unit === 'string' && u.rank))
    return fail('neither "indices" (sensitivity) nor "units" with ranks (uncertainty)');
  return v as UncertaintyResult;
}

/**
 * Options of {@link analysisSectionHtml} and {@link withAnalysisSection}.
 *
 * @example
 * ```ts
 * const options: AnalysisSectionOptions = { lang: 'bg' };
 * ```
 */
export interface AnalysisSectionOptions {
  /** The language of the section's words and numbers (BCP 47), the report's; English by default. */
  lang?: string | undefined;
}

/**
 * The section's HTML: for each result, its charts (a sensitivity result also carries the
 * uncertainty of its runs) with a caption, in `options.lang`.
 *
 * @example
 * ```ts
 * analysisSectionHtml([ua]); //=> '<section id="robustness" ...><h2 ...>Robustness</h2><figure>...'
 * analysisSectionHtml([ua], { lang: 'bg' }); //=> '...<h2 ...>Устойчивост на класирането</h2>...'
 * ```
 */
export function analysisSectionHtml(
  results: readonly AnyResult[],
  options: AnalysisSectionOptions = {},
): string {
  throwIfAny(
    resultsProblem('analysisSectionHtml', results),
    optionsProblem('analysisSectionHtml', 'options', options, { lang: 'string' }),
  );
  const w = analysisWords(options.lang);
  const count = (n: number) => localeFormat(options.lang ?? 'en').count(n);
  const chart = { lang: options.lang };
  const uncertaintyFigure = (r: UncertaintyResult) =>
    `<figure>${uncertaintyResultSvg(r, chart)}<figcaption>${escapeMarkup(w.uncertaintyCaption({ target: r.target, runs: count(r.runs) }))}</figcaption></figure>`;
  const figures: string[] = [];
  for (const r of results) {
    if (isSensitivity(r)) {
      figures.push(
        `<figure>${sensitivityResultSvg(r, chart)}<figcaption>${escapeMarkup(w.sensitivityCaption({ target: r.target, runs: count(r.runs), bootstrap: count(r.bootstrap) }))}</figcaption></figure>`,
      );
      if (r.uncertainty?.units) figures.push(uncertaintyFigure(r.uncertainty));
    } else figures.push(uncertaintyFigure(r));
  }
  return `<section id="robustness" aria-labelledby="robustness-h"><h2 id="robustness-h">${escapeMarkup(w.heading)}</h2>${figures.join('')}</section>`;
}

/**
 * Adds the robustness section to a rendered report, before the end of `<main>`, with its
 * contents entry; `options.lang` should be the report's language.
 *
 * @example
 * ```ts
 * withAnalysisSection(renderReport(result, framework), [ua]);
 * ```
 */
export function withAnalysisSection(
  html: string,
  results: readonly AnyResult[],
  options: AnalysisSectionOptions = {},
): string {
  throwIfAny(
    stringProblem('withAnalysisSection', 'html', html, {
      expected: 'the HTML of a report (string)',
    }),
    resultsProblem('withAnalysisSection', results),
    optionsProblem('withAnalysisSection', 'options', options, { lang: 'string' }),
  );
  if (results.length === 0) return html;
  const section = analysisSectionHtml(results, options);
  const heading = escapeMarkup(analysisWords(options.lang).heading);
  return html
    .replace(
      '</ol></nav></header>',
      `<li><a href="#robustness">${heading}</a></li></ol></nav></header>`,
    )
    .replace('</main>', `${section}\n</main>`);
}

/**
 * `API_INVALID_ARGUMENT` for `results` that is not an array of analysis results (each passing
 * {@link checkAnalysisResult}), naming the first wrong one; else `undefined`.
 */
function resultsProblem(fn: string, results: unknown): Issue | undefined {
  const expected =
    'an uncertainty or sensitivity result (runUncertainty, runSensitivity, or their JSON output)';
  if (!Array.isArray(results)) {
    return invalidArgument(fn, 'results', `an array of ${expected}s`, results);
  }
  for (let i = 0; i < results.length; i++) {
    try {
      checkAnalysisResult(results[i]);
    } catch {
      return invalidArgument(fn, `results.${String(i)}`, expected, results[i]);
    }
  }
  return undefined;
}
