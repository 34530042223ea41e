/**
 * Provenance on disk: the hashes `score` stamps on a result, and `verify`, which reads a saved
 * result's inputs again, checks their hashes and re-scores them. The pure parts (hashing, the
 * stamp, comparing results) are in `src/provenance/`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { safeScore } from '../engine/index.js';
import type { ScoreResult } from '../engine/result/schema.js';
import { stampProblem, stringArrayProblem, stringProblem, throwIfAny } from '../errors/args.js';
import { createIssue, IntegrationIndexError, type Issue } from '../errors/issue.js';
import { isFrameworkFileName } from '../framework/load/names.js';
import type { Framework } from '../framework/schema/framework.js';
import { type FileDigest, sha256Hex } from '../provenance/hash.js';
import type { Provenance } from '../provenance/schema.js';
import type { ProvenanceInputs } from '../provenance/stamp.js';
import { compareDigests, compareResults } from '../provenance/verify.js';
import { LIBRARY_VERSION } from '../provenance/version.js';
import { readAnswerFiles } from './answers.js';
import { fileDigests, loadFrameworkFilesLazily } from './compiled.js';
import { builtinFrameworksDir, readFrameworkFiles, resolveFramework } from './folders.js';

const posix = (p: string): string => p.split(sep).join('/');

/**
 * Reads a framework named by a built-in id or a path, with the SHA-256 of each of its files (by
 * name inside the folder), as `score` stamps them.
 *
 * @example
 * ```ts
 * const { framework, inputs } = await readFrameworkWithDigests('niem');
 * inputs.builtin; //=> true
 * ```
 */
export async function readFrameworkWithDigests(source: string): Promise<{
  framework: Framework;
  inputs: NonNullable<ProvenanceInputs['framework']>;
  dir: string;
  frameworkFile: string;
}> {
  throwIfAny(
    stringProblem('readFrameworkWithDigests', 'source', source, {
      expected: 'a built-in framework id or a folder path (string)',
    }),
  );
  const dir = resolveFramework(source);
  const files = readFrameworkFiles(dir);
  const digests = fileDigests(files);
  const { framework } = await loadFrameworkFilesLazily(dir, files, digests);
  const builtin =
    !existsSync(resolve(source)) && resolve(dir) === resolve(builtinFrameworksDir(), source);
  return {
    framework,
    dir,
    frameworkFile: files.find((f) => isFrameworkFileName(f.path))?.path ?? dir,
    inputs: { source, builtin, files: digests },
  };
}

/**
 * The SHA-256 of each answer file, by the path as given.
 *
 * @example
 * ```ts
 * answerDigests(['fixtures/niem/answers.csv'])[0]?.sha256.length; //=> 64
 * ```
 */
