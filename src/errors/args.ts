/**
 * Cheap checks of the arguments of public functions, so a wrong value (a string where a
 * framework is due, a non-array, an unknown option key) is an `API_INVALID_ARGUMENT` issue naming
 * the function, the parameter and what was expected, never a `TypeError` from deep inside.
 *
 * These run on every call, so they look at shapes only (types of the top-level values and of
 * option fields); the full schemas stay where the data is read or compiled.
 */
import { createIssue, IntegrationIndexError, type Issue } from './issue.js';

/** What an option field must be: a type name, or a check returning what was expected on failure. */
export type FieldCheck =
  | 'string'
  | 'number'
  | 'boolean'
  | 'object'
  | 'array'
  | 'function'
  | readonly string[]
  | ((value: unknown) => string | undefined);

/** A short description of a value for messages: `a string ("niem")`, `an array of 3`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `an array of ${String(value.length)}`;
  switch (typeof value) {
    case 'string':
      return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
    case 'number':
      return `a number (${String(value)})`;
    case 'boolean':
      return `a boolean (${String(value)})`;
    case 'bigint':
      return 'a bigint';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default: {
      const keys = Object.keys(value as object);
      const shown = keys.slice(0, 5).join(', ');
      return keys.length === 0
        ? 'an object with no keys'
        : `an object with keys ${shown}${keys.length > 5 ? ', …' : ''}`;
    }
  }
}

/** Whether a value is a non-null object that is not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `API_INVALID_ARGUMENT` issue for one parameter. */
export function invalidArgument(
  fn: string,
  parameter: string,
  expected: string,
  value: unknown,
): Issue {
  return createIssue(
    'API_INVALID_ARGUMENT',
    { fn, parameter, expected, received: describeValue(value) },
    { path: parameter.split('.') },
  );
}

const typeNames: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  function: 'a function',
};

function fieldProblem(check: FieldCheck, value: unknown): string | undefined {
  if (typeof check === 'function') return check(value);
  if (Array.isArray(check)) {
    return check.includes(value as string)
      ? undefined
      : `one of ${check.map((c) => JSON.stringify(c)).join(', ')}`;
  }
  const ok =
    check === 'array'
      ? Array.isArray(value)
      : check === 'object'
        ? isRecord(value)
        : check === 'number'
          ? typeof value === 'number' && !Number.isNaN(value)
          : typeof value === check;
  return ok ? undefined : typeNames[check as string];
}

/**
 * Checks an options object: `undefined` passes; anything else must be a plain object whose keys
 * are all in `fields` and whose defined values pass their field's check.
 */
export function optionsProblem(
  fn: string,
  parameter: string,
  value: unknown,
  fields: Readonly<Record<string, FieldCheck>>,
): Issue | undefined {
  if (value === undefined) return undefined;
  const known = Object.keys(fields);
  if (!isRecord(value)) {
    return invalidArgument(fn, parameter, `an options object (keys ${known.join(', ')})`, value);
  }
  for (const key of Object.keys(value)) {
    const check = fields[key];
    if (check === undefined || !Object.hasOwn(fields, key)) {
      return createIssue(
        'API_INVALID_ARGUMENT',
        {
          fn,
          parameter: `${parameter}.${key}`,
          expected: known.length ? `absent (known options: ${known.join(', ')})` : 'absent',
          received: describeValue(value[key]),
        },
        { path: [parameter, key] },
      );
    }
    const field = value[key];
    if (field === undefined) continue;
    const expected = fieldProblem(check, field);
    if (expected !== undefined) return invalidArgument(fn, `${parameter}.${key}`, expected, field);
  }
  return undefined;
}

/**
 * Whether a value looks like a `Framework` with its defaults applied (an object with an `id`,
 * `periods` and `dimensions` arrays and an `aggregation` object); the meaning checks run where
 * the framework is compiled.
 */
export function isFrameworkLike(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    Array.isArray(value.dimensions) &&
    Array.isArray(value.periods) &&
    isRecord(value.aggregation)
  );
}

/** What a function expects in place of a framework, for messages. */
export const FRAMEWORK_EXPECTED =
  'a Framework object (load one with loadFramework from integration-index/node, parseFramework or defineFramework)';

