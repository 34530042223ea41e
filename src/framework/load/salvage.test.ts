import { describe, expect, it } from 'vitest';
import { dimensionFileSchema, frameworkFileSchema } from '../schema/framework.js';
import { salvage } from './salvage.js';

const good = { id: 'b', title: 'B', rule: { kind: 'boolean' } };

describe('salvage', () => {
  it('returns valid data unchanged, with identity paths', () => {
    const s = salvage(dimensionFileSchema, { id: 'd', title: 'D', indicators: [good] });
    expect(s?.pruned).toBe(false);
    expect(s?.toOriginal(['indicators', 0, 'id'])).toEqual(['indicators', 0, 'id']);
  });

  it('cuts invalid list elements and maps paths back to the original indices', () => {
    const data = {
      id: 'd',
      title: 'D',
      indicators: [
        { id: 'a', title: 'A', rule: { kind: 'chioce' } },
        good,
        { id: 'c' },
        { ...good, id: 'e' },
      ],
    };
    const s = salvage(dimensionFileSchema, data);
    expect(s?.value.indicators?.map((i) => i.id)).toEqual(['b', 'e']);
    expect(s?.toOriginal(['indicators', 1, 'rule'])).toEqual(['indicators', 3, 'rule']);
    expect(s?.removedIds).toEqual(new Set(['a', 'c']));
    expect(s?.pruned).toBe(true);
    expect(data.indicators).toHaveLength(4);
  });

  it('drops unknown keys and invalid optional values, so defaults apply', () => {
    const s = salvage(dimensionFileSchema, {
      id: 'd',
      title: 'D',
      weight: 0,
      colour: 'red',
      indicators: [good],
    });
    expect(s?.value.weight).toBe(1);
    expect('colour' in (s?.value ?? {})).toBe(false);
  });

  it('takes the element that holds an emptied list with it', () => {
    const bands = { id: 'x', title: 'X', rule: { kind: 'bands', bands: [{ score: 'high' }] } };
    const s = salvage(dimensionFileSchema, { id: 'd', title: 'D', indicators: [bands, good] });
    expect(s?.value.indicators?.map((i) => i.id)).toEqual(['b']);
    expect(s?.removedIds.has('x')).toBe(true);
  });

  it('puts placeholders in top-level texts no check reads, and gives up on an invalid id', () => {
    const base = {
      id: 'f',
      title: 'F',
      version: '1.0.0',
      periods: [{ id: 'p', referenceDate: '2020-01-01' }],
    };
    expect(salvage(frameworkFileSchema, { ...base, edition: 2020 })?.value.edition).toBe('-');
    expect(
      salvage(frameworkFileSchema, { ...base, edition: '1', id: 'not an id' }),
    ).toBeUndefined();
    expect(
      salvage(frameworkFileSchema, { ...base, edition: '1', periods: [{ id: 'p' }] }),
    ).toBeUndefined();
  });
});
