import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableView, tinyView } from '../../../test/support/report-view.js';
import { IntegrationIndexError } from '../../errors/issue.js';
import { changeDirection, compare, defaultTolerance } from './index.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof IntegrationIndexError) return e.issues[0]?.code;
    throw e;
  }
  return undefined;
}

describe('compare', () => {
  const view = tinyView();
  const c = compare(view, { from: '2019', to: '2021' });
  const find = (unit: string, node: string) =>
    c.changes.find((x) => x.unit === unit && x.node === node);

  it('tells which dimensions improved, held or declined for a unit', () => {
    expect(find('XA', 'res')).toMatchObject({
      from: 50,
      to: 100,
      change: 50,
      direction: 'improved',
    });
    expect(find('XA', 'fam')).toMatchObject({ change: 0, direction: 'held' });
    expect(find('XB', 'fam')).toMatchObject({ change: -50, direction: 'declined' });
  });
  it('reports ranks and places moved', () => {
    expect(find('XA', 'overall')).toMatchObject({ fromRank: 2, toRank: 1, rankChange: 1 });
    expect(find('XB', 'overall')).toMatchObject({ fromRank: 1, toRank: 2, rankChange: -1 });
  });
  it('lists the answers that changed behind each move, with the new evidence', () => {
    expect(find('XA', 'res')?.answers).toEqual([
      {
        indicator: 'r2',
        from: 'c',
        to: 'a',
        fromScore: 0,
        toScore: 100,
        source: 'Integration Act 2020, § 4',
        comment: 'New programme <2020>',
      },
    ]);
    expect(find('XA', 'policy')?.answers.map((a) => a.indicator)).toEqual(['r2']);
    expect(find('XA', 'legal')?.answers).toEqual([]);
    expect(find('XB', 'fam')?.answers.map((a) => a.indicator)).toEqual(['f1', 'f2']);
    expect(find('XB', 'overall')?.answers.map((a) => a.indicator)).toEqual(['f1', 'f2']);
  });
  it('uses half of the last displayed decimal as the default tolerance', () => {
    expect(c.tolerance).toBe(0.05);
    expect(defaultTolerance(2)).toBeCloseTo(0.005);
    expect(changeDirection(0.05, 0.05)).toBe('held');
    expect(changeDirection(0.051, 0.05)).toBe('improved');
  });
  it('reports coded errors for periods and units it does not have', () => {
    expect(codeOf(() => compare(view, { from: '2017', to: '2021' }))).toBe('REPORT_UNKNOWN_PERIOD');
    expect(codeOf(() => compare(view, { from: '2021', to: '2021' }))).toBe('COMPARE_SAME_PERIOD');
    expect(codeOf(() => compare(view, { from: '2019', to: '2021', tolerance: -1 }))).toBe(
      'COMPARE_NEGATIVE_TOLERANCE',
    );
    expect(codeOf(() => compare(view, { from: '2019', to: '2021', units: ['ZZ'] }))).toBe(
      'REPORT_UNKNOWN_UNIT',
    );
  });
  it('leaves the direction unknown when a score is missing', () => {
    const gap = tableView({
      units: ['XA'],
      periods: ['1', '2'],
      scores: { '1': { XA: { overall: null } }, '2': { XA: { overall: 40 } } },
    });
    const only = compare(gap, { from: '1', to: '2', kinds: ['overall'] }).changes;
    expect(only).toEqual([
      expect.objectContaining({ node: 'overall', change: null, direction: null, rankChange: null }),
    ]);
  });
  it('flips every direction when the periods are swapped (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }), {
          minLength: 2,
          maxLength: 2,
        }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        ([a, b], tolerance) => {
          const v = tableView({
            units: ['XA'],
            periods: ['1', '2'],
            scores: { '1': { XA: { overall: a ?? null } }, '2': { XA: { overall: b ?? null } } },
          });
          const fwd = compare(v, { from: '1', to: '2', tolerance, kinds: ['overall'] }).changes[0];
          const back = compare(v, { from: '2', to: '1', tolerance, kinds: ['overall'] }).changes[0];
          const flip = { improved: 'declined', declined: 'improved', held: 'held' } as const;
          return fwd?.direction === null
            ? back?.direction === null
            : back?.direction === flip[fwd?.direction ?? 'held'];
        },
      ),
    );
  });
  it('does not modify the view', () => {
    const frozen = tinyView();
    Object.freeze(frozen.nodes);
    for (const node of frozen.nodes) Object.freeze(node);
    expect(() => compare(frozen, { from: '2019', to: '2021' })).not.toThrow();
  });
});