/** `API_INVALID_ARGUMENT` for a value that is not framework-like, else `undefined`. */
export function frameworkProblem(fn: string, parameter: string, value: unknown): Issue | undefined {
  return isFrameworkLike(value)
    ? undefined
    : invalidArgument(fn, parameter, FRAMEWORK_EXPECTED, value);
}

/** `API_INVALID_ARGUMENT` for a value that is not an array, else `undefined`. */
export function arrayProblem(
  fn: string,
  parameter: string,
  value: unknown,
  expected = 'an array',
): Issue | undefined {
  return Array.isArray(value) ? undefined : invalidArgument(fn, parameter, expected, value);
}

/**
 * `API_INVALID_ARGUMENT` for a value that is not an array of source files
 * (`{ path: string, content: string | Uint8Array }`; with `sheets`, also workbook sheets
 * `{ path: string, records: unknown[][] }`), else `undefined`. Byte contents are recognised by
 * `ArrayBuffer.isView`, so arrays made in another realm (a worker, a browser frame) pass.
 */
export function sourceFilesProblem(
  fn: string,
  parameter: string,
  value: unknown,
  options: { sheets?: boolean } = {},
): Issue | undefined {
  const file = options.sheets
    ? 'a file ({ path: string, content: string | Uint8Array }) or a sheet ({ path: string, records: array })'
    : 'a file ({ path: string, content: string | Uint8Array })';
  const expected = `an array of ${options.sheets ? 'files or sheets' : 'files'}: ${file}`;
  if (!Array.isArray(value)) return invalidArgument(fn, parameter, expected, value);
  for (let i = 0; i < value.length; i++) {
    const f: unknown = value[i];
    const ok =
      isRecord(f) &&
      typeof f.path === 'string' &&
      (typeof f.content === 'string' ||
        (ArrayBuffer.isView(f.content) && !(f.content instanceof DataView)) ||
        (options.sheets === true && f.content === undefined && Array.isArray(f.records)));
    if (!ok) return invalidArgument(fn, `${parameter}.${String(i)}`, file, f);
  }
  return undefined;
}

/** Throws an {@link IntegrationIndexError} with the first problem found, if any. */
export function throwIfAny(...problems: (Issue | undefined)[]): void {
  for (const p of problems) if (p) throw new IntegrationIndexError([p]);
}

/** The first problem found, if any (for `safe*` functions). */
export function firstProblem(...problems: (Issue | undefined)[]): Issue | undefined {
  for (const p of problems) if (p) return p;
  return undefined;
}

/** What a function expects in place of answers, for messages. */
export const ANSWERS_EXPECTED =
  'an answer set from readAnswers, readAnswerTable or readAnswerFiles ({ rows | table, rejected, errors, warnings })';

/**
 * `API_INVALID_ARGUMENT` for a value that is not an answer set (rows held as objects or as a
 * table), else `undefined`. Each row's identifying fields are looked at: one pass, no copies.
 */
export function answersProblem(fn: string, parameter: string, value: unknown): Issue | undefined {
  if (
    !isRecord(value) ||
    !Array.isArray(value.rejected) ||
    !Array.isArray(value.errors) ||
    !Array.isArray(value.warnings)
  ) {
    return invalidArgument(fn, parameter, ANSWERS_EXPECTED, value);
  }
  if ('table' in value) {
    const t = value.table;
    return isRecord(t) && typeof t.length === 'number'
      ? undefined
      : invalidArgument(fn, `${parameter}.table`, 'an AnswerTable', t);
  }
  const rows = value.rows;
  if (!Array.isArray(rows))
    return invalidArgument(fn, `${parameter}.rows`, 'an array of answer rows', rows);
  for (let i = 0; i < rows.length; i++) {
    const r: unknown = rows[i];
    if (
      !isRecord(r) ||
      typeof r.unit !== 'string' ||
      typeof r.period !== 'string' ||
      typeof r.indicator !== 'string' ||
      !isRecord(r.origin)
    ) {
      return invalidArgument(
        fn,
        `${parameter}.rows.${String(i)}`,
        'an answer row ({ unit, period, indicator: string, answer, origin })',
        r,
      );
    }
  }
  return undefined;
}

