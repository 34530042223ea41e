import { quoteList } from '../quote.js';
import type { MessageCatalogue } from './types.js';

/** A value from a file as text; never throws (a YAML mapping may have a `toString` key). */
function show(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? typeof value);
  } catch {
    return typeof value;
  }
}

/** Message templates for framework files: syntax, schema and meaning. */
export const frameworkMessages = {
  FILE_NOT_FOUND: (p: { file: string }) => `No such file or folder: ${p.file}.`,
  FILE_NOT_UTF8: (p: { offset: number }) =>
    `The file is not valid UTF-8 (first bad byte at offset ${p.offset}); save it as UTF-8.`,
  FILE_EMPTY: (_p: Record<string, never>) => 'The file is empty.',
  FRAMEWORK_FILE_MISSING: (p: { folder: string }) =>
    `The folder ${p.folder} has no framework.yaml (or framework.yml / framework.json).`,
  YAML_SYNTAX: (p: { detail: string }) => `YAML syntax error: ${p.detail}`,
  YAML_DUPLICATE_KEY: (p: { key: string }) =>
    `The key "${p.key}" appears twice in the same mapping.`,
  YAML_ALIAS_LIMIT: (p: { limit: number }) =>
    `The document expands too many aliases (more than ${p.limit}); alias bombs are refused.`,
  JSON_SYNTAX: (p: { detail: string }) => `JSON syntax error: ${p.detail}`,
  SCHEMA_UNKNOWN_KEY: (p: { key: string; suggestion?: string | undefined }) =>
    `Unknown key "${p.key}".${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''}`,
  SCHEMA_MISSING_KEY: (p: { key: string }) => `The required key "${p.key}" is missing.`,
  SCHEMA_INVALID_TYPE: (p: { expected: string; received: string }) =>
    `Expected ${p.expected}, got ${p.received}.`,
  SCHEMA_INVALID_VALUE: (p: { detail: string }) => p.detail,
  SCHEMA_UNKNOWN_RULE_KIND: (p: { kind: string; kinds: readonly string[] }) =>
    `Unknown rule kind "${p.kind}"; expected ${quoteList(p.kinds)}.`,
  FRAMEWORK_DUPLICATE_ID: (p: { id: string; first: string }) =>
    `Duplicate id "${p.id}"; it is first declared at ${p.first}.`,
  FRAMEWORK_UNKNOWN_STAGE: (p: { stage: string; stages: readonly string[] }) =>
    p.stages.length === 0
      ? `Stage "${p.stage}" is used but the framework declares no stages.`
      : `Unknown stage "${p.stage}"; declared stages are ${quoteList(p.stages)}.`,
  FRAMEWORK_UNKNOWN_PARENT: (p: { parent: string }) =>
    `Parent "${p.parent}" is not a group declared in framework.yaml.`,
  FRAMEWORK_PARENT_CYCLE: (p: { cycle: readonly string[] }) =>
    `Groups are each other's parents in a cycle: ${p.cycle.join(' → ')}.`,
  FRAMEWORK_NO_DIMENSIONS: (_p: Record<string, never>) =>
    'The framework has no dimensions: add dimension files beside framework.yaml, or list them under "dimensions".',
  FRAMEWORK_UNKNOWN_LEVEL: (p: { level: string; levels: readonly string[] }) =>
    `Unknown level "${p.level}"; declared levels are ${quoteList(p.levels)}.`,
  FRAMEWORK_UNKNOWN_REFERENCE: (p: { ref: string; what: string }) =>
    `"${p.ref}" does not name any ${p.what}.`,
  FRAMEWORK_SUBQUESTIONS_MISSING: (p: { kind: string }) =>
    `A "${p.kind}" rule combines sub-questions, but the indicator has none.`,
  FRAMEWORK_SUBQUESTIONS_UNUSED: (p: { kind: string }) =>
    `The indicator has sub-questions but its "${p.kind}" rule does not combine them.`,
  FORMULA_SYNTAX: (p: { detail: string }) => `The formula does not parse: ${p.detail}`,
  FORMULA_SUPPORT_NOT_LOADED: (_p: Record<string, never>) =>
    'Formula support is not loaded: await loadFormulaSupport() before scoring or checking a framework with formula rules.',
  FORMULA_UNQUOTED_ID: (p: { id: string }) =>
    `The id "${p.id}" contains "-", which a formula reads as a minus; write it in backticks: \`${p.id}\`.`,
  FORMULA_FORBIDDEN: (p: { what: string }) =>
    `The formula uses ${p.what}, which formulas may not use.`,
  FORMULA_UNKNOWN_SYMBOL: (p: {
    symbol: string;
    symbols: readonly string[];
    suggestion?: string | undefined;
  }) =>
    `The formula refers to "${p.symbol}", which is neither a sub-question nor an indicator.${p.suggestion ? ` Did you mean "${p.suggestion}"?` : p.symbols.length ? ` Known here: ${quoteList(p.symbols.slice(0, 8))}.` : ''}`,
  FORMULA_MISSING_VALUE: (p: { symbol: string; expression: string }) =>
    `The formula "${p.expression}" needs a number for "${p.symbol}" and got none.`,
  FORMULA_NOT_A_NUMBER: (p: { expression: string; got: string }) =>
    `The formula "${p.expression}" yields ${p.got}, not a number.`,
  FORMULA_CYCLE: (p: { cycle: readonly string[] }) =>
    `Formulas refer to each other in a cycle: ${p.cycle.join(' → ')}.`,
  RULE_DUPLICATE_OPTION: (p: { code: string }) => `The option code "${p.code}" is repeated.`,
  RULE_SCORE_OUT_OF_SCALE: (p: { score: number; min: number; max: number }) =>
    `The score ${p.score} lies outside the scale [${p.min}, ${p.max}].`,
  RULE_NO_TOP_OPTION: (p: { max: number; best: number }) =>
    `No option reaches the top of the scale (${p.max}); the best scores ${p.best}.`,
  RULE_BANDS_OVERLAP: (p: { value: number }) => `Bands overlap at ${p.value}.`,
  RULE_BANDS_GAP: (p: { from: number | null; to: number | null; gap: string; inRange: boolean }) =>
    `No band holds the values in ${p.gap}${p.inRange ? ', which the range allows' : ' (between two bands)'}; an answer there cannot be scored (SCORE_NO_BAND).`,
  RULE_BAND_DOUBLE_BOUND: (p: { first: string; second: string }) =>
    `A band gives both "${p.first}" and "${p.second}"; keep one lower and one upper bound.`,
  RULE_EMPTY_RANGE: (p: { min: number; max: number }) =>
    `The range is empty or reversed: min ${p.min} is not below max ${p.max}.`,
  RULE_TABLE_ARITY: (p: { expected: number; got: number }) =>
    `Each row needs ${p.expected} values (one per input); this one has ${p.got}.`,
  WEIGHT_INVALID: (p: { weight: unknown }) =>
    `The weight ${show(p.weight)} is not a positive finite number.`,
  AGGREGATE_EMPTY: (p: { id: string }) =>
    `The aggregate "${p.id}" has no scored indicator under it.`,
  PERIOD_INVALID_DATE: (p: { value: string }) => `"${p.value}" is not a valid date (YYYY-MM-DD).`,
  PERIOD_UNORDERED: (p: { id: string; previous: string }) =>
    `Period "${p.id}" has a reference date before that of the period listed before it ("${p.previous}").`,
  PERIOD_SPAN_REVERSED: (p: { id: string }) => `Period "${p.id}" ends before it starts.`,
  TEXT_MISSING_TRANSLATION: (p: { lang: string }) =>
    `No "${p.lang}" text, although the framework declares that language.`,
} satisfies MessageCatalogue;
