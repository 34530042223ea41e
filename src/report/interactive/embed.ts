/**
 * What an interactive report carries, and how it is put into the page: the framework, the
 * answer files and the options as JSON in a `<script type="application/json">`, and the
 * browser app that re-scores them. The page stays one file that works offline.
 */
import { createIssue, IntegrationIndexError } from '../../errors/issue.js';
import type { Framework } from '../../framework/schema/framework.js';
import type { ProvenanceInputs } from '../../provenance/stamp.js';
import type { ApplyUnitsOptions } from '../../units/apply.js';
import type { UnitRegistry } from '../../units/schema.js';
import type { ReportOptions } from '../html/build.js';
import { interactiveCss } from './styles.js';

/**
 * The data an interactive report re-scores in the browser: the same framework and answer files
 * the command line scored, the report's options, and the scoring options (`asOf`, the files'
 * hashes for the provenance stamp, the weights the report was written with).
 *
 * @example
 * ```ts
 * const data: InteractiveReportData = {
 *   format: 1,
 *   framework,
 *   answers: [{ path: 'answers.csv', content: csvText }],
 *   report: { decimals: 1, lang: 'bg' },
 *   scoring: { weights: {} },
 * };
 * ```
 */
export interface InteractiveReportData {
  format: 1;
  framework: Framework;
  /** The answer files as text (CSV or JSON), read in the page as the command line read them. */
  answers: { path: string; content: string }[];
  /** The report's options; `provenance`, `rejected` and `facts` are computed in the page. */
  report: Omit<ReportOptions, 'provenance' | 'rejected' | 'facts'>;
  scoring: {
    asOf?: string;
    /** Weight overrides the report was written with (`report --weight`). */
    weights: Record<string, number>;
    provenance?: ProvenanceInputs;
  };
  /**
   * The units registry (names already resolved) and the options the run applied (`--units`,
   * `--groups`, `--derive`), applied again to each result the page computes; absent when the run
   * used no units.
   */
  units?: { registry: UnitRegistry; options: ApplyUnitsOptions };
}

/** The id of the `<script type="application/json">` element holding the data. */
export const interactiveDataId = 'ii-report-data';

/**
 * JSON for inside an HTML `<script>` element: `<`, and the line and paragraph separators, are
 * written as escapes, so no text in the data (a source reading `</script>`) can end the element.
 *
 * @example
 * ```ts
 * scriptJson({ source: '</script><b>' }); //=> '{"source":"\\u003c/script>\\u003cb>"}'
 * ```
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Puts the data and the app into a rendered report, just before `</body>`: the report still
 * reads as before without scripts, and becomes interactive with them. The app's code must be a
 * classic script (an IIFE bundle); any `</script` inside it is escaped. A page without
 * `</body>` throws {@link IntegrationIndexError} with `REPORT_NOT_A_PAGE`.
 *
 * @example
 * ```ts
 * const page = embedInteractive(renderReport(result, framework), data, appCode);
 * page.includes('id="ii-report-data"'); //=> true
 * ```
 */
export function embedInteractive(
  html: string,
  data: InteractiveReportData,
  appCode: string,
): string {
  const head = html.indexOf('</head>');
  const at = html.lastIndexOf('</body>');
  if (at < 0 || head < 0 || head > at)
    throw new IntegrationIndexError([createIssue('REPORT_NOT_A_PAGE', undefined)]);
  const style = `<style>${interactiveCss}</style>`;
  const scripts =
    `<script type="application/json" id="${interactiveDataId}">${scriptJson(data)}</script>\n` +
    `<script>${appCode.replace(/<\/(script)/gi, '<\\/$1')}</script>\n`;
  return html.slice(0, head) + style + html.slice(head, at) + scripts + html.slice(at);
}
