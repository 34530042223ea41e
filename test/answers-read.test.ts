import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnswers } from '../src/answers/read/index.js';
import type { AnswerSet } from '../src/answers/types.js';
import { readAnswerFiles } from '../src/node/answers.js';

const dir = join(import.meta.dirname, 'fixtures/answers');
const fixture = (name: string) => ({ path: name, content: readFileSync(join(dir, name)) });
const text = (content: string, path = 'a.csv') => ({ path, content });

/** The accounting invariant every read must keep. */
function balanced(set: AnswerSet): AnswerSet {
  expect(set.read).toBe(set.rows.length + set.rejected.length);
  return set;
}

const rejections = (set: AnswerSet) =>
  set.rejected.map((r) => ({
    code: r.issue.code,
    row: r.origin.row,
    line: r.origin.line,
    field: r.issue.field,
    column: r.issue.column,
  }));

describe('long CSV', () => {
  it('reads semicolons, a BOM, CRLF and a quoted multi-line comment in Cyrillic', () => {
    const set = balanced(readAnswers([fixture('long-semicolon-bom-crlf.csv')]));
    expect(set.errors).toEqual([]);
    expect(set.warnings).toEqual([]);
    expect(set.rows).toHaveLength(3);
    const [first, second, third] = set.rows;
    expect(first).toMatchObject({
      unit: 'BG',
      period: '2019',
      indicator: 'res_permit',
      answer: 'a',
      validFrom: '2018-07-01',
      source: 'Закон за чужденците, чл. 12',
      comment: 'Първи ред\r\nвтори ред; с точка и запетая',
      origin: { file: 'long-semicolon-bom-crlf.csv', row: 1, line: 2 },
    });
    expect(first).not.toHaveProperty('validTo');
    expect(first?.origin.columns).toEqual({
      unit: 1,
      period: 2,
      indicator: 3,
      answer: 4,
      valid_from: 5,
      valid_to: 6,
      source: 7,
      comment: 8,
    });
    // The comment spans lines 2-3, so the next record starts on line 4.
    expect(second).toMatchObject({
      indicator: 'fam_reunification',
      answer: 'n/a',
      origin: { row: 2, line: 4 },
    });
    expect(third).toMatchObject({ answer: null, origin: { row: 3, line: 5 } });
    // Rows of one file share one columns object (memory: a million rows, one object).
    expect(second?.origin.columns).toBe(first?.origin.columns);
  });

  it('rejects every planted structural error at its row, line and column', () => {
    const set = balanced(readAnswers([fixture('planted-errors.csv')]));
    expect(set.errors).toEqual([]);
    expect(set.warnings).toEqual([]); // `notes` is a template column: skipped silently
    expect(rejections(set)).toEqual([
      { code: 'ANSWER_FIELD_COUNT', row: 2, line: 3, field: undefined, column: undefined },
      { code: 'ANSWER_EMPTY_FIELD', row: 3, line: 4, field: 'unit', column: 1 },
      { code: 'ANSWER_EMPTY_FIELD', row: 4, line: 5, field: 'period', column: 2 },
      { code: 'ANSWER_EMPTY_FIELD', row: 5, line: 6, field: 'indicator', column: 3 },
      { code: 'ANSWER_INVALID_DATE', row: 6, line: 7, field: 'valid_from', column: 5 },
      { code: 'ANSWER_INVALID_DATE', row: 7, line: 8, field: 'valid_to', column: 6 },
      { code: 'ANSWER_DATE_ORDER', row: 8, line: 9, field: 'valid_to', column: 6 },
    ]);
    expect(set.rejected[1]?.issue).toMatchObject({ file: 'planted-errors.csv', row: 3, line: 4 });
    expect(set.rejected[4]?.issue.params).toEqual({ field: 'valid_from', value: '2019-02-30' });
    // A row rejected for its dates keeps the row it could read.
    expect(set.rejected[6]?.row).toMatchObject({ indicator: 'fam', answer: 'b' });
    expect(set.rows.map((r) => [r.indicator, r.origin.row, r.origin.line])).toEqual([
      ['res_permit', 1, 2],
      ['nat', 9, 10],
      ['nat2', 10, 14],
      ['nat3', 13, 17],
    ]);
    expect(set.rows[1]).toMatchObject({ answer: 'multi\nline\ncomment', comment: 'c1\nc2' });
    expect(set.read).toBe(11);
  });

  it('matches header names case-insensitively, trimmed, and spelt validFrom or Valid From', () => {
    const set = balanced(
      readAnswers([
        text(
          ' UNIT , Period,INDICATOR,answer,validFrom,Valid To\nXA,2019,i, a ,2019-01-01,2019-12-31\n',
        ),
      ]),
    );
    expect(set.rows[0]).toMatchObject({
      unit: 'XA',
      answer: 'a',
      validFrom: '2019-01-01',
      validTo: '2019-12-31',
    });
  });

  it('warns once per file about unknown columns and skips template columns silently', () => {
    const set = balanced(
      readAnswers([
        text(
          'unit,period,indicator,answer,colour,question,allowed,size\nXA,2019,i,a,red,Q?,a|b,9\nXA,2019,j,b,blue,Q?,a|b,1\n',
        ),
      ]),
    );
    expect(set.rows).toHaveLength(2);
    expect(set.warnings).toHaveLength(1);
    expect(set.warnings[0]).toMatchObject({
      code: 'ANSWER_UNKNOWN_COLUMNS',
      severity: 'warning',
      params: { columns: ['colour', 'size'] },
      line: 1,
      column: 5,
    });
  });

  it('reports a missing required column naming the file and the column', () => {
    const set = balanced(readAnswers([text('unit,period,answer\nXA,2019,a\n', 'x.csv')]));
    expect(set.errors).toMatchObject([
      {
        code: 'ANSWER_MISSING_COLUMN',
        file: 'x.csv',
        field: 'indicator',
        params: { column: 'indicator', layout: 'long' },
      },
    ]);
    expect(set.read).toBe(0);
    expect(set.errors[0]?.message).toContain('"indicator"');
  });

  it('reports a repeated column', () => {
    const set = readAnswers([text('unit,period,indicator,answer,Unit\nXA,2019,i,a,XB\n')]);
    expect(set.errors).toMatchObject([
      { code: 'ANSWER_DUPLICATE_COLUMN', column: 5, params: { column: 'unit', first: 1 } },
    ]);
  });

  it('reports a CSV syntax error with its line and keeps reading other files', () => {
    const set = balanced(
      readAnswers([
        text('unit,period,indicator,answer\nXA,2019,i,a\nXA,2019,j,"b"c\n', 'bad.csv'),
        text('unit,period,indicator,answer\nXB,2019,i,a\n', 'good.csv'),
      ]),
    );
    expect(set.errors).toMatchObject([
      { code: 'ANSWER_CSV_SYNTAX', file: 'bad.csv', line: 3, column: 4 },
    ]);
    expect(set.rows.map((r) => r.unit)).toEqual(['XB']);
    expect(set.files).toEqual(['bad.csv', 'good.csv']);
  });

  it('reports a stray quote in an unquoted field (RFC 4180) at its line, past the first slice', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `XA,2019,i${i},a,`);
    rows.push('XA,2019,j,b,a 5" screen');
    const set = readAnswers([text(`unit,period,indicator,answer,comment\n${rows.join('\n')}\n`)]);
    expect(set.errors).toMatchObject([{ code: 'ANSWER_CSV_SYNTAX', line: 50_002, column: 5 }]);
    // The whole file is void, also the slices read before the error.
    expect([set.read, set.rows.length, set.rejected.length]).toEqual([0, 0, 0]);
  });

  it('reports text that is not UTF-8 (Windows-1251) and empty files', () => {
    const set = readAnswers([fixture('cp1251.csv'), text('  \n', 'empty.csv')]);
    expect(set.errors.map((e) => [e.code, e.file])).toEqual([
      ['FILE_NOT_UTF8', 'cp1251.csv'],
      ['FILE_EMPTY', 'empty.csv'],
    ]);
    // 'unit,period,indicator,answer\n' is 29 bytes, 'BG,2019,res,' 12 more: the Cyrillic P is byte 41.
    expect(set.errors[0]?.params).toEqual({ offset: 41 });
  });

  it('drops the apostrophe that excelSafe writes before formula characters', () => {
    const set = readAnswers([
      text("unit,period,indicator,answer,comment\nXA,2019,i,'-x,'=SUM(A1)\nXA,2019,j,'a,it's\n"),
    ]);
    expect(set.rows.map((r) => [r.answer, r.comment])).toEqual([
      ['-x', '=SUM(A1)'],
      ["'a", "it's"],
    ]);
  });

  it('reads across slice boundaries of a large file with exact rows and lines', () => {
    const lines = ['unit,period,indicator,answer,comment'];
    for (let i = 0; i < 60_000; i++) {
      lines.push(i % 1000 === 7 ? `U${i},2019,ind,a,"two\nlines"` : `U${i},2019,ind,a,`);
    }
    const set = balanced(readAnswers([text(`${lines.join('\n')}\n`)]));
    expect(set.rows).toHaveLength(60_000);
    const check = [0, 7, 8, 29_999, 30_007, 59_999];
    for (const i of check) {
      const row = set.rows[i];
      const before = Math.floor((i - 7 + 999) / 1000); // two-line records before row i
      expect(row).toMatchObject({ unit: `U${i}`, origin: { row: i + 1, line: i + 2 + before } });
    }
  });
});

