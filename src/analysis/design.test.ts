import { describe, expect, it } from 'vitest';
import { designRow, runCount } from './design.js';

describe('designs', () => {
  it('counts runs as COINr does', () => {
    expect(runCount('uncertainty', 100, 4)).toBe(100);
    expect(runCount('saltelli', 100, 4)).toBe(600);
  });

  it('builds AB_j from A with column j from B', () => {
    const N = 5;
    const d = 3;
    for (let i = 0; i < N; i++) {
      const a = designRow('saltelli', 9, d, N, i);
      const b = designRow('saltelli', 9, d, N, N + i);
      for (let j = 0; j < d; j++) {
        const ab = designRow('saltelli', 9, d, N, (2 + j) * N + i);
        for (let k = 0; k < d; k++) {
          expect(ab.u[k]).toBe(k === j ? b.u[k] : a.u[k]);
          expect(ab.origin[k]).toBe(k === j ? 2 * i + 1 : 2 * i);
        }
      }
      expect(a.u).not.toEqual(b.u);
    }
  });

  it('depends on the seed and the run only', () => {
    expect(designRow('uncertainty', 1, 2, 10, 3)).toEqual(designRow('uncertainty', 1, 2, 99, 3));
    expect(designRow('uncertainty', 1, 2, 10, 3).u).not.toEqual(
      designRow('uncertainty', 2, 2, 10, 3).u,
    );
  });
});
