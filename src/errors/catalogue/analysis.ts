import { quoteList } from '../quote.js';
import type { MessageCatalogue } from './types.js';

/** Message templates for the analysis domain: uncertainty, sensitivity, what-if and gains. */
export const analysisMessages = {
  ANALYSIS_SPEC_INVALID: (p: { detail: string }) => `Invalid analysis spec: ${p.detail}`,
  ANALYSIS_DUPLICATE_NAME: (p: { name: string }) =>
    `Two assumptions are named "${p.name}"; every assumption needs its own name.`,
  ANALYSIS_DUPLICATE_ASSUMPTION: (p: { name: string; other: string; what: string }) =>
    `Assumptions "${p.other}" and "${p.name}" both vary ${p.what}; one would silently override the other.`,
  ANALYSIS_STEP_MISSING: (p: { name: string; step: string; steps: readonly string[] }) =>
    `Assumption "${p.name}" varies the "${p.step}" step, which this model does not have${p.steps.length > 0 ? ` (its steps: ${quoteList(p.steps, 'and')})` : ''}.`,
  ANALYSIS_UNKNOWN_LEVEL: (p: { name: string; level: string; levels: readonly string[] }) =>
    `Assumption "${p.name}" names level "${p.level}"; the model's levels are ${quoteList(p.levels)}.`,
  ANALYSIS_UNKNOWN_COMPONENT: (p: { name: string; code: string; level: string }) =>
    `Assumption "${p.name}" names "${p.code}", which is not a component of level "${p.level}".`,
  ANALYSIS_TOP_LEVEL: (p: { name: string; level: string }) =>
    `Assumption "${p.name}" acts on level "${p.level}", the top of the model, which has nothing to weigh or leave out.`,
  ANALYSIS_BAD_RANGE: (p: { name: string; detail: string }) =>
    `Assumption "${p.name}": ${p.detail}`,
  ANALYSIS_BAD_OPTIONS: (p: { name: string; step: string; detail: string }) =>
    `Assumption "${p.name}" gives "${p.step}" options the pipeline refuses: ${p.detail}`,
  ANALYSIS_UNKNOWN_TARGET: (p: { target: string; targets: readonly string[] }) =>
    `Unknown target "${p.target}"; the model can analyse ${quoteList(p.targets.slice(0, 12))}${p.targets.length > 12 ? ' and more' : ''}.`,
  ANALYSIS_TOO_FEW_ASSUMPTIONS: (p: { count: number }) =>
    `A sensitivity analysis needs at least two assumptions to apportion; the spec has ${p.count}. Run an uncertainty analysis instead.`,
  ANALYSIS_TOO_FEW_UNITS: (p: { count: number }) =>
    `Ranks need at least two units with a score; the model has ${p.count}.`,
  ANALYSIS_NO_VARIANCE: (_p: Record<string, never>) =>
    'The assumptions never change the ranks (zero variance), so no sensitivity index can be estimated.',
  ANALYSIS_UNKNOWN_UNIT: (p: { unit: string; units: readonly string[] }) =>
    `Unknown unit "${p.unit}"; units are ${quoteList(p.units.slice(0, 12))}${p.units.length > 12 ? ' and more' : ''}.`,
  ANALYSIS_UNKNOWN_PERIOD: (p: { period: string; periods: readonly string[] }) =>
    `Unknown period "${p.period}"; periods are ${quoteList(p.periods)}.`,
  ANALYSIS_UNKNOWN_INDICATOR: (p: { indicator: string }) => `Unknown indicator "${p.indicator}".`,
  ANALYSIS_BAD_ANSWER: (p: { indicator: string; detail: string }) =>
    `The changed answer for "${p.indicator}" is not valid: ${p.detail}`,
  ANALYSIS_WORKER_FAILED: (p: { detail: string }) => `A worker thread failed: ${p.detail}`,
} satisfies MessageCatalogue;
