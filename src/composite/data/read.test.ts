/**
 * The fast CSV path of readCoinr (udsv, for text without quotes) against csv-parse: the same
 * data, the same coded issues with the same line, row and column, whatever the line ends,
 * empty lines, ragged rows and cells.
 */

import { parse as nodeCsvParse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastTable, readCoinr } from './read.js';

const meta = `iCode,Level,Parent,Direction,Weight,Type,Denominator
a,1,P,1,1,Indicator,Pop
b,1,P,-1,1,Indicator,
c,1,P,1,1,Indicator,
P,2,,1,1,Aggregate,
Pop,,,,,Denominator,
Region,,,,,Group,
`;

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(String) },
  { weight: 3, arbitrary: fc.integer({ min: -1000, max: 1000 }).map(String) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('', ' ', 'NA', 'NaN', 'na', 'N/A', ' 3 ', '1e3', '0x1A', '-0'),
  },
  { weight: 1, arbitrary: fc.constantFrom('x', 'Inf', '1.2.3', '12%', 'Infinity') },
);

/** A table: header then rows of cells (some rows shorter or longer), as lines. */
const table = fc.record({
  header: fc.shuffledSubarray(['uCode', 'uName', 'Region', 'Pop', 'a', 'b', 'c', 'Time'], {
    minLength: 2,
  }),
  rows: fc.array(
    fc.record({
      unit: fc.constantFrom('AUT', 'BEL', '', 'CZE', 'DNK'),
      time: fc.constantFrom('2019', '2020', '', 'x'),
      cells: fc.array(cell, { minLength: 8, maxLength: 8 }),
      width: fc.constantFrom(0, 0, 0, 0, -1, 1),
    }),
    { maxLength: 12 },
  ),
  eol: fc.constantFrom('\n', '\r\n'),
  empty: fc.array(fc.tuple(fc.nat(14), fc.constantFrom('', '', ' ', ',')), { maxLength: 3 }),
  trailing: fc.boolean(),
});

function render(t: TableCase, quote = false): string {
  const head = t.header.join(',');
  const lines = [quote ? `"${t.header[0]}"${head.slice(head.indexOf(','))}` : head];
  for (const r of t.rows) {
    const cells = t.header.map((h, i) =>
      h === 'uCode' ? r.unit : h === 'Time' ? r.time : (r.cells[i] as string),
    );
    if (r.width < 0) cells.pop();
    if (r.width > 0) cells.push('7');
    lines.push(cells.join(','));
  }
  for (const [at, line] of t.empty) lines.splice(Math.min(lines.length, at), 0, line);
  return lines.join(t.eol) + (t.trailing ? t.eol : '');
}

type TableCase = {
  header: string[];
  rows: { unit: string; time: string; cells: string[]; width: number }[];
  eol: string;
  empty: [number, string][];
  trailing: boolean;
};

describe('readCoinr: the fast CSV path', () => {
  it('reads every table exactly as csv-parse does (data, issues, lines, rows, columns)', () => {
    fc.assert(
      fc.property(table, (t) => {
        // The first header cell quoted: csv-parse reads that text, to the same records.
        const fast = readCoinr(render(t), meta, { idata: 'd.csv' });
        const slow = readCoinr(render(t, true), meta, { idata: 'd.csv' });
        const slowNode = readCoinr(render(t, true), meta, {
          idata: 'd.csv',
          csvParse: nodeCsvParse,
        });
        // Whole rows (no ragged ones) take the fast path.
        const whole = t.rows.length > 0 && t.rows.every((r) => r.width === 0);
        if (whole && !t.empty.some(([at, l]) => l !== '' || at === 0)) {
          const cells: string[][] = [];
          const table = fastTable(render(t));
          expect(table?.each((c) => cells.push(c))).toBe(true);
          expect(cells).toHaveLength(t.rows.length);
        }
        expect(fast).toEqual(slow);
        expect(fast).toEqual(slowNode);
      }),
      { numRuns: 400 },
    );
  });

  it('names the line, row and column of a non-numeric cell, after empty lines and CRLF', () => {
    const text = 'uCode,a,b,c\r\n\r\nAUT,1,2,3\r\nBEL,1,x,3\r\n';
    const r = readCoinr(text, meta.replace('a,1,P,1,1,Indicator,Pop', 'a,1,P,1,1,Indicator,'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      code: 'COMPOSITE_NOT_NUMERIC',
      line: 4,
      row: 2,
      column: 3,
      field: 'b',
    });
  });

  it('reads quoted multi-line fields (csv-parse) and ragged rows as before', () => {
    const text = 'uCode,uName,a,b,c\nAUT,"Austria,\nRepublic of",1,2,3\nBEL,Belgium,1,2\n';
    const r = readCoinr(text, meta.replace('a,1,P,1,1,Indicator,Pop', 'a,1,P,1,1,Indicator,'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.units.names).toEqual(['Austria,\nRepublic of', 'Belgium']);
    expect(Array.from(r.value.raw.values)).toEqual([1, 1, 2, 2, 3, Number.NaN]);
    const ragged = readCoinr(
      'uCode,a,b,c\nAUT,1,2\nBEL,1,2,3,4\n',
      meta.replace('a,1,P,1,1,Indicator,Pop', 'a,1,P,1,1,Indicator,'),
    );
    expect(ragged.ok).toBe(true);
    if (ragged.ok) expect(Array.from(ragged.value.raw.values)).toEqual([1, 1, 2, 2, Number.NaN, 3]);
  });
});
