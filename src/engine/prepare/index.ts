import type { AnswerRow, AnswerSet, RejectedAnswer } from '../../answers/types.js';
import { createIssue, type Issue } from '../../errors/issue.js';
import type { IssueCode } from '../../errors/messages.js';
import { classifyCell, dayNumber } from '../../rules/_lib/cell.js';
import { NOT_APPLICABLE, type RuleContext } from '../../rules/_lib/types.js';
import { foldedAnswerIndex, type Plan, resolveAnswerKey } from '../compile/index.js';

/** Options of {@link prepareAnswers}. */
export interface PrepareOptions {
  /**
   * Score with the answers in force on this date (`YYYY-MM-DD`) in every period. By default each
   * period uses its own reference date.
   */
  asOf?: string | undefined;
}

/** How every input record ended: `read = used + superseded + rejected`, always. */
export interface AnswerCounts {
  read: number;
  used: number;
  superseded: number;
  rejected: number;
}

/**
 * Answers checked against a plan and laid out for scoring: a grid of rows (one per unit and
 * period that has answers, period-major, units sorted) by answer slots, stored slot-major in
 * flat typed arrays so that re-scoring touches no per-answer objects.
 */
export interface PreparedAnswers {
  /** Units, sorted (code-point order). */
  readonly units: readonly string[];
  /** Indexes into `plan.periods` of the periods that have rows, in the framework's order. */
  readonly periods: readonly number[];
  /** The date answers were taken in force on, per entry of `periods`. */
  readonly asOf: readonly string[];
  /** Per row: its unit (index into `units`) and period (index into `periods`). */
  readonly rowUnit: Int32Array;
  readonly rowPeriod: Int32Array;
  /** Per slot and row (`slot * rows + row`): the parsed value; NaN no data, -Infinity not applicable. */
  readonly values: Float64Array;
  /** Per slot and row: index into `used`, or -1 when no answer is in force. */
  readonly answer: Int32Array;
  /** The answers in force, in slot-major grid order. */
  readonly used: readonly AnswerRow[];
  /** Rejected records: the reader's and those that do not fit the framework. */
  readonly rejected: readonly RejectedAnswer[];
  readonly counts: AnswerCounts;
  /** Every issue: file errors, the reader's warnings, rejections, duplicate warnings. */
  readonly issues: readonly Issue[];
  readonly files: readonly string[];
}

const USED = 0;
const SUPERSEDED = 1;
const REJECTED = 2;

/**
 * A rule context for a period (its reference date as text and as a day number).
 *
 * @example
 * ```ts
 * ruleContext({ min: 0, max: 100 }, '2019-04-30').referenceDay; //=> 18016
 * ```
 */
export function ruleContext(
  scale: { min: number; max: number },
  referenceDate: string,
): RuleContext {
  return { scale, referenceDate, referenceDay: dayNumber(referenceDate) ?? Number.NaN };
}

function locate(origin: AnswerRow['origin'], field: string) {
  const column = origin.columns[field];
  return {
    file: origin.file,
    line: origin.line,
    row: origin.row,
    field,
    ...(column === undefined ? {} : { column }),
  };
}

const where = (row: AnswerRow): string => `${row.origin.file}:${row.origin.line}`;

/**
 * Checks answer rows against a compiled framework and decides which answer is in force for each
 * unit, period and indicator:
 * 1. rows naming an unknown period or indicator, answering a composite indicator directly, or
 *    whose answer the rule cannot parse are rejected with a coded issue (file, row, column);
 * 2. a row not in force on the as-of date (`valid_from` after it, or `valid_to` before it; ISO
 *    dates compare as text) is superseded;
 * 3. of the rows in force for the same unit, period and indicator, the one with the latest
 *    `valid_from` is used and the others are superseded; rows tied on `valid_from` with the same
 *    parsed answer are identical duplicates (one used, the others superseded with a
 *    `SCORE_DUPLICATE_ANSWER` warning), with different answers they conflict (all rejected with
 *    `SCORE_CONFLICTING_ANSWERS`, and the cell has no data).
 * The reader's own rejections are carried over, so `read = used + superseded + rejected`. The
 * order of the input rows does not matter: ties are broken by file order, then row. Pure.
 *
 * @example
 * ```ts
 * const prepared = prepareAnswers(plan, answerSet, { asOf: '2019-04-30' });
 * prepared.counts; //=> { read: 10, used: 8, superseded: 1, rejected: 1 }
 * ```
 */
