import { describe, expect, it } from 'vitest';
import { testContext } from '../_lib/rule-tester.js';
import { NO_MATCH, NOT_APPLICABLE } from '../_lib/types.js';
import { table } from './index.js';

describe('table', () => {
  const rule = table({
    kind: 'table',
    inputs: ['language', 'integration'],
    rows: [
      { when: [100, '*'], score: 100 },
      { when: [50, 100], score: 83 },
      { when: [50, 0], score: 33.3 },
    ],
  });
  it('scores the first matching row', () => {
    expect(rule.run([100, 0], testContext)).toBe(100);
    expect(rule.run([100, NOT_APPLICABLE], testContext)).toBe(100);
    expect(rule.run([50, 100], testContext)).toBe(83);
    expect(rule.run([50, 100 - 1e-12], testContext)).toBe(83);
  });
  it('reports no match instead of inventing a score', () => {
    expect(rule.run([0, 0], testContext)).toBe(NO_MATCH);
    expect(rule.run([50, NOT_APPLICABLE], testContext)).toBe(NO_MATCH);
  });
  it('has no data when an input has none', () => {
    expect(rule.run([Number.NaN, 100], testContext)).toBeNaN();
  });
});
