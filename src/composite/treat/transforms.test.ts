import { describe, expect, it } from 'vitest';
import { applyTransform, boxcox } from './transforms.js';
import { treatVector } from './treat.js';

const close = (a: ArrayLike<number>, b: readonly number[]) =>
  expect(Array.from(a)).toEqual(
    b.map((v) => (Number.isNaN(v) ? Number.NaN : expect.closeTo(v, 12))),
  );
const base = { method: 'default', winmax: 5, skewThreshold: 2, kurtosisThreshold: 3.5 } as const;
const skewed = Float64Array.from([...Array.from({ length: 20 }, (_, i) => i + 1), 1000, 2000]);

describe("COINr's transforms (R/treat.R)", () => {
  it('boxcox: shift to x - min + 1, then (x^l - 1) / l, or log for l = 0', () => {
    close(boxcox(Float64Array.of(0, 1, 3), 2), [0, 1.5, 7.5]);
    close(boxcox(Float64Array.of(0, 1, 3), 0), [0, Math.log(2), Math.log(4)]);
    close(boxcox(Float64Array.of(1, 4, 9), 0.5, false), [0, 2, 4]);
    close(boxcox(Float64Array.of(0, Number.NaN, 3), 1), [0, Number.NaN, 3]);
  });

  it('log-ct, log-ct-orig, log-gii by hand', () => {
    const x = Float64Array.of(2, 4, 12);
    close(applyTransform('log-ct', x), [Math.log(0.1), Math.log(2.1), Math.log(10.1)]);
    close(applyTransform('log-ct-orig', x), [0, Math.log(3), Math.log(11)]);
    // (max - 1)(x - min) / (max - min) + 1 = 11 (x - 2) / 10 + 1
    close(applyTransform('log-gii', x), [0, Math.log(3.2), Math.log(12)]);
  });

  it('log-ct-plus mirrors the log for negative skew', () => {
    const neg = Float64Array.of(0, 9, 10, 10);
    // max 10, a = 0.1: -log(10.1 - x)
    close(applyTransform('log-ct-plus', neg), [
      -Math.log(10.1),
      -Math.log(1.1),
      -Math.log(0.1),
      -Math.log(0.1),
    ]);
    close(
      applyTransform('log-ct-plus', Float64Array.of(0, 1, 10, 0)),
      Array.from(applyTransform('log-ct', Float64Array.of(0, 1, 10, 0))),
    );
  });

  it('treat method boxcox transforms only failing indicators unless when: always', () => {
    const t = treatVector(skewed, { ...base, method: 'boxcox', lambda: 0 });
    expect(t.action).toBe('transformed');
    expect(t.transform).toBe('boxcox');
    expect(t.x[0]).toBeCloseTo(0, 12);
    expect(Math.abs(t.skewAfter)).toBeLessThan(Math.abs(t.skew));
    const calm = Float64Array.of(1, 2, 3, 4, 5, 6);
    expect(treatVector(calm, { ...base, method: 'boxcox', lambda: 2 }).action).toBe('none');
    expect(treatVector(calm, { ...base, method: 'boxcox', lambda: 2, when: 'always' }).action).toBe(
      'transformed',
    );
  });

  it('the default treatment falls back to the transform chosen', () => {
    const d = treatVector(skewed, { ...base, winmax: 1 });
    expect(d.action).toBe('log');
    const f = treatVector(skewed, { ...base, winmax: 1, fallback: 'log-ct-orig' });
    expect(f.action).toBe('transformed');
    expect(f.transform).toBe('log-ct-orig');
    close(
      f.x,
      Array.from(skewed, (v) => Math.log(v - 1 + 1)),
    );
  });
});
