import {
  invalidArgument,
  isRecord,
  numberProblem,
  optionsProblem,
  resultProblem,
  stringArray,
  throwIfAny,
} from '../../errors/args.js';
import type { NodeResult, ScoreResult } from './schema.js';

/** One unit, period and node of a result, as a long table row. */
export interface ScoreRow {
  unit: string;
  period: string;
  node: string;
  kind: NodeResult['kind'];
  level: string;
  stage: string | null;
  /** Full precision; null when empty. */
  score: number | null;
  /**
   * The share of applicable indicators under the node that were answered:
   * `answered / (answered + missing)`; null when none is applicable. For an indicator, 1 or 0.
   */
  coverage: number | null;
  rank: number | null;
  reason: string | null;
}

/** Which rows {@link scoreRows} yields. */
export interface RowFilter {
  /** Period ids to keep. */
  periods?: readonly string[] | undefined;
  /** Units to keep. */
  units?: readonly string[] | undefined;
  /** Node kinds or level names to keep (`dimension`, `cell`, `stage`, `overall`, `indicator`...). */
  levels?: readonly string[] | undefined;
  /** Node ids to keep. */
  nodes?: readonly string[] | undefined;
}

/**
 * Iterates a result as long rows (node by node, then row by row), without building them all.
 *
 * @example
 * ```ts
 * for (const row of scoreRows(result, { levels: ['overall'] })) console.log(row.unit, row.score);
 * ```
 */
export function* scoreRows(result: ScoreResult, filter: RowFilter = {}): Generator<ScoreRow> {
  checkRowArguments('scoreRows', result, filter);
  const periods = filter.periods ? new Set(filter.periods) : undefined;
  const units = filter.units ? new Set(filter.units) : undefined;
  const levels = filter.levels ? new Set(filter.levels) : undefined;
  const nodes = filter.nodes ? new Set(filter.nodes) : undefined;
  const R = result.rows.unit.length;
  for (const node of result.nodes) {
    if (levels && !levels.has(node.kind) && !levels.has(node.level)) continue;
    if (nodes && !nodes.has(node.id)) continue;
    for (let r = 0; r < R; r++) {
      const unit = result.units[result.rows.unit[r] as number] as string;
      const period = (result.periods[result.rows.period[r] as number] as { id: string }).id;
      if (periods && !periods.has(period)) continue;
      if (units && !units.has(unit)) continue;
      yield {
        unit,
        period,
        node: node.id,
        kind: node.kind,
        level: node.level,
        stage: node.stage,
        score: node.score[r] ?? null,
        coverage: shareOf(node, r),
        rank: node.rank[r] ?? null,
        reason: node.reason[r] ?? null,
      };
    }
  }
}

/**
 * The answered share of a node's applicable indicators in row `r` (see {@link ScoreRow}).
 *
 * @example
 * ```ts
 * coverageShare(result.nodes[0], 0); //=> 0.9
 * ```
 */
export function coverageShare(node: NodeResult, r: number): number | null {
  throwIfAny(
    isRecord(node) &&
      Array.isArray(node.reason) &&
      (node.coverage === undefined ||
        node.coverage === null ||
        (isRecord(node.coverage) &&
          Array.isArray(node.coverage.answered) &&
          Array.isArray(node.coverage.missing)))
      ? undefined
      : invalidArgument('coverageShare', 'node', 'a node of a ScoreResult (result.nodes[i])', node),
    numberProblem('coverageShare', 'r', r, { min: 0, integer: true }),
  );
  return shareOf(node, r);
}

/** {@link coverageShare} without the argument checks, for the rows of a checked result. */
function shareOf(node: NodeResult, r: number): number | null {
  if (node.coverage) {
    const a = node.coverage.answered[r] ?? 0;
    const m = node.coverage.missing[r] ?? 0;
    return a + m === 0 ? null : a / (a + m);
  }
  const why = node.reason[r];
  return why === 'not-applicable' ? null : why === null || why === undefined ? 1 : 0;
}

/**
 * The index of the row for a unit and period, or -1.
 *
 * @example
 * ```ts
 * findRow(result, 'XA', '2019'); //=> 0
 * ```
 */
