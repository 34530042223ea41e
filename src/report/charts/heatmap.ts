import { arrayOf, numberOrNull, shapeProblem, throwIfAny } from '../../errors/args.js';
import { escapeMarkup } from '../escape.js';
import {
  type ChartLabel,
  type ChartScale,
  type ChartText,
  chartLabels,
  chartScale,
  coord,
  fitLabel,
  fraction,
  inkOn,
  sequentialColor,
  svgOpen,
  textWidth,
} from './svg.js';

/**
 * What {@link heatmapSvg} draws: a grid of rows x columns, one value (or none) per cell.
 *
 * @example
 * ```ts
 * heatmapSvg({ id: 'hm', title: 'Scores', description: '...', rows, columns, values, scale: { min: 0, max: 100 }, format: String, missingLabel: '–' });
 * ```
 */
export interface HeatmapSpec extends ChartText {
  /** Used for element ids; unique within the page. */
  id: string;
  rows: readonly ChartLabel[];
  columns: readonly ChartLabel[];
  /** `values[r][c]`: the score of row `r` in column `c`, or `null` when it has none. */
  values: readonly (readonly (number | null)[])[];
  scale: ChartScale;
  /** How a value is printed inside its cell (rounding is the caller's convention). */
  format: (value: number) => string;
  /** Printed in cells without a value. */
  missingLabel: string;
}

/**
 * Cell size and margins of the heat map, in px. Exported for tests.
 *
 * @example
 * ```ts
 * heatmapLayout.cellWidth; //=> 52
 * ```
 */
export const heatmapLayout = {
  cellWidth: 52,
  cellHeight: 26,
  fontSize: 11,
  maxLabel: 28,
  gap: 8,
} as const;

/**
 * Draws a heat map as a standalone SVG string: one `rect.heatmap-cell` per row x column (cells
 * without a value are drawn hatched, so the count of cells always equals rows x columns), the
 * value printed in each cell, a `<title>` tooltip per cell, and a colour legend. Colours follow
 * ColorBrewer's sequential YlGnBu scheme over the framework's scale.
 *
 * @example
 * ```ts
 * heatmapSvg({
 *   id: 'hm', title: 'Scores', description: 'Units by dimension.',
 *   rows: [{ id: 'XA', label: 'Xanadu' }], columns: [{ id: 'res', label: 'Residency' }],
 *   values: [[62.5]], scale: { min: 0, max: 100 }, format: (v) => v.toFixed(1), missingLabel: '–',
 * });
 * //=> '<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-heatmap" ...>...</svg>'
 * ```
 */
