import { describe, expect, it } from 'vitest';
import type { AnswerRow, AnswerSet } from '../../answers/types.js';
import { createIssue } from '../../errors/issue.js';
import { frameworkSchema } from '../../framework/schema/framework.js';
import { compileFramework, type Plan } from '../compile/index.js';
import { prepareAnswers } from './index.js';

const framework = frameworkSchema.parse({
  id: 't',
  title: 'T',
  edition: '1',
  version: '1.0.0',
  periods: [
    { id: '2019', referenceDate: '2019-04-30' },
    { id: '2021', referenceDate: '2021-03-31' },
  ],
  dimensions: [
    {
      id: 'd',
      title: 'D',
      indicators: [
        {
          id: 'permit',
          aliases: ['p1'],
          title: 'P',
          rule: { kind: 'bands', bands: [{ score: 100 }] },
        },
        { id: 'fee', title: 'F', rule: { kind: 'boolean' } },
      ],
    },
  ],
});
const compiled = compileFramework(framework);
if (!compiled.ok) throw new Error('fixture does not compile');
const plan: Plan = compiled.value;

type RowInput = Omit<AnswerRow, 'origin' | 'unit' | 'period'> & { unit?: string; period?: string };
function set(rows: RowInput[], extra: Partial<AnswerSet> = {}): AnswerSet {
  const full = rows.map((r, i) => ({
    unit: 'XA',
    period: '2019',
    ...r,
    origin: { file: 'a.csv', row: i + 1, line: i + 2, columns: { answer: 4, indicator: 3 } },
  }));
  return {
    rows: full,
    rejected: [],
    read: full.length,
    errors: [],
    warnings: [],
    files: ['a.csv'],
    ...extra,
  };
}
function prepared(s: AnswerSet, asOf?: string) {
  const r = prepareAnswers(plan, s, { asOf });
  if (!r.ok) throw new Error(r.issues[0]?.message);
  return r.value;
}
const slot = (id: string) => plan.answerIndex.get(id) as number;
const valueAt = (p: ReturnType<typeof prepared>, id: string, row = 0) =>
  p.values[slot(id) * p.rowUnit.length + row];

