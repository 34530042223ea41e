import { parse } from 'csv-parse/browser/esm/sync';
import { inferSchema, initParser } from 'udsv';
import { createIssue, type Issue, type SafeResult } from '../../errors/issue.js';
import type {
  CompositeData,
  CompositeMeta,
  Dataset,
  MetaNode,
  MetaType,
  UnitTable,
} from './types.js';
import { metaTypeSchema } from './types.js';

/** Where the two texts came from, for issue locations. */
export interface CoinrFiles {
  idata?: string;
  imeta?: string;
}

/** csv-parse's synchronous `parse`, the browser build by default. */
export type CsvParse = typeof parse;

/**
 * Options of {@link readCoinr}: file names for issue locations, and optionally the CSV parser
 * for the files the fast path leaves to csv-parse (see {@link readCoinr}). The core uses
 * csv-parse's browser build (no `Buffer`); Node callers may pass the Node build
 * (`import { parse } from 'csv-parse/sync'`), about three times faster on large files.
 */
export interface CoinrReadOptions extends CoinrFiles {
  csvParse?: CsvParse;
}

/**
 * A parsed CSV table: the header (trimmed) and the records after it, handed one by one to
 * `each` with their line numbers. `each` returns false when the fast path found, part way,
 * that the file is not what it can read (nothing it handed over may then be kept: read the
 * text again with `readTable(..., false)`).
 */
interface Table {
  header: string[];
  /** Records after the header. */
  count: number;
  each(f: (cells: string[], line: number, index: number) => void): boolean;
}

/**
 * The fast path of {@link readTable}: udsv (several times faster than csv-parse) for text
 * without any double quote, whose records are its non-empty lines split at every comma, with
 * `\n` or `\r\n` line ends (not mixed). udsv assumes every record has the header's number of
 * fields, so its records are checked against the lines as they come: each must have the
 * header's width, no comma in its last field (where udsv leaves a longer row's extra fields)
 * and be, fields plus commas, exactly as long as its line, and there must be
 * as many records as non-empty lines after the header; the header's fields joined by commas
 * must equal the first line. Anything else (quotes, ragged rows, a lone `\r`, a single
 * column) goes to csv-parse: up front (undefined) or, for rows, by `each` returning false.
 * Line numbers are the records' physical lines, as csv-parse's `info.lines` gives them.
 * Records are handed over as udsv parses them and never held all at once. Exported for tests.
 *
 * @example
 * ```ts
 * fastTable('uCode,a\nAUT,1\n')?.count; //=> 1
 * fastTable('uCode,a\n"AUT",1\n'); //=> undefined (quotes: csv-parse)
 * ```
 */
export function fastTable(text: string): Table | undefined {
  if (text.length === 0 || text.includes('"')) return undefined;
  let eol = '\n';
  if (text.includes('\r')) {
    if (/\r(?!\n)|(?<!\r)\n/.test(text)) return undefined;
    eol = '\r\n';
  }
  // The non-empty lines: their lengths and line numbers.
  const lengths: number[] = [];
  const numbers: number[] = [];
  let at = 0;
  for (let line = 1; at < text.length; line++) {
    const end = text.indexOf(eol, at);
    const stop = end < 0 ? text.length : end;
    if (stop > at) {
      if (lengths.length === 0 && at !== 0) return undefined;
      lengths.push(stop - at);
      numbers.push(line);
    }
    if (end < 0) break;
    at = end + eol.length;
  }
  if (lengths.length === 0) return undefined;
  let schema: ReturnType<typeof inferSchema>;
  let header: string[];
  try {
    schema = inferSchema(text, { col: ',', row: eol, encl: '"', trim: false });
    header = schema.cols.map((c) => c.name);
  } catch {
    return undefined;
  }
  if (header.length < 2 || header.join(',') !== text.slice(0, lengths[0])) return undefined;
  const width = header.length;
  const count = lengths.length - 1;
  return {
    header: header.map((h) => h.trim()),
    count,
    each(f) {
      let i = 0;
      let good = true;
      try {
        initParser(schema).stringArrs(text, (cells: string[]) => {
          if (i >= count || cells.length !== width || (cells[width - 1] as string).includes(',')) {
            good = false;
            return false;
          }
          let length = width - 1;
          for (let c = 0; c < width; c++) length += (cells[c] as string).length;
          if (length !== lengths[i + 1]) {
            good = false;
            return false;
          }
          f(cells, numbers[i + 1] as number, i);
          i++;
          return true;
        });
      } catch {
        return false;
      }
      return good && i === count;
    },
  };
}

