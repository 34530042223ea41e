import { createIssue, type Issue } from '../../errors/issue.js';
import type { AnswerOption } from '../../rules/choice/schema.js';
import type { LeafRule, Rule } from '../../rules/schema.js';
import type { Framework } from '../schema/framework.js';
import { indicatorsOf, isScoredIndicator, type Path } from './walk.js';

interface Band {
  gte?: number | undefined;
  lt?: number | undefined;
  score: number;
}

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

/**
 * Bands `[gte, lt)`: each must hold some value, no two may share one, and their scores lie in
 * the scale. Overlaps are errors even though the first match wins, because an overlap is almost
 * always a typo in a threshold.
 */
function bands(list: readonly Band[], path: Path, scale: Scale, issues: Issue[]): void {
  const lo = (b: Band) => b.gte ?? Number.NEGATIVE_INFINITY;
  const hi = (b: Band) => b.lt ?? Number.POSITIVE_INFINITY;
  list.forEach((b, i) => {
    outOfScale(b.score, [...path, i, 'score'], scale, issues);
    if (lo(b) >= hi(b)) {
      issues.push(
        createIssue('RULE_EMPTY_RANGE', { min: lo(b), max: hi(b) }, { path: [...path, i] }),
      );
      return;
    }
    for (let j = 0; j < i; j++) {
      const a = list[j] as Band;
      if (lo(a) >= hi(a)) continue;
      const from = Math.max(lo(a), lo(b));
      const to = Math.min(hi(a), hi(b));
      if (from < to) {
        const value = Number.isFinite(from) ? from : to;
        issues.push(createIssue('RULE_BANDS_OVERLAP', { value }, { path: [...path, i] }));
        break;
      }
    }
  });
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
      bands(rule.bands, [...path, 'bands'], scale, issues);
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
