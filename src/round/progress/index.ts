/**
 * The progress board of a round: per unit, period and dimension, how many questions are
 * answered, not applicable, without data, in disagreement between experts, without a source,
 * and awaiting review, read off a score result, so that the CLI and the HTML report show the
 * same counts.
 */
import { statusRank } from '../../answers/read/_lib/fields.js';
import type { NodeResult, ScoreResult } from '../../engine/result/schema.js';
import {
  groupedResultProblem,
  invalidArgument,
  isRecord,
  RESULT_EXPECTED,
  throwIfAny,
} from '../../errors/args.js';

/**
 * Counts of questions by state. `open` is what still needs work before publication.
 *
 * @example
 * ```ts
 * progressOf(result).totals.open; //=> 13
 * ```
 */
export interface ProgressCounts {
  /** Questions that take an answer (indicators, and sub-questions in place of their indicator). */
  questions: number;
  /** Answered with a value (not n/a). */
  answered: number;
  notApplicable: number;
  /** No answer in force, an empty answer, or an answer rejected as invalid. */
  noData: number;
  /** Experts disagree in score and no reviewer has settled it. */
  disagreement: number;
  /** Answered without a source. */
  withoutSource: number;
  /** Answered without a source although the framework requires one (`evidence: required`). */
  evidenceMissing: number;
  /** Answers in force whose status is below `reviewed` (no status counts as `submitted`). */
  awaitingReview: number;
  /** `noData + disagreement + evidenceMissing + awaitingReview`. */
  open: number;
}

/**
 * One line of the board: a unit, period and dimension.
 *
 * @example
 * ```ts
 * progressOf(result).lines[0]; //=> { unit: 'XA', period: '2019', dimension: 'reception', questions: 9, ... }
 * ```
 */
export interface ProgressLine extends ProgressCounts {
  unit: string;
  period: string;
  /** The dimension's id, or '' for questions outside any dimension. */
  dimension: string;
  title: string;
}

/**
 * What {@link progressOf} gives.
 *
 * @example
 * ```ts
 * progressOf(result).isOpen; //=> false on a complete, reviewed round
 * ```
 */
export interface ProgressBoard {
  lines: ProgressLine[];
  /** Sums over every line. */
  totals: ProgressCounts;
  /** Answer rows rejected for reasons other than a disagreement (bad values, unknown ids). */
  rejected: number;
  /** Whether anything is open: a count in `totals.open`, or a rejected row. */
  isOpen: boolean;
}

const zero = (): ProgressCounts => ({
  questions: 0,
  answered: 0,
  notApplicable: 0,
  noData: 0,
  disagreement: 0,
  withoutSource: 0,
  evidenceMissing: 0,
  awaitingReview: 0,
  open: 0,
});

/** The questions of a result: leaves that read an answer (not combining or formula indicators). */
function questionNodes(result: ScoreResult): NodeResult[] {
  return result.nodes.filter(
    (n) =>
      (n.kind === 'indicator' || n.kind === 'subquestion') &&
      n.rule !== null &&
      n.rule.inputs === undefined,
  );
}

/**
 * The progress board of a scored round. A question is in disagreement when its answers were
 * rejected as `SCORE_CONFLICTING_ANSWERS` (experts differ in score, unsettled); without data
 * when no answer is in force or the answer is empty; awaiting review when the answer in force
 * is a `draft` or `submitted` (no status counts as `submitted`); missing evidence when the
 * result carries an `EVIDENCE_MISSING` warning for it. Pure.
 *
 * @example
 * ```ts
 * const board = progressOf(score(framework, answers));
 * board.totals; //=> { questions: 182, answered: 170, notApplicable: 1, noData: 3, ..., open: 12 }
 * board.isOpen; //=> true
 * ```
 */
