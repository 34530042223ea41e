import { dsvFormat } from 'd3-dsv';
import { CsvError, parse } from '#csv-parse';
import { createIssue, type Issue, type IssueLocation } from '../../errors/issue.js';
import type { IssueCode, IssueParams } from '../../errors/messages.js';
import { detectDelimiter } from '../../io/csv.js';
import type { AnswerOrigin, AnswerRow } from '../types.js';
import {
  type AnswerColumn,
  answerColumns,
  classifyHeader,
  cleanCell,
  isIsoDate,
  parseStatus,
} from './_lib/fields.js';
import type { AnswerSink } from './_lib/sink.js';

/** Which CSV layout to read: decided from the header when `auto`. */
export type CsvLayout = 'auto' | 'long' | 'wide';

type ColumnIndex = Partial<Record<AnswerColumn, number>>;

/**
 * Characters per csv-parse call: the file is parsed in slices so that only one slice's records
 * are alive at a time. A quarter megabyte is about 14,000 records of the benchmark's file: small
 * enough that they die young, large enough that the per-call cost of csv-parse does not show.
 */
const chunkChars = 1 << 18;

/** Reads the records of one slice of a file, with the slice's first line, into `reader`. */
type ChunkReader = (
  records: readonly string[][],
  from: number,
  base: number,
  lines: LineCounter,
) => void;

/**
 * Reads one CSV answer file (long or wide) into `sink`. Parsing is in slices of about a quarter
 * megabyte cut at line breaks outside quotes, so memory holds the rows read plus one slice of
 * records rather than every record of a million-row file: d3-dsv for a slice without quotes,
 * csv-parse (array mode) for the others (see `parseUnquoted`). Everything else is
 * plain loops. Record lines are counted, not asked of csv-parse per record (its `info` doubles
 * parse time): when no field holds a line break, records are one per line; otherwise line
 * breaks inside fields are added up as the records go by. Rows go into the sink's column-wise
 * table: units, periods, indicators and answers become ids into one dictionary, so a row costs
 * a few numbers rather than objects.
 *
 * @example
 * ```ts
 * const sink = answerSink();
 * readCsvAnswers('unit;period;indicator;answer\nBG;2019;res_1;a\n', 'bg.csv', 'auto', sink);
 * sink.table.rowAt(0).origin; //=> { file: 'bg.csv', row: 1, line: 2, columns: { unit: 1, period: 2, indicator: 3, answer: 4 } }
 * ```
 */
export function readCsvAnswers(
  text: string,
  file: string,
  layout: CsvLayout,
  sink: AnswerSink,
): void {
  const delimiter = detectDelimiter(text);
  // A syntax error anywhere voids the whole file, also the slices already read.
  const start = { rows: sink.table.length, rejected: sink.rejected.length, read: sink.read };
  const shared = strings();
  // Room for one row per line up front: growing by doubling would leave the old arrays behind.
  let lineBreaks = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineBreaks++;
  sink.table.reserve(sink.table.length + lineBreaks + 1);
  let reader: ChunkReader | undefined;
  let base = 0;
  let line = 1;
  const quoted = text.includes('"');
  const dsv = dsvFormat(delimiter);
  for (let pos = 0; pos < text.length; ) {
    const end = quoted
      ? splitPoint(text, pos, pos + chunkChars)
      : lineEndAfter(text, pos + chunkChars);
    const chunk = text.slice(pos, end);
    let records: string[][];
    try {
      records =
        quoted && chunk.includes('"')
          ? (parse(chunk, { delimiter, relax_column_count: true }) as string[][])
          : parseUnquoted(chunk, delimiter, dsv);
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      // csv-parse gives the line within the slice and the 0-based field index.
      const { lines, column } = error as CsvError & { lines?: number; column?: unknown };
      const where: IssueLocation = { file };
      if (lines !== undefined) where.line = line - 1 + lines;
      if (typeof column === 'number') where.column = column + 1;
      sink.table.truncate(start.rows);
      sink.rejected.length = start.rejected;
      sink.read = start.read;
      sink.errors.push(createIssue('ANSWER_CSV_SYNTAX', { detail: error.message }, where));
      return;
    }
    const lines = lineCounter(chunk, records, line);
    let from = 0;
    if (reader === undefined) {
      while (from < records.length && isNoteOrBlank(records[from] as string[], -1)) {
        lines.next(records[from] as string[]);
        from++;
      }
      const header = records[from];
      if (header === undefined) {
        sink.errors.push(createIssue('FILE_EMPTY', {}, { file }));
        return;
      }
      reader = headerReader(header, file, layout, lines.line, shared, sink);
      if (reader === undefined) return;
      lines.next(header);
      base -= from;
      from++;
    }
    reader(records, from, base, lines);
    base += records.length;
    line = lines.end;
    pos = end;
  }
  if (reader === undefined) {
    sink.errors.push(createIssue('FILE_EMPTY', {}, { file }));
    return;
  }
  const notes = sink.notes.get(file);
  if (notes !== undefined) {
    sink.warnings.push(
      createIssue(
        'ANSWER_NOTE_ROWS_SKIPPED',
        { count: notes.count },
        { file, line: notes.line, field: 'unit', severity: 'warning' },
      ),
    );
  }
}

