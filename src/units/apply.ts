/**
 * Units on a score result: names, levels and groups from a registry, ranks within each level,
 * region scores derived from their parts only when asked, and group summaries.
 */
import { competitionRanks } from '../engine/rank/index.js';
import type { NodeResult, ScoreResult } from '../engine/result/schema.js';
import {
  firstProblem,
  groupedResultProblem,
  objectOf,
  optionsProblem,
  stringArray,
  stringArrayProblem,
  unitRegistryProblem,
} from '../errors/args.js';
import { createIssue, type Issue, type SafeResult } from '../errors/issue.js';
import type { Text } from '../text/text.js';
import { builtInGroups, isoCodeOf } from './countries.js';
import type { DeriveMethod, GroupSummary, Unit, UnitInfo, UnitRegistry } from './schema.js';

/**
 * A request to score the units of one level from their parts (the units whose `parent` they
 * are): `mean` of the parts' scores, or `population-weighted` by the parts' `population`.
 *
 * @example
 * ```ts
 * const derive: DeriveRequest = { level: 'region', method: 'mean' };
 * ```
 */
export interface DeriveRequest {
  level: string;
  method: DeriveMethod;
}

/** Options of {@link applyUnits}. */
export interface ApplyUnitsOptions {
  /** Groups to summarise (registry groups, built-in `EU27`, or a unit's code for its parts). */
  groups?: readonly string[] | undefined;
  /** Levels to derive from their parts; nothing is derived unless asked. */
  derive?: readonly DeriveRequest[] | undefined;
}

const UNKNOWN_LEVEL = 'unknown';

/**
 * Puts a units registry onto a score result:
 *
 * - `unitInfo` gives each unit's name, level, parent, groups and population; units the answers
 *   have but the registry lacks get level `unknown` and one `UNITS_NOT_IN_REGISTRY` warning
 *   (not for the ISO 3166 registry made when there is no units file);
 * - `derive` adds rows for units scored from their parts, marked `derived` with the method
 *   and the parts (never implicit);
 * - ranks are recomputed so that each unit is ranked only among the units of its own level in
 *   the period;
 * - `groups` adds a {@link GroupSummary} per group: count, mean, median, minimum and maximum of
 *   the members' scores for every node and period, each member's rank within the group (and
 *   its level) and its distance to the group mean.
 *
 * Fails (`UNITS_UNKNOWN_GROUP`, `UNITS_NO_POPULATION`, `UNITS_UNKNOWN_DERIVE_LEVEL`) without
 * changing anything.
 *
 * @example
 * ```ts
 * const r = applyUnits(result, registry, { groups: ['EU27'], derive: [{ level: 'region', method: 'mean' }] });
 * if (r.ok) r.value.groups?.[0]?.nodes[0]?.mean; //=> [49.2, 50.1]
 * ```
 */
export function applyUnits(
  result: ScoreResult,
  registry: UnitRegistry,
  options: ApplyUnitsOptions = {},
): SafeResult<ScoreResult> {
  const bad = firstProblem(
    groupedResultProblem('applyUnits', 'result', result),
    unitRegistryProblem('applyUnits', 'registry', registry),
    optionsProblem('applyUnits', 'options', options, {
      groups: stringArray,
      derive: deriveRequests,
    }),
  );
  if (bad) return { ok: false, issues: [bad] };
  const byCode = new Map(registry.units.map((u) => [u.code, u]));
  const warnings: Issue[] = [];
  const missing = result.units.filter((u) => !byCode.has(u));
  if (missing.length > 0 && registry.source !== 'iso-3166') {
    warnings.push(
      createIssue(
        'UNITS_NOT_IN_REGISTRY',
        { units: missing },
        { severity: 'warning', file: registry.source },
      ),
    );
  }
  let current = result;
  const derivedFrom = new Map<string, { method: DeriveMethod; from: string[] }>();
  for (const request of options.derive ?? []) {
    const d = deriveLevel(current, registry, request);
    if (!d.ok) return d;
    warnings.push(...d.warnings);
    current = d.value.result;
    for (const [code, info] of d.value.derived) derivedFrom.set(code, info);
  }
  const unitInfo: UnitInfo[] = current.units.map((code) => {
    const u = byCode.get(code);
    return {
      name: u?.name ?? null,
      level: u?.level ?? UNKNOWN_LEVEL,
      parent: u?.parent ?? null,
      groups: u?.groups ?? [],
      population: u?.population ?? null,
      derived: derivedFrom.get(code) ?? null,
    };
  });
  const levelOfRow = current.rows.unit.map((u) => (unitInfo[u] as UnitInfo).level);
  const nodes = current.nodes.map((n) =>
    n.value ? n : { ...n, rank: ranksWithin(current, n.score, levelOfRow) },
  );
  let out: ScoreResult = { ...current, nodes, unitInfo };
  if (options.groups && options.groups.length > 0) {
    const g = summariseGroups(out, registry, options.groups);
    if (!g.ok) return g;
    warnings.push(...g.warnings);
    out = { ...out, groups: g.value };
  }
  return {
    ok: true,
    value: { ...out, issues: [...out.issues, ...warnings] },
    warnings,
  };
}

