import { describe, expect, it } from 'vitest';
import { detectDelimiter, excelSafeCell, toCsv } from './csv.js';

describe('excelSafeCell', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+49 30 1234', "'+49 30 1234"],
    ['-x', "'-x"],
    ['@cmd', "'@cmd"],
    ['\tindent', "'\tindent"],
    ['\rcr', "'\rcr"],
    ['-1.5', '-1.5'],
    ['-12', '-12'],
    ['-.5', '-.5'],
    ['-2e3', '-2e3'],
    ['-1.5.2', "'-1.5.2"],
    ['a=b', 'a=b'],
    ['', ''],
    ['Пребиваване', 'Пребиваване'],
  ])('%j → %j', (input, output) => {
    expect(excelSafeCell(input)).toBe(output);
  });

  it('leaves numbers, booleans and empty cells alone', () => {
    expect(excelSafeCell(-3)).toBe('-3');
    expect(excelSafeCell(true)).toBe('true');
    expect(excelSafeCell(null)).toBe('');
    expect(excelSafeCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and keeps UTF-8 text as is', () => {
    expect(
      toCsv([
        ['unit', 'comment'],
        ['BG', 'Пребиваване, 3 г.'],
        ['EG', 'قال "نعم"'],
        ['CN', '第一行\n第二行'],
      ]),
    ).toBe('unit,comment\nBG,"Пребиваване, 3 г."\nEG,"قال ""نعم"""\nCN,"第一行\n第二行"\n');
  });

  it('writes numbers, booleans and empty cells', () => {
    expect(toCsv([[1.5, -2, true, false, null, undefined, '']])).toBe('1.5,-2,true,false,,,\n');
  });

  it('takes a delimiter, a BOM and CRLF, and neutralises formula-like cells by default', () => {
    expect(toCsv([['a;b', '=1+1', -1, '-1.5', '@x']], { delimiter: ';', bom: true })).toBe(
      '\ufeff"a;b";\'=1+1;-1;-1.5;\'@x\n',
    );
    expect(toCsv([['a', 'b\tc']], { delimiter: '\t', recordDelimiter: '\r\n' })).toBe(
      'a\t"b\tc"\r\n',
    );
  });

  it('writes cells as they are with raw', () => {
    expect(toCsv([['=1+1', '+x', '-y', '@z']], { raw: true })).toBe('=1+1,+x,-y,@z\n');
  });

  it('does not change its input', () => {
    const rows = Object.freeze([Object.freeze(['=x', 'y'])]);
    expect(toCsv(rows)).toBe("'=x,y\n");
    expect(rows).toEqual([['=x', 'y']]);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['unit,period,indicator,answer\nBG;2019;x;a', ','],
    ['unit;period;indicator;answer', ';'],
    ['unit\tperiod\tindicator\tanswer', '\t'],
    ['"a,b,c";d;e\n', ';'],
    ['unit', ','],
    ['a;b,c', ','],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});