/**
 * Reads answers from records already split into cells (a spreadsheet's rows), with the same
 * header rules, checks, codes and counts as {@link readCsvAnswers}: record `i` is line `i + 1`
 * (a sheet's row number), so issues point at the sheet's row and column. Rows shorter than the
 * header are padded with empty cells and empty cells past it are dropped, as a spreadsheet
 * does not store them; a row with values past the header is `ANSWER_FIELD_COUNT`.
 *
 * @example
 * ```ts
 * const sink = answerSink();
 * readRecordAnswers([['unit', 'period', 'indicator', 'answer'], ['BG', '2019', 'res_1', 'a']], 'q.xlsx!Answers', 'auto', sink);
 * sink.table.rowAt(0).origin.line; //=> 2
 * ```
 */
export function readRecordAnswers(
  records: readonly (readonly string[])[],
  file: string,
  layout: CsvLayout,
  sink: AnswerSink,
): void {
  const shared = strings();
  let from = 0;
  while (from < records.length && isNoteOrBlank(records[from] as string[], -1)) from++;
  const header = records[from];
  if (header === undefined) {
    sink.errors.push(createIssue('FILE_EMPTY', {}, { file }));
    return;
  }
  let width = header.length;
  while (width > 0 && (header[width - 1] as string).trim() === '') width--;
  const trimmedHeader = header.slice(0, width);
  const reader = headerReader(trimmedHeader, file, layout, from + 1, shared, sink);
  if (reader === undefined) return;
  const body: string[][] = [];
  for (let k = from + 1; k < records.length; k++) {
    const r = records[k] as readonly string[];
    let n = r.length;
    while (n > width && (r[n - 1] as string).trim() === '') n--;
    const row = r.slice(0, n);
    while (row.length < width) row.push('');
    body.push(row);
  }
  sink.table.reserve(sink.table.length + body.length);
  let line = from + 2;
  const lines: LineCounter = {
    line,
    end: records.length + 1,
    next() {
      line++;
      this.line = line;
    },
  };
  reader(body, 0, 1, lines);
  const notes = sink.notes.get(file);
  if (notes !== undefined) {
    sink.warnings.push(
      createIssue(
        'ANSWER_NOTE_ROWS_SKIPPED',
        { count: notes.count },
        { file, line: notes.line, field: 'unit', severity: 'warning' },
      ),
    );
  }
}

/** The end of the line that holds `target` (just after its line break), or the text's end. */
function lineEndAfter(text: string, target: number): number {
  if (target >= text.length) return text.length;
  const nl = text.indexOf('\n', target);
  return nl === -1 ? text.length : nl + 1;
}

