import type { AnswerRow } from '../../types.js';
import type { AnswerStatus } from './fields.js';

/** A cell value as a dictionary holds it: text, or a JSON number or boolean. */
export type AnswerValue = string | number | boolean;

/**
 * Answer rows held column by column: ids into one dictionary of values (units, periods,
 * indicators and answers share it) and the origin as numbers, in growable typed arrays. A
 * million rows cost a few typed arrays instead of two million objects, so reading and preparing
 * a large file leave the garbage collector little to do. Optional fields (validity dates, source,
 * comment, expert, status, reviewer, review date) are sparse maps by row. `rowAt(i)` gives row `i` back as an {@link AnswerRow}.
 *
 * @example
 * ```ts
 * const t = new AnswerTable();
 * t.push('BG', '2019', 'res_1', 'a', 'bg.csv', 1, 2, { unit: 1, period: 2, indicator: 3, answer: 4 });
 * t.rowAt(0); //=> { unit: 'BG', period: '2019', indicator: 'res_1', answer: 'a', origin: { file: 'bg.csv', row: 1, line: 2, columns: {...} } }
 * ```
 */
export class AnswerTable {
  /** Number of rows. */
  length = 0;
  /** Per row: dictionary ids of unit, period, indicator; answer id or -1 (no data). */
  unit = new Int32Array(1024);
  period = new Int32Array(1024);
  indicator = new Int32Array(1024);
  answer = new Int32Array(1024);
  /** Per row: index into `files`, data record number, line, index into `columnSets`. */
  file = new Int32Array(1024);
  row = new Int32Array(1024);
  line = new Int32Array(1024);
  columns = new Int32Array(1024);
  /** The dictionary: every distinct value once. */
  readonly values: AnswerValue[] = [];
  readonly files: string[] = [];
  readonly columnSets: Partial<Record<string, number>>[] = [];
  readonly validFrom = new Map<number, string>();
  readonly validTo = new Map<number, string>();
  readonly source = new Map<number, string>();
  readonly comment = new Map<number, string>();
  /** Who answered, the review state, who reviewed and when: sparse, by row. */
  readonly expert = new Map<number, string>();
  readonly status = new Map<number, AnswerStatus>();
  readonly reviewer = new Map<number, string>();
  readonly reviewedOn = new Map<number, string>();
  /** When the table was built from existing rows: those rows, returned as they are by `rowAt`. */
  rows: readonly AnswerRow[] | undefined;
  private readonly ids = new Map<AnswerValue, number>();
  private readonly fileIds = new Map<string, number>();
  private readonly columnIds = new Map<object, number>();
  private lastColumns: object | undefined;
  private lastColumnsId = -1;

  /** The dictionary id of `value`, adding it when new. */
  id(value: AnswerValue): number {
    let k = this.ids.get(value);
    if (k === undefined) {
      k = this.values.length;
      this.values.push(value);
      this.ids.set(value, k);
    }
    return k;
  }

  /** The index of `file` in `files`, adding it when new. */
  fileId(file: string): number {
    let f = this.fileIds.get(file);
    if (f === undefined) {
      f = this.files.length;
      this.files.push(file);
      this.fileIds.set(file, f);
    }
    return f;
  }

  /** The index of a columns object in `columnSets` (by identity), adding it when new. */
  columnsId(columns: Partial<Record<string, number>>): number {
    if (columns === this.lastColumns) return this.lastColumnsId;
    let c = this.columnIds.get(columns);
    if (c === undefined) {
      c = this.columnSets.length;
      this.columnSets.push(columns);
      this.columnIds.set(columns, c);
    }
    this.lastColumns = columns;
    this.lastColumnsId = c;
    return c;
  }

  /**
   * Makes room for `n` rows in all: exactly `n` while the table is empty (a reader that knows
   * about how many rows are coming), else at least double, so that repeated calls stay linear.
   */
  reserve(n: number): void {
    if (n <= this.unit.length) return;
    this.grow(this.length === 0 ? n : Math.max(n, 2 * this.unit.length));
  }

  /**
   * Appends a row given as ids (`id`, `fileId`, `columnsId`; answer -1 for no data): the
   * readers' fast path. Returns its index.
   */
  pushIds(
    unit: number,
    period: number,
    indicator: number,
    answer: number,
    file: number,
    row: number,
    line: number,
    columns: number,
  ): number {
    const i = this.length;
    if (i === this.unit.length) this.grow(2 * i);
    this.unit[i] = unit;
    this.period[i] = period;
    this.indicator[i] = indicator;
    this.answer[i] = answer;
    this.file[i] = file;
    this.row[i] = row;
    this.line[i] = line;
    this.columns[i] = columns;
    this.length = i + 1;
    return i;
  }

