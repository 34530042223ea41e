import { quoteList } from '../quote.js';
import type { MessageCatalogue } from './types.js';

const range = (min: number | null, max: number | null): string =>
  min !== null && max !== null
    ? `between ${min} and ${max}`
    : min !== null
      ? `at least ${min}`
      : `at most ${String(max)}`;

/**
 * Message templates for the scoring domain: answers checked against a framework (each rejects one
 * answer row), supersession, missing data, aggregation and queries on a result.
 */
export const scoringMessages = {
  SCORE_WEIGHT_UNKNOWN_NODE: (p: { node: string; suggestion?: string | undefined }) =>
    `Cannot set the weight of "${p.node}": the framework has no node with that id.${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''}`,
  SCORE_WEIGHTS_ON_PLAN: () =>
    'Weight overrides need the framework itself: a compiled plan has its weights fixed; compile the framework with the new weights instead (applyWeights).',
  SCORE_WEIGHT_INVALID: (p: { node: string; weight: unknown }) =>
    `The weight of "${p.node}" must be a number, zero or more (0 leaves the node out), got ${JSON.stringify(p.weight) ?? String(p.weight)}.`,
  SCORE_UNKNOWN_INDICATOR: (p: { indicator: string; suggestion?: string | undefined }) =>
    `Unknown indicator "${p.indicator}".${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''}`,
  SCORE_UNKNOWN_PERIOD: (p: { period: string; periods: readonly string[] }) =>
    `Unknown period "${p.period}"; the framework's periods are ${quoteList(p.periods)}.`,
  SCORE_COMPOSITE_ANSWERED: (p: { indicator: string; inputs: readonly string[] }) =>
    `"${p.indicator}" is computed from ${quoteList(p.inputs, 'and')}; answer those instead.`,
  SCORE_UNKNOWN_OPTION: (p: { answer: string; codes: readonly string[] }) =>
    `"${p.answer}" is not an option of this indicator; allowed: ${quoteList(p.codes)} (or n/a, or empty for no data).`,
  SCORE_NOT_A_NUMBER: (p: { answer: unknown }) =>
    `"${String(p.answer)}" is not a number (write digits with a dot as decimal separator).`,
  SCORE_OUT_OF_RANGE: (p: { value: number; min: number | null; max: number | null }) =>
    `${p.value} is out of range: the answer must be ${range(p.min, p.max)}.`,
  SCORE_NO_BAND: (p: { value: number }) => `No band of this indicator holds the value ${p.value}.`,
  SCORE_NOT_BOOLEAN: (p: { answer: string }) =>
    `"${p.answer}" is not yes or no (also accepted: true/false, 1/0, n/a, or empty).`,
  SCORE_NOT_A_DATE: (p: { answer: string }) =>
    `"${p.answer}" is not a valid date; write it YYYY-MM-DD.`,
  SCORE_CONFLICTING_ANSWERS: (p: {
    unit: string;
    period: string;
    indicator: string;
    others: readonly string[];
    /** The question's id in the framework (the indicator as written may be an alias). */
    question?: string | undefined;
    experts?: readonly string[] | undefined;
  }) =>
    `Conflicting answers for ${p.unit}, ${p.period}, "${p.indicator}" in force at the same time${p.experts && p.experts.length > 1 ? ` from ${quoteList(p.experts, 'and')}` : ''} (also at ${p.others.join(', ')}); none of them is used${p.experts && p.experts.length > 1 ? ' until a reviewer settles it with a final answer' : ''}.`,
  SCORE_DUPLICATE_ANSWER: (p: { unit: string; period: string; indicator: string; kept: string }) =>
    `The same answer for ${p.unit}, ${p.period}, "${p.indicator}" is given again; the one at ${p.kept} is used.`,
  SCORE_NO_DATA: (p: { unit: string; period: string; indicator: string }) =>
    `No answer for ${p.unit}, ${p.period}, "${p.indicator}", and the missing-data policy is "fail".`,
  SCORE_NO_DATA_MORE: (p: { count: number }) =>
    `${p.count} more answers are missing under the "fail" policy.`,
  SCORE_TABLE_NO_MATCH: (p: { unit: string; period: string; indicator: string }) =>
    `No row of the table of "${p.indicator}" matches the sub-question scores of ${p.unit}, ${p.period}; it is left without a score.`,
  SCORE_METHOD_UNSUPPORTED: (p: { method: string; node: string }) =>
    `The aggregation method "${p.method}" of "${p.node}" is not available in the scoring engine (use the composite toolkit).`,
  SCORE_METHOD_NEEDS_P: (p: { node: string }) =>
    `"${p.node}" aggregates with the generalised mean (genmean) but gives no exponent p.`,
  SCORE_INVALID_AS_OF: (p: { value: string }) =>
    `"${p.value}" is not a valid as-of date; write it YYYY-MM-DD.`,
  SCORE_INVALID_STATUS: (p: { value: string }) =>
    `"${p.value}" is not a review state; expected draft, submitted, reviewed or final.`,
  SCORE_STATUS_EXCLUDED: (p: { count: number; status: string }) =>
    `${p.count === 1 ? '1 answer is' : `${p.count} answers are`} below the status "${p.status}" and left out of the scores.`,
  SCORE_UNKNOWN_UNIT: (p: { unit: string; units: readonly string[] }) =>
    `No scores for unit "${p.unit}"; scored units: ${quoteList(p.units.slice(0, 12))}${p.units.length > 12 ? '...' : ''}.`,
  SCORE_PERIOD_NOT_SCORED: (p: { period: string; periods: readonly string[] }) =>
    `No scores for period "${p.period}"; scored periods: ${quoteList(p.periods)}.`,
  SCORE_UNKNOWN_NODE: (p: { node: string; suggestion?: string | undefined }) =>
    `No node "${p.node}" in the result.${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''}`,
  SCORE_NO_ROW: (p: { unit: string; period: string }) =>
    `Unit "${p.unit}" has no answers in period "${p.period}".`,
} satisfies MessageCatalogue;
