import { type AnswerStatus, answerStatuses, statusRank } from '../../answers/read/_lib/fields.js';
import { AnswerTable } from '../../answers/read/_lib/table.js';
import type { AnswerTableSet } from '../../answers/read/index.js';
import type { AnswerOrigin, AnswerSet, RejectedAnswer } from '../../answers/types.js';
import {
  answersProblem,
  firstProblem,
  invalidArgument,
  optionsProblem,
  planProblem,
} from '../../errors/args.js';
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
  /**
   * Score only answers at or above this review state (`draft` < `submitted` < `reviewed` <
   * `final`; an answer without a status counts as `submitted`). The others are superseded and
   * counted in a `SCORE_STATUS_EXCLUDED` warning. Default: every answer.
   */
  status?: AnswerStatus | undefined;
}

/**
 * A cell (unit, period, answer slot) that experts answered differently: rows in force at the same
 * time whose scores differ (identical scores are agreement). Settled when a `status: final` row
 * (or several final rows with one score) decides it; else every member is rejected with
 * `SCORE_CONFLICTING_ANSWERS`.
 *
 * @example
 * ```ts
 * prepared.disagreements[0]?.settledBy; //=> -1 while open
 * ```
 */
export interface Disagreement {
  /** The answer slot and the grid row (index into `rowUnit`). */
  slot: number;
  row: number;
  /** The rows of the table that take part, in file and row order. */
  members: number[];
  /** Per member: the parsed value, as `values` holds it. */
  values: number[];
  /** Per member: its score under the indicator's rule (the value for rules that do not score). */
  scores: number[];
  /** The table row used when settled by a final answer; -1 when unsettled. */
  settledBy: number;
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
  /** The rows read, column-wise (`table.rowAt(i)` gives one back as an `AnswerRow`). */
  readonly table: AnswerTable;
  /** The answers in force, in slot-major grid order: indexes into `table`. */
  readonly used: Int32Array;
  /** Rejected records: the reader's and those that do not fit the framework. */
  readonly rejected: readonly RejectedAnswer[];
  readonly counts: AnswerCounts;
  /** Every issue: file errors, the reader's warnings, rejections, duplicate warnings. */
  readonly issues: readonly Issue[];
  readonly files: readonly string[];
  /** Cells where experts disagree in score, settled or not (see {@link Disagreement}). */
  readonly disagreements: readonly Disagreement[];
  /** Rows left out because their review state is below `options.status`. */
  readonly belowStatus: number;
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

/** `file:line` of table row `i`, as duplicate and conflict messages cite it. */
function where(table: AnswerTable, i: number): string {
  return `${table.files[table.file[i] as number]}:${table.line[i]}`;
}

function locate(origin: AnswerOrigin, field: string) {
  const column = origin.columns[field];
  return {
    file: origin.file,
    line: origin.line,
    row: origin.row,
    field,
    ...(column === undefined ? {} : { column }),
  };
}

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
  const bad = firstProblem(
    planProblem('prepareAnswers', 'plan', plan),
    answersProblem('prepareAnswers', 'answers', answers) ??
      (Array.isArray(answers.rows)
        ? undefined
        : invalidArgument(
            'prepareAnswers',
            'answers',
            'an answer set with rows (from readAnswers; prepareTable takes readAnswerTable’s)',
            answers,
          )),
    optionsProblem('prepareAnswers', 'options', options, prepareOptionFields),
  );
  if (bad) return { ok: false, issues: [bad] };
  const { rows, ...rest } = answers;
  return prepareTable(plan, { ...rest, table: AnswerTable.fromRows(rows) }, options);
}

/**
 * {@link prepareAnswers} on answers read column-wise by `readAnswerTable`: the same checks,
 * decisions, counts and issues, without an object per row (the fast path of `scoreFiles`).
 *
 * ```text
 *  AnswerTableSet ──classifyRows──▶ RowState   (ids resolved, answers parsed, rejections,
 *                                                validity dates against asOf)
 *                 ──layOutGrid────▶ Grid       (units sorted, one row per unit and period
 *                                                that has a readable answer)
 *                 ──settleCells───▶ cell rows  (latest valid_from wins; identical ties
 *                                                superseded with a warning, conflicts rejected)
 *                 ──fillSlots─────▶ PreparedAnswers (values, answer index, counts)
 * ```
 *
 * @example
 * ```ts
 * const prepared = prepareTable(plan, readAnswerTable(files), { asOf: '2019-04-30' });
 * prepared.ok && prepared.value.counts; //=> { read: 10, used: 8, superseded: 1, rejected: 1 }
 * ```
 */