export function findRow(result: ScoreResult, unit: string, period: string): number {
  throwIfAny(
    resultProblem('findRow', 'result', result),
    typeof unit === 'string' ? undefined : invalidArgument('findRow', 'unit', 'a string', unit),
    typeof period === 'string'
      ? undefined
      : invalidArgument('findRow', 'period', 'a string', period),
  );
  const u = result.units.indexOf(unit);
  const p = result.periods.findIndex((x) => x.id === period);
  if (u < 0 || p < 0) return -1;
  for (let r = 0; r < result.rows.unit.length; r++) {
    if (result.rows.unit[r] === u && result.rows.period[r] === p) return r;
  }
  return -1;
}

/**
 * A copy of a result keeping only some periods, units and node levels (kinds or level names)
 * or node ids; the answers table is kept whole so indexes stay valid. Pure.
 *
 * @example
 * ```ts
 * filterResult(result, { periods: ['2019'], levels: ['overall', 'dimension'] }).nodes.length;
 * ```
 */
export function filterResult(result: ScoreResult, filter: RowFilter): ScoreResult {
  checkRowArguments('filterResult', result, filter ?? null);
  const periods = filter.periods ? new Set(filter.periods) : undefined;
  const units = filter.units ? new Set(filter.units) : undefined;
  const levels = filter.levels ? new Set(filter.levels) : undefined;
  const ids = filter.nodes ? new Set(filter.nodes) : undefined;
  const keep: number[] = [];
  for (let r = 0; r < result.rows.unit.length; r++) {
    const unit = result.units[result.rows.unit[r] as number] as string;
    const period = (result.periods[result.rows.period[r] as number] as { id: string }).id;
    if ((!periods || periods.has(period)) && (!units || units.has(unit))) keep.push(r);
  }
  const pick = <T>(xs: readonly T[]): T[] => keep.map((r) => xs[r] as T);
  const nodes = result.nodes
    .filter(
      (n) => (!levels || levels.has(n.kind) || levels.has(n.level)) && (!ids || ids.has(n.id)),
    )
    .map((n) => {
      const out: NodeResult = {
        ...n,
        score: pick(n.score),
        rank: pick(n.rank),
        reason: pick(n.reason),
      };
      if (n.value) out.value = pick(n.value);
      if (n.answer) out.answer = pick(n.answer);
      if (n.coverage) {
        out.coverage = {
          answered: pick(n.coverage.answered),
          notApplicable: pick(n.coverage.notApplicable),
          missing: pick(n.coverage.missing),
          expected: pick(n.coverage.expected),
        };
      }
      return out;
    });
  const kept = new Set(nodes.map((n) => n.id));
  const out: ScoreResult = {
    ...result,
    rows: { unit: pick(result.rows.unit), period: pick(result.rows.period) },
    nodes,
  };
  // Group summaries (issue 17) keep their per-period statistics; their per-row ranks follow.
  if (result.groups) {
    out.groups = result.groups.map((g) => ({
      ...g,
      nodes: g.nodes
        .filter((n) => kept.has(n.id))
        .map((n) => ({ ...n, rank: pick(n.rank), distance: pick(n.distance) })),
    }));
  }
  return out;
}

/**
 * The coverage counts of one row of a node (its columnar `coverage` at `r`), or null for a node
 * without coverage (indicators and sub-questions).
 *
 * @example
 * ```ts
 * coverageAt(result.nodes[0], 0); //=> { answered: 12, notApplicable: 1, missing: 2, expected: 15 }
 * ```
 */
export function coverageAt(
  node: NodeResult,
  r: number,
): { answered: number; notApplicable: number; missing: number; expected: number } | null {
  const cov = node.coverage;
  return cov
    ? {
        answered: cov.answered[r] ?? 0,
        notApplicable: cov.notApplicable[r] ?? 0,
        missing: cov.missing[r] ?? 0,
        expected: cov.expected[r] ?? 0,
      }
    : null;
}

const rowFilterFields = {
  periods: stringArray,
  units: stringArray,
  levels: stringArray,
  nodes: stringArray,
};

/** Throws `API_INVALID_ARGUMENT` for a value that is not a result or a filter with unknown keys. */
function checkRowArguments(fn: string, result: unknown, filter: unknown): void {
  throwIfAny(
    resultProblem(fn, 'result', result),
    optionsProblem(fn, 'filter', filter, rowFilterFields),
  );
}
