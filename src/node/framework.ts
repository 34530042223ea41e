/**
 * Reading frameworks from disk. The core loader takes plain {@link SourceFile}s; this adapter
 * turns folders into them (see `folders.ts`, re-exported here) and loads, compiles and validates
 * them.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { invalidArgument, optionsProblem, stringArrayProblem, throwIfAny } from '../errors/args.js';
import { IntegrationIndexError, type Issue, type SafeResult } from '../errors/issue.js';
import {
  safeParseFramework,
  validateFramework,
  validateSourceFile,
} from '../framework/load/load.js';
import type { SourceFile } from '../framework/load/source.js';
import type { Framework } from '../framework/schema/framework.js';
import { indicatorsOf } from '../framework/validate/walk.js';
import type { FileDigest } from '../provenance/hash.js';
import { provideFormulaSupport } from '../rules/formula/mathjs.js';
import { type CompiledFramework, compiledFormat, fileDigests, snapshotFor } from './compiled.js';
import {
  displayPath,
  folderProblem,
  idOrPathExpected,
  readFrameworkFiles,
  resolveFramework,
} from './folders.js';
import {
  type PathsValidation,
  pathsValidation,
  planValidation,
  snapshotValidation,
  targetName,
} from './validate-plan.js';

export type { PathsValidation } from './validate-plan.js';

// The Node adapters keep a synchronous API: formula support (mathjs) comes with this module
// instead of on demand (see `rules/formula/math.ts`).
provideFormulaSupport();

export {
  builtinFrameworksDir,
  isFrameworkFolder,
  listBuiltinFrameworks,
  readFrameworkFiles,
  resolveFramework,
} from './folders.js';

/**
 * Loads the framework in a folder; throws an `IntegrationIndexError` with every issue.
 *
 * @example
 * ```ts
 * loadFrameworkDir('indicators/mipex-2020').id; //=> 'mipex-2020'
 * ```
 */
export function loadFrameworkDir(dir: string): Framework {
  throwIfAny(folderProblem('loadFrameworkDir', 'dir', dir));
  const files = readFrameworkFiles(dir);
  return loadFrameworkFiles(dir, files, fileDigests(files)).framework;
}

/**
 * Loads a framework named by a built-in id (`niem`, `mipex-2020`: see
 * {@link listBuiltinFrameworks}) or by the path of its folder (or of its `framework.yaml`),
 * validated, without throwing: the framework with its warnings, or every issue found
 * (`FILE_NOT_FOUND` when neither exists, `API_INVALID_ARGUMENT` for a non-string).
 *
 * @example
 * ```ts
 * const r = safeLoadFramework('./my-framework');
 * if (r.ok) r.value.dimensions.length; //=> 3
 * else r.issues.map(formatIssue);      //=> ['my-framework/housing.yaml:12:9: error ...']
 * ```
 */
export function safeLoadFramework(idOrPath: string): SafeResult<Framework> {
  if (typeof idOrPath !== 'string' || idOrPath.trim() === '') {
    return {
      ok: false,
      issues: [invalidArgument('loadFramework', 'idOrPath', idOrPathExpected, idOrPath)],
    };
  }
  try {
    const dir = resolveFramework(idOrPath);
    const files = readFrameworkFiles(dir);
    const { framework, warnings } = loadFrameworkFiles(dir, files, fileDigests(files));
    return { ok: true, value: framework, warnings };
  } catch (e) {
    if (e instanceof IntegrationIndexError) return { ok: false, issues: e.issues };
    throw e;
  }
}

/**
 * Loads a framework named by a built-in id (`niem`, `mipex-2020`) or by the path of its folder,
 * validated; throws an {@link IntegrationIndexError} carrying every issue when there is an
 * error (see {@link safeLoadFramework}). The core's `parseFramework` (in `integration-index`) does the same from
 * file contents, without a file system.
 *
 * @example
 * ```ts
 * import { score } from 'integration-index';
 * import { loadFramework, readAnswerFiles } from 'integration-index/node';
 *
 * const niem = loadFramework('niem');
 * const result = score(niem, await readAnswerFiles(['answers.csv']));
 * ```
 */
export function loadFramework(idOrPath: string): Framework {
  if (typeof idOrPath !== 'string' || idOrPath.trim() === '') {
    throw new IntegrationIndexError([
      invalidArgument('loadFramework', 'idOrPath', idOrPathExpected, idOrPath),
    ]);
  }
  return loadFrameworkDir(resolveFramework(idOrPath));
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
  const compiled = snapshotFor(dir, digests);
  if (compiled) return compiled;
  const r = safeParseFramework(files);
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
  const r = safeParseFramework(files);
  if (!r.ok) throw new IntegrationIndexError(r.issues);
  return {
    format: compiledFormat,
    id: basename(resolve(dir)),
    files: fileDigests(files),
    usesFormulas: indicatorsOf(r.value).some(({ indicator }) => indicator.rule.kind === 'formula'),
    framework: r.value,
    warnings: r.warnings,
  };
}

/**
 * Options of {@link validatePaths}.
 *
 * @example
 * ```ts
 * const options: ValidatePathsOptions = { compiled: false };
 * ```
 */
export interface ValidatePathsOptions {
  /**
   * Answer a built-in framework whose files match its compiled snapshot from the snapshot
   * (default `true`); `false` checks its files as any other folder's.
   */
  compiled?: boolean;
}

/**
 * Validates framework folders, folders of framework folders (such as `indicators/`), and single
 * files. A `framework.*` file stands for its folder; another file with a framework beside it is
 * checked as part of that framework (reporting its own issues only); a lone file without one is
 * checked for syntax and schema. A path that does not exist is `FILE_NOT_FOUND`; a folder with
 * no framework in it or below it is `FRAMEWORK_FILE_MISSING`. A built-in framework whose files
 * are those of its compiled snapshot is answered from the snapshot (see `validate-plan.ts`),
 * unless `options.compiled` is `false`.
 *
 * @example
 * ```ts
 * validatePaths(['indicators/']); //=> { valid: true, errors: [], warnings: [...], checked: ['indicators/mipex-2020', 'indicators/niem'] }
 * ```
 */
export function validatePaths(
  paths: readonly string[],
  options: ValidatePathsOptions = {},
): PathsValidation {
  throwIfAny(
    stringArrayProblem('validatePaths', 'paths', paths),
    optionsProblem('validatePaths', 'options', options, { compiled: 'boolean' }),
  );
  const useSnapshots = options.compiled !== false;
  const issues: Issue[] = [];
  const checked: string[] = [];
  for (const target of planValidation(paths)) {
    const name = targetName(target);
    if (name !== undefined) checked.push(name);
    const known = useSnapshots || target.kind === 'none' ? snapshotValidation(target) : undefined;
    if (known !== undefined) issues.push(...known);
    else if (target.kind === 'framework') {
      const r = validateFramework(readFrameworkFiles(target.dir));
      const found = [...r.errors, ...r.warnings];
      issues.push(...(target.onlyFile ? found.filter((i) => i.file === target.onlyFile) : found));
    } else if (target.kind === 'file') {
      const file: SourceFile = {
        path: displayPath(target.path),
        content: new Uint8Array(readFileSync(target.path)),
      };
      const r = validateSourceFile(file);
      issues.push(...r.errors, ...r.warnings);
    }
  }
  return pathsValidation(issues, checked);
}