export function prepareTable(
  plan: Plan,
  answers: AnswerTableSet,
  options: PrepareOptions = {},
): { ok: true; value: PreparedAnswers } | { ok: false; issues: Issue[] } {
  const bad = firstProblem(
    planProblem('prepareTable', 'plan', plan),
    answersProblem('prepareTable', 'answers', answers) ??
      ('table' in answers
        ? undefined
        : invalidArgument(
            'prepareTable',
            'answers',
            'an answer set with a table (from readAnswerTable; prepareAnswers takes readAnswers’s)',
            answers,
          )),
    optionsProblem('prepareTable', 'options', options, prepareOptionFields),
  );
  if (bad) return { ok: false, issues: [bad] };
  if (options.asOf !== undefined && dayNumber(options.asOf) === undefined) {
    return { ok: false, issues: [createIssue('SCORE_INVALID_AS_OF', { value: options.asOf })] };
  }
  if (options.status !== undefined && !answerStatuses.includes(options.status)) {
    return {
      ok: false,
      issues: [createIssue('SCORE_INVALID_STATUS', { value: String(options.status) })],
    };
  }
  const rows = classifyRows(plan, answers, options);
  const grid = layOutGrid(plan, rows);
  const settled = settleCells(plan, answers, rows, grid);
  return { ok: true, value: fillSlots(plan, answers, rows, grid, settled) };
}

/** Per input row of the table: what {@link classifyRows} found, and the issues so far. */
interface RowState {
  readonly table: AnswerTable;
  /** USED, SUPERSEDED or REJECTED. */
  readonly status: Uint8Array;
  /** 1 when the row's unit and period are known (it gets a grid row even if rejected). */
  readonly located: Uint8Array;
  /** Unit index in order of first appearance (into `unitNames`). */
  readonly rowUnitRaw: Int32Array;
  readonly rowPeriod: Int32Array;
  readonly rowSlot: Int32Array;
  /** The parsed answer: NaN no data, -Infinity not applicable. */
  readonly rowValue: Float64Array;
  readonly unitNames: string[];
  readonly asOfByPeriod: readonly string[];
  /** The rule context of each framework period (scale and as-of date). */
  readonly ctxs: readonly RuleContext[];
  readonly issues: Issue[];
  readonly rejected: RejectedAnswer[];
  /** Rows in force left out because their review state is below `options.status`. */
  belowStatus: number;
}

/** Rejects table row `i` with a coded issue located at `field`. */
function reject(
  s: RowState,
  i: number,
  code: IssueCode,
  params: Record<string, unknown>,
  field: string,
): void {
  const row = s.table.rowAt(i);
  const issue = createIssue(code, params as never, locate(row.origin, field));
  s.status[i] = REJECTED;
  s.issues.push(issue);
  s.rejected.push({ origin: row.origin, issue, row });
}

/**
 * Step 1 of {@link prepareTable}: resolves each row's period, unit and answer slot, parses its
 * answer with the slot's rule, rejects what does not fit (unknown period or indicator, a
 * composite answered directly, an answer the rule cannot parse) and supersedes rows not in
 * force on the as-of date. Dictionary ids are looked up once, however many rows share them.
 */
