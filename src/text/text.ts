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

// Resolving text needs no schema: it lives in `resolve.ts`, so the scoring core (which only
// resolves titles) does not load zod; re-exported here for existing imports.
export { type ResolvedText, resolveText, textLanguages } from './resolve.js';
