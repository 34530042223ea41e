import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FrameworkInput, frameworkSchema } from '../../framework/schema/framework.js';
import { normaliseMipexCode } from './codes.js';
import { formatAnswersCsv } from './csv.js';
import { importMipexScores } from './import.js';

const three = (code: string) => ({
  kind: 'choice' as const,
  options: [
    { code: 'a', label: `${code} high`, score: 100 },
    { code: 'b', label: `${code} middle`, score: 50 },
    { code: 'c', label: `${code} low`, score: 0 },
  ],
});

const input: FrameworkInput = {
  id: 'mini-mipex',
  title: 'A small MIPEX-like framework',
  edition: '2020',
  version: '1.0.0',
  periods: [
    { id: '2018', referenceDate: '2018-12-31' },
    { id: '2019', referenceDate: '2019-12-31' },
  ],
  overall: { id: 'overall_with_health' },
  aggregates: [{ id: 'overall_without_health', title: 'Without health', of: ['a', 'b'] }],
  dimensions: [
    {
      id: 'a',
      aliases: ['labour_market_mobility'],
      title: 'Labour market mobility',
      indicators: [
        { id: 'aa1', aliases: ['lmm_immediate_access'], title: 'Access', rule: three('aa1') },
        {
          id: 'ab7ab8',
          title: 'Training',
          rule: {
            kind: 'choice',
            options: [
              { code: 'a', label: 'All', score: 100 },
              { code: 'b', label: 'Most', score: 67 },
              { code: 'c', label: 'Some', score: 33 },
              { code: 'd', label: 'None', score: 0 },
            ],
          },
        },
      ],
    },
    {
      id: 'b',
      title: 'Family reunion',
      indicators: [
        {
          id: 'bb28',
          title: 'Pre-entry',
          rule: {
            kind: 'table',
            inputs: ['bb28a', 'bb28b'],
            rows: [{ when: ['*', '*'], score: 0 }],
          },
          subquestions: [
            { id: 'bb28a', title: 'Language', rule: three('bb28a') },
            { id: 'bb28b', title: 'Integration', rule: three('bb28b') },
          ],
        },
        { id: 'fa102_new', aliases: ['fb102_new'], title: 'Birthright', rule: three('fa102') },
      ],
    },
    {
      id: 'g',
      title: 'Anti-discrimination',
      children: [
        {
          id: 'g_enforcement',
          title: 'Enforcement',
          indicators: [{ id: 'gc', aliases: ['gc_new'], title: 'Enforcement', rule: three('gc') }],
        },
      ],
    },
  ],
};
const framework = frameworkSchema.parse(input);

const header = 'country,year,area,column,code,sub_code,score';
const csv = (...lines: string[]) => [header, ...lines].join('\n') + '\n';