function classifyRows(plan: Plan, answers: AnswerTableSet, options: PrepareOptions): RowState {
  const table = answers.table;
  const n = table.length;
  const dict = table.values;
  const periodIds = plan.periods.map((p) => p.id);
  const periodOf = new Map(periodIds.map((id, i) => [id, i]));
  const asOfByPeriod = plan.periods.map((p) => options.asOf ?? p.referenceDate);
  const ctxs = asOfByPeriod.map((d) => ruleContext(plan.scale, d));
  const s: RowState = {
    table,
    status: new Uint8Array(n),
    located: new Uint8Array(n),
    rowUnitRaw: new Int32Array(n),
    rowPeriod: new Int32Array(n),
    rowSlot: new Int32Array(n),
    rowValue: new Float64Array(n),
    unitNames: [],
    asOfByPeriod,
    ctxs,
    issues: [...answers.errors, ...answers.warnings],
    rejected: [...answers.rejected],
    belowStatus: 0,
  };
  for (const r of answers.rejected) s.issues.push(r.issue);
  const { status, located, rowUnitRaw, rowPeriod, rowSlot, rowValue, unitNames } = s;
  let folded: Map<string, number> | undefined;
  // Per dictionary id: its period (-1 not looked up, -2 unknown), unit, slot, answer kind.
  const D = dict.length;
  const periodOfId = new Int32Array(D).fill(-1);
  const unitOfId = new Int32Array(D).fill(-1);
  const slotOfId = new Int32Array(D);
  const slotKnown = new Uint8Array(D); // 0 not looked up, 1 a slot, 2 unknown
  const kindOfId = new Uint8Array(D); // 0 not classified, 1 empty, 2 not applicable, 3 value
  const unknownOfId = new Map<number, string | undefined>();
  const validFrom = table.validFrom;
  const validTo = table.validTo;
  const dated = validFrom.size > 0 || validTo.size > 0;
  const minRank = options.status === undefined ? 0 : statusRank(options.status);
  for (let i = 0; i < n; i++) {
    const periodId = table.period[i] as number;
    let p = periodOfId[periodId] as number;
    if (p === -1) {
      p = periodOf.get(dict[periodId] as string) ?? -2;
      periodOfId[periodId] = p;
    }
    if (p === -2) {
      const period = dict[periodId] as string;
      reject(s, i, 'SCORE_UNKNOWN_PERIOD', { period, periods: periodIds }, 'period');
      continue;
    }
    // The unit and period are known: the unit gets a row in this period even if the answer fails.
    const unitId = table.unit[i] as number;
    let u = unitOfId[unitId] as number;
    if (u === -1) {
      u = unitNames.length;
      unitOfId[unitId] = u;
      unitNames.push(dict[unitId] as string);
    }
    rowUnitRaw[i] = u;
    rowPeriod[i] = p;
    located[i] = 1;
    const indicatorId = table.indicator[i] as number;
    if (slotKnown[indicatorId] === 0) {
      folded ??= foldedAnswerIndex(plan);
      // Unknown ids are looked up (and a suggestion computed) once, however many rows use them.
      const found = resolveAnswerKey(plan, dict[indicatorId] as string, folded);
      if (found.slot === undefined) {
        slotKnown[indicatorId] = 2;
        unknownOfId.set(indicatorId, found.suggestion);
      } else {
        slotKnown[indicatorId] = 1;
        slotOfId[indicatorId] = found.slot;
      }
    }
    if (slotKnown[indicatorId] === 2) {
      reject(
        s,
        i,
        'SCORE_UNKNOWN_INDICATOR',
        { indicator: dict[indicatorId] as string, suggestion: unknownOfId.get(indicatorId) },
        'indicator',
      );
      continue;
    }
    const slot = slotOfId[indicatorId] as number;
    if (slot < 0) {
      const node = plan.nodes[-slot - 1];
      const inputs = node?.ruleObject?.composite ? node.ruleObject.inputs : [];
      reject(
        s,
        i,
        'SCORE_COMPOSITE_ANSWERED',
        { indicator: dict[indicatorId] as string, inputs },
        'indicator',
      );
      continue;
    }
    rowSlot[i] = slot;
    const answerId = table.answer[i] as number;
    let kind = answerId < 0 ? 1 : (kindOfId[answerId] as number);
    if (kind === 0) {
      const k = classifyCell(dict[answerId]);
      kind = k === 'empty' ? 1 : k === 'not-applicable' ? 2 : 3;
      kindOfId[answerId] = kind;
    }
    if (kind === 1) rowValue[i] = Number.NaN;
    else if (kind === 2) rowValue[i] = NOT_APPLICABLE;
    else {
      const rule = plan.nodes[plan.slots[slot] as number]?.ruleObject;
      if (!rule || rule.composite) continue;
      const parsed = rule.parse(
        dict[answerId] as string | number | boolean,
        ctxs[p] as RuleContext,
      );
      if (typeof parsed !== 'number') {
        reject(s, i, parsed.code, parsed.params, 'answer');
        continue;
      }
      rowValue[i] = parsed;
    }
    if (dated) {
      const asOf = asOfByPeriod[p] as string;
      const from = validFrom.get(i);
      const to = validTo.get(i);
      if ((from !== undefined && from > asOf) || (to !== undefined && to < asOf)) {
        status[i] = SUPERSEDED;
      }
    }
    if (minRank > 0 && statusRank(table.status.get(i)) < minRank) {
      if (status[i] === USED) s.belowStatus++;
      status[i] = SUPERSEDED;
    }
  }
  if (s.belowStatus > 0) {
    s.issues.push(
      createIssue(
        'SCORE_STATUS_EXCLUDED',
        { count: s.belowStatus, status: options.status as AnswerStatus },
        { severity: 'warning' },
      ),
    );
  }
  return s;
}

