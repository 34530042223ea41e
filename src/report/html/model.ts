import type { ProgressLine } from '../../round/progress/index.js';

/**
 * The report model: everything the HTML report shows, already resolved to one language and
 * one period, with scores at full precision. `buildReportModel` derives it from a score result
 * and a framework; `renderReportModel` turns it into HTML. Keeping the two apart lets the
 * renderer be tested with hand-written models, and lets other front ends reuse the model.
 */

/**
 * A labelled thing: a unit, a dimension, a stage.
 *
 * @example
 * ```ts
 * const unit: ReportLabel = { id: 'XA', label: 'XA' };
 * ```
 */
export interface ReportLabel {
  id: string;
  label: string;
}

/**
 * Counts of a node's indicators by answer state (the engine's coverage).
 *
 * @example
 * ```ts
 * const c: ReportCoverage = { answered: 140, notApplicable: 2, missing: 1, expected: 143 };
 * ```
 */
export interface ReportCoverage {
  answered: number;
  notApplicable: number;
  missing: number;
  expected: number;
}

/**
 * One unit's line in the ranking.
 *
 * @example
 * ```ts
 * buildReportModel(view, framework).units[0]; //=> { id: 'XB', overall: 70.5, rank: 1, dimensions: [...], stages: [...] }
 * ```
 */
export interface ReportUnitSummary extends ReportLabel {
  overall: number | null;
  rank: number | null;
  coverage: ReportCoverage | null;
  /** Overall score and rank in the comparison period, when there is one. */
  previous?: { overall: number | null; rank: number | null };
  /** Dimension scores, in the order of `ReportModel.dimensions`. */
  dimensions: (number | null)[];
  /** Stage scores, in the order of `ReportModel.stages`. */
  stages: (number | null)[];
  /** Dimension scores in the comparison period, same order. */
  previousDimensions?: (number | null)[];
  /**
   * With group summaries (issue 17): the unit's group, the group's mean overall and per
   * dimension (same order as `ReportModel.dimensions`), and the unit's rank within the group.
   */
  group?: {
    id: string;
    label: string;
    overall: number | null;
    rank: number | null;
    dimensions: (number | null)[];
  };
}

/**
 * One answer behind a score, with the evidence the expert gave.
 *
 * @example
 * ```ts
 * const e: ReportEvidence = { indicator: 'res_lf_fees', title: 'Permit fees', dimension: 'Residency', answer: 'a', score: 100, source: 'Fees Act § 2' };
 * ```
 */
export interface ReportEvidence {
  indicator: string;
  title: string;
  dimension: string;
  answer: string;
  /** The option's label, when the answer picked one. */
  option?: string;
  score: number | null;
  source?: string;
  comment?: string;
  /** Present in the comparison: the previous answer, when it differs. */
  previousAnswer?: string;
  /** Who answered, the review state, who reviewed and when, where the answers say. */
  expert?: string;
  status?: string;
  reviewer?: string;
  reviewedOn?: string;
}

/**
 * A coverage warning: a node with missing answers, or an aggregate left empty.
 *
 * @example
 * ```ts
 * const w: ReportCoverageWarning = { unit: 'XC', node: 'Housing', reason: 'answers missing', coverage: null };
 * ```
 */
export interface ReportCoverageWarning {
  unit: string;
  node: string;
  /** The engine's coded reason, or a short description. */
  reason: string;
  coverage: ReportCoverage | null;
}

/**
 * A row of the methodology section's rule table.
 *
 * @example
 * ```ts
 * const use: ReportRuleUse = { kind: 'choice', indicators: 155 };
 * ```
 */
export interface ReportRuleUse {
  kind: string;
  indicators: number;
}

/**
 * The methodology section, generated from the framework.
 *
 * @example
 * ```ts
 * buildReportModel(view, framework).methodology.rules; //=> [{ kind: 'choice', indicators: 155 }, ...]
 * ```
 */
export interface ReportMethodology {
  framework: { id: string; title: string; edition: string; version: string };
  scale: { min: number; max: number };
  levels: ReportLabel[];
  stages: (ReportLabel & { description?: string })[];
  /** Each scored aggregate at the report's dimension level, with its indicator count. */
  dimensions: (ReportLabel & { indicators: number; parent?: string })[];
  rules: ReportRuleUse[];
  /** Free-form facts, each a term and its definition (aggregation, policies, rounding...). */
  facts: { term: string; definition: string }[];
}

/**
 * Everything the HTML report shows.
 *
 * @example
 * ```ts
 * const html = renderReportModel(buildReportModel(view, framework, { lang: 'bg' }));
 * ```
 */
export interface ReportModel {
  /** BCP 47 tag of the report's language. */
  lang: string;
  /** Text direction of that language. */
  dir: 'ltr' | 'rtl';
  title: string;
  subtitle: string;
  period: ReportLabel & { referenceDate?: string };
  previousPeriod?: ReportLabel & { referenceDate?: string };
  scale: { min: number; max: number };
  decimals: number;
  /** Changes within ± this count as held. */
  tolerance: number;
  dimensions: ReportLabel[];
  stages: ReportLabel[];
  /** Units in ranking order (best first; units without a score last). */
  units: ReportUnitSummary[];
  /** Evidence per unit id. */
  evidence: Record<string, ReportEvidence[]>;
  coverageWarnings: ReportCoverageWarning[];
  /** Answer rows the run rejected, each as `file:line:col: error CODE: message`. */
  rejected: string[];
  /** Notes about the report itself (texts that fell back to another language...). */
  notes: string[];
  methodology: ReportMethodology;
  /**
   * The progress board of the report's period (issue 16): per unit and dimension, questions
   * answered, not applicable, without data, in disagreement, without a source, awaiting review.
   */
  progress?: ReportProgress;
  /** When the report covers one group's members only, ranked among themselves (issue 17). */
  rankingGroup?: ReportLabel;
}

/**
 * The progress section of a report: the board's lines for one period and its open count.
 *
 * @example
 * ```ts
 * const p: ReportProgress = { lines: progressOf(result).lines, open: 0, rejected: 0 };
 * ```
 */
export interface ReportProgress {
  lines: ProgressLine[];
  open: number;
  rejected: number;
}
