/**
 * The size of the browser core (issue 14, item 2): `score`, `readAnswers` and `explain`
 * bundled by esbuild for the browser and minified, in bytes and gzip bytes (level 9).
 *
 * The budget applies to what a user gets: the built package (`dist/`, run `npm run build`
 * first), installed in a project and resolved through its `exports` with the `browser`
 * condition. The same bundle from `src/` is measured beside it: the two differ when the build
 * merges modules the user's bundler could otherwise drop.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build } from 'esbuild';

/** The budget: at most 90 KB gzip. */
export const coreBudgetGzipBytes = 90 * 1024;

/** A bundle's size: minified bytes and gzip (level 9) bytes. */
export interface CoreSize {
  bytes: number;
  gzipBytes: number;
}

/** The bundled core: its code and the files with code in it (metafile input paths). */
export interface CoreBundle {
  code: string;
  inputs: string[];
}

const options = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  metafile: true,
  logLevel: 'silent',
} satisfies BuildOptions;

const entry =
  "import { explain, readAnswers, score } from 'integration-index';\nglobalThis.integrationIndex = { explain, readAnswers, score };\n";

/**
 * Bundles the core as a user's project would: a temporary project whose
 * `node_modules/integration-index` is the package under `root` (its `dist/` must be built),
 * and an entry that imports `score`, `readAnswers` and `explain` from `integration-index`.
 *
 * @example
 * ```ts
 * const { code, inputs } = await bundlePackageCore(root);
 * inputs.some((p) => p.endsWith('dist/node.js')); //=> false
 * ```
 */
export async function bundlePackageCore(root: string): Promise<CoreBundle> {
  const work = mkdtempSync(join(tmpdir(), 'ii-core-'));
  try {
    mkdirSync(join(work, 'node_modules'));
    symlinkSync(root, join(work, 'node_modules', 'integration-index'));
    writeFileSync(join(work, 'entry.js'), entry);
    const r = await build({
      ...options,
      entryPoints: [join(work, 'entry.js')],
      absWorkingDir: work,
    });
    // Files with code in the bundle (the metafile's inputs also list what was read and dropped).
    const inputs = Object.values(r.metafile.outputs).flatMap((o) =>
      Object.entries(o.inputs).flatMap(([path, i]) => (i.bytesInOutput > 0 ? [path] : [])),
    );
    return { code: r.outputFiles[0]?.text ?? '', inputs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const measure = (code: string | Uint8Array): CoreSize => {
  const bytes = typeof code === 'string' ? Buffer.from(code) : code;
  return { bytes: bytes.byteLength, gzipBytes: gzipSync(bytes, { level: 9 }).byteLength };
};

/**
 * The size of the core bundled from the built package under `root` (what users get; the
 * budget's figure). `dist/` must be built.
 *
 * @example
 * ```ts
 * const { gzipBytes } = await coreSize(root); //=> { bytes: 179_000, gzipBytes: 58_000 }
 * ```
 */
export async function coreSize(root: string): Promise<CoreSize> {
  return measure((await bundlePackageCore(root)).code);
}

/**
 * The size of the core bundled from the sources under `root` (`src/index.ts`), for comparison
 * with {@link coreSize}.
 *
 * @example
 * ```ts
 * const { gzipBytes } = await srcCoreSize(root); //=> { bytes: 179_000, gzipBytes: 58_000 }
 * ```
 */
export async function srcCoreSize(root: string): Promise<CoreSize> {
  const r = await build({
    ...options,
    stdin: {
      contents: "export { score, readAnswers, explain } from './src/index.ts';",
      resolveDir: root,
      sourcefile: 'core.ts',
      loader: 'ts',
    },
  });
  return measure(r.outputFiles[0]?.contents ?? new Uint8Array());
}
