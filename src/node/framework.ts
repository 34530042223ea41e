/**
 * Reading frameworks from disk. The core loader takes plain {@link SourceFile}s; this adapter
 * turns folders into them and knows where the package's built-in frameworks live.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIssue, errorsOf, IntegrationIndexError, type Issue } from '../errors/issue.js';
import {
  isFrameworkFileName,
  safeLoadFramework,
  validateFramework,
  validateSourceFile,
} from '../framework/load/load.js';
import type { SourceFile } from '../framework/load/source.js';
import type { Framework } from '../framework/schema/framework.js';
import type { FileDigest } from '../provenance/hash.js';
import {
  type CompiledFramework,
  compiledFormat,
  compiledPath,
  fileDigests,
  readCompiled,
} from './compiled.js';

const dataFile = /\.(ya?ml|json)$/i;

/** A path as messages should show it: relative to the working directory when inside it. */
function displayPath(path: string): string {
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
 * Loads the framework in a folder; throws an `IntegrationIndexError` with every issue.
 *
 * @example
 * ```ts
 * loadFrameworkDir('indicators/mipex-2020').id; //=> 'mipex-2020'
 * ```
 */
export function loadFrameworkDir(dir: string): Framework {
  const files = readFrameworkFiles(dir);
  return loadFrameworkFiles(dir, files, fileDigests(files)).framework;
}

/**
 * Loads the framework of a folder from its files already read, with the warnings loading gives;
 * throws an `IntegrationIndexError` with every issue. A built-in framework whose files hash the
 * same as when it was compiled (`digests`, see `compiled.ts`) comes from its snapshot, without
 * parsing YAML or checking it again.
 *
 * @example
 * ```ts
 * const files = readFrameworkFiles('indicators/niem');
 * loadFrameworkFiles('indicators/niem', files, fileDigests(files)).framework.id; //=> 'niem'
 * ```
 */
export function loadFrameworkFiles(
  dir: string,
  files: readonly SourceFile[],
  digests: readonly FileDigest[],
): { framework: Framework; warnings: Issue[] } {
  const snapshot = compiledPath(dir, builtinFrameworksDir());
  const compiled = snapshot && readCompiled(snapshot, digests, displayPath(resolve(dir)));
  if (compiled) return compiled;
  const r = safeLoadFramework(files);
  if (!r.ok) throw new IntegrationIndexError(r.issues);
  return { framework: r.value, warnings: r.warnings };
}

/**
 * Compiles the framework in a folder to its snapshot (`npm run frameworks:compile` writes one
 * per built-in framework to `indicators/.compiled/<id>.json`): loaded from its files named
 * without their folder, so the warnings' `file` is relative to the folder. Throws every issue of
 * a framework that does not load.
 *
 * @example
 * ```ts
 * compileFrameworkDir('indicators/niem').files.length; //=> 14
 * ```
 */
export function compileFrameworkDir(dir: string): CompiledFramework {
  const files = readFrameworkFiles(dir).map((f) => ({ ...f, path: basename(f.path) }));
  const r = safeLoadFramework(files);
  if (!r.ok) throw new IntegrationIndexError(r.issues);
  return {
    format: compiledFormat,
    id: basename(resolve(dir)),
    files: fileDigests(files),
    framework: r.value,
    warnings: r.warnings,
  };
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

/**
 * What {@link validatePaths} found: every issue of every framework and file it checked.
 *
 * @example
 * ```ts
 * const { valid, checked } = validatePaths(['indicators/']);
 * ```
 */
export interface PathsValidation {
  valid: boolean;
  errors: Issue[];
  warnings: Issue[];
  /** The framework folders and lone files checked, as shown in messages. */
  checked: string[];
}

/**
 * Validates framework folders, folders of framework folders (such as `indicators/`), and single
 * files. A `framework.*` file stands for its folder; another file with a framework beside it is
 * checked as part of that framework (reporting its own issues only); a lone file without one is
 * checked for syntax and schema. A path that does not exist is `FILE_NOT_FOUND`; a folder with
 * no framework in it or below it is `FRAMEWORK_FILE_MISSING`.
 *
 * @example
 * ```ts
 * validatePaths(['indicators/']); //=> { valid: true, errors: [], warnings: [...], checked: ['indicators/mipex-2020', 'indicators/niem'] }
 * ```
 */
export function validatePaths(paths: readonly string[]): PathsValidation {
  const issues: Issue[] = [];
  const checked: string[] = [];
  const framework = (dir: string, onlyFile?: string): void => {
    const files = readFrameworkFiles(dir);
    const r = validateFramework(files);
    const found = [...r.errors, ...r.warnings];
    const own = onlyFile ? found.filter((i) => i.file === onlyFile) : found;
    issues.push(...own);
    checked.push(onlyFile ?? displayPath(resolve(dir)));
  };
  for (const path of paths) {
    const abs = resolve(path);
    if (!existsSync(abs)) {
      issues.push(createIssue('FILE_NOT_FOUND', { file: path }, { file: path }));
      continue;
    }
    if (statSync(abs).isDirectory()) {
      if (isFrameworkFolder(abs)) {
        framework(abs);
        continue;
      }
      const subs = readdirSync(abs, { withFileTypes: true })
        .filter((e) => e.isDirectory() && isFrameworkFolder(join(abs, e.name)))
        .map((e) => join(abs, e.name))
        .sort();
      if (subs.length === 0) {
        const folder = displayPath(abs);
        issues.push(createIssue('FRAMEWORK_FILE_MISSING', { folder }, { file: folder }));
      }
      for (const sub of subs) framework(sub);
      continue;
    }
    if (isFrameworkFileName(abs) || isFrameworkFolder(dirname(abs))) {
      framework(dirname(abs), isFrameworkFileName(abs) ? undefined : displayPath(abs));
      continue;
    }
    const file: SourceFile = { path: displayPath(abs), content: new Uint8Array(readFileSync(abs)) };
    const r = validateSourceFile(file);
    issues.push(...r.errors, ...r.warnings);
    checked.push(file.path);
  }
  const errors = errorsOf(issues);
  return {
    valid: errors.length === 0,
    errors,
    warnings: issues.filter((i) => i.severity !== 'error'),
    checked,
  };
}
