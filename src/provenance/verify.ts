/**
 * Checking a saved result against its inputs read again:
 *
 * ```text
 *  saved result ── stamp ──▶ compareDigests(stamp files, files now)   hashes unchanged?
 *       │                          (the caller reads the files)
 *       └───────────────────▶ compareResults(saved, re-scored)        every number unchanged?
 * ```
 */

import type { ScoreResult } from '../engine/result/schema.js';
import {
  arrayOf,
  fileDigests,
  groupedResultProblem,
  invalidArgument,
  recordOf,
  stringArrayProblem,
  throwIfAny,
} from '../errors/args.js';
import { createIssue, type Issue } from '../errors/issue.js';
import type { FileDigest } from './hash.js';

/**
 * Compares the digests a stamp recorded with those of the files now. A file that cannot be read
 * now has `sha256: null`. Framework files found now but not then are reported when `extra` is
 * given (the framework folder's files now).
 *
 * @example
 * ```ts
 * compareDigests([{ path: 'a.csv', sha256: 'aa…' }], [{ path: 'a.csv', sha256: 'bb…' }])[0]?.code;
 * //=> 'VERIFY_FILE_CHANGED'
 * ```
 */
export function compareDigests(
  saved: readonly FileDigest[],
  now: readonly { path: string; sha256: string | null }[],
  extra: readonly string[] = [],
): Issue[] {
  const savedProblem = fileDigests(saved);
  const nowProblem = currentDigests(now);
  throwIfAny(
    savedProblem === undefined
      ? undefined
      : invalidArgument('compareDigests', 'saved', savedProblem, saved),
    nowProblem === undefined
      ? undefined
      : invalidArgument('compareDigests', 'now', nowProblem, now),
    stringArrayProblem('compareDigests', 'extra', extra),
  );
  const issues: Issue[] = [];
  const current = new Map(now.map((f) => [f.path, f.sha256]));
  for (const f of saved) {
    const actual = current.get(f.path);
    if (actual === undefined || actual === null) {
      issues.push(createIssue('VERIFY_FILE_MISSING', { file: f.path }, { file: f.path }));
    } else if (actual !== f.sha256) {
      issues.push(
        createIssue(
          'VERIFY_FILE_CHANGED',
          { file: f.path, expected: f.sha256, actual },
          { file: f.path },
        ),
      );
    }
  }
  const known = new Set(saved.map((f) => f.path));
  for (const path of extra) {
    if (!known.has(path))
      issues.push(createIssue('VERIFY_FILE_ADDED', { file: path }, { file: path }));
  }
  return issues;
}

/** How many numbers {@link compareResults} checked, and the issues for those that differ. */
export interface ResultComparison {
  /** Scores, values, ranks and coverage counts compared. */
  checked: number;
  issues: Issue[];
}

const same = (a: unknown, b: unknown): boolean =>
  Object.is(a, b) || (a === null && b === undefined);

/**
 * Compares every number of a saved result with a re-scored one: each node's score, raw value,
 * rank and coverage counts for every unit and period the saved result holds (it may be a filtered
 * view of the re-scored one, as `score --period` writes), and the answer counts. Scores are
 * compared exactly: JSON keeps a double's shortest round-trip form, so an unchanged computation
 * gives the identical number.
 *
 * @example
 * ```ts
 * compareResults(saved, score(framework, answers, options)).issues; //=> [] when nothing changed
 * ```
 */
export function compareResults(saved: ScoreResult, now: ScoreResult): ResultComparison {
  throwIfAny(
    groupedResultProblem('compareResults', 'saved', saved),
    groupedResultProblem('compareResults', 'now', now),
  );
  const issues: Issue[] = [];
  let checked = 0;
  const rowKey = (r: ScoreResult, i: number): string =>
    `${r.units[r.rows.unit[i] as number]}\u0000${r.periods[r.rows.period[i] as number]?.id}`;
  const nowRows = new Map<string, number>();
  for (let i = 0; i < now.rows.unit.length; i++) nowRows.set(rowKey(now, i), i);
  const rowMap: (number | undefined)[] = [];
  for (let i = 0; i < saved.rows.unit.length; i++) {
    const j = nowRows.get(rowKey(saved, i));
    rowMap.push(j);
    if (j === undefined) {
      issues.push(
        createIssue('VERIFY_ROW_MISSING', {
          unit: saved.units[saved.rows.unit[i] as number] ?? '',
          period: saved.periods[saved.rows.period[i] as number]?.id ?? '',
        }),
      );
    }
  }
  const nowNodes = new Map(now.nodes.map((n) => [n.id, n]));
  for (const node of saved.nodes) {
    const fresh = nowNodes.get(node.id);
    if (!fresh) {
      issues.push(
        createIssue('VERIFY_NODE_MISSING', { node: node.id }, { path: ['nodes', node.id] }),
      );
      continue;
    }
    const columns: [string, readonly unknown[] | undefined, readonly unknown[] | undefined][] = [
      ['score', node.score, fresh.score],
      ['value', node.value, fresh.value],
      ['rank', node.rank, fresh.rank],
      ['answered count', node.coverage?.answered, fresh.coverage?.answered],
      ['not-applicable count', node.coverage?.notApplicable, fresh.coverage?.notApplicable],
      ['missing count', node.coverage?.missing, fresh.coverage?.missing],
      ['expected count', node.coverage?.expected, fresh.coverage?.expected],
    ];
    for (const [field, a, b] of columns) {
      if (!a) continue;
      for (let i = 0; i < a.length; i++) {
        const j = rowMap[i];
        if (j === undefined) continue;
        checked++;
        const before = a[i] ?? null;
        const after = b?.[j] ?? null;
        if (!same(before, after)) {
          issues.push(
            createIssue(
              'VERIFY_SCORE_CHANGED',
              {
                node: node.id,
                unit: saved.units[saved.rows.unit[i] as number] ?? '',
                period: saved.periods[saved.rows.period[i] as number]?.id ?? '',
                field,
                saved: before,
                now: after,
              },
              { path: ['nodes', node.id, field, i] },
            ),
          );
        }
      }
    }
  }
  for (const field of ['read', 'used', 'superseded', 'rejected'] as const) {
    checked++;
    if (saved.counts[field] !== now.counts[field]) {
      issues.push(
        createIssue('VERIFY_COUNTS_CHANGED', {
          field,
          saved: saved.counts[field],
          now: now.counts[field],
        }),
      );
    }
  }
  return { checked, issues };
}

/** A field check for the digests of the files as they are now (`sha256: null` when missing). */
const currentDigests = arrayOf(
  recordOf('a file digest', {
    path: 'string',
    sha256: (v) => (v === null || typeof v === 'string' ? undefined : 'a string or null'),
  }),
  'file digests ({ path: string, sha256: string | null })',
);
