/**
 * The state of an interactive report's view, and its form in the URL's hash, so that a view
 * (weights, period, what-if, comparison) can be shared as a link. Pure.
 */

/**
 * What the reader changed: the period shown, weight overrides by node id, one what-if answer
 * and a pair of units compared side by side.
 *
 * @example
 * ```ts
 * const state: ViewState = { period: '2021', weights: { housing: 0 }, whatIf: null, compare: ['XA', 'XB'] };
 * ```
 */
export interface ViewState {
  period: string | null;
  weights: Record<string, number>;
  whatIf: { unit: string; indicator: string; answer: string } | null;
  compare: [string, string] | null;
}

/**
 * The empty state: the report as written.
 *
 * @example
 * ```ts
 * emptyState(); //=> { period: null, weights: {}, whatIf: null, compare: null }
 * ```
 */
export function emptyState(): ViewState {
  return { period: null, weights: {}, whatIf: null, compare: null };
}

/**
 * Writes a state as a URL hash (`#p=2021&w=housing:0,legal:2&wi=XA~ind~b&c=XA~XB`), or `''`
 * for the empty state. Ids and answers are percent-encoded.
 *
 * @example
 * ```ts
 * encodeState({ period: '2021', weights: { housing: 0 }, whatIf: null, compare: null }); //=> '#p=2021&w=housing%3A0'
 * ```
 */
export function encodeState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.period !== null) params.set('p', state.period);
  const w = Object.entries(state.weights).map(([id, v]) => `${id}:${v}`);
  if (w.length > 0) params.set('w', w.join(','));
  if (state.whatIf)
    params.set('wi', [state.whatIf.unit, state.whatIf.indicator, state.whatIf.answer].join('~'));
  if (state.compare) params.set('c', state.compare.join('~'));
  const text = params.toString();
  return text === '' ? '' : `#${text}`;
}

/**
 * Reads a URL hash back into a state. Parts that do not parse are left out, so an edited or
 * stale link still opens the report.
 *
 * @example
 * ```ts
 * decodeState('#p=2021&w=housing:0').weights; //=> { housing: 0 }
 * decodeState('#w=housing:x').weights;        //=> {}
 * ```
 */
export function decodeState(hash: string): ViewState {
  const state = emptyState();
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const p = params.get('p');
  if (p) state.period = p;
  for (const pair of (params.get('w') ?? '').split(',')) {
    const at = pair.lastIndexOf(':');
    if (at <= 0) continue;
    const v = Number(pair.slice(at + 1));
    if (pair.slice(at + 1) !== '' && Number.isFinite(v) && v >= 0)
      state.weights[pair.slice(0, at)] = v;
  }
  const wi = (params.get('wi') ?? '').split('~');
  if (wi.length === 3 && wi.every((s) => s !== '')) {
    state.whatIf = { unit: wi[0] as string, indicator: wi[1] as string, answer: wi[2] as string };
  }
  const c = (params.get('c') ?? '').split('~');
  if (c.length === 2 && c.every((s) => s !== '')) state.compare = [c[0] as string, c[1] as string];
  return state;
}
