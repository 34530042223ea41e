import { arrayOf, numberOrNull, recordOf, shapeProblem, throwIfAny } from '../../errors/args.js';
import { escapeMarkup } from '../escape.js';
import {
  type ChartLabel,
  type ChartScale,
  type ChartText,
  chartLabels,
  chartScale,
  coord,
  fraction,
  svgOpen,
  textWidth,
  wrapLabel,
} from './svg.js';

/**
 * One shape on a radar: a unit's scores, or a reference such as the mean of all units.
 *
 * @example
 * ```ts
 * const s: RadarSeries = { id: 'XA', label: 'XA', role: 'primary', values: [50, 100, null] };
 * ```
 */
export interface RadarSeries extends ChartLabel {
  /** One value per axis, in axis order; `null` where there is no score. */
  values: readonly (number | null)[];
  /** `primary` shapes are filled; `reference` shapes are a dashed outline. */
  role: 'primary' | 'reference';
}

/**
 * What {@link radarSvg} draws.
 *
 * @example
 * ```ts
 * radarSvg({ id: 'r', title: 'XA', description: '...', axes, series: [s], scale: { min: 0, max: 100 }, format: String });
 * ```
 */
export interface RadarSpec extends ChartText {
  id: string;
  axes: readonly ChartLabel[];
  series: readonly RadarSeries[];
  scale: ChartScale;
  format: (value: number) => string;
  /** Diameter of the plot area in px (labels add a margin around it). */
  size?: number;
}

/**
 * The position of `value` on axis `index` of `count` axes, for a radar centred at the origin
 * with radius `radius`. Axis 0 points up; axes go clockwise.
 *
 * @example
 * ```ts
 * radarPoint(0, 4, 1, 100);  //=> { x: 0, y: -100 }
 * radarPoint(1, 4, 0.5, 100); //=> { x: 50, y: 0 } (up to rounding)
 * ```
 */
export function radarPoint(
  index: number,
  count: number,
  share: number,
  radius: number,
): { x: number; y: number } {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  return { x: Math.cos(angle) * radius * share, y: Math.sin(angle) * radius * share };
}

/**
 * Draws a radar (spider) chart as an SVG string: grid rings at quarters of the scale, one
 * spoke per axis, one `polygon.radar-shape` per primary series and one
 * `polygon.radar-reference` per reference series, and a dot per value. A missing value is
 * drawn at the centre, without a dot, and its axis label says so. With fewer than three axes
 * the shape degenerates to a line; the report shows the same data as bars and a table.
 *
 * @example
 * ```ts
 * radarSvg({
 *   id: 'r', title: 'XA', description: 'Dimension scores of XA.',
 *   axes: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }],
 *   series: [{ id: 'XA', label: 'XA', role: 'primary', values: [50, 100, null] }],
 *   scale: { min: 0, max: 100 }, format: String,
 * });
 * //=> '<svg ... class="chart chart-radar" ...><polygon class="radar-shape" .../>...</svg>'
 * ```
 */
