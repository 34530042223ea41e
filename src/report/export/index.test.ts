import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableView, tinyView } from '../../../test/support/report-view.js';
import { exportCsv, exportMarkdown, longColumns, longRows, wideRows } from './index.js';

describe('long and wide exports', () => {
  const view = tinyView();

  it('writes one long row per unit, period and node', () => {
    const rows = longRows(view);
    expect(rows[0]).toEqual([...longColumns]);
    // 2 periods x 2 units x 9 aggregates (overall, 2 dimensions, 2 stages, 4 cells).
    expect(rows.length - 1).toBe(2 * 2 * 9);
    expect(rows).toContainEqual([
      'XA',
      '2021',
      'res',
      'dimension',
      null,
      100,
      1,
      1,
      'dimension',
      2,
      0,
      0,
      2,
      null,
    ]);
  });
  it('writes one wide row per unit and period with a score and a rank column per node', () => {
    const rows = wideRows(view, { kinds: ['overall', 'dimension'] });
    expect(rows[0]).toEqual([
      'unit',
      'period',
      'overall',
      'res',
      'fam',
      'rank_overall',
      'rank_res',
      'rank_fam',
    ]);
    expect(rows[1]).toEqual(['XA', '2019', 50, 50, 50, 2, 1, 2]);
    expect(rows).toHaveLength(5);
  });
  it('rounds half away from zero, or keeps full precision', () => {
    const v = tableView({
      units: ['XA'],
      periods: ['1'],
      scores: { '1': { XA: { overall: 62.25 } } },
    });
    expect(longRows(v, { kinds: ['overall'] })[1]?.[5]).toBe(62.3);
    expect(longRows(v, { kinds: ['overall'], decimals: 0 })[1]?.[5]).toBe(62);
    expect(longRows(v, { kinds: ['overall'], decimals: null })[1]?.[5]).toBe(62.25);
  });
  it('neutralises formula-like cells and round-trips through a CSV parser', () => {
    const v = tableView({
      units: ['=HYPERLINK("http://x")', '@SUM(A1)', 'Пловдив, "BG"'],
      periods: ['1'],
      scores: {
        '1': {
          '=HYPERLINK("http://x")': { overall: 10 },
          '@SUM(A1)': { overall: 20 },
          'Пловдив, "BG"': { overall: 30 },
        },
      },
    });
    const csv = exportCsv(v, 'long', { kinds: ['overall'] });
    const parsed = parse(csv) as string[][];
    expect(parsed.map((r) => r[0])).toEqual([
      'unit',
      '\'=HYPERLINK("http://x")',
      "'@SUM(A1)",
      'Пловдив, "BG"',
    ]);
  });
  it('writes an Excel-friendly file: BOM and semicolons', () => {
    const csv = exportCsv(view, 'wide', { excel: true, kinds: ['overall'] });
    expect(csv.startsWith('\ufeffunit;period;overall;rank_overall\n')).toBe(true);
    const parsed = parse(csv, { bom: true, delimiter: ';' }) as string[][];
    expect(parsed[1]).toEqual(['XA', '2019', '50', '2']);
  });
});

describe('exportMarkdown', () => {
  it('writes a table per period, units in rank order, texts escaped', () => {
    const md = exportMarkdown(tinyView(), { kinds: ['overall', 'dimension'], periods: ['2019'] });
    expect(md).toBe(
      [
        '### 2019',
        '',
        '| Rank | Unit | Overall | Residency | Family &lt;reunification&gt; |',
        '| ---: | --- | ---: | ---: | ---: |',
        '| 1 | XB | 75.0 | 50.0 | 100.0 |',
        '| 2 | XA | 50.0 | 50.0 | 50.0 |',
        '',
      ].join('\n'),
    );
  });
  it('titles columns in the language asked for and escapes pipes', () => {
    const v = tableView({
      units: ['A|B'],
      periods: ['1'],
      scores: { '1': { 'A|B': { res: null } } },
    });
    const md = exportMarkdown(v, { kinds: ['dimension'], lang: 'bg' });
    expect(md).toContain('| Rank | Unit | Пребиваване | Family &lt;reunification&gt; |');
    expect(md).toContain('|  | A\\|B | – | – |');
  });
});

describe('CSV exports (property)', () => {
  it('round-trip any unit name through a CSV parser, formula-like ones behind a quote', () => {
    const name = fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.constantFrom(
        '=1+1',
        '+SUM(A1)',
        '-x',
        '@cmd',
        '\tTab',
        '\rCR',
        'a;b',
        'a,"b"',
        'line\nbreak',
        'قانون',
        'Пловдив',
      ),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (units, excel) => {
          const view = tableView({
            units,
            periods: ['1'],
            scores: { '1': Object.fromEntries(units.map((u, i) => [u, { overall: i * 10 }])) },
          });
          const text = exportCsv(view, 'wide', { kinds: ['overall'], excel });
          const rows = parse(text, { bom: true, delimiter: excel ? ';' : ',' }) as string[][];
          const back = rows.slice(1).map((r) => r[0] ?? '');
          return back.every((cell, i) => {
            const original = units[i] as string;
            return /^[=+\-@\t\r]/.test(original) &&
              !/^-(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(original)
              ? cell === `'${original}`
              : cell === original;
          });
        },
      ),
    );
  });
});