describe('wide CSV', () => {
  it('reads a tab-separated file, one row per indicator cell, with Arabic and CJK text', () => {
    const set = balanced(readAnswers([fixture('wide-tab.tsv')]));
    expect(set.errors).toEqual([]);
    expect(set.read).toBe(6);
    expect(set.rows.map((r) => [r.unit, r.indicator, r.answer])).toEqual([
      ['XA', 'res_permit', 'a'],
      ['XA', 'fam_reunification', 'b'],
      ['XA', 'nat_residence', '5'],
      ['XB', 'res_permit', 'c'],
      ['XB', 'fam_reunification', null],
      ['XB', 'nat_residence', '10'],
    ]);
    expect(set.rows[0]).toMatchObject({ source: 'قانون الإقامة', comment: '注释：测试' });
    expect(set.rows[2]?.origin).toMatchObject({
      row: 1,
      line: 2,
      columns: { unit: 1, answer: 7, indicator: 7 },
    });
  });

  it('rejects every cell of a structurally bad row, and skips note rows', () => {
    const set = balanced(
      readAnswers([
        text(
          'unit,period,valid_from,i1,i2\n#question,,,Q1,Q2\nXA,2019,2019-13-01,a,b\nXB,2019,,a\n,2019,,a,b\nXC,2019,,a,b\n',
        ),
      ]),
    );
    expect(rejections(set)).toEqual([
      { code: 'ANSWER_INVALID_DATE', row: 2, line: 3, field: 'valid_from', column: 3 },
      { code: 'ANSWER_INVALID_DATE', row: 2, line: 3, field: 'valid_from', column: 3 },
      { code: 'ANSWER_FIELD_COUNT', row: 3, line: 4, field: undefined, column: undefined },
      { code: 'ANSWER_FIELD_COUNT', row: 3, line: 4, field: undefined, column: undefined },
      { code: 'ANSWER_EMPTY_FIELD', row: 4, line: 5, field: 'unit', column: 1 },
      { code: 'ANSWER_EMPTY_FIELD', row: 4, line: 5, field: 'unit', column: 1 },
    ]);
    expect(set.rejected.map((r) => r.origin.columns.answer)).toEqual([4, 5, 4, 5, 4, 5]);
    expect(set.rows.map((r) => `${r.unit}:${r.indicator}`)).toEqual(['XC:i1', 'XC:i2']);
    expect(set.warnings).toMatchObject([
      { code: 'ANSWER_NOTE_ROWS_SKIPPED', line: 2, field: 'unit', params: { count: 1 } },
    ]);
  });

  it('reports skipped note rows of a long file once, with their count and the first line', () => {
    const set = balanced(
      readAnswers([
        text('unit,period,indicator,answer\nXA,2019,i1,a\n# checked by A.B.,,,\n\n#XB,2019,i1,b\n'),
      ]),
    );
    expect(set.read).toBe(1);
    expect(set.warnings).toMatchObject([
      {
        code: 'ANSWER_NOTE_ROWS_SKIPPED',
        severity: 'warning',
        file: 'a.csv',
        line: 3,
        params: { count: 2 },
      },
    ]);
  });

  it('needs unit, period and at least one indicator column', () => {
    expect(readAnswers([text('unit,x1\nXA,a\n')]).errors).toMatchObject([
      { code: 'ANSWER_MISSING_COLUMN', params: { column: 'period', layout: 'wide' } },
    ]);
    expect(readAnswers([text('unit,period,source\nXA,2019,s\n')]).errors).toMatchObject([
      { code: 'ANSWER_NO_INDICATOR_COLUMNS' },
    ]);
    expect(readAnswers([text('unit,period,x1,x1\nXA,2019,a,b\n')]).errors).toMatchObject([
      { code: 'ANSWER_DUPLICATE_COLUMN', column: 4, params: { column: 'x1', first: 3 } },
    ]);
  });

  it('follows a forced format: a long file read as wide has no indicator columns', () => {
    const long = 'unit,period,indicator,answer\nXA,2019,i,a\n';
    expect(readAnswers([text(long)], { format: 'wide' }).errors).toMatchObject([
      { code: 'ANSWER_NO_INDICATOR_COLUMNS' },
    ]);
    expect(
      readAnswers([text('unit,period,i1\nXA,2019,a\n')], { format: 'long' }).errors,
    ).toMatchObject([{ code: 'ANSWER_MISSING_COLUMN', params: { column: 'indicator' } }]);
    expect(readAnswers([text(long)], { format: 'xml' as never }).errors).toMatchObject([
      { code: 'ANSWER_FORMAT_UNKNOWN' },
    ]);
    // A .json name is not needed when the format is given.
    expect(readAnswers([text('[]', 'a.txt')], { format: 'json' }).errors).toEqual([]);
  });
});

