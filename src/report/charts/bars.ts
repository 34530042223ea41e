import {
  anyNumber,
  arrayOf,
  numberOrNull,
  recordOf,
  shapeProblem,
  throwIfAny,
} from '../../errors/args.js';
import { escapeMarkup } from '../escape.js';
import {
  type ChartLabel,
  type ChartScale,
  type ChartText,
  chartScale,
  coord,
  fitLabel,
  fraction,
  svgOpen,
  textWidth,
} from './svg.js';

/**
 * One bar: a label and a value, or `null` for no value.
 *
 * @example
 * ```ts
 * const bar: BarItem = { id: 'legal', label: 'Legal framework', value: 87.1 };
 * ```
 */
export interface BarItem extends ChartLabel {
  value: number | null;
}

/**
 * What {@link barsSvg} draws.
 *
 * @example
 * ```ts
 * barsSvg({ id: 'b', title: 'Stages', description: '...', items, scale: { min: 0, max: 100 }, format: String, missingLabel: 'no score' });
 * ```
 */
export interface BarsSpec extends ChartText {
  id: string;
  items: readonly BarItem[];
  /**
   * The value axis. For `diverging` charts (changes), bars grow left or right from zero and
   * the scale should be symmetric around it.
   */
  scale: ChartScale;
  format: (value: number) => string;
  missingLabel: string;
  /** Bars from zero in both directions, coloured by sign (changes between periods). */
  diverging?: boolean;
  /** Changes within ± this count as held (grey), for diverging charts. Defaults to 0. */
  tolerance?: number;
  /** Width of the bar area in px. */
  plotWidth?: number;
}

/**
 * Bar height and spacing, in px. Exported for tests.
 *
 * @example
 * ```ts
 * barsLayout.barHeight; //=> 16
 * ```
 */
export const barsLayout = { barHeight: 16, gap: 6, fontSize: 11, maxLabel: 32 } as const;

/**
 * Draws horizontal bars as an SVG string: one `rect.bar` per item with a value (a missing
 * value gets a `text.bar-missing` note instead of a bar), the value printed at the end of the
 * bar, and a `<title>` on each bar. Diverging bars are classed `bar-up`, `bar-down` or
 * `bar-held` by the sign of the value and the tolerance.
 *
 * @example
 * ```ts
 * barsSvg({
 *   id: 'b', title: 'Stages of XA', description: 'Score per stage.',
 *   items: [{ id: 'legal', label: 'Legal framework', value: 75 }],
 *   scale: { min: 0, max: 100 }, format: String, missingLabel: 'no score',
 * });
 * //=> '<svg ... class="chart chart-bars" ...><rect class="bar" .../>...</svg>'
 * ```
 */
export function barsSvg(spec: BarsSpec): string {
  throwIfAny(
    shapeProblem(
      'barsSvg',
      'spec',
      spec,
      {
        id: 'string',
        title: 'string',
        description: 'string',
        items: barItems,
        scale: chartScale,
        format: 'function',
        missingLabel: 'string',
      },
      { diverging: 'boolean', tolerance: anyNumber, plotWidth: 'number' },
    ),
  );
  const { barHeight, gap, fontSize, maxLabel } = barsLayout;
  const plot = spec.plotWidth ?? 260;
  const labels = spec.items.map((i) => fitLabel(i.label, maxLabel));
  const left = Math.ceil(Math.max(30, ...labels.map((l) => textWidth(l, fontSize)))) + 8;
  const valueRoom = 64;
  const sideRoom = spec.diverging ? valueRoom : 0;
  const width = left + sideRoom + plot + valueRoom;
  const height = Math.max(1, spec.items.length) * (barHeight + gap) + gap + 14;
  const x0 = left + sideRoom;
  const xOf = (v: number) => x0 + fraction(v, spec.scale) * plot;
  const zero = spec.diverging ? xOf(0) : x0;
  const tol = spec.tolerance ?? 0;

  const out: string[] = [svgOpen(spec.id, 'bars', width, height, spec)];
  out.push(
    `<line class="axis" x1="${coord(zero)}" y1="0" x2="${coord(zero)}" y2="${coord(height - 14)}" stroke="#999999"/>`,
  );
  out.push(`<g font-size="${fontSize}">`);
  spec.items.forEach((item, k) => {
    const y = gap + k * (barHeight + gap);
    const ty = y + barHeight / 2 + fontSize * 0.35;
    out.push(
      `<text x="${coord(left - 6)}" y="${coord(ty)}" text-anchor="end"><title>${escapeMarkup(item.label)}</title>${escapeMarkup(labels[k] as string)}</text>`,
    );
    if (item.value === null) {
      out.push(
        `<text class="bar-missing" x="${coord(zero + 4)}" y="${coord(ty)}" fill="#8a1c1c" font-style="italic">${escapeMarkup(spec.missingLabel)}</text>`,
      );
      return;
    }
    const end = xOf(item.value);
    const x = Math.min(zero, end);
    const w = Math.max(Math.abs(end - zero), 1);
    let cls = 'bar';
    let fill = '#225ea8';
    if (spec.diverging) {
      if (Math.abs(item.value) <= tol) {
        cls += ' bar-held';
        fill = '#9e9e9e';
      } else if (item.value > 0) {
        cls += ' bar-up';
        fill = '#2166ac';
      } else {
        cls += ' bar-down';
        fill = '#b2182b';
      }
    }
    const shown = spec.format(item.value);
    const right = !spec.diverging || item.value >= 0;
    out.push(
      `<rect class="${cls}" x="${coord(x)}" y="${coord(y)}" width="${coord(w)}" height="${barHeight}" fill="${fill}" data-id="${escapeMarkup(item.id)}" data-value="${item.value}"><title>${escapeMarkup(`${item.label}: ${shown}`)}</title></rect>` +
        `<text x="${coord(right ? x + w + 4 : x - 4)}" y="${coord(ty)}" text-anchor="${right ? 'start' : 'end'}">${escapeMarkup(shown)}</text>`,
    );
  });
  out.push('</g>');
  out.push(
    `<g class="axis-labels" font-size="9" fill="#777777"><text x="${coord(x0)}" y="${coord(height - 2)}" text-anchor="middle">${escapeMarkup(spec.format(spec.scale.min))}</text>` +
      `<text x="${coord(x0 + plot)}" y="${coord(height - 2)}" text-anchor="middle">${escapeMarkup(spec.format(spec.scale.max))}</text></g>`,
  );
  out.push('</svg>');
  return out.join('');
}

/** A field check for the bars of {@link barsSvg}. */
const barItems = arrayOf(
  recordOf('a bar', { id: 'string', label: 'string', value: numberOrNull }),
  'bars ({ id: string, label: string, value: number | null })',
);
