/**
 * File-system adapters for Node.js: read frameworks and answer files from disk. The core API in
 * `integration-index` takes and returns plain data and never touches the file system.
 *
 * @packageDocumentation
 */

// --- framework folders (issue 2) ---

export {
  builtinFrameworksDir,
  isFrameworkFolder,
  listBuiltinFrameworks,
  loadFramework,
  loadFrameworkDir,
  type PathsValidation,
  readFrameworkFiles,
  resolveFramework,
  safeLoadFramework,
  type ValidatePathsOptions,
  validatePaths,
} from './node/framework.js';

// --- answer files (issue 3) ---

export {
  type ReadAnswerFilesOptions,
  readAnswerFiles,
  readAnswerTableFiles,
} from './node/answers.js';

// --- editions, provenance (issue 8) ---

export {
  answerDigests,
  readFrameworkWithDigests,
  relocateStamp,
  type Verification,
  verifyResultFile,
} from './node/provenance.js';

// --- analysis worker threads (issue 6) ---

export {
  createWorkerExecutor,
  type WorkerExecutorOptions,
} from './analysis/workers/pool.js';

// --- JRC COIN Tool workbooks (issue 19) ---

export { type CoinToolImport, readCoinTool } from './import/cointool/read.js';
// --- units registry (issue 17) ---

export { readUnitsFile } from './node/units.js';
// --- Excel workbooks (issue 15) ---

export {
  readXlsxAnswerSheet,
  type XlsxAbout,
  type XlsxAnswerOptions,
} from './answers/read/xlsx.js';
export { templateToXlsx } from './answers/template/xlsx.js';
export { pipelineTables } from './composite/pipeline/xlsx.js';
export {
  cellAddress,
  checkWorkbook,
  columnLetters,
  inspectZip,
  type ReadXlsxOptions,
  readXlsxCells,
  safeSheetName,
  writeTablesXlsx,
  type XlsxColumn,
  type XlsxSheet,
  type XlsxTable,
  type XlsxValidation,
  type XlsxValue,
  type XlsxWorkbook,
  xlsxCellText,
  xlsxLimits,
  type ZipPart,
} from './io/xlsx/index.js';
export { loadExcelJs } from './io/xlsx/load.js';
export { isWorkbook } from './node/answers.js';
export { decimalsFormat, exportTables, exportXlsx } from './report/export/xlsx.js';