/** What a function expects in place of a score result, for messages. */
export const RESULT_EXPECTED = 'a ScoreResult from score or safeScore';

/** `API_INVALID_ARGUMENT` for a value that is not a score result, else `undefined`. */
export function resultProblem(fn: string, parameter: string, value: unknown): Issue | undefined {
  return isRecord(value) &&
    Array.isArray(value.units) &&
    Array.isArray(value.periods) &&
    Array.isArray(value.nodes) &&
    typeof value.rootId === 'string'
    ? undefined
    : invalidArgument(fn, parameter, RESULT_EXPECTED, value);
}

/** A field check for arrays of strings. */
export const stringArray = (value: unknown): string | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === 'string')
    ? undefined
    : 'an array of strings';

/**
 * A field check for a nested options object: known keys only, each passing its check.
 *
 * @example
 * ```ts
 * optionsProblem('score', 'options', o, { missing: objectOf({ noData: ['exclude', 'zero', 'fail'] }) });
 * ```
 */
export function objectOf(
  fields: Readonly<Record<string, FieldCheck>>,
): (value: unknown) => string | undefined {
  const expected = `an object with keys ${Object.keys(fields).join(', ')}`;
  return (value) => {
    if (!isRecord(value)) return expected;
    for (const key of Object.keys(value)) {
      const check = fields[key];
      if (check === undefined || !Object.hasOwn(fields, key)) return `${expected} (not "${key}")`;
      const v = value[key];
      if (v !== undefined && fieldProblem(check, v) !== undefined) {
        return `${expected}, with ${key} ${String(fieldProblem(check, v))}`;
      }
    }
    return undefined;
  };
}

/** `API_INVALID_ARGUMENT` for a value that is not a result view, else `undefined`. */
export function viewProblem(fn: string, parameter: string, value: unknown): Issue | undefined {
  return isRecord(value) &&
    Array.isArray(value.units) &&
    Array.isArray(value.periods) &&
    Array.isArray(value.nodes) &&
    isRecord(value.framework) &&
    typeof value.cell === 'function'
    ? undefined
    : invalidArgument(fn, parameter, 'a ResultView from resultView', value);
}

/** A field check for arrays of plain objects. */
export const objectArray = (value: unknown): string | undefined =>
  Array.isArray(value) && value.every((v) => isRecord(v)) ? undefined : 'an array of objects';

/** `API_INVALID_ARGUMENT` for a value that is not an array of strings, else `undefined`. */
export function stringArrayProblem(
  fn: string,
  parameter: string,
  value: unknown,
): Issue | undefined {
  const expected = stringArray(value);
  return expected === undefined ? undefined : invalidArgument(fn, parameter, expected, value);
}

/** What a function expects in place of a file's bytes, for messages. */
export const BYTES_EXPECTED = "a file's bytes (a Uint8Array, such as readFileSync's Buffer)";

/**
 * `API_INVALID_ARGUMENT` for a value that is not bytes (a typed array other than a `DataView`;
 * with `arrayBuffer`, an `ArrayBuffer` too), else `undefined`. Recognised by
 * `ArrayBuffer.isView`, so arrays made in another realm pass.
 *
 * @example
 * ```ts
 * bytesProblem('inspectZip', 'bytes', 'a.xlsx')?.code; //=> 'API_INVALID_ARGUMENT'
 * ```
 */
export function bytesProblem(
  fn: string,
  parameter: string,
  value: unknown,
  options: { arrayBuffer?: boolean } = {},
): Issue | undefined {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return undefined;
  if (options.arrayBuffer === true && value instanceof ArrayBuffer) return undefined;
  return invalidArgument(
    fn,
    parameter,
    options.arrayBuffer === true ? `${BYTES_EXPECTED} or an ArrayBuffer` : BYTES_EXPECTED,
    value,
  );
}

/**
 * `API_INVALID_ARGUMENT` for a value that is not a string (with `optional`, `undefined` passes
 * too), else `undefined`.
 *
 * @example
 * ```ts
 * stringProblem('checkWorkbook', 'file', 42)?.code; //=> 'API_INVALID_ARGUMENT'
 * ```
 */