export function radarSvg(spec: RadarSpec): string {
  throwIfAny(
    shapeProblem(
      'radarSvg',
      'spec',
      spec,
      {
        id: 'string',
        title: 'string',
        description: 'string',
        axes: chartLabels,
        series: radarSeries,
        scale: chartScale,
        format: 'function',
      },
      { size: 'number' },
    ),
  );
  const size = spec.size ?? 220;
  const radius = size / 2;
  // Whole labels, wrapped onto up to a few short lines: nothing is cut.
  const wrapped = spec.axes.map((a) => wrapLabel(a.label, 16));
  const lineHeight = 11;
  const maxLines = Math.max(1, ...wrapped.map((l) => l.length));
  const margin = {
    x: Math.ceil(Math.max(40, ...wrapped.flat().map((l) => textWidth(`${l} (–)`, 10)))) + 14,
    y: 16 + maxLines * lineHeight,
  };
  const width = size + 2 * margin.x;
  const height = size + 2 * margin.y;
  const cx = width / 2;
  const cy = height / 2;
  const n = spec.axes.length;
  const at = (i: number, share: number) => {
    const p = radarPoint(i, n, share, radius);
    return { x: cx + p.x, y: cy + p.y };
  };
  const ring = (share: number) =>
    spec.axes
      .map((_, i) => {
        const p = at(i, share);
        return `${coord(p.x)},${coord(p.y)}`;
      })
      .join(' ');

  const out: string[] = [svgOpen(spec.id, 'radar', width, height, spec)];
  out.push('<g class="radar-grid" fill="none" stroke="#d0d0d0">');
  for (const share of [0.25, 0.5, 0.75, 1]) out.push(`<polygon points="${ring(share)}"/>`);
  spec.axes.forEach((_, i) => {
    const p = at(i, 1);
    out.push(`<line x1="${coord(cx)}" y1="${coord(cy)}" x2="${coord(p.x)}" y2="${coord(p.y)}"/>`);
  });
  out.push('</g>');
  out.push(
    `<g class="radar-scale" font-size="9" fill="#777777"><text x="${coord(cx + 3)}" y="${coord(cy - radius - 2)}">${escapeMarkup(spec.format(spec.scale.max))}</text></g>`,
  );

  // References first, so primary shapes sit on top.
  const ordered = [...spec.series].sort(
    (a, b) => (a.role === 'reference' ? 0 : 1) - (b.role === 'reference' ? 0 : 1),
  );
  for (const s of ordered) {
    const pts = spec.axes.map((_, i) => {
      const v = s.values[i] ?? null;
      return at(i, v === null ? 0 : fraction(v, spec.scale));
    });
    const points = pts.map((p) => `${coord(p.x)},${coord(p.y)}`).join(' ');
    const summary = spec.axes
      .map((a, i) => {
        const v = s.values[i] ?? null;
        return `${a.label}: ${v === null ? '–' : spec.format(v)}`;
      })
      .join('; ');
    if (s.role === 'reference') {
      out.push(
        `<polygon class="radar-reference" points="${points}" fill="none" stroke="#666666" stroke-width="1.5" stroke-dasharray="4 3" data-series="${escapeMarkup(s.id)}"><title>${escapeMarkup(`${s.label} – ${summary}`)}</title></polygon>`,
      );
    } else {
      out.push(
        `<polygon class="radar-shape" points="${points}" fill="#1d91c0" fill-opacity="0.3" stroke="#225ea8" stroke-width="2" data-series="${escapeMarkup(s.id)}"><title>${escapeMarkup(`${s.label} – ${summary}`)}</title></polygon>`,
      );
      pts.forEach((p, i) => {
        if ((s.values[i] ?? null) === null) return;
        out.push(
          `<circle class="radar-point" cx="${coord(p.x)}" cy="${coord(p.y)}" r="2.5" fill="#225ea8"/>`,
        );
      });
    }
  }

  out.push('<g class="radar-labels" font-size="10">');
  spec.axes.forEach((a, i) => {
    const p = radarPoint(i, n, 1, radius + 8);
    const anchor = Math.abs(p.x) < 1 ? 'middle' : p.x > 0 ? 'start' : 'end';
    const lines = wrapped[i] as string[];
    // Labels above the plot grow upwards, those beside it are centred on their axis.
    const first =
      p.y > 1
        ? 9
        : p.y < -1
          ? -2 - (lines.length - 1) * lineHeight
          : 3 - ((lines.length - 1) * lineHeight) / 2;
    const missing = spec.series.some((s) => s.role === 'primary' && (s.values[i] ?? null) === null);
    const x = coord(cx + p.x);
    const tspans = lines
      .map(
        (l, k) =>
          `<tspan x="${x}" dy="${k === 0 ? 0 : lineHeight}">${escapeMarkup(l)}${missing && k === lines.length - 1 ? ' (–)' : ''}</tspan>`,
      )
      .join('');
    out.push(
      `<text x="${x}" y="${coord(cy + p.y + first)}" text-anchor="${anchor}"${missing ? ' class="missing" fill="#8a1c1c"' : ''}>` +
        `<title>${escapeMarkup(a.label)}</title>${tspans}</text>`,
    );
  });
  out.push('</g></svg>');
  return out.join('');
}

/** A field check for the series of {@link radarSvg}. */
const radarSeries = arrayOf(
  recordOf('a series', {
    id: 'string',
    label: 'string',
    values: arrayOf(numberOrNull, 'numbers or null'),
    role: ['primary', 'reference'],
  }),
  "series ({ id, label: string, values: (number | null)[], role: 'primary' | 'reference' })",
);
