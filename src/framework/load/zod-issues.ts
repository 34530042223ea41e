import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { createIssue, type Issue, type IssueLocation } from '../../errors/issue.js';
import { ruleKinds } from '../../rules/schema.js';

/**
 * Which part of a node an issue points at: see {@link locate}.
 *
 * @example
 * ```ts
 * locate(parsed, ['scale', 'maxx'], 'key'); // the key, for an unknown key
 * ```
 */
export type Target = 'value' | 'key';

/**
 * Turns a document path into a file location.
 *
 * @example
 * ```ts
 * const place: Placer = (path, target) => ({ file: 'a.yaml', ...locate(parsed, path, target) });
 * ```
 */
export type Placer = (path: readonly (string | number)[], target: Target) => IssueLocation;

type Path = (string | number)[];
type ZodIssue = z.core.$ZodIssue;

// zod 4 keeps each schema's definition at `_zod.def`; only the fields read here are typed.
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  getter?: () => z.ZodType;
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional/default/nullable/pipe/lazy wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(s);
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else if (def.type === 'lazy' && def.getter) s = def.getter();
    else break;
  }
  return s;
}

/** Whether every literal field of an object schema matches `data` (picks a union branch). */
function literalsMatch(schema: z.ZodType, data: unknown): boolean {
  const def = defOf(unwrap(schema));
  if (def.type !== 'object' || !def.shape) return false;
  if (typeof data !== 'object' || data === null) return false;
  const record = data as Record<string, unknown>;
  for (const [key, field] of Object.entries(def.shape)) {
    const f = defOf(unwrap(field));
    if (f.type === 'literal' && f.values && !f.values.includes(record[key])) return false;
  }
  return true;
}

/** The object schema that governs `data`, following a union to the branch that `data` takes. */
function objectBranch(schema: z.ZodType, data: unknown): z.ZodType | undefined {
  const s = unwrap(schema);
  const def = defOf(s);
  if (def.type === 'object') return s;
  if (def.type === 'union' && def.options) {
    for (const option of def.options) {
      const branch = objectBranch(option, data);
      if (branch && literalsMatch(branch, data)) return branch;
    }
  }
  return undefined;
}

/** The schema at `path` below `schema`, reading `data` to choose union branches. */
function schemaAt(schema: z.ZodType, data: unknown, path: readonly (string | number)[]) {
  let s: z.ZodType | undefined = schema;
  let d: unknown = data;
  for (const seg of path) {
    if (!s) return undefined;
    const u = unwrap(s);
    const def = defOf(u);
    if (def.type === 'array' && def.element) {
      s = def.element;
    } else {
      const branch = objectBranch(u, d);
      s = branch ? defOf(branch).shape?.[String(seg)] : undefined;
    }
    d = typeof d === 'object' && d !== null ? (d as Record<string, unknown>)[seg] : undefined;
  }
  return s;
}

/**
 * Whether the key at the end of `path` may be left out (optional, or with a default).
 *
 * @example
 * ```ts
 * isOptionalAt(dimensionFileSchema, data, ['weight']); //=> true
 * isOptionalAt(dimensionFileSchema, data, ['id']);     //=> false
 * ```
 */
export function isOptionalAt(
  schema: z.ZodType,
  data: unknown,
  path: readonly (string | number)[],
): boolean {
  const s = schemaAt(schema, data, path);
  if (!s) return false;
  const type = defOf(s).type;
  return type === 'optional' || type === 'default' || type === 'prefault';
}

/**
 * The keys an object at `path` may have, for did-you-mean suggestions.
 *
 * @example
 * ```ts
 * allowedKeysAt(dimensionFileSchema, data, ['indicators', 0, 'rule']); //=> ['kind', 'unit', 'range', 'bands'] for a bands rule
 * ```
 */
export function allowedKeysAt(
  schema: z.ZodType,
  data: unknown,
  path: readonly (string | number)[],
): string[] {
  const s = schemaAt(schema, data, path);
  if (!s) return [];
  const branch = objectBranch(s, valueAt(data, path));
  return branch ? Object.keys(defOf(branch).shape ?? {}) : [];
}

/**
 * The value at `path` inside `data`.
 *
 * @example
 * ```ts
 * valueAt({ a: [{ b: 1 }] }, ['a', 0, 'b']); //=> 1
 * ```
 */
