import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerColumns } from '../src/answers/read/_lib/fields.js';
import { readAnswers } from '../src/answers/read/index.js';
import type { AnswerRow } from '../src/answers/types.js';
import { type CsvDelimiter, toCsv } from '../src/io/csv.js';

const header = [...answerColumns];

/** What a row says, without where it was read. */
const content = (r: AnswerRow) => ({
  unit: r.unit,
  period: r.period,
  indicator: r.indicator,
  answer: r.answer,
  ...(r.validFrom === undefined ? {} : { validFrom: r.validFrom }),
  ...(r.validTo === undefined ? {} : { validTo: r.validTo }),
  ...(r.source === undefined ? {} : { source: r.source }),
  ...(r.comment === undefined ? {} : { comment: r.comment }),
  ...(r.expert === undefined ? {} : { expert: r.expert }),
  ...(r.status === undefined ? {} : { status: r.status }),
  ...(r.reviewer === undefined ? {} : { reviewer: r.reviewer }),
  ...(r.reviewedOn === undefined ? {} : { reviewedOn: r.reviewedOn }),
});

// Cells as a reader returns them: trimmed, and not starting with the "'=" escape that the reader
// undoes; a mix of scripts, CSV metacharacters and formula starts.
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom(',', ';', '\t', '"', '\n', '\r\n', "'", '=', '+', '-', '@', '#', ' ', '-1.5'),
  fc.constantFrom('Пребиваване', 'الإقامة الدائمة', '永住权', 'שפה', 'Ελλάδα', '👩‍⚖️'),
);
const cell = fc
  .array(piece, { maxLength: 5 })
  .map((parts) => parts.join('').trim())
  .filter((s) => s.trim() === s && !/^'[=+\-@\t\r]/.test(s));
const key = cell.filter((s) => s !== '' && !s.startsWith('#'));
const date = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2040-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const answerRow = fc.record({
  unit: key,
  period: key,
  indicator: key,
  answer: cell,
  dates: fc.option(fc.tuple(date, date).map(([a, b]) => (a <= b ? [a, b] : [b, a]))),
  source: cell,
  comment: cell,
  expert: cell,
  status: fc.constantFrom('', 'draft', 'submitted', 'reviewed', 'final'),
  reviewer: cell,
  reviewedOn: fc.option(date),
});

describe('toCsv → readAnswers', () => {
  it('reads back any rows written with toCsv, whatever delimiter, BOM, line ending or excelSafe', () => {
    fc.assert(
      fc.property(
        fc.array(answerRow, { maxLength: 25 }),
        fc.constantFrom<CsvDelimiter>(',', ';', '\t'),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
        fc.boolean(),
        (rows, delimiter, bom, excelSafe, recordDelimiter, asBytes) => {
          const csv = toCsv(
            [
              header,
              ...rows.map((r) => [
                r.unit,
                r.period,
                r.indicator,
                r.answer,
                r.dates?.[0],
                r.dates?.[1],
                r.source,
                r.comment,
                r.expert,
                r.status,
                r.reviewer,
                r.reviewedOn ?? '',
              ]),
            ],
            { delimiter, bom, excelSafe, recordDelimiter },
          );
          const set = readAnswers([
            { path: 'p.csv', content: asBytes ? new TextEncoder().encode(csv) : csv },
          ]);
          expect(set.errors).toEqual([]);
          expect(set.rejected).toEqual([]);
          expect(set.read).toBe(rows.length);
          expect(set.rows.map(content)).toEqual(
            rows.map((r) => ({
              unit: r.unit,
              period: r.period,
              indicator: r.indicator,
              answer: r.answer === '' ? null : r.answer,
              ...(r.dates ? { validFrom: r.dates[0], validTo: r.dates[1] } : {}),
              ...(r.source === '' ? {} : { source: r.source }),
              ...(r.comment === '' ? {} : { comment: r.comment }),
              ...(r.expert === '' ? {} : { expert: r.expert }),
              ...(r.status === '' ? {} : { status: r.status }),
              ...(r.reviewer === '' ? {} : { reviewer: r.reviewer }),
              ...(r.reviewedOn ? { reviewedOn: r.reviewedOn } : {}),
            })),
          );
          // Rows are numbered in order and lines never go back.
          set.rows.forEach((r, i) => {
            expect(r.origin.row).toBe(i + 1);
            if (i > 0) expect(r.origin.line).toBeGreaterThan(set.rows[i - 1]?.origin.line ?? 0);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('non-Latin and right-to-left text', () => {
  const rows = [
    [
      'BG',
      '2019',
      'res_permit',
      'а',
      'Закон за чужденците в Република България, чл. 24',
      'Разрешението е за 5 години.',
    ],
    [
      'EG',
      '2019',
      'fam_reunification',
      'ب',
      'قانون الأجانب، المادة ١٢',
      'يُسمح بلمّ شمل الأسرة بعد سنة.',
    ],
    ['CN', '2019', 'nat_residence', '是', '《国籍法》第七条', '需要连续居住五年。'],
    ['IL', '2019', 'lab_access', 'כן', 'חוק עובדים זרים', 'נוסח "מעורב" עם English, ומספרים 123'],
  ];

  it('survives a CSV round trip, with and without BOM, in every delimiter', () => {
    for (const delimiter of [',', ';', '\t'] as const) {
      for (const bom of [false, true]) {
        const csv = toCsv(
          [['unit', 'period', 'indicator', 'answer', 'source', 'comment'], ...rows],
          {
            delimiter,
            bom,
          },
        );
        const set = readAnswers([{ path: 'u.csv', content: new TextEncoder().encode(csv) }]);
        expect(
          set.rows.map((r) => [r.unit, r.period, r.indicator, r.answer, r.source, r.comment]),
        ).toEqual(rows);
      }
    }
  });

  it('survives a JSON round trip', () => {
    const json = JSON.stringify({
      answers: rows.map(([unit, period, indicator, answer, source, comment]) => ({
        unit,
        period,
        indicator,
        answer,
        source,
        comment,
      })),
    });
    const set = readAnswers([{ path: 'u.json', content: new TextEncoder().encode(json) }]);
    expect(
      set.rows.map((r) => [r.unit, r.period, r.indicator, r.answer, r.source, r.comment]),
    ).toEqual(rows);
    // And back out again through JSON.stringify, unchanged.
    const again = readAnswers([{ path: 'v.json', content: JSON.stringify(set.rows.map(content)) }]);
    expect(again.rows.map(content)).toEqual(set.rows.map(content));
  });

  it('keeps any grapheme through JSON', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ unit: key, period: key, indicator: key, answer: cell, comment: cell }),
          { maxLength: 10 },
        ),
        (list) => {
          const set = readAnswers([
            { path: 'g.json', content: JSON.stringify({ answers: list }, null, 1) },
          ]);
          expect(set.rejected).toEqual([]);
          expect(set.rows.map((r) => [r.unit, r.answer, r.comment ?? ''])).toEqual(
            list.map((l) => [l.unit, l.answer === '' ? null : l.answer, l.comment]),
          );
          set.rows.forEach((r, i) => {
            expect(r.origin.row).toBe(i + 1);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
