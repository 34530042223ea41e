import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barsSvg } from './bars.js';
import { heatmapSvg } from './heatmap.js';
import { radarPoint, radarSvg } from './radar.js';
import { coord, fitLabel, fraction, inkOn, sequentialColor, wrapLabel } from './svg.js';

const count = (svg: string, pattern: RegExp) => (svg.match(pattern) ?? []).length;
/** Tags left open or closed out of order; empty for well-nested markup. */
function unbalanced(markup: string): string[] {
  const stack: string[] = [];
  const wrong: string[] = [];
  for (const m of markup.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, close, name = '', self] = m;
    if (self) continue;
    if (!close) stack.push(name);
    else if (stack.pop() !== name) wrong.push(name);
  }
  return [...wrong, ...stack];
}
const scale = { min: 0, max: 100 };
const format = (v: number) => v.toFixed(1);

describe('svg helpers', () => {
  it('formats coordinates compactly without negative zero', () => {
    expect(coord(12.3456)).toBe('12.35');
    expect(coord(-0.001)).toBe('0');
    expect(coord(3)).toBe('3');
  });
  it('fits labels by code point', () => {
    expect(fitLabel('Family unity and reunification', 12)).toBe('Family unit…');
    expect(fitLabel('short', 12)).toBe('short');
    expect(fitLabel('😀😀😀😀', 3)).toBe('😀😀…');
  });

  it('wraps labels at spaces without losing a character', () => {
    expect(wrapLabel('Family unity and reunification', 14)).toEqual([
      'Family unity',
      'and',
      'reunification',
    ]);
    expect(wrapLabel('Интеграция на пазара на труда', 16)).toEqual([
      'Интеграция на',
      'пазара на труда',
    ]);
    expect(wrapLabel('Antidiscrimination', 8)).toEqual(['Antidisc', 'riminati', 'on']);
    expect(wrapLabel('and employment-related education', 16)).toEqual([
      'and employment-',
      'related',
      'education',
    ]);
    expect(wrapLabel('short', 16)).toEqual(['short']);
  });
  it('clamps fractions to the scale', () => {
    expect(fraction(50, scale)).toBe(0.5);
    expect(fraction(150, scale)).toBe(1);
    expect(fraction(-5, scale)).toBe(0);
  });
  it('runs the colour scale from light to dark with readable ink', () => {
    expect(sequentialColor(0)).toBe('#ffffd9');
    expect(sequentialColor(1)).toBe('#081d58');
    expect(inkOn(sequentialColor(0))).toBe('#111111');
    expect(inkOn(sequentialColor(1))).toBe('#ffffff');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (t) =>
        /^#[0-9a-f]{6}$/.test(sequentialColor(t)),
      ),
    );
  });
});

