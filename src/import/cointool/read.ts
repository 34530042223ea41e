/**
 * Reading the JRC's Excel COIN Tool (v1) into COINr's iData and iMeta, following the layout
 * COINr's `import_coin_tool` (COINr 1.1.14, `R/coinToolIn.R`) reads. Sheet `Database`:
 *
 * | rows | columns E onwards (one per indicator) |
 * |---|---|
 * | 7 | weight |
 * | 8 | direction (1 or -1) |
 * | 9, 10 | lower and upper goalposts |
 * | 11 to 14 | the indicator's index, sub-index (`si.`), pillar (`p.`) and sub-pillar (`sp.`) codes |
 * | 15 | indicator name |
 * | 16 | indicator code (`Ind.01`...) |
 * | 17 to 315 | one unit per row: name in column B, code in column C, values (`n/a` = missing) |
 *
 * Sheet `Framework`, rows 5 to 52 (header in row 4): aggregate code in column C (`--` for an
 * empty row), weight in column E, name in column H. A level whose codes are the same for every
 * indicator is unused and left out, as COINr does (the index level is always kept); levels are
 * numbered from 1 (indicators) up.
 */
import ExcelJS from 'exceljs';
import { bytesProblem, firstProblem, stringProblem } from '../../errors/args.js';
import { createIssue, type Issue, type SafeResult } from '../../errors/issue.js';
import { toCsv } from '../../io/csv.js';

/** What {@link readCoinTool} produced: COINr's iData and iMeta as CSV text, and counts. */
export interface CoinToolImport {
  iData: string;
  iMeta: string;
  units: number;
  indicators: number;
  aggregates: number;
}

const firstCol = 5; // E
const lastCol = 103; // CY
const firstUnitRow = 17;
const lastUnitRow = 315;

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('result' in v) return text(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if (v instanceof Date) return v.toISOString();
    return '';
  }
  return String(v).trim();
}

/**
 * Reads a COIN Tool workbook (the bytes of the .xlsx) into iData and iMeta CSV text that
 * `readCoinr` accepts. Problems are coded issues naming the sheet and cell: a missing sheet
 * (`COINTOOL_NO_SHEET`), no indicator codes in row 16 (`COINTOOL_EMPTY`), a value that is not a
 * number or `n/a` (`COINTOOL_NOT_NUMERIC`), an indicator whose aggregate is not on the
 * Framework sheet (`COINTOOL_UNKNOWN_AGGREGATE`), a unit row without a code
 * (`COINTOOL_MISSING_UNIT_CODE`). Every unit row with a code is kept.
 *
 * @example
 * ```ts
 * const r = await readCoinTool(readFileSync('COIN_Tool.xlsx'), 'COIN_Tool.xlsx');
 * if (r.ok) readCoinr(r.value.iData, r.value.iMeta);
 * ```
 */
