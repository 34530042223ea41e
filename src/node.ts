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
