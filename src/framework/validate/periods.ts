import { createIssue, type Issue } from '../../errors/issue.js';
import type { Framework } from '../schema/framework.js';

/**
 * Periods: listed in order of reference date, and a span's start not after its end. Dates are
 * `YYYY-MM-DD` strings already checked by the schema, so comparing the strings compares dates.
 *
 * @example
 * ```ts
 * checkPeriods(framework).map((i) => i.code); //=> ['PERIOD_UNORDERED']
 * ```
 */
export function checkPeriods(framework: Framework): Issue[] {
  const issues: Issue[] = [];
  framework.periods.forEach((p, i) => {
    const previous = i > 0 ? framework.periods[i - 1] : undefined;
    if (previous && p.referenceDate < previous.referenceDate) {
      issues.push(
        createIssue(
          'PERIOD_UNORDERED',
          { id: p.id, previous: previous.id },
          { path: ['periods', i, 'referenceDate'] },
        ),
      );
    }
    if (p.start !== undefined && p.end !== undefined && p.end < p.start) {
      issues.push(
        createIssue('PERIOD_SPAN_REVERSED', { id: p.id }, { path: ['periods', i, 'end'] }),
      );
    }
  });
  return issues;
}
