import { parse } from 'csv-parse/browser/esm/sync';
import type { AnswerOrigin, AnswerRow } from '../../answers/types.js';
import {
  frameworkProblem,
  invalidArgument,
  optionsProblem,
  throwIfAny,
} from '../../errors/args.js';
import { createIssue, type Issue } from '../../errors/issue.js';
import type { Framework } from '../../framework/schema/framework.js';
import { indexMipexCodes, type MipexTarget, normaliseMipexCode } from './codes.js';

/**
 * Options of {@link importMipexScores}.
 *
 * @example
 * ```ts
 * const options: MipexImportOptions = { file: 'scores.csv', skipUnscoredStrands: true };
 * ```
 */
export interface MipexImportOptions {
  /** The file name to put in answers' origins and in issues; `scores.csv` by default. */
  file?: string;
  /**
   * Leave out the indicator scores of a strand that has no strand average for that country and
   * year, when the file carries strand averages at all (default `true`). MIPEX's workbook keeps
   * some indicator values for years it did not score the strand (health outside 2014 and 2019);
   * its own average is then empty, and so must ours be.
   */
  skipUnscoredStrands?: boolean;
  /**
   * Where each data record really sits, by record index (0-based), when the text was made from
   * another file (MIPEX's workbook): issues and answers' origins then name that file, line
   * (sheet row) and the column of the field.
   */
  locations?: readonly {
    file: string;
    line: number;
    columns: { year: number; code: number; score: number };
  }[];
  /**
   * Report years the framework has no period for once per unit and year
   * (`MIPEX_UNKNOWN_UNIT_PERIOD`) instead of once per year (`MIPEX_UNKNOWN_PERIOD`).
   */
  unknownPeriodsPerUnit?: boolean;
}

/**
 * How many records of the scores file went where; `read` is always the sum of the others.
 *
 * @example
 * ```ts
 * importMipexScores(csv, mipex).counts;
 * //=> { read: 28757, imported: 23077, recomputed: 5215, skipped: 465, rejected: 0 }
 * ```
 */
export interface MipexImportCounts {
  /** Data records in the file. */
  read: number;
  /** Records written as answers (one answer each). */
  imported: number;
  /** Composite, dimension, area and overall scores: the engine recomputes them. */
  recomputed: number;
  /** Records left out on purpose: unknown period, strand not scored, identical duplicates. */
  skipped: number;
  /** Records with an error. */
  rejected: number;
}

/**
 * What {@link importMipexScores} gives: long answers, coded issues, and the counts.
 *
 * @example
 * ```ts
 * const { rows, issues, counts } = importMipexScores(csv, mipex);
 * const ok = errorsOf(issues).length === 0;
 * ```
 */
export interface MipexImportResult {
  /** One answer per leaf indicator or sub-item, country and year, in file order. */
  rows: AnswerRow[];
  /** Errors (a record that could not be imported) and warnings (records skipped on purpose). */
  issues: Issue[];
  counts: MipexImportCounts;
}

/**
 * The columns of MIPEX's tidy scores layout that the importer needs (`area` and `column` may
 * be there too; they are not read).
 *
 * @example
 * ```ts
 * MIPEX_SCORE_COLUMNS.join(','); //=> 'country,year,code,sub_code,score'
 * ```
 */
export const MIPEX_SCORE_COLUMNS = ['country', 'year', 'code', 'sub_code', 'score'] as const;

/** Scores within this relative distance of an option's score match it (binary fractions). */
const SCORE_TOLERANCE = 1e-9;

interface ScoreRecord {
  fields: string[];
  line: number;
  row: number;
}

/**
 * Turns MIPEX's published indicator scores (the tidy layout `country,year,area,column,code,
 * sub_code,score`, one score per row) into long answers for a framework such as the built-in
 * `mipex-2020`. Only leaves are imported: indicators without sub-items and the sub-items of
 * composites (addressed `composite.sub`), each score mapped to the option that carries it.
 * Composite, area and overall scores are left for the engine to recompute, which is what makes
 * a reproduction test possible. The identity of a record is its `code`, or its `sub_code` where
 * `code` is empty, normalised by {@link normaliseMipexCode} and resolved through ids and aliases.
 *
 * A score no option carries, an unknown code, or a conflicting duplicate is an error naming
 * the record's line; years the framework has no period for and strands MIPEX did not score
 * that year are skipped with a warning. Pure: the text and framework in, data out.
 *
 * @example
 * ```ts
 * const csv = 'country,year,area,column,code,sub_code,score\nAT,2019,Family Reunification,4,,bb28a,50.0\n';
 * const { rows, issues } = importMipexScores(csv, mipex, { file: 'scores.csv' });
 * rows[0]; //=> { unit: 'AT', period: '2019', indicator: 'bb28.bb28a', answer: 'b', origin: {...} }
 * issues;  //=> []
 * ```
 */
