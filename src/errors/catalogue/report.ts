import { quoteList } from '../quote.js';
import type { MessageCatalogue } from './types.js';

/** Message templates for the outputs people read: exports, comparisons and the HTML report. */
export const reportMessages = {
  REPORT_UNKNOWN_PERIOD: (p: { period: string; periods: readonly string[] }) =>
    `The result has no scores for period "${p.period}"; it has ${p.periods.length > 0 ? quoteList(p.periods, 'and') : 'none'}.`,
  REPORT_NO_PERIOD: (_p: Record<string, never>) =>
    'The result holds no period with scores, so there is nothing to report.',
  REPORT_UNKNOWN_LEVEL: (p: { level: string; levels: readonly string[] }) =>
    `Unknown level "${p.level}"; the result's aggregate levels are ${quoteList(p.levels)}.`,
  REPORT_ANALYSIS_INVALID: (p: { detail: string }) =>
    `Not an analysis result: ${p.detail}; give the JSON that uncertainty or sensitivity write with --format json.`,
  REPORT_UNKNOWN_UNIT: (p: { unit: string; units: readonly string[] }) =>
    `The result has no unit "${p.unit}"; it has ${quoteList(p.units, 'and')}.`,
  REPORT_FALLBACK_LANGUAGE: (p: { lang: string; count: number; used: string }) =>
    `${p.count} text${p.count === 1 ? ' is' : 's are'} not translated into "${p.lang}"; the report shows ${p.count === 1 ? 'it' : 'them'} in "${p.used}".`,
  COMPARE_SAME_PERIOD: (p: { period: string }) =>
    `--from and --to are both "${p.period}"; a comparison needs two different periods.`,
  COMPARE_NEGATIVE_TOLERANCE: (p: { tolerance: number }) =>
    `The tolerance must be zero or more, got ${p.tolerance}.`,
  REPORT_APP_MISSING: (p: { file: string }) =>
    `The interactive report's script ${p.file} is missing: reinstall the package, or write a static report with --static.`,
  REPORT_NOT_A_PAGE: () =>
    'The report has no </body>: the interactive part can only be added to a whole HTML page.',
  EXPORT_UNKNOWN_LICENSE: (p: { license: string; known: readonly string[] }) =>
    `Unknown licence "${p.license}"; known licence ids: ${quoteList(p.known)}.`,
  EXPORT_RESULT_INVALID: (p: { detail: string }) =>
    `The result does not match the published result JSON Schema: ${p.detail}`,
} satisfies MessageCatalogue;