describe('importMipexScores', () => {
  it('writes leaves as option codes and leaves composites and areas to the engine', () => {
    const { rows, issues, counts } = importMipexScores(
      csv(
        'AT,2019,Labour Market Mobility,0,a,,58.5',
        'AT,2019,Labour Market Mobility,1,,aa1,50.0',
        'AT,2019,Labour Market Mobility,5,ab7ab8,,67.0',
        'AT,2019,Family Reunification,0,b,,41.5',
        'AT,2019,Family Reunification,3,bb28,,83.0',
        'AT,2019,Family Reunification,4,,bb28a,50.0',
        'AT,2019,Family Reunification,5,,bb28b,100.0',
      ),
      framework,
      { file: 'scores.csv' },
    );
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.unit, r.period, r.indicator, r.answer])).toEqual([
      ['AT', '2019', 'aa1', 'b'],
      ['AT', '2019', 'ab7ab8', 'b'],
      ['AT', '2019', 'bb28.bb28a', 'b'],
      ['AT', '2019', 'bb28.bb28b', 'a'],
    ]);
    expect(rows[0]?.origin).toMatchObject({ file: 'scores.csv', row: 2, line: 3 });
    expect(counts).toEqual({ read: 7, imported: 4, recomputed: 3, skipped: 0, rejected: 0 });
  });

  it('reads the workbook quirks: stray spaces, gc_new (...), fb102_new, padded headers', () => {
    const { rows, issues } = importMipexScores(
      [
        ' Country ,year ,area,column,code,sub_code,Score ',
        'SE,2019,Antidiscrimination,7,"gc_new (128, 129, 133, 135)",,100.0',
        'SE,2019,Citizenship,2,fb102_new,,0.0',
        'SE,2019,Family Reunification,4,, bb28a ,0',
      ].join('\r\n'),
      framework,
    );
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.indicator, r.answer])).toEqual([
      ['gc', 'a'],
      ['fa102_new', 'c'],
      ['bb28.bb28a', 'c'],
    ]);
  });

  it('rejects a score that no option carries, with its line and column', () => {
    const { rows, issues, counts } = importMipexScores(
      csv(
        'AT,2019,Labour Market Mobility,1,,aa1,75.0',
        'AT,2019,Labour Market Mobility,1,,ab7ab8,66.5',
      ),
      framework,
      { file: 'x.csv', skipUnscoredStrands: false },
    );
    expect(rows).toEqual([]);
    expect(issues.map((i) => [i.code, i.severity, i.line, i.column, i.field])).toEqual([
      ['MIPEX_SCORE_NO_OPTION', 'error', 2, 7, 'score'],
      ['MIPEX_SCORE_NO_OPTION', 'error', 3, 7, 'score'],
    ]);
    expect(issues[0]?.params).toMatchObject({ indicator: 'aa1', score: 75, scores: [100, 50, 0] });
    expect(counts.rejected).toBe(2);
  });

  it('rejects unknown codes and non-numeric scores; skips years the framework lacks', () => {
    const { rows, issues, counts } = importMipexScores(
      csv(
        'AT,2019,Labour Market Mobility,1,zz9,,50',
        'AT,2019,Labour Market Mobility,1,aa1,,fifty',
        'AT,2020,Labour Market Mobility,1,aa1,,50',
        'AT,2020,Labour Market Mobility,1,ab7ab8,,33',
        'AT,2019,Labour Market Mobility,1,aa1,,0',
      ),
      framework,
    );
    expect(rows.map((r) => r.answer)).toEqual(['c']);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ['MIPEX_UNKNOWN_CODE', 'error'],
      ['MIPEX_UNKNOWN_PERIOD', 'warning'],
      ['MIPEX_INVALID_SCORE', 'error'],
    ]);
    expect(issues[1]?.params).toEqual({ period: '2020', count: 2 });
    expect(counts).toEqual({ read: 5, imported: 1, recomputed: 0, skipped: 2, rejected: 2 });
  });

  it('leaves out a strand that has no average that year, when the file gives averages', () => {
    const lines = [
      'CN,2019,Labour Market Mobility,0,a,,50',
      'CN,2019,Labour Market Mobility,1,,aa1,50',
      'CN,2019,Antidiscrimination,7,gc,,100',
      'CN,2018,Antidiscrimination,0,g,,100',
      'CN,2018,Antidiscrimination,7,gc,,100',
    ];
    const skipped = importMipexScores(csv(...lines), framework);
    expect(skipped.rows.map((r) => `${r.period} ${r.indicator}`)).toEqual(['2019 aa1', '2018 gc']);
    expect(skipped.issues.map((i) => [i.code, i.severity, i.params])).toEqual([
      ['MIPEX_STRAND_NOT_SCORED', 'warning', { area: 'g', unit: 'CN', period: '2019', count: 1 }],
    ]);
    const kept = importMipexScores(csv(...lines), framework, { skipUnscoredStrands: false });
    expect(kept.rows).toHaveLength(3);
    // A file of leaf scores only (no strand averages) imports everything.
    const leavesOnly = importMipexScores(csv(lines[1] as string, lines[2] as string), framework);
    expect(leavesOnly.rows).toHaveLength(2);
    expect(leavesOnly.issues).toEqual([]);
  });

  it('warns about identical duplicates and rejects conflicting ones', () => {
    const { rows, issues, counts } = importMipexScores(
      csv(
        'AT,2019,Labour Market Mobility,1,aa1,,50',
        'AT,2019,Labour Market Mobility,1,,aa1,50.0',
        'AT,2019,Labour Market Mobility,1,lmm_immediate_access,,100',
      ),
      framework,
    );
    expect(rows).toHaveLength(1);
    expect(issues.map((i) => [i.code, i.severity, i.params?.line])).toEqual([
      ['MIPEX_DUPLICATE_SCORE', 'warning', 2],
      ['MIPEX_CONFLICTING_SCORES', 'error', 2],
    ]);
    expect(counts).toEqual({ read: 3, imported: 1, recomputed: 0, skipped: 1, rejected: 1 });
  });

  it('reports missing columns and bad CSV as coded errors', () => {
    const noScore = importMipexScores('country,year,code,sub_code\nAT,2019,aa1,\n', framework);
    expect(noScore.issues.map((i) => [i.code, i.params?.column])).toEqual([
      ['MIPEX_MISSING_COLUMN', 'score'],
    ]);
    const bad = importMipexScores(`${header}\nAT,2019,"a,1,,aa1,50\n`, framework);
    expect(bad.issues.map((i) => i.code)).toEqual(['MIPEX_CSV_SYNTAX']);
  });

  it('keeps an empty score as no data and never mutates the framework', () => {
    const frozen = structuredClone(framework);
    const { rows } = importMipexScores(csv('AT,2019,Labour Market Mobility,1,aa1,,'), framework);
    expect(rows.map((r) => r.answer)).toEqual([null]);
    expect(framework).toEqual(frozen);
  });
});

