import { createIssue, type Issue } from '../../errors/issue.js';
import { textLanguages } from '../../text/resolve.js';
import type { Text } from '../../text/text.js';
import type { Framework } from '../schema/framework.js';
import type { Path } from './walk.js';

/** Keys whose values are human-readable {@link Text}. */
const textKeys = new Set([
  'title',
  'description',
  'question',
  'notes',
  'label',
  'unit',
  'yes',
  'no',
]);

/**
 * Every text of the framework, found by walking the value: strings or language maps under the
 * text keys. Under `labels` (a boolean rule's yes/no labels) `yes` and `no` are texts; elsewhere
 * they are scores and skipped because they are numbers.
 */
function textsOf(value: unknown, path: Path, out: { text: Text; path: Path }[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      textsOf(v, [...path, i], out);
    });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, v] of Object.entries(value)) {
    // Sources cite documents by their own titles, which are not translated.
    if (key === 'sources') continue;
    const isText =
      textKeys.has(key) &&
      (typeof v === 'string' ||
        (typeof v === 'object' &&
          v !== null &&
          !Array.isArray(v) &&
          Object.values(v).every((s) => typeof s === 'string')));
    if (isText && !(key === 'unit' && typeof v === 'string' && v.length <= 3)) {
      out.push({ text: v as Text, path: [...path, key] });
    } else {
      textsOf(v, [...path, key], out);
    }
  }
}

/**
 * With `languages` declared, every text should exist in each of them (a plain string is in the
 * framework's `language`). Missing ones are warnings: the text falls back to the default.
 * Short plain units (`%`, `EUR`) are not words and need no translation.
 *
 * @example
 * ```ts
 * checkTranslations({ ...framework, languages: ['en', 'bg'] })[0]?.code; //=> 'TEXT_MISSING_TRANSLATION'
 * ```
 */
export function checkTranslations(framework: Framework): Issue[] {
  const languages = framework.languages;
  if (!languages || languages.length === 0) return [];
  const issues: Issue[] = [];
  const texts: { text: Text; path: Path }[] = [];
  const { dimensions, ...rest } = framework;
  textsOf(rest, [], texts);
  textsOf(dimensions, ['dimensions'], texts);
  for (const { text, path } of texts) {
    const have = textLanguages(text, framework.language);
    for (const lang of languages) {
      if (!have.includes(lang)) {
        issues.push(
          createIssue('TEXT_MISSING_TRANSLATION', { lang }, { path, severity: 'warning' }),
        );
      }
    }
  }
  return issues;
}
