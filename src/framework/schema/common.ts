import { z } from 'zod';

/**
 * An identifier: starts with a letter or digit, then letters, digits, `_` or `-`. Dots are
 * reserved for addressing sub-questions (`indicator.sub`), `@` for dimension x stage cells.
 */
export const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, {
  message: 'Expected an id of letters, digits, "_" or "-", starting with a letter or digit.',
});

/** A calendar date written `YYYY-MM-DD` (ISO 8601), checked to exist (no 31 April). */
export const isoDateSchema = z.iso.date({ message: 'Expected a date written YYYY-MM-DD.' });

/** A positive, finite weight. Weights are relative: they are renormalised among siblings. */
export const weightSchema = z.number().refine((w) => Number.isFinite(w) && w > 0, {
  message: 'A weight must be a positive finite number.',
  params: { code: 'WEIGHT_INVALID' },
});

/** A finite number. */
export const finiteSchema = z
  .number()
  .refine(Number.isFinite, { message: 'Expected a finite number.' });

/** A legal reference, a URL, or both, that an indicator benchmarks against. */
export const sourceSchema = z.strictObject({
  /** A citation such as `QD art 24(1)` or `Directive 2011/95/EU, art. 24`. */
  ref: z.string().min(1).optional(),
  title: z.string().min(1).optional(),
  url: z.url().optional(),
});

/** How one indicator's value is read: the direction of "better". COINr's convention: 1 or -1. */
export const directionSchema = z.union([z.literal(1), z.literal(-1)]);

/**
 * The aggregation methods of the engine and the composite toolkit (COINr's names).
 *
 * @example
 * ```ts
 * aggregationMethodSchema.parse('gmean'); //=> 'gmean'
 * ```
 */
export const aggregationMethodSchema = z.enum([
  'amean',
  'gmean',
  'hmean',
  'genmean',
  'median',
  'min',
  'copeland',
]);
/** An aggregation method; `amean` is the weighted arithmetic mean. */
export type AggregationMethod = z.infer<typeof aggregationMethodSchema>;

/**
 * Whether answers need a source (a legal reference, a document, a URL): `required` on an
 * indicator, a dimension (and everything under it) or a stage makes an answer without a source
 * a coded warning at its row; `optional` on an indicator or a node lifts a requirement from
 * above.
 *
 * @example
 * ```ts
 * evidenceSchema.parse('required'); //=> 'required'
 * ```
 */
export const evidenceSchema = z.enum(['required', 'optional']);