/**
 * Competition ranks of `scores` within each period and each key (`keyOfRow[r]`); rows with
 * `keyOfRow[r] === null` or no score get null.
 */
function ranksWithin(
  result: ScoreResult,
  scores: readonly (number | null)[],
  keyOfRow: readonly (string | null)[],
): (number | null)[] {
  const out: (number | null)[] = scores.map(() => null);
  const buckets = new Map<string, number[]>();
  for (let r = 0; r < scores.length; r++) {
    const key = keyOfRow[r];
    if (key === null || key === undefined) continue;
    const k = `${result.rows.period[r]}\u0000${key}`;
    let rows = buckets.get(k);
    if (!rows) {
      rows = [];
      buckets.set(k, rows);
    }
    rows.push(r);
  }
  for (const rows of buckets.values()) {
    const ranks = competitionRanks(Float64Array.from(rows, (r) => scores[r] ?? Number.NaN));
    rows.forEach((r, i) => {
      out[r] = ranks[i] ? (ranks[i] as number) : null;
    });
  }
  return out;
}

/** Every group id a registry can summarise, with its title. */
function knownGroups(registry: UnitRegistry): Map<string, Text | null> {
  const known = new Map<string, Text | null>();
  for (const [id, g] of Object.entries(builtInGroups)) known.set(id, g.title);
  const byCode = new Map(registry.units.map((u) => [u.code, u]));
  for (const u of registry.units) {
    for (const g of u.groups) if (!known.has(g)) known.set(g, byCode.get(g)?.name ?? null);
    if (u.parent !== undefined && !known.has(u.parent))
      known.set(u.parent, byCode.get(u.parent)?.name ?? null);
  }
  return known;
}

/** Whether unit `u` (a registry entry, or undefined) with `code` is in group `group`. */
function inGroup(code: string, u: Unit | undefined, group: string): boolean {
  if (u?.groups.includes(group) || u?.parent === group) return true;
  const builtIn = builtInGroups[group];
  return builtIn !== undefined && (u === undefined || u.level === 'country')
    ? builtIn.members.includes(isoCodeOf(code))
    : false;
}

/**
 * The {@link GroupSummary} of each group in `groups` for a result that carries `unitInfo`
 * (see {@link applyUnits}); `UNITS_UNKNOWN_GROUP` for a group the registry does not know.
 *
 * @example
 * ```ts
 * const r = summariseGroups(result, registry, ['EU27']);
 * if (r.ok) r.value[0]?.members; //=> ['AT', 'BE', 'BG', ...]
 * ```
 */
