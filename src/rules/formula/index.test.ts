import { describe, expect, it } from 'vitest';
import { IntegrationIndexError } from '../../errors/issue.js';
import { testContext } from '../_lib/rule-tester.js';
import { NOT_APPLICABLE } from '../_lib/types.js';
import { formula } from './index.js';

describe('formula', () => {
  const rule = formula({
    kind: 'formula',
    expression: 'a == 100 ? 100 : (a == 50 ? 90 : b / 5 + c * 3 / 5)',
  });
  it('evaluates over its inputs in sorted order', () => {
    expect(rule.inputs).toEqual(['a', 'b', 'c']);
    expect(rule.run([100, 0, 0], testContext)).toBe(100);
    expect(rule.run([50, 0, 0], testContext)).toBe(90);
    expect(rule.run([0, 50, 100], testContext)).toBe(70);
  });
  it('has no data when an input has none, and is not applicable when one does not apply', () => {
    expect(rule.run([0, Number.NaN, 100], testContext)).toBeNaN();
    expect(rule.run([0, NOT_APPLICABLE, 100], testContext)).toBe(NOT_APPLICABLE);
  });
  it('refuses a formula that does not compile', () => {
    expect(() => formula({ kind: 'formula', expression: 'import({})' })).toThrow(
      IntegrationIndexError,
    );
  });
});
