/**
 * Reading and checking a units registry (CSV or YAML), with coded, located issues.
 */

import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { CsvError, parse } from '#csv-parse';
import { sourceFileProblem, throwIfAny, unitRegistryProblem } from '../errors/args.js';
import { createIssue, type Issue, type SafeResult } from '../errors/issue.js';
import { decodeSource, type SourceFile } from '../framework/load/source.js';
import { detectDelimiter } from '../io/csv.js';
import { type Unit, type UnitRegistry, unitSchema } from './schema.js';

/** A unit as read, before checking, with the line it came from. */
interface RawUnit {
  value: Record<string, unknown>;
  line: number | undefined;
}

/**
 * Reads a units registry from a CSV or YAML file and checks it.
 *
 * CSV columns: `code`, `level`, and optionally `name` (one language) or `name_<lang>` (one
 * column per language, e.g. `name_en`, `name_bg`), `parent`, `groups` (separated by `;` or
 * `|`), `population`. YAML: a list of units, or `{ units: [...] }`, each as {@link unitSchema}.
 * Errors (`UNITS_*`) name the file, the line and the field; a registry with an error is not
 * returned.
 *
 * @example
 * ```ts
 * const r = readUnits({ path: 'units.csv', content: 'code,name_en,name_bg,level,parent\nBG-24,Stara Zagora,Стара Загора,region,\n' });
 * if (r.ok) r.value.units[0]?.name; //=> { en: 'Stara Zagora', bg: 'Стара Загора' }
 * ```
 */