/**
 * The records of a slice with no quote character. Such a slice has one reading: records end
 * at line breaks, fields at delimiters, nothing is quoted and nothing can be malformed. It is
 * parsed by d3-dsv, about four times faster than csv-parse here (1M-answer file: 0.37 s against
 * 1.4-1.9 s of CPU), when its line breaks are all `\n` or all `\r\n`; csv-parse gives the same
 * records for such text (test/answers-read-parsers.test.ts compares them), and reads any other
 * slice: those with quotes (quoted fields, line breaks inside them, and syntax errors with
 * their line and column) and those with mixed or bare `\r` line breaks, which it decides per
 * slice as it always has.
 */
function parseUnquoted(
  chunk: string,
  delimiter: string,
  dsv: { parseRows(text: string): string[][] },
): string[][] {
  return uniformLineBreaks(chunk)
    ? dsv.parseRows(chunk)
    : (parse(chunk, { delimiter, relax_column_count: true }) as string[][]);
}

/** Whether every line break of a text is `\n`, or every one is `\r\n`. */
function uniformLineBreaks(text: string): boolean {
  let crlf = 0;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return false;
    crlf++;
  }
  if (crlf === 0) return true;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lf++;
  return lf === crlf;
}

/**
 * Where to cut the next slice: after the first line break at or beyond `target` that has an
 * even number of quote characters before it (so it is not inside a quoted field).
 */
function splitPoint(text: string, start: number, target: number): number {
  if (target >= text.length) return text.length;
  let quotes = 0;
  let from = start;
  for (let nl = text.indexOf('\n', target); nl !== -1; nl = text.indexOf('\n', nl + 1)) {
    for (let q = text.indexOf('"', from); q !== -1 && q < nl; q = text.indexOf('"', q + 1)) {
      quotes++;
    }
    from = nl;
    if ((quotes & 1) === 0) return nl + 1;
  }
  return text.length;
}

/**
 * Shares equal strings (one "BG" for a million rows instead of a million copies) and remembers
 * dates already found valid.
 */
interface Strings {
  intern(s: string): string;
  isDate(s: string): boolean;
}

function strings(): Strings {
  const seen = new Map<string, string>();
  const dates = new Set<string>();
  return {
    intern(s) {
      const known = seen.get(s);
      if (known !== undefined) return known;
      seen.set(s, s);
      return s;
    },
    isDate(s) {
      if (dates.has(s)) return true;
      if (!isIsoDate(s)) return false;
      dates.add(s);
      return true;
    },
  };
}

/**
 * Reads the header and returns the reader for the records after it, or undefined after
 * pushing a file-level error (a missing or repeated column).
 */
