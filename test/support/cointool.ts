/**
 * A SYNTHETIC COIN Tool workbook for tests. No real JRC COIN Tool workbook could be found to
 * ship (the JRC distributes it from its own site, not from a public repository), so this
 * builds one from the layout COINr 1.1.14's `import_coin_tool` reads (`R/coinToolIn.R`):
 * sheet `Database` with weights, directions, goalposts, the aggregation chain, names and codes
 * in rows 7 to 16 from column E and one unit per row from row 17 (name in B, code in C), and
 * sheet `Framework` with aggregate codes, weights and names in columns C, E and H from row 5.
 * Only those cells are filled; a real workbook also holds the tool's formulas and outputs.
 */
import ExcelJS from 'exceljs';

/** One unit of the synthetic workbook. */
export interface SyntheticUnit {
  code: string;
  name: string;
  values: (number | string | null)[];
}

/**
 * Builds the synthetic workbook: 4 indicators in two pillars (`p.01`, `p.02`) under `Index`,
 * sub-pillar and sub-index rows unused (one repeated code each, as an unused level reads).
 *
 * @example
 * ```ts
 * const bytes = await syntheticCoinTool([{ code: 'AT', name: 'Austria', values: [1, 2, 3, 4] }]);
 * ```
 */
export async function syntheticCoinTool(
  units: readonly SyntheticUnit[],
  o: { omitFramework?: boolean } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const db = wb.addWorksheet('Database');
  const inds = [
    { code: 'Ind.01', name: 'Broadband coverage', w: 1, d: 1, lo: 0, hi: 100, p: 'p.01' },
    { code: 'Ind.02', name: 'Road deaths', w: 2, d: -1, lo: 0, hi: 20, p: 'p.01' },
    { code: 'Ind.03', name: 'Tertiary graduates', w: 1, d: 1, lo: 0, hi: 60, p: 'p.02' },
    { code: 'Ind.04', name: 'Early school leavers', w: 1, d: -1, lo: 0, hi: 30, p: 'p.02' },
  ];
  inds.forEach((ind, j) => {
    const c = 5 + j;
    db.getCell(7, c).value = ind.w;
    db.getCell(8, c).value = ind.d;
    db.getCell(9, c).value = ind.lo;
    db.getCell(10, c).value = ind.hi;
    db.getCell(11, c).value = 'Index';
    db.getCell(12, c).value = 'si.01';
    db.getCell(13, c).value = ind.p;
    db.getCell(14, c).value = 'sp.01';
    db.getCell(15, c).value = ind.name;
    db.getCell(16, c).value = ind.code;
  });
  units.forEach((u, i) => {
    const r = 17 + i;
    db.getCell(r, 2).value = u.name;
    db.getCell(r, 3).value = u.code;
    u.values.forEach((v, j) => {
      db.getCell(r, 5 + j).value = v;
    });
  });
  if (!o.omitFramework) {
    const fw = wb.addWorksheet('Framework');
    fw.getCell(4, 3).value = 'Dimension/indicator';
    fw.getCell(4, 5).value = 'Weight';
    fw.getCell(4, 8).value = 'Name';
    const rows = [
      ['Index', 1, 'Regional wellbeing index'],
      ['p.01', 1, 'Infrastructure'],
      ['p.02', 3, 'Education'],
      ['--', null, ''],
    ] as const;
    rows.forEach(([code, w, name], i) => {
      fw.getCell(5 + i, 3).value = code;
      fw.getCell(5 + i, 5).value = w;
      fw.getCell(5 + i, 8).value = name;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