export function stringProblem(
  fn: string,
  parameter: string,
  value: unknown,
  options: { optional?: boolean; expected?: string } = {},
): Issue | undefined {
  if (typeof value === 'string' || (options.optional === true && value === undefined)) {
    return undefined;
  }
  return invalidArgument(fn, parameter, options.expected ?? 'a string', value);
}

/**
 * `API_INVALID_ARGUMENT` for a value that is not a number in `[min, max]` (integers only with
 * `integer`), else `undefined`.
 *
 * @example
 * ```ts
 * numberProblem('columnLetters', 'column', 0, { min: 1, integer: true })?.code; //=> 'API_INVALID_ARGUMENT'
 * ```
 */
export function numberProblem(
  fn: string,
  parameter: string,
  value: unknown,
  options: { min?: number; max?: number; integer?: boolean } = {},
): Issue | undefined {
  const { min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY, integer } = options;
  if (
    typeof value === 'number' &&
    !Number.isNaN(value) &&
    value >= min &&
    value <= max &&
    (integer !== true || Number.isInteger(value))
  ) {
    return undefined;
  }
  const kind = integer === true ? 'an integer' : 'a number';
  const range =
    min > Number.NEGATIVE_INFINITY && max < Number.POSITIVE_INFINITY
      ? ` from ${String(min)} to ${String(max)}`
      : min > Number.NEGATIVE_INFINITY
        ? ` of at least ${String(min)}`
        : max < Number.POSITIVE_INFINITY
          ? ` of at most ${String(max)}`
          : '';
  return invalidArgument(fn, parameter, `${kind}${range}`, value);
}

/** What a function expects in place of a read workbook, for messages. */
export const XLSX_WORKBOOK_EXPECTED =
  'a workbook from readXlsxCells ({ file: string, sheets: { name, rows, formulas }[] })';

/**
 * `API_INVALID_ARGUMENT` for a value that is not a workbook as `readXlsxCells` gives it, else
 * `undefined`. Each sheet's fields are looked at, not its rows.
 *
 * @example
 * ```ts
 * xlsxWorkbookProblem('mipexWorkbookScores', 'workbook', { sheets: [] })?.code; //=> 'API_INVALID_ARGUMENT'
 * ```
 */
export function xlsxWorkbookProblem(
  fn: string,
  parameter: string,
  value: unknown,
): Issue | undefined {
  if (!isRecord(value) || typeof value.file !== 'string' || !Array.isArray(value.sheets)) {
    return invalidArgument(fn, parameter, XLSX_WORKBOOK_EXPECTED, value);
  }
  const sheets: unknown[] = value.sheets;
  for (let i = 0; i < sheets.length; i++) {
    const s = sheets[i];
    if (
      !isRecord(s) ||
      typeof s.name !== 'string' ||
      !Array.isArray(s.rows) ||
      !Array.isArray(s.formulas)
    ) {
      return invalidArgument(
        fn,
        `${parameter}.sheets.${String(i)}`,
        'a sheet ({ name: string, rows: array, formulas: array })',
        s,
      );
    }
  }
  return undefined;
}

/**
 * `API_INVALID_ARGUMENT` for a value that is not an array of tables for `writeTablesXlsx`
 * (`{ name: string, columns: { header: string }[], rows: array[] }`, with `validations` and
 * `unlocked` arrays when given), else `undefined`. Rows are checked to be arrays; cells are not
 * looked at.
 *
 * @example
 * ```ts
 * xlsxTablesProblem('writeTablesXlsx', 'tables', [{ name: 'A' }])?.code; //=> 'API_INVALID_ARGUMENT'
 * ```
 */