function headerReader(
  header: readonly string[],
  file: string,
  layout: CsvLayout,
  headerLine: number,
  shared: Strings,
  sink: AnswerSink,
): ChunkReader | undefined {
  const index: ColumnIndex = {};
  const others: { name: string; column: number }[] = [];
  for (let i = 0; i < header.length; i++) {
    const name = classifyHeader(header[i] as string);
    if (name.kind === 'template') continue;
    if (name.kind === 'other') {
      others.push({ name: name.name, column: i });
      continue;
    }
    const first = index[name.column];
    if (first !== undefined) {
      sink.errors.push(
        createIssue(
          'ANSWER_DUPLICATE_COLUMN',
          { column: name.column, first: first + 1 },
          { file, line: headerLine, column: i + 1, field: name.column },
        ),
      );
      return undefined;
    }
    index[name.column] = i;
  }
  const isLong =
    layout === 'long' ||
    (layout === 'auto' && (index.indicator !== undefined || index.answer !== undefined));
  const required: AnswerColumn[] = isLong
    ? ['unit', 'period', 'indicator', 'answer']
    : ['unit', 'period'];
  for (const column of required) {
    if (index[column] === undefined) {
      sink.errors.push(
        createIssue(
          'ANSWER_MISSING_COLUMN',
          { column, layout: isLong ? 'long' : 'wide' },
          { file, line: headerLine, field: column },
        ),
      );
      return undefined;
    }
  }
  const width = header.length;
  if (isLong) {
    if (others.length > 0) {
      sink.warnings.push(
        createIssue(
          'ANSWER_UNKNOWN_COLUMNS',
          { columns: others.map((o) => o.name || `(column ${o.column + 1})`) },
          {
            file,
            line: headerLine,
            severity: 'warning',
            column: (others[0] as { column: number }).column + 1,
          },
        ),
      );
    }
    return (records, from, base, lines) =>
      readLong(records, from, base, width, index, file, lines, shared, sink);
  }
  const indicators = others.filter((o) => o.name !== '');
  const blank = others.filter((o) => o.name === '');
  const seen = new Map<string, number>();
  for (const { name, column } of indicators) {
    const first = seen.get(name);
    if (first !== undefined) {
      sink.errors.push(
        createIssue(
          'ANSWER_DUPLICATE_COLUMN',
          { column: name, first: first + 1 },
          { file, line: headerLine, column: column + 1, field: name },
        ),
      );
      return undefined;
    }
    seen.set(name, column);
  }
  if (indicators.length === 0) {
    sink.errors.push(createIssue('ANSWER_NO_INDICATOR_COLUMNS', {}, { file, line: headerLine }));
    return undefined;
  }
  if (blank.length > 0) {
    sink.warnings.push(
      createIssue(
        'ANSWER_UNKNOWN_COLUMNS',
        { columns: blank.map((o) => `(column ${o.column + 1})`) },
        {
          file,
          line: headerLine,
          severity: 'warning',
          column: (blank[0] as { column: number }).column + 1,
        },
      ),
    );
  }
  return (records, from, base, lines) =>
    readWide(records, from, base, width, index, indicators, file, lines, shared, sink);
}

/**
 * The line each record starts on; `next(record)` must be called for every record in order.
 * `end` is the line after the slice.
 */
interface LineCounter {
  line: number;
  readonly end: number;
  next(record: readonly string[]): void;
}

function lineCounter(
  text: string,
  records: readonly (readonly string[])[],
  first: number,
): LineCounter {
  const nl = text.indexOf('\n') === -1 ? '\r' : '\n';
  let breaks = 0;
  for (let i = text.indexOf(nl); i !== -1; i = text.indexOf(nl, i + 1)) breaks++;
  const end = first + breaks;
  // One record per physical line, with or without a final line break: lines are indexes.
  if (breaks === records.length - 1 || breaks === records.length) {
    return {
      line: first,
      end,
      next() {
        this.line++;
      },
    };
  }
  return {
    line: first,
    end,
    next(record) {
      let inside = 0;
      for (const field of record) {
        for (let i = field.indexOf(nl); i !== -1; i = field.indexOf(nl, i + 1)) inside++;
      }
      this.line += 1 + inside;
    },
  };
}

/**
 * Records that hold no answer and are not counted as read: blank records (only empty cells, as
 * spreadsheets write below the data) and note rows, whose unit cell starts with `#` (the wide
 * template's `#question` and `#allowed` rows). Note rows are tallied per file in `sink.notes`
 * and reported as one warning; blank records are not rows of data.
 */
function isNoteOrBlank(
  record: readonly string[],
  iUnit: number,
  sink?: AnswerSink,
  file?: string,
  line?: number,
): boolean {
  const unit = iUnit >= 0 ? record[iUnit] : undefined;
  if (unit !== undefined && unit.trimStart().charCodeAt(0) === 35) {
    if (sink && file !== undefined && line !== undefined) {
      const seen = sink.notes.get(file);
      if (seen) seen.count++;
      else sink.notes.set(file, { count: 1, line });
    }
    return true;
  }
  for (const cell of record) if (cell.trim() !== '') return false;
  return true;
}

function reject<C extends IssueCode>(
  sink: AnswerSink,
  origin: AnswerOrigin,
  code: C,
  params: IssueParams<C>,
  field?: string,
  row?: AnswerRow,
): void {
  const where: IssueLocation = { file: origin.file, line: origin.line, row: origin.row };
  if (field !== undefined) {
    where.field = field;
    const column = origin.columns[field];
    if (column !== undefined) where.column = column;
  }
  const issue: Issue = createIssue(code, params, where);
  sink.rejected.push(row === undefined ? { origin, issue } : { origin, issue, row });
}

