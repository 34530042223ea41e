import { describe, expect, it } from 'vitest';
import { UsageError } from './command.js';
import { weightsFromArgs } from './weights.js';

describe('weightsFromArgs', () => {
  it('collects repeated, inline and comma-separated overrides, a later one winning', () => {
    expect(
      weightsFromArgs([
        'x.csv',
        '--weight',
        'housing=2',
        '--weight=health=0',
        '--weight',
        'employment=0.5,housing=3',
      ]),
    ).toEqual({ housing: 3, health: 0, employment: 0.5 });
  });

  it('is undefined without --weight and stops at --', () => {
    expect(weightsFromArgs(['score', 'a.csv'])).toBeUndefined();
    expect(weightsFromArgs(['--', '--weight', 'a=1'])).toBeUndefined();
  });

  it.each([
    ['housing'],
    ['housing='],
    ['housing=two'],
    ['housing=-1'],
    ['=2'],
    ['housing=Infinity'],
  ])('refuses %s as a usage error', (value) => {
    expect(() => weightsFromArgs(['--weight', value])).toThrow(UsageError);
  });

  it('refuses a --weight without a value', () => {
    expect(() => weightsFromArgs(['--weight'])).toThrow(UsageError);
    expect(() => weightsFromArgs(['--weight', '--format', 'csv'])).toThrow(UsageError);
  });
});
