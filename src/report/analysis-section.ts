/**
 * The robustness section of the HTML report: the charts of uncertainty and sensitivity
 * results (the JSON `uncertainty` and `sensitivity` write with `--format json`), added to a
 * rendered report as its last section and contents entry.
 */
import type { SensitivityResult } from '../analysis/sensitivity/sensitivity.js';
import type { UncertaintyResult } from '../analysis/uncertainty/uncertainty.js';
import { invalidArgument, stringProblem, throwIfAny } from '../errors/args.js';
import { createIssue, IntegrationIndexError, type Issue } from '../errors/issue.js';
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
 * The section's HTML: for each result, its charts (a sensitivity result also carries the
 * uncertainty of its runs) with a caption.
 *
 * @example
 * ```ts
 * analysisSectionHtml([ua]); //=> '<section id="robustness" ...><h2 ...>Robustness</h2><figure>...'
 * ```
 */
export function analysisSectionHtml(results: readonly AnyResult[]): string {
  throwIfAny(resultsProblem('analysisSectionHtml', results));
  const figures: string[] = [];
  for (const r of results) {
    if (isSensitivity(r)) {
      figures.push(
        `<figure>${sensitivityResultSvg(r)}<figcaption>${escapeMarkup(`Sensitivity of the ranks of ${r.target}: first- and total-order indices per assumption, ${r.runs} runs, ${r.bootstrap} bootstrap resamples.`)}</figcaption></figure>`,
      );
      if (r.uncertainty?.units) figures.push(uncertaintyFigure(r.uncertainty));
    } else figures.push(uncertaintyFigure(r));
  }
  return `<section id="robustness" aria-labelledby="robustness-h"><h2 id="robustness-h">Robustness</h2>${figures.join('')}</section>`;
}

function uncertaintyFigure(r: UncertaintyResult): string {
  return `<figure>${uncertaintyResultSvg(r)}<figcaption>${escapeMarkup(`Median rank and 5th-95th percentile ranks of ${r.target} over ${r.runs} runs of the sampled assumptions.`)}</figcaption></figure>`;
}

/**
 * Adds the robustness section to a rendered report, before the end of `<main>`, with its
 * contents entry.
 *
 * @example
 * ```ts
 * withAnalysisSection(renderReport(result, framework), [ua]);
 * ```
 */
export function withAnalysisSection(html: string, results: readonly AnyResult[]): string {
  throwIfAny(
    stringProblem('withAnalysisSection', 'html', html, {
      expected: 'the HTML of a report (string)',
    }),
    resultsProblem('withAnalysisSection', results),
  );
  if (results.length === 0) return html;
  const section = analysisSectionHtml(results);
  return html
    .replace(
      '</ol></nav></header>',
      '<li><a href="#robustness">Robustness</a></li></ol></nav></header>',
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
