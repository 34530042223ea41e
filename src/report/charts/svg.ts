/**
 * Shared helpers for the chart functions: coordinate formatting, label fitting and colour
 * scales. Private to `report/charts`.
 */
import { arrayOf, recordOf } from '../../errors/args.js';
import { escapeMarkup } from '../escape.js';

/**
 * A score range, the framework's scale.
 *
 * @example
 * ```ts
 * const scale: ChartScale = { min: 0, max: 100 };
 * ```
 */
export interface ChartScale {
  min: number;
  max: number;
}

/**
 * An item on a chart axis: a stable id (used in `data-*` attributes) and a display label.
 *
 * @example
 * ```ts
 * const axis: ChartLabel = { id: 'residency', label: 'Residency' };
 * ```
 */
export interface ChartLabel {
  id: string;
  label: string;
}

/**
 * Common text of every chart: the accessible `<title>` and `<desc>`.
 *
 * @example
 * ```ts
 * const text: ChartText = { title: 'Scores by dimension', description: 'Each cell is a unit’s score in one dimension.' };
 * ```
 */
export interface ChartText {
  /** Short name of the chart, read first by screen readers. */
  title: string;
  /** One or two sentences saying what the chart shows and how to read it. */
  description: string;
}

/**
 * Formats a coordinate with at most two decimals and no negative zero, so SVG output is
 * compact and stable across platforms.
 *
 * @example
 * ```ts
 * coord(12.3456); //=> '12.35'
 * coord(-0.001); //=> '0'
 * ```
 */
export function coord(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

/**
 * Shortens a label to `max` characters (by code point, so surrogate pairs stay whole), ending
 * with an ellipsis. The chart shows the short form; the full label is in the `<title>` tooltip
 * and in the table behind the chart.
 *
 * @example
 * ```ts
 * fitLabel('Family unity and reunification', 12); //=> 'Family unit…'
 * ```
 */
export function fitLabel(label: string, max: number): string {
  const chars = Array.from(label);
  return chars.length <= max ? label : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/**
 * Breaks a label into lines of at most `max` characters at spaces (a longer word breaks after a
 * hyphen, else anywhere), keeping every character: charts that have room below and beside the
 * plot show the whole label this way rather than cutting it.
 *
 * @example
 * ```ts
 * wrapLabel('Family unity and reunification', 14); //=> ['Family unity', 'and', 'reunification']
 * ```
 */
export function wrapLabel(label: string, max: number): string[] {
  // Segments: words, with words over `max` broken after their hyphens, then anywhere.
  const segments: { text: string; space: boolean }[] = [];
  for (const word of label.split(/\s+/).filter((w) => w !== '')) {
    const parts = Array.from(word).length > max ? word.split(/(?<=-)/) : [word];
    parts.forEach((part, i) => {
      let rest = Array.from(part);
      let first = i === 0;
      while (rest.length > max) {
        segments.push({ text: rest.slice(0, max).join(''), space: first });
        rest = rest.slice(max);
        first = false;
      }
      if (rest.length > 0) segments.push({ text: rest.join(''), space: first });
    });
  }
  const lines: string[] = [];
  let line = '';
  for (const { text, space } of segments) {
    const joined = line === '' ? text : `${line}${space ? ' ' : ''}${text}`;
    if (line !== '' && Array.from(joined).length > max) {
      lines.push(line);
      line = text;
    } else line = joined;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * An estimate of rendered text width at `fontSize` px for the system sans-serif stack.
 *
 * @example
 * ```ts
 * textWidth('Residency', 10); //=> 57.6
 * ```
 */
export function textWidth(label: string, fontSize: number): number {
  return Array.from(label).length * fontSize * 0.64;
}

/**
 * Where `value` lies in `scale`, clamped to [0, 1].
 *
 * @example
 * ```ts
 * fraction(75, { min: 0, max: 100 }); //=> 0.75
 * ```
 */
export function fraction(value: number, scale: ChartScale): number {
  const span = scale.max - scale.min;
  if (!(span > 0)) return 0;
  return Math.min(1, Math.max(0, (value - scale.min) / span));
}

// ColorBrewer YlGnBu, 9 classes (Cynthia Brewer, colorbrewer2.org): sequential, colour-blind
// safe and print friendly. Interpolated linearly in RGB between the classes.
const sequential = [
  '#ffffd9',
  '#edf8b1',
  '#c7e9b4',
  '#7fcdbb',
  '#41b6c4',
  '#1d91c0',
  '#225ea8',
  '#253494',
  '#081d58',
];

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The fill for a position `t` in [0, 1] on the sequential scale (light = low, dark = high).
 *
 * @example
 * ```ts
 * sequentialColor(0); //=> '#ffffd9'
 * sequentialColor(1); //=> '#081d58'
 * ```
 */
export function sequentialColor(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (sequential.length - 1);
  const i = Math.min(sequential.length - 2, Math.floor(x));
  const a = rgb(sequential[i] as string);
  const b = rgb(sequential[i + 1] as string);
  const f = x - i;
  return hex([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]);
}

/**
 * Black or white, whichever reads better on `fill` (WCAG 2 relative luminance).
 *
 * @example
 * ```ts
 * inkOn('#081d58'); //=> '#ffffff'
 * ```
 */
export function inkOn(fill: string): string {
  const lin = rgb(fill).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const l = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  // Contrast against white is (1.05)/(l+0.05); against black (l+0.05)/0.05. Pick the larger.
  return 1.05 / (l + 0.05) > (l + 0.05) / 0.05 ? '#ffffff' : '#111111';
}

/**
 * Opens an accessible SVG: `role="img"`, `<title>` and `<desc>` linked by `aria-labelledby`.
 *
 * @example
 * ```ts
 * svgOpen('hm', 'heatmap', 300, 200, { title: 'T', description: 'D' });
 * //=> '<svg xmlns=... class="chart chart-heatmap" role="img" ...><title id="hm-title">T</title><desc id="hm-desc">D</desc>'
 * ```
 */
export function svgOpen(
  id: string,
  kind: string,
  width: number,
  height: number,
  text: ChartText,
): string {
  const safeId = id.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    // Charts are laid out left to right whatever the page's direction; labels in right-to-left
    // scripts still read correctly inside their own text run.
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-${kind}" role="img" direction="ltr" ` +
    `viewBox="0 0 ${coord(width)} ${coord(height)}" width="${coord(width)}" height="${coord(height)}" ` +
    `aria-labelledby="${safeId}-title ${safeId}-desc">` +
    `<title id="${safeId}-title">${escapeMarkup(text.title)}</title>` +
    `<desc id="${safeId}-desc">${escapeMarkup(text.description)}</desc>`
  );
}

/** A field check for a chart scale (`{ min: number, max: number }`). */
export const chartScale = recordOf('a scale ({ min: number, max: number })', {
  min: 'number',
  max: 'number',
});

/** A field check for a chart label (`{ id: string, label: string }`). */
export const chartLabel = recordOf('a label ({ id: string, label: string })', {
  id: 'string',
  label: 'string',
});

/** A field check for an array of chart labels. */
export const chartLabels = arrayOf(chartLabel, 'labels ({ id: string, label: string })');
