import { createIssue, type Issue } from '../../errors/issue.js';
import { type Band, bandInterval } from '../../rules/bands/index.js';
import type { AnswerOption } from '../../rules/choice/schema.js';
import type { LeafRule, Rule } from '../../rules/schema.js';
import type { Framework } from '../schema/framework.js';
import { indicatorsOf, isScoredIndicator, type Path } from './walk.js';

interface Scale {
  min: number;
  max: number;
}

/** Rule kinds that combine an indicator's sub-questions. */
const combining = new Set(['formula', 'questions', 'table']);

/**
 * Rules: option codes unique, every score inside the scale, bands that neither overlap nor are
 * empty, ranges and goalposts with min below max, table rows with one value per input, the
 * sub-questions a combining rule needs, and (a warning) option lists that cannot reach the top.
 *
 * @example
 * ```ts
 * checkRules(framework).map((i) => i.code); //=> ['RULE_BANDS_OVERLAP']
 * ```
 */
export function checkRules(framework: Framework): Issue[] {
  const issues: Issue[] = [];
  const { scale } = framework;
  for (const { indicator, path } of indicatorsOf(framework)) {
    const rulePath = [...path, 'rule'];
    checkRule(indicator.rule, rulePath, scale, issues);
    const subs = indicator.subquestions ?? [];
    subs.forEach((q, i) => {
      checkRule(q.rule, [...path, 'subquestions', i, 'rule'], scale, issues);
    });
    const kind = indicator.rule.kind;
    if ((kind === 'questions' || kind === 'table') && subs.length === 0) {
      issues.push(
        createIssue('FRAMEWORK_SUBQUESTIONS_MISSING', { kind }, { path: [...rulePath, 'kind'] }),
      );
    }
    if (!combining.has(kind) && subs.length > 0) {
      issues.push(
        createIssue(
          'FRAMEWORK_SUBQUESTIONS_UNUSED',
          { kind },
          { path: [...path, 'subquestions'], severity: 'warning' },
        ),
      );
    }
    if (indicator.rule.kind === 'table') {
      const ids = subs.map((q) => q.id);
      indicator.rule.inputs.forEach((input, i) => {
        if (subs.length > 0 && !ids.includes(input)) {
          issues.push(
            createIssue(
              'FRAMEWORK_UNKNOWN_REFERENCE',
              { ref: input, what: 'sub-question of this indicator' },
              { path: [...rulePath, 'inputs', i] },
            ),
          );
        }
      });
    }
    if (isScoredIndicator(indicator)) topOption(indicator.rule, rulePath, scale, issues);
  }
  return issues;
}

function outOfScale(score: number, path: Path, scale: Scale, issues: Issue[]): void {
  if (score < scale.min || score > scale.max) {
    issues.push(
      createIssue('RULE_SCORE_OUT_OF_SCALE', { score, min: scale.min, max: scale.max }, { path }),
    );
  }
}

function range(
  r: { min?: number | undefined; max?: number | undefined } | undefined,
  path: Path,
  issues: Issue[],
  strict = false,
): void {
  if (r?.min === undefined || r.max === undefined) return;
  if (strict ? r.min >= r.max : r.min > r.max) {
    issues.push(createIssue('RULE_EMPTY_RANGE', { min: r.min, max: r.max }, { path }));
  }
}

function options(list: readonly AnswerOption[], path: Path, scale: Scale, issues: Issue[]): void {
  const seen = new Set<string>();
  list.forEach((o, i) => {
    if (seen.has(o.code)) {
      issues.push(
        createIssue('RULE_DUPLICATE_OPTION', { code: o.code }, { path: [...path, i, 'code'] }),
      );
    }
    seen.add(o.code);
    if (o.score !== undefined) outOfScale(o.score, [...path, i, 'score'], scale, issues);
  });
}

/** A point on the number line as a sweep sees it: `c`, or just after `c` (`after`: 1). */
type Key = readonly [c: number, after: 0 | 1];

const before = (a: Key, b: Key) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/** Interval notation, `[2, 5)`, with infinite ends written as such. */
function interval(from: Key, to: Key): string {
  const show = (x: number) =>
    x === Number.POSITIVE_INFINITY ? '∞' : x === Number.NEGATIVE_INFINITY ? '-∞' : String(x);
  return `${from[1] === 0 ? '[' : '('}${show(from[0])}, ${show(to[0])}${to[1] === 1 ? ']' : ')'}`;
}

/**
 * Bands (`gte`/`gt` to `lt`/`lte`): each must hold some value, no two may share one, none may
 * give two lower or two upper bounds, their scores lie in the scale, and no value between
 * them goes unscored. Overlaps are errors even though the first match wins, because an overlap
 * is almost always a typo in a threshold. A gap inside the declared `range` is an error (an
 * answer there can never score); without a range, a gap between two bands is a warning.
 */