export function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let d = data;
  for (const seg of path) {
    if (typeof d !== 'object' || d === null) return undefined;
    d = (d as Record<string | number, unknown>)[seg];
  }
  return d;
}

/**
 * A value as text for messages. Never throws: YAML data may be a mapping with a `toString` key.
 *
 * @example
 * ```ts
 * show('choise');         //=> 'choise'
 * show({ toString: 0 });  //=> '{"toString":0}'
 * ```
 */
export function show(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

/**
 * A value's type in words, for messages.
 *
 * @example
 * ```ts
 * typeName([]);   //=> 'a list'
 * typeName(2021); //=> 'a number'
 * ```
 */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isFinite(value) ? 'a number' : String(value);
  if (typeof value === 'boolean') return 'true/false';
  return typeof value;
}

const expectedNames: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping of language tags to text',
  int: 'a whole number',
};

/**
 * Suggests the closest of `candidates` to `word`, when it is close enough to be a likely typo
 * (Levenshtein distance 1 for words up to 3 letters, 2 up to 6, else 3).
 *
 * @example
 * ```ts
 * suggest('titel', ['title', 'weight']); //=> 'title'
 * suggest('xyz', ['title', 'weight']);   //=> undefined
 * ```
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, candidates as string[]);
  const limit = word.length <= 3 ? 1 : word.length <= 6 ? 2 : 3;
  return distance(word.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined;
}

/**
 * Maps zod issues to coded, located issues: unknown keys (with a did-you-mean from the schema's
 * own keys), missing keys, wrong types, invalid values, unknown rule kinds, invalid weights and
 * dates. `prefix` is prepended to zod's paths (a dimension inline in `framework.yaml`).
 *
 * @example
 * ```ts
 * const r = nodeSchema.safeParse(data);
 * if (!r.success) issues.push(...mapZodIssues(r.error.issues, nodeSchema, data, place));
 * ```
 */
