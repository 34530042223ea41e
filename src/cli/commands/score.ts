/**
 * `integration-index score --framework <id-or-path> <answers>...`: score answer files and print
 * a table, a long CSV or the JSON result. Rejected rows are reported on stderr with their coded
 * error and position; the rest is scored (exit 0) unless `--strict`.
 */
import { statSync, writeFileSync } from 'node:fs';
import { parseStatus } from '../../answers/read/_lib/fields.js';
import type { AnswerTableSet } from '../../answers/read/index.js';
import { type ScoreOptions, safeScore } from '../../engine/index.js';
import { formatScore } from '../../engine/result/round.js';
import { filterResult, scoreRows } from '../../engine/result/rows.js';
import type { NodeResult, ScoreResult } from '../../engine/result/schema.js';
import { formatIssue, IntegrationIndexError, type Issue } from '../../errors/issue.js';
import type { Framework } from '../../framework/schema/framework.js';
import { toCsv } from '../../io/csv.js';
import { readAnswerTableFiles } from '../../node/answers.js';
import { answerDigests, readFrameworkWithDigests, relocateStamp } from '../../node/provenance.js';
import { localeFormat } from '../../text/locale.js';
import { uiWords } from '../../text/ui.js';
import { defineCliCommand, exitCodes, UsageError } from '../command.js';
import { compositeScoreArgs, runCompositeScore } from '../composite-score.js';
import { groupRowsCsv, groupTable } from '../group-output.js';
import { rawArg } from '../scored-output.js';
import { sheetArg, sheetOption } from '../sheet-arg.js';
import { unitsArgs, withUnits } from '../units.js';
import { weightArg, weightsFromArgs } from '../weights.js';

function isReadableFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Output formats of `score`. */
export const scoreFormats = ['table', 'csv', 'json'] as const;

/** Arguments shared by `score` and `explain`. */
export const scoringArgs = {
  answers: {
    type: 'positional',
    required: false,
    description: 'Answer files (CSV long or wide, JSON, .xlsx)',
  },
  framework: {
    type: 'string',
    required: true,
    description: 'A built-in framework id (niem, mipex-2020) or a framework folder',
  },
  'as-of': {
    type: 'string',
    description:
      'Use the answers in force on this date (YYYY-MM-DD); default: each period’s reference date',
  },
  missing: {
    type: 'string',
    description:
      'Missing-data policy for this run: exclude, zero or fail (default: the framework’s)',
  },
  na: {
    type: 'string',
    description:
      'Not-applicable policy for this run: exclude, zero or max (default: the framework’s)',
  },
  decimals: {
    type: 'string',
    default: '1',
    description:
      'Decimals of printed scores, rounded half away from zero (JSON keeps full precision)',
  },
  lang: { type: 'string', description: 'Language of titles and labels (default: the framework’s)' },
  weight: weightArg,
  status: {
    type: 'string',
    description:
      'Score only answers at or above this review state: draft, submitted, reviewed or final (an answer without a status counts as submitted)',
  },
  sheet: sheetArg,
  verbose: {
    type: 'boolean',
    description:
      'List every warning (by default, repeats of one warning code are one line with a count)',
  },
} as const;

/** What `score` and `explain` load before scoring. */
export interface ScoringInputs {
  framework: Framework;
  /** The answers read, held column-wise (no object per row on large files). */
  answers: AnswerTableSet;
  options: ScoreOptions;
  decimals: number;
  /** The framework file, for issues about the framework itself (its edition's `changes`). */
  frameworkFile?: string;
  /** The framework folder, for files it names (its `units.file`). */
  frameworkDir?: string;
  /** Print every warning instead of one line per code with a count (`--verbose`). */
  verbose?: boolean;
}

