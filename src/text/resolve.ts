/**
 * Picking a text's language. Apart from the schemas in `text.ts` so that code which only reads
 * text (the scoring engine's titles) does not load zod.
 */
import type { Text } from './text.js';

/** What {@link resolveText} found: the string, the language it is in, and whether it fell back. */
export interface ResolvedText {
  text: string;
  lang: string;
  fallback: boolean;
}

/**
 * Picks the text for `lang`, falling back to `defaultLang`, then to the first language given.
 * A plain string is taken to be in `defaultLang`.
 *
 * @example
 * ```ts
 * resolveText({ en: 'Housing', bg: 'Жилище' }, 'bg', 'en'); //=> { text: 'Жилище', lang: 'bg', fallback: false }
 * resolveText('Housing', 'bg', 'en');                        //=> { text: 'Housing', lang: 'en', fallback: true }
 * ```
 */
export function resolveText(text: Text, lang: string, defaultLang: string): ResolvedText {
  if (typeof text === 'string') return { text, lang: defaultLang, fallback: lang !== defaultLang };
  const exact = text[lang];
  if (exact !== undefined) return { text: exact, lang, fallback: false };
  const byDefault = text[defaultLang];
  if (byDefault !== undefined) return { text: byDefault, lang: defaultLang, fallback: true };
  const [firstLang, first] = Object.entries(text)[0] ?? [defaultLang, ''];
  return { text: first, lang: firstLang, fallback: true };
}

/**
 * The languages a text is available in (a plain string counts as `defaultLang`).
 *
 * @example
 * ```ts
 * textLanguages({ en: 'a', bg: 'б' }, 'en'); //=> ['en', 'bg']
 * ```
 */
export function textLanguages(text: Text, defaultLang: string): string[] {
  return typeof text === 'string' ? [defaultLang] : Object.keys(text);
}
