/**
 * `integration-index validate <file-or-folder>...`: check frameworks before anyone scores with
 * them. Exit 0 when valid, 1 with any error, 2 for a usage error.
 */
import { formatIssue, type Issue } from '../../errors/issue.js';
import {
  type PathsValidation,
  pathsValidation,
  planValidation,
  snapshotValidation,
  targetName,
} from '../../node/validate-plan.js';
import { defineCliCommand, exitCodes, UsageError } from '../command.js';

/**
 * Output formats of `validate`.
 *
 * @example
 * ```ts
 * validateFormats.includes('github'); //=> true
 * ```
 */
export const validateFormats = ['text', 'json', 'github'] as const;
/**
 * An output format of `validate`.
 *
 * @example
 * ```ts
 * const format: ValidateFormat = 'json';
 * ```
 */
export type ValidateFormat = (typeof validateFormats)[number];

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** GitHub workflow-command escaping: data escapes `%`, CR and LF; properties also `:` and `,`. */
const escapeData = (s: string): string =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string =>
  escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function githubAnnotation(issue: Issue): string {
  const props = [
    issue.file !== undefined ? `file=${escapeProperty(issue.file)}` : '',
    issue.line !== undefined ? `line=${issue.line}` : '',
    issue.column !== undefined ? `col=${issue.column}` : '',
    `title=${escapeProperty(issue.code)}`,
  ].filter((p) => p !== '');
  return `::${issue.severity} ${props.join(',')}::${escapeData(`${issue.code}: ${issue.message}`)}`;
}

function summary(result: PathsValidation): string {
  const what = result.checked.length > 0 ? result.checked.join(', ') : 'nothing';
  const verdict = result.valid ? 'valid' : 'invalid';
  return `Checked ${what}: ${plural(result.errors.length, 'error')}, ${plural(result.warnings.length, 'warning')} (${verdict}).`;
}

/**
 * Renders a validation the way `validate --format` prints it.
 * - `text`: `path:line:col: error CODE: message` per issue (warnings likewise), then a summary;
 * - `json`: `{ valid, errors, warnings }`, each entry `{ file, line, column, code, path, message }`;
 * - `github`: workflow annotations `::error file=…,line=…,col=…,title=CODE::CODE: message`.
 *
 * In `text` and `github`, at most `repeatLimit` warnings of one code are listed per file, then
 * one line counts the rest, so that hundreds of missing translations cannot bury an error.
 * Errors are always listed in full, and `json` always lists everything.
 *
 * @example
 * ```ts
 * formatValidation({ valid: true, errors: [], warnings: [], checked: ['indicators/niem'] }, 'text', true);
 * //=> 'Checked indicators/niem: 0 errors, 0 warnings (valid).\n'
 * ```
 */
export function formatValidation(
  result: PathsValidation,
  format: ValidateFormat,
  showWarnings: boolean,
  repeatLimit = Number.POSITIVE_INFINITY,
): string {
  if (format === 'json') {
    const entry = (i: Issue) => ({
      file: i.file ?? null,
      line: i.line ?? null,
      column: i.column ?? null,
      code: i.code,
      path: i.path,
      message: i.message,
    });
    const json = {
      valid: result.valid,
      errors: result.errors.map(entry),
      warnings: showWarnings ? result.warnings.map(entry) : [],
    };
    return `${JSON.stringify(json, null, 2)}\n`;
  }
  const line = format === 'github' ? githubAnnotation : formatIssue;
  const lines = result.errors.map(line);
  if (showWarnings) {
    const seen = new Map<string, { count: number; first: Issue }>();
    for (const w of result.warnings) {
      const key = `${w.file ?? ''}\u0000${w.code}`;
      const s = seen.get(key) ?? { count: 0, first: w };
      s.count++;
      seen.set(key, s);
      if (s.count <= repeatLimit) lines.push(line(w));
    }
    for (const { count, first } of seen.values()) {
      if (count <= repeatLimit) continue;
      const more = count - repeatLimit;
      const text = `${first.file ?? '<input>'}: ${plural(more, 'more warning')} ${first.code} like the above (--all-warnings lists them).`;
      lines.push(
        format === 'github'
          ? `::warning${first.file ? ` file=${first.file}` : ''}::${escapeData(text)}`
          : text,
      );
    }
  }
  return [...lines, summary(result)].map((l) => `${l}\n`).join('');
}

/**
 * Validates the paths as `validatePaths` does, loading the checker (YAML parser, schemas,
 * meaning checks, mathjs) only when a target is not a built-in framework answered by its
 * compiled snapshot: `validate indicators/` on the built-in frameworks needs none of it.
 */
async function validate(paths: readonly string[], compiled: boolean): Promise<PathsValidation> {
  const targets = planValidation(paths);
  const known = targets.map(snapshotValidation);
  if (compiled && known.every((issues) => issues !== undefined)) {
    const checked = targets.map(targetName).filter((name) => name !== undefined);
    return pathsValidation(known.flat(), checked);
  }
  const { validatePaths } = await import('../../node/framework.js');
  return validatePaths(paths, { compiled });
}

/**
 * `validate`: checks framework folders (or a folder of them, such as `indicators/`) and files.
 *
 * @example
 * ```sh
 * integration-index validate indicators/ --format github
 * ```
 */
export const validateCommand = defineCliCommand({
  meta: {
    name: 'validate',
    description:
      'Check framework folders, folders of frameworks (indicators/) or single files; print every error with its file, line and column.',
  },
  args: {
    paths: {
      type: 'positional',
      required: false,
      description: 'Framework folders, folders of framework folders, or files',
    },
    format: {
      type: 'string',
      alias: 'f',
      default: 'text',
      description: 'Output: text, json or github (workflow annotations)',
    },
    warnings: {
      type: 'boolean',
      default: true,
      description: 'Print warnings too (--no-warnings for errors only)',
    },
    compiled: {
      type: 'boolean',
      default: true,
      description:
        'Answer a built-in framework from its compiled snapshot when its files match it (--no-compiled checks the files)',
    },
    'all-warnings': {
      type: 'boolean',
      default: false,
      description: 'List every warning (by default at most 5 of one code per file, then a count)',
    },
  },
  async run({ args }) {
    const paths = (args._ ?? []).map(String);
    if (paths.length === 0) throw new UsageError('Name at least one framework folder or file.');
    const format = String(args.format);
    if (!(validateFormats as readonly string[]).includes(format)) {
      throw new UsageError(`Unknown --format "${format}"; expected text, json or github.`);
    }
    const result = await validate(paths, args.compiled !== false);
    process.stdout.write(
      formatValidation(
        result,
        format as ValidateFormat,
        args.warnings !== false,
        args['all-warnings'] ? Number.POSITIVE_INFINITY : 5,
      ),
    );
    return result.valid ? exitCodes.ok : exitCodes.invalid;
  },
});