/**
 * Parses CSV text into a {@link Table}: the fast path ({@link fastTable}) unless `fast` is
 * false or the text needs csv-parse (quotes, ragged rows...), else csv-parse, whose syntax
 * errors become `COMPOSITE_CSV_SYNTAX` with the line.
 */
function readTable(
  text: string,
  file: string,
  issues: Issue[],
  csvParse: CsvParse = parse,
  fast = true,
): Table | undefined {
  const body = text.replace(/^\uFEFF/, '');
  const quick = fast ? fastTable(body) : undefined;
  if (quick) return quick;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = csvParse(body, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as { message?: string; lines?: number };
    issues.push(
      createIssue(
        'COMPOSITE_CSV_SYNTAX',
        { detail: String(err.message ?? e) },
        { file, ...(err.lines ? { line: err.lines } : {}) },
      ),
    );
    return undefined;
  }
  const [head, ...rest] = records;
  if (!head) {
    issues.push(createIssue('COMPOSITE_CSV_EMPTY', {}, { file }));
    return undefined;
  }
  return {
    header: head.record.map((h) => h.trim()),
    count: rest.length,
    each(f) {
      rest.forEach((r, i) => {
        f(r.record, r.info.lines, i);
      });
      return true;
    },
  };
}

/** The records of a table as an array (csv-parse's when the fast path gives up part way). */
function tableRows(
  text: string,
  file: string,
  issues: Issue[],
  csvParse: CsvParse,
): { header: string[]; rows: { cells: string[]; line: number }[] } | undefined {
  for (const fast of [true, false]) {
    const table = readTable(text, file, issues, csvParse, fast);
    if (!table) return undefined;
    const rows: { cells: string[]; line: number }[] = [];
    if (table.each((cells, line) => rows.push({ cells, line })))
      return { header: table.header, rows };
  }
  return undefined;
}

const MISSING = new Set(['', 'NA', 'NaN', 'na', 'N/A']);

/**
 * Parses a cell as a number: undefined for an empty/NA cell, NaN when it is not a number.
 * The rule (readCoinr documents it): ECMAScript's `Number(cell)` (surrounding blanks ignored;
 * decimal notation with an optional exponent, and 0x/0o/0b integers), accepted when finite; a
 * blank cell and the missing tokens `NA`, `NaN`, `na`, `N/A` are missing; anything else
 * (including `Inf`, `Infinity`, `1,5`) is not a number.
 */
function numberCell(cell: string | undefined): number | undefined {
  if (cell === undefined) return undefined;
  // Number() accepts surrounding blanks and reads '' and '  ' as 0, so only zeros need a look.
  const v = Number(cell);
  if (Number.isFinite(v)) return v !== 0 || cell.trim() !== '' ? v : undefined;
  return MISSING.has(cell.trim()) ? undefined : Number.NaN;
}

function textCell(cell: string | undefined): string | undefined {
  const t = cell?.trim();
  return t === undefined || MISSING.has(t) ? undefined : t;
}

/**
 * Reads COINr's iMeta table (columns `iCode`, `Level`, `Parent`, `Direction`, `Weight`,
 * `Type`, optional `iName`, `Unit`, `Target`, `Denominator`, `goalpost_lower`,
 * `goalpost_upper`) and checks the tree: unique codes, known types, indicators at level 1,
 * every parent an aggregate exactly one level up, no aggregate without children. Issues name
 * the file, line and column.
 *
 * @example
 * ```ts
 * const r = readIMeta('iCode,Level,Parent,Direction,Weight,Type\nx,1,Index,1,1,Indicator\nIndex,2,,1,1,Aggregate\n');
 * r.ok && r.value.nodes.length; //=> 2
 * ```
 */
