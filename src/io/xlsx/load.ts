import type * as ExcelJS from 'exceljs';

let loaded: Promise<typeof ExcelJS> | undefined;

/**
 * exceljs, loaded on first use: it takes about half a second to import, which every CLI
 * command would otherwise pay at start whether or not it touches a workbook.
 *
 * @example
 * ```ts
 * const { Workbook } = await loadExcelJs();
 * ```
 */
export function loadExcelJs(): Promise<typeof ExcelJS> {
  loaded ??= import('exceljs').then(
    (m) => ((m as { default?: typeof ExcelJS }).default ?? m) as typeof ExcelJS,
  );
  return loaded;
}