export function heatmapSvg(spec: HeatmapSpec): string {
  throwIfAny(
    shapeProblem('heatmapSvg', 'spec', spec, {
      id: 'string',
      title: 'string',
      description: 'string',
      rows: chartLabels,
      columns: chartLabels,
      values: arrayOf(arrayOf(numberOrNull, 'numbers or null'), 'rows of numbers or null'),
      scale: chartScale,
      format: 'function',
      missingLabel: 'string',
    }),
  );
  const { cellWidth: cw, cellHeight: ch, fontSize, maxLabel, gap } = heatmapLayout;
  const rowLabels = spec.rows.map((r) => fitLabel(r.label, maxLabel));
  const colLabels = spec.columns.map((c) => fitLabel(c.label, maxLabel));
  const left = Math.ceil(Math.max(40, ...rowLabels.map((l) => textWidth(l, fontSize)))) + gap;
  // Column labels are turned 45°: their height is width / sqrt(2), plus some room.
  const top = Math.ceil(Math.max(30, ...colLabels.map((l) => textWidth(l, fontSize) * 0.72))) + gap;
  const gridW = spec.columns.length * cw;
  const gridH = spec.rows.length * ch;
  const legendH = 40;
  const right = Math.ceil(top * 0.75); // the last turned label leans right
  const width = left + gridW + right;
  const height = top + gridH + gap + legendH;

  const out: string[] = [svgOpen(spec.id, 'heatmap', width, height, spec)];
  out.push(
    `<defs><pattern id="${escapeMarkup(spec.id)}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
      `<rect width="6" height="6" fill="#f4f4f4"/><line x1="0" y1="0" x2="0" y2="6" stroke="#bbbbbb" stroke-width="2"/></pattern></defs>`,
  );
  out.push(`<g class="heatmap-columns" font-size="${fontSize}">`);
  spec.columns.forEach((c, j) => {
    const x = left + j * cw + cw / 2;
    const y = top - 4;
    out.push(
      `<text x="${coord(x)}" y="${coord(y)}" transform="rotate(-45 ${coord(x)} ${coord(y)})" data-column="${escapeMarkup(c.id)}">` +
        `<title>${escapeMarkup(c.label)}</title>${escapeMarkup(colLabels[j] as string)}</text>`,
    );
  });
  out.push('</g>');
  out.push(`<g class="heatmap-rows" font-size="${fontSize}" text-anchor="end">`);
  spec.rows.forEach((r, i) => {
    const y = top + i * ch + ch / 2 + fontSize * 0.35;
    out.push(
      `<text x="${coord(left - gap)}" y="${coord(y)}" data-row="${escapeMarkup(r.id)}">` +
        `<title>${escapeMarkup(r.label)}</title>${escapeMarkup(rowLabels[i] as string)}</text>`,
    );
  });
  out.push('</g>');
  out.push(`<g class="heatmap-grid" font-size="${fontSize}" text-anchor="middle">`);
  spec.rows.forEach((r, i) => {
    spec.columns.forEach((c, j) => {
      const v = spec.values[i]?.[j] ?? null;
      const x = left + j * cw;
      const y = top + i * ch;
      const fill =
        v === null
          ? `url(#${escapeMarkup(spec.id)}-hatch)`
          : sequentialColor(fraction(v, spec.scale));
      const ink = v === null ? '#555555' : inkOn(fill);
      const shown = v === null ? spec.missingLabel : spec.format(v);
      out.push(
        `<g><rect class="heatmap-cell${v === null ? ' missing' : ''}" x="${coord(x)}" y="${coord(y)}" width="${cw}" height="${ch}" fill="${fill}" stroke="#ffffff" data-row="${escapeMarkup(r.id)}" data-column="${escapeMarkup(c.id)}"${v === null ? '' : ` data-value="${v}"`}/>` +
          `<text x="${coord(x + cw / 2)}" y="${coord(y + ch / 2 + fontSize * 0.35)}" fill="${ink}">${escapeMarkup(shown)}</text>` +
          `<title>${escapeMarkup(`${r.label} · ${c.label}: ${shown}`)}</title></g>`,
      );
    });
  });
  out.push('</g>');
  out.push(legend(spec, left, top + gridH + gap, Math.max(120, Math.min(gridW, 260))));
  out.push('</svg>');
  return out.join('');
}

function legend(spec: HeatmapSpec, x: number, y: number, width: number): string {
  const steps = 20;
  const parts = [
    `<g class="legend" font-size="10" transform="translate(${coord(x)} ${coord(y)})">`,
  ];
  for (let k = 0; k < steps; k++) {
    parts.push(
      `<rect x="${coord((k * width) / steps)}" y="0" width="${coord(width / steps + 0.5)}" height="10" fill="${sequentialColor((k + 0.5) / steps)}"/>`,
    );
  }
  parts.push(
    `<text x="0" y="24">${escapeMarkup(spec.format(spec.scale.min))}</text>` +
      `<text x="${coord(width)}" y="24" text-anchor="end">${escapeMarkup(spec.format(spec.scale.max))}</text>` +
      `<rect x="${coord(width + 16)}" y="0" width="14" height="10" fill="url(#${escapeMarkup(spec.id)}-hatch)" stroke="#bbbbbb"/>` +
      `<text x="${coord(width + 34)}" y="9">${escapeMarkup(spec.missingLabel)}</text></g>`,
  );
  return parts.join('');
}