export function xlsxTablesProblem(
  fn: string,
  parameter: string,
  value: unknown,
): Issue | undefined {
  const table =
    'a table ({ name: string, columns: { header: string }[], rows: array[], validations?, unlocked? })';
  if (!Array.isArray(value)) return invalidArgument(fn, parameter, `an array of ${table}`, value);
  for (let i = 0; i < value.length; i++) {
    const t: unknown = value[i];
    const at = `${parameter}.${String(i)}`;
    if (
      !isRecord(t) ||
      typeof t.name !== 'string' ||
      !Array.isArray(t.columns) ||
      !Array.isArray(t.rows) ||
      (t.validations !== undefined && !Array.isArray(t.validations)) ||
      (t.unlocked !== undefined && !Array.isArray(t.unlocked))
    ) {
      return invalidArgument(fn, at, table, t);
    }
    const columns: unknown[] = t.columns;
    for (let j = 0; j < columns.length; j++) {
      const c = columns[j];
      if (!isRecord(c) || typeof c.header !== 'string') {
        return invalidArgument(
          fn,
          `${at}.columns.${String(j)}`,
          'a column ({ header: string })',
          c,
        );
      }
    }
    for (const key of ['validations', 'unlocked'] as const) {
      const list: unknown[] = (t[key] as unknown[] | undefined) ?? [];
      for (let j = 0; j < list.length; j++) {
        const v = list[j];
        if (!isRecord(v) || (key === 'validations' && !isRecord(v.rule))) {
          return invalidArgument(
            fn,
            `${at}.${key}.${String(j)}`,
            key === 'validations' ? '{ row, column, rule: object }' : '{ row, column }',
            v,
          );
        }
      }
    }
    const rows: unknown[] = t.rows;
    for (let j = 0; j < rows.length; j++) {
      if (!Array.isArray(rows[j])) {
        return invalidArgument(fn, `${at}.rows.${String(j)}`, 'a row (an array of cells)', rows[j]);
      }
    }
  }
  return undefined;
}

/**
 * Whether a value looks like a compiled `Plan` (from `compileFramework`): its node order and
 * answer slots as `Int32Array`s, its nodes, node index and framework summary.
 */
export function isPlanLike(value: unknown): boolean {
  return (
    isRecord(value) &&
    value.order instanceof Int32Array &&
    value.slots instanceof Int32Array &&
    Array.isArray(value.nodes) &&
    value.nodeIndex instanceof Map &&
    isRecord(value.framework) &&
    typeof value.rootId === 'string'
  );
}

/** What a function expects in place of a plan, for messages. */
export const PLAN_EXPECTED = 'a Plan from compileFramework';

/**
 * `API_INVALID_ARGUMENT` for a value that is not a plan (with `framework`, a framework passes
 * too), else `undefined`.
 *
 * @example
 * ```ts
 * planProblem('reconcilePrepared', 'plan', framework)?.code; //=> 'API_INVALID_ARGUMENT'
 * ```
 */
export function planProblem(
  fn: string,
  parameter: string,
  value: unknown,
  options: { framework?: boolean } = {},
): Issue | undefined {
  if (isPlanLike(value)) return undefined;
  if (options.framework === true) {
    return isFrameworkLike(value)
      ? undefined
      : invalidArgument(fn, parameter, `${FRAMEWORK_EXPECTED}, or ${PLAN_EXPECTED}`, value);
  }
  return invalidArgument(fn, parameter, PLAN_EXPECTED, value);
}

/**
 * `API_INVALID_ARGUMENT` for a value that is not prepared answers (from `prepareAnswers` or
 * `prepareTable`), else `undefined`.
 *
 * @example
 * ```ts
 * preparedProblem('reconcilePrepared', 'prepared', answers)?.code; //=> 'API_INVALID_ARGUMENT'
 * ```
 */
export function preparedProblem(fn: string, parameter: string, value: unknown): Issue | undefined {
  return isRecord(value) &&
    value.rowUnit instanceof Int32Array &&
    value.values instanceof Float64Array &&
    value.answer instanceof Int32Array &&
    value.used instanceof Int32Array &&
    isRecord(value.table) &&
    Array.isArray(value.disagreements) &&
    Array.isArray(value.issues)
    ? undefined
    : invalidArgument(fn, parameter, 'prepared answers from prepareAnswers or prepareTable', value);
}

/** A field check for `missing` overrides of the framework's missing-data policy (as `score`'s). */
export const missingField = objectOf({
  noData: ['exclude', 'zero', 'fail'],
  notApplicable: ['exclude', 'zero', 'max'],
  coverage: (v) => (typeof v === 'number' && v >= 0 && v <= 1 ? undefined : 'a number from 0 to 1'),
});