export function readUnits(file: SourceFile): SafeResult<UnitRegistry> {
  const bad = sourceFileProblem('readUnits', 'file', file);
  if (bad) return { ok: false, issues: [bad] };
  const decoded = decodeSource(file);
  if (!decoded.ok) return { ok: false, issues: decoded.issues };
  const yaml = /\.ya?ml$/i.test(file.path);
  const raw = yaml ? rawFromYaml(decoded.text, file.path) : rawFromCsv(decoded.text, file.path);
  if (!raw.ok) return raw;
  const issues: Issue[] = [];
  const units: Unit[] = [];
  const lines: number[] = [];
  for (const { value, line } of raw.value) {
    const parsed = unitSchema.safeParse(value);
    if (!parsed.success) {
      for (const zi of parsed.error.issues) {
        const field = zi.path.length > 0 ? String(zi.path[0]) : 'code';
        issues.push(
          createIssue(
            'UNITS_INVALID_FIELD',
            { code: String(value.code ?? '?'), field, detail: zi.message.replace(/\.$/, '') },
            { file: file.path, field, path: zi.path as (string | number)[], ...at(line) },
          ),
        );
      }
      continue;
    }
    units.push(parsed.data);
    lines.push(line ?? 0);
  }
  const registry: UnitRegistry = { source: file.path, units, lines };
  issues.push(...checkUnits(registry));
  if (issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  return { ok: true, value: registry, warnings: issues };
}

const at = (line: number | undefined): { line?: number } => (line === undefined ? {} : { line });

/**
 * Checks a registry: duplicate codes (`UNITS_DUPLICATE_CODE`), parents it does not declare
 * (`UNITS_UNKNOWN_PARENT`) and cycles of parents (`UNITS_CYCLE`).
 *
 * @example
 * ```ts
 * checkUnits({ source: 'u.yaml', units: [{ code: 'A', level: 'region', parent: 'A', groups: [] }] });
 * //=> [{ code: 'UNITS_CYCLE', ... }]
 * ```
 */
export function checkUnits(registry: UnitRegistry): Issue[] {
  throwIfAny(unitRegistryProblem('checkUnits', 'registry', registry));
  const issues: Issue[] = [];
  const where = (i: number, field: string) => ({
    file: registry.source,
    field,
    path: [i, field],
    ...at(registry.lines?.[i] || undefined),
  });
  const first = new Map<string, number>();
  registry.units.forEach((u, i) => {
    const seen = first.get(u.code);
    if (seen !== undefined) {
      issues.push(
        createIssue(
          'UNITS_DUPLICATE_CODE',
          { code: u.code, first: registry.lines?.[seen] ?? seen + 1 },
          where(i, 'code'),
        ),
      );
    } else first.set(u.code, i);
  });
  registry.units.forEach((u, i) => {
    if (u.parent !== undefined && !first.has(u.parent)) {
      issues.push(
        createIssue('UNITS_UNKNOWN_PARENT', { code: u.code, parent: u.parent }, where(i, 'parent')),
      );
    }
  });
  // Cycles: follow parents from each unit; report each cycle once, at its first unit in file order.
  const parentOf = new Map(registry.units.map((u) => [u.code, u.parent]));
  const reported = new Set<string>();
  registry.units.forEach((u, i) => {
    const path: string[] = [];
    const onPath = new Set<string>();
    let c: string | undefined = u.code;
    while (c !== undefined && !onPath.has(c)) {
      onPath.add(c);
      path.push(c);
      c = parentOf.get(c);
    }
    // Only a unit on the cycle reports it, and only the first of them in file order.
    if (c !== u.code || path.some((x) => reported.has(x))) return;
    const cycle = path;
    for (const x of cycle) reported.add(x);
    issues.push(createIssue('UNITS_CYCLE', { cycle: [...cycle, u.code] }, where(i, 'parent')));
  });
  return issues;
}

function rawFromCsv(text: string, path: string): SafeResult<RawUnit[]> {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const { lines } = error as CsvError & { lines?: number };
    return {
      ok: false,
      issues: [
        createIssue('UNITS_SYNTAX', { detail: error.message }, { file: path, ...at(lines) }),
      ],
    };
  }
  const header = records[0]?.record.map((h) => h.trim()) ?? [];
  for (const column of ['code', 'level']) {
    if (!header.includes(column)) {
      return {
        ok: false,
        issues: [createIssue('UNITS_MISSING_COLUMN', { column }, { file: path, line: 1 })],
      };
    }
  }
  const out: RawUnit[] = [];
  for (const { record, info } of records.slice(1)) {
    if ((record[0] ?? '').startsWith('#')) continue;
    const value: Record<string, unknown> = {};
    const names: Record<string, string> = {};
    header.forEach((h, c) => {
      const cell = (record[c] ?? '').trim();
      if (cell === '') return;
      const lang = /^name[_:.]([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)$/.exec(h)?.[1];
      if (lang !== undefined) names[lang] = cell;
      else if (h === 'groups')
        value.groups = cell
          .split(/[;|]/)
          .map((g) => g.trim())
          .filter((g) => g !== '');
      else if (h === 'population')
        value.population = cell.match(/^\d+(\.\d+)?$/) ? Number(cell) : cell;
      else value[h] = cell;
    });
    if (Object.keys(names).length > 0) value.name = names;
    out.push({ value, line: info.lines });
  }
  return { ok: true, value: out, warnings: [] };
}

function rawFromYaml(text: string, path: string): SafeResult<RawUnit[]> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    return {
      ok: false,
      issues: [
        createIssue(
          'UNITS_SYNTAX',
          { detail: error.message.split('\n')[0] ?? error.message },
          { file: path, ...(pos ? { line: pos.line, column: pos.col } : {}) },
        ),
      ],
    };
  }
  let seq: unknown = doc.contents;
  if (isMap(seq)) seq = seq.get('units', true);
  if (!isSeq(seq)) {
    return {
      ok: false,
      issues: [
        createIssue(
          'UNITS_SYNTAX',
          { detail: 'expected a list of units, or a map with a "units" list' },
          { file: path, line: 1 },
        ),
      ],
    };
  }
  return {
    ok: true,
    value: seq.items.map((item) => {
      const offset = (item as { range?: [number, number, number] }).range?.[0];
      const value = (item as { toJSON(): unknown }).toJSON();
      return {
        value: (value && typeof value === 'object' ? value : { code: value }) as Record<
          string,
          unknown
        >,
        line: offset === undefined ? undefined : lineCounter.linePos(offset).line,
      };
    }),
    warnings: [],
  };
}
