import type { CompositeContext, StepResult } from '../_lib/step.js';
import type { Dataset } from '../data/types.js';

/** What `denominate` did: each divided indicator and the column it was divided by. */
export interface DenominateLog {
  step: 'denominate';
  divided: { code: string; denominator: string }[];
}

/** Options of {@link denominate}. */
export interface DenominateOptions {
  /** Overrides of iMeta's `Denominator` by indicator code; `''` leaves the indicator as is. */
  by?: Readonly<Record<string, string>> | undefined;
}

/**
 * Divides each indicator that names a denominator by that column of iData, row by row
 * (COINr's `Denominate` with its default `f_denom = "/"` and scale factor 1). A missing
 * denominator gives a missing value; a zero denominator gives an infinite one, as in R.
 *
 * @example
 * ```ts
 * const { dataset } = denominate(ctx, data.raw);
 * valueAt(ctx.units, dataset, 'AUS', 'Flights'); //=> 0.00147460747424159 (per thousand people)
 * ```
 */
export function denominate(
  ctx: CompositeContext,
  ds: Dataset,
  options: DenominateOptions = {},
): StepResult<DenominateLog> {
  const n = ds.rows.length;
  const values = ds.values.slice();
  const divided: DenominateLog['divided'] = [];
  const nodes = new Map(ctx.meta.nodes.map((m) => [m.code, m]));
  ds.codes.forEach((code, c) => {
    const denominator = options.by?.[code] ?? nodes.get(code)?.denominator;
    if (!denominator) return;
    const d = ctx.units.denominators[denominator];
    if (!d) return;
    for (let r = 0; r < n; r++) {
      values[c * n + r] = (values[c * n + r] as number) / (d[ds.rows[r] as number] as number);
    }
    divided.push({ code, denominator });
  });
  return {
    dataset: { rows: ds.rows, codes: ds.codes, values },
    log: { step: 'denominate', divided },
    issues: [],
  };
}