/**
 * `API_INVALID_ARGUMENT` for a value that is not a unit registry (`{ source: string, units:
 * { code: string, level: string, groups?: string[] }[] }`), else `undefined`. Each unit's
 * code, level and groups are looked at (registries hold hundreds of units, not answers).
 *
 * @example
 * ```ts
 * unitRegistryProblem('checkUnits', 'registry', [])?.code; //=> 'API_INVALID_ARGUMENT'
 * ```
 */
export function unitRegistryProblem(
  fn: string,
  parameter: string,
  value: unknown,
): Issue | undefined {
  if (!isRecord(value) || typeof value.source !== 'string' || !Array.isArray(value.units)) {
    return invalidArgument(
      fn,
      parameter,
      'a unit registry from readUnits, readUnitsFile or isoRegistry ({ source, units })',
      value,
    );
  }
  if (value.lines !== undefined && !Array.isArray(value.lines)) {
    return invalidArgument(fn, `${parameter}.lines`, 'an array of line numbers', value.lines);
  }
  const units: unknown[] = value.units;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (
      !isRecord(u) ||
      typeof u.code !== 'string' ||
      typeof u.level !== 'string' ||
      (u.groups !== undefined && stringArray(u.groups) !== undefined) ||
      (u.parent !== undefined && typeof u.parent !== 'string')
    ) {
      return invalidArgument(
        fn,
        `${parameter}.units.${String(i)}`,
        'a unit ({ code: string, level: string, parent?: string, groups?: string[] })',
        u,
      );
    }
  }
  return undefined;
}

/**
 * `API_INVALID_ARGUMENT` for a value that is not country names (from `loadCountryNames`: an
 * object with `alpha2` and `name` functions), else `undefined`.
 *
 * @example
 * ```ts
 * countryNamesProblem('isoRegistry', 'names', {})?.code; //=> 'API_INVALID_ARGUMENT'
 * ```
 */
export function countryNamesProblem(
  fn: string,
  parameter: string,
  value: unknown,
): Issue | undefined {
  return isRecord(value) && typeof value.alpha2 === 'function' && typeof value.name === 'function'
    ? undefined
    : invalidArgument(
        fn,
        parameter,
        'country names from loadCountryNames ({ alpha2(code), name(code) })',
        value,
      );
}

/**
 * `API_INVALID_ARGUMENT` for a value that is not a score result with its rows, framework summary
 * and (when present) group summaries `{ id, members, nodes }`, else `undefined`.
 *
 * @example
 * ```ts
 * groupedResultProblem('compareGroups', 'result', view)?.code; //=> 'API_INVALID_ARGUMENT'
 * ```
 */
export function groupedResultProblem(
  fn: string,
  parameter: string,
  value: unknown,
): Issue | undefined {
  const base = resultProblem(fn, parameter, value);
  if (base) return base;
  const r = value as Record<string, unknown>;
  const rows = r.rows;
  if (
    !isRecord(r.framework) ||
    !isRecord(rows) ||
    !Array.isArray(rows.unit) ||
    !Array.isArray(rows.period)
  ) {
    return invalidArgument(fn, parameter, RESULT_EXPECTED, value);
  }
  if (r.groups === undefined) return undefined;
  if (!Array.isArray(r.groups)) {
    return invalidArgument(fn, `${parameter}.groups`, 'an array of group summaries', r.groups);
  }
  const groups: unknown[] = r.groups;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (
      !isRecord(g) ||
      typeof g.id !== 'string' ||
      !Array.isArray(g.members) ||
      !Array.isArray(g.nodes)
    ) {
      return invalidArgument(
        fn,
        `${parameter}.groups.${String(i)}`,
        'a group summary ({ id, members, nodes }) from applyUnits',
        g,
      );
    }
  }
  return undefined;
}

/**
 * `API_INVALID_ARGUMENT` for a value that is not one source file (`{ path: string, content:
 * string | Uint8Array }`), else `undefined`.
 *
 * @example
 * ```ts
 * sourceFileProblem('readUnits', 'file', 'units.csv')?.code; //=> 'API_INVALID_ARGUMENT'
 * ```
 */
