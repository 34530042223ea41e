/**
 * Excel workbooks (`.xlsx`), in one place: {@link readXlsxCells} reads every sheet's cell values
 * after checking the bytes (zip, sizes, macros, encryption), {@link writeTablesXlsx} writes
 * tables as sheets. Node-only (it inflates with `node:zlib`); exported from
 * `integration-index/node`, never from the browser core.
 */

export { loadExcelJs } from './load.js';
export {
  cellAddress,
  checkWorkbook,
  columnLetters,
  type ReadXlsxOptions,
  readXlsxCells,
  type XlsxSheet,
  type XlsxValue,
  type XlsxWorkbook,
  xlsxCellText,
} from './read.js';
export {
  safeSheetName,
  writeTablesXlsx,
  type XlsxColumn,
  type XlsxTable,
  type XlsxValidation,
} from './write.js';
export { inflatePart, inspectZip, xlsxLimits, type ZipPart } from './zip.js';
