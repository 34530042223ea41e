import { z } from 'zod';
import { textSchema } from '../text/text.js';

/**
 * One unit of a units registry: a country, region or municipality that answers are about.
 * `name` is text in one language or several (`{ en: Bulgaria, bg: България }`); `level` says
 * which units it is ranked against; `parent` is the unit it belongs to (a region for a
 * municipality); `groups` are the groups it is summarised in (`EU27`, a region's code...);
 * `population` weights a population-weighted roll-up.
 *
 * @example
 * ```ts
 * unitSchema.parse({ code: 'BG-24-KZL', name: { en: 'Kazanlak', bg: 'Казанлък' }, level: 'municipality', parent: 'BG-24', groups: ['BG-24'], population: 64000 });
 * ```
 */
export const unitSchema = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, {
    message: 'must be letters, digits, "_", "." or "-", starting with a letter or digit',
  }),
  name: textSchema.optional(),
  level: z.string().regex(/^[a-z][a-z0-9_-]*$/, {
    message: 'must be a lower-case word such as country, region or municipality',
  }),
  parent: z.string().min(1).optional(),
  groups: z.array(z.string().min(1)).default([]),
  population: z.number().nonnegative().optional(),
});

/** A unit of a registry. See {@link unitSchema}. */
export type Unit = z.infer<typeof unitSchema>;

/**
 * A units registry: the units, in file order. `source` names where it came from (a file, or
 * `iso-3166` for names from the ISO 3166 country list).
 *
 * @example
 * ```ts
 * const registry: UnitRegistry = { source: 'units.csv', units: [{ code: 'BG', level: 'country', groups: ['EU27'] }] };
 * ```
 */
export interface UnitRegistry {
  source: string;
  units: Unit[];
  /** 1-based line of each unit in its file, when read from one (for messages). */
  lines?: number[];
}

/** How a derived unit's score is built from its parts. */
export const deriveMethodSchema = z.enum(['mean', 'population-weighted']);

/** How a derived unit's score is built from its parts: `mean` or `population-weighted`. */
export type DeriveMethod = z.infer<typeof deriveMethodSchema>;

/**
 * What a result says about each of its units (entry `u` belongs to `result.units[u]`): name,
 * level, parent, groups, population, and for a unit scored from its parts, how.
 *
 * @example
 * ```ts
 * const info: UnitInfo = { name: { en: 'Stara Zagora region' }, level: 'region', parent: null, groups: [], population: null, derived: { method: 'mean', from: ['XSZ', 'XKZ'] } };
 * ```
 */
export const unitInfoSchema = z.object({
  name: textSchema.nullable(),
  level: z.string(),
  parent: z.string().nullable(),
  groups: z.array(z.string()),
  population: z.number().nullable(),
  /** Set when the unit's scores were derived from its parts rather than scored from answers. */
  derived: z.object({ method: deriveMethodSchema, from: z.array(z.string()) }).nullable(),
});

/** What a result says about one unit. See {@link unitInfoSchema}. */
export type UnitInfo = z.infer<typeof unitInfoSchema>;

const nullableNumbers = z.array(z.number().nullable());

/**
 * Summaries of one group in a result: its members (unit codes) and, for every node, the
 * statistics of the members' scores per period (`count[k]`, `mean[k]`... for
 * `result.periods[k]`), and per result row the member's rank within the group and level
 * (`rank[r]`) and its distance to the group mean (`distance[r]` = score − mean); null for rows
 * of units outside the group or without a score.
 *
 * @example
 * ```ts
 * const g: GroupSummary = result.groups![0]!;
 * g.nodes.find((n) => n.id === 'overall')?.mean[0]; //=> 49.2
 * ```
 */
export const groupSummarySchema = z.object({
  id: z.string(),
  title: textSchema.nullable(),
  members: z.array(z.string()),
  nodes: z.array(
    z.object({
      id: z.string(),
      count: z.array(z.number().int().nonnegative()),
      mean: nullableNumbers,
      median: nullableNumbers,
      min: nullableNumbers,
      max: nullableNumbers,
      rank: z.array(z.number().int().positive().nullable()),
      distance: nullableNumbers,
    }),
  ),
});

/** One group's summaries. See {@link groupSummarySchema}. */
export type GroupSummary = z.infer<typeof groupSummarySchema>;

/**
 * A framework's `units:` (in `framework.yaml`): the units file it is assessed on, relative to
 * the framework folder (CSV, or YAML outside the folder's own YAML files), and the levels to
 * derive from their parts. A run's `--units` and `--derive` take precedence.
 *
 * @example
 * ```yaml
 * units:
 *   file: units.csv
 *   derive: [{ level: region, method: population-weighted }]
 * ```
 */
export const frameworkUnitsSchema = z.strictObject({
  file: z.string().min(1).optional(),
  derive: z
    .array(z.strictObject({ level: z.string().min(1), method: deriveMethodSchema }))
    .optional(),
});

/** A framework's `units:`. See {@link frameworkUnitsSchema}. */
export type FrameworkUnits = z.infer<typeof frameworkUnitsSchema>;
