/**
 * The part of the units options that reads and applies a registry (`withUnits` in `./units.ts`
 * imports it on demand): the registry file or ISO 3166 names, `--derive`, group summaries.
 */
import { join, relative, sep } from 'node:path';
import type { ScoreResult } from '../engine/result/schema.js';
import { formatIssue, IntegrationIndexError } from '../errors/issue.js';
import type { Framework } from '../framework/schema/framework.js';
import { readUnitsFile } from '../node/units.js';
import { type ApplyUnitsOptions, applyUnits, type DeriveRequest } from '../units/apply.js';
import { isoRegistry, loadCountryNames, withCountryNames } from '../units/countries.js';
import { deriveMethodSchema, type UnitRegistry } from '../units/schema.js';
import { UsageError } from './command.js';
import { list } from './units.js';

/** Parses `--derive level:method,...`. */
function deriveArg(v: unknown): DeriveRequest[] | undefined {
  return list(v)?.map((spec) => {
    const [level, method = 'mean'] = spec.split(':');
    const m = deriveMethodSchema.safeParse(method);
    if (!level || !m.success)
      throw new UsageError(
        `--derive takes level:method with method mean or population-weighted, got "${spec}".`,
      );
    return { level, method: m.data };
  });
}

/**
 * Reads the units registry a run uses: `--units`, else the framework's `units.file` (relative to
 * its folder), else ISO 3166 names for the result's country codes. Country names come from
 * ISO 3166 where the registry gives none. Throws the registry's issues.
 *
 * @example
 * ```ts
 * const registry = await loadRegistry({ units: 'fixtures/local-services/units.csv' }, framework, dir, result.units);
 * ```
 */
export async function loadRegistry(
  args: Record<string, unknown>,
  framework: Framework,
  frameworkDir: string | undefined,
  codes: readonly string[],
): Promise<UnitRegistry> {
  const names = await loadCountryNames();
  let path = typeof args.units === 'string' && args.units !== '' ? args.units : undefined;
  if (path === undefined && framework.units?.file !== undefined && frameworkDir !== undefined) {
    const p = join(frameworkDir, framework.units.file);
    const rel = relative(process.cwd(), p);
    path = (rel && !rel.startsWith('..') ? rel : p).split(sep).join('/');
  }
  if (path === undefined) return isoRegistry(codes, names);
  const read = readUnitsFile(path);
  if (!read.ok) throw new IntegrationIndexError(read.issues);
  for (const w of read.warnings) process.stderr.write(`${formatIssue(w)}\n`);
  return withCountryNames(read.value, names);
}

/**
 * The registry and options a run's units arguments resolve to (what {@link applyUnitArgs}
 * applies, and what an interactive report carries to apply again in the page).
 *
 * @example
 * ```ts
 * const { registry, options } = await resolveUnitArgs({ groups: 'EU27' }, framework, undefined, result.units);
 * ```
 */
export async function resolveUnitArgs(
  args: Record<string, unknown>,
  framework: Framework,
  frameworkDir: string | undefined,
  codes: readonly string[],
): Promise<{ registry: UnitRegistry; options: ApplyUnitsOptions }> {
  const registry = await loadRegistry(args, framework, frameworkDir, codes);
  const derive = deriveArg(args.derive) ?? framework.units?.derive;
  const groups = list(args.groups);
  return {
    registry,
    options: { ...(groups ? { groups } : {}), ...(derive ? { derive } : {}) },
  };
}

/**
 * Applies the units options of a run to its result (see `withUnits`, which checks first that
 * the run uses units): names, ranks within level, derived levels, group summaries. Warnings go
 * to stderr; errors are thrown. Gives the result and what was applied.
 *
 * @example
 * ```ts
 * const { result: result2 } = await applyUnitArgs({ groups: 'EU27' }, framework, undefined, result);
 * ```
 */
export async function applyUnitArgs(
  args: Record<string, unknown>,
  framework: Framework,
  frameworkDir: string | undefined,
  result: ScoreResult,
): Promise<{ result: ScoreResult; registry: UnitRegistry; options: ApplyUnitsOptions }> {
  const { registry, options } = await resolveUnitArgs(args, framework, frameworkDir, result.units);
  const applied = applyUnits(result, registry, options);
  if (!applied.ok) throw new IntegrationIndexError(applied.issues);
  for (const w of applied.warnings) process.stderr.write(`${formatIssue(w)}\n`);
  return { result: applied.value, registry, options };
}
