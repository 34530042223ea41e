import { describe, expect, it } from 'vitest';
import type { Band } from '../../rules/bands/index.js';
import { frameworkSchema } from '../schema/framework.js';
import { checkRules } from './rules.js';

function withBands(bands: Band[], range?: { min?: number; max?: number }) {
  return frameworkSchema.parse({
    id: 'f',
    title: 'F',
    edition: '1',
    version: '1.0.0',
    periods: [{ id: '2020', referenceDate: '2020-12-31' }],
    dimensions: [
      {
        id: 'd',
        title: 'D',
        indicators: [
          { id: 'x', title: 'X', rule: { kind: 'bands', bands, ...(range ? { range } : {}) } },
        ],
      },
    ],
  });
}

const issues = (bands: Band[], range?: { min?: number; max?: number }) =>
  checkRules(withBands(bands, range)).map((i) => ({
    code: i.code,
    severity: i.severity,
    ...(i.params && 'gap' in i.params
      ? { gap: i.params.gap, from: i.params.from, to: i.params.to }
      : {}),
  }));

describe('bands: gaps, overlaps and bounds', () => {
  it('accepts bands that cover the range, with gte/lt and gt/lte', () => {
    expect(
      issues(
        [
          { gte: 3, score: 100 },
          { gte: 1, lt: 3, score: 50 },
          { lt: 1, score: 0 },
        ],
        { min: 0, max: 20 },
      ),
    ).toEqual([]);
    expect(
      issues(
        [
          { gt: 3, score: 100 },
          { gt: 1, lte: 3, score: 50 },
          { lte: 1, score: 0 },
        ],
        { min: 0, max: 20 },
      ),
    ).toEqual([]);
    expect(
      issues(
        [
          { gte: 0, lt: 10, score: 0 },
          { gte: 10, lte: 20, score: 100 },
        ],
        { min: 0, max: 20 },
      ),
    ).toEqual([]);
  });

  it('a gap inside the range is an error naming its bounds', () => {
    expect(
      issues(
        [
          { gte: 5, score: 100 },
          { lt: 2, score: 0 },
        ],
        { min: 0, max: 20 },
      ),
    ).toEqual([{ code: 'RULE_BANDS_GAP', severity: 'error', gap: '[2, 5)', from: 2, to: 5 }]);
    // A single value left out between "less than 3" and "more than 3".
    expect(
      issues(
        [
          { lt: 3, score: 0 },
          { gt: 3, score: 100 },
        ],
        { min: 0, max: 10 },
      ),
    ).toEqual([{ code: 'RULE_BANDS_GAP', severity: 'error', gap: '[3, 3]', from: 3, to: 3 }]);
    // Bands that stop short of the range's ends.
    expect(issues([{ gte: 1, lt: 5, score: 0 }], { min: 0, max: 10 })).toEqual([
      { code: 'RULE_BANDS_GAP', severity: 'error', gap: '[0, 1)', from: 0, to: 1 },
      { code: 'RULE_BANDS_GAP', severity: 'error', gap: '[5, 10]', from: 5, to: 10 },
    ]);
  });

  it('without a range, a gap between bands is a warning; the open ends are not gaps', () => {
    expect(
      issues([
        { gte: 5, score: 100 },
        { gte: 0, lt: 2, score: 0 },
      ]),
    ).toEqual([{ code: 'RULE_BANDS_GAP', severity: 'warning', gap: '[2, 5)', from: 2, to: 5 }]);
    expect(
      issues([
        { gte: 0, lt: 2, score: 0 },
        { gte: 2, lt: 5, score: 100 },
      ]),
    ).toEqual([]);
  });

  it('overlaps, empty bands and doubled bounds', () => {
    expect(
      issues([
        { gte: 0, lte: 3, score: 0 },
        { gte: 3, score: 100 },
      ]),
    ).toEqual([{ code: 'RULE_BANDS_OVERLAP', severity: 'error' }]);
    expect(issues([{ gt: 3, lt: 3, score: 0 }])).toEqual([
      { code: 'RULE_EMPTY_RANGE', severity: 'error' },
    ]);
    expect(issues([{ gte: 3, lte: 3, score: 0 }])).toEqual([]);
    expect(issues([{ gte: 1, gt: 1, score: 0 }]).map((i) => i.code)).toEqual([
      'RULE_BAND_DOUBLE_BOUND',
    ]);
  });
});