describe('heatmapSvg', () => {
  const rows = [
    { id: 'XA', label: 'Xanadu <north>' },
    { id: 'XB', label: 'עברית' },
  ];
  const columns = [
    { id: 'res', label: 'Residency' },
    { id: 'fam', label: 'Family "unity"' },
    { id: 'nat', label: 'Nationality' },
  ];
  const svg = heatmapSvg({
    id: 'hm',
    title: 'Scores & more',
    description: 'Units by dimension.',
    rows,
    columns,
    values: [
      [10, 50, null],
      [100, 0, 75],
    ],
    scale,
    format,
    missingLabel: 'no score',
  });

  it('draws one cell per row and column, missing ones included', () => {
    expect(count(svg, /<rect class="heatmap-cell/g)).toBe(6);
    expect(count(svg, /<rect class="heatmap-cell missing"/g)).toBe(1);
  });
  it('colours cells by value on the scale', () => {
    expect(svg).toContain('data-row="XB" data-column="res" data-value="100"');
    expect(svg).toMatch(/fill="#081d58"[^>]*data-row="XB" data-column="res"/);
  });
  it('is accessible and escapes every text', () => {
    expect(svg).toContain('<title id="hm-title">Scores &amp; more</title>');
    expect(svg).toContain('<desc id="hm-desc">');
    expect(svg).toContain('Xanadu &lt;north&gt;');
    expect(svg).toContain('Family &quot;unity&quot;');
    expect(svg).toContain('עברית');
    expect(svg).not.toContain('<north>');
  });
  it('parses as XML with balanced tags', () => {
    expect(unbalanced(svg)).toEqual([]);
  });
});

describe('radarSvg', () => {
  it('puts axis 0 at the top and goes clockwise', () => {
    const top = radarPoint(0, 4, 1, 100);
    expect(top.x).toBeCloseTo(0);
    expect(top.y).toBeCloseTo(-100);
    const right = radarPoint(1, 4, 0.5, 100);
    expect(right.x).toBeCloseTo(50);
    expect(right.y).toBeCloseTo(0);
  });
  it('keeps every point within the radius', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 20 }),
        fc.nat(19),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, i, share) => {
          const p = radarPoint(i % n, n, share, 100);
          return Math.hypot(p.x, p.y) <= 100 + 1e-9;
        },
      ),
    );
  });
  it('draws one shape per primary series, a dashed reference, and dots only for values', () => {
    const svg = radarSvg({
      id: 'r',
      title: 'XA',
      description: 'Dimensions of XA',
      axes: ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id.toUpperCase() })),
      series: [
        { id: 'avg', label: 'Mean', role: 'reference', values: [50, 50, 50, 50] },
        { id: 'XA', label: 'X<A>', role: 'primary', values: [100, 50, null, 0] },
      ],
      scale,
      format,
    });
    expect(count(svg, /<polygon class="radar-shape"/g)).toBe(1);
    expect(count(svg, /<polygon class="radar-reference"/g)).toBe(1);
    expect(count(svg, /<circle class="radar-point"/g)).toBe(3);
    expect(svg.indexOf('radar-reference')).toBeLessThan(svg.indexOf('radar-shape'));
    expect(svg).toContain('X&lt;A&gt;');
    expect(svg).toContain('class="missing"');
    // The full-score point on axis 0 sits at the top of the ring: (cx, cy - radius), where
    // cx = 110 + margin (40 + 14) and cy - radius = the top margin: 16 + 11 per label line (1).
    const shape = /class="radar-shape" points="([^"]+)"/.exec(svg)?.[1] ?? '';
    const [first] = shape.split(' ');
    expect(first).toBe('164,27');
  });
});

describe('barsSvg', () => {
  it('draws a bar per value and a note per missing value', () => {
    const svg = barsSvg({
      id: 'b',
      title: 'Stages',
      description: 'd',
      items: [
        { id: 'legal', label: 'Legal', value: 75 },
        { id: 'policy', label: 'Policy', value: null },
        { id: 'impl', label: 'Implementation & <co>', value: 0 },
      ],
      scale,
      format,
      missingLabel: 'no score',
    });
    expect(count(svg, /<rect class="bar"/g)).toBe(2);
    expect(count(svg, /class="bar-missing"/g)).toBe(1);
    expect(svg).toContain('Implementation &amp; &lt;co&gt;');
  });
  it('scales bar length with the value', () => {
    const svg = barsSvg({
      id: 'b',
      title: 't',
      description: 'd',
      items: [
        { id: 'a', label: 'A', value: 25 },
        { id: 'b', label: 'B', value: 100 },
      ],
      scale,
      format,
      missingLabel: '-',
      plotWidth: 200,
    });
    const widths = [...svg.matchAll(/<rect class="bar"[^>]*width="([\d.]+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(widths).toEqual([50, 200]);
  });
  it('colours diverging bars by direction with a tolerance', () => {
    const svg = barsSvg({
      id: 'c',
      title: 'Change',
      description: 'd',
      items: [
        { id: 'up', label: 'Up', value: 12.5 },
        { id: 'held', label: 'Held', value: 0.2 },
        { id: 'down', label: 'Down', value: -8 },
      ],
      scale: { min: -20, max: 20 },
      format,
      missingLabel: '-',
      diverging: true,
      tolerance: 0.5,
    });
    expect(svg).toContain('class="bar bar-up"');
    expect(svg).toContain('class="bar bar-held"');
    expect(svg).toContain('class="bar bar-down"');
  });
});