function columnNumbers(index: ColumnIndex): Partial<Record<string, number>> {
  const columns: Partial<Record<string, number>> = {};
  for (const name of answerColumns) {
    const i = index[name];
    if (i !== undefined) columns[name] = i + 1;
  }
  return columns;
}

/**
 * The checks shared by long and wide records once unit and period are known: validity dates.
 * Returns the rejection (code, params, field) or undefined.
 */
function checkDates(
  validFrom: string,
  validTo: string,
  isDate: (s: string) => boolean,
):
  | { code: 'ANSWER_INVALID_DATE'; params: { field: string; value: string }; field: string }
  | { code: 'ANSWER_DATE_ORDER'; params: { validFrom: string; validTo: string }; field: string }
  | undefined {
  if (validFrom !== '' && !isDate(validFrom)) {
    return {
      code: 'ANSWER_INVALID_DATE',
      params: { field: 'valid_from', value: validFrom },
      field: 'valid_from',
    };
  }
  if (validTo !== '' && !isDate(validTo)) {
    return {
      code: 'ANSWER_INVALID_DATE',
      params: { field: 'valid_to', value: validTo },
      field: 'valid_to',
    };
  }
  // ISO dates of equal length compare correctly as strings.
  if (validFrom !== '' && validTo !== '' && validTo < validFrom) {
    return { code: 'ANSWER_DATE_ORDER', params: { validFrom, validTo }, field: 'valid_to' };
  }
  return undefined;
}

/** The review columns of one record: indexes into the record, -1 where a column is absent. */
interface ReviewIndex {
  expert: number;
  status: number;
  reviewer: number;
  reviewedOn: number;
}

function reviewIndex(index: ColumnIndex): ReviewIndex | undefined {
  const r = {
    expert: index.expert ?? -1,
    status: index.status ?? -1,
    reviewer: index.reviewer ?? -1,
    reviewedOn: index.reviewed_on ?? -1,
  };
  return r.expert < 0 && r.status < 0 && r.reviewer < 0 && r.reviewedOn < 0 ? undefined : r;
}

/** What the review columns of a record say, or why they cannot be read. */
type ReviewCells =
  | {
      ok: true;
      expert: string;
      status: ReturnType<typeof parseStatus>;
      reviewer: string;
      reviewedOn: string;
    }
  | {
      ok: false;
      code: 'ANSWER_INVALID_STATUS' | 'ANSWER_INVALID_DATE';
      params: { value: string; field: string };
      field: string;
    };

/** Reads and checks the review columns (`expert`, `status`, `reviewer`, `reviewed_on`). */
function reviewCells(
  record: readonly string[],
  at: ReviewIndex,
  intern: (s: string) => string,
  isDate: (s: string) => boolean,
): ReviewCells {
  const cell = (i: number): string => (i >= 0 ? intern(cleanCell(record[i] as string)) : '');
  const statusText = cell(at.status);
  const status = statusText === '' ? undefined : parseStatus(statusText);
  if (statusText !== '' && status === undefined) {
    return {
      ok: false,
      code: 'ANSWER_INVALID_STATUS',
      params: { value: statusText, field: 'status' },
      field: 'status',
    };
  }
  const reviewedOn = cell(at.reviewedOn);
  if (reviewedOn !== '' && !isDate(reviewedOn)) {
    return {
      ok: false,
      code: 'ANSWER_INVALID_DATE',
      params: { value: reviewedOn, field: 'reviewed_on' },
      field: 'reviewed_on',
    };
  }
  return { ok: true, expert: cell(at.expert), status, reviewer: cell(at.reviewer), reviewedOn };
}