/** The grid of {@link layOutGrid}: which units and periods get a row, and where. */
interface Grid {
  /** Units sorted (code-point order). */
  readonly units: string[];
  /** Per first-appearance unit index: its position in `units`. */
  readonly rank: Int32Array;
  /** Per period and sorted unit (`p * units.length + u`): its grid row, or -1. */
  readonly gridOf: Int32Array;
  /** Indexes into `plan.periods` of the periods that have rows. */
  readonly scoredPeriods: number[];
  readonly rowUnitList: number[];
  readonly rowPeriodList: number[];
}

/**
 * Step 2 of {@link prepareTable}: sorts the units and gives a grid row to every unit and
 * period with a located input row (period-major, units sorted), even if all its answers
 * were rejected, so the unit is still reported.
 */
function layOutGrid(plan: Plan, s: RowState): Grid {
  const { unitNames, located, rowUnitRaw, rowPeriod } = s;
  const n = located.length;
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
  return { units, rank, gridOf, scoredPeriods, rowUnitList, rowPeriodList };
}

/**
 * Step 3 of {@link prepareTable}: the answer in force per grid row and slot. Of the rows in
 * force for one cell, the latest `valid_from` wins; rows tied on it with the same parsed answer
 * are duplicates (the first by file order, then row, is kept; the others superseded with a
 * warning). Rows of several experts giving the same score agree; different scores are a
 * disagreement, settled by a `status: final` row, else a conflict (all rejected, the cell left
 * without data). Returns, per cell (`slot * rows + row`), the table row in force or -1, and the
 * disagreements.
 */
