import { localeFormat } from '../../text/locale.js';
import { quoteList } from '../quote.js';
import type { MessageCatalogue } from './types.js';

/**
 * Message templates for reading answer files (CSV long and wide, JSON) and for the template.
 *
 * @example
 * ```ts
 * answersMessages.ANSWER_EMPTY_FIELD({ field: 'unit' }); //=> 'The unit is empty.'
 * ```
 */
export const answersMessages = {
  ANSWER_CSV_SYNTAX: (p: { detail: string }) => `CSV syntax error: ${p.detail}`,
  ANSWER_JSON_SYNTAX: (p: { detail: string }) => `JSON syntax error: ${p.detail}`,
  ANSWER_JSON_SHAPE: (p: { received: string }) =>
    `Expected an array of answers or an object with an "answers" array, got ${p.received}.`,
  ANSWER_JSON_NOT_OBJECT: (p: { received: string }) =>
    `Each answer must be an object with unit, period, indicator and answer; got ${p.received}.`,
  ANSWER_JSON_FIELD_TYPE: (p: { field: string; expected: string; received: string }) =>
    `The field "${p.field}" must be ${p.expected}; got ${p.received}.`,
  ANSWER_MISSING_COLUMN: (p: { column: string; layout: 'long' | 'wide' | 'json' }) =>
    p.layout === 'json'
      ? `The answer has no "${p.column}" field.`
      : `The header has no "${p.column}" column, which a ${p.layout} answer file needs.`,
  ANSWER_DUPLICATE_COLUMN: (p: { column: string; first: number }) =>
    `The column "${p.column}" appears twice in the header (first at column ${p.first}).`,
  ANSWER_UNKNOWN_COLUMNS: (p: { columns: readonly string[] }) =>
    `Ignoring unknown column${p.columns.length > 1 ? 's' : ''} ${quoteList(p.columns, 'and')}.`,
  ANSWER_UNKNOWN_FIELDS: (p: { fields: readonly string[] }) =>
    `Ignoring unknown field${p.fields.length > 1 ? 's' : ''} ${quoteList(p.fields, 'and')} in answers.`,
  ANSWER_NO_INDICATOR_COLUMNS: (_p: Record<string, never>) =>
    'The wide answer file has no indicator columns after unit and period.',
  ANSWER_NOTE_ROWS_SKIPPED: (p: { count: number }) =>
    `${p.count === 1 ? '1 note row was' : `${p.count} note rows were`} skipped (unit cell starting with "#"), the first here; they hold no answers.`,
  ANSWER_FIELD_COUNT: (p: { expected: number; got: number }) =>
    `The record has ${p.got} field${p.got === 1 ? '' : 's'}; the header has ${p.expected}.`,
  ANSWER_EMPTY_FIELD: (p: { field: string }) => `The ${p.field} is empty.`,
  ANSWER_INVALID_DATE: (p: { field: string; value: string }) =>
    `The ${p.field} "${p.value}" is not a date written YYYY-MM-DD.`,
  ANSWER_INVALID_STATUS: (p: { value: string }) =>
    `The status "${p.value}" is not one of draft, submitted, reviewed or final.`,
  ANSWER_DATE_ORDER: (p: { validFrom: string; validTo: string }) =>
    `valid_to ${p.validTo} is before valid_from ${p.validFrom}.`,
  ANSWER_TEMPLATE_FALLBACK: (p: {
    lang: string;
    fallbackLang: string;
    count: number;
    total: number;
  }) =>
    `${p.count} of ${p.total} texts have no "${p.lang}" version; they are written in "${p.fallbackLang}".`,
  ANSWER_FORMAT_UNKNOWN: (p: { format: string }) =>
    `Unknown answer format "${p.format}"; expected "auto", "long", "wide" or "json".`,
} satisfies MessageCatalogue;

/**
 * The words the questionnaire template writes around a framework's own texts (how to answer a
 * number, a date, yes or no), in English; {@link answerTemplateTextsIn} gives them in another
 * language. The framework's titles, questions and option labels follow `--lang` on their own.
 *
 * @example
 * ```ts
 * answerTemplateTexts.band({ gte: 1, lt: 3 }); //=> '1 to under 3'
 * ```
 */
export const answerTemplateTexts = {
  notApplicable: 'not applicable',
  oneOf: 'one of',
  severalOf: (p: { separator: string }) => `one or more of, separated by "${p.separator}"`,
  noneOfThese: 'none of these',
  yes: 'yes',
  no: 'no',
  /** A yes/no answer as typed (`yes`, `no`: the reader's codes), with its label if any. */
  booleanAnswer: (p: { code: 'yes' | 'no'; label?: string | undefined }) =>
    p.label === undefined ? p.code : `${p.code} = ${p.label}`,
  number: (p: { unit?: string | undefined }) => (p.unit ? `a number (${p.unit})` : 'a number'),
  range: (p: { min?: number | undefined; max?: number | undefined }) =>
    p.min !== undefined && p.max !== undefined
      ? `from ${p.min} to ${p.max}`
      : p.min !== undefined
        ? `at least ${p.min}`
        : `at most ${String(p.max)}`,
  band: (p: {
    gte?: number | undefined;
    gt?: number | undefined;
    lt?: number | undefined;
    lte?: number | undefined;
  }) => {
    const from = p.gte !== undefined ? `${p.gte}` : p.gt !== undefined ? `more than ${p.gt}` : '';
    const to = p.lt !== undefined ? `under ${p.lt}` : p.lte !== undefined ? `${p.lte}` : '';
    if (from && to) return `${from} to ${to}`;
    if (p.gte !== undefined) return `${p.gte} or more`;
    if (from) return from;
    if (p.lte !== undefined) return `${p.lte} or less`;
    return to || 'any value';
  },
  linear: (p: { min: number; max: number; lowerIsBetter: boolean }) =>
    `scored linearly from ${p.min} to ${p.max}${p.lowerIsBetter ? ', lower is better' : ''}`,
  date: 'a date YYYY-MM-DD',
  inForce: (p: { score: number; otherwise: number }) =>
    `in force on the reference date: ${p.score}, otherwise ${p.otherwise}`,
  before: (p: { date: string; score: number }) => `before ${p.date}: ${p.score}`,
  otherwise: (p: { score: number }) => `otherwise: ${p.score}`,
  elapsedYears: 'whole years before the reference date',
  scored: (p: { text: string; score: number }) => `${p.text} (${p.score})`,
};

