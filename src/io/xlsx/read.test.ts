import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../errors/issue.js';
import { checkWorkbook, columnLetters, readXlsxCells, xlsxCellText } from './read.js';
import { writeTablesXlsx } from './write.js';

/** A zip part for {@link zip}: its name, content, and optionally a size to declare instead. */
interface Part {
  name: string;
  data: Uint8Array | string;
  declaredSize?: number;
}

/** A minimal zip writer (deflate), to build workbooks the way a bad one would be built. */
function zip(parts: readonly Part[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const raw = typeof p.data === 'string' ? Buffer.from(p.data) : Buffer.from(p.data);
    const data = deflateRawSync(raw);
    const name = Buffer.from(p.name);
    const size = p.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(raw), 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    chunks.push(local, name, data);
    offset += local.length + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cd, end]));
}

const contentTypes = (macro = false) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.${macro ? 'ms-excel.sheet.macroEnabled.main+xml' : 'openxmlformats-officedocument.spreadsheetml.sheet.main+xml'}"/></Types>`;
const workbookXml =
  '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Answers" sheetId="1" r:id="rId1"/></sheets></workbook>';
const rels =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const sheetXml = (rows: string) =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

/** A hand-built workbook with one sheet `Answers`. */
function book(rows: string, extra: Part[] = [], macro = false): Uint8Array {
  return zip([
    { name: '[Content_Types].xml', data: contentTypes(macro) },
    { name: 'xl/workbook.xml', data: workbookXml },
    { name: 'xl/_rels/workbook.xml.rels', data: rels },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml(rows) },
    ...extra,
  ]);
}

async function codeOf(bytes: Uint8Array): Promise<string | undefined> {
  const r = await readXlsxCells(bytes, { file: 'bad.xlsx' });
  return r.ok ? undefined : r.issues[0]?.code;
}

