import { frameworkProblem, invalidArgument, isRecord, throwIfAny } from '../../errors/args.js';
import { type XlsxTemplateTexts, xlsxTemplateTextsIn } from '../../errors/catalogue/xlsx.js';
import type { Framework } from '../../framework/schema/framework.js';
import type { XlsxValue } from '../../io/xlsx/read.js';
import {
  writeTablesXlsx,
  type XlsxColumn,
  type XlsxTable,
  type XlsxValidation,
} from '../../io/xlsx/write.js';
import type { LeafRule } from '../../rules/schema.js';
import { resolveText } from '../../text/resolve.js';
import type { AnswerTemplate, TemplateQuestion } from './index.js';

/** Columns a person fills in; the others are locked when the sheet is protected. */
const editable = new Set(['answer', 'valid_from', 'valid_to', 'source', 'comment']);
/** Widths of the long sheet's columns, in characters. */
const widths: Readonly<Record<string, number>> = {
  unit: 8,
  period: 9,
  indicator: 34,
  answer: 14,
  valid_from: 12,
  valid_to: 12,
  source: 30,
  comment: 30,
  dimension: 16,
  stage: 10,
  title: 36,
  question: 60,
  allowed: 60,
};
const wrapped = new Set(['title', 'question', 'allowed', 'source', 'comment']);
const dateColumns = new Set(['valid_from', 'valid_to']);

/**
 * Writes a questionnaire built by `buildTemplate` as an Excel workbook an expert fills in:
 *
 * - **Answers**: the template's header and rows (long: a row per unit, period and question,
 *   with the help columns `dimension`, `stage`, `title`, `question`, `allowed` after the answer
 *   columns; wide: a column per question under note rows). Each answer cell carries Excel data
 *   validation from the question's rule: a dropdown of the option codes (and `n/a`) for
 *   `choice`, yes/no for `boolean`, a decimal number within the rule's range for `numeric`,
 *   `bands` and `linear`, a date for `date`, and an input message with the allowed answers
 *   (for `multi`, the codes to join with its separator). A wrong entry meets Excel's warning,
 *   which the person may override (so `n/a` is always possible). `valid_from` and `valid_to`
 *   take dates. Key and help columns are locked (the sheet is protected without a password),
 *   the header row is frozen, widths are set and long texts wrapped.
 * - **Instructions**: how to answer, `n/a` versus an empty cell, validity dates, sources.
 * - **About**: the framework id, edition, version and language, so that reading the file back
 *   can tell which framework it was written for.
 *
 * @example
 * ```ts
 * const t = buildTemplate(framework, { units: ['BG'], periods: ['2021'], lang: 'bg' });
 * writeFileSync('questionnaire.xlsx', await templateToXlsx(t, framework));
 * ```
 */
export async function templateToXlsx(
  template: AnswerTemplate,
  framework: Framework,
): Promise<Uint8Array> {
  throwIfAny(
    isRecord(template) &&
      (template.format === 'long' || template.format === 'wide') &&
      typeof template.lang === 'string' &&
      Array.isArray(template.questions) &&
      Array.isArray(template.header) &&
      Array.isArray(template.rows)
      ? undefined
      : invalidArgument(
          'templateToXlsx',
          'template',
          'a template from buildTemplate ({ format, lang, questions, header, rows })',
          template,
        ),
    frameworkProblem('templateToXlsx', 'framework', framework),
  );
  // The workbook's own words (instructions, prompts) follow the template's language.
  const say = xlsxTemplateTextsIn(template.lang);
  const answers = template.format === 'long' ? longSheet(template, say) : wideSheet(template);
  const title = resolveText(framework.title, template.lang, framework.language).text;
  const instructions: XlsxTable = {
    name: 'Instructions',
    columns: [{ header: title, width: 110, wrap: true }],
    rows: say.instructions.map((line) => [line]),
  };
  const about: XlsxTable = {
    name: 'About',
    columns: [
      { header: say.aboutHeaders[0], width: 14 },
      { header: say.aboutHeaders[1], width: 50 },
    ],
    rows: [
      ['framework', framework.id],
      ['title', title],
      ['edition', framework.edition],
      ['version', framework.version],
      ['lang', template.lang],
      ['format', template.format],
      ['questions', template.questions.length],
    ],
  };
  return writeTablesXlsx([answers, instructions, about]);
}

