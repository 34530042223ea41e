/**
 * The units options shared by `score`, `export`, `compare` and `report` (issue 17): `--units`,
 * `--groups` and `--derive`, and putting them onto a result.
 */
import { join, relative, sep } from 'node:path';
import type { ScoreResult } from '../engine/result/schema.js';
import { formatIssue, IntegrationIndexError } from '../errors/issue.js';
import type { Framework } from '../framework/schema/framework.js';
import { readUnitsFile } from '../node/units.js';
import { applyUnits, type DeriveRequest } from '../units/apply.js';
import { isoRegistry, loadCountryNames, withCountryNames } from '../units/countries.js';
import { deriveMethodSchema, type UnitRegistry } from '../units/schema.js';
import { UsageError } from './command.js';

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

const list = (v: unknown): string[] | undefined =>
  typeof v === 'string' && v.trim() !== ''
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
    : undefined;

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
  if (!wantsUnits(args, framework)) return result;
  const registry = await loadRegistry(args, framework, frameworkDir, result.units);
  const derive = deriveArg(args.derive) ?? framework.units?.derive;
  const applied = applyUnits(result, registry, {
    groups: list(args.groups),
    ...(derive ? { derive } : {}),
  });
  if (!applied.ok) throw new IntegrationIndexError(applied.issues);
  for (const w of applied.warnings) process.stderr.write(`${formatIssue(w)}\n`);
  return applied.value;
}