describe('readXlsxCells and writeTablesXlsx', () => {
  it('round-trips text, numbers, dates and booleans; text that looks like a formula stays text', async () => {
    const bytes = await writeTablesXlsx([
      {
        name: 'Data',
        columns: [{ header: 'unit' }, { header: 'n', numFmt: '0.0' }, { header: 'when' }],
        rows: [
          ['BG', 41.25, new Date(Date.UTC(2021, 0, 31))],
          ['=1+1', true, null],
          ['Пребиваване', -2, '@x'],
        ],
      },
    ]);
    const r = await readXlsxCells(bytes, { file: 'a.xlsx' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const sheet = r.workbook.sheets[0];
    expect(sheet?.name).toBe('Data');
    expect(sheet?.formulas).toEqual([]);
    expect(sheet?.rows.map((row) => row.map(xlsxCellText))).toEqual([
      ['unit', 'n', 'when'],
      ['BG', '41.25', '2021-01-31'],
      ['=1+1', 'true'],
      ['Пребиваване', '-2', '@x'],
    ]);
  });

  it('reads a formula cell by its saved value and lists it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 'x';
    ws.getCell('B2').value = { formula: 'SUM(1,2)', result: 3 } as ExcelJS.CellFormulaValue;
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const r = await readXlsxCells(bytes);
    expect(r.ok && r.workbook.sheets[0]?.rows[1]?.[1]).toBe(3);
    expect(r.ok && r.workbook.sheets[0]?.formulas).toEqual(['B2']);
  });

  it('writes numbers as numbers with their display format, and strings as strings', async () => {
    const bytes = await writeTablesXlsx([
      {
        name: 'S',
        columns: [{ header: 'v', numFmt: '0.00' }],
        rows: [[1.23456], ['=HYPERLINK("x")']],
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const ws = wb.getWorksheet('S');
    expect(ws?.getCell('A2').type).toBe(ExcelJS.ValueType.Number);
    expect(ws?.getCell('A2').numFmt).toBe('0.00');
    expect(ws?.getCell('A3').type).toBe(ExcelJS.ValueType.String);
  });

  it('names columns and cells as Excel does', () => {
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});

describe('bad workbooks: a coded error, fast, nothing inflated past its declared size', () => {
  it('not a zip: XLSX_NOT_ZIP', async () => {
    expect(await codeOf(new TextEncoder().encode('unit,period,indicator,answer\n'))).toBe(
      'XLSX_NOT_ZIP',
    );
    expect(await codeOf(new Uint8Array())).toBe('XLSX_NOT_ZIP');
  });

  it('truncated: XLSX_TRUNCATED', async () => {
    const good = await writeTablesXlsx([{ name: 'S', columns: [{ header: 'a' }], rows: [['x']] }]);
    expect(await codeOf(good.subarray(0, Math.floor(good.length / 2)))).toBe('XLSX_TRUNCATED');
    expect(await codeOf(good.subarray(0, good.length - 10))).toBe('XLSX_TRUNCATED');
  });

  it('encrypted (an OLE container with EncryptionInfo): XLSX_ENCRYPTED; a .xls: XLSX_LEGACY_XLS', async () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await codeOf(ole)).toBe('XLSX_LEGACY_XLS');
    const name = 'EncryptionInfo';
    for (let i = 0; i < name.length; i++) ole[600 + 2 * i] = name.charCodeAt(i);
    expect(await codeOf(ole)).toBe('XLSX_ENCRYPTED');
  });

  it('macros (.xlsm): XLSX_MACROS', async () => {
    expect(await codeOf(book('', [{ name: 'xl/vbaProject.bin', data: 'VBA' }]))).toBe(
      'XLSX_MACROS',
    );
    expect(await codeOf(book('', [], true))).toBe('XLSX_MACROS');
  });

  it('zip bomb: declared ratio, declared size, and a part inflating past its declared size', async () => {
    const t = Date.now();
    const zeros = new Uint8Array(64 * 1024 * 1024);
    expect(await codeOf(book('', [{ name: 'xl/media/x.bin', data: zeros }]))).toBe('XLSX_ZIP_BOMB');
    expect(
      await codeOf(book('', [{ name: 'xl/x.xml', data: 'x', declaredSize: 0xfffffff0 }])),
    ).toBe('XLSX_ZIP_BOMB');
    // Declares 1,000 bytes, inflates to 2 MB: stopped at 1,001 bytes.
    const liar = book('', [
      { name: 'xl/sharedStrings.xml', data: new Uint8Array(2 * 1024 * 1024), declaredSize: 1000 },
    ]);
    const r = checkWorkbook(liar, 'bad.xlsx');
    expect(r.ok ? undefined : r.issues[0]?.code).toBe('XLSX_ZIP_BOMB');
    expect(Date.now() - t).toBeLessThan(5000);
  });

  it('a sheet of a million empty rows: XLSX_EMPTY_ROWS within seconds', async () => {
    const rows: string[] = ['<row r="1"><c r="A1" t="inlineStr"><is><t>unit</t></is></c></row>'];
    for (let r = 2; r <= 1_000_000; r++) rows.push(`<row r="${r}"/>`);
    const bytes = book(rows.join(''));
    const t = Date.now();
    const r = await readXlsxCells(bytes, { file: 'big.xlsx' });
    expect(Date.now() - t).toBeLessThan(5000);
    expect(r.ok ? undefined : r.issues[0]?.code).toBe('XLSX_EMPTY_ROWS');
  });

  it('shared strings out of range: XLSX_SHARED_STRING_RANGE at the cell', async () => {
    const sst =
      '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>unit</t></si></sst>';
    const bytes = book('<row r="12"><c r="D12" t="s"><v>7</v></c></row>', [
      { name: 'xl/sharedStrings.xml', data: sst },
    ]);
    const r = await readXlsxCells(bytes, { file: 'q.xlsx' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]?.code).toBe('XLSX_SHARED_STRING_RANGE');
    expect(formatIssue(r.issues[0] as never)).toMatch(/^q\.xlsx!Answers!D12: error /);
  });

  it('a zip that is no workbook: XLSX_NOT_WORKBOOK', async () => {
    expect(await codeOf(zip([{ name: 'readme.txt', data: 'hello' }]))).toBe('XLSX_NOT_WORKBOOK');
  });
});
