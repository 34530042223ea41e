/**
 * The interactive report's browser app as one classic script, for `report` to inline.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createIssue, IntegrationIndexError } from '../errors/issue.js';

/** The built app, beside the package's other files in `dist/`. */
const builtName = 'report-app.global.js';

let cached: string | undefined;

/**
 * The code of the interactive report's app (`src/report/interactive/app.ts` bundled for the
 * browser as an IIFE). An installed package reads the bundle tsup built into `dist/`; run from
 * the sources (tests, `tsx`), the app is bundled on the spot with esbuild, a development
 * dependency. Read once per process.
 *
 * @example
 * ```ts
 * const page = embedInteractive(renderReport(result, framework), data, reportAppCode());
 * ```
 */
export function reportAppCode(): string {
  if (cached !== undefined) return cached;
  const here = fileURLToPath(new URL('.', import.meta.url));
  const built = `${here}${builtName}`;
  if (existsSync(built)) {
    cached = readFileSync(built, 'utf8');
    return cached;
  }
  const source = fileURLToPath(new URL('../report/interactive/app.ts', import.meta.url));
  if (!existsSync(source)) {
    throw new IntegrationIndexError([createIssue('REPORT_APP_MISSING', { file: built })]);
  }
  // A variable, not a literal: the published bundle never loads esbuild (it has the built app).
  const bundler = 'esbuild';
  const esbuild = createRequire(import.meta.url)(bundler) as typeof import('esbuild');
  const out = esbuild.buildSync({
    entryPoints: [source],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  cached = out.outputFiles[0]?.text ?? '';
  return cached;
}