export function summariseGroups(
  result: ScoreResult,
  registry: UnitRegistry,
  groups: readonly string[],
): SafeResult<GroupSummary[]> {
  const bad = firstProblem(
    groupedResultProblem('summariseGroups', 'result', result),
    unitRegistryProblem('summariseGroups', 'registry', registry),
    stringArrayProblem('summariseGroups', 'groups', groups),
  );
  if (bad) return { ok: false, issues: [bad] };
  const known = knownGroups(registry);
  const issues: Issue[] = [];
  for (const g of groups) {
    if (!known.has(g))
      issues.push(createIssue('UNITS_UNKNOWN_GROUP', { group: g, groups: [...known.keys()] }));
  }
  if (issues.length > 0) return { ok: false, issues };
  const byCode = new Map(registry.units.map((u) => [u.code, u]));
  const warnings: Issue[] = [];
  const P = result.periods.length;
  const level = (u: number) => result.unitInfo?.[u]?.level ?? UNKNOWN_LEVEL;
  const summaries = groups.map((id): GroupSummary => {
    const memberIdx = result.units
      .map((code, u) => (inGroup(code, byCode.get(code), id) ? u : -1))
      .filter((u) => u >= 0);
    const isMember = new Set(memberIdx);
    const keyOfRow = result.rows.unit.map((u) => (isMember.has(u) ? level(u) : null));
    let any = false;
    const nodes = result.nodes
      .filter((n: NodeResult) => !n.value)
      .map((n) => {
        const perPeriod: number[][] = Array.from({ length: P }, () => []);
        keyOfRow.forEach((key, r) => {
          const s = n.score[r];
          if (key !== null && s !== null && s !== undefined)
            (perPeriod[result.rows.period[r] as number] as number[]).push(s);
        });
        const stats = perPeriod.map(describe);
        if (stats.some((s) => s.count > 0)) any = true;
        const mean = stats.map((s) => s.mean);
        return {
          id: n.id,
          count: stats.map((s) => s.count),
          mean,
          median: stats.map((s) => s.median),
          min: stats.map((s) => s.min),
          max: stats.map((s) => s.max),
          rank: ranksWithin(result, n.score, keyOfRow),
          distance: n.score.map((s, r) => {
            const m = mean[result.rows.period[r] as number];
            return keyOfRow[r] === null || s === null || m === null || m === undefined
              ? null
              : s - m;
          }),
        };
      });
    if (!any)
      warnings.push(createIssue('UNITS_EMPTY_GROUP', { group: id }, { severity: 'warning' }));
    return {
      id,
      title: known.get(id) ?? null,
      members: memberIdx.map((u) => result.units[u] as string),
      nodes,
    };
  });
  return { ok: true, value: summaries, warnings };
}

/** Count, mean, median, minimum and maximum of some scores (nulls when there are none). */
function describe(xs: number[]): {
  count: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
} {
  const n = xs.length;
  if (n === 0) return { count: 0, mean: null, median: null, min: null, max: null };
  const sorted = [...xs].sort((a, b) => a - b);
  let sum = 0;
  for (const x of xs) sum += x;
  const mid = n >> 1;
  const median =
    n % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    count: n,
    mean: sum / n,
    median,
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
  };
}

