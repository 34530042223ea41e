import { resolveText } from '../../text/resolve.js';
import type { Text } from '../../text/text.js';

/**
 * Resolves framework texts into one language and remembers which ones fell back.
 *
 * @example
 * ```ts
 * const tr: Translator = translator('bg', 'en');
 * tr({ en: 'Housing', bg: 'Жилище' }); //=> 'Жилище'
 * ```
 */
export interface Translator {
  (text: Text | undefined): string;
  /** The language asked for. */
  readonly lang: string;
  /** How many texts were shown in another language, by the language used. */
  readonly fallbacks: Map<string, number>;
}

/**
 * A {@link Translator} for `lang`, falling back to the framework's default language (the
 * fallback rule of `resolveText`), counting each fallback so the report can say so.
 *
 * @example
 * ```ts
 * const tr = translator('bg', 'en');
 * tr({ en: 'Housing', bg: 'Жилище' }); //=> 'Жилище'
 * tr({ en: 'Health' });                 //=> 'Health' (and tr.fallbacks.get('en') === 1)
 * ```
 */
export function translator(lang: string, defaultLang: string): Translator {
  const fallbacks = new Map<string, number>();
  const tr = ((text: Text | undefined) => {
    if (text === undefined) return '';
    // A plain string is in the default language; it only counts as a fallback when the
    // framework offers translations at all (maps), which is when a reader could expect one.
    const r = resolveText(text, lang, defaultLang);
    if (r.fallback && typeof text !== 'string')
      fallbacks.set(r.lang, (fallbacks.get(r.lang) ?? 0) + 1);
    return r.text;
  }) as Translator;
  Object.defineProperty(tr, 'lang', { value: lang });
  Object.defineProperty(tr, 'fallbacks', { value: fallbacks });
  return tr;
}
