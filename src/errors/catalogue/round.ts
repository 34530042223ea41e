import type { MessageCatalogue } from './types.js';

/**
 * Message templates for running a round with several experts: evidence rules and the progress
 * board.
 *
 * @example
 * ```ts
 * roundMessages.EVIDENCE_MISSING({ unit: 'XA', period: '2019', indicator: 'res_lf_fees' });
 * //=> 'The answer for XA, 2019, "res_lf_fees" has no source, and the framework requires one.'
 * ```
 */
export const roundMessages = {
  EVIDENCE_MISSING: (p: { unit: string; period: string; indicator: string }) =>
    `The answer for ${p.unit}, ${p.period}, "${p.indicator}" has no source, and the framework requires one.`,
  PROGRESS_OPEN: (p: {
    open: number;
    noData: number;
    disagreements: number;
    awaitingReview: number;
    evidenceMissing: number;
  }) =>
    `${p.open} question${p.open === 1 ? ' is' : 's are'} still open: ${p.noData} without data, ${p.disagreements} in disagreement, ${p.awaitingReview} awaiting review, ${p.evidenceMissing} without a required source.`,
} satisfies MessageCatalogue;