/** Adds rows for the units of `request.level` scored from their parts. */
function deriveLevel(
  result: ScoreResult,
  registry: UnitRegistry,
  request: DeriveRequest,
): SafeResult<{
  result: ScoreResult;
  derived: Map<string, { method: DeriveMethod; from: string[] }>;
}> {
  const byCode = new Map(registry.units.map((u) => [u.code, u]));
  const inResult = new Set(result.units);
  const warnings: Issue[] = [];
  const issues: Issue[] = [];
  const targets: { unit: Unit; parts: string[] }[] = [];
  for (const unit of registry.units) {
    if (unit.level !== request.level) continue;
    const parts = registry.units
      .filter((p) => p.parent === unit.code && inResult.has(p.code))
      .map((p) => p.code);
    if (parts.length === 0) continue;
    if (inResult.has(unit.code)) {
      warnings.push(
        createIssue('UNITS_DERIVED_HAS_ANSWERS', { unit: unit.code }, { severity: 'warning' }),
      );
      continue;
    }
    if (request.method === 'population-weighted') {
      for (const p of parts) {
        if (byCode.get(p)?.population === undefined)
          issues.push(
            createIssue(
              'UNITS_NO_POPULATION',
              { unit: p, parent: unit.code },
              { file: registry.source, field: 'population' },
            ),
          );
      }
    }
    targets.push({ unit, parts });
  }
  if (targets.length === 0 && warnings.length === 0) {
    issues.push(
      createIssue('UNITS_UNKNOWN_DERIVE_LEVEL', {
        level: request.level,
        levels: [...new Set(registry.units.map((u) => u.level))],
      }),
    );
  }
  if (issues.length > 0) return { ok: false, issues };
  const units = [...result.units];
  const unitIndex = new Map(units.map((u, i) => [u, i]));
  // The rows of each derived unit and period: the rows of its parts in that period.
  const added: { unit: number; period: number; parts: number[]; weights: number[] }[] = [];
  const derived = new Map<string, { method: DeriveMethod; from: string[] }>();
  for (const { unit, parts } of targets) {
    const u = units.push(unit.code) - 1;
    derived.set(unit.code, { method: request.method, from: parts });
    const partIdx = new Set(parts.map((p) => unitIndex.get(p) as number));
    for (let k = 0; k < result.periods.length; k++) {
      const rows: number[] = [];
      const weights: number[] = [];
      result.rows.unit.forEach((ru, r) => {
        if (result.rows.period[r] === k && partIdx.has(ru)) {
          rows.push(r);
          const code = result.units[ru] as string;
          weights.push(request.method === 'mean' ? 1 : (byCode.get(code)?.population as number));
        }
      });
      if (rows.length > 0) added.push({ unit: u, period: k, parts: rows, weights });
    }
  }
  // New row order: each period's rows, then the derived rows of that period.
  type Source = { old: number } | { add: (typeof added)[number] };
  const order: Source[] = [];
  for (let k = 0; k < result.periods.length; k++) {
    result.rows.period.forEach((p, r) => {
      if (p === k) order.push({ old: r });
    });
    for (const a of added) if (a.period === k) order.push({ add: a });
  }
  const weighted = (xs: readonly (number | null)[], a: (typeof added)[number]): number | null => {
    let sum = 0;
    let w = 0;
    a.parts.forEach((r, i) => {
      const x = xs[r];
      const wi = a.weights[i] as number;
      if (x !== null && x !== undefined && wi > 0) {
        sum += wi * x;
        w += wi;
      }
    });
    return w > 0 ? sum / w : null;
  };
  const total = (xs: readonly number[], a: (typeof added)[number]): number =>
    a.parts.reduce((s, r) => s + (xs[r] ?? 0), 0);
  const nodes = result.nodes.map((n): NodeResult => {
    const score = order.map((o) =>
      'old' in o ? (n.score[o.old] ?? null) : n.value ? null : weighted(n.score, o.add),
    );
    const out: NodeResult = {
      ...n,
      score,
      rank: order.map((o) => ('old' in o ? (n.rank[o.old] ?? null) : null)),
      reason: order.map((o, i) =>
        'old' in o ? (n.reason[o.old] ?? null) : score[i] === null ? 'no-data' : null,
      ),
    };
    if (n.value) out.value = order.map((o) => ('old' in o ? (n.value?.[o.old] ?? null) : null));
    if (n.answer) out.answer = order.map((o) => ('old' in o ? (n.answer?.[o.old] ?? null) : null));
    if (n.coverage) {
      const c = n.coverage;
      const pick = (xs: readonly number[]) =>
        order.map((o) => ('old' in o ? (xs[o.old] ?? 0) : total(xs, o.add)));
      out.coverage = {
        answered: pick(c.answered),
        notApplicable: pick(c.notApplicable),
        missing: pick(c.missing),
        expected: pick(c.expected),
      };
    }
    return out;
  });
  return {
    ok: true,
    value: {
      result: {
        ...result,
        units,
        rows: {
          unit: order.map((o) => ('old' in o ? (result.rows.unit[o.old] as number) : o.add.unit)),
          period: order.map((o) =>
            'old' in o ? (result.rows.period[o.old] as number) : o.add.period,
          ),
        },
        nodes,
      },
      derived,
    },
    warnings,
  };
}

/** The field check of `applyUnits`'s `derive` option: an array of derive requests. */
function deriveRequests(value: unknown): string | undefined {
  const one = objectOf({ level: 'string', method: ['mean', 'population-weighted'] });
  return Array.isArray(value) &&
    value.every(
      (d) =>
        one(d) === undefined &&
        typeof (d as DeriveRequest).level === 'string' &&
        (d as DeriveRequest).method !== undefined,
    )
    ? undefined
    : 'an array of { level: string, method: "mean" | "population-weighted" }';
}