/** Parses the shared arguments and loads the framework and the answer files. */
export async function loadScoringInputs(
  args: Record<string, unknown>,
  rawArgs: readonly string[] = [],
): Promise<ScoringInputs> {
  const paths = ((args._ as unknown[] | undefined) ?? []).map(String);
  if (paths.length === 0) throw new UsageError('Name at least one answer file.');
  const decimals = Number(args.decimals ?? 1);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 12) {
    throw new UsageError(
      `--decimals must be a whole number from 0 to 12, not "${String(args.decimals)}".`,
    );
  }
  const missing = args.missing as string | undefined;
  if (missing !== undefined && !['exclude', 'zero', 'fail'].includes(missing)) {
    throw new UsageError(`Unknown --missing "${missing}"; expected exclude, zero or fail.`);
  }
  const na = args.na as string | undefined;
  if (na !== undefined && !['exclude', 'zero', 'max'].includes(na)) {
    throw new UsageError(`Unknown --na "${na}"; expected exclude, zero or max.`);
  }
  const status = args.status as string | undefined;
  if (status !== undefined && parseStatus(status) === undefined) {
    throw new UsageError(
      `Unknown --status "${status}"; expected draft, submitted, reviewed or final.`,
    );
  }
  const weights = weightsFromArgs(rawArgs);
  const read = await readFrameworkWithDigests(String(args.framework));
  const framework = read.framework;
  const answers = await readAnswerTableFiles(paths, {
    ...sheetOption(args),
    framework: { id: framework.id, edition: framework.edition, version: framework.version },
  });
  const options: ScoreOptions = {
    ...(weights ? { weights } : {}),
    asOf: args['as-of'] as string | undefined,
    lang: args.lang as string | undefined,
    // Hashes of the inputs for the result's provenance stamp (`verify` checks them).
    provenance: {
      framework: read.inputs,
      // Only files that can be read: a missing one is reported as FILE_NOT_FOUND by the reader.
      answers: answerDigests(paths.filter(isReadableFile)),
      relativeTo: 'cwd',
      decimals,
      ...sheetOption(args),
    },
  };
  if (missing !== undefined || na !== undefined) {
    options.missing = {
      ...(missing !== undefined ? { noData: missing as 'exclude' | 'zero' | 'fail' } : {}),
      ...(na !== undefined ? { notApplicable: na as 'exclude' | 'zero' | 'max' } : {}),
    };
  }
  if (status !== undefined) options.status = parseStatus(status);
  return {
    framework,
    answers,
    options,
    decimals,
    frameworkFile: read.frameworkFile,
    frameworkDir: read.dir,
    verbose: args.verbose === true,
  };
}

/**
 * Issue lines as printed: every line with `verbose`; otherwise a warning code that repeats is one
 * line, its first occurrence with the count of the others (errors are always listed one by one).
 *
 * @example
 * ```ts
 * collapseWarnings(lines, false);
 * //=> ['a.csv: row 3: warning ANSWER_X: ... (and 41 more ANSWER_X warnings; --verbose lists them)']
 * ```
 */
export function collapseWarnings(
  lines: readonly { issue: Issue; text: string }[],
  verbose: boolean,
): string[] {
  if (verbose) return lines.map((l) => l.text);
  const counts = new Map<string, number>();
  for (const { issue } of lines) {
    if (issue.severity === 'warning') counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1);
  }
  const shown = new Set<string>();
  const out: string[] = [];
  for (const { issue, text } of lines) {
    const n = issue.severity === 'warning' ? (counts.get(issue.code) ?? 1) : 1;
    if (n === 1) out.push(text);
    else if (!shown.has(issue.code)) {
      shown.add(issue.code);
      const more = n - 1;
      out.push(
        `${text} (and ${more} more ${issue.code} warning${more === 1 ? '' : 's'}; --verbose lists them)`,
      );
    }
  }
  return out;
}

/** Scores, printing issues and counts on stderr; throws the issues when scoring fails. */
export function scoreAndReport(inputs: ScoringInputs): { result: ScoreResult; issues: Issue[] } {
  const r = safeScore(inputs.framework, inputs.answers, inputs.options);
  if (!r.ok) throw new IntegrationIndexError([...inputs.answers.errors, ...r.issues]);
  const result = r.value;
  // In file order, so that a long list reads top to bottom.
  const files = new Map(result.files.map((f, i) => [f, i]));
  const sorted = [...(result.issues as Issue[])].sort(
    (a, b) =>
      (files.get(a.file ?? '') ?? -1) - (files.get(b.file ?? '') ?? -1) ||
      (a.line ?? 0) - (b.line ?? 0),
  );
  const lines = sorted.map((issue) => {
    const file = issue.file ?? (issue.path[0] === 'changes' ? inputs.frameworkFile : undefined);
    return { issue, text: formatIssue(file === undefined ? issue : { ...issue, file }) };
  });
  for (const line of collapseWarnings(lines, inputs.verbose === true)) {
    process.stderr.write(`${line}\n`);
  }
  const c = result.counts;
  process.stderr.write(
    `Read ${c.read} answers: ${c.used} used, ${c.superseded} superseded, ${c.rejected} rejected.\n`,
  );
  const left = result.issues.find((i) => i.code === 'SCORE_STATUS_EXCLUDED');
  if (inputs.options.status !== undefined) {
    const count = Number(left?.params?.count ?? 0);
    process.stderr.write(
      `Scored answers with status ${inputs.options.status} or above; ${count} left out (counted as superseded).\n`,
    );
  }
  return { result, issues: result.issues as Issue[] };
}

