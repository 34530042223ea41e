/**
 * `integration-index frameworks`: the built-in frameworks, one per line.
 */
import { IntegrationIndexError, type Issue } from '../../errors/issue.js';
import type { Framework } from '../../framework/schema/framework.js';
import { indicatorsOf } from '../../framework/validate/walk.js';
import {
  builtinFrameworksDir,
  listBuiltinFrameworks,
  loadFrameworkDir,
} from '../../node/framework.js';
import { resolveText } from '../../text/resolve.js';
import { defineCliCommand, exitCodes, UsageError } from '../command.js';

/**
 * One line of the `frameworks` listing.
 *
 * @example
 * ```ts
 * summariseFramework(niem, 'indicators/niem'); //=> { id: 'niem', dimensions: 13, indicators: 176, ... }
 * ```
 */
export interface FrameworkSummary {
  id: string;
  title: string;
  edition: string;
  version: string;
  dimensions: number;
  indicators: number;
  scored: number;
  folder: string;
}

/**
 * Summarises a framework: dimensions are the top-level aggregates; indicators are counted at
 * every depth; `scored` are those that enter the scores (scored themselves, under scored nodes).
 *
 * @example
 * ```ts
 * summariseFramework(loadFrameworkDir('indicators/mipex-2020'), 'mipex-2020').dimensions; //=> 8
 * ```
 */
export function summariseFramework(framework: Framework, folder: string): FrameworkSummary {
  const indicators = indicatorsOf(framework);
  return {
    id: framework.id,
    title: resolveText(framework.title, framework.language, framework.language).text,
    edition: framework.edition,
    version: framework.version,
    dimensions: framework.dimensions.length,
    indicators: indicators.length,
    scored: indicators.filter((v) => v.counts).length,
    folder,
  };
}

function table(rows: FrameworkSummary[]): string {
  const head = ['ID', 'EDITION', 'DIMENSIONS', 'INDICATORS', 'SCORED', 'TITLE'];
  // What `--framework` takes: the folder name (two editions of one framework share an id).
  const body = rows.map((r) => [
    r.folder.replace(/^indicators\//, ''),
    r.edition,
    String(r.dimensions),
    String(r.indicators),
    String(r.scored),
    r.title,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const numeric = new Set([2, 3, 4]);
  const render = (cells: string[]) =>
    cells
      .map((c, i) => {
        if (i === cells.length - 1) return c;
        return numeric.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0);
      })
      .join('  ');
  return [head, ...body].map((r) => `${render(r)}\n`).join('');
}

/**
 * `frameworks`: lists the built-in frameworks with id, title, edition and counts.
 *
 * @example
 * ```sh
 * integration-index frameworks --format json
 * ```
 */
export const frameworksCommand = defineCliCommand({
  meta: {
    name: 'frameworks',
    description:
      'List the built-in frameworks: id, edition, counts of dimensions and indicators, title.',
  },
  args: {
    format: { type: 'string', alias: 'f', default: 'text', description: 'Output: text or json' },
  },
  run({ args }) {
    const format = String(args.format);
    if (format !== 'text' && format !== 'json') {
      throw new UsageError(`Unknown --format "${format}"; expected text or json.`);
    }
    const root = builtinFrameworksDir();
    const rows: FrameworkSummary[] = [];
    const issues: Issue[] = [];
    for (const id of listBuiltinFrameworks()) {
      try {
        rows.push(summariseFramework(loadFrameworkDir(`${root}/${id}`), `indicators/${id}`));
      } catch (error) {
        if (!(error instanceof IntegrationIndexError)) throw error;
        issues.push(...error.issues);
      }
    }
    if (issues.length > 0) throw new IntegrationIndexError(issues);
    process.stdout.write(format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : table(rows));
    return exitCodes.ok;
  },
});
