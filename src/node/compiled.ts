/**
 * Compiled snapshots of the built-in frameworks: what loading each framework's YAML gives (the
 * framework with defaults applied, and its warnings with file, line and column), saved as JSON
 * in `indicators/.compiled/<id>.json` together with the SHA-256 of every file it was compiled
 * from. Loading a built-in framework whose files still hash the same reads the snapshot instead
 * of parsing YAML and re-running the schema and meaning checks; any other folder, or a built-in
 * one whose files changed, is loaded from its files as before.
 *
 * ```
 *   indicators/<id>/*.yaml ──npm run frameworks:compile──▶ indicators/.compiled/<id>.json
 *   load: hashes of the files == snapshot's hashes ? snapshot : parse the files
 * ```
 *
 * `test/framework-compiled.test.ts` fails when a committed snapshot differs from a fresh one.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Issue } from '../errors/issue.js';
import type { SourceFile } from '../framework/load/source.js';
import type { Framework } from '../framework/schema/framework.js';
import type { FileDigest } from '../provenance/hash.js';
import { loadFormulaSupport } from '../rules/formula/math.js';
import { builtinFrameworksDir, displayPath } from './folders.js';

/** The format of a snapshot file; a snapshot of another format is ignored. */
export const compiledFormat = 1;

/**
 * A built-in framework compiled to JSON: the files it came from (by name, with their SHA-256),
 * the loaded framework and the warnings loading gave, their `file` relative to the folder.
 *
 * @example
 * ```ts
 * const snapshot: CompiledFramework = JSON.parse(readFileSync('indicators/.compiled/niem.json', 'utf8'));
 * snapshot.framework.id; //=> 'niem'
 * ```
 */
export interface CompiledFramework {
  format: typeof compiledFormat;
  id: string;
  files: FileDigest[];
  /** Whether any indicator has a `formula` rule (scoring it needs formula support). */
  usesFormulas: boolean;
  framework: Framework;
  warnings: Issue[];
}

/** The folder of the snapshots beside the built-in frameworks' folders. */
export const compiledFolderName = '.compiled';

/**
 * The path of the snapshot of the framework in `dir`, when `dir` is a folder directly inside
 * `root` (the built-in frameworks' folder); otherwise `undefined`.
 *
 * @example
 * ```ts
 * compiledPath('/pkg/indicators/niem', '/pkg/indicators'); //=> '/pkg/indicators/.compiled/niem.json'
 * ```
 */
export function compiledPath(dir: string, root: string): string | undefined {
  const abs = resolve(dir);
  if (dirname(abs) !== resolve(root)) return undefined;
  return join(resolve(root), compiledFolderName, `${basename(abs)}.json`);
}

/**
 * The SHA-256 of each file by name (as `score` stamps them), computed with `node:crypto`.
 *
 * @example
 * ```ts
 * fileDigests(readFrameworkFiles('indicators/niem'))[0]; //=> { path: '01-reception.yaml', sha256: '…' }
 * ```
 */
export function fileDigests(files: readonly SourceFile[]): FileDigest[] {
  return files.map((f) => ({
    path: basename(f.path),
    sha256: createHash('sha256').update(f.content).digest('hex'),
  }));
}

/**
 * The snapshot at `path` when it exists, has the current format and was compiled from exactly
 * these files (same names, same SHA-256); `undefined` otherwise. The warnings' `file` is given
 * back as `folder/<name>`, the way loading the files would show it.
 *
 * @example
 * ```ts
 * const hit = readCompiled(path, fileDigests(files), 'indicators/niem');
 * hit?.framework.id; //=> 'niem'
 * ```
 */
export function readCompiled(
  path: string,
  digests: readonly FileDigest[],
  folder: string,
): { framework: Framework; warnings: Issue[]; usesFormulas: boolean } | undefined {
  if (!existsSync(path)) return undefined;
  let snapshot: CompiledFramework;
  try {
    snapshot = JSON.parse(readFileSync(path, 'utf8')) as CompiledFramework;
  } catch {
    return undefined;
  }
  if (snapshot.format !== compiledFormat || !sameDigests(snapshot.files, digests)) return undefined;
  const warnings = snapshot.warnings.map((w) =>
    w.file === undefined ? w : { ...w, file: `${folder}/${w.file}` },
  );
  return { framework: snapshot.framework, warnings, usesFormulas: snapshot.usesFormulas };
}

function sameDigests(a: readonly FileDigest[], b: readonly FileDigest[]): boolean {
  if (a.length !== b.length) return false;
  const byName = new Map(a.map((f) => [f.path, f.sha256]));
  return b.every((f) => byName.get(f.path) === f.sha256);
}

/**
 * The snapshot of the framework in `dir` when `dir` is a built-in framework's folder and its
 * files (`digests`) are the ones it was compiled from; `undefined` otherwise.
 *
 * @example
 * ```ts
 * snapshotFor('indicators/niem', fileDigests(readFrameworkFiles('indicators/niem')))?.framework.id; //=> 'niem'
 * ```
 */
export function snapshotFor(
  dir: string,
  digests: readonly FileDigest[],
): { framework: Framework; warnings: Issue[]; usesFormulas: boolean } | undefined {
  const path = compiledPath(dir, builtinFrameworksDir());
  return path === undefined ? undefined : readCompiled(path, digests, displayPath(resolve(dir)));
}

/**
 * Loads the framework of a folder from its files already read, as `loadFrameworkFiles` does,
 * but imports the loader (YAML parser, schemas, meaning checks) only when there is no snapshot
 * to use: a built-in framework loads without it, and loads formula support (mathjs) only when
 * it has formula rules. Throws every issue of a framework that does
 * not load.
 *
 * @example
 * ```ts
 * const files = readFrameworkFiles('indicators/niem');
 * (await loadFrameworkFilesLazily('indicators/niem', files, fileDigests(files))).framework.id; //=> 'niem'
 * ```
 */
export async function loadFrameworkFilesLazily(
  dir: string,
  files: readonly SourceFile[],
  digests: readonly FileDigest[],
): Promise<{ framework: Framework; warnings: Issue[] }> {
  const compiled = snapshotFor(dir, digests);
  if (compiled) {
    if (compiled.usesFormulas) await loadFormulaSupport();
    return { framework: compiled.framework, warnings: compiled.warnings };
  }
  const { loadFrameworkFiles } = await import('./framework.js');
  return loadFrameworkFiles(dir, files, digests);
}
