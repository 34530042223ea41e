/**
 * Reading a units registry from disk (issue 17); the core's `readUnits` does the parsing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { stringProblem } from '../errors/args.js';
import { createIssue, type SafeResult } from '../errors/issue.js';
import { readUnits } from '../units/read.js';
import type { UnitRegistry } from '../units/schema.js';

/**
 * Reads and checks a units file (CSV or YAML, by extension); `FILE_NOT_FOUND` when it is
 * missing, else what `readUnits` reports.
 *
 * @example
 * ```ts
 * const r = readUnitsFile('fixtures/local-services/units.csv');
 * if (r.ok) r.value.units.map((u) => u.code); //=> ['XP', 'XP-SIN', 'XP-YAV', 'XP-TIH']
 * ```
 */
export function readUnitsFile(path: string): SafeResult<UnitRegistry> {
  const bad = stringProblem('readUnitsFile', 'path', path, {
    expected: 'the path of a units file (string)',
  });
  if (bad) return { ok: false, issues: [bad] };
  if (!existsSync(path))
    return { ok: false, issues: [createIssue('FILE_NOT_FOUND', { file: path }, { file: path })] };
  return readUnits({ path, content: new Uint8Array(readFileSync(path)) });
}