function longSheet(template: AnswerTemplate, say: XlsxTemplateTexts): XlsxTable {
  const byId = new Map(template.questions.map((q) => [q.id, q]));
  const columns: XlsxColumn[] = template.header.map((header) => ({
    header,
    width: widths[header] ?? 14,
    wrap: wrapped.has(header),
    locked: !editable.has(header),
    ...(dateColumns.has(header) ? { numFmt: 'yyyy-mm-dd' } : {}),
  }));
  const at = (name: string) => template.header.indexOf(name);
  const iUnit = at('unit');
  const iPeriod = at('period');
  const iIndicator = at('indicator');
  const iAnswer = at('answer');
  const validations: { row: number; column: number; rule: XlsxValidation }[] = [];
  const unlocked: { row: number; column: number }[] = [];
  const rows: XlsxValue[][] = template.rows.map((row, i) => {
    const q = byId.get(row[iIndicator] ?? '');
    if (q !== undefined) validations.push({ row: i, column: iAnswer, rule: validationOf(q) });
    for (const name of dateColumns) {
      const j = at(name);
      if (j >= 0)
        validations.push({ row: i, column: j, rule: { kind: 'date', prompt: say.datePrompt } });
    }
    // An empty key cell (no --units) is for the person to fill in.
    for (const j of [iUnit, iPeriod]) if (row[j] === '') unlocked.push({ row: i, column: j });
    return row.map((cell) => (cell === '' ? null : cell));
  });
  return { name: 'Answers', columns, rows, validations, unlocked, protect: true };
}

function wideSheet(template: AnswerTemplate): XlsxTable {
  const columns: XlsxColumn[] = template.header.map((header, j) => ({
    header,
    width: j < 2 ? 9 : 16,
    wrap: j >= 2,
    locked: j >= 2 ? false : undefined,
  })) as XlsxColumn[];
  const validations: { row: number; column: number; rule: XlsxValidation }[] = [];
  const unlocked: { row: number; column: number }[] = [];
  const rows: XlsxValue[][] = template.rows.map((row, i) => {
    const note = (row[0] ?? '').startsWith('#');
    if (!note) {
      template.questions.forEach((q, k) => {
        validations.push({ row: i, column: k + 2, rule: validationOf(q) });
      });
      for (const j of [0, 1]) if (row[j] === '') unlocked.push({ row: i, column: j });
    }
    return row.map((cell) => (cell === '' ? null : cell));
  });
  return { name: 'Answers', columns, rows, validations, unlocked, protect: false };
}

/** The data validation of one question's answer cell. */
function validationOf(q: TemplateQuestion): XlsxValidation {
  const prompt = q.allowed;
  const rule: LeafRule | undefined = q.rule;
  if (rule === undefined) return { kind: 'text', prompt };
  switch (rule.kind) {
    case 'choice': {
      const values = [...rule.options.map((o) => o.code), 'n/a'];
      // Excel's inline list holds at most 255 characters and no commas.
      if (values.some((v) => v.includes(',')) || values.join(',').length > 250) {
        return { kind: 'text', prompt };
      }
      return { kind: 'list', values, prompt };
    }
    case 'boolean':
      return { kind: 'list', values: ['yes', 'no', 'n/a'], prompt };
    case 'numeric':
    case 'bands':
    case 'linear': {
      const range = rule.range;
      return {
        kind: 'decimal',
        ...(range?.min !== undefined ? { min: range.min } : {}),
        ...(range?.max !== undefined ? { max: range.max } : {}),
        prompt,
      };
    }
    case 'date':
      return { kind: 'date', prompt };
    case 'multi':
      return { kind: 'text', prompt };
  }
}