export function progressOf(result: ScoreResult): ProgressBoard {
  throwIfAny(
    groupedResultProblem('progressOf', 'result', result) ??
      (isRecord(result.answers) &&
      Array.isArray(result.answers.answer) &&
      isRecord(result.answers.source) &&
      isRecord(result.counts) &&
      Array.isArray(result.issues)
        ? undefined
        : invalidArgument('progressOf', 'result', RESULT_EXPECTED, result)),
  );
  const byId = new Map(result.nodes.map((n) => [n.id, n]));
  const dimensionOf = (n: NodeResult): NodeResult | undefined => {
    const seen = new Set<string>();
    for (let p = n.parent; p !== null && !seen.has(p); ) {
      seen.add(p);
      const up = byId.get(p);
      if (!up) return undefined;
      if (up.kind === 'dimension') return up;
      p = up.parent;
    }
    return undefined;
  };
  const key = (unit: string, period: string, question: string) =>
    `${unit}\u0000${period}\u0000${question}`;
  const conflicts = new Set<string>();
  const evidence = new Set<string>();
  let conflictRows = 0;
  for (const issue of result.issues) {
    const p = issue.params ?? {};
    if (issue.code === 'SCORE_CONFLICTING_ANSWERS') {
      conflictRows++;
      conflicts.add(key(String(p.unit), String(p.period), String(p.question ?? p.indicator)));
    } else if (issue.code === 'EVIDENCE_MISSING') {
      evidence.add(key(String(p.unit), String(p.period), String(p.indicator)));
    }
  }
  const questions = questionNodes(result);
  const lines = new Map<string, ProgressLine>();
  const R = result.rows.unit.length;
  for (const q of questions) {
    const dim = dimensionOf(q);
    for (let r = 0; r < R; r++) {
      const unit = result.units[result.rows.unit[r] as number] as string;
      const period = result.periods[result.rows.period[r] as number]?.id as string;
      const lineKey = `${unit}\u0000${period}\u0000${dim?.id ?? ''}`;
      let line = lines.get(lineKey);
      if (!line) {
        line = { unit, period, dimension: dim?.id ?? '', title: dim?.title ?? '', ...zero() };
        lines.set(lineKey, line);
      }
      line.questions++;
      const k = key(unit, period, q.id);
      if (conflicts.has(k)) {
        line.disagreement++;
        continue;
      }
      const a = q.answer?.[r] ?? null;
      const value = a === null ? null : result.answers.answer[a];
      if (a === null || value === null || value === undefined) {
        line.noData++;
        continue;
      }
      if (statusRank(result.answers.status?.[a]) < statusRank('reviewed')) line.awaitingReview++;
      if (q.reason[r] === 'not-applicable') {
        line.notApplicable++;
        continue;
      }
      line.answered++;
      if (!result.answers.source[a]) line.withoutSource++;
      if (evidence.has(k)) line.evidenceMissing++;
    }
  }
  const totals = zero();
  const out = [...lines.values()];
  for (const line of out) {
    line.open = line.noData + line.disagreement + line.evidenceMissing + line.awaitingReview;
    for (const f of Object.keys(totals) as (keyof ProgressCounts)[]) totals[f] += line[f];
  }
  const rejected = Math.max(0, result.counts.rejected - conflictRows);
  return { lines: out, totals, rejected, isOpen: totals.open > 0 || rejected > 0 };
}

/**
 * Columns of {@link progressRows}.
 *
 * @example
 * ```ts
 * progressColumns.at(-1); //=> 'open'
 * ```
 */
export const progressColumns = [
  'unit',
  'period',
  'dimension',
  'questions',
  'answered',
  'not_applicable',
  'no_data',
  'disagreement',
  'without_source',
  'evidence_missing',
  'awaiting_review',
  'open',
] as const;

/**
 * The board as a table (header plus one row per unit, period and dimension), for CSV or a
 * spreadsheet.
 *
 * @example
 * ```ts
 * progressRows(progressOf(result)).header[2]; //=> 'dimension'
 * ```
 */
export function progressRows(board: ProgressBoard): {
  header: string[];
  rows: (string | number)[][];
} {
  throwIfAny(
    isRecord(board) && Array.isArray(board.lines) && board.lines.every(isRecord)
      ? undefined
      : invalidArgument(
          'progressRows',
          'board',
          'a progress board from progressOf ({ lines, totals, ... })',
          board,
        ),
  );
  return {
    header: [...progressColumns],
    rows: board.lines.map((l) => [
      l.unit,
      l.period,
      l.dimension,
      l.questions,
      l.answered,
      l.notApplicable,
      l.noData,
      l.disagreement,
      l.withoutSource,
      l.evidenceMissing,
      l.awaitingReview,
      l.open,
    ]),
  };
}
