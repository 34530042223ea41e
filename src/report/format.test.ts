import { describe, expect, it } from 'vitest';
import { formatChange, formatScore } from './format.js';

describe('formatScore', () => {
  it('rounds half away from zero', () => {
    expect(formatScore(62.25, 1)).toBe('62.3');
    expect(formatScore(-62.25, 1)).toBe('-62.3');
    expect(formatScore(1.005, 2)).toBe('1.01');
    expect(formatScore(0.5, 0)).toBe('1');
    expect(formatScore(-0.5, 0)).toBe('-1');
  });
  it('never prints negative zero and leaves missing values empty', () => {
    expect(formatScore(-0.04, 1)).toBe('0.0');
    expect(formatScore(null, 1)).toBe('');
    expect(formatScore(Number.NaN, 1)).toBe('');
  });
});

describe('formatChange', () => {
  it('signs changes and prints a change that rounds to zero as zero', () => {
    expect(formatChange(12.345, 1)).toBe('+12.3');
    expect(formatChange(-3, 1)).toBe('−3.0');
    expect(formatChange(0.01, 1)).toBe('0.0');
    expect(formatChange(-0.04, 1)).toBe('0.0');
  });
});