const pad = (s: string, n: number, right = false): string => (right ? s.padStart(n) : s.padEnd(n));

/** The width the default table fits in (a 100-column terminal). */
export const TABLE_WIDTH = 100;

const width = (s: string): number => [...s].length;

/** Words of `text` in lines of at most `max` characters (a longer word gets a line of its own). */
function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && width(last) + 1 + width(word) <= max)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length > 0 ? lines : [''];
}

/**
 * Columns padded to their widest cell, two spaces apart. When that is wider than
 * {@link TABLE_WIDTH}, the header cells (the first row) wrap at spaces onto several lines, no
 * narrower than their data or longest word, and then the first column's cells are cut with an
 * ellipsis to fit (keeping a trailing note in parentheses, such as "(not scored)", whole).
 */
function renderTable(rows: string[][], alignRight: (col: number) => boolean): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, width(c));
    });
  }
  const total = (w: number[]) => w.reduce((a, b) => a + b, 0) + 2 * (w.length - 1);
  const [header, ...body] = rows;
  if (!header || total(widths) <= TABLE_WIDTH) return joinRows(rows, widths, alignRight);
  const dataWidths = header.map((_, i) => Math.max(0, ...body.map((r) => width(r[i] ?? ''))));
  const wrapped = header.map((h, i) =>
    i === 0 ? [h] : wrapWords(h, Math.max(dataWidths[i] ?? 0, ...h.split(/\s+/).map(width))),
  );
  const fitted = wrapped.map((lines, i) => Math.max(dataWidths[i] ?? 0, ...lines.map(width)));
  const rest = total(fitted) - (fitted[0] ?? 0);
  fitted[0] = Math.min(fitted[0] ?? 0, Math.max(12, TABLE_WIDTH - rest));
  const first = fitted[0];
  const cut = (c: string): string => {
    if (width(c) <= first) return c;
    // A trailing note such as "(not scored)" stays whole; the title before it is shortened.
    const m = /^(.*?)( \([^()]*\))$/.exec(c);
    const [title, note] = m && width(m[2] ?? '') < first - 4 ? [m[1] ?? '', m[2] ?? ''] : [c, ''];
    return `${[...title].slice(0, first - width(note) - 1).join('')}…${note}`;
  };
  const height = Math.max(...wrapped.map((l) => l.length));
  // Header lines bottom-aligned, so each title's last line sits on top of its column.
  const headerRows = Array.from({ length: height }, (_, k) =>
    wrapped.map((lines) => lines[k - (height - lines.length)] ?? ''),
  );
  return joinRows(
    [...headerRows, ...body.map((r) => r.map((c, i) => (i === 0 ? cut(c) : c)))],
    fitted,
    alignRight,
  );
}

