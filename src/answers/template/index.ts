import {
  frameworkProblem,
  invalidArgument,
  isRecord,
  optionsProblem,
  stringArray,
  throwIfAny,
} from '../../errors/args.js';
import { type AnswerTemplateTexts, answerTemplateTextsIn } from '../../errors/catalogue/answers.js';
import { createIssue, type Issue } from '../../errors/issue.js';
import type { Framework } from '../../framework/schema/framework.js';
import { indicatorsOf } from '../../framework/validate/walk.js';
import { type CsvCell, type ToCsvOptions, toCsv, toCsvOptionFields } from '../../io/csv.js';
import type { LeafRule, Rule } from '../../rules/schema.js';
import { resolveText } from '../../text/resolve.js';
import type { Text } from '../../text/text.js';
import { answerColumns } from '../read/_lib/fields.js';

/** Options of {@link buildTemplate}. */
export interface TemplateOptions {
  /** Units to write rows for; one set of rows with an empty unit cell when left out. */
  units?: readonly string[];
  /** Period ids; the framework's last period when left out. */
  periods?: readonly string[];
  /** The language of titles, questions and labels; the framework's language by default. */
  lang?: string;
  /** `long` (default): one row per unit, period and question; `wide`: one column per question. */
  format?: 'long' | 'wide';
}

/** One question of the template: an indicator, or a sub-question addressed `indicator.sub`. */
export interface TemplateQuestion {
  /** What goes in the `indicator` column (or the wide column header). */
  id: string;
  /** The aggregate node that holds the indicator. */
  dimension: string;
  stage?: string;
  title: string;
  question: string;
  /** The allowed answers, in words: option codes with labels and scores, bands, yes/no... */
  allowed: string;
  /** The rule that reads the answer (the xlsx template turns it into data validation). */
  rule?: LeafRule;
}

/** A blank answer file as data; {@link templateToCsv} writes it. */
export interface AnswerTemplate {
  format: 'long' | 'wide';
  lang: string;
  questions: TemplateQuestion[];
  /** The header row, then the rows, as {@link toCsv} takes them. */
  header: string[];
  rows: string[][];
  /** How many texts were written and how many fell back to another language. */
  texts: { total: number; fallbacks: number };
  /** An `ANSWER_TEMPLATE_FALLBACK` warning when some texts are not in `lang`. */
  warnings: Issue[];
}

/**
 * The columns of a long template; the reader skips the last five silently.
 *
 * @example
 * ```ts
 * longTemplateColumns.slice(0, 4); //=> ['unit', 'period', 'indicator', 'answer']
 * ```
 */
export const longTemplateColumns = [
  ...answerColumns,
  'dimension',
  'stage',
  'title',
  'question',
  'allowed',
] as const;

const blankAnswerCells: readonly string[] = answerColumns.slice(3).map(() => '');

/** Rule kinds whose indicator is answered through its sub-questions. */
const combining = new Set<Rule['kind']>(['formula', 'questions', 'table']);

/**
 * Builds a blank questionnaire for a framework: every indicator that takes an answer (every
 * sub-question, as `indicator.sub`, in place of an indicator that combines sub-questions; a
 * formula over other indicators needs no answer and is left out), with its question and its
 * allowed answers in words, for every unit and period asked. The result reads back with
 * `readAnswers` unchanged once filled in: the long layout's extra columns (`dimension`, `stage`,
 * `title`, `question`, `allowed`) and the wide layout's note rows (unit cell `#title`,
 * `#question`, `#allowed`) are skipped by the reader.
 *
 * Texts are taken in `lang` with `resolveText`, falling back to the framework's language; the
 * count of fallbacks is in `texts` and, when not zero, in a warning.
 *
 * @example
 * ```ts
 * const t = buildTemplate(framework, { units: ['BG'], periods: ['2019'], lang: 'bg' });
 * t.header;  //=> ['unit', 'period', 'indicator', 'answer', ..., 'allowed']
 * t.rows[0]; //=> ['BG', '2019', 'res_permit', '', ..., 'a = Три години или повече (100); b = ...']
 * ```
 */
