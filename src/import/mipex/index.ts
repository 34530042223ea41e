/**
 * Importing MIPEX's published indicator scores as answers for the built-in `mipex-2020`
 * framework (or any framework that carries MIPEX's codes as ids or aliases).
 */
export { indexMipexCodes, type MipexTarget, normaliseMipexCode } from './codes.js';
export { formatAnswersCsv, LONG_ANSWER_COLUMNS } from './csv.js';
export {
  importMipexScores,
  MIPEX_SCORE_COLUMNS,
  type MipexImportCounts,
  type MipexImportOptions,
  type MipexImportResult,
} from './import.js';