export function mapZodIssues(
  zodIssues: readonly ZodIssue[],
  schema: z.ZodType,
  data: unknown,
  place: Placer,
): Issue[] {
  const out: Issue[] = [];
  const at = (path: Path, target: Target = 'value') => ({ path, ...place(path, target) });
  const visit = (issue: ZodIssue, base: Path): void => {
    const path: Path = [...base, ...(issue.path as Path)];
    const value = valueAt(data, path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = allowedKeysAt(schema, data, path);
        for (const key of issue.keys) {
          const suggestion = suggest(key, allowed);
          out.push(
            createIssue(
              'SCHEMA_UNKNOWN_KEY',
              suggestion ? { key, suggestion } : { key },
              at([...path, key], 'key'),
            ),
          );
        }
        return;
      }
      case 'invalid_type': {
        const parent = valueAt(data, path.slice(0, -1));
        const key = path[path.length - 1];
        if (
          value === undefined &&
          key !== undefined &&
          typeof parent === 'object' &&
          parent !== null &&
          !Array.isArray(parent)
        ) {
          out.push(createIssue('SCHEMA_MISSING_KEY', { key: String(key) }, at(path.slice(0, -1))));
          return;
        }
        if (key === 'weight') {
          out.push(createIssue('WEIGHT_INVALID', { weight: value }, at(path)));
          return;
        }
        const expected = expectedNames[issue.expected] ?? issue.expected;
        // YAML reads `2020` and `yes` as a number and a boolean; text needs quotes.
        const received =
          issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
            ? `${typeName(value)} (quote it to make it text)`
            : typeName(value);
        out.push(createIssue('SCHEMA_INVALID_TYPE', { expected, received }, at(path)));
        return;
      }
      case 'invalid_union': {
        const disc = (issue as { discriminator?: string }).discriminator;
        if (disc !== undefined) {
          const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
          const kindPath = path[path.length - 1] === disc ? path : [...path, disc];
          const got = valueAt(data, kindPath);
          if (got === undefined) {
            out.push(createIssue('SCHEMA_MISSING_KEY', { key: disc }, at(kindPath.slice(0, -1))));
          } else if (disc === 'kind' && (ruleKinds as readonly string[]).includes(show(got))) {
            // A real kind where it is not allowed: combining kinds on a sub-question.
            out.push(
              createIssue(
                'SCHEMA_INVALID_VALUE',
                {
                  detail: `The rule kind "${show(got)}" combines sub-questions and cannot be used here; expected ${options.map((o) => `"${o}"`).join(', ')}.`,
                },
                at(kindPath),
              ),
            );
          } else if (disc === 'kind') {
            out.push(
              createIssue(
                'SCHEMA_UNKNOWN_RULE_KIND',
                { kind: show(got), kinds: options },
                at(kindPath),
              ),
            );
          } else {
            const hint = suggest(show(got), options);
            out.push(
              createIssue(
                'SCHEMA_INVALID_VALUE',
                {
                  detail: `"${show(got)}" is not a valid ${disc}; expected ${options.map((o) => `"${o}"`).join(', ')}.${hint ? ` Did you mean "${hint}"?` : ''}`,
                },
                at(kindPath),
              ),
            );
          }
          return;
        }
        // A plain union (text: a string or a map of languages). When one branch accepted the
        // value's type, its issues say what is wrong; otherwise the type itself is wrong.
        const branches = issue.errors;
        const typeOnly = (errs: readonly ZodIssue[]) =>
          errs.length === 1 && errs[0]?.code === 'invalid_type' && errs[0].path.length === 0;
        const informative = branches.find((errs) => !typeOnly(errs));
        if (informative) {
          for (const sub of informative) visit(sub, path);
          return;
        }
        if (value === undefined) {
          const key = path[path.length - 1];
          out.push(
            createIssue('SCHEMA_MISSING_KEY', { key: String(key ?? '') }, at(path.slice(0, -1))),
          );
          return;
        }
        const expected = branches
          .map((errs) => errs[0])
          .map((e) => (e?.code === 'invalid_type' ? (expectedNames[e.expected] ?? e.expected) : ''))
          .filter((e) => e !== '')
          .join(' or ');
        out.push(
          createIssue('SCHEMA_INVALID_TYPE', { expected, received: typeName(value) }, at(path)),
        );
        return;
      }
      case 'invalid_key': {
        const key = path[path.length - 1];
        for (const sub of issue.issues) {
          out.push(
            createIssue(
              'SCHEMA_INVALID_VALUE',
              { detail: `"${String(key)}": ${sub.message}` },
              at(path, 'key'),
            ),
          );
        }
        return;
      }
      case 'invalid_element': {
        for (const sub of issue.issues) visit(sub, path);
        return;
      }
      case 'invalid_value': {
        const values = issue.values.map(String);
        const hint = typeof value === 'string' ? suggest(value, values) : undefined;
        out.push(
          createIssue(
            'SCHEMA_INVALID_VALUE',
            {
              detail: `Expected ${values.map((v) => `"${v}"`).join(', ')}; got ${value === undefined ? 'nothing' : show(value)}.${hint ? ` Did you mean "${hint}"?` : ''}`,
            },
            at(path),
          ),
        );
        return;
      }
      case 'invalid_format': {
        if (issue.format === 'date' && path.includes('periods')) {
          out.push(createIssue('PERIOD_INVALID_DATE', { value: String(value) }, at(path)));
          return;
        }
        out.push(createIssue('SCHEMA_INVALID_VALUE', { detail: issue.message }, at(path)));
        return;
      }
      case 'too_small':
      case 'too_big': {
        const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
        const detail =
          issue.origin === 'array' && issue.code === 'too_small'
            ? `Expected at least ${String(bound)} item${Number(bound) === 1 ? '' : 's'}.`
            : issue.origin === 'string' && issue.code === 'too_small'
              ? 'Expected non-empty text.'
              : `Expected a value ${issue.code === 'too_small' ? '>=' : '<='} ${String(bound)}; got ${show(value)}.`;
        out.push(createIssue('SCHEMA_INVALID_VALUE', { detail }, at(path)));
        return;
      }
      case 'custom': {
        const code = (issue.params as { code?: string } | undefined)?.code;
        if (code === 'WEIGHT_INVALID') {
          out.push(createIssue('WEIGHT_INVALID', { weight: value }, at(path)));
          return;
        }
        out.push(createIssue('SCHEMA_INVALID_VALUE', { detail: issue.message }, at(path)));
        return;
      }
      default:
        out.push(createIssue('SCHEMA_INVALID_VALUE', { detail: issue.message }, at(path)));
    }
  };
  for (const issue of zodIssues) visit(issue, []);
  return out;
}