function settleCells(
  plan: Plan,
  answers: AnswerTableSet,
  s: RowState,
  grid: Grid,
): { cellRow: Int32Array; disagreements: Disagreement[] } {
  const { table, status, rowUnitRaw, rowPeriod, rowSlot, rowValue, ctxs } = s;
  const { rank, gridOf } = grid;
  const n = table.length;
  const U = grid.units.length;
  const R = grid.rowUnitList.length;
  const S = plan.slots.length;
  const validFrom = table.validFrom;
  const fileOf = new Map(answers.files.map((f, i) => [f, i]));
  // Tie-breaking order of the table's files: the order the caller gave the files in.
  const fileRank = table.files.map((f) => fileOf.get(f) ?? 0);
  const cellRow = new Int32Array(R * S).fill(-1);
  const ties = new Map<number, number[]>();
  const before = (a: number, b: number): boolean => {
    const fa = fileRank[table.file[a] as number] as number;
    const fb = fileRank[table.file[b] as number] as number;
    return fa !== fb ? fa < fb : (table.row[a] as number) < (table.row[b] as number);
  };
  // The framework period of each grid row.
  const periodOfRow = grid.rowPeriodList.map((k) => grid.scoredPeriods[k] as number);
  /** The score row `i` would get in `slot` (its value for rules that report a value). */
  const scoreOf = (slot: number, i: number, g: number): number => {
    const v = rowValue[i] as number;
    const rule = plan.nodes[plan.slots[slot] as number]?.ruleObject;
    if (!rule || rule.composite || !rule.scores || !Number.isFinite(v)) return v;
    return rule.run(v, ctxs[periodOfRow[g] as number] as RuleContext);
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
    const fromNew = validFrom.get(i) ?? '';
    const fromOld = validFrom.get(current) ?? '';
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
  const disagreements: Disagreement[] = [];
  const expertOf = table.expert;
  for (const [cell, group] of ties) {
    const members = [cellRow[cell] as number, ...group].sort((a, b) => (before(a, b) ? -1 : 1));
    const first = members[0] as number;
    const slot = Math.floor(cell / R);
    const g = cell - slot * R;
    const v = rowValue[first] as number;
    const same = members.every((m) => Object.is(rowValue[m], v));
    const row0 = table.rowAt(first);
    const about = { unit: row0.unit, period: row0.period, indicator: row0.indicator };
    // Several experts: the same score is agreement, whatever the wording of the answers.
    const experts = [
      ...new Set(members.map((m) => expertOf.get(m)).filter((e) => e !== undefined)),
    ];
    const scores = members.map((m) => scoreOf(slot, m, g));
    const slotId = (plan.nodes[plan.slots[slot] as number] as { id: string }).id;
    const sameScore = scores.every((x) => Object.is(x, scores[0]));
    if (same || (experts.length > 1 && sameScore)) {
      cellRow[cell] = first;
      for (const m of members.slice(1)) {
        status[m] = SUPERSEDED;
        if (experts.length > 1 && expertOf.get(m) !== expertOf.get(first)) continue;
        const issue = createIssue(
          'SCORE_DUPLICATE_ANSWER',
          { ...about, kept: where(table, first) },
          {
            ...locate(table.rowAt(m).origin, 'answer'),
            severity: 'warning',
          },
        );
        s.issues.push(issue);
      }
      continue;
    }
    // A reviewer settles a disagreement with a final answer (all final answers must agree).
    const finals = members.filter((m) => table.status.get(m) === 'final');
    const finalScore = finals.length > 0 ? scoreOf(slot, finals[0] as number, g) : Number.NaN;
    const settled =
      finals.length > 0 && finals.every((m) => Object.is(scoreOf(slot, m, g), finalScore));
    disagreements.push({
      slot,
      row: g,
      members,
      values: members.map((m) => rowValue[m] as number),
      scores,
      settledBy: settled ? (finals[0] as number) : -1,
    });
    if (settled) {
      cellRow[cell] = finals[0] as number;
      for (const m of members) if (m !== finals[0]) status[m] = SUPERSEDED;
      continue;
    }
    cellRow[cell] = -1;
    for (const m of members) {
      const others = members.filter((o) => o !== m).map((o) => where(table, o));
      reject(
        s,
        m,
        'SCORE_CONFLICTING_ANSWERS',
        { ...about, question: slotId, others, experts },
        'answer',
      );
    }
  }
  return { cellRow, disagreements };
}

/**
 * Step 4 of {@link prepareTable}: lays the answers in force out slot-major (values and an
 * index into `used`) and counts how every input row ended.
 */
function fillSlots(
  plan: Plan,
  answers: AnswerTableSet,
  s: RowState,
  grid: Grid,
  settled: { cellRow: Int32Array; disagreements: Disagreement[] },
): PreparedAnswers {
  const { cellRow, disagreements } = settled;
  const { table, status, rowValue, rejected, issues, asOfByPeriod } = s;
  const { units, scoredPeriods, rowUnitList, rowPeriodList } = grid;
  const n = table.length;
  const R = rowUnitList.length;
  const S = plan.slots.length;
  const values = new Float64Array(R * S).fill(Number.NaN);
  const answer = new Int32Array(R * S).fill(-1);
  let usedCount = 0;
  for (let cell = 0; cell < R * S; cell++) if ((cellRow[cell] as number) >= 0) usedCount++;
  const used = new Int32Array(usedCount);
  let k = 0;
  for (let cell = 0; cell < R * S; cell++) {
    const i = cellRow[cell] as number;
    if (i < 0) continue;
    values[cell] = rowValue[i] as number;
    answer[cell] = k;
    used[k++] = i;
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
    units,
    periods: scoredPeriods,
    asOf: scoredPeriods.map((p) => asOfByPeriod[p] as string),
    rowUnit: Int32Array.from(rowUnitList),
    rowPeriod: Int32Array.from(rowPeriodList),
    values,
    answer,
    table,
    used,
    rejected,
    counts,
    issues,
    files: answers.files,
    disagreements,
    belowStatus: s.belowStatus,
  };
}

/** The fields of {@link PrepareOptions}; their values are checked with their own codes. */
const prepareOptionFields = { asOf: 'string', status: 'string' } as const;