export function buildTemplate(framework: Framework, options: TemplateOptions = {}): AnswerTemplate {
  throwIfAny(
    frameworkProblem('buildTemplate', 'framework', framework),
    optionsProblem('buildTemplate', 'options', options, {
      units: stringArray,
      periods: stringArray,
      lang: 'string',
      format: ['long', 'wide'],
    }),
  );
  const defaultLang = framework.language;
  const lang = options.lang ?? defaultLang;
  const texts = { total: 0, fallbacks: 0 };
  const text = (t: Text): string => {
    const resolved = resolveText(t, lang, defaultLang);
    texts.total++;
    if (resolved.fallback && resolved.lang !== lang) texts.fallbacks++;
    return resolved.text;
  };
  // The template's own words (how to answer a number, a date...) follow `lang` too.
  const say = answerTemplateTextsIn(lang);
  const questions: TemplateQuestion[] = [];
  for (const { indicator, node } of indicatorsOf(framework)) {
    if (indicator.editions && !indicator.editions.includes(framework.edition)) continue;
    const stage = indicator.stage === undefined ? {} : { stage: indicator.stage };
    if (combining.has(indicator.rule.kind)) {
      const subs = indicator.subquestions ?? [];
      if (subs.length === 0) continue;
      const title = text(indicator.title);
      for (const sub of subs) {
        const subTitle = text(sub.title);
        questions.push({
          id: `${indicator.id}.${sub.id}`,
          dimension: node.id,
          ...stage,
          title: `${title}: ${subTitle}`,
          question: sub.question === undefined ? subTitle : text(sub.question),
          allowed: allowedAnswers(sub.rule, text, say),
          rule: sub.rule,
        });
      }
      continue;
    }
    const title = text(indicator.title);
    questions.push({
      id: indicator.id,
      dimension: node.id,
      ...stage,
      title,
      question: indicator.question === undefined ? title : text(indicator.question),
      allowed: allowedAnswers(indicator.rule as LeafRule, text, say),
      rule: indicator.rule as LeafRule,
    });
  }
  const units = options.units && options.units.length > 0 ? options.units : [''];
  const lastPeriod = framework.periods[framework.periods.length - 1]?.id ?? '';
  const periods = options.periods && options.periods.length > 0 ? options.periods : [lastPeriod];
  const format = options.format ?? 'long';
  let header: string[];
  const rows: string[][] = [];
  if (format === 'long') {
    header = [...longTemplateColumns];
    for (const unit of units) {
      for (const period of periods) {
        for (const q of questions) {
          rows.push([
            unit,
            period,
            q.id,
            // The answer and every optional column (source, expert, status...) left to fill in.
            ...blankAnswerCells,
            q.dimension,
            q.stage ?? '',
            q.title,
            q.question,
            q.allowed,
          ]);
        }
      }
    }
  } else {
    header = ['unit', 'period', ...questions.map((q) => q.id)];
    const note = (name: string, pick: (q: TemplateQuestion) => string) => [
      `#${name}`,
      '',
      ...questions.map(pick),
    ];
    rows.push(note('dimension', (q) => q.dimension));
    rows.push(note('stage', (q) => q.stage ?? ''));
    rows.push(note('title', (q) => q.title));
    rows.push(note('question', (q) => q.question));
    rows.push(note('allowed', (q) => q.allowed));
    for (const unit of units) {
      for (const period of periods) rows.push([unit, period, ...questions.map(() => '')]);
    }
  }
  const warnings: Issue[] = [];
  if (texts.fallbacks > 0) {
    warnings.push(
      createIssue(
        'ANSWER_TEMPLATE_FALLBACK',
        { lang, fallbackLang: defaultLang, count: texts.fallbacks, total: texts.total },
        { severity: 'warning' },
      ),
    );
  }
  return { format, lang, questions, header, rows, texts, warnings };
}

/**
 * Writes a template as CSV with {@link toCsv} (formula-like cells neutralised unless `raw`);
 * for spreadsheets pass `{ bom: true }`.
 *
 * @example
 * ```ts
 * templateToCsv(buildTemplate(framework, { units: ['BG'] }), { bom: true });
 * //=> '\ufeffunit,period,indicator,answer,...\nBG,2021,res_permit,,...\n'
 * ```
 */
