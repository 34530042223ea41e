/**
 * The CSV answer reader parses slices without quotes with d3-dsv and the others with csv-parse
 * (issue 14, item 3; see `parseUnquoted` in src/answers/read/csv.ts). These properties show that
 * the choice never changes what is read:
 * - on quote-free text with uniform line breaks, d3-dsv and csv-parse give the same records;
 * - a file read through the fast path and the same file with every cell quoted (which takes
 *   csv-parse) give the same rows, lines, rejections and issues.
 */
import { dsvFormat } from 'd3-dsv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '#csv-parse';
import { answerSink } from '../src/answers/read/_lib/sink.js';
import { readCsvAnswers } from '../src/answers/read/csv.js';

const delimiters = [',', ';', '\t', '|'] as const;
/** Cells without quotes, delimiters or line breaks (but with spaces, tabs and letters). */
const cell = fc.oneof(
  fc.constantFrom('', ' ', 'a', 'BG', '2019', 'n/a', ' x ', 'Пловдив', '1.5', "it's"),
  fc.string({ maxLength: 6 }).filter((s) => !/["\r\n,;\t|]/.test(s)),
);

describe('quote-free CSV: d3-dsv reads what csv-parse reads', () => {
  it('gives the same records for ragged rows, blank lines, \\n or \\r\\n, with or without a final break', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...delimiters),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (delimiter, eol, rows, finalBreak) => {
          const text = rows.map((r) => r.join(delimiter)).join(eol) + (finalBreak ? eol : '');
          expect(dsvFormat(delimiter).parseRows(text)).toEqual(
            parse(text, { delimiter, relax_column_count: true }),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

/** What reading a CSV file gives, as plain data. */
function read(text: string) {
  const sink = answerSink();
  readCsvAnswers(text, 'a.csv', 'auto', sink);
  return {
    rows: Array.from({ length: sink.table.length }, (_, i) => sink.table.rowAt(i)),
    rejected: sink.rejected,
    errors: sink.errors.map((i) => [i.code, i.line, i.column]),
    warnings: sink.warnings.map((i) => [i.code, i.line, i.column]),
  };
}

describe('the answer reader: the fast path and csv-parse read the same file alike', () => {
  const row = fc.tuple(
    fc.constantFrom('BG', 'RO', ' GR ', ''),
    fc.constantFrom('2019', '2021', 'x'),
    fc.constantFrom('res_1', 'res_2', 'housing_3', ''),
    cell,
  );
  it('gives the same rows, lines and issues with every cell quoted', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';'),
        fc.constantFrom('\n', '\r\n'),
        fc.array(
          fc.oneof({ weight: 6, arbitrary: row }, { weight: 1, arbitrary: fc.constant(null) }),
          {
            maxLength: 12,
          },
        ),
        (delimiter, eol, rows) => {
          const lines = rows.map((r) => (r === null ? '' : r));
          const render = (q: (s: string) => string) =>
            [
              ['unit', 'period', 'indicator', 'answer'].map(q).join(delimiter),
              ...lines.map((r) => (r === '' ? '' : r.map(q).join(delimiter))),
            ].join(eol) + eol;
          const plain = render((s) => s);
          const quoted = render((s) => `"${s}"`);
          expect(plain.includes('"')).toBe(false);
          expect(read(plain)).toEqual(read(quoted));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('still reports a broken quote with its line and column (csv-parse reads that slice)', () => {
    const r = read('unit,period,indicator,answer\nBG,2019,res_1,a\nBG,2019,"res_2,b\n');
    expect(r.errors).toEqual([['ANSWER_CSV_SYNTAX', 3, expect.any(Number)]]);
    expect(r.rows).toEqual([]);
  });
});
