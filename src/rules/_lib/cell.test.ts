import { describe, expect, it } from 'vitest';
import { classifyCell, dayNumber, parseNumber } from './cell.js';

describe('cells', () => {
  it('knows the universal tokens', () => {
    expect(classifyCell('n/a')).toBe('not-applicable');
    expect(classifyCell('N/A')).toBe('not-applicable');
    expect(classifyCell('Not Applicable')).toBe('not-applicable');
    expect(classifyCell('')).toBe('empty');
    expect(classifyCell('  ')).toBe('empty');
    expect(classifyCell(null)).toBe('empty');
    expect(classifyCell(0)).toBe('value');
    expect(classifyCell('no')).toBe('value');
  });
  it('reads numbers written with a dot', () => {
    expect(parseNumber('-1.5')).toBe(-1.5);
    expect(parseNumber('2e3')).toBe(2000);
    expect(parseNumber('1,5')).toMatchObject({ code: 'SCORE_NOT_A_NUMBER' });
    expect(parseNumber(Number.POSITIVE_INFINITY)).toMatchObject({ code: 'SCORE_NOT_A_NUMBER' });
  });
  it('numbers days on the calendar', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2020-02-29')).toBe(18321);
    expect(dayNumber('2021-02-29')).toBeUndefined();
  });
});