export function importMipexScores(
  csvText: string,
  framework: Framework,
  options: MipexImportOptions = {},
): MipexImportResult {
  throwIfAny(
    typeof csvText === 'string'
      ? undefined
      : invalidArgument('importMipexScores', 'csvText', 'the text of a CSV file (string)', csvText),
    frameworkProblem('importMipexScores', 'framework', framework),
    optionsProblem('importMipexScores', 'options', options, {
      file: 'string',
      skipUnscoredStrands: 'boolean',
      locations: 'array',
      unknownPeriodsPerUnit: 'boolean',
    }),
  );
  const file = options.file ?? 'scores.csv';
  const issues: Issue[] = [];
  const counts: MipexImportCounts = {
    read: 0,
    imported: 0,
    recomputed: 0,
    skipped: 0,
    rejected: 0,
  };
  const result: MipexImportResult = { rows: [], issues, counts };

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csvText, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const line = (error as { lines?: unknown }).lines;
    issues.push(
      createIssue(
        'MIPEX_CSV_SYNTAX',
        { detail },
        { file, ...(typeof line === 'number' ? { line } : {}) },
      ),
    );
    return result;
  }
  const [header, ...data] = records;
  if (!header) return result;

  // Column positions, by trimmed lower-case name (the workbook's headers carry stray spaces).
  const position = new Map(header.record.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = MIPEX_SCORE_COLUMNS.filter((c) => !position.has(c));
  if (missing.length > 0) {
    for (const column of missing) {
      issues.push(
        createIssue(
          'MIPEX_MISSING_COLUMN',
          { column, columns: MIPEX_SCORE_COLUMNS },
          { file, line: 1 },
        ),
      );
    }
    return result;
  }
  const at = (name: (typeof MIPEX_SCORE_COLUMNS)[number]) => position.get(name) as number;
  const col = {
    country: at('country'),
    year: at('year'),
    code: at('code'),
    sub: at('sub_code'),
    score: at('score'),
  };
  // One shared object for every origin (1-based columns), as the answer readers do.
  const columns: AnswerOrigin['columns'] = {
    unit: col.country + 1,
    period: col.year + 1,
    indicator: col.code + 1,
    answer: col.score + 1,
  };

  const index = indexMipexCodes(framework);
  const periods = new Set(framework.periods.map((p) => p.id));
  const scoreRecords: ScoreRecord[] = data.map((r, i) => ({
    fields: r.record,
    line: r.info.lines,
    row: i + 1,
  }));
  counts.read = scoreRecords.length;
  const cell = (rec: ScoreRecord, i: number) => (rec.fields[i] ?? '').trim();
  const located = options.locations;
  const where = (rec: ScoreRecord, field: string, column: number) => {
    const at = located?.[rec.row - 1];
    if (at === undefined) return { file, line: rec.line, column: column + 1, row: rec.row, field };
    const c =
      field === 'year' ? at.columns.year : field === 'score' ? at.columns.score : at.columns.code;
    return { file: at.file, line: at.line, column: c, row: rec.row, field };
  };
  const reject = (issue: Issue) => {
    issues.push(issue);
    counts.rejected++;
  };

  // Pass 1: resolve every record; note which strands have an average (were scored).
  const resolved: { rec: ScoreRecord; target: MipexTarget; unit: string; period: string }[] = [];
  const unknownPeriods = new Map<string, { count: number; rec: ScoreRecord }>();
  const scoredStrands = new Set<string>();
  let sawStrandAverages = false;
  for (const rec of scoreRecords) {
    const unit = cell(rec, col.country);
    const period = cell(rec, col.year);
    const rawCode = cell(rec, col.code) !== '' ? cell(rec, col.code) : cell(rec, col.sub);
    const codeColumn = cell(rec, col.code) !== '' ? col.code : col.sub;
    if (unit === '') {
      reject(
        createIssue('MIPEX_EMPTY_FIELD', { field: 'country' }, where(rec, 'country', col.country)),
      );
      continue;
    }
    if (period === '') {
      reject(createIssue('MIPEX_EMPTY_FIELD', { field: 'year' }, where(rec, 'year', col.year)));
      continue;
    }
    if (rawCode === '') {
      reject(createIssue('MIPEX_EMPTY_FIELD', { field: 'code' }, where(rec, 'code', col.code)));
      continue;
    }
    const target = index.get(normaliseMipexCode(rawCode));
    if (!target) {
      reject(createIssue('MIPEX_UNKNOWN_CODE', { code: rawCode }, where(rec, 'code', codeColumn)));
      continue;
    }
    if (!periods.has(period)) {
      const k = options.unknownPeriodsPerUnit ? `${unit}\u0000${period}` : period;
      const seen = unknownPeriods.get(k);
      if (seen) seen.count++;
      else unknownPeriods.set(k, { count: 1, rec });
      counts.skipped++;
      continue;
    }
    if (target.kind === 'area') {
      sawStrandAverages = true;
      if (cell(rec, col.score) !== '') scoredStrands.add(strandKey(unit, period, target.area));
    }
    resolved.push({ rec, target, unit, period });
  }
  for (const { count, rec } of unknownPeriods.values()) {
    const period = cell(rec, col.year);
    const at = { ...where(rec, 'year', col.year), severity: 'warning' as const };
    issues.push(
      options.unknownPeriodsPerUnit
        ? createIssue(
            'MIPEX_UNKNOWN_UNIT_PERIOD',
            { unit: cell(rec, col.country), period, count },
            at,
          )
        : createIssue('MIPEX_UNKNOWN_PERIOD', { period, count }, at),
    );
  }

  // Pass 2: map leaf scores to options.
  const skipUnscored = (options.skipUnscoredStrands ?? true) && sawStrandAverages;
  const unscored = new Map<
    string,
    { count: number; rec: ScoreRecord; area: string; unit: string; period: string }
  >();
  const seen = new Map<string, { answer: AnswerRow['answer']; line: number }>();
  for (const { rec, target, unit, period } of resolved) {
    if (target.kind !== 'leaf') {
      counts.recomputed++;
      continue;
    }
    if (skipUnscored && !scoredStrands.has(strandKey(unit, period, target.area))) {
      const key = strandKey(unit, period, target.area);
      const group = unscored.get(key);
      if (group) group.count++;
      else unscored.set(key, { count: 1, rec, area: target.area, unit, period });
      counts.skipped++;
      continue;
    }
    const text = cell(rec, col.score);
    let answer: AnswerRow['answer'] = null;
    if (text !== '') {
      const score = Number(text);
      if (!Number.isFinite(score)) {
        reject(createIssue('MIPEX_INVALID_SCORE', { value: text }, where(rec, 'score', col.score)));
        continue;
      }
      const mapped = answerFor(target, score);
      if (mapped.issue) {
        reject(mapped.issue(where(rec, 'score', col.score)));
        continue;
      }
      answer = mapped.answer;
    }
    const key = `${unit}\u0000${period}\u0000${target.address}`;
    const first = seen.get(key);
    if (first) {
      const params = { indicator: target.address, unit, period, line: first.line };
      if (first.answer === answer) {
        issues.push(
          createIssue('MIPEX_DUPLICATE_SCORE', params, {
            ...where(rec, 'score', col.score),
            severity: 'warning',
          }),
        );
        counts.skipped++;
      } else {
        reject(createIssue('MIPEX_CONFLICTING_SCORES', params, where(rec, 'score', col.score)));
      }
      continue;
    }
    seen.set(key, { answer, line: rec.line });
    const at = located?.[rec.row - 1];
    result.rows.push({
      unit,
      period,
      indicator: target.address,
      answer,
      origin:
        at === undefined
          ? { file, row: rec.row, line: rec.line, columns }
          : {
              file: at.file,
              row: rec.row,
              line: at.line,
              columns: {
                period: at.columns.year,
                indicator: at.columns.code,
                answer: at.columns.score,
              },
            },
    });
    counts.imported++;
  }
  for (const { count, rec, area, unit, period } of unscored.values()) {
    issues.push(
      createIssue(
        'MIPEX_STRAND_NOT_SCORED',
        { area, unit, period, count },
        { ...where(rec, 'code', col.code), severity: 'warning' },
      ),
    );
  }
  return result;
}

