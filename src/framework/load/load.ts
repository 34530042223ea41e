/**
 * Loading a framework from its files, all errors at once.
 *
 * ```
 *   SourceFile[] ─▶ decode + parse (YAML/JSON) ─▶ schema (zod) ─▶ assemble ─▶ meaning checks
 *                   FILE_*, YAML_*, JSON_*        SCHEMA_*, ...   ▲           FRAMEWORK_*, RULE_*, ...
 *                                                 on errors: salvage (cut the invalid parts away)
 * ```
 *
 * Every issue is placed at its file, line and column, with the path inside that file.
 */
import { invalidArgument, isRecord, sourceFilesProblem } from '../../errors/args.js';
import {
  createIssue,
  errorsOf,
  IntegrationIndexError,
  type Issue,
  type SafeResult,
} from '../../errors/issue.js';
import {
  dimensionFileSchema,
  type Framework,
  type FrameworkFile,
  frameworkFileSchema,
} from '../schema/framework.js';
import type { FrameworkNode } from '../schema/node.js';
import { checkFramework } from '../validate/check.js';
import type { Path } from '../validate/walk.js';
import { locate, type ParsedSource, parseSource } from './document.js';
import { frameworkNames, isFrameworkFileName } from './names.js';
import { idsIn, salvage } from './salvage.js';
import type { SourceFile } from './source.js';
import { mapZodIssues, type Placer } from './zod-issues.js';

/**
 * The outcome of {@link validateFramework}: errors fail validation, warnings never do.
 *
 * @example
 * ```ts
 * const { valid, errors, warnings }: FrameworkValidation = validateFramework(files);
 * ```
 */
export interface FrameworkValidation {
  valid: boolean;
  errors: Issue[];
  warnings: Issue[];
}

const dataFile = /\.(ya?ml|json)$/i;

const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;
const dirName = (path: string): string => {
  const parts = path.split(/[\\/]/);
  parts.pop();
  return parts.join('/');
};
const normalise = (path: string): string =>
  path
    .replace(/\\/g, '/')
    .split('/')
    .filter((s, i) => s !== '.' && !(s === '' && i > 0))
    .join('/');
const joinPath = (dir: string, rel: string): string => normalise(dir ? `${dir}/${rel}` : rel);

export { isFrameworkFileName };

function placer(source: ParsedSource, prefix: Path = []): Placer {
  return (path, target) => ({ file: source.file, ...locate(source, [...prefix, ...path], target) });
}

/**
 * Whether an issue may be a false alarm because parts of the framework were cut away for syntax
 * or schema errors (already reported). `removed.main` holds every `id` cut from framework.yaml
 * (where stages, levels and groups live); `removed.any` every `id` cut from any file, or is
 * `undefined` when a dimension file could not even be parsed (anything may have been there).
 */
function mayBeFalseAlarm(
  issue: Issue,
  removed: { main: ReadonlySet<string>; any: ReadonlySet<string> | undefined },
): boolean {
  const named = (key: string, ids: ReadonlySet<string> | undefined): boolean => {
    const value = issue.params?.[key];
    return ids === undefined || (typeof value === 'string' && ids.has(value));
  };
  switch (issue.code) {
    case 'FORMULA_UNKNOWN_SYMBOL':
      return named('symbol', removed.any);
    case 'FRAMEWORK_UNKNOWN_REFERENCE':
      return named('ref', removed.any);
    case 'FRAMEWORK_UNKNOWN_PARENT':
      return named('parent', removed.main);
    case 'FRAMEWORK_UNKNOWN_STAGE':
      return named('stage', removed.main);
    case 'FRAMEWORK_UNKNOWN_LEVEL':
      return named('level', removed.main);
    // What was cut away may have been the missing indicator, sub-question or top option.
    case 'AGGREGATE_EMPTY':
    case 'FRAMEWORK_SUBQUESTIONS_MISSING':
    case 'RULE_NO_TOP_OPTION':
      return true;
    default:
      return false;
  }
}

function withoutSchemaKey<T extends object>(value: T): T {
  if (!('$schema' in value)) return value;
  const { $schema: _ignored, ...rest } = value as T & { $schema?: unknown };
  return rest as T;
}

interface Analysis {
  framework?: Framework;
  issues: Issue[];
}

