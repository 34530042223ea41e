import { describe, expect, it } from 'vitest';
import type { AnswerRow } from '../../types.js';
import { AnswerTable } from './table.js';

const cols = { unit: 1, period: 2, indicator: 3, answer: 4 };

describe('AnswerTable', () => {
  it('gives rows back as pushed, sharing one dictionary', () => {
    const t = new AnswerTable();
    const i = t.push('BG', '2019', 'res_1', 'a', 'bg.csv', 1, 2, cols);
    t.validFrom.set(i, '2018-01-01');
    t.push('BG', '2019', 'res_2', null, 'bg.csv', 2, 3, cols);
    t.push('BG', '2020', 'res_1', 5, 'bg.json', 1, 2, {});
    expect(t.rowAt(0)).toEqual({
      unit: 'BG',
      period: '2019',
      indicator: 'res_1',
      answer: 'a',
      validFrom: '2018-01-01',
      origin: { file: 'bg.csv', row: 1, line: 2, columns: cols },
    });
    expect(t.rowAt(1).answer).toBeNull();
    expect(t.rowAt(2).answer).toBe(5);
    expect(t.values).toEqual(['BG', '2019', 'res_1', 'a', 'res_2', '2020', 5]);
    expect(t.files).toEqual(['bg.csv', 'bg.json']);
    expect(t.rowAt(0).origin.columns).toBe(t.rowAt(1).origin.columns);
  });

  it('keeps a number answer apart from the same text', () => {
    const t = new AnswerTable();
    t.push('X', '1', 'i', 1, 'f', 1, 2, {});
    t.push('X', '1', 'i', '1', 'f', 2, 3, {});
    expect(t.rowAt(0).answer).toBe(1);
    expect(t.rowAt(1).answer).toBe('1');
  });

  it('grows past its first capacity and truncates with its optional fields', () => {
    const t = new AnswerTable();
    for (let k = 0; k < 5000; k++) {
      const i = t.push(`U${k % 7}`, '2019', `i${k % 13}`, 'a', 'f.csv', k + 1, k + 2, cols);
      if (k % 2 === 0) t.comment.set(i, `c${k}`);
    }
    expect(t.length).toBe(5000);
    expect(t.rowAt(4999)).toMatchObject({ unit: 'U1', indicator: 'i7' });
    expect(t.rowAt(4999).comment).toBeUndefined();
    expect(t.rowAt(4999).origin.line).toBe(5001);
    expect(t.rowAt(4998).comment).toBe('c4998');
    t.truncate(10);
    expect(t.length).toBe(10);
    expect([...t.comment.keys()].every((k) => k < 10)).toBe(true);
  });

  it('returns the rows it was built from, as they are', () => {
    const rows: AnswerRow[] = [
      {
        unit: 'A',
        period: 'p',
        indicator: 'i',
        answer: true,
        origin: { file: 'a.json', row: 1, line: 1, columns: {} },
      },
    ];
    const t = AnswerTable.fromRows(rows);
    expect(t.rowAt(0)).toBe(rows[0]);
    expect(t.toRows()).toEqual(rows);
    expect(t.answerAt(0)).toBe(true);
  });
});
