import { quoteList } from '../quote.js';
import type { MessageCatalogue } from './types.js';

/**
 * Message templates for reading and writing Excel workbooks (`.xlsx`): the checks made on the
 * zip container before anything is inflated, the sheet and cell problems, and the answers read
 * from a sheet.
 *
 * @example
 * ```ts
 * xlsxMessages.XLSX_NOT_ZIP({}); //=> 'The file is not an Excel workbook (.xlsx is a zip file; this is not one).'
 * ```
 */
export const xlsxMessages = {
  XLSX_NOT_ZIP: (_p: Record<string, never>) =>
    'The file is not an Excel workbook (.xlsx is a zip file; this is not one).',
  XLSX_LEGACY_XLS: (_p: Record<string, never>) =>
    'The file is an old binary Excel workbook (.xls); save it as .xlsx (Excel Workbook) and try again.',
  XLSX_TRUNCATED: (p: { detail: string }) =>
    `The workbook is cut short or damaged (${p.detail}); copy or download it again.`,
  XLSX_ENCRYPTED: (_p: Record<string, never>) =>
    'The workbook is protected by a password (encrypted); save a copy without the password to read it.',
  XLSX_MACROS: (p: { part: string }) =>
    `The workbook carries macros (${p.part}); macros are never run or read here: save it as a plain .xlsx (Excel Workbook) without macros.`,
  XLSX_ZIP_BOMB: (p: { part: string; size: number; ratio: number; limit: string }) =>
    `The part "${p.part}" would inflate to ${p.size} bytes (${p.ratio}x its compressed size), over the limit of ${p.limit}; the workbook is not read.`,
  XLSX_TOO_LARGE: (p: { size: number; limit: number }) =>
    `The workbook holds ${p.size} bytes of uncompressed parts, over the limit of ${p.limit}.`,
  XLSX_NOT_WORKBOOK: (p: { missing: string }) =>
    `The zip file is not an Excel workbook: it has no "${p.missing}".`,
  XLSX_EMPTY_ROWS: (p: { sheet: string; empty: number; limit: number }) =>
    `The sheet "${p.sheet}" holds ${p.empty} rows without a value (over ${p.limit}); delete the empty rows below the data and save again.`,
  XLSX_SHARED_STRING_RANGE: (p: { index: number; count: number }) =>
    `The cell points at shared string ${p.index}, but the workbook has only ${p.count}; the workbook is damaged.`,
  XLSX_UNREADABLE: (p: { detail: string }) => `The workbook could not be read: ${p.detail}`,
  XLSX_SHEET_NOT_FOUND: (p: { sheet: string; sheets: readonly string[] }) =>
    `The workbook has no sheet "${p.sheet}"; its sheets are ${quoteList(p.sheets, 'and')}.`,
  XLSX_NO_ANSWER_SHEET: (p: { sheets: readonly string[] }) =>
    `No sheet of the workbook (${quoteList(p.sheets, 'and')}) starts with a header holding "unit" and "period"; name the sheet with --sheet.`,
  XLSX_FORMULA_CELLS: (p: { count: number }) =>
    `${p.count === 1 ? '1 cell holds' : `${p.count} cells hold`} a formula, the first here; the value Excel last calculated and saved is read, not the formula.`,
  XLSX_FRAMEWORK_DIFFERS: (p: { written: string; scored: string }) =>
    `The questionnaire was written for ${p.written}, but is read for ${p.scored}; check that the questions match.`,
} satisfies MessageCatalogue;

/**
 * The words the xlsx questionnaire writes around a framework's own texts: the `Instructions`
 * sheet, the input message of date cells and the `About` sheet's column headers, in English;
 * {@link xlsxTemplateTextsIn} gives them in another language. Sheet names, the `Answers`
 * sheet's column headers and the `About` sheet's keys are read back and stay as they are.
 *
 * @example
 * ```ts
 * xlsxTemplateTexts.instructions.length > 3; //=> true
 * ```
 */