function joinRows(
  rows: string[][],
  widths: number[],
  alignRight: (col: number) => boolean,
): string {
  return rows
    .map((row) =>
      row
        .map((c, i) => pad(c, widths[i] ?? 0, alignRight(i)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * The table view: with stages, one block per unit and period with dimensions by stage (the
 * dimension x stage cells, the dimension's total and rank), then the stages and the overall
 * score; without stages, units by the chosen nodes.
 */
export function formatScoreTable(
  result: ScoreResult,
  decimals: number,
  levels?: readonly string[],
  lang?: string,
): string {
  const w = uiWords(lang);
  const loc = localeFormat(lang ?? 'en');
  const out: string[] = [];
  const byId = new Map(result.nodes.map((n) => [n.id, n]));
  const root = byId.get(result.rootId) as NodeResult;
  const stages = result.nodes.filter((n) => n.kind === 'stage');
  const cells = result.nodes.filter((n) => n.kind === 'cell');
  const fmt = (n: NodeResult | undefined, r: number): string =>
    n ? loc.number(formatScore(n.score[r], decimals)) || '—' : '';
  const R = result.rows.unit.length;
  const periodIds = result.periods.map((p) => p.id);
  if (cells.length > 0 && !levels) {
    const dims = result.nodes.filter(
      (n) => n.kind === 'dimension' && cells.some((c) => c.parent === n.id),
    );
    for (let r = 0; r < R; r++) {
      const unit = result.units[result.rows.unit[r] as number] as string;
      const period = periodIds[result.rows.period[r] as number] as string;
      const rank = root.rank[r];
      out.push(
        `${unit}  ${period}  ${root.title}: ${fmt(root, r)}${rank ? `  (${w.rankShort({ rank: String(rank) })})` : ''}`,
      );
      const rows: string[][] = [['', ...stages.map((s) => s.title), w.total, w.rank]];
      for (const d of dims) {
        rows.push([
          d.scored ? d.title : `${d.title} (${w.notScored})`,
          ...stages.map((s) => fmt(byId.get(`${d.id}@${s.id}`), r)),
          fmt(d, r),
          d.rank[r] ? String(d.rank[r]) : '',
        ]);
      }
      rows.push([w.stage, ...stages.map((s) => fmt(s, r)), '', '']);
      out.push(
        renderTable(rows, (i) => i > 0),
        '',
      );
    }
    return out.join('\n');
  }
  const columns = levels
    ? result.nodes.filter((n) => levels.includes(n.kind) || levels.includes(n.level))
    : result.nodes.filter(
        (n) =>
          n.kind === 'overall' ||
          n.kind === 'aggregate' ||
          (n.parent === result.rootId && n.kind !== 'stage'),
      );
  const ordered = [
    ...columns.filter((n) => n.id !== result.rootId),
    ...columns.filter((n) => n.id === result.rootId),
  ];
  const rows: string[][] = [
    ['unit', 'period', ...ordered.map((n) => n.id), ...(ordered.includes(root) ? ['rank'] : [])],
  ];
  for (let r = 0; r < R; r++) {
    rows.push([
      result.units[result.rows.unit[r] as number] as string,
      periodIds[result.rows.period[r] as number] as string,
      ...ordered.map((n) => fmt(n, r)),
      ...(ordered.includes(root) ? [root.rank[r] ? String(root.rank[r]) : ''] : []),
    ]);
  }
  out.push(renderTable(rows, (i) => i > 1));
  return `${out.join('\n')}\n`;
}

/**
 * The long CSV: `unit,period,node,level,stage,score,coverage,rank`, scores rounded half away
 * from zero to `decimals`, coverage (answered share of applicable indicators) to 3 decimals.
 * Formula-like cells (a unit named `=HYPERLINK(...)`) are neutralised unless `raw`.
 */
export function formatScoreCsv(
  result: ScoreResult,
  decimals: number,
  options: { raw?: boolean } = {},
): string {
  const groups = result.groups !== undefined;
  const rows: (string | number | null)[][] = [
    [
      'unit',
      'period',
      'node',
      'level',
      'stage',
      'score',
      'coverage',
      'rank',
      // With groups (issue 17): group rows follow, their score being the group mean.
      ...(groups ? ['type', 'count', 'median', 'min', 'max'] : []),
    ],
  ];
  for (const row of scoreRows(result)) {
    const node = result.nodes.find((n) => n.id === row.node);
    if (node?.value && row.score === null) continue;
    rows.push([
      row.unit,
      row.period,
      row.node,
      row.level,
      row.stage,
      formatScore(row.score, decimals),
      formatScore(row.coverage, 3),
      row.rank,
      ...(groups ? ['unit', '', '', '', ''] : []),
    ]);
  }
  if (groups) rows.push(...groupRowsCsv(result, decimals));
  return toCsv(rows, { raw: options.raw === true });
}

/**
 * `score`: the main command.
 *
 * @example
 * ```sh
 * integration-index score --framework niem answers.csv --period 2019 --format csv --out scores.csv
 * ```
 */
export const scoreCommand = defineCliCommand({
  meta: {
    name: 'score',
    description:
      'Score answer files against a framework: dimension x stage, dimension, stage and overall scores with ranks and coverage.',
  },
  args: {
    ...scoringArgs,
    framework: {
      ...scoringArgs.framework,
      required: false,
      description: `${scoringArgs.framework.description} (not with --idata)`,
    },
    period: { type: 'string', description: 'Only these periods (comma-separated ids)' },
    level: {
      type: 'string',
      description:
        'Only these levels or kinds (comma-separated: overall, group, dimension, cell, stage, indicator...)',
    },
    format: {
      type: 'string',
      alias: 'f',
      default: 'table',
      description: 'Output: table, csv or json',
    },
    out: {
      type: 'string',
      alias: 'o',
      description: 'Write the output to this file instead of stdout',
    },
    strict: {
      type: 'boolean',
      default: false,
      description: 'Exit 1 if any answer row was rejected',
    },
    raw: rawArg,
    idata: compositeScoreArgs.idata,
    imeta: compositeScoreArgs.imeta,
    pipeline: compositeScoreArgs.pipeline,
    stage: compositeScoreArgs.stage,
    wide: compositeScoreArgs.wide,
    log: compositeScoreArgs.log,
    ...unitsArgs,
  },
  async run({ args, rawArgs }) {
    // COINr-style statistics (iData/iMeta + pipeline) take the composite path.
    if (args.idata !== undefined || args.imeta !== undefined) {
      if (args.framework !== undefined) {
        throw new UsageError('Give either --framework with answer files, or --idata/--imeta.');
      }
      if (args.weight !== undefined) {
        throw new UsageError(
          "--weight goes with --framework; a composite pipeline's weights are set in its weights: block.",
        );
      }
      return runCompositeScore({
        idata: args.idata,
        imeta: args.imeta,
        pipeline: args.pipeline,
        stage: args.stage,
        wide: args.wide,
        format: String(args.format),
        out: args.out,
        log: args.log,
        raw: args.raw,
      });
    }
    if (args.framework === undefined) {
      throw new UsageError(
        'Missing --framework <id-or-path> (or --idata/--imeta for COINr-style data).',
      );
    }
    for (const flag of ['pipeline', 'stage', 'log'] as const) {
      if (args[flag] !== undefined) throw new UsageError(`--${flag} goes with --idata/--imeta.`);
    }
    const format = String(args.format);
    if (!(scoreFormats as readonly string[]).includes(format)) {
      throw new UsageError(`Unknown --format "${format}"; expected table, csv or json.`);
    }
    const inputs = await loadScoringInputs(args as Record<string, unknown>, rawArgs);
    const periods = args.period
      ? String(args.period)
          .split(',')
          .map((p) => p.trim())
      : undefined;
    const known = inputs.framework.periods.map((p) => p.id);
    for (const p of periods ?? []) {
      if (!known.includes(p))
        throw new UsageError(
          `Unknown --period "${p}"; the framework's periods are ${known.join(', ')}.`,
        );
    }
    const levels = args.level
      ? String(args.level)
          .split(',')
          .map((l) => l.trim())
      : undefined;
    const { result: scored } = scoreAndReport(inputs);
    const result = await withUnits(
      args as Record<string, unknown>,
      inputs.framework,
      inputs.frameworkDir,
      scored,
    );
    const view = periods || levels ? filterResult(result, { periods, levels }) : result;
    // A saved result names its inputs relative to itself, so the two can move together.
    const shown =
      args.out && view.provenance
        ? { ...view, provenance: relocateStamp(view.provenance, String(args.out)) }
        : view;
    const text =
      format === 'json'
        ? `${JSON.stringify(shown)}\n`
        : format === 'csv'
          ? formatScoreCsv(shown, inputs.decimals, { raw: args.raw })
          : formatScoreTable(shown, inputs.decimals, levels, inputs.options.lang) +
            (shown.groups ? `\n${groupTable(shown, inputs.decimals, levels)}` : '');
    if (args.out) writeFileSync(String(args.out), text);
    else process.stdout.write(text);
    if (inputs.answers.errors.length > 0) return exitCodes.invalid;
    return args.strict && result.counts.rejected > 0 ? exitCodes.invalid : exitCodes.ok;
  },
});