  /** Appends a row; returns its index. Optional fields go into the maps by row index. */
  push(
    unit: string,
    period: string,
    indicator: string,
    answer: AnswerValue | null,
    file: string,
    row: number,
    line: number,
    columns: Partial<Record<string, number>>,
  ): number {
    return this.pushIds(
      this.id(unit),
      this.id(period),
      this.id(indicator),
      answer === null ? -1 : this.id(answer),
      this.fileId(file),
      row,
      line,
      this.columnsId(columns),
    );
  }

  /** Appends an {@link AnswerRow} (JSON answers, or rows built by hand). */
  pushRow(r: AnswerRow): number {
    const o = r.origin;
    const i = this.push(r.unit, r.period, r.indicator, r.answer, o.file, o.row, o.line, o.columns);
    if (r.validFrom !== undefined) this.validFrom.set(i, r.validFrom);
    if (r.validTo !== undefined) this.validTo.set(i, r.validTo);
    if (r.source !== undefined) this.source.set(i, r.source);
    if (r.comment !== undefined) this.comment.set(i, r.comment);
    if (r.expert !== undefined) this.expert.set(i, r.expert);
    if (r.status !== undefined) this.status.set(i, r.status);
    if (r.reviewer !== undefined) this.reviewer.set(i, r.reviewer);
    if (r.reviewedOn !== undefined) this.reviewedOn.set(i, r.reviewedOn);
    return i;
  }

  /** Drops the rows from `n` on (a file voided by a syntax error). */
  truncate(n: number): void {
    for (const m of [
      this.validFrom,
      this.validTo,
      this.source,
      this.comment,
      this.expert,
      this.status,
      this.reviewer,
      this.reviewedOn,
    ] as Map<number, unknown>[]) {
      for (const k of m.keys()) if (k >= n) m.delete(k);
    }
    this.length = Math.min(this.length, n);
  }

  /** The answer of row `i`: its value, or null for no data. */
  answerAt(i: number): AnswerValue | null {
    const a = this.answer[i] as number;
    return a < 0 ? null : (this.values[a] as AnswerValue);
  }

  /** Row `i` as an {@link AnswerRow}. */
  rowAt(i: number): AnswerRow {
    const given = this.rows?.[i];
    if (given !== undefined) return given;
    const row: AnswerRow = {
      unit: this.values[this.unit[i] as number] as string,
      period: this.values[this.period[i] as number] as string,
      indicator: this.values[this.indicator[i] as number] as string,
      answer: this.answerAt(i),
      origin: {
        file: this.files[this.file[i] as number] as string,
        row: this.row[i] as number,
        line: this.line[i] as number,
        columns: this.columnSets[this.columns[i] as number] as Partial<Record<string, number>>,
      },
    };
    const validFrom = this.validFrom.get(i);
    if (validFrom !== undefined) row.validFrom = validFrom;
    const validTo = this.validTo.get(i);
    if (validTo !== undefined) row.validTo = validTo;
    const source = this.source.get(i);
    if (source !== undefined) row.source = source;
    const comment = this.comment.get(i);
    if (comment !== undefined) row.comment = comment;
    const expert = this.expert.get(i);
    if (expert !== undefined) row.expert = expert;
    const status = this.status.get(i);
    if (status !== undefined) row.status = status;
    const reviewer = this.reviewer.get(i);
    if (reviewer !== undefined) row.reviewer = reviewer;
    const reviewedOn = this.reviewedOn.get(i);
    if (reviewedOn !== undefined) row.reviewedOn = reviewedOn;
    return row;
  }

  /** Every row as {@link AnswerRow}s. */
  toRows(): AnswerRow[] {
    const out: AnswerRow[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.rowAt(i);
    return out;
  }

  /**
   * A table over existing rows (the public `prepareAnswers(plan, answerSet)` path).
   *
   * @example
   * ```ts
   * AnswerTable.fromRows(answerSet.rows).length; //=> answerSet.rows.length
   * ```
   */
  static fromRows(rows: readonly AnswerRow[]): AnswerTable {
    const t = new AnswerTable();
    for (const r of rows) t.pushRow(r);
    t.rows = rows;
    return t;
  }

  private grow(size: number): void {
    const more = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.unit = more(this.unit);
    this.period = more(this.period);
    this.indicator = more(this.indicator);
    this.answer = more(this.answer);
    this.file = more(this.file);
    this.row = more(this.row);
    this.line = more(this.line);
    this.columns = more(this.columns);
  }
}