/** Puts the review cells of row `i` into the table's sparse columns. */
function storeReview(
  table: AnswerSink['table'],
  i: number,
  r: Extract<ReviewCells, { ok: true }>,
): void {
  if (r.expert !== '') table.expert.set(i, r.expert);
  if (r.status !== undefined) table.status.set(i, r.status);
  if (r.reviewer !== '') table.reviewer.set(i, r.reviewer);
  if (r.reviewedOn !== '') table.reviewedOn.set(i, r.reviewedOn);
}

function readLong(
  records: readonly string[][],
  from: number,
  base: number,
  width: number,
  index: ColumnIndex,
  file: string,
  lines: LineCounter,
  shared: Strings,
  sink: AnswerSink,
): void {
  const columns = columnNumbers(index);
  const iUnit = index.unit as number;
  const iPeriod = index.period as number;
  const iIndicator = index.indicator as number;
  const iAnswer = index.answer as number;
  const iFrom = index.valid_from ?? -1;
  const iTo = index.valid_to ?? -1;
  const iSource = index.source ?? -1;
  const iComment = index.comment ?? -1;
  const review = reviewIndex(index);
  const { table } = sink;
  const fileId = table.fileId(file);
  const columnsId = table.columnsId(columns);
  table.reserve(table.length + records.length - from);
  // Files are mostly sorted by unit and period: compare with the last one before hashing.
  let lastUnit = '';
  let lastUnitId = -1;
  let lastPeriod = '';
  let lastPeriodId = -1;
  for (let k = from; k < records.length; k++) {
    const record = records[k] as string[];
    const line = lines.line;
    const rowNumber = base + k;
    lines.next(record);
    if (record.length !== width) {
      if (isNoteOrBlank(record, iUnit, sink, file, line)) continue;
      sink.read++;
      reject(sink, { file, row: rowNumber, line, columns }, 'ANSWER_FIELD_COUNT', {
        expected: width,
        got: record.length,
      });
      continue;
    }
    const unit = cleanCell(record[iUnit] as string);
    const period = cleanCell(record[iPeriod] as string);
    const indicator = cleanCell(record[iIndicator] as string);
    if (unit === '' || period === '' || indicator === '' || unit.charCodeAt(0) === 35) {
      if (isNoteOrBlank(record, iUnit, sink, file, line)) continue;
    }
    sink.read++;
    if (unit === '' || period === '' || indicator === '') {
      const field = unit === '' ? 'unit' : period === '' ? 'period' : 'indicator';
      reject(sink, { file, row: rowNumber, line, columns }, 'ANSWER_EMPTY_FIELD', { field }, field);
      continue;
    }
    const answer = cleanCell(record[iAnswer] as string);
    const validFrom = iFrom >= 0 ? cleanCell(record[iFrom] as string) : '';
    const validTo = iTo >= 0 ? cleanCell(record[iTo] as string) : '';
    if (validFrom !== '' || validTo !== '') {
      const bad = checkDates(validFrom, validTo, shared.isDate);
      if (bad !== undefined) {
        const origin: AnswerOrigin = { file, row: rowNumber, line, columns };
        const row: AnswerRow = {
          unit: shared.intern(unit),
          period: shared.intern(period),
          indicator: shared.intern(indicator),
          answer: answer === '' ? null : shared.intern(answer),
          origin,
        };
        reject(sink, origin, bad.code, bad.params as never, bad.field, row);
        continue;
      }
    }
    const reviewed = review && reviewCells(record, review, shared.intern, shared.isDate);
    if (reviewed && !reviewed.ok) {
      const origin: AnswerOrigin = { file, row: rowNumber, line, columns };
      const row: AnswerRow = {
        unit: shared.intern(unit),
        period: shared.intern(period),
        indicator: shared.intern(indicator),
        answer: answer === '' ? null : shared.intern(answer),
        origin,
      };
      reject(sink, origin, reviewed.code, reviewed.params, reviewed.field, row);
      continue;
    }
    if (unit !== lastUnit) {
      lastUnit = unit;
      lastUnitId = table.id(unit);
    }
    if (period !== lastPeriod) {
      lastPeriod = period;
      lastPeriodId = table.id(period);
    }
    const i = table.pushIds(
      lastUnitId,
      lastPeriodId,
      table.id(indicator),
      answer === '' ? -1 : table.id(answer),
      fileId,
      rowNumber,
      line,
      columnsId,
    );
    if (validFrom !== '') table.validFrom.set(i, shared.intern(validFrom));
    if (validTo !== '') table.validTo.set(i, shared.intern(validTo));
    if (iSource >= 0) {
      const source = cleanCell(record[iSource] as string);
      if (source !== '') table.source.set(i, source);
    }
    if (iComment >= 0) {
      const comment = cleanCell(record[iComment] as string);
      if (comment !== '') table.comment.set(i, comment);
    }
    if (reviewed) storeReview(table, i, reviewed);
  }
}