describe('JSON', () => {
  it('reads { answers: [...] } with mixed answer types, camelCase dates and item lines', () => {
    const set = balanced(readAnswers([fixture('answers.json')]));
    expect(set.errors).toEqual([]);
    expect(set.rows.map((r) => [r.indicator, r.answer, r.origin.row, r.origin.line])).toEqual([
      ['res_permit', 'a', 1, 4],
      ['nat_residence', 5, 2, 5],
      ['fam_same_rights', true, 3, 6],
      ['fam_reunification', null, 4, 7],
      ['x', 'a', 9, 15],
    ]);
    expect(set.rows[0]).toMatchObject({ period: '2019', validFrom: '2018-01-01' });
    expect(set.rows[1]).toMatchObject({ source: 'Ustawa o cudzoziemcach' });
    expect(rejections(set)).toEqual([
      { code: 'ANSWER_DATE_ORDER', row: 5, line: 8, field: 'valid_to', column: undefined },
      { code: 'ANSWER_EMPTY_FIELD', row: 6, line: 12, field: 'unit', column: undefined },
      { code: 'ANSWER_JSON_NOT_OBJECT', row: 7, line: 13, field: undefined, column: undefined },
      { code: 'ANSWER_JSON_FIELD_TYPE', row: 8, line: 14, field: 'answer', column: undefined },
    ]);
    expect(set.rejected[3]?.issue.path).toEqual(['answers', 7, 'answer']);
    expect(set.warnings).toMatchObject([
      { code: 'ANSWER_UNKNOWN_FIELDS', params: { fields: ['color'] } },
    ]);
  });

  it('reads a bare array', () => {
    const set = balanced(readAnswers([fixture('bare.json')]));
    expect(set.rows.map((r) => [r.indicator, r.answer, r.origin.line])).toEqual([
      ['i1', 'yes', 2],
      ['i2', 0, 3],
    ]);
  });

  it('reports syntax errors with a position, wrong shapes and missing fields', () => {
    const bad = readAnswers([text('{\n  "answers": [\n    {"unit" "XA"}\n  ]\n}', 'bad.json')]);
    expect(bad.errors).toMatchObject([
      { code: 'ANSWER_JSON_SYNTAX', file: 'bad.json', line: 3, column: 13 },
    ]);
    expect(readAnswers([text('{"rows": []}', 'a.json')]).errors).toMatchObject([
      { code: 'ANSWER_JSON_SHAPE' },
    ]);
    expect(readAnswers([text('"answers"', 'a.json')]).errors).toMatchObject([
      { code: 'ANSWER_JSON_SHAPE' },
    ]);
    const missing = balanced(
      readAnswers([
        text(
          '[{"unit":"XA","period":"1","indicator":"i"},{"unit":"XA","indicator":"i","answer":1}]',
          'a.json',
        ),
      ]),
    );
    expect(missing.rejected.map((r) => r.issue.params)).toEqual([
      { column: 'answer', layout: 'json' },
      { column: 'period', layout: 'json' },
    ]);
    const types = balanced(
      readAnswers([
        text(
          '[{"unit":["XA"],"period":"1","indicator":"i","answer":1},{"unit":"XA","period":"1","indicator":"i","answer":1,"source":5},{"unit":"XA","period":"1","indicator":"i","answer":1,"validTo":"31.12.2019"}]',
        ),
      ]),
    );
    expect(types.rejected.map((r) => [r.issue.code, r.issue.field])).toEqual([
      ['ANSWER_JSON_FIELD_TYPE', 'unit'],
      ['ANSWER_JSON_FIELD_TYPE', 'source'],
      ['ANSWER_INVALID_DATE', 'valid_to'],
    ]);
  });
});

describe('readAnswerFiles', () => {
  it('reads files from disk and turns a missing file into a coded error', async () => {
    const set = await readAnswerFiles([join(dir, 'bare.json'), join(dir, 'no-such-file.csv')]);
    expect(set.rows).toHaveLength(2);
    expect(set.errors).toMatchObject([
      { code: 'FILE_NOT_FOUND', file: join(dir, 'no-such-file.csv') },
    ]);
    expect(set.files).toHaveLength(2);
  });

  it('passes the format on', async () => {
    const set = await readAnswerFiles([join(dir, 'wide-tab.tsv')], { format: 'long' });
    expect(set.errors).toMatchObject([{ code: 'ANSWER_MISSING_COLUMN' }]);
  });
});
