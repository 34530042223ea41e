import { z } from 'zod';

/**
 * COINr's iMeta `Type` column: what a row of the metadata describes. `Indicator` rows are
 * level 1, `Aggregate` rows levels 2 and up; the others name columns of iData that carry
 * unit groups, denominators or anything else.
 */
export const metaTypeSchema = z.enum(['Indicator', 'Aggregate', 'Group', 'Denominator', 'Other']);
/** A metadata row type. */
export type MetaType = z.infer<typeof metaTypeSchema>;

/**
 * One indicator or aggregate of the composite's tree (a row of COINr's iMeta with a level).
 *
 * @example
 * ```ts
 * const lpi: MetaNode = {
 *   code: 'LPI', name: 'Logistics Performance Index', level: 1, parent: 'Physical',
 *   direction: 1, weight: 1, type: 'Indicator', target: 4.118,
 * };
 * ```
 */
export const metaNodeSchema = z.strictObject({
  code: z.string().min(1),
  name: z.string().optional(),
  /** 1 for indicators, then up by one per aggregation level; the index has the largest. */
  level: z.number().int().min(1),
  /** The aggregate one level up; absent only at the top. */
  parent: z.string().min(1).optional(),
  /** +1 when more is better, -1 when less is better. */
  direction: z.union([z.literal(1), z.literal(-1)]),
  /** Relative weight among siblings: rescaled to sum to 1 within each parent at aggregation. */
  weight: z.number().nonnegative(),
  type: z.enum(['Indicator', 'Aggregate']),
  unit: z.string().optional(),
  /** A target for `dist2targ` normalisation (in the indicator's own direction). */
  target: z.number().optional(),
  /** The iData column this indicator is divided by in `denominate`. */
  denominator: z.string().optional(),
  /** Goalposts for `goalposts` normalisation: values mapped to 0 and to the scale. */
  goalpostLower: z.number().optional(),
  goalpostUpper: z.number().optional(),
});
/** One indicator or aggregate. */
export type MetaNode = z.infer<typeof metaNodeSchema>;

/**
 * A composite's metadata: the tree (indicators first, in iMeta order, then aggregates) and the
 * names of iData's group and denominator columns.
 *
 * @example
 * ```ts
 * const meta: CompositeMeta = { nodes: [...], groups: ['EurAsia_group'], denominators: ['GDP'], others: [] };
 * ```
 */
export interface CompositeMeta {
  readonly nodes: readonly MetaNode[];
  readonly groups: readonly string[];
  readonly denominators: readonly string[];
  readonly others: readonly string[];
}

/**
 * The units of a composite, one entry per row of iData (a unit, or a unit in one period for
 * panels): codes, names, periods, group memberships and denominator values. Datasets refer to
 * these rows by index, so screening a unit out never copies this table.
 *
 * @example
 * ```ts
 * units.codes[0]; //=> 'AUT'
 * units.groups.EurAsia_group?.[0]; //=> 'Europe'
 * ```
 */
export interface UnitTable {
  readonly codes: readonly string[];
  readonly names: readonly (string | null)[];
  /** COINr's `Time`, or null for every row when the data has no periods. */
  readonly periods: readonly (number | null)[];
  readonly groups: Readonly<Record<string, readonly (string | null)[]>>;
  readonly denominators: Readonly<Record<string, Float64Array>>;
}

/**
 * A data set of the pipeline (COINr's `dset`): a table of rows (indices into the
 * {@link UnitTable}) by columns (indicator or aggregate codes). Values are stored column by
 * column in one flat array, `values[c * rows.length + r]`, with `NaN` for a missing value, so a
 * pipeline re-run allocates a handful of arrays and no objects per cell. Data sets are never
 * modified once a step has returned them: a step that changes nothing passes its input on
 * (`screen` removing no unit, `treat` when every indicator passes), so stages may share arrays.
 *
 * @example
 * ```ts
 * const v = ds.values[ds.codes.indexOf('LPI') * ds.rows.length + 0]; // LPI of the first row
 * ```
 */
export interface Dataset {
  readonly rows: Int32Array;
  readonly codes: readonly string[];
  readonly values: Float64Array;
}

/**
 * COINr's data, read and checked: the units, the metadata and the `raw` data set (every
 * indicator, in iMeta order).
 *
 * @example
 * ```ts
 * const data: CompositeData = readCoinr(iDataText, iMetaText).value;
 * data.raw.codes.length; //=> 49 for ASEM
 * ```
 */
export interface CompositeData {
  readonly units: UnitTable;
  readonly meta: CompositeMeta;
  readonly raw: Dataset;
}