export function templateToCsv(template: AnswerTemplate, options: ToCsvOptions = {}): string {
  throwIfAny(
    isRecord(template) && Array.isArray(template.header) && Array.isArray(template.rows)
      ? undefined
      : invalidArgument('templateToCsv', 'template', 'a template from buildTemplate', template),
    optionsProblem('templateToCsv', 'options', options, toCsvOptionFields),
  );
  const rows: CsvCell[][] = [template.header, ...template.rows];
  return toCsv(rows, options);
}

/** The allowed answers of a rule that reads one cell, in words. */
function allowedAnswers(
  rule: LeafRule,
  text: (t: Text) => string,
  say: AnswerTemplateTexts,
): string {
  // A short plain unit (`%`, `EUR`) is a symbol, not a word: as in checkTranslations, it needs
  // no translation and is not counted as a fallback.
  const unit = (u: Text | undefined): string | undefined =>
    u === undefined ? undefined : typeof u === 'string' && u.length <= 3 ? u : text(u);
  switch (rule.kind) {
    case 'choice':
      return rule.options.map((o) => option(o, text, say)).join('; ');
    case 'multi': {
      const parts = rule.options.map((o) => option(o, text, say));
      if (rule.none !== undefined) {
        parts.push(`none = ${say.scored({ text: say.noneOfThese, score: rule.none })}`);
      }
      return `${say.severalOf({ separator: rule.separator })}: ${parts.join('; ')}`;
    }
    case 'boolean': {
      const yes = say.booleanAnswer({ code: 'yes', label: rule.labels && text(rule.labels.yes) });
      const no = say.booleanAnswer({ code: 'no', label: rule.labels && text(rule.labels.no) });
      return `${say.scored({ text: yes, score: rule.yes })}; ${say.scored({ text: no, score: rule.no })}`;
    }
    case 'bands':
      return [numberWithRange(unit(rule.unit), rule.range, say), bands(rule.bands, text, say)].join(
        ': ',
      );
    case 'linear':
      return `${numberWithRange(unit(rule.unit), rule.range, say)}, ${say.linear({ min: rule.min, max: rule.max, lowerIsBetter: rule.direction === -1 })}`;
    case 'numeric':
      return numberWithRange(unit(rule.unit), rule.range, say);
    case 'date':
      if (rule.mode === 'in-force') {
        return `${say.date}: ${say.inForce({ score: rule.score, otherwise: rule.otherwise })}`;
      }
      if (rule.mode === 'cutoffs') {
        const parts = rule.cutoffs.map((c) => say.before({ date: c.before, score: c.score }));
        parts.push(say.otherwise({ score: rule.otherwise }));
        return `${say.date}: ${parts.join('; ')}`;
      }
      return `${say.date}: ${say.elapsedYears}: ${bands(rule.bands, text, say)}`;
  }
}

function option(
  o: { code: string; label: Text; score?: number | undefined; notApplicable?: boolean | undefined },
  text: (t: Text) => string,
  say: AnswerTemplateTexts,
): string {
  const label = text(o.label);
  return o.notApplicable === true || o.score === undefined
    ? `${o.code} = ${label} (${say.notApplicable})`
    : `${o.code} = ${say.scored({ text: label, score: o.score })}`;
}

function numberWithRange(
  unit: string | undefined,
  range: { min?: number | undefined; max?: number | undefined } | undefined,
  say: AnswerTemplateTexts,
): string {
  const n = say.number({ unit });
  return range && (range.min !== undefined || range.max !== undefined)
    ? `${n}, ${say.range(range)}`
    : n;
}

function bands(
  list: readonly {
    gte?: number | undefined;
    lt?: number | undefined;
    score: number;
    label?: Text | undefined;
  }[],
  text: (t: Text) => string,
  say: AnswerTemplateTexts,
): string {
  return list
    .map((b) => {
      const span = say.band(b);
      return say.scored({
        text: b.label === undefined ? span : `${span} = ${text(b.label)}`,
        score: b.score,
      });
    })
    .join('; ');
}