export const xlsxTemplateTexts: XlsxTemplateTexts = {
  datePrompt: 'A date: type it as Excel shows dates (it is read as YYYY-MM-DD).',
  aboutHeaders: ['key', 'value'],
  instructions: [
    'How to fill in this questionnaire',
    '1. Answer on the Answers sheet, one row per unit, period and question. Type the answer in the "answer" column; the columns after "comment" explain the question and list the answers it takes.',
    '2. Choices: pick the option code from the dropdown of the answer cell (the labels are in the "allowed" column). Numbers and dates: type them as usual; Excel warns when a value is outside what the question takes.',
    '3. Several options (where the question says so): type the codes joined by the separator it names, for example a|c.',
    '4. n/a versus empty: type n/a when the question does not apply to the unit (it is then left out of the mean); leave the cell empty when you do not know yet (no data).',
    '5. Validity: when the rule you describe started or ended within the period, put the dates in "valid_from" and "valid_to".',
    '6. Sources: name the law, article or web page that backs each answer in "source"; notes for the reviewers go in "comment".',
    '7. The unit, period and indicator columns are protected against accidental edits (Review > Unprotect Sheet lifts this; no password). Do not rename the sheet or the header cells.',
    '8. Save as an Excel Workbook (.xlsx), not a macro-enabled one, and send the file back as it is; it is read directly, no conversion needed.',
  ],
};

/**
 * The xlsx questionnaire's own words in one language (the shape of {@link xlsxTemplateTexts}).
 *
 * @example
 * ```ts
 * const words: XlsxTemplateTexts = xlsxTemplateTextsIn('bg');
 * words.aboutHeaders; //=> ['ключ', 'стойност']
 * ```
 */
export interface XlsxTemplateTexts {
  /** The input message of a date cell. */
  readonly datePrompt: string;
  /** The headers of the `About` sheet's two columns (its keys stay English: they are read). */
  readonly aboutHeaders: readonly [string, string];
  /** The lines of the `Instructions` sheet, a heading first. */
  readonly instructions: readonly string[];
}

const xlsxTemplateTextsBg: XlsxTemplateTexts = {
  datePrompt: 'Дата: въведете я така, както Excel показва датите (чете се като ГГГГ-ММ-ДД).',
  aboutHeaders: ['ключ', 'стойност'],
  instructions: [
    'Как се попълва този въпросник',
    '1. Отговорите се попълват в листа „Answers“, по един ред за всяка единица, период и въпрос. Въведете отговора в колоната „answer“; колоните след „comment“ поясняват въпроса и изброяват допустимите отговори.',
    '2. Избор между възможности: изберете кода на отговора от падащия списък в клетката за отговор (текстовете на възможностите са в колоната „allowed“). Числа и дати: въвеждайте ги както обикновено; Excel предупреждава, когато стойността е извън допустимото за въпроса.',
    '3. Няколко възможности (когато въпросът го допуска): въведете кодовете, свързани с посочения във въпроса разделител, например a|c.',
    '4. „n/a“ или празна клетка: въведете n/a, когато въпросът не се отнася за единицата (тогава той не участва в средната стойност); оставете клетката празна, когато все още не знаете отговора (няма данни).',
    '5. Срок на действие: когато описаното правило е влязло в сила или е престанало да действа в рамките на периода, въведете датите в колоните „valid_from“ и „valid_to“.',
    '6. Източници: в колоната „source“ посочете закона, члена или уеб страницата, на които се основава всеки отговор; бележките за проверяващите се въвеждат в колоната „comment“.',
    '7. Колоните „unit“, „period“ и „indicator“ са защитени срещу случайни промени (защитата се премахва от „Преглед“ > „Премахване на защитата на листа“; без парола). Не преименувайте листа и заглавните клетки на колоните.',
    '8. Запишете файла като работна книга на Excel (.xlsx), а не като работна книга с разрешени макроси, и го изпратете обратно във вида, в който е; той се чете пряко, без преобразуване.',
  ],
};

const xlsxTemplateTextsByLanguage: Record<string, XlsxTemplateTexts> = {
  en: xlsxTemplateTexts,
  bg: xlsxTemplateTextsBg,
};

/**
 * The xlsx questionnaire's own words in `lang` (its primary subtag): English and Bulgarian,
 * English for other languages.
 *
 * @example
 * ```ts
 * xlsxTemplateTextsIn('bg').instructions[0]; //=> 'Как се попълва този въпросник'
 * xlsxTemplateTextsIn('fr').instructions[0]; //=> 'How to fill in this questionnaire'
 * ```
 */
export function xlsxTemplateTextsIn(lang: string | undefined): XlsxTemplateTexts {
  const primary = (lang ?? 'en').split('-')[0]?.toLowerCase() ?? 'en';
  return xlsxTemplateTextsByLanguage[primary] ?? xlsxTemplateTexts;
}
