/**
 * Framework folders on disk: reading a folder's files, finding the package's built-in
 * frameworks, resolving an id or a path to a folder. Nothing here parses or checks a framework,
 * so the CLI can find a built-in framework and its snapshot without loading the loader.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { invalidArgument, throwIfAny } from '../errors/args.js';
import { createIssue, IntegrationIndexError } from '../errors/issue.js';
import { isFrameworkFileName } from '../framework/load/names.js';
import type { SourceFile } from '../framework/load/source.js';

const dataFile = /\.(ya?ml|json)$/i;

/** What an id-or-path parameter expects, for `API_INVALID_ARGUMENT` messages. */
export const idOrPathExpected =
  'a built-in framework id (such as "niem") or the path of a framework folder';

/**
 * `API_INVALID_ARGUMENT` unless `dir` is a non-empty string.
 *
 * @example
 * ```ts
 * folderProblem('loadFrameworkDir', 'dir', 42)?.code; //=> 'API_INVALID_ARGUMENT'
 * ```
 */
export const folderProblem = (fn: string, parameter: string, dir: unknown) =>
  typeof dir === 'string' && dir !== ''
    ? undefined
    : invalidArgument(fn, parameter, 'the path of a folder (string)', dir);

/**
 * A path as messages should show it: relative to the working directory when inside it.
 *
 * @example
 * ```ts
 * displayPath(`${process.cwd()}/indicators/niem`); //=> 'indicators/niem'
 * ```
 */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return (rel && !rel.startsWith('..') ? rel : path).split(sep).join('/');
}

/**
 * Reads the YAML and JSON files directly inside a framework folder (not its sub-folders) as
 * bytes, so the core can report files that are not UTF-8. Paths are shown relative to the
 * working directory. Throws `FILE_NOT_FOUND` for a missing folder.
 *
 * @example
 * ```ts
 * readFrameworkFiles('indicators/niem').map((f) => f.path);
 * //=> ['indicators/niem/framework.yaml', 'indicators/niem/housing.yaml', ...]
 * ```
 */
export function readFrameworkFiles(dir: string): SourceFile[] {
  throwIfAny(folderProblem('readFrameworkFiles', 'dir', dir));
  const abs = resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    throw new IntegrationIndexError([
      createIssue('FILE_NOT_FOUND', { file: dir }, { file: displayPath(abs) }),
    ]);
  }
  return readdirSync(abs, { withFileTypes: true })
    .filter((e) => e.isFile() && dataFile.test(e.name))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const path = join(abs, name);
      return { path: displayPath(path), content: new Uint8Array(readFileSync(path)) };
    });
}

/**
 * The package's `indicators/` folder. Found by walking up from this module's own file, so it
 * works from `src/node/` (tsx, vitest) and from the bundled `dist/*.js` alike.
 *
 * @example
 * ```ts
 * builtinFrameworksDir(); //=> '/…/node_modules/integration-index/indicators'
 * ```
 */
export function builtinFrameworksDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'indicators');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'indicators');
}

/**
 * The ids of the built-in frameworks: the folders of `indicators/` holding a framework file.
 *
 * @example
 * ```ts
 * listBuiltinFrameworks(); //=> ['mipex-2020', 'niem']
 * ```
 */
export function listBuiltinFrameworks(): string[] {
  const root = builtinFrameworksDir();
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && isFrameworkFolder(join(root, e.name)))
    .map((e) => e.name)
    .sort();
}

/**
 * Whether a folder directly holds a `framework.yaml`, `.yml` or `.json`.
 *
 * @example
 * ```ts
 * isFrameworkFolder('indicators/niem'); //=> true
 * isFrameworkFolder('indicators');      //=> false
 * ```
 */
export function isFrameworkFolder(dir: string): boolean {
  if (typeof dir !== 'string') return false;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return false;
  return readdirSync(dir).some((name) => isFrameworkFileName(name));
}

/**
 * The folder of a framework named by a built-in id (`niem`) or by a path to its folder (or its
 * framework file). Throws `FILE_NOT_FOUND` when neither exists.
 *
 * @example
 * ```ts
 * resolveFramework('mipex-2020');     //=> '/…/indicators/mipex-2020'
 * resolveFramework('./my-framework'); //=> '/…/my-framework'
 * ```
 */
export function resolveFramework(idOrPath: string): string {
  if (typeof idOrPath !== 'string' || idOrPath.trim() === '') {
    throw new IntegrationIndexError([
      invalidArgument('resolveFramework', 'idOrPath', idOrPathExpected, idOrPath),
    ]);
  }
  const asPath = resolve(idOrPath);
  if (existsSync(asPath)) {
    if (statSync(asPath).isDirectory()) return asPath;
    if (isFrameworkFileName(asPath)) return dirname(asPath);
  }
  const builtin = join(builtinFrameworksDir(), idOrPath);
  if (/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(idOrPath) && isFrameworkFolder(builtin)) return builtin;
  throw new IntegrationIndexError([
    createIssue('FILE_NOT_FOUND', { file: idOrPath }, { file: idOrPath }),
  ]);
}
