import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnswers } from '../src/answers/read/index.js';
import {
  explain,
  renderExplanation,
  type ScoreResult,
  safeExplain,
  safeScore,
  score,
  scoreRows,
} from '../src/engine/index.js';
import { parseFramework } from '../src/framework/load/load.js';

const dir = join(import.meta.dirname, 'fixtures', 'engine');
const framework = parseFramework([
  { path: 'framework.yaml', content: readFileSync(join(dir, 'framework.yaml'), 'utf8') },
]);
const answers = readAnswers([
  { path: 'answers.csv', content: readFileSync(join(dir, 'answers.csv'), 'utf8') },
]);

function at(result: ScoreResult, unit: string, period: string, node: string): number | null {
  const n = result.nodes.find((x) => x.id === node);
  const u = result.units.indexOf(unit);
  const p = result.periods.findIndex((x) => x.id === period);
  for (let r = 0; r < result.rows.unit.length; r++) {
    if (result.rows.unit[r] === u && result.rows.period[r] === p) return n?.score[r] ?? null;
  }
  throw new Error(`no row ${unit} ${period}`);
}

describe('golden: the mini framework', () => {
  const result = score(framework, answers);

  it('accounts for every row: read = used + superseded + rejected', () => {
    expect(result.counts).toEqual({ read: 43, used: 33, superseded: 2, rejected: 8 });
    const { read, used, superseded, rejected } = result.counts;
    expect(used + superseded + rejected).toBe(read);
  });

  it('rejects each planted bad row with its code, row and column', () => {
    const errors = result.issues
      .filter((i) => i.severity === 'error')
      .map((i) => [i.code, i.line, i.column]);
    expect(errors).toEqual(
      expect.arrayContaining([
        ['SCORE_NOT_A_NUMBER', 33, 4],
        ['SCORE_UNKNOWN_OPTION', 34, 4],
        ['SCORE_UNKNOWN_INDICATOR', 35, 3],
        ['SCORE_CONFLICTING_ANSWERS', 36, 4],
        ['SCORE_CONFLICTING_ANSWERS', 37, 4],
        ['SCORE_COMPOSITE_ANSWERED', 38, 3],
        ['SCORE_NOT_A_DATE', 39, 4],
        ['SCORE_UNKNOWN_PERIOD', 41, 2],
      ]),
    );
    expect(errors).toHaveLength(8);
    const unknownOption = result.issues.find((i) => i.code === 'SCORE_UNKNOWN_OPTION');
    expect(unknownOption?.params).toMatchObject({ codes: ['a', 'b', 'c', 'x'] });
    const duplicate = result.issues.find((i) => i.code === 'SCORE_DUPLICATE_ANSWER');
    expect(duplicate).toMatchObject({ severity: 'warning', line: 28 });
  });

  it('scores XA 2019 as computed by hand', () => {
    expect(at(result, 'XA', '2019', 'permit')).toBe(50); // 2 years; the 2020 answer is not yet in force
    expect(at(result, 'XA', '2019', 'residency@law')).toBe(50);
    expect(at(result, 'XA', '2019', 'residency@practice')).toBe(75);
    expect(at(result, 'XA', '2019', 'residency')).toBe(62.5);
    expect(at(result, 'XA', '2019', 'family')).toBe(75);
    expect(at(result, 'XA', '2019', 'rights')).toBe(68.75);
    expect(at(result, 'XA', '2019', 'recognition')).toBe(50);
    expect(at(result, 'XA', '2019', 'mentoring')).toBe(100);
    expect(at(result, 'XA', '2019', 'work')).toBe(87.5);
    expect(at(result, 'XA', '2019', 'reception')).toBe(100); // reported, not scored
    expect(at(result, 'XA', '2019', 'life')).toBe(87.5);
    expect(at(result, 'XA', '2019', 'overall')).toBe(78.125);
    expect(at(result, 'XA', '2019', 'law')).toBeCloseTo(250 / 3, 12);
    expect(at(result, 'XA', '2019', 'practice')).toBeCloseTo(200 / 3, 12);
    expect(at(result, 'XA', '2019', 'rights_only')).toBe(68.75);
    const rate = result.nodes.find((n) => n.id === 'employment_rate');
    expect(rate?.score[0]).toBeNull();
    expect(rate?.value?.[0]).toBe(61.5);
  });

  it('leaves out not applicable answers and reports missing ones (XB 2019)', () => {
    expect(at(result, 'XB', '2019', 'residency@law')).toBe(50);
    expect(at(result, 'XB', '2019', 'residency@practice')).toBe(0);
    expect(at(result, 'XB', '2019', 'conditions')).toBe(100);
    expect(at(result, 'XB', '2019', 'mentoring')).toBe(0);
    expect(at(result, 'XB', '2019', 'overall')).toBe(31.25);
    const overall = result.nodes.find((n) => n.id === 'overall');
    const r = result.rows.unit.findIndex(
      (u, k) => result.units[u] === 'XB' && result.rows.period[k] === 0,
    );
    expect(overall?.coverage?.answered[r]).toBe(8);
    expect(overall?.coverage?.expected[r]).toBe(10);
    expect(overall?.coverage?.notApplicable[r]).toBe(1);
    expect(overall?.coverage?.missing[r]).toBe(1);
  });

  it('ranks units by competition ranking within each period', () => {
    const rows = [...scoreRows(result, { nodes: ['overall'], periods: ['2019'] })];
    expect(rows.map((x) => [x.unit, x.score, x.rank])).toEqual([
      ['XA', 78.125, 2],
      ['XB', 31.25, 3],
      ['XC', 100, 1],
    ]);
  });

  it('scores each period with its own answers', () => {
    expect(at(result, 'XA', '2021', 'overall')).toBe(100);
    expect(at(result, 'XB', '2021', 'overall')).toBe(50);
  });

  it('takes the answers in force on an as-of date', () => {
    const later = score(framework, answers, { asOf: '2020-06-01' });
    expect(at(later, 'XA', '2019', 'permit')).toBe(100);
    expect(at(later, 'XA', '2019', 'overall')).toBe(81.25);
    expect(at(later, 'XB', '2019', 'law_date')).toBe(100);
    expect(later.counts).toEqual({ read: 43, used: 33, superseded: 2, rejected: 8 });
  });

  it('empties aggregates below a coverage threshold, with the reason', () => {
    const strict = score(framework, answers, { missing: { coverage: 0.6 } });
    const node = strict.nodes.find((n) => n.id === 'residency@practice');
    const r = strict.rows.unit.findIndex((u) => strict.units[u] === 'XC');
    expect(node?.score[r]).toBeNull();
    expect(node?.reason[r]).toBe('coverage');
    expect(at(strict, 'XC', '2019', 'overall')).toBeNull();
  });

  it('applies the zero policy for missing answers, and fails under "fail"', () => {
    const zero = score(framework, answers, { missing: { noData: 'zero' } });
    expect(at(zero, 'XB', '2019', 'residency@practice')).toBe(0);
    expect(at(zero, 'XC', '2019', 'residency@practice')).toBe(50);
    const failed = safeScore(framework, answers, { missing: { noData: 'fail' } });
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.issues[0]?.code).toBe('SCORE_NO_DATA');
  });

  it('refuses an invalid as-of date', () => {
    const r = safeScore(framework, answers, { asOf: '2020-02-30' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.code).toBe('SCORE_INVALID_AS_OF');
  });

  it('explains a score down to the answers', () => {
    const tree = explain(result, { unit: 'XA', period: '2019', node: 'residency' });
    expect(tree.score).toBe(62.5);
    const law = tree.children.find((c) => c.id === 'residency@law');
    expect(law?.share).toBe(0.5);
    expect(law?.contribution).toBe(25);
    const permit = law?.children.find((c) => c.id === 'permit');
    expect(permit?.answer).toMatchObject({ answer: '2', source: 'Aliens Act art. 12', line: 2 });
    const fee = law?.children.find((c) => c.id === 'fee');
    expect(fee?.answer).toMatchObject({ option: 'b', label: 'Reduced' });
    const text = renderExplanation(tree);
    expect(text).toContain('residency  Residency  62.5');
    expect(text).toContain('answer "b" → Reduced');
    expect(() => explain(result, { unit: 'XZ', period: '2019' })).toThrow(/SCORE_UNKNOWN_UNIT/);
  });

  it('reports a table without a matching row instead of inventing a score', () => {
    const mentoring = readAnswers([
      {
        path: 'm.csv',
        content:
          'unit,period,indicator,answer\nXA,2019,mentoring.funded,n/a\nXA,2019,mentoring.national,yes\n',
      },
    ]);
    const r = score(framework, mentoring);
    const node = r.nodes.find((n) => n.id === 'mentoring');
    expect(node?.score[0]).toBeNull();
    expect(node?.reason[0]).toBe('no-match');
    expect(r.issues.map((i) => i.code)).toContain('SCORE_TABLE_NO_MATCH');
  });

  it('names what explain cannot find', () => {
    const codes = (q: { unit: string; period: string; node?: string }) => {
      const r = safeExplain(result, q);
      return r.ok ? [] : r.issues.map((i) => i.code);
    };
    expect(codes({ unit: 'XA', period: '2019', node: 'residence' })).toEqual([
      'SCORE_UNKNOWN_NODE',
    ]);
    expect(codes({ unit: 'XA', period: '2017' })).toEqual(['SCORE_PERIOD_NOT_SCORED']);
    expect(codes({ unit: 'XC', period: '2021' })).toEqual(['SCORE_NO_ROW']);
  });
});
