/**
 * The units options shared by `score`, `export`, `compare` and `report` (issue 17): `--units`,
 * `--groups` and `--derive`, and putting them onto a result. The registry reader, ISO names and
 * group summaries (`./units-load.ts`: yaml, zod, the country lists) load only when a run uses
 * units, so that a plain `score` starts without them (issue 14).
 */
import type { ScoreResult } from '../engine/result/schema.js';
import type { Framework } from '../framework/schema/framework.js';
import type { ApplyUnitsOptions } from '../units/apply.js';
import type { UnitRegistry } from '../units/schema.js';

/**
 * The `--units`, `--groups` and `--derive` arguments.
 *
 * @example
 * ```ts
 * defineCliCommand({ meta, args: { ...scoredInputArgs, ...unitsArgs }, run });
 * ```
 */
export const unitsArgs = {
  units: {
    type: 'string',
    description:
      'Units registry (CSV or YAML: code, name_<lang>, level, parent, groups, population); default: the framework’s, or ISO 3166 country names',
  },
  groups: {
    type: 'string',
    description:
      'Summarise these groups (comma-separated: EU27, a registry group, or a unit’s code for its parts)',
  },
  derive: {
    type: 'string',
    description:
      'Score a level from its parts, e.g. region:mean or region:population-weighted (comma-separated)',
  },
} as const;

/**
 * Splits a comma-separated option into its non-empty, trimmed parts; `undefined` when the option
 * is absent or blank.
 *
 * @example
 * ```ts
 * list('EU27, XP'); //=> ['EU27', 'XP']
 * ```
 */
export const list = (v: unknown): string[] | undefined =>
  typeof v === 'string' && v.trim() !== ''
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
    : undefined;

/** Whether any units option was given or the framework declares units. */
export function wantsUnits(args: Record<string, unknown>, framework: Framework): boolean {
  return (
    list(args.units) !== undefined ||
    list(args.groups) !== undefined ||
    list(args.derive) !== undefined ||
    framework.units !== undefined
  );
}

/**
 * Puts units onto a result when a units option was given or the framework declares units:
 * names, ranks within level, derived levels (`--derive`, else the framework's `derive`), group
 * summaries (`--groups`). Warnings go to stderr; errors are thrown. Without any, returns the
 * result unchanged.
 *
 * @example
 * ```ts
 * const result2 = await withUnits(args, framework, dir, result);
 * result2.groups?.[0]?.id; //=> 'EU27'
 * ```
 */
export async function withUnits(
  args: Record<string, unknown>,
  framework: Framework,
  frameworkDir: string | undefined,
  result: ScoreResult,
): Promise<ScoreResult> {
  return (await withUnitsApplied(args, framework, frameworkDir, result)).result;
}

/**
 * {@link withUnits}, also giving the registry and options applied (`undefined` when the run
 * uses no units), for a page that applies them again.
 *
 * @example
 * ```ts
 * const { result: r2, units } = await withUnitsApplied(args, framework, dir, result);
 * units?.registry.units.length; //=> 4
 * ```
 */
export async function withUnitsApplied(
  args: Record<string, unknown>,
  framework: Framework,
  frameworkDir: string | undefined,
  result: ScoreResult,
): Promise<{
  result: ScoreResult;
  units?: { registry: UnitRegistry; options: ApplyUnitsOptions };
}> {
  if (!wantsUnits(args, framework)) return { result };
  const { applyUnitArgs } = await import('./units-load.js');
  const applied = await applyUnitArgs(args, framework, frameworkDir, result);
  return {
    result: applied.result,
    units: { registry: applied.registry, options: applied.options },
  };
}
