import { parse } from 'csv-parse/browser/esm/sync';
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
 * Options of {@link readCoinr}: file names for issue locations, and optionally the CSV parser.
 * The core uses csv-parse's browser build (no `Buffer`); Node callers may pass the Node build
 * (`import { parse } from 'csv-parse/sync'`), about three times faster on large files.
 */
export interface CoinrReadOptions extends CoinrFiles {
  csvParse?: CsvParse;
}

interface Table {
  header: string[];
  rows: { cells: string[]; line: number }[];
}

function readTable(
  text: string,
  file: string,
  issues: Issue[],
  csvParse: CsvParse = parse,
): Table | undefined {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = csvParse(text.replace(/^\uFEFF/, ''), {
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
  const [head, ...body] = records;
  if (!head) {
    issues.push(createIssue('COMPOSITE_CSV_EMPTY', {}, { file }));
    return undefined;
  }
  return {
    header: head.record.map((h) => h.trim()),
    rows: body.map((r) => ({ cells: r.record, line: r.info.lines })),
  };
}

const MISSING = new Set(['', 'NA', 'NaN', 'na', 'N/A']);

/** Parses a cell as a number: undefined for an empty/NA cell, NaN when it is not a number. */
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
  const table = readTable(text, file, issues, csvParse);
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
 * an error, as is a repeated unit (in the same period), a column iMeta does not declare, or an
 * indicator iMeta declares but iData lacks.
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
  const n = table.rows.length;
  const nameCol = header.indexOf('uName');
  const timeCol = header.indexOf('Time');
  const codes: string[] = [];
  const names: (string | null)[] = [];
  const periods: (number | null)[] = [];
  const groups: Record<string, (string | null)[]> = {};
  for (const g of meta.groups) if (header.includes(g)) groups[g] = [];
  const denominators: Record<string, Float64Array> = {};
  for (const d of meta.denominators) if (header.includes(d)) denominators[d] = new Float64Array(n);
  const values = new Float64Array(indicators.length * n);
  const indCols = indicators.map((c) => header.indexOf(c));
  const seen = new Map<string, number>();
  table.rows.forEach(({ cells, line }, r) => {
    const at = (field: string) => ({
      file,
      line,
      row: r + 1,
      field,
      column: header.indexOf(field) + 1,
    });
    const numeric = (c: number): number => {
      const raw = cells[c];
      const v = numberCell(raw);
      if (v === undefined) return Number.NaN;
      if (Number.isNaN(v)) {
        const column = header[c] as string;
        issues.push(createIssue('COMPOSITE_NOT_NUMERIC', { value: raw ?? '', column }, at(column)));
      }
      return v;
    };
    const code = textCell(cells[uCol]);
    if (!code) issues.push(createIssue('COMPOSITE_MISSING_CODE', {}, at('uCode')));
    let period: number | null = null;
    if (timeCol >= 0) {
      const t = numeric(timeCol);
      if (Number.isNaN(t) && numberCell(cells[timeCol]) === undefined) {
        issues.push(
          createIssue('COMPOSITE_MISSING_VALUE', { column: 'Time', code: code ?? '' }, at('Time')),
        );
      }
      period = Number.isNaN(t) ? null : t;
    }
    const key = `${code ?? ''}\u0000${period ?? ''}`;
    const first = seen.get(key);
    if (code && first !== undefined) {
      issues.push(
        createIssue('COMPOSITE_DUPLICATE_UNIT', { unit: code, period, first }, at('uCode')),
      );
    }
    seen.set(key, line);
    codes.push(code ?? '');
    names.push(nameCol >= 0 ? (textCell(cells[nameCol]) ?? null) : null);
    periods.push(period);
    for (const g of Object.keys(groups)) {
      (groups[g] as (string | null)[]).push(textCell(cells[header.indexOf(g)]) ?? null);
    }
    for (const d of Object.keys(denominators)) {
      (denominators[d] as Float64Array)[r] = numeric(header.indexOf(d));
    }
    indCols.forEach((c, k) => {
      values[k * n + r] = numeric(c);
    });
  });
  if (issues.length > 0) return { ok: false, issues };
  const units: UnitTable = { codes, names, periods, groups, denominators };
  const raw: Dataset = {
    rows: Int32Array.from({ length: n }, (_, i) => i),
    codes: indicators,
    values,
  };
  return { ok: true, value: { units, meta, raw }, warnings: [] };
}
