import { quoteList } from '../quote.js';
import type { MessageCatalogue } from './types.js';

/** Message templates for the composite domain: COINr-style data, pipeline specs and steps. */
export const compositeMessages = {
  // Reading iData / iMeta.
  COMPOSITE_CSV_SYNTAX: (p: { detail: string }) => `CSV syntax error: ${p.detail}`,
  COMPOSITE_CSV_EMPTY: (_p: Record<string, never>) => 'The table has no header row.',
  COMPOSITE_MISSING_COLUMN: (p: { column: string }) =>
    `The required column "${p.column}" is missing.`,
  COMPOSITE_UNKNOWN_COLUMN: (p: { column: string }) =>
    `The column "${p.column}" is not declared in iMeta (as an indicator, group, denominator or other).`,
  COMPOSITE_DUPLICATE_COLUMN: (p: { column: string }) => `The column "${p.column}" appears twice.`,
  COMPOSITE_MISSING_CODE: (_p: Record<string, never>) => 'The code is empty.',
  COMPOSITE_MISSING_VALUE: (p: { column: string; code: string }) =>
    `"${p.code}" has no value in the required column "${p.column}".`,
  COMPOSITE_NOT_NUMERIC: (p: { value: string; column: string }) =>
    `"${p.value}" in column "${p.column}" is not a number (leave the cell empty or write NA for a missing value).`,
  COMPOSITE_DUPLICATE_CODE: (p: { code: string; first: number }) =>
    `The code "${p.code}" is declared twice; the first declaration is on line ${p.first}.`,
  COMPOSITE_DUPLICATE_UNIT: (p: { unit: string; period: number | null; first: number }) =>
    `The unit "${p.unit}"${p.period === null ? '' : ` in period ${p.period}`} appears twice; first on line ${p.first}.`,
  COMPOSITE_BAD_TYPE: (p: { type: string; types: readonly string[] }) =>
    `Unknown type "${p.type}"; expected ${quoteList(p.types)}.`,
  COMPOSITE_BAD_LEVEL: (p: { code: string; level: number }) =>
    `"${p.code}" has level ${p.level}; levels are whole numbers from 1 (indicators) up.`,
  COMPOSITE_BAD_DIRECTION: (p: { code: string; value: number }) =>
    `"${p.code}" has direction ${p.value}; a direction is 1 (more is better) or -1 (less is better).`,
  COMPOSITE_BAD_WEIGHT: (p: { code: string; value: number }) =>
    `"${p.code}" has weight ${p.value}; weights cannot be negative.`,
  COMPOSITE_INDICATOR_LEVEL: (p: { code: string; level: number }) =>
    `The indicator "${p.code}" is at level ${p.level}; indicators are level 1.`,
  COMPOSITE_AGGREGATE_LEVEL: (p: { code: string }) =>
    `The aggregate "${p.code}" is at level 1, which is reserved for indicators.`,
  COMPOSITE_UNKNOWN_PARENT: (p: { code: string; parent: string }) =>
    `"${p.code}" names the parent "${p.parent}", which is not an aggregate in iMeta.`,
  COMPOSITE_MISSING_PARENT: (p: { code: string; level: number }) =>
    `"${p.code}" (level ${p.level}) has no parent; only the top level may have none.`,
  COMPOSITE_LEVEL_GAP: (p: { code: string; level: number; parent: string; parentLevel: number }) =>
    `"${p.code}" is at level ${p.level} but its parent "${p.parent}" is at level ${p.parentLevel}; a parent sits exactly one level up.`,
  COMPOSITE_EMPTY_AGGREGATE: (p: { code: string }) => `The aggregate "${p.code}" has no children.`,
  COMPOSITE_UNKNOWN_DENOMINATOR: (p: {
    code: string;
    denominator: string;
    denominators: readonly string[];
  }) =>
    `"${p.code}" is divided by "${p.denominator}", which is not a denominator in iMeta${p.denominators.length > 0 ? ` (${quoteList(p.denominators)})` : ''}.`,
  COMPOSITE_INDICATOR_NOT_IN_DATA: (p: { code: string }) =>
    `The indicator "${p.code}" is declared in iMeta but has no column in iData.`,
  COMPOSITE_DENOMINATOR_NOT_IN_DATA: (p: { code: string; denominator: string }) =>
    `"${p.code}" is divided by "${p.denominator}", but iData has no such column.`,

  // Pipeline specs.
  COMPOSITE_SPEC_INVALID: (p: { detail: string }) => `Invalid pipeline: ${p.detail}`,
  COMPOSITE_STEP_REPEATED: (p: { step: string }) =>
    `The step "${p.step}" appears twice; each step runs at most once.`,
  COMPOSITE_STEP_MISSING: (p: { step: string }) =>
    `The pipeline has no "${p.step}" step to change; add the step first.`,
  COMPOSITE_STEP_ORDER: (p: { step: string; after: string }) =>
    `The step "${p.step}" must come before "${p.after}" (COINr's order: denominate, impute, screen, treat, normalise, aggregate).`,
  COMPOSITE_UNKNOWN_GROUP: (p: { group: string; groups: readonly string[] }) =>
    `Unknown group column "${p.group}"${p.groups.length > 0 ? `; expected ${quoteList(p.groups)}` : '; iMeta declares no groups'}.`,
  COMPOSITE_UNKNOWN_UNIT: (p: { unit: string }) => `Unknown unit "${p.unit}".`,
  COMPOSITE_UNKNOWN_CODE: (p: { code: string }) => `Unknown indicator or aggregate "${p.code}".`,
  COMPOSITE_UNKNOWN_LEVEL: (p: { level: number; max: number }) =>
    `There is no aggregation level ${p.level}; levels 2 to ${p.max} aggregate.`,
  COMPOSITE_PANEL_REQUIRED: (p: { method: string }) =>
    `The imputation "${p.method}" works along periods, but the data has no Time column.`,
  COMPOSITE_NO_TARGET: (p: { code: string }) =>
    `The indicator "${p.code}" has no Target in iMeta, which "dist2targ" needs.`,
  COMPOSITE_NO_GOALPOSTS: (p: { code: string }) =>
    `The indicator "${p.code}" has no goalposts (goalpost_lower, goalpost_upper in iMeta, or the step's goalposts).`,
  COMPOSITE_NONPOSITIVE_VALUE: (p: { method: string; code: string; unit: string; value: number }) =>
    `Aggregation by "${p.method}" needs ${p.method === 'hmean' ? 'non-zero' : 'positive'} values, but "${p.code}" of "${p.unit}" is ${p.value}; normalise to a positive range first (e.g. min-max to [1, 100]).`,
  COMPOSITE_NEGATIVE_VALUE: (p: { method: string; code: string; unit: string; value: number }) =>
    `Aggregation by "${p.method}" needs non-negative values, but "${p.code}" of "${p.unit}" is ${p.value}; normalise to a non-negative range first (e.g. min-max to [0, 100]).`,
  COMPOSITE_UNKNOWN_STAGE: (p: { stage: string; stages: readonly string[] }) =>
    `The pipeline produces no "${p.stage}" data set; it produces ${quoteList(p.stages)}.`,

  // Warnings raised while running.
  COMPOSITE_ZERO_RANGE: (p: { code: string; method: string }) =>
    `"${p.code}" has a single value, so "${p.method}" normalisation returns missing values for it.`,
  COMPOSITE_IMPUTE_SINGLE_OBSERVATION: (p: { unit: string; code: string; method: string }) =>
    `"${p.unit}" has one observation of "${p.code}" over time: "${p.method}" cannot draw a line, so that value is carried to every period.`,
  COMPOSITE_IMPUTE_REMAINING: (p: { count: number }) =>
    `After imputation ${p.count} value(s) are still missing.`,
  COMPOSITE_TREAT_SKIPPED: (p: { code: string; period: number | null }) =>
    `"${p.code}"${p.period === null ? '' : ` (${p.period})`} has too few values to test skewness and kurtosis; it is left untreated.`,
} satisfies MessageCatalogue;
