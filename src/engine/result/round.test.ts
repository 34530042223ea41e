import { describe, expect, it } from 'vitest';
import { formatScore, roundHalfAwayFromZero } from './round.js';

describe('rounding half away from zero', () => {
  it('rounds halves away from zero', () => {
    expect(roundHalfAwayFromZero(72.45, 1)).toBe(72.5);
    expect(roundHalfAwayFromZero(-72.45, 1)).toBe(-72.5);
    expect(roundHalfAwayFromZero(2.5, 0)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5, 0)).toBe(-3);
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(78.125, 2)).toBe(78.13);
    expect(roundHalfAwayFromZero(66.66666, 1)).toBe(66.7);
  });
  it('formats with a fixed number of decimals', () => {
    expect(formatScore(50, 1)).toBe('50.0');
    expect(formatScore(-0.04, 1)).toBe('0.0');
    expect(formatScore(null)).toBe('');
  });
});