function bands(
  list: readonly Band[],
  path: Path,
  scale: Scale,
  issues: Issue[],
  valueRange?: { min?: number | undefined; max?: number | undefined },
): void {
  const usable: { start: Key; end: Key }[] = [];
  list.forEach((b, i) => {
    outOfScale(b.score, [...path, i, 'score'], scale, issues);
    for (const [first, second] of [
      ['gte', 'gt'],
      ['lt', 'lte'],
    ] as const) {
      if (b[first] !== undefined && b[second] !== undefined)
        issues.push(
          createIssue('RULE_BAND_DOUBLE_BOUND', { first, second }, { path: [...path, i, second] }),
        );
    }
    const { lo, loIn, hi, hiIn } = bandInterval(b);
    if (lo > hi || (lo === hi && !(loIn && hiIn))) {
      issues.push(createIssue('RULE_EMPTY_RANGE', { min: lo, max: hi }, { path: [...path, i] }));
      return;
    }
    const start: Key = [lo, loIn ? 0 : 1];
    const end: Key = [hi, hiIn ? 1 : 0];
    for (const a of usable) {
      // The later start and the earlier end; the bands share a value if one precedes the other.
      const from = before(a.start, start) ? start : a.start;
      const to = before(a.end, end) ? a.end : end;
      if (before(from, to)) {
        const value = Number.isFinite(from[0]) ? from[0] : to[0];
        issues.push(createIssue('RULE_BANDS_OVERLAP', { value }, { path: [...path, i] }));
        break;
      }
    }
    usable.push({ start, end });
  });
  if (usable.length === 0) return;
  usable.sort((a, b) => (before(a.start, b.start) ? -1 : before(b.start, a.start) ? 1 : 0));
  const inRange = valueRange !== undefined;
  let cursor: Key = inRange
    ? [valueRange.min ?? Number.NEGATIVE_INFINITY, 0]
    : (usable[0] as { start: Key }).start;
  const limit: Key = inRange
    ? [valueRange.max ?? Number.POSITIVE_INFINITY, 1]
    : usable.reduce<Key>((m, u) => (before(m, u.end) ? u.end : m), usable[0]?.end as Key);
  const gap = (to: Key) => {
    issues.push(
      createIssue(
        'RULE_BANDS_GAP',
        {
          from: Number.isFinite(cursor[0]) ? cursor[0] : null,
          to: Number.isFinite(to[0]) ? to[0] : null,
          gap: interval(cursor, to),
          inRange,
        },
        { path, severity: inRange ? 'error' : 'warning' },
      ),
    );
  };
  for (const u of usable) {
    if (!before(cursor, limit)) break;
    if (before(cursor, u.start)) gap(before(u.start, limit) ? u.start : limit);
    if (before(cursor, u.end)) cursor = u.end;
  }
  if (before(cursor, limit)) gap(limit);
}

function checkRule(rule: Rule | LeafRule, path: Path, scale: Scale, issues: Issue[]): void {
  switch (rule.kind) {
    case 'choice':
      options(rule.options, [...path, 'options'], scale, issues);
      return;
    case 'multi':
      options(rule.options, [...path, 'options'], scale, issues);
      if (rule.none !== undefined) outOfScale(rule.none, [...path, 'none'], scale, issues);
      return;
    case 'boolean':
      outOfScale(rule.yes, [...path, 'yes'], scale, issues);
      outOfScale(rule.no, [...path, 'no'], scale, issues);
      return;
    case 'bands':
      range(rule.range, [...path, 'range'], issues);
      bands(rule.bands, [...path, 'bands'], scale, issues, rule.range);
      return;
    case 'linear':
      range(rule, [...path, 'max'], issues, true);
      range(rule.range, [...path, 'range'], issues);
      return;
    case 'numeric':
      range(rule.goalposts, [...path, 'goalposts'], issues, true);
      range(rule.range, [...path, 'range'], issues);
      return;
    case 'date':
      if (rule.mode === 'in-force') {
        outOfScale(rule.score, [...path, 'score'], scale, issues);
        outOfScale(rule.otherwise, [...path, 'otherwise'], scale, issues);
      } else if (rule.mode === 'cutoffs') {
        rule.cutoffs.forEach((c, i) => {
          outOfScale(c.score, [...path, 'cutoffs', i, 'score'], scale, issues);
        });
        outOfScale(rule.otherwise, [...path, 'otherwise'], scale, issues);
      } else {
        bands(rule.bands, [...path, 'bands'], scale, issues);
      }
      return;
    case 'table':
      rule.rows.forEach((row, i) => {
        if (row.when.length !== rule.inputs.length) {
          issues.push(
            createIssue(
              'RULE_TABLE_ARITY',
              { expected: rule.inputs.length, got: row.when.length },
              { path: [...path, 'rows', i, 'when'] },
            ),
          );
        }
        outOfScale(row.score, [...path, 'rows', i, 'score'], scale, issues);
      });
      return;
    case 'formula':
    case 'questions':
      return;
  }
}

/** Warns when no answer can reach the top of the scale (`multi` by sum: all options together). */
function topOption(rule: Rule, path: Path, scale: Scale, issues: Issue[]): void {
  if (rule.kind !== 'choice' && rule.kind !== 'multi') return;
  const scores = rule.options.flatMap((o) => (o.score === undefined ? [] : [o.score]));
  if (scores.length === 0) return;
  const best =
    rule.kind === 'multi' && rule.combine === 'sum'
      ? Math.min(
          scale.max,
          scores.filter((s) => s > 0).reduce((a, b) => a + b, 0),
        )
      : Math.max(...scores);
  if (best < scale.max) {
    issues.push(
      createIssue(
        'RULE_NO_TOP_OPTION',
        { max: scale.max, best },
        { path: [...path, 'options'], severity: 'warning' },
      ),
    );
  }
}
