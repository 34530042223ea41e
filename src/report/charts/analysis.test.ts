import { describe, expect, it } from 'vitest';
import { sensitivitySvg, sunburstSvg, uncertaintySvg } from './analysis.js';

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('analysis charts (COINr plot_uncertainty, plot_sensitivity, plot_framework)', () => {
  it('uncertainty: one row per unit with a rank, ordered by median rank, interval, median and nominal marks', () => {
    const svg = uncertaintySvg([
      { unit: 'B<&>', nominal: 2, median: 2, q5: 1, q95: 3 },
      { unit: 'A', nominal: 1, median: 1, q5: 1, q95: 2 },
      { unit: 'C', nominal: null, median: null, q5: null, q95: null },
    ]);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(count(svg, /class="unit"/g)).toBe(2);
    expect(count(svg, /class="interval"/g)).toBe(2);
    expect(count(svg, /class="nominal"/g)).toBe(2);
    expect(svg.indexOf('data-unit="A"')).toBeLessThan(svg.indexOf('data-unit="B&lt;&amp;&gt;"'));
    expect(svg).not.toContain('B<&>');
  });

  it('sensitivity: a first- and a total-order bar per assumption, whiskers where intervals exist', () => {
    const svg = sensitivitySvg([
      {
        assumption: 'Weights',
        first: 0.3,
        total: 0.5,
        firstInterval: [0.2, 0.4],
        totalInterval: [0.4, 0.6],
      },
      { assumption: 'Winmax', first: 0.01, total: 0.02 },
    ]);
    expect(count(svg, /class="bar-first"/g)).toBe(2);
    expect(count(svg, /class="bar-total"/g)).toBe(2);
    expect(count(svg, /class="whisker"/g)).toBe(2);
    expect(svg).toContain('Weights, total order: 0.500 (5-95%: 0.400 to 0.600)');
  });

  it('sunburst: one arc per node, angles by share (two halves end at the bottom)', () => {
    const svg = sunburstSvg([
      { id: 'I', label: 'I', share: 1 },
      { id: 'A', label: 'A', parent: 'I', share: 0.5 },
      { id: 'B', label: 'B', parent: 'I', share: 0.5 },
      { id: 'a1', label: 'a1', parent: 'A', share: 0.5 },
    ]);
    expect(count(svg, /class="node"/g)).toBe(4);
    // A spans 0 to pi: its outer arc ends straight below the centre (230, 230 + 2 * ring).
    const size = 460;
    const ring = (size / 2 - 10) / 3;
    const a = /data-node="A"><path d="M([\d.]+) ([\d.]+)A[\d. ]+ 0 0 1 ([\d.]+) ([\d.]+)/.exec(svg);
    expect(Number(a?.[3])).toBeCloseTo(230, 1);
    expect(Number(a?.[4])).toBeCloseTo(230 + 2 * ring, 1);
    expect(svg).toContain('a1: 50.0 % of the index');
  });
});
