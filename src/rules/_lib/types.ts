import type { IssueCode } from '../../errors/messages.js';

/**
 * What every rule sees when it runs: the framework's scale and the date the answers describe
 * (the period's reference date, or the `asOf` date of the run).
 */
export interface RuleContext {
  /** The framework's scale; every score lies in `[min, max]`. */
  readonly scale: { readonly min: number; readonly max: number };
  /** The reference date, `YYYY-MM-DD`. */
  readonly referenceDate: string;
  /** The reference date as a day number (days since 1970-01-01, calendar arithmetic, no time zone). */
  readonly referenceDay: number;
}

/**
 * An answer cell a rule parses: the trimmed text of a CSV cell, or a number or boolean from JSON.
 * Empty cells (no data) and `n/a` (not applicable) never reach a rule: the engine handles them.
 */
export type Cell = string | number | boolean;

/** Why a cell could not be parsed: an issue code of the scoring catalogue and its parameters. */
export interface RuleProblem {
  readonly code: IssueCode;
  readonly params: Record<string, unknown>;
}

/**
 * The outcome of `parse`: a number (the parsed value, whose meaning the rule defines: an option
 * index, a bit set of options, a number, a day number) or a {@link RuleProblem}.
 */
export type ParseOutcome = number | RuleProblem;

/** The score a rule gives when the answer says the indicator does not apply (an `n/a` option). */
export const NOT_APPLICABLE = Number.NEGATIVE_INFINITY;
/** The score a rule gives when there is nothing to score (no data). */
export const NO_DATA = Number.NaN;
/** The score a combining rule gives when its inputs match none of its cases (a table row). */
export const NO_MATCH = Number.POSITIVE_INFINITY;

/**
 * A rule that reads one answer cell (allowed on sub-questions): `parse` turns the cell into a
 * number once, when answers are prepared; `run` turns that number into a score, as often as the
 * engine re-scores. `run` returns a finite score, {@link NOT_APPLICABLE} or {@link NO_DATA}.
 */
export interface LeafRuleObject {
  readonly kind: string;
  readonly composite: false;
  /** False when `run` yields a raw value to report rather than a score (`numeric` without goalposts). */
  readonly scores: boolean;
  parse(cell: Cell, ctx: RuleContext): ParseOutcome;
  run(value: number, ctx: RuleContext): number;
  /** The option code(s) and label(s) a parsed value stands for, for explanations. */
  describe(value: number): string | undefined;
  /**
   * When the parsed value is an index and the score depends on nothing else (`choice`), the
   * score of each index: the engine reads it instead of calling `run`, in its hot loop.
   */
  readonly lookup?: Float64Array;
}

/**
 * A rule that combines other scores (sub-questions or indicators) named by `inputs`. `run`
 * receives their scores in that order ({@link NOT_APPLICABLE} and {@link NO_DATA} included) and
 * returns a score, {@link NOT_APPLICABLE}, {@link NO_DATA} or {@link NO_MATCH}.
 */
export interface CompositeRuleObject {
  readonly kind: string;
  readonly composite: true;
  readonly scores: true;
  /** The ids whose scores the rule combines: sub-question ids or indicator ids. */
  readonly inputs: readonly string[];
  /** Weights of the inputs, where the rule uses them. */
  readonly weights?: readonly number[];
  run(inputs: ArrayLike<number>, ctx: RuleContext): number;
}

/** A rule object, as the registry builds it from a framework's rule. */
export type RuleObject = LeafRuleObject | CompositeRuleObject;