export function prepareAnswers(
  plan: Plan,
  answers: AnswerSet,
  options: PrepareOptions = {},
): { ok: true; value: PreparedAnswers } | { ok: false; issues: Issue[] } {
  if (options.asOf !== undefined && dayNumber(options.asOf) === undefined) {
    return { ok: false, issues: [createIssue('SCORE_INVALID_AS_OF', { value: options.asOf })] };
  }
  const rows = answers.rows;
  const n = rows.length;
  const issues: Issue[] = [...answers.errors, ...answers.warnings];
  const rejected: RejectedAnswer[] = [...answers.rejected];
  for (const r of answers.rejected) issues.push(r.issue);

  const periodIds = plan.periods.map((p) => p.id);
  const periodOf = new Map(periodIds.map((id, i) => [id, i]));
  const asOfByPeriod = plan.periods.map((p) => options.asOf ?? p.referenceDate);
  const ctxs = asOfByPeriod.map((d) => ruleContext(plan.scale, d));
  const fileOf = new Map(answers.files.map((f, i) => [f, i]));
  let folded: Map<string, number> | undefined;

  const status = new Uint8Array(n);
  const located = new Uint8Array(n);
  const rowUnitRaw = new Int32Array(n);
  const rowPeriod = new Int32Array(n);
  const rowSlot = new Int32Array(n);
  const rowValue = new Float64Array(n);
  const unitIndex = new Map<string, number>();
  const unitNames: string[] = [];
  const slotCache = new Map<string, number>();
  const unknownCache = new Map<string, ReturnType<typeof resolveAnswerKey>>();

  const reject = (
    i: number,
    code: IssueCode,
    params: Record<string, unknown>,
    field: string,
  ): void => {
    const row = rows[i] as AnswerRow;
    const issue = createIssue(code, params as never, locate(row.origin, field));
    status[i] = REJECTED;
    issues.push(issue);
    rejected.push({ origin: row.origin, issue, row });
  };

  let lastPeriod: string | undefined;
  let lastP: number | undefined;
  let lastUnit: string | undefined;
  let lastU: number | undefined;
  // Pass 1: resolve ids, parse answers, check validity dates.
  for (let i = 0; i < n; i++) {
    const row = rows[i] as AnswerRow;
    // Rows usually come grouped by unit and period: compare with the last one before hashing.
    const p = row.period === lastPeriod ? lastP : periodOf.get(row.period);
    if (p === undefined) {
      reject(i, 'SCORE_UNKNOWN_PERIOD', { period: row.period, periods: periodIds }, 'period');
      continue;
    }
    // The unit and period are known: the unit gets a row in this period even if the answer fails.
    lastPeriod = row.period;
    lastP = p;
    let u = row.unit === lastUnit ? lastU : unitIndex.get(row.unit);
    if (u === undefined) {
      u = unitNames.length;
      unitIndex.set(row.unit, u);
      unitNames.push(row.unit);
    }
    lastUnit = row.unit;
    lastU = u;
    rowUnitRaw[i] = u;
    rowPeriod[i] = p;
    located[i] = 1;
    let slot = slotCache.get(row.indicator);
    if (slot === undefined) {
      folded ??= foldedAnswerIndex(plan);
      // Unknown ids are looked up (and a suggestion computed) once, however many rows use them.
      const found =
        unknownCache.get(row.indicator) ?? resolveAnswerKey(plan, row.indicator, folded);
      if (found.slot === undefined) {
        unknownCache.set(row.indicator, found);
        reject(
          i,
          'SCORE_UNKNOWN_INDICATOR',
          { indicator: row.indicator, suggestion: found.suggestion },
          'indicator',
        );
        continue;
      }
      slot = found.slot;
      slotCache.set(row.indicator, slot);
    }
    if (slot < 0) {
      const node = plan.nodes[-slot - 1];
      const inputs = node?.ruleObject?.composite ? node.ruleObject.inputs : [];
      reject(i, 'SCORE_COMPOSITE_ANSWERED', { indicator: row.indicator, inputs }, 'indicator');
      continue;
    }
    rowSlot[i] = slot;
    const cell = row.answer;
    const kind = classifyCell(cell);
    if (kind === 'empty') rowValue[i] = Number.NaN;
    else if (kind === 'not-applicable') rowValue[i] = NOT_APPLICABLE;
    else {
      const rule = plan.nodes[plan.slots[slot] as number]?.ruleObject;
      if (!rule || rule.composite) continue;
      const parsed = rule.parse(cell as string | number | boolean, ctxs[p] as RuleContext);
      if (typeof parsed !== 'number') {
        reject(i, parsed.code, parsed.params, 'answer');
        continue;
      }
      rowValue[i] = parsed;
    }
    const asOf = asOfByPeriod[p] as string;
    if (
      (row.validFrom !== undefined && row.validFrom > asOf) ||
      (row.validTo !== undefined && row.validTo < asOf)
    ) {
      status[i] = SUPERSEDED;
    }
  }

  // The grid: units sorted, rows for every unit and period that has a readable row.
  const order = unitNames
    .map((_, i) => i)
    .sort((a, b) => {
      const x = unitNames[a] as string;
      const y = unitNames[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  const rank = new Int32Array(unitNames.length);
  order.forEach((u, k) => {
    rank[u] = k;
  });
  const units = order.map((u) => unitNames[u] as string);
  const U = units.length;
  const P = plan.periods.length;
  const gridOf = new Int32Array(U * P).fill(-1);
  const hasRow = new Uint8Array(U * P);
  for (let i = 0; i < n; i++) {
    if (located[i] === 0) continue;
    const u = rank[rowUnitRaw[i] as number] as number;
    hasRow[(rowPeriod[i] as number) * U + u] = 1;
  }
  const scoredPeriods: number[] = [];
  const rowUnitList: number[] = [];
  const rowPeriodList: number[] = [];
  for (let p = 0; p < P; p++) {
    let any = false;
    for (let u = 0; u < U; u++) {
      if (hasRow[p * U + u] === 0) continue;
      if (!any) {
        any = true;
        scoredPeriods.push(p);
      }
      gridOf[p * U + u] = rowUnitList.length;
      rowUnitList.push(u);
      rowPeriodList.push(scoredPeriods.length - 1);
    }
  }
  const R = rowUnitList.length;
  const S = plan.slots.length;

  // Pass 2: the answer in force per cell.
  const cellRow = new Int32Array(R * S).fill(-1);
  const ties = new Map<number, number[]>();
  const before = (a: number, b: number): boolean => {
    const oa = (rows[a] as AnswerRow).origin;
    const ob = (rows[b] as AnswerRow).origin;
    const fa = fileOf.get(oa.file) ?? 0;
    const fb = fileOf.get(ob.file) ?? 0;
    return fa !== fb ? fa < fb : oa.row < ob.row;
  };
  for (let i = 0; i < n; i++) {
    if (status[i] !== USED) continue;
    const g = gridOf[
      (rowPeriod[i] as number) * U + (rank[rowUnitRaw[i] as number] as number)
    ] as number;
    const cell = (rowSlot[i] as number) * R + g;
    const current = cellRow[cell] as number;
    if (current < 0) {
      cellRow[cell] = i;
      continue;
    }
    const fromNew = (rows[i] as AnswerRow).validFrom ?? '';
    const fromOld = (rows[current] as AnswerRow).validFrom ?? '';
    if (fromNew > fromOld) {
      status[current] = SUPERSEDED;
      for (const t of ties.get(cell) ?? []) status[t] = SUPERSEDED;
      ties.delete(cell);
      cellRow[cell] = i;
    } else if (fromNew < fromOld) {
      status[i] = SUPERSEDED;
    } else {
      const group = ties.get(cell);
      if (group) group.push(i);
      else ties.set(cell, [i]);
    }
  }
  for (const [cell, group] of ties) {
    const members = [cellRow[cell] as number, ...group].sort((a, b) => (before(a, b) ? -1 : 1));
    const first = members[0] as number;
    const v = rowValue[first] as number;
    const same = members.every((m) => Object.is(rowValue[m], v));
    const row0 = rows[first] as AnswerRow;
    const about = { unit: row0.unit, period: row0.period, indicator: row0.indicator };
    if (same) {
      cellRow[cell] = first;
      for (const m of members.slice(1)) {
        status[m] = SUPERSEDED;
        const issue = createIssue(
          'SCORE_DUPLICATE_ANSWER',
          { ...about, kept: where(row0) },
          {
            ...locate((rows[m] as AnswerRow).origin, 'answer'),
            severity: 'warning',
          },
        );
        issues.push(issue);
      }
    } else {
      cellRow[cell] = -1;
      for (const m of members) {
        const others = members.filter((o) => o !== m).map((o) => where(rows[o] as AnswerRow));
        reject(m, 'SCORE_CONFLICTING_ANSWERS', { ...about, others }, 'answer');
      }
    }
  }

  // Lay out the answers in force.
  const values = new Float64Array(R * S).fill(Number.NaN);
  const answer = new Int32Array(R * S).fill(-1);
  const used: AnswerRow[] = [];
  for (let cell = 0; cell < R * S; cell++) {
    const i = cellRow[cell] as number;
    if (i < 0) continue;
    values[cell] = rowValue[i] as number;
    answer[cell] = used.length;
    used.push(rows[i] as AnswerRow);
  }
  let superseded = 0;
  for (let i = 0; i < n; i++) if (status[i] === SUPERSEDED) superseded++;
  const counts: AnswerCounts = {
    read: answers.read,
    used: used.length,
    superseded,
    rejected: rejected.length,
  };
  return {
    ok: true,
    value: {
      units,
      periods: scoredPeriods,
      asOf: scoredPeriods.map((p) => asOfByPeriod[p] as string),
      rowUnit: Int32Array.from(rowUnitList),
      rowPeriod: Int32Array.from(rowPeriodList),
      values,
      answer,
      used,
      rejected,
      counts,
      issues,
      files: answers.files,
    },
  };
}