function strandKey(unit: string, period: string, area: string): string {
  return `${unit}\u0000${period}\u0000${area}`;
}

type Where = Parameters<typeof createIssue>[2];

/** The answer that reproduces `score` under a leaf's rule, or the issue explaining why none does. */
function answerFor(
  target: Extract<MipexTarget, { kind: 'leaf' }>,
  score: number,
): { answer: string; issue?: undefined } | { answer?: undefined; issue: (w: Where) => Issue } {
  const rule = target.rule;
  const close = (a: number) =>
    Math.abs(a - score) <= SCORE_TOLERANCE * Math.max(1, Math.abs(score));
  switch (rule.kind) {
    case 'choice': {
      const option = rule.options.find((o) => o.score !== undefined && close(o.score));
      if (option) return { answer: option.code };
      const scores = rule.options.flatMap((o) => (o.score === undefined ? [] : [o.score]));
      return {
        issue: (w) =>
          createIssue('MIPEX_SCORE_NO_OPTION', { indicator: target.address, score, scores }, w),
      };
    }
    case 'boolean': {
      if (close(rule.yes)) return { answer: 'yes' };
      if (close(rule.no)) return { answer: 'no' };
      const scores = [rule.yes, rule.no];
      return {
        issue: (w) =>
          createIssue('MIPEX_SCORE_NO_OPTION', { indicator: target.address, score, scores }, w),
      };
    }
    case 'numeric':
      // A raw value: the score is the value.
      return { answer: String(score) };
    default:
      return {
        issue: (w) =>
          createIssue('MIPEX_UNSUPPORTED_RULE', { indicator: target.address, kind: rule.kind }, w),
      };
  }
}