/** Issues in file order (the framework file first, then dimension files), then by position. */
function sortIssues(issues: Issue[], fileOrder: readonly string[]): Issue[] {
  const rank = (i: Issue) => (i.file === undefined ? -1 : fileOrder.indexOf(i.file));
  return [...issues].sort(
    (a, b) =>
      rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

function analyse(files: readonly SourceFile[]): Analysis {
  const r = analyseUnsorted(files);
  const order = [...files]
    .sort((a, b) => Number(isFrameworkFileName(b.path)) - Number(isFrameworkFileName(a.path)))
    .map((f) => f.path);
  return { ...r, issues: sortIssues(r.issues, order) };
}

function analyseUnsorted(files: readonly SourceFile[]): Analysis {
  const issues: Issue[] = [];
  const candidates = files
    .filter((f) => isFrameworkFileName(f.path))
    .sort(
      (a, b) =>
        frameworkNames.indexOf(baseName(a.path).toLowerCase()) -
        frameworkNames.indexOf(baseName(b.path).toLowerCase()),
    );
  const main = candidates[0];
  if (!main) {
    const folder = files[0] ? dirName(files[0].path) || '.' : '.';
    return { issues: [createIssue('FRAMEWORK_FILE_MISSING', { folder }, { file: folder })] };
  }
  const folder = normalise(dirName(main.path));

  // Whether parts were cut away for syntax or schema errors, and the ids inside them.
  let incomplete = false;
  let removedIds: Set<string> | undefined = new Set();
  const removedFromMain = new Set<string>();

  // The framework file.
  let frameworkFile: FrameworkFile | undefined;
  let mainToOriginal: (path: readonly (string | number)[]) => Path = (p) => [...p];
  let mainSource: ParsedSource | undefined;
  const parsedMain = parseSource(main);
  if (!parsedMain.ok) {
    issues.push(...parsedMain.issues);
  } else {
    mainSource = parsedMain.parsed;
    const r = frameworkFileSchema.safeParse(mainSource.data);
    if (r.success) {
      frameworkFile = r.data;
    } else {
      issues.push(
        ...mapZodIssues(r.error.issues, frameworkFileSchema, mainSource.data, placer(mainSource)),
      );
      const salvaged = salvage(frameworkFileSchema, mainSource.data);
      if (salvaged) {
        frameworkFile = salvaged.value;
        mainToOriginal = salvaged.toOriginal;
        for (const id of salvaged.removedIds) {
          removedIds?.add(id);
          removedFromMain.add(id);
        }
      }
      incomplete = true;
    }
  }

  // The dimension files: `include` order if given, else every other data file by name.
  const others = files.filter((f) => !isFrameworkFileName(f.path) && dataFile.test(f.path));
  let ordered: SourceFile[];
  const include = frameworkFile?.include;
  if (include && mainSource) {
    ordered = [];
    include.forEach((rel, i) => {
      const wanted = joinPath(folder, rel);
      const found = others.find((f) => normalise(f.path) === wanted);
      if (found) ordered.push(found);
      else if (mainSource)
        issues.push(
          createIssue(
            'FILE_NOT_FOUND',
            { file: wanted },
            { path: ['include', i], ...placer(mainSource)(['include', i], 'value') },
          ),
        );
    });
  } else {
    ordered = [...others].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  const dimensions: {
    node: FrameworkNode;
    source: ParsedSource;
    toOriginal: (path: readonly (string | number)[]) => Path;
  }[] = [];
  for (const file of ordered) {
    const parsed = parseSource(file);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      incomplete = true;
      removedIds = undefined;
      continue;
    }
    const { data } = parsed.parsed;
    const r = dimensionFileSchema.safeParse(data);
    if (r.success) {
      dimensions.push({
        node: withoutSchemaKey(r.data),
        source: parsed.parsed,
        toOriginal: (p) => [...p],
      });
      continue;
    }
    issues.push(...mapZodIssues(r.error.issues, dimensionFileSchema, data, placer(parsed.parsed)));
    incomplete = true;
    const salvaged = salvage(dimensionFileSchema, data);
    if (salvaged) {
      dimensions.push({
        node: withoutSchemaKey(salvaged.value),
        source: parsed.parsed,
        toOriginal: salvaged.toOriginal,
      });
      for (const id of salvaged.removedIds) removedIds?.add(id);
    } else if (removedIds) {
      idsIn(data, removedIds);
    }
  }

  if (!frameworkFile || !mainSource) return { issues };
  const inline = frameworkFile.dimensions ?? [];
  if (inline.length + dimensions.length === 0 && !incomplete) {
    issues.push(
      createIssue(
        'FRAMEWORK_NO_DIMENSIONS',
        {},
        { file: mainSource.file, line: 1, column: 1, path: [] },
      ),
    );
    return { issues };
  }

  // Assemble, remembering where each dimension came from.
  const mainParsed = mainSource;
  const origins: {
    source: ParsedSource;
    prefix: Path;
    toOriginal: (path: readonly (string | number)[]) => Path;
  }[] = [
    ...inline.map((_, i) => ({
      source: mainParsed,
      prefix: ['dimensions', i] as Path,
      toOriginal: mainToOriginal,
    })),
    ...dimensions.map((d) => ({ source: d.source, prefix: [] as Path, toOriginal: d.toOriginal })),
  ];
  const framework: Framework = {
    ...withoutSchemaKey(frameworkFile),
    dimensions: [...inline, ...dimensions.map((d) => d.node)],
  };
  /** The file and the path inside it (as written) of a path in the assembled framework. */
  const origin = (path: Path): { source: ParsedSource; docPath: Path } => {
    if (path[0] === 'dimensions' && typeof path[1] === 'number') {
      const o = origins[path[1]];
      if (o) return { source: o.source, docPath: o.toOriginal([...o.prefix, ...path.slice(2)]) };
    }
    return { source: mainParsed, docPath: mainToOriginal(path) };
  };
  const describe = (path: Path): string => {
    const { source, docPath } = origin(path);
    return `${source.file}:${locate(source, docPath).line}`;
  };
  for (const issue of checkFramework(framework, describe)) {
    if (incomplete && mayBeFalseAlarm(issue, { main: removedFromMain, any: removedIds })) continue;
    const { source, docPath } = origin(issue.path);
    issues.push({ ...issue, path: docPath, file: source.file, ...locate(source, docPath) });
  }
  const result: Analysis = { issues };
  if (errorsOf(issues).length === 0) result.framework = framework;
  return result;
}

/**
 * Parses a framework from the contents of its files (plain data, no file system: this is the
 * browser-safe core; `loadFramework` in `integration-index/node` reads a built-in id or a folder)
 * without throwing: the framework (defaults applied, dimension
 * files appended to inline dimensions in `include` order or by file name) with its warnings, or
 * every issue found. A file with schema errors is salvaged (see `salvage.ts`) so the meaning
 * checks still run over everything else; checks that the cut-away parts could have satisfied
 * (an unknown name that was declared there, an aggregate that held them) stay silent.
 *
 * @example
 * ```ts
 * const r = safeParseFramework([
 *   { path: 'niem/framework.yaml', content: frameworkYaml },
 *   { path: 'niem/residency.yaml', content: residencyYaml },
 * ]);
 * if (r.ok) r.value.dimensions.length; //=> 1
 * else r.issues.map(formatIssue);      //=> ['niem/residency.yaml:12:9: error ...']
 * ```
 */
export function safeParseFramework(files: readonly SourceFile[]): SafeResult<Framework> {
  const bad = sourceFilesProblem('parseFramework', 'files', files);
  if (bad) return { ok: false, issues: [bad] };
  const { framework, issues } = analyse(files);
  if (framework) return { ok: true, value: framework, warnings: issues };
  return { ok: false, issues };
}

/**
 * Parses a framework from the contents of its files (see {@link safeParseFramework}); throws an {@link IntegrationIndexError} carrying every
 * issue when there is any error.
 *
 * @example
 * ```ts
 * const niem = parseFramework(files);
 * niem.id; //=> 'niem'
 * ```
 */
export function parseFramework(files: readonly SourceFile[]): Framework {
  const r = safeParseFramework(files);
  if (!r.ok) throw new IntegrationIndexError(r.issues);
  return r.value;
}

/**
 * Validates a framework's files: `valid` when there is no error; errors and warnings apart.
 *
 * @example
 * ```ts
 * validateFramework(files); //=> { valid: false, errors: [{ code: 'FRAMEWORK_UNKNOWN_STAGE', line: 14, ... }], warnings: [] }
 * ```
 */
export function validateFramework(files: readonly SourceFile[]): FrameworkValidation {
  const bad = sourceFilesProblem('validateFramework', 'files', files);
  if (bad) throw new IntegrationIndexError([bad]);
  const { issues } = analyse(files);
  const errors = errorsOf(issues);
  return {
    valid: errors.length === 0,
    errors,
    warnings: issues.filter((i) => i.severity !== 'error'),
  };
}

/**
 * Checks one file on its own: syntax, then the framework-file schema for `framework.*` and the
 * dimension schema for anything else. Meaning checks need the whole framework; see
 * {@link validateFramework}.
 *
 * @example
 * ```ts
 * validateSourceFile({ path: 'residency.yaml', content: 'id: residency\ntitel: Residency\n' }).errors[0]?.code;
 * //=> 'SCHEMA_UNKNOWN_KEY'
 * ```
 */
export function validateSourceFile(file: SourceFile): FrameworkValidation {
  if (
    !isRecord(file) ||
    typeof file.path !== 'string' ||
    !(typeof file.content === 'string' || file.content instanceof Uint8Array)
  ) {
    throw new IntegrationIndexError([
      invalidArgument(
        'validateSourceFile',
        'file',
        'a file ({ path: string, content: string | Uint8Array })',
        file,
      ),
    ]);
  }
  const parsed = parseSource(file);
  let issues: Issue[];
  if (!parsed.ok) {
    issues = parsed.issues;
  } else {
    const schema = isFrameworkFileName(file.path) ? frameworkFileSchema : dimensionFileSchema;
    const r = schema.safeParse(parsed.parsed.data);
    issues = r.success
      ? []
      : mapZodIssues(r.error.issues, schema, parsed.parsed.data, placer(parsed.parsed));
  }
  const errors = errorsOf(issues);
  return {
    valid: errors.length === 0,
    errors,
    warnings: issues.filter((i) => i.severity !== 'error'),
  };
}
