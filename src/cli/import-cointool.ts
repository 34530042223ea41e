/**
 * `import coin-tool FILE.xlsx --out DIR`: the JRC's Excel COIN Tool workbook to COINr's
 * iData.csv and iMeta.csv (see `import/cointool/read.ts` for the cells read).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIssue, IntegrationIndexError } from '../errors/issue.js';
import { readCoinTool } from '../import/cointool/read.js';
import { defineCliCommand, exitCodes, UsageError } from './command.js';

/**
 * The `coin-tool` sub-command of `import`.
 *
 * @example
 * ```sh
 * integration-index import coin-tool COIN_Tool.xlsx --out data/
 * ```
 */
export const importCoinToolCommand = defineCliCommand({
  meta: {
    name: 'coin-tool',
    description:
      "Read the JRC COIN Tool workbook's input sheets (Database, Framework) into COINr's iData.csv and iMeta.csv.",
  },
  args: {
    workbook: { type: 'positional', required: true, description: 'The COIN Tool .xlsx file' },
    out: { type: 'string', alias: 'o', description: 'Folder to write iData.csv and iMeta.csv to' },
    quiet: { type: 'boolean', alias: 'q', default: false, description: 'Print errors only' },
  },
  async run({ args }) {
    const out = typeof args.out === 'string' ? args.out : '';
    if (out === '') throw new UsageError('Missing --out <folder>.');
    const file = String(args.workbook);
    if (!existsSync(file) || !statSync(file).isFile())
      throw new IntegrationIndexError([createIssue('FILE_NOT_FOUND', { file }, { file })]);
    const r = await readCoinTool(readFileSync(file), file);
    if (!r.ok) throw new IntegrationIndexError(r.issues);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'iData.csv'), r.value.iData);
    writeFileSync(join(out, 'iMeta.csv'), r.value.iMeta);
    if (!args.quiet)
      process.stderr.write(
        `${r.value.units} units, ${r.value.indicators} indicators, ${r.value.aggregates} aggregates: wrote ${join(out, 'iData.csv')} and ${join(out, 'iMeta.csv')}.\n`,
      );
    return exitCodes.ok;
  },
});
