/**
 * The size of the browser core (issue 14, item 2): `score`, `readAnswers` and `explain` from
 * the package entry, bundled by esbuild for the browser and minified, in bytes and gzip bytes.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The budget: at most 90 KB gzip. */
export const coreBudgetGzipBytes = 90 * 1024;

/**
 * Bundles the browser core from the sources under `root` and measures it.
 *
 * @example
 * ```ts
 * const { gzipBytes } = await coreSize(root); //=> { bytes: 1_000_000, gzipBytes: 243_000 }
 * ```
 */
export async function coreSize(root: string): Promise<{ bytes: number; gzipBytes: number }> {
  const r = await build({
    stdin: {
      contents: "export { score, readAnswers, explain } from './src/index.ts';",
      resolveDir: root,
      sourcefile: 'core.ts',
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = r.outputFiles[0]?.contents ?? new Uint8Array();
  return { bytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}