export function answerDigests(paths: readonly string[]): FileDigest[] {
  throwIfAny(stringArrayProblem('answerDigests', 'paths', paths));
  return paths.map((path) => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch {
      throw new IntegrationIndexError([
        createIssue('FILE_NOT_FOUND', { file: path }, { file: path }),
      ]);
    }
    return { path, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
}

/**
 * Rewrites a stamp's paths (a framework folder, answer files), given relative to the working
 * directory, as relative to the folder of the result file `out`, so that the result and its
 * inputs can move together. Built-in framework ids stay ids.
 *
 * @example
 * ```ts
 * relocateStamp(stamp, 'out/result.json').answers[0]?.path; //=> '../answers.csv'
 * ```
 */
export function relocateStamp(stamp: Provenance, out: string): Provenance {
  throwIfAny(
    stampProblem('relocateStamp', 'stamp', stamp),
    stringProblem('relocateStamp', 'out', out, { expected: 'the path written to (string)' }),
  );
  const base = dirname(resolve(out));
  const rel = (p: string): string => posix(relative(base, resolve(p)) || '.');
  const source = stamp.framework.source;
  return {
    ...stamp,
    framework: {
      ...stamp.framework,
      source: source !== null && !stamp.framework.builtin ? rel(source) : source,
    },
    answers: stamp.answers.map((f) => ({ ...f, path: rel(f.path) })),
    relativeTo: 'result',
  };
}

/** What `verify` found. */
export interface Verification {
  ok: boolean;
  issues: Issue[];
  /** Numbers compared (scores, values, ranks, coverage counts, answer counts). */
  checked: number;
  frameworkFiles: number;
  answerFiles: number;
}

/**
 * Verifies a saved result file: its stamp's framework and answer files still hash the same, and
 * re-scoring them with the stamped options gives every number again. Errors make `ok` false; a
 * different library version is only a warning.
 *
 * @example
 * ```ts
 * const v = await verifyResultFile('result.json');
 * v.ok; //=> true
 * ```
 */
export async function verifyResultFile(path: string): Promise<Verification> {
  const fail = (issue: Issue): Verification => ({
    ok: false,
    issues: [issue],
    checked: 0,
    frameworkFiles: 0,
    answerFiles: 0,
  });
  const bad = stringProblem('verifyResultFile', 'path', path, {
    expected: 'the path of a result JSON file (string)',
  });
  if (bad) return fail(bad);
  if (!existsSync(path)) return fail(createIssue('FILE_NOT_FOUND', { file: path }, { file: path }));
  let saved: ScoreResult;
  try {
    // The result schema (zod) only for `verify`: `score`, which imports this module, never needs it.
    const { scoreResultSchema } = await import('../engine/result/schema.js');
    const parsed = scoreResultSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return fail(
        createIssue(
          'VERIFY_RESULT_INVALID',
          { detail: `${first?.path.join('.') || '(root)'}: ${first?.message ?? ''}` },
          { file: path },
        ),
      );
    }
    saved = parsed.data;
  } catch (e) {
    return fail(
      createIssue('VERIFY_RESULT_INVALID', { detail: (e as Error).message }, { file: path }),
    );
  }
  const stamp = saved.provenance;
  if (!stamp) return fail(createIssue('VERIFY_NO_STAMP', {}, { file: path }));
  if (stamp.framework.source === null || stamp.answers.length === 0) {
    return fail(createIssue('VERIFY_NO_FILES', {}, { file: path }));
  }
  const base = stamp.relativeTo === 'result' ? dirname(resolve(path)) : process.cwd();
  const at = (p: string): string =>
    isAbsolute(p) ? p : posix(relative(process.cwd(), resolve(base, p))) || '.';
  const issues: Issue[] = [];
  if (stamp.library.version !== LIBRARY_VERSION) {
    issues.push(
      createIssue(
        'VERIFY_LIBRARY_VERSION',
        { saved: stamp.library.version, now: LIBRARY_VERSION },
        { severity: 'warning', file: path },
      ),
    );
  }

  // The framework: same files, same bytes.
  const source = stamp.framework.builtin ? stamp.framework.source : at(stamp.framework.source);
  let framework: Framework | undefined;
  try {
    // Hashes first: a framework changed so that it no longer loads still shows which file changed.
    const dir = resolveFramework(source);
    const files = readFrameworkFiles(dir);
    const now = files.map((f) => ({ path: basename(f.path), sha256: sha256Hex(f.content) }));
    issues.push(
      ...compareDigests(
        stamp.framework.files,
        now,
        now.map((f) => f.path),
      ).map((i) => ({
        ...i,
        file: posix(relative(process.cwd(), resolve(dir, i.file ?? ''))),
      })),
    );
    framework = (await loadFrameworkFilesLazily(dir, files, fileDigests(files))).framework;
  } catch (e) {
    const found = (e as { issues?: Issue[] }).issues;
    if (!found) throw e;
    issues.push(...found);
  }

  // The answer files: same bytes.
  const answerPaths = stamp.answers.map((f) => at(f.path));
  const now = answerPaths.map((p) => ({
    path: p,
    sha256: existsSync(p) ? sha256Hex(new Uint8Array(readFileSync(p))) : null,
  }));
  issues.push(
    ...compareDigests(
      stamp.answers.map((f, i) => ({ path: answerPaths[i] ?? f.path, sha256: f.sha256 })),
      now,
    ),
  );

  // Re-score what can be read, and compare every number.
  let checked = 0;
  if (framework && now.every((f) => f.sha256 !== null)) {
    const answers = await readAnswerFiles(
      answerPaths,
      stamp.options.sheet === undefined ? {} : { sheet: stamp.options.sheet },
    );
    const r = safeScore(framework, answers, {
      asOf: stamp.options.asOf ?? undefined,
      missing: stamp.options.missing,
      lang: stamp.options.lang ?? undefined,
      weights: stamp.options.weights ?? undefined,
      status: stamp.options.status,
    });
    if (!r.ok) issues.push(...r.issues);
    else {
      const compared = compareResults(saved, r.value);
      checked = compared.checked;
      issues.push(...compared.issues.map((i) => ({ ...i, file: i.file ?? path })));
    }
  }
  return {
    ok: issues.every((i) => i.severity !== 'error'),
    issues,
    checked,
    frameworkFiles: stamp.framework.files.length,
    answerFiles: stamp.answers.length,
  };
}
