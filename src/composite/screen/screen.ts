import { createIssue, type Issue } from '../../errors/issue.js';
import type { CompositeContext, StepResult } from '../_lib/step.js';
import type { Dataset } from '../data/types.js';

/** What `screen` did: every unit row's availability and which rows were removed. */
export interface ScreenLog {
  step: 'screen';
  removed: { unit: string; period: number | null; availability: number; nonzero: number }[];
}

/** Options of {@link screen}. */
export interface ScreenOptions {
  by: 'missing' | 'zeros' | 'both';
  threshold: number;
  nonzeroThreshold: number;
  force?: readonly { unit: string; include: boolean }[] | undefined;
}

/**
 * Removes units (rows) with too little data, as COINr's `Screen`: availability is the share
 * of the row's indicator values that are present; the non-zero share is counted among the
 * present values only. A row is dropped when availability < `threshold` (`by: missing`),
 * non-zero share < `nonzeroThreshold` (`zeros`), or either (`both`); `force` then keeps or
 * drops named units whatever their data.
 *
 * @example
 * ```ts
 * screen(ctx, imputed, { by: 'missing', threshold: 0.9, nonzeroThreshold: 0.05 }).log.removed; //=> []
 * ```
 */
export function screen(
  ctx: CompositeContext,
  ds: Dataset,
  options: ScreenOptions,
): StepResult<ScreenLog> {
  const n = ds.rows.length;
  const m = ds.codes.length;
  const issues: Issue[] = [];
  const forced = new Map<string, boolean>();
  for (const f of options.force ?? []) {
    if (!ctx.units.codes.includes(f.unit)) {
      issues.push(createIssue('COMPOSITE_UNKNOWN_UNIT', { unit: f.unit }, { path: ['force'] }));
    }
    forced.set(f.unit, f.include);
  }
  // Missing and zero counts of every row, column by column (the values are column-major).
  const missing = new Int32Array(n);
  const zeros = new Int32Array(n);
  const src = ds.values;
  for (let c = 0; c < m; c++) {
    const base = c * n;
    for (let r = 0; r < n; r++) {
      const v = src[base + r] as number;
      if (Number.isNaN(v)) missing[r] = (missing[r] as number) + 1;
      else if (v === 0) zeros[r] = (zeros[r] as number) + 1;
    }
  }
  const keep: number[] = [];
  const removed: ScreenLog['removed'] = [];
  for (let r = 0; r < n; r++) {
    const availability = 1 - (missing[r] as number) / m;
    const nonzero = 1 - (zeros[r] as number) / (m - (missing[r] as number));
    const lowData = availability < options.threshold;
    const lowNonZero = nonzero < options.nonzeroThreshold;
    let included = !(options.by === 'missing'
      ? lowData
      : options.by === 'zeros'
        ? lowNonZero
        : lowData || lowNonZero);
    if (forced.size > 0) {
      const f = forced.get(ctx.units.codes[ds.rows[r] as number] as string);
      if (f !== undefined) included = f;
    }
    if (included) keep.push(r);
    else
      removed.push({
        unit: ctx.units.codes[ds.rows[r] as number] as string,
        period: ctx.units.periods[ds.rows[r] as number] ?? null,
        availability,
        nonzero,
      });
  }
  const k = keep.length;
  // Nothing removed: the data set is passed on as it is (data sets are never modified).
  if (k === n) return { dataset: ds, log: { step: 'screen', removed }, issues };
  const values = new Float64Array(k * m);
  for (let c = 0; c < m; c++)
    for (let i = 0; i < k; i++) values[c * k + i] = src[c * n + (keep[i] as number)] as number;
  const rows = Int32Array.from(keep, (r) => ds.rows[r] as number);
  return { dataset: { rows, codes: ds.codes, values }, log: { step: 'screen', removed }, issues };
}
