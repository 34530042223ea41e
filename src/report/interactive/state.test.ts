import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeState, emptyState, encodeState, type ViewState } from './state.js';

describe('view state in the URL hash', () => {
  it('is empty for the report as written', () => {
    expect(encodeState(emptyState())).toBe('');
    expect(decodeState('')).toEqual(emptyState());
  });

  it('round-trips every part, with ids and answers that need encoding', () => {
    const state: ViewState = {
      period: '2021',
      weights: { housing: 0, 'legal-integration': 2.5 },
      whatIf: { unit: 'XA', indicator: 'res_lf.first', answer: 'n/a' },
      compare: ['XA', 'Стара Загора'],
    };
    expect(decodeState(encodeState(state))).toEqual(state);
  });

  it('leaves out what does not parse', () => {
    const s = decodeState('#w=housing:x,health:-1,:2,legal:3&wi=XA~b&c=XA');
    expect(s.weights).toEqual({ legal: 3 });
    expect(s.whatIf).toBeNull();
    expect(s.compare).toBeNull();
  });

  it('round-trips arbitrary weights and periods (property)', () => {
    const id = fc.stringMatching(/^[a-z][a-z0-9_.-]{0,12}$/);
    fc.assert(
      fc.property(
        fc.option(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,8}$/), { nil: null }),
        fc.dictionary(
          id,
          fc.integer({ min: 0, max: 10 }).map((n) => n / 2),
        ),
        (period, weights) => {
          const state: ViewState = { ...emptyState(), period, weights };
          expect(decodeState(encodeState(state))).toEqual(state);
        },
      ),
    );
  });
});
