import { z } from 'zod';

/**
 * A BCP 47 language tag such as `en`, `bg`, `pt-BR` or `sr-Latn`.
 * Checked by shape (RFC 5646 subtags), not against the IANA registry.
 */
export const languageTagSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-[A-Za-z0-9]{5,8})*$/, {
    message: 'Expected a BCP 47 language tag such as "en", "bg" or "pt-BR".',
  });

/**
 * Human-readable text: a plain string in the framework's default language, or a map of language
 * tags to strings.
 *
 * @example
 * ```ts
 * textSchema.parse('Residency');                            //=> 'Residency'
 * textSchema.parse({ en: 'Residency', bg: 'Пребиваване' }); //=> { en: 'Residency', bg: 'Пребиваване' }
 * ```
 */
export const textSchema = z.union([
  z.string().min(1),
  z.record(languageTagSchema, z.string().min(1)).refine((m) => Object.keys(m).length > 0, {
    message: 'A translated text needs at least one language.',
  }),
]);

/** Text in one language or several. See {@link textSchema}. */
export type Text = z.infer<typeof textSchema>;

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
