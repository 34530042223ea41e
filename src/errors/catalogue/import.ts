import { quoteList } from '../quote.js';
import type { MessageCatalogue } from './types.js';

/** Message templates for importers (MIPEX scores, COINr data). Keep each importer's codes together. */
export const importMessages = {
  // --- JRC COIN Tool workbooks (`import coin-tool`) ---
  COINTOOL_NOT_XLSX: (p: { detail: string }) =>
    `The file is not an Excel workbook (.xlsx): ${p.detail}`,
  COINTOOL_NO_SHEET: (p: { sheet: string }) =>
    `The workbook has no "${p.sheet}" sheet; a COIN Tool workbook has "Database" and "Framework" sheets.`,
  COINTOOL_EMPTY: (_p: Record<string, never>) =>
    'Row 16 of the Database sheet holds no indicator codes (from column E); fill in the COIN Tool input first.',
  COINTOOL_NOT_NUMERIC: (p: { value: string }) =>
    `"${p.value}" is not a number; write the value, or n/a (or leave the cell empty) when it is missing.`,
  COINTOOL_UNKNOWN_AGGREGATE: (p: { code: string; indicator: string }) =>
    `The indicator "${p.indicator}" belongs to "${p.code}", which the Framework sheet does not list.`,
  COINTOOL_MISSING_UNIT_CODE: (p: { row: number }) =>
    `Row ${p.row} has data but no unit code in column C.`,
  // --- MIPEX indicator scores (`import mipex-scores`) ---
  MIPEX_CSV_SYNTAX: (p: { detail: string }) => `The scores file is not valid CSV: ${p.detail}`,
  MIPEX_MISSING_COLUMN: (p: { column: string; columns: readonly string[] }) =>
    `The scores file has no "${p.column}" column; it needs ${quoteList(p.columns, 'and')}.`,
  MIPEX_EMPTY_FIELD: (p: { field: string }) => `The "${p.field}" cell is empty.`,
  MIPEX_UNKNOWN_CODE: (p: { code: string }) =>
    `"${p.code}" is not a code of any indicator, sub-item or area of this framework.`,
  MIPEX_INVALID_SCORE: (p: { value: string }) => `"${p.value}" is not a number.`,
  MIPEX_SCORE_NO_OPTION: (p: { indicator: string; score: number; scores: readonly number[] }) =>
    `No option of "${p.indicator}" scores ${p.score}; its options score ${quoteList(p.scores)}.`,
  MIPEX_UNSUPPORTED_RULE: (p: { indicator: string; kind: string }) =>
    `"${p.indicator}" has a "${p.kind}" rule, which a published score cannot be mapped to.`,
  MIPEX_UNKNOWN_PERIOD: (p: { period: string; count: number }) =>
    `The framework has no period "${p.period}"; its ${p.count} score(s) were not imported.`,
  MIPEX_CONFLICTING_SCORES: (p: {
    indicator: string;
    unit: string;
    period: string;
    line: number;
  }) =>
    `"${p.indicator}" for ${p.unit} ${p.period} already has a different score (line ${p.line}).`,
  MIPEX_DUPLICATE_SCORE: (p: { indicator: string; unit: string; period: string; line: number }) =>
    `"${p.indicator}" for ${p.unit} ${p.period} repeats the score given at line ${p.line}.`,
  MIPEX_STRAND_NOT_SCORED: (p: { area: string; unit: string; period: string; count: number }) =>
    `MIPEX gives no "${p.area}" area score for ${p.unit} ${p.period}, so the strand was not ` +
    `scored that year; its ${p.count} indicator score(s) were not imported.`,
  // --- MIPEX's core workbook (`import mipex-workbook`) ---
  MIPEX_WORKBOOK_NO_BLOCKS: (p: { sheet: string }) =>
    `The sheet "${p.sheet}" has no "Policy strand" block; it holds no scores and was not read.`,
  MIPEX_WORKBOOK_NOT_A_SCORE: (p: { count: number; value: string }) =>
    `${p.count} score cell(s) of this sheet hold no number (the first, here, holds "${p.value}"); they are read as empty, as MIPEX's own AVERAGE formulas read them.`,
  MIPEX_UNKNOWN_UNIT_PERIOD: (p: { unit: string; period: string; count: number }) =>
    `The framework has no period "${p.period}"; the ${p.count} score(s) of ${p.unit} for it were not imported.`,
} satisfies MessageCatalogue;