export async function readCoinTool(
  bytes: ArrayBuffer | Uint8Array,
  file?: string,
): Promise<SafeResult<CoinToolImport>> {
  const bad = firstProblem(
    bytesProblem('readCoinTool', 'bytes', bytes, { arrayBuffer: true }),
    stringProblem('readCoinTool', 'file', file, { optional: true }),
  );
  if (bad) return { ok: false, issues: [bad] };
  const wb = new ExcelJS.Workbook();
  const at = (sheet: string, cell: string) => ({ ...(file ? { file } : {}), path: [sheet, cell] });
  try {
    await wb.xlsx.load(bytes as ArrayBuffer);
  } catch (e) {
    return {
      ok: false,
      issues: [
        createIssue(
          'COINTOOL_NOT_XLSX',
          { detail: e instanceof Error ? e.message : String(e) },
          file ? { file } : {},
        ),
      ],
    };
  }
  const db = wb.getWorksheet('Database');
  const fw = wb.getWorksheet('Framework');
  const missing = [...(db ? [] : ['Database']), ...(fw ? [] : ['Framework'])].map((sheet) =>
    createIssue('COINTOOL_NO_SHEET', { sheet }, file ? { file } : {}),
  );
  if (!db || !fw) return { ok: false, issues: missing };
  const issues: Issue[] = [];
  const cellAddr = (row: number, col: number) => db.getCell(row, col).address;

  // Indicators: columns E.. while row 16 has a code.
  const cols: number[] = [];
  for (let c = firstCol; c <= lastCol; c++) {
    if (text(db.getCell(16, c).value) === '') break;
    cols.push(c);
  }
  if (cols.length === 0)
    return { ok: false, issues: [createIssue('COINTOOL_EMPTY', {}, at('Database', 'E16'))] };
  const num = (row: number, c: number): number | null => {
    const v = db.getCell(row, c).value;
    const t = text(v);
    if (t === '' || t.toLowerCase() === 'n/a') return null;
    const x = typeof v === 'number' ? v : Number(t);
    if (!Number.isFinite(x)) {
      issues.push(
        createIssue('COINTOOL_NOT_NUMERIC', { value: t }, at('Database', cellAddr(row, c))),
      );
      return null;
    }
    return x;
  };
  const indicators = cols.map((c) => ({
    code: text(db.getCell(16, c).value),
    name: text(db.getCell(15, c).value),
    weight: num(7, c),
    direction: num(8, c),
    lower: num(9, c),
    upper: num(10, c),
    // Rows 14 (sub-pillar) up to 11 (index): the chain from the lowest level up.
    chain: [14, 13, 12, 11].map((r) => text(db.getCell(r, c).value)),
  }));
  // A level whose code is the same for every indicator is unused (the index row always kept).
  const used = [0, 1, 2, 3].filter(
    (k) => k === 3 || new Set(indicators.map((i) => i.chain[k])).size > 1,
  );

  // Aggregates from the Framework sheet.
  const agg = new Map<string, { name: string; weight: number | null; row: number }>();
  for (let r = 5; r <= 52; r++) {
    const code = text(fw.getCell(r, 3).value);
    if (code === '' || code === '--') continue;
    const w = fw.getCell(r, 5).value;
    const weight =
      typeof w === 'number'
        ? w
        : Number.isFinite(Number(text(w))) && text(w) !== ''
          ? Number(text(w))
          : null;
    agg.set(code, { name: text(fw.getCell(r, 8).value), weight, row: r });
  }

  // iMeta: indicators (level 1), then each used level's aggregates with their parents.
  const meta: (string | number)[][] = [
    [
      'Level',
      'iCode',
      'iName',
      'Direction',
      'Weight',
      'Parent',
      'Type',
      'goalpost_lower',
      'goalpost_upper',
    ],
  ];
  indicators.forEach((ind, j) => {
    const parent = ind.chain[used[0] as number] as string;
    meta.push([
      1,
      ind.code,
      ind.name,
      ind.direction ?? 1,
      ind.weight ?? 1,
      parent,
      'Indicator',
      ind.lower ?? '',
      ind.upper ?? '',
    ]);
    for (const k of used) {
      const code = ind.chain[k] as string;
      if (code !== '' && !agg.has(code) && !issues.some((i) => i.params?.code === code))
        issues.push(
          createIssue(
            'COINTOOL_UNKNOWN_AGGREGATE',
            { code, indicator: ind.code },
            at('Database', cellAddr([14, 13, 12, 11][k] as number, cols[j] as number)),
          ),
        );
    }
  });
  const seen = new Set<string>();
  used.forEach((k, li) => {
    for (const ind of indicators) {
      const code = ind.chain[k] as string;
      if (code === '' || seen.has(code)) continue;
      seen.add(code);
      const parent = li + 1 < used.length ? (ind.chain[used[li + 1] as number] as string) : '';
      const a = agg.get(code);
      meta.push([li + 2, code, a?.name ?? code, 1, a?.weight ?? 1, parent, 'Aggregate', '', '']);
    }
  });

  // iData: one row per unit with a code.
  const data: (string | number)[][] = [['uCode', 'uName', ...indicators.map((i) => i.code)]];
  for (let r = firstUnitRow; r <= lastUnitRow; r++) {
    const name = text(db.getCell(r, 2).value);
    const code = text(db.getCell(r, 3).value);
    const values = cols.map((c) => num(r, c));
    if (code === '' && name === '' && values.every((v) => v === null)) continue;
    if (code === '') {
      issues.push(createIssue('COINTOOL_MISSING_UNIT_CODE', { row: r }, at('Database', `C${r}`)));
      continue;
    }
    data.push([code, name, ...values.map((v) => (v === null ? 'NA' : v))]);
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      iData: toCsv(data),
      iMeta: toCsv(meta),
      units: data.length - 1,
      indicators: indicators.length,
      aggregates: seen.size,
    },
    warnings: [],
  };
}