export function sourceFileProblem(
  fn: string,
  parameter: string,
  value: unknown,
): Issue | undefined {
  return isRecord(value) &&
    typeof value.path === 'string' &&
    (typeof value.content === 'string' ||
      (ArrayBuffer.isView(value.content) && !(value.content instanceof DataView)))
    ? undefined
    : invalidArgument(
        fn,
        parameter,
        'a file ({ path: string, content: string | Uint8Array })',
        value,
      );
}

/**
 * `API_INVALID_ARGUMENT` for a value that is not a report model (from `buildReportModel`: its
 * language, period, units and dimensions), else `undefined`.
 *
 * @example
 * ```ts
 * reportModelProblem('renderReportModel', 'model', result)?.code; //=> 'API_INVALID_ARGUMENT'
 * ```
 */
export function reportModelProblem(
  fn: string,
  parameter: string,
  value: unknown,
  options: { full?: boolean } = {},
): Issue | undefined {
  const ok =
    isRecord(value) &&
    typeof value.lang === 'string' &&
    isRecord(value.period) &&
    typeof value.period.id === 'string' &&
    Array.isArray(value.units) &&
    value.units.every(
      (u) =>
        isRecord(u) &&
        typeof u.id === 'string' &&
        Array.isArray(u.dimensions) &&
        Array.isArray(u.stages),
    ) &&
    Array.isArray(value.dimensions) &&
    Array.isArray(value.stages) &&
    isRecord(value.scale) &&
    (options.full !== true ||
      (typeof value.title === 'string' &&
        typeof value.subtitle === 'string' &&
        typeof value.dir === 'string' &&
        typeof value.decimals === 'number' &&
        typeof value.tolerance === 'number' &&
        isRecord(value.evidence) &&
        Array.isArray(value.coverageWarnings) &&
        Array.isArray(value.rejected) &&
        Array.isArray(value.notes) &&
        isRecord(value.methodology)));
  return ok
    ? undefined
    : invalidArgument(fn, parameter, 'a report model from buildReportModel', value);
}

/**
 * A field check for a data object: `required` fields must pass their checks, `optional` ones
 * only when defined; other keys are allowed (data objects may carry more than is drawn).
 * `expected` names the object in messages.
 *
 * @example
 * ```ts
 * const label = recordOf('a label ({ id, label })', { id: 'string', label: 'string' });
 * label({ id: 'a' }); //=> 'a label ({ id, label })'
 * ```
 */
export function recordOf(
  expected: string,
  required: Readonly<Record<string, FieldCheck>>,
  optional: Readonly<Record<string, FieldCheck>> = {},
): (value: unknown) => string | undefined {
  const req = Object.entries(required);
  const opt = Object.entries(optional);
  return (value) => {
    if (!isRecord(value)) return expected;
    for (const [key, check] of req) {
      if (fieldProblem(check, value[key]) !== undefined) return expected;
    }
    for (const [key, check] of opt) {
      const v = value[key];
      if (v !== undefined && fieldProblem(check, v) !== undefined) return expected;
    }
    return undefined;
  };
}

/** A field check for a number (`NaN` and infinities too: charts draw them as gaps). */
export const anyNumber = (value: unknown): string | undefined =>
  typeof value === 'number' ? undefined : 'a number';

/** A field check for a number or `null`. */
export const numberOrNull = (value: unknown): string | undefined =>
  value === null || typeof value === 'number' ? undefined : 'a number or null';

/**
 * `API_INVALID_ARGUMENT` for a value that is not an array whose items pass `item` (naming the
 * first item that fails, as `parameter.i`), else `undefined`.
 *
 * @example
 * ```ts
 * arrayOfProblem('sunburstSvg', 'nodes', [1], recordOf('a node', { id: 'string' }))?.params;
 * //=> { fn: 'sunburstSvg', parameter: 'nodes.0', expected: 'a node', received: 'a number (1)' }
 * ```
 */
export function arrayOfProblem(
  fn: string,
  parameter: string,
  value: unknown,
  item: (value: unknown) => string | undefined,
  expected = 'an array',
): Issue | undefined {
  if (!Array.isArray(value)) return invalidArgument(fn, parameter, expected, value);
  for (let i = 0; i < value.length; i++) {
    const problem = item(value[i]);
    if (problem !== undefined) {
      return invalidArgument(fn, `${parameter}.${String(i)}`, problem, value[i]);
    }
  }
  return undefined;
}

