import { createIssue, type Issue } from '../../errors/issue.js';
import { benefitOfTheDoubt, type ShareBounds } from './bod.js';
import { ampi, type MpiPolarity, mpi } from './mpi.js';

/** Aggregation methods that need every unit's children at once rather than one unit's. */
export const columnwiseMethods = ['bod', 'mpi', 'ampi'] as const;
/** One of {@link columnwiseMethods}. */
export type ColumnwiseMethod = (typeof columnwiseMethods)[number];

/** What {@link aggregateColumnwise} reads and writes for one aggregate. */
export interface ColumnwiseJob {
  method: ColumnwiseMethod;
  /** The flat column-major values of the step (read and written in place). */
  values: Float64Array;
  /** Rows per column. */
  n: number;
  /** Offset of the aggregate's column, and of each child's. */
  out: number;
  kids: readonly number[];
  children: readonly string[];
  weights: readonly number[];
  /** Row positions per period, in order of appearance (periods null when there are none). */
  periods: readonly { period: number | null; positions: Int32Array }[];
  /** Unit code of each row position (for messages). */
  unitOf: (position: number) => string;
  /** `bod`: share bounds by child code. */
  bounds?: Readonly<Record<string, ShareBounds>> | undefined;
  /** `mpi`, `ampi`: the index's polarity (default positive: the penalty is subtracted). */
  polarity?: MpiPolarity | undefined;
  /** `ampi`: reference values by child code (default: the child's mean in the first period). */
  references?: Readonly<Record<string, number>> | undefined;
}

/**
 * Aggregates one aggregate's column with a method that compares units: `bod` (benefit of the
 * doubt, one linear programme per unit and period, see `bod.ts`), `mpi` (standardised within
 * each period) and `ampi` (goalposts over every period, see `mpi.ts`). Writes the column of
 * `job.out` in place; returns the error that stopped it, if any (`bod` needs non-negative
 * values).
 *
 * @example
 * ```ts
 * aggregateColumnwise({ method: 'mpi', values, n, out, kids, children, weights, periods, unitOf });
 * ```
 */
export function aggregateColumnwise(job: ColumnwiseJob): Issue | undefined {
  const { values, out, kids } = job;
  const column = (k: number, positions: ArrayLike<number>) =>
    Float64Array.from(positions, (p) => values[k + p] as number);
  if (job.method === 'ampi') {
    const all = Int32Array.from({ length: job.n }, (_, i) => i);
    let base = job.periods[0];
    for (const g of job.periods)
      if (base && g.period !== null && base.period !== null && g.period < base.period) base = g;
    const cols = kids.map((k) => column(k, all));
    const refs = kids.map((k, j) => {
      const given = job.references?.[job.children[j] as string];
      if (given !== undefined) return given;
      let s = 0;
      let c = 0;
      for (const p of base?.positions ?? all) {
        const v = values[k + p] as number;
        if (Number.isNaN(v)) continue;
        s += v;
        c++;
      }
      return s / c;
    });
    const sc = ampi(cols, job.weights, refs, job.polarity);
    for (let p = 0; p < job.n; p++) values[out + p] = sc[p] as number;
    return undefined;
  }
  for (const { positions } of job.periods) {
    const cols = kids.map((k) => column(k, positions));
    let sc: Float64Array;
    if (job.method === 'bod') {
      for (let j = 0; j < cols.length; j++) {
        const col = cols[j] as Float64Array;
        for (let i = 0; i < col.length; i++) {
          const v = col[i] as number;
          if (v < 0)
            return createIssue(
              'COMPOSITE_NEGATIVE_VALUE',
              {
                method: 'bod',
                code: job.children[j] as string,
                unit: job.unitOf(positions[i] as number),
                value: v,
              },
              { path: ['method'] },
            );
        }
      }
      sc = benefitOfTheDoubt(
        cols,
        job.children.map((c) => job.bounds?.[c]),
      ).scores;
    } else {
      sc = mpi(cols, job.weights, job.polarity);
    }
    positions.forEach((p, i) => {
      values[out + p] = sc[i] as number;
    });
  }
  return undefined;
}
