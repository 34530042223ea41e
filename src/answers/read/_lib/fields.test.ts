import { describe, expect, it } from 'vitest';
import { classifyHeader, cleanCell, isIsoDate } from './fields.js';

describe('isIsoDate', () => {
  it.each([
    ['2019-04-30', true],
    ['2020-02-29', true],
    ['2019-02-29', false],
    ['2019-04-31', false],
    ['2019-13-01', false],
    ['2019-00-10', false],
    ['2019-4-30', false],
    ['30.04.2019', false],
    ['2019-04-30T00:00', false],
    ['', false],
  ])('%j → %s', (s, ok) => {
    expect(isIsoDate(s)).toBe(ok);
  });
});

describe('cleanCell', () => {
  it('trims, and drops the excelSafe apostrophe only before formula characters', () => {
    expect(cleanCell('  a \t')).toBe('a');
    expect(cleanCell('\u00a0b\u3000')).toBe('b');
    expect(cleanCell("'=1")).toBe('=1');
    expect(cleanCell("'-x")).toBe('-x');
    expect(cleanCell("'a")).toBe("'a");
    expect(cleanCell("'")).toBe("'");
    expect(cleanCell('')).toBe('');
  });

  it('returns the same string when there is nothing to clean', () => {
    const s = ['Пре', 'биваване'].join('');
    expect(cleanCell(s)).toBe(s);
  });
});

describe('classifyHeader', () => {
  it('knows the columns by any spelling, the template columns, and the rest', () => {
    expect(classifyHeader(' Valid From ')).toEqual({ kind: 'known', column: 'valid_from' });
    expect(classifyHeader('validTo')).toEqual({ kind: 'known', column: 'valid_to' });
    expect(classifyHeader('INDICATOR')).toEqual({ kind: 'known', column: 'indicator' });
    expect(classifyHeader('Allowed')).toEqual({ kind: 'template' });
    expect(classifyHeader(' res_permit ')).toEqual({ kind: 'other', name: 'res_permit' });
  });
});
