import { describe, expect, it } from 'vitest';
import { testContext } from '../_lib/rule-tester.js';
import { NOT_APPLICABLE } from '../_lib/types.js';
import { questions } from './index.js';

const subs = [
  { id: 'a', title: 'A', weight: 1, rule: { kind: 'boolean' as const, yes: 100, no: 0 } },
  { id: 'b', title: 'B', weight: 3, rule: { kind: 'boolean' as const, yes: 100, no: 0 } },
];

describe('questions', () => {
  const mean = questions({ kind: 'questions', combine: 'mean' }, subs);
  const weighted = questions({ kind: 'questions', combine: 'weighted-mean' }, subs);
  it('averages its sub-questions', () => {
    expect(mean.inputs).toEqual(['a', 'b']);
    expect(mean.run([100, 0], testContext)).toBe(50);
    expect(weighted.run([100, 0], testContext)).toBe(25);
  });
  it('leaves out sub-questions that do not apply or have no data', () => {
    expect(mean.run([NOT_APPLICABLE, 0], testContext)).toBe(0);
    expect(mean.run([Number.NaN, 100], testContext)).toBe(100);
  });
  it('is not applicable when nothing applies, and empty when data is missing', () => {
    expect(mean.run([NOT_APPLICABLE, NOT_APPLICABLE], testContext)).toBe(NOT_APPLICABLE);
    expect(mean.run([NOT_APPLICABLE, Number.NaN], testContext)).toBeNaN();
  });
});
