import type { XlsxTable } from '../../io/xlsx/write.js';
import { toWide } from '../data/dataset.js';
import type { Dataset, UnitTable } from '../data/types.js';
import type { PipelineResult } from './run.js';
import { stageNames } from './schema.js';

/**
 * A pipeline run as sheets, the way COINr's `export_to_excel` writes a coin: one sheet per data
 * set the pipeline wrote (`raw`, `denominated`, `imputed`, `screened`, `treated`, `normalised`,
 * `aggregated`, in that order), each wide (one row per unit and time, one column per code, as
 * `toWide` gives it), then a `Log` sheet with one row per step and its log as JSON. Values are
 * numbers at full precision. Write them with `writeTablesXlsx`.
 *
 * @example
 * ```ts
 * const bytes = await writeTablesXlsx(pipelineTables(data.units, runPipeline(data, spec)));
 * ```
 */
export function pipelineTables(units: UnitTable, result: PipelineResult): XlsxTable[] {
  const tables: XlsxTable[] = [];
  for (const stage of stageNames) {
    const ds: Dataset | undefined = result.datasets[stage];
    if (ds === undefined) continue;
    const w = toWide(units, ds);
    tables.push({ name: stage, columns: w.header.map((header) => ({ header })), rows: w.rows });
  }
  tables.push({
    name: 'Log',
    columns: [{ header: 'step' }, { header: 'log', width: 100, wrap: true }],
    rows: result.log.map((entry) => [
      entry.step,
      JSON.stringify(entry.step === 'impute' ? { ...entry, mask: undefined } : entry),
    ]),
  });
  return tables;
}