describe('importMipexScores, properties', () => {
  // Every leaf of the small framework with its options' (code, score) pairs.
  const leaves: { code: string; address: string; options: [string, number][] }[] = [
    {
      code: 'aa1',
      address: 'aa1',
      options: [
        ['a', 100],
        ['b', 50],
        ['c', 0],
      ],
    },
    {
      code: 'ab7ab8',
      address: 'ab7ab8',
      options: [
        ['a', 100],
        ['b', 67],
        ['c', 33],
        ['d', 0],
      ],
    },
    {
      code: 'bb28a',
      address: 'bb28.bb28a',
      options: [
        ['a', 100],
        ['b', 50],
        ['c', 0],
      ],
    },
    {
      code: 'bb28b',
      address: 'bb28.bb28b',
      options: [
        ['a', 100],
        ['b', 50],
        ['c', 0],
      ],
    },
    {
      code: 'fb102_new',
      address: 'fa102_new',
      options: [
        ['a', 100],
        ['b', 50],
        ['c', 0],
      ],
    },
    {
      code: 'gc_new (128, 129)',
      address: 'gc',
      options: [
        ['a', 100],
        ['b', 50],
        ['c', 0],
      ],
    },
  ];
  // The ways a workbook may write one number.
  const spellings = (x: number) => [String(x), `${x}.0`, ` ${x} `, x.toExponential()];
  const answerArb = fc.record({
    unit: fc.constantFrom('AT', 'BE', 'XA'),
    period: fc.constantFrom('2018', '2019'),
    leaf: fc.nat(leaves.length - 1),
    option: fc.nat(3),
    spelling: fc.nat(3),
    inSubCode: fc.boolean(),
  });

  it('gives back the option each published score came from, whatever the order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(answerArb, { selector: (a) => `${a.unit}${a.period}${a.leaf}` }),
        (picks) => {
          const lines = picks.map((p) => {
            const leaf = leaves[p.leaf] as (typeof leaves)[number];
            const [, score] = leaf.options[p.option % leaf.options.length] as [string, number];
            const written = spellings(score)[p.spelling] as string;
            const code = `"${leaf.code}"`;
            return `${p.unit},${p.period},x,1,${p.inSubCode ? '' : code},${p.inSubCode ? code : ''},${written}`;
          });
          const { rows, issues, counts } = importMipexScores(csv(...lines), framework);
          expect(issues).toEqual([]);
          expect(counts.read).toBe(
            counts.imported + counts.recomputed + counts.skipped + counts.rejected,
          );
          expect(rows).toHaveLength(picks.length);
          picks.forEach((p, i) => {
            const leaf = leaves[p.leaf] as (typeof leaves)[number];
            const [code] = leaf.options[p.option % leaf.options.length] as [string, number];
            expect([rows[i]?.unit, rows[i]?.period, rows[i]?.indicator, rows[i]?.answer]).toEqual([
              p.unit,
              p.period,
              leaf.address,
              code,
            ]);
          });
          // Reversing the records reverses the answers and changes nothing else.
          const reversed = importMipexScores(csv(...[...lines].reverse()), framework);
          expect(reversed.rows.map((r) => r.answer)).toEqual(rows.map((r) => r.answer).reverse());
        },
      ),
    );
  });
});

describe('normaliseMipexCode', () => {
  it('trims, drops a parenthesised list and lower-cases', () => {
    expect(normaliseMipexCode(' fb107 ')).toBe('fb107');
    expect(normaliseMipexCode('gc_new (128, 129, 133, 135)')).toBe('gc_new');
    expect(normaliseMipexCode(' 146a')).toBe('146a');
    expect(normaliseMipexCode('AA1')).toBe('aa1');
  });
});

describe('formatAnswersCsv', () => {
  it('writes a long answers file, empty cells for no data, optional columns when present', () => {
    const origin = { file: 'x', row: 1, line: 2, columns: {} };
    expect(
      formatAnswersCsv([
        { unit: 'AT', period: '2019', indicator: 'aa1', answer: 'b', origin },
        { unit: 'AT', period: '2019', indicator: 'bb28.bb28a', answer: null, origin },
      ]),
    ).toBe('unit,period,indicator,answer\nAT,2019,aa1,b\nAT,2019,bb28.bb28a,\n');
    expect(
      formatAnswersCsv([
        { unit: 'XA', period: '2019', indicator: 'aa1', answer: 'a', source: 'Act, s. 2', origin },
      ]),
    ).toBe('unit,period,indicator,answer,source\nXA,2019,aa1,a,"Act, s. 2"\n');
  });
});
