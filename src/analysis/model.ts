/**
 * The contract between the analyses and the models they re-run. A model is compiled once
 * (the composite pipeline of `src/composite/`, or the questionnaire engine of `src/engine/`)
 * and then re-evaluated for many {@link Variant}s of its assumptions, returning one score per
 * unit as a flat array.
 *
 * ```
 *   spec (YAML) ──check──▶ factors ──design (seed, run)──▶ variant ──model.evaluate──▶ scores
 *                                                                   (one Float64Array per run)
 * ```
 */
import type { Issue } from '../errors/issue.js';
import type { AggregationMethod } from '../framework/schema/common.js';

/**
 * The steps an assumption may vary. `missing` is the questionnaire's missing-data policy.
 *
 * @example
 * ```ts
 * const step: ModelStep = 'normalise';
 * ```
 */
export type ModelStep = 'impute' | 'treat' | 'normalise' | 'aggregate' | 'missing';

/**
 * One indicator or aggregate of the model, with its nominal weight among its siblings.
 *
 * @example
 * ```ts
 * const c: ModelComponent = { code: 'Physical', level: 2, parent: 'Conn', weight: 1 };
 * ```
 */
export interface ModelComponent {
  readonly code: string;
  /** 1 for indicators, then one more per aggregation level (COINr's numbering). */
  readonly level: number;
  readonly parent?: string;
  readonly weight: number;
}

/**
 * A level of the model's tree: its number (1 = indicators) and, when it has one, its name.
 *
 * @example
 * ```ts
 * const l: ModelLevel = { number: 3, id: 'dimension', codes: ['residency', 'housing'] };
 * ```
 */
export interface ModelLevel {
  readonly number: number;
  readonly id?: string;
  readonly codes: readonly string[];
}

/**
 * What a model offers to vary: its units, steps, levels and components. The analyses check
 * every assumption against it before anything runs.
 *
 * @example
 * ```ts
 * const d: ModelDescription = {
 *   kind: 'composite', units: ['AUT', 'BEL'], steps: ['treat', 'normalise', 'aggregate'],
 *   levels: [{ number: 1, codes: ['x1', 'x2'] }, { number: 2, codes: ['Index'] }],
 *   components: [{ code: 'x1', level: 1, parent: 'Index', weight: 1 }, ...],
 *   target: 'Index', targets: ['Index'],
 * };
 * ```
 */
export interface ModelDescription {
  readonly kind: string;
  /** The units scored, in the order of every score array the model returns. */
  readonly units: readonly string[];
  readonly steps: readonly ModelStep[];
  readonly levels: readonly ModelLevel[];
  readonly components: readonly ModelComponent[];
  /** The default target: the top of the tree (COINr's `Index`, a framework's overall score). */
  readonly target: string;
  /** Every code whose scores can be analysed. */
  readonly targets: readonly string[];
}

/**
 * The aggregation method one variant uses, and on which levels (all aggregates by default).
 *
 * @example
 * ```ts
 * const a: AggregationChoice = { method: 'genmean', p: 2, levels: [2] };
 * ```
 */
export interface AggregationChoice {
  readonly method: AggregationMethod;
  readonly p?: number;
  /** Level numbers (2 and up); all aggregation levels when absent. */
  readonly levels?: readonly number[];
}

/**
 * The missing-data policy one variant uses (questionnaire models).
 *
 * @example
 * ```ts
 * const m: MissingChoice = { noData: 'zero' };
 * ```
 */
export interface MissingChoice {
  readonly noData?: 'exclude' | 'zero' | 'fail';
  readonly notApplicable?: 'exclude' | 'zero' | 'max';
}

/**
 * One combination of assumptions: everything left out keeps the model's nominal setting.
 *
 * @example
 * ```ts
 * const v: Variant = { winmax: 3, aggregation: { method: 'gmean' }, exclude: ['Flights'] };
 * ```
 */
export interface Variant {
  /** Weights by component code; components not listed keep their nominal weight. */
  readonly weights?: ReadonlyMap<string, number>;
  readonly aggregation?: AggregationChoice;
  /** Options of the normalise step, in the pipeline's own format (checked by the model). */
  readonly normalisation?: Readonly<Record<string, unknown>>;
  readonly winmax?: number;
  /** Options of the impute step, in the pipeline's own format (checked by the model). */
  readonly imputation?: Readonly<Record<string, unknown>>;
  readonly missing?: MissingChoice;
  /** Components left out (their weight set to zero, as COINr's `remove_elements`). */
  readonly exclude?: readonly string[];
}

/**
 * A compiled model the analyses can re-run. `evaluate` must be pure and deterministic: the
 * same variant always gives the same scores (it may memoise internally).
 *
 * @example
 * ```ts
 * const scores = model.evaluate({ winmax: 2 }, 'Index'); // Float64Array, one per unit
 * ```
 */
export interface AnalysisModel {
  readonly description: ModelDescription;
  /**
   * Checks options that an assumption passes to a step (`impute`, `normalise`, or `aggregate`
   * with `{ method, p }`) against the model's own schema; returns the problems as text, empty
   * when the options are valid.
   */
  checkStepOptions(step: 'impute' | 'normalise' | 'aggregate', options: unknown): string[];
  /** The target's score for every unit (NaN when a unit has none) under `variant`. */
  evaluate(variant: Variant, target: string): Float64Array;
}

/**
 * Issues or a value: what the analysis entry points return before throwing.
 *
 * @example
 * ```ts
 * const c: Checked<number> = { ok: true, value: 1 };
 * ```
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };
