/**
 * `import coinr --idata F --imeta F --out DIR`: COINr's iData/iMeta to a framework folder of
 * this package (framework.yaml, one file per dimension) plus `answers.csv` with the data.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parse as nodeCsvParse } from '#csv-parse';
import { createIssue, formatIssue, type Issue } from '../errors/issue.js';
import { importCoinr } from '../import/coinr/import.js';
import { toCsv } from '../io/csv.js';
import { defineCliCommand, exitCodes, UsageError } from './command.js';
import { rawArg } from './scored-output.js';

/**
 * The `coinr` sub-command of `import`.
 *
 * @example
 * ```sh
 * integration-index import coinr --idata asem_iData.csv --imeta asem_iMeta.csv --out indicators/asem --id asem
 * ```
 */
export const importCoinrCommand = defineCliCommand({
  meta: {
    name: 'coinr',
    description:
      "Convert COINr's iData and iMeta into a framework folder (numeric indicators, levels, weights, directions) and an answers.csv.",
  },
  args: {
    idata: { type: 'string', description: 'COINr iData CSV' },
    imeta: { type: 'string', description: 'COINr iMeta CSV' },
    out: { type: 'string', alias: 'o', description: 'Folder to write (created if missing)' },
    raw: rawArg,
    id: { type: 'string', default: 'coinr', description: 'Framework id' },
    title: { type: 'string', description: "Framework title (default: the index's name)" },
  },
  run({ args }) {
    if (!args.idata) throw new UsageError('Missing --idata <iData.csv>.');
    if (!args.imeta) throw new UsageError('Missing --imeta <iMeta.csv>.');
    if (!args.out) throw new UsageError('Missing --out <folder>.');
    const issues: Issue[] = [];
    for (const f of [args.idata, args.imeta]) {
      if (!existsSync(f)) issues.push(createIssue('FILE_NOT_FOUND', { file: f }, { file: f }));
    }
    if (issues.length === 0) {
      const r = importCoinr(readFileSync(args.idata, 'utf8'), readFileSync(args.imeta, 'utf8'), {
        id: args.id,
        ...(args.title ? { title: args.title } : {}),
        idataFile: args.idata,
        imetaFile: args.imeta,
        csvParse: nodeCsvParse,
      });
      if (r.ok) {
        mkdirSync(args.out, { recursive: true });
        for (const f of r.value.files) writeFileSync(join(args.out, f.path), stringify(f.content));
        writeFileSync(
          join(args.out, 'answers.csv'),
          toCsv(r.value.answers, { raw: args.raw === true }),
        );
        process.stderr.write(
          `Wrote ${r.value.files.length} framework files and answers.csv to ${args.out}.\n`,
        );
        return exitCodes.ok;
      }
      issues.push(...r.issues);
    }
    for (const i of issues) process.stderr.write(`${formatIssue(i)}\n`);
    return exitCodes.invalid;
  },
});
