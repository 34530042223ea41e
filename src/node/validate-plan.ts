/**
 * What `validatePaths` checks, decided before anything is parsed: the framework folders and lone
 * files named by the paths (a folder of frameworks such as `indicators/` stands for each
 * framework folder in it), and the issues of paths that do not exist or hold no framework.
 *
 * A built-in framework folder whose files hash the same as its compiled snapshot
 * (`compiled.ts`) already has its validation: the snapshot was made by loading exactly these
 * bytes with the same checks, and kept its warnings. {@link snapshotValidation} gives it back;
 * `validate` then answers without loading the YAML parser, the schemas or the meaning checks
 * (issue 14). Any other folder or file is checked from its files.
 *
 * This module loads none of the checking code, so the CLI can plan, use snapshots, and import
 * the checker only when a target needs it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createIssue, errorsOf, type Issue } from '../errors/issue.js';
import { isFrameworkFileName } from '../framework/load/names.js';
import { fileDigests, snapshotFor } from './compiled.js';
import { displayPath, isFrameworkFolder, readFrameworkFiles } from './folders.js';

/**
 * One thing to check: a framework folder (all its files, or only the issues of `onlyFile`, a
 * file of that folder named on the command line), a lone file with no framework beside it, or
 * a path that names nothing to check (`issue` says why).
 *
 * @example
 * ```ts
 * const target: ValidationTarget = { kind: 'framework', dir: '/work/indicators/niem' };
 * ```
 */
export type ValidationTarget =
  | { kind: 'framework'; dir: string; onlyFile?: string }
  | { kind: 'file'; path: string }
  | { kind: 'none'; issue: Issue };

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
 * The targets the paths name, in order. A path that names none is a `none` target with its
 * issue: `FILE_NOT_FOUND` for a missing path, `FRAMEWORK_FILE_MISSING` for a folder with no
 * framework in it or directly below it. A `framework.*` file stands for its folder; another
 * file with a framework beside it is checked as part of that framework.
 *
 * @example
 * ```ts
 * planValidation(['indicators/']).map((t) => t.kind); //=> ['framework', 'framework', ...]
 * ```
 */
export function planValidation(paths: readonly string[]): ValidationTarget[] {
  const targets: ValidationTarget[] = [];
  const none = (issue: Issue) => targets.push({ kind: 'none', issue });
  for (const path of paths) {
    const abs = resolve(path);
    if (!existsSync(abs)) {
      none(createIssue('FILE_NOT_FOUND', { file: path }, { file: path }));
      continue;
    }
    if (statSync(abs).isDirectory()) {
      if (isFrameworkFolder(abs)) {
        targets.push({ kind: 'framework', dir: abs });
        continue;
      }
      const subs = readdirSync(abs, { withFileTypes: true })
        .filter((e) => e.isDirectory() && isFrameworkFolder(join(abs, e.name)))
        .map((e) => join(abs, e.name))
        .sort();
      if (subs.length === 0) {
        const folder = displayPath(abs);
        none(createIssue('FRAMEWORK_FILE_MISSING', { folder }, { file: folder }));
      }
      for (const dir of subs) targets.push({ kind: 'framework', dir });
      continue;
    }
    if (isFrameworkFileName(abs) || isFrameworkFolder(dirname(abs))) {
      targets.push({
        kind: 'framework',
        dir: dirname(abs),
        ...(isFrameworkFileName(abs) ? {} : { onlyFile: displayPath(abs) }),
      });
      continue;
    }
    targets.push({ kind: 'file', path: abs });
  }
  return targets;
}

/**
 * How a target is shown in the summary: the folder, or the file named; `undefined` for a path
 * that names nothing to check.
 *
 * @example
 * ```ts
 * targetName({ kind: 'framework', dir: resolve('indicators/niem') }); //=> 'indicators/niem'
 * ```
 */
export function targetName(target: ValidationTarget): string | undefined {
  if (target.kind === 'none') return undefined;
  if (target.kind === 'file') return displayPath(target.path);
  return target.onlyFile ?? displayPath(resolve(target.dir));
}

/**
 * The issues of a built-in framework folder whose files are exactly those of its compiled
 * snapshot (the snapshot's warnings; a snapshot is only written for a framework that loads, so
 * it has no errors), and the issue of a `none` target; `undefined` when the files must be
 * checked.
 *
 * @example
 * ```ts
 * snapshotValidation({ kind: 'framework', dir: builtinFrameworksDir() + '/niem' }); //=> []
 * ```
 */
export function snapshotValidation(target: ValidationTarget): Issue[] | undefined {
  if (target.kind === 'none') return [target.issue];
  if (target.kind !== 'framework') return undefined;
  const hit = snapshotFor(target.dir, fileDigests(readFrameworkFiles(target.dir)));
  if (hit === undefined) return undefined;
  return target.onlyFile === undefined
    ? hit.warnings
    : hit.warnings.filter((w) => w.file === target.onlyFile);
}

/**
 * Puts the issues of a validation together: valid when there is no error.
 *
 * @example
 * ```ts
 * pathsValidation([], ['indicators/niem']); //=> { valid: true, errors: [], warnings: [], checked: ['indicators/niem'] }
 * ```
 */
export function pathsValidation(issues: readonly Issue[], checked: string[]): PathsValidation {
  const errors = errorsOf([...issues]);
  return {
    valid: errors.length === 0,
    errors,
    warnings: issues.filter((i) => i.severity !== 'error'),
    checked,
  };
}