/**
 * The template's own words in one language (the shape of {@link answerTemplateTexts}).
 *
 * @example
 * ```ts
 * const words: AnswerTemplateTexts = answerTemplateTextsIn('bg');
 * words.oneOf; //=> 'един от'
 * ```
 */
export type AnswerTemplateTexts = typeof answerTemplateTexts;

/** A number in Bulgarian prose, as the rest of `--lang bg` output writes it (decimal comma). */
const bgNumber = (n: number): string => localeFormat('bg').number(String(n));
/**
 * A value the person types as an answer (a range's or band's bounds): written as the reader
 * takes it, with a decimal point, so that "2.5" in the question is what goes into the cell
 * (the reader refuses "2,5": SCORE_NOT_A_NUMBER).
 */
const typed = (n: number): string => String(n);

const answerTemplateTextsBg: AnswerTemplateTexts = {
  notApplicable: 'неприложимо',
  oneOf: 'един от',
  severalOf: (p) => `един или повече от изброените, разделени с „${p.separator}“`,
  noneOfThese: 'нито едно от изброените',
  yes: 'да',
  no: 'не',
  // The codes `yes` and `no` are what the reader takes: they stay, with their meaning beside.
  booleanAnswer: (p) => `${p.code} = ${p.label ?? (p.code === 'yes' ? 'да' : 'не')}`,
  number: (p) => (p.unit ? `число (${p.unit})` : 'число'),
  range: (p) =>
    p.min !== undefined && p.max !== undefined
      ? `от ${typed(p.min)} до ${typed(p.max)}`
      : p.min !== undefined
        ? `най-малко ${typed(p.min)}`
        : `най-много ${p.max === undefined ? '' : typed(p.max)}`,
  band: (p) => {
    const from =
      p.gte !== undefined ? `от ${typed(p.gte)}` : p.gt !== undefined ? `над ${typed(p.gt)}` : '';
    if (from && p.lt !== undefined) {
      return `${from} ${p.gte !== undefined ? 'до' : 'и'} по-малко от ${typed(p.lt)}`;
    }
    if (from && p.lte !== undefined) return `${from} до ${typed(p.lte)} включително`;
    if (p.gte !== undefined) return `${typed(p.gte)} или повече`;
    if (from) return from;
    if (p.lte !== undefined) return `${typed(p.lte)} или по-малко`;
    if (p.lt !== undefined) return `по-малко от ${typed(p.lt)}`;
    return 'всяка стойност';
  },
  linear: (p) =>
    `оценява се линейно от ${typed(p.min)} до ${typed(p.max)}${p.lowerIsBetter ? ', по-ниската стойност е по-добра' : ''}`,
  date: 'дата във формат ГГГГ-ММ-ДД',
  inForce: (p) =>
    `в сила към референтната дата: ${bgNumber(p.score)}, в противен случай ${bgNumber(p.otherwise)}`,
  before: (p) => `преди ${p.date}: ${bgNumber(p.score)}`,
  otherwise: (p) => `в противен случай: ${bgNumber(p.score)}`,
  elapsedYears: 'пълни години преди референтната дата',
  scored: (p) => `${p.text} (${bgNumber(p.score)})`,
};

const answerTemplateTextsByLanguage: Record<string, AnswerTemplateTexts> = {
  en: answerTemplateTexts,
  bg: answerTemplateTextsBg,
};

/**
 * The template's own words in `lang` (its primary subtag): English and Bulgarian, English for
 * other languages. Scores in Bulgarian prose take a decimal comma; the values a person types
 * (bounds of a range or band) keep the decimal point the reader takes, and dates stay
 * `YYYY-MM-DD`, as they are typed.
 *
 * @example
 * ```ts
 * answerTemplateTextsIn('bg').band({ gte: 1, lt: 3 }); //=> 'от 1 до по-малко от 3'
 * answerTemplateTextsIn('de').band({ gte: 1, lt: 3 }); //=> '1 to under 3'
 * ```
 */
export function answerTemplateTextsIn(lang: string | undefined): AnswerTemplateTexts {
  const primary = (lang ?? 'en').split('-')[0]?.toLowerCase() ?? 'en';
  return answerTemplateTextsByLanguage[primary] ?? answerTemplateTexts;
}