describe('prepareAnswers: supersession and accounting', () => {
  const history = set([
    { indicator: 'permit', answer: '1', validFrom: '2010-01-01' },
    { indicator: 'permit', answer: '3', validFrom: '2018-01-01' },
    { indicator: 'permit', answer: '5', validFrom: '2020-01-01' },
    { indicator: 'fee', answer: 'yes', validTo: '2018-12-31' },
  ]);

  it('uses the answer in force with the latest valid_from; the others are superseded', () => {
    const p = prepared(history);
    expect(valueAt(p, 'permit')).toBe(3);
    expect(valueAt(p, 'fee')).toBeNaN(); // expired before the reference date
    expect(p.counts).toEqual({ read: 4, used: 1, superseded: 3, rejected: 0 });
  });

  it('follows the as-of date', () => {
    expect(valueAt(prepared(history, '2020-06-01'), 'permit')).toBe(5);
    expect(valueAt(prepared(history, '2015-06-01'), 'permit')).toBe(1);
    expect(valueAt(prepared(history, '2018-06-01'), 'fee')).toBe(1);
  });

  it('settles ties: identical answers warn, conflicting ones are all rejected', () => {
    const same = prepared(
      set([
        { indicator: 'fee', answer: 'yes' },
        { indicator: 'fee', answer: 'TRUE' },
      ]),
    );
    expect(valueAt(same, 'fee')).toBe(1);
    expect(same.counts).toEqual({ read: 2, used: 1, superseded: 1, rejected: 0 });
    expect(same.issues.map((i) => [i.code, i.severity, i.line])).toEqual([
      ['SCORE_DUPLICATE_ANSWER', 'warning', 3],
    ]);
    const conflict = prepared(
      set([
        { indicator: 'fee', answer: 'yes' },
        { indicator: 'p1', answer: '2' },
        { indicator: 'fee', answer: 'no' },
      ]),
    );
    expect(valueAt(conflict, 'fee')).toBeNaN();
    expect(conflict.counts).toEqual({ read: 3, used: 1, superseded: 0, rejected: 2 });
    expect(conflict.issues.map((i) => i.code)).toEqual([
      'SCORE_CONFLICTING_ANSWERS',
      'SCORE_CONFLICTING_ANSWERS',
    ]);
  });

  it('a later answer beats a tie of earlier ones', () => {
    const p = prepared(
      set([
        { indicator: 'fee', answer: 'yes', validFrom: '2010-01-01' },
        { indicator: 'fee', answer: 'no', validFrom: '2010-01-01' },
        { indicator: 'fee', answer: 'no', validFrom: '2015-01-01' },
      ]),
    );
    expect(valueAt(p, 'fee')).toBe(0);
    expect(p.counts).toEqual({ read: 3, used: 1, superseded: 2, rejected: 0 });
  });

  it('carries the reader’s rejections and file errors into the counts and issues', () => {
    const rejected = {
      origin: { file: 'a.csv', row: 9, line: 10, columns: {} },
      issue: createIssue('FILE_EMPTY', {}, { file: 'a.csv' }),
    };
    const p = prepared(
      set([{ indicator: 'fee', answer: 'no' }], { rejected: [rejected], read: 2 }),
    );
    expect(p.counts).toEqual({ read: 2, used: 1, superseded: 0, rejected: 1 });
    expect(p.issues.map((i) => i.code)).toContain('FILE_EMPTY');
  });

  it('keeps a unit whose answers were all rejected, with no data', () => {
    const p = prepared(set([{ unit: 'XB', indicator: 'fee', answer: 'maybe' }]));
    expect(p.units).toEqual(['XB']);
    expect(p.counts.rejected).toBe(1);
    expect(valueAt(p, 'fee')).toBeNaN();
  });

  it('accepts aliases and ids in any case', () => {
    const p = prepared(
      set([
        { indicator: 'P1', answer: '4' },
        { indicator: 'FEE', answer: 'n/a' },
      ]),
    );
    expect(valueAt(p, 'permit')).toBe(4);
    expect(valueAt(p, 'fee')).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('prepareAnswers: several experts and review states', () => {
  it('experts who give the same score agree, whatever the answer; without experts it stays a conflict', () => {
    // Every permit duration scores 100 under the single band.
    const agree = prepared(
      set([
        { indicator: 'permit', answer: '3', expert: 'a' },
        { indicator: 'permit', answer: '5', expert: 'b' },
      ]),
    );
    expect(valueAt(agree, 'permit')).toBe(3);
    expect(agree.counts).toEqual({ read: 2, used: 1, superseded: 1, rejected: 0 });
    expect(agree.issues).toEqual([]);
    expect(agree.disagreements).toEqual([]);
    const anonymous = prepared(
      set([
        { indicator: 'permit', answer: '3' },
        { indicator: 'permit', answer: '5' },
      ]),
    );
    expect(anonymous.counts.rejected).toBe(2);
  });

  it('a final answer settles a disagreement; two final answers that differ do not', () => {
    const settled = prepared(
      set([
        { indicator: 'fee', answer: 'yes', expert: 'a' },
        { indicator: 'fee', answer: 'no', expert: 'b', status: 'final', reviewer: 'c' },
      ]),
    );
    expect(valueAt(settled, 'fee')).toBe(0);
    expect(settled.counts).toEqual({ read: 2, used: 1, superseded: 1, rejected: 0 });
    expect(settled.disagreements.map((d) => [d.members, d.scores, d.settledBy])).toEqual([
      [[0, 1], [100, 0], 1],
    ]);
    const open = prepared(
      set([
        { indicator: 'fee', answer: 'yes', expert: 'a', status: 'final' },
        { indicator: 'fee', answer: 'no', expert: 'b', status: 'final' },
      ]),
    );
    expect(valueAt(open, 'fee')).toBeNaN();
    expect(open.issues.map((i) => [i.code, i.params?.experts, i.params?.question])).toEqual([
      ['SCORE_CONFLICTING_ANSWERS', ['a', 'b'], 'fee'],
      ['SCORE_CONFLICTING_ANSWERS', ['a', 'b'], 'fee'],
    ]);
    expect(open.disagreements[0]?.settledBy).toBe(-1);
  });

  it('status leaves out answers below a review state (no status counts as submitted)', () => {
    const answers = set([
      { indicator: 'fee', answer: 'yes', status: 'draft' },
      { indicator: 'permit', answer: '3' },
      { unit: 'XB', indicator: 'fee', answer: 'no', status: 'reviewed' },
    ]);
    const r = prepareAnswers(plan, answers, { status: 'submitted' });
    if (!r.ok) throw new Error('not ok');
    expect(r.value.counts).toEqual({ read: 3, used: 2, superseded: 1, rejected: 0 });
    expect(r.value.belowStatus).toBe(1);
    expect(r.value.issues.map((i) => [i.code, i.params])).toEqual([
      ['SCORE_STATUS_EXCLUDED', { count: 1, status: 'submitted' }],
    ]);
    const reviewed = prepareAnswers(plan, answers, { status: 'reviewed' });
    expect(reviewed.ok && reviewed.value.belowStatus).toBe(2);
    const bad = prepareAnswers(plan, answers, { status: 'approved' as never });
    expect(bad.ok ? [] : bad.issues.map((i) => i.code)).toEqual(['SCORE_INVALID_STATUS']);
  });
});