export function readIMeta(
  text: string,
  file = 'iMeta.csv',
  csvParse: CsvParse = parse,
): SafeResult<CompositeMeta> {
  const issues: Issue[] = [];
  const table = tableRows(text, file, issues, csvParse);
  if (!table) return { ok: false, issues };
  const col = (name: string) => table.header.indexOf(name);
  for (const req of ['iCode', 'Type']) {
    if (col(req) < 0)
      issues.push(createIssue('COMPOSITE_MISSING_COLUMN', { column: req }, { file, line: 1 }));
  }
  if (issues.length > 0) return { ok: false, issues };
  const nodes: MetaNode[] = [];
  const groups: string[] = [];
  const denominators: string[] = [];
  const others: string[] = [];
  const firstLine = new Map<string, number>();
  const lineOf = new Map<string, number>();
  table.rows.forEach(({ cells, line }, i) => {
    const at = (field: string) => ({ file, line, row: i + 1, field });
    const get = (name: string) => {
      const c = col(name);
      return c < 0 ? undefined : cells[c];
    };
    const code = textCell(get('iCode'));
    if (!code) {
      issues.push(createIssue('COMPOSITE_MISSING_CODE', {}, at('iCode')));
      return;
    }
    const first = firstLine.get(code);
    if (first !== undefined) {
      issues.push(createIssue('COMPOSITE_DUPLICATE_CODE', { code, first }, at('iCode')));
      return;
    }
    firstLine.set(code, line);
    const typeText = get('Type') ?? '';
    const type = metaTypeSchema.safeParse(typeText);
    if (!type.success) {
      issues.push(
        createIssue(
          'COMPOSITE_BAD_TYPE',
          { type: typeText, types: metaTypeSchema.options },
          at('Type'),
        ),
      );
      return;
    }
    const t: MetaType = type.data;
    if (t === 'Group' || t === 'Denominator' || t === 'Other') {
      (t === 'Group' ? groups : t === 'Denominator' ? denominators : others).push(code);
      return;
    }
    const num = (name: string, required: boolean): number | undefined => {
      const raw = get(name);
      const v = numberCell(raw);
      if (v === undefined) {
        if (required)
          issues.push(createIssue('COMPOSITE_MISSING_VALUE', { column: name, code }, at(name)));
        return undefined;
      }
      if (Number.isNaN(v)) {
        issues.push(
          createIssue('COMPOSITE_NOT_NUMERIC', { value: raw ?? '', column: name }, at(name)),
        );
        return undefined;
      }
      return v;
    };
    const level = num('Level', true);
    const direction = num('Direction', true);
    const weight = num('Weight', true);
    if (level === undefined || direction === undefined || weight === undefined) return;
    if (!Number.isInteger(level) || level < 1) {
      issues.push(createIssue('COMPOSITE_BAD_LEVEL', { code, level }, at('Level')));
      return;
    }
    if (direction !== 1 && direction !== -1) {
      issues.push(
        createIssue('COMPOSITE_BAD_DIRECTION', { code, value: direction }, at('Direction')),
      );
      return;
    }
    if (weight < 0) {
      issues.push(createIssue('COMPOSITE_BAD_WEIGHT', { code, value: weight }, at('Weight')));
      return;
    }
    if (t === 'Indicator' && level !== 1) {
      issues.push(createIssue('COMPOSITE_INDICATOR_LEVEL', { code, level }, at('Level')));
      return;
    }
    if (t === 'Aggregate' && level === 1) {
      issues.push(createIssue('COMPOSITE_AGGREGATE_LEVEL', { code }, at('Level')));
      return;
    }
    const node: MetaNode = { code, level, direction, weight, type: t };
    const name = textCell(get('iName'));
    if (name !== undefined) node.name = name;
    const parent = textCell(get('Parent'));
    if (parent !== undefined) node.parent = parent;
    const unit = textCell(get('Unit'));
    if (unit !== undefined) node.unit = unit;
    const denominator = textCell(get('Denominator'));
    if (denominator !== undefined) node.denominator = denominator;
    const target = num('Target', false);
    if (target !== undefined) node.target = target;
    const lo = num('goalpost_lower', false);
    if (lo !== undefined) node.goalpostLower = lo;
    const hi = num('goalpost_upper', false);
    if (hi !== undefined) node.goalpostUpper = hi;
    nodes.push(node);
    lineOf.set(code, line);
  });
  // The tree: parents exist, are aggregates one level up, and every aggregate has children.
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const maxLevel = Math.max(0, ...nodes.map((n) => n.level));
  const hasChild = new Set<string>();
  for (const n of nodes) {
    const line = lineOf.get(n.code) as number;
    const where = { file, line, field: 'Parent' };
    if (n.parent === undefined) {
      if (n.level !== maxLevel) {
        issues.push(
          createIssue('COMPOSITE_MISSING_PARENT', { code: n.code, level: n.level }, where),
        );
      }
      continue;
    }
    const p = byCode.get(n.parent);
    if (p?.type !== 'Aggregate') {
      issues.push(
        createIssue('COMPOSITE_UNKNOWN_PARENT', { code: n.code, parent: n.parent }, where),
      );
      continue;
    }
    if (p.level !== n.level + 1) {
      issues.push(
        createIssue(
          'COMPOSITE_LEVEL_GAP',
          { code: n.code, level: n.level, parent: p.code, parentLevel: p.level },
          where,
        ),
      );
      continue;
    }
    hasChild.add(p.code);
  }
  for (const n of nodes) {
    if (n.type === 'Aggregate' && !hasChild.has(n.code)) {
      issues.push(
        createIssue(
          'COMPOSITE_EMPTY_AGGREGATE',
          { code: n.code },
          { file, line: lineOf.get(n.code) as number },
        ),
      );
    }
    if (n.denominator !== undefined && !denominators.includes(n.denominator)) {
      issues.push(
        createIssue(
          'COMPOSITE_UNKNOWN_DENOMINATOR',
          { code: n.code, denominator: n.denominator, denominators },
          { file, line: lineOf.get(n.code) as number, field: 'Denominator' },
        ),
      );
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  // Indicators first (iMeta order), then aggregates by level, as COINr's data sets list them.
  const ordered = [
    ...nodes.filter((n) => n.type === 'Indicator'),
    ...nodes.filter((n) => n.type === 'Aggregate').sort((a, b) => a.level - b.level),
  ];
  return { ok: true, value: { nodes: ordered, groups, denominators, others }, warnings: [] };
}

/**
 * Reads COINr's iData table against its metadata: `uCode` (required), `uName`, `Time` (a
 * panel when present), then group, denominator, other and indicator columns, each declared in
 * iMeta. Cells that are empty or `NA` are missing; any other non-number in a numeric column is
 * an error (`COMPOSITE_NOT_NUMERIC` with the line, row, column and field), as is a repeated
 * unit (in the same period), a column iMeta does not declare, or an indicator iMeta declares
 * but iData lacks.
 *
 * Numbers: a numeric cell is read with ECMAScript's `Number()` and accepted when the result is
 * finite (blanks around it ignored; decimal notation with an optional exponent such as `1.5`,
 * `-2e-3`, and 0x/0o/0b integers); a blank cell and `NA`, `NaN`, `na`, `N/A` are missing; any
 * other text (`Inf`, `1,5`, `12%`) is an error.
 *
 * CSV: text without double quotes, with `\n` or `\r\n` line ends, is parsed by udsv (several
 * times faster); files with quoted fields (multi-line ones too), ragged rows or other line ends
 * by csv-parse (`files.csvParse` when given). Both give the same records and line numbers.
 *
 * @example
 * ```ts
 * const r = readCoinr(iDataText, iMetaText, { idata: 'asem_iData.csv', imeta: 'asem_iMeta.csv' });
 * r.ok && r.value.raw.codes.length; //=> 49
 * ```
 */
export function readCoinr(
  idataText: string,
  imetaText: string,
  files: CoinrReadOptions = {},
): SafeResult<CompositeData> {
  const metaResult = readIMeta(imetaText, files.imeta ?? 'iMeta.csv', files.csvParse);
  if (!metaResult.ok) return metaResult;
  const meta = metaResult.value;
  const file = files.idata ?? 'iData.csv';
  const issues: Issue[] = [];
  const table = readTable(idataText, file, issues, files.csvParse);
  if (!table) return { ok: false, issues };
  const header = table.header;
  const uCol = header.indexOf('uCode');
  if (uCol < 0) {
    issues.push(createIssue('COMPOSITE_MISSING_COLUMN', { column: 'uCode' }, { file, line: 1 }));
    return { ok: false, issues };
  }
  const indicators = meta.nodes.filter((n) => n.type === 'Indicator').map((n) => n.code);
  const known = new Set([
    'uCode',
    'uName',
    'Time',
    ...indicators,
    ...meta.groups,
    ...meta.denominators,
    ...meta.others,
  ]);
  header.forEach((h, i) => {
    if (!known.has(h)) {
      issues.push(
        createIssue('COMPOSITE_UNKNOWN_COLUMN', { column: h }, { file, line: 1, column: i + 1 }),
      );
    }
  });
  const seenHeader = new Set<string>();
  for (const h of header) {
    if (seenHeader.has(h))
      issues.push(createIssue('COMPOSITE_DUPLICATE_COLUMN', { column: h }, { file, line: 1 }));
    seenHeader.add(h);
  }
  for (const code of indicators) {
    if (!header.includes(code)) {
      issues.push(createIssue('COMPOSITE_INDICATOR_NOT_IN_DATA', { code }, { file, line: 1 }));
    }
  }
  for (const node of meta.nodes) {
    if (node.denominator !== undefined && !header.includes(node.denominator)) {
      issues.push(
        createIssue(
          'COMPOSITE_DENOMINATOR_NOT_IN_DATA',
          { code: node.code, denominator: node.denominator },
          { file, line: 1 },
        ),
      );
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const nameCol = header.indexOf('uName');
  const timeCol = header.indexOf('Time');
  const groupCols = meta.groups.filter((g) => header.includes(g));
  const denominatorCols = meta.denominators.filter((d) => header.includes(d));
  const indCols = indicators.map((c) => header.indexOf(c));
  /** Reads every record of `t`; undefined when the fast path gave up part way. */
  const readRows = (source: Table) => {
    const n = source.count;
    const rowIssues: Issue[] = [];
    const codes: string[] = new Array(n);
    const names: (string | null)[] = new Array(n);
    const periods: (number | null)[] = new Array(n);
    const groups: Record<string, (string | null)[]> = {};
    for (const g of groupCols) groups[g] = new Array(n);
    const denominators: Record<string, Float64Array> = {};
    for (const d of denominatorCols) denominators[d] = new Float64Array(n);
    const values = new Float64Array(indicators.length * n);
    const seen = new Map<string, number>();
    const complete = source.each((cells, line, r) => {
      const at = (field: string) => ({
        file,
        line,
        row: r + 1,
        field,
        column: header.indexOf(field) + 1,
      });
      const bad = (c: number) => {
        const column = header[c] as string;
        rowIssues.push(
          createIssue('COMPOSITE_NOT_NUMERIC', { value: cells[c] ?? '', column }, at(column)),
        );
      };
      const numeric = (c: number): number => {
        const v = numberCell(cells[c]);
        if (v === undefined) return Number.NaN;
        if (Number.isNaN(v)) bad(c);
        return v;
      };
      const code = textCell(cells[uCol]);
      if (!code) rowIssues.push(createIssue('COMPOSITE_MISSING_CODE', {}, at('uCode')));
      let period: number | null = null;
      if (timeCol >= 0) {
        const t = numeric(timeCol);
        if (Number.isNaN(t) && numberCell(cells[timeCol]) === undefined) {
          rowIssues.push(
            createIssue(
              'COMPOSITE_MISSING_VALUE',
              { column: 'Time', code: code ?? '' },
              at('Time'),
            ),
          );
        }
        period = Number.isNaN(t) ? null : t;
      }
      const key = `${code ?? ''}\u0000${period ?? ''}`;
      const first = seen.get(key);
      if (code && first !== undefined) {
        rowIssues.push(
          createIssue('COMPOSITE_DUPLICATE_UNIT', { unit: code, period, first }, at('uCode')),
        );
      }
      seen.set(key, line);
      codes[r] = code ?? '';
      names[r] = nameCol >= 0 ? (textCell(cells[nameCol]) ?? null) : null;
      periods[r] = period;
      for (const g of groupCols) {
        (groups[g] as (string | null)[])[r] = textCell(cells[header.indexOf(g)]) ?? null;
      }
      for (const d of denominatorCols) {
        (denominators[d] as Float64Array)[r] = numeric(header.indexOf(d));
      }
      // The indicator cells: numberCell's rule inlined (this loop reads every value).
      for (let k = 0; k < indCols.length; k++) {
        const c = indCols[k] as number;
        const cell = cells[c];
        let v = Number.NaN;
        if (cell !== undefined) {
          v = Number(cell);
          if (!Number.isFinite(v)) {
            v = Number.NaN;
            if (!MISSING.has(cell.trim())) bad(c);
          } else if (v === 0 && cell.trim() === '') v = Number.NaN;
        }
        values[k * n + r] = v;
      }
    });
    if (!complete) return undefined;
    return { n, rowIssues, codes, names, periods, groups, denominators, values };
  };
  let rows = readRows(table);
  if (!rows) {
    const again = readTable(idataText, file, issues, files.csvParse, false);
    rows = again ? readRows(again) : undefined;
    if (!rows) return { ok: false, issues };
  }
  const { n, codes, names, periods, groups, denominators, values } = rows;
  issues.push(...rows.rowIssues);
  if (issues.length > 0) return { ok: false, issues };
  const units: UnitTable = { codes, names, periods, groups, denominators };
  const raw: Dataset = {
    rows: Int32Array.from({ length: n }, (_, i) => i),
    codes: indicators,
    values,
  };
  return { ok: true, value: { units, meta, raw }, warnings: [] };
}