/** The fields of a chart's optional text (`Partial<ChartText>`), for `optionsProblem`. */
export const chartTextFields: Readonly<Record<string, FieldCheck>> = {
  title: 'string',
  description: 'string',
};

/**
 * `API_INVALID_ARGUMENT` for a value that is not an object whose `required` fields (and, when
 * defined, `optional` ones) pass their checks, naming the first wrong field as
 * `parameter.field`; else `undefined`. Other keys are allowed.
 *
 * @example
 * ```ts
 * shapeProblem('barsSvg', 'spec', { id: 1 }, { id: 'string' })?.params;
 * //=> { fn: 'barsSvg', parameter: 'spec.id', expected: 'a string', received: 'a number (1)' }
 * ```
 */
export function shapeProblem(
  fn: string,
  parameter: string,
  value: unknown,
  required: Readonly<Record<string, FieldCheck>>,
  optional: Readonly<Record<string, FieldCheck>> = {},
): Issue | undefined {
  if (!isRecord(value)) {
    return invalidArgument(
      fn,
      parameter,
      `an object with ${Object.keys(required).join(', ')}`,
      value,
    );
  }
  for (const [key, check] of Object.entries(required)) {
    const expected = fieldProblem(check, value[key]);
    if (expected !== undefined)
      return invalidArgument(fn, `${parameter}.${key}`, expected, value[key]);
  }
  for (const [key, check] of Object.entries(optional)) {
    const v = value[key];
    if (v === undefined) continue;
    const expected = fieldProblem(check, v);
    if (expected !== undefined) return invalidArgument(fn, `${parameter}.${key}`, expected, v);
  }
  return undefined;
}

/**
 * A field check for an array whose items all pass `item`; `expected` names an item.
 *
 * @example
 * ```ts
 * arrayOf(numberOrNull, 'numbers or null')([1, 'a']); //=> 'an array of numbers or null'
 * ```
 */
export function arrayOf(
  item: (value: unknown) => string | undefined,
  expected: string,
): (value: unknown) => string | undefined {
  return (value) =>
    Array.isArray(value) && value.every((v) => item(v) === undefined)
      ? undefined
      : `an array of ${expected}`;
}

/**
 * `API_INVALID_ARGUMENT` for a value that is not an evaluation (from `evaluate`: its row count
 * and typed arrays of scores, reasons and counts), else `undefined`.
 *
 * @example
 * ```ts
 * evaluationProblem('rankUnits', 'evaluation', {})?.code; //=> 'API_INVALID_ARGUMENT'
 * ```
 */
export function evaluationProblem(
  fn: string,
  parameter: string,
  value: unknown,
): Issue | undefined {
  return isRecord(value) &&
    typeof value.rows === 'number' &&
    value.score instanceof Float64Array &&
    value.reason instanceof Uint8Array &&
    value.answered instanceof Int32Array &&
    value.notApplicable instanceof Int32Array &&
    value.missing instanceof Int32Array &&
    isRecord(value.policy)
    ? undefined
    : invalidArgument(fn, parameter, 'an Evaluation from evaluate', value);
}

/** A field check for an array of file digests (`{ path: string, sha256: string }`). */
export const fileDigests = arrayOf(
  recordOf('a file digest', { path: 'string', sha256: 'string' }),
  'file digests ({ path: string, sha256: string })',
);

/**
 * `API_INVALID_ARGUMENT` for a value that is not a provenance stamp (its framework record with
 * `source` and `builtin`, and its answer file digests), else `undefined`.
 *
 * @example
 * ```ts
 * stampProblem('relocateStamp', 'stamp', {})?.code; //=> 'API_INVALID_ARGUMENT'
 * ```
 */
export function stampProblem(fn: string, parameter: string, value: unknown): Issue | undefined {
  return isRecord(value) &&
    isRecord(value.framework) &&
    (value.framework.source === null || typeof value.framework.source === 'string') &&
    typeof value.framework.builtin === 'boolean' &&
    fileDigests(value.answers) === undefined
    ? undefined
    : invalidArgument(fn, parameter, "a provenance stamp (a ScoreResult's provenance)", value);
}