function readWide(
  records: readonly string[][],
  from: number,
  base: number,
  width: number,
  index: ColumnIndex,
  indicators: readonly { name: string; column: number }[],
  file: string,
  lines: LineCounter,
  shared: Strings,
  sink: AnswerSink,
): void {
  const baseColumns = columnNumbers(index);
  // One shared columns object per indicator column: the answer sits in that column.
  const perIndicator = indicators.map((c) => ({
    name: c.name,
    i: c.column,
    columns: { ...baseColumns, indicator: c.column + 1, answer: c.column + 1 },
  }));
  const iUnit = index.unit as number;
  const iPeriod = index.period as number;
  const iFrom = index.valid_from ?? -1;
  const iTo = index.valid_to ?? -1;
  const iSource = index.source ?? -1;
  const iComment = index.comment ?? -1;
  const review = reviewIndex(index);
  const { intern } = shared;
  for (let k = from; k < records.length; k++) {
    const record = records[k] as string[];
    const line = lines.line;
    const rowNumber = base + k;
    lines.next(record);
    if (isNoteOrBlank(record, iUnit, sink, file, line)) continue;
    sink.read += perIndicator.length;
    const rejectAll = <C extends IssueCode>(code: C, params: IssueParams<C>, field?: string) => {
      for (const c of perIndicator) {
        reject(sink, { file, row: rowNumber, line, columns: c.columns }, code, params, field);
      }
    };
    if (record.length !== width) {
      rejectAll('ANSWER_FIELD_COUNT', { expected: width, got: record.length });
      continue;
    }
    const unit = intern(cleanCell(record[iUnit] as string));
    const period = intern(cleanCell(record[iPeriod] as string));
    if (unit === '' || period === '') {
      const field = unit === '' ? 'unit' : 'period';
      rejectAll('ANSWER_EMPTY_FIELD', { field }, field);
      continue;
    }
    const validFrom = iFrom >= 0 ? cleanCell(record[iFrom] as string) : '';
    const validTo = iTo >= 0 ? cleanCell(record[iTo] as string) : '';
    const bad =
      validFrom !== '' || validTo !== ''
        ? checkDates(validFrom, validTo, shared.isDate)
        : undefined;
    if (bad !== undefined) {
      rejectAll(bad.code, bad.params as never, bad.field);
      continue;
    }
    const reviewed = review && reviewCells(record, review, intern, shared.isDate);
    if (reviewed && !reviewed.ok) {
      rejectAll(reviewed.code, reviewed.params, reviewed.field);
      continue;
    }
    const source = iSource >= 0 ? cleanCell(record[iSource] as string) : '';
    const comment = iComment >= 0 ? cleanCell(record[iComment] as string) : '';
    for (const c of perIndicator) {
      const answer = cleanCell(record[c.i] as string);
      const i = sink.table.push(
        unit,
        period,
        c.name,
        answer === '' ? null : answer,
        file,
        rowNumber,
        line,
        c.columns,
      );
      if (validFrom !== '') sink.table.validFrom.set(i, validFrom);
      if (validTo !== '') sink.table.validTo.set(i, validTo);
      if (source !== '') sink.table.source.set(i, source);
      if (comment !== '') sink.table.comment.set(i, comment);
      if (reviewed) storeReview(sink.table, i, reviewed);
    }
  }
}
