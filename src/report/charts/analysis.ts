/**
 * Charts of the robustness analyses and of a composite's framework, as COINr draws them with
 * `plot_uncertainty`, `plot_sensitivity` and `plot_framework`: plain SVG strings, accessible
 * (`role="img"`, title and description), no script, so they embed in the HTML report or stand
 * alone (`--format svg`).
 */
import type { SensitivityResult } from '../../analysis/sensitivity/sensitivity.js';
import type { UncertaintyResult } from '../../analysis/uncertainty/uncertainty.js';
import {
  anyNumber,
  arrayOf,
  arrayOfProblem,
  chartTextFields,
  numberOrNull,
  optionsProblem,
  recordOf,
  shapeProblem,
  throwIfAny,
} from '../../errors/args.js';
import { localeFormat } from '../../text/locale.js';
import { analysisWords } from '../analysis-words.js';
import { escapeMarkup } from '../escape.js';
import { type ChartText, coord, fitLabel, svgOpen, textWidth } from './svg.js';

const font = 11;
const axisInk = '#555555';
// Okabe and Ito's colour-blind safe palette (2008), for categories.
const categorical = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442'];

/**
 * Options of the uncertainty and sensitivity charts.
 *
 * @example
 * ```ts
 * const options: AnalysisChartOptions = { lang: 'bg' };
 * uncertaintySvg(units, {}, options); //=> '<svg ...>...място (1 = най-добро)...'
 * ```
 */
export interface AnalysisChartOptions {
  /** The language of the chart's own words and numbers (BCP 47); English by default. */
  lang?: string | undefined;
}

/** A number as the language writes it (decimal comma in Bulgarian; English unchanged). */
function numberIn(lang: string | undefined): (v: number) => string {
  const loc = localeFormat(lang ?? 'en');
  return (v) => loc.number(String(v));
}

/** A count of runs as the language groups digits (English unchanged). */
function runsIn(runs: number, lang: string | undefined): string {
  return localeFormat(lang ?? 'en').count(runs);
}

/** One unit of {@link uncertaintySvg}: ranks, best = 1. */
export interface UncertaintyChartUnit {
  unit: string;
  nominal: number | null;
  median: number | null;
  q5: number | null;
  q95: number | null;
}

/**
 * The uncertainty analysis as a chart (COINr `plot_uncertainty`): one row per unit, ordered by
 * median rank, with the 5th-95th percentile interval of its rank as a line, the median as a
 * dot and the nominal rank as an open diamond; rank 1 on the left.
 *
 * @example
 * ```ts
 * uncertaintySvg([{ unit: 'AUT', nominal: 3, median: 4, q5: 2, q95: 7 }]); //=> '<svg ... class="chart chart-uncertainty" ...'
 * ```
 */
export function uncertaintySvg(
  units: readonly UncertaintyChartUnit[],
  text: Partial<ChartText> = {},
  options: AnalysisChartOptions = {},
): string {
  throwIfAny(
    arrayOfProblem(
      'uncertaintySvg',
      'units',
      units,
      uncertaintyUnit,
      `an array of ${uncertaintyUnitText}`,
    ),
    optionsProblem('uncertaintySvg', 'text', text, chartTextFields),
    optionsProblem('uncertaintySvg', 'options', options, { lang: 'string' }),
  );
  const w = analysisWords(options.lang);
  const num = numberIn(options.lang);
  const na = (v: number | null) => (v === null ? w.notAvailable : num(v));
  const rows = units
    .filter((u) => u.median !== null)
    .slice()
    .sort((a, b) => (a.median as number) - (b.median as number) || a.unit.localeCompare(b.unit));
  const maxRank = Math.max(
    1,
    ...units.flatMap((u) => [u.q95, u.nominal, u.median].filter((v): v is number => v !== null)),
  );
  const label = Math.min(
    140,
    Math.max(40, ...rows.map((r) => textWidth(fitLabel(r.unit, 18), font) + 16)),
  );
  const plot = 360;
  const rowH = 14;
  const top = 24;
  const height = top + rows.length * rowH + 28;
  const width = label + plot + 20;
  const x = (rank: number) => label + ((rank - 1) / Math.max(1, maxRank - 1)) * plot;
  let s = svgOpen('uncertainty', 'uncertainty', width, height, {
    title: text.title ?? w.uncertaintyTitle,
    description: text.description ?? w.uncertaintyDescription,
  });
  const ticks = niceTicks(1, maxRank, 6);
  for (const t of ticks) {
    s += `<line x1="${coord(x(t))}" y1="${top - 4}" x2="${coord(x(t))}" y2="${coord(height - 24)}" stroke="#e5e5e5"/>`;
    s += `<text x="${coord(x(t))}" y="${coord(height - 10)}" font-size="${font}" text-anchor="middle" fill="${axisInk}">${num(t)}</text>`;
  }
  s += `<text x="${coord(label)}" y="12" font-size="${font}" fill="${axisInk}">${escapeMarkup(w.rankAxis)}</text>`;
  rows.forEach((r, i) => {
    const y = top + i * rowH + rowH / 2;
    const tip = w.uncertaintyTip({
      unit: r.unit,
      median: na(r.median),
      q5: na(r.q5),
      q95: na(r.q95),
      nominal: na(r.nominal),
    });
    s += `<g class="unit" data-unit="${escapeMarkup(r.unit)}"><title>${escapeMarkup(tip)}</title>`;
    s += `<text x="${coord(label - 6)}" y="${coord(y + 4)}" font-size="${font}" text-anchor="end">${escapeMarkup(fitLabel(r.unit, 18))}</text>`;
    if (r.q5 !== null && r.q95 !== null)
      s += `<line class="interval" x1="${coord(x(r.q5))}" y1="${coord(y)}" x2="${coord(x(r.q95))}" y2="${coord(y)}" stroke="${categorical[0]}" stroke-width="2"/>`;
    s += `<circle class="median" cx="${coord(x(r.median as number))}" cy="${coord(y)}" r="3.5" fill="${categorical[0]}"/>`;
    if (r.nominal !== null) {
      const cx = x(r.nominal);
      s += `<path class="nominal" d="M${coord(cx)} ${coord(y - 4)}L${coord(cx + 4)} ${coord(y)}L${coord(cx)} ${coord(y + 4)}L${coord(cx - 4)} ${coord(y)}Z" fill="none" stroke="${categorical[5]}" stroke-width="1.5"/>`;
    }
    s += '</g>';
  });
  return `${s}</svg>`;
}

/** One assumption of {@link sensitivitySvg}. */
export interface SensitivityChartIndex {
  assumption: string;
  first: number;
  total: number;
  firstInterval?: readonly [number, number] | undefined;
  totalInterval?: readonly [number, number] | undefined;
}

/**
 * The sensitivity analysis as a chart (COINr `plot_sensitivity`, bar type): per assumption, a
 * bar for the first-order and one for the total-order index, each with its 5th-95th
 * percentile bootstrap interval as a whisker when there is one.
 *
 * @example
 * ```ts
 * sensitivitySvg([{ assumption: 'Weights', first: 0.2, total: 0.5, firstInterval: [0.1, 0.3] }]); //=> '<svg ... class="chart chart-sensitivity" ...'
 * ```
 */
export function sensitivitySvg(
  indices: readonly SensitivityChartIndex[],
  text: Partial<ChartText> = {},
  options: AnalysisChartOptions = {},
): string {
  throwIfAny(
    arrayOfProblem(
      'sensitivitySvg',
      'indices',
      indices,
      sensitivityIndex,
      `an array of ${sensitivityIndexText}`,
    ),
    optionsProblem('sensitivitySvg', 'text', text, chartTextFields),
    optionsProblem('sensitivitySvg', 'options', options, { lang: 'string' }),
  );
  const w = analysisWords(options.lang);
  const num = numberIn(options.lang);
  const fixed3 = (v: number) => localeFormat(options.lang ?? 'en').number(v.toFixed(3));
  const values = indices.flatMap((i) => [
    i.first,
    i.total,
    ...(i.firstInterval ?? []),
    ...(i.totalInterval ?? []),
  ]);
  const finite = values.filter((v) => Number.isFinite(v));
  const lo = Math.min(0, ...finite);
  const hi = Math.max(1, ...finite);
  const label = Math.min(
    160,
    Math.max(40, ...indices.map((i) => textWidth(fitLabel(i.assumption, 24), font) + 16)),
  );
  const plot = 320;
  const barH = 10;
  const groupH = 2 * barH + 10;
  const top = 28;
  const height = top + indices.length * groupH + 26;
  const width = label + plot + 20;
  const x = (v: number) => label + ((v - lo) / (hi - lo)) * plot;
  let s = svgOpen('sensitivity', 'sensitivity', width, height, {
    title: text.title ?? w.sensitivityTitle,
    description: text.description ?? w.sensitivityDescription,
  });
  for (const t of niceTicks(lo, hi, 5)) {
    s += `<line x1="${coord(x(t))}" y1="${top - 4}" x2="${coord(x(t))}" y2="${coord(height - 22)}" stroke="#e5e5e5"/>`;
    s += `<text x="${coord(x(t))}" y="${coord(height - 8)}" font-size="${font}" text-anchor="middle" fill="${axisInk}">${num(t)}</text>`;
  }
  const kinds = [
    { key: 'first', name: w.firstOrder, fill: categorical[4] as string },
    { key: 'total', name: w.totalOrder, fill: categorical[0] as string },
  ] as const;
  kinds.forEach((k, j) => {
    const lx = label + j * 110;
    s += `<rect x="${coord(lx)}" y="6" width="10" height="10" fill="${k.fill}"/><text x="${coord(lx + 14)}" y="15" font-size="${font}">${escapeMarkup(k.name)}</text>`;
  });
  indices.forEach((ix, i) => {
    const y0 = top + i * groupH;
    s += `<g class="assumption" data-assumption="${escapeMarkup(ix.assumption)}">`;
    s += `<text x="${coord(label - 6)}" y="${coord(y0 + barH + 4)}" font-size="${font}" text-anchor="end">${escapeMarkup(fitLabel(ix.assumption, 24))}</text>`;
    kinds.forEach((k, j) => {
      const v = ix[k.key];
      const iv = k.key === 'first' ? ix.firstInterval : ix.totalInterval;
      const y = y0 + j * barH;
      if (!Number.isFinite(v)) return;
      const a = x(Math.min(0, v));
      const b = x(Math.max(0, v));
      const tip = w.sensitivityTip({
        assumption: ix.assumption,
        kind: k.name,
        value: fixed3(v),
        interval: iv ? [fixed3(iv[0]), fixed3(iv[1])] : undefined,
      });
      s += `<rect class="bar-${k.key}" x="${coord(a)}" y="${coord(y)}" width="${coord(Math.max(0.5, b - a))}" height="${barH - 1}" fill="${k.fill}"><title>${escapeMarkup(tip)}</title></rect>`;
      if (iv && Number.isFinite(iv[0]) && Number.isFinite(iv[1])) {
        const ym = y + (barH - 1) / 2;
        s += `<path class="whisker" d="M${coord(x(iv[0]))} ${coord(ym)}H${coord(x(iv[1]))}M${coord(x(iv[0]))} ${coord(ym - 3)}V${coord(ym + 3)}M${coord(x(iv[1]))} ${coord(ym - 3)}V${coord(ym + 3)}" stroke="#111111" stroke-width="1" fill="none"/>`;
      }
    });
    s += '</g>';
  });
  return `${s}</svg>`;
}

/** One node of {@link sunburstSvg}: `share` is its part of the whole (effective weight). */
export interface SunburstNode {
  id: string;
  label: string;
  parent?: string | undefined;
  share: number;
  /** Longer text for the tooltip (a name when `label` is a code). */
  title?: string | undefined;
}

/**
 * A framework as a sunburst (COINr `plot_framework`): the root in the centre, each level a
 * ring outwards, each node an arc whose angle is its share of the whole (its effective
 * weight), coloured by its branch under the root and lighter with depth. Labels are drawn
 * where the arc has room; every arc has a tooltip with its share.
 *
 * @example
 * ```ts
 * sunburstSvg([{ id: 'Index', label: 'Index', share: 1 }, { id: 'A', label: 'A', parent: 'Index', share: 0.5 }, { id: 'B', label: 'B', parent: 'Index', share: 0.5 }]);
 * ```
 */
export function sunburstSvg(nodes: readonly SunburstNode[], text: Partial<ChartText> = {}): string {
  throwIfAny(
    arrayOfProblem('sunburstSvg', 'nodes', nodes, sunburstNode, `an array of ${sunburstNodeText}`),
    optionsProblem('sunburstSvg', 'text', text, chartTextFields),
  );
  const kids = new Map<string | undefined, SunburstNode[]>();
  for (const n of nodes) {
    const list = kids.get(n.parent) ?? [];
    list.push(n);
    kids.set(n.parent, list);
  }
  const depthOf = (n: SunburstNode): number => {
    let d = 0;
    for (let p = n.parent; p !== undefined; p = nodes.find((m) => m.id === p)?.parent) d++;
    return d;
  };
  const depth = Math.max(0, ...nodes.map(depthOf));
  const size = 460;
  const c = size / 2;
  const ring = (c - 10) / (depth + 1);
  let s = svgOpen('framework', 'sunburst', size, size, {
    title: text.title ?? 'Framework',
    description:
      text.description ??
      'The framework as rings from the centre outwards, one ring per level; the angle of each arc is the node’s effective weight in the index.',
  });
  const arc = (r0: number, r1: number, a0: number, a1: number) => {
    const p = (r: number, a: number) =>
      `${coord(c + r * Math.sin(a))} ${coord(c - r * Math.cos(a))}`;
    const large = a1 - a0 > Math.PI ? 1 : 0;
    if (a1 - a0 >= 2 * Math.PI - 1e-9) {
      // A full ring: two half arcs, as one arc cannot start and end at the same point.
      const m = a0 + Math.PI;
      return (
        `M${p(r1, a0)}A${coord(r1)} ${coord(r1)} 0 1 1 ${p(r1, m)}A${coord(r1)} ${coord(r1)} 0 1 1 ${p(r1, a0)}` +
        (r0 > 0
          ? `M${p(r0, a0)}A${coord(r0)} ${coord(r0)} 0 1 0 ${p(r0, m)}A${coord(r0)} ${coord(r0)} 0 1 0 ${p(r0, a0)}Z`
          : 'Z')
      );
    }
    return (
      `M${p(r1, a0)}A${coord(r1)} ${coord(r1)} 0 ${large} 1 ${p(r1, a1)}` +
      (r0 > 0
        ? `L${p(r0, a1)}A${coord(r0)} ${coord(r0)} 0 ${large} 0 ${p(r0, a0)}Z`
        : `L${coord(c)} ${coord(c)}Z`)
    );
  };
  const draw = (n: SunburstNode, d: number, a0: number, a1: number, colour: string) => {
    const r0 = d * ring;
    const r1 = (d + 1) * ring;
    const light = Math.min(0.85, 0.18 * d);
    const fill = d === 0 ? '#f2f2f2' : mix(colour, light);
    const tip = `${n.title ?? n.label}: ${(n.share * 100).toFixed(1)} % of the index`;
    s += `<g class="node" data-node="${escapeMarkup(n.id)}"><path d="${arc(r0, r1, a0, a1)}" fill="${fill}" stroke="#ffffff" stroke-width="1" fill-rule="evenodd"><title>${escapeMarkup(tip)}</title></path>`;
    const mid = (a0 + a1) / 2;
    const rm = d === 0 ? 0 : (r0 + r1) / 2;
    const room = d === 0 ? 2 * ring : (a1 - a0) * rm;
    const max = Math.floor(Math.min(room, ring * 1.2) / (font * 0.64));
    if (max >= 3) {
      s += `<text x="${coord(c + rm * Math.sin(mid))}" y="${coord(c - rm * Math.cos(mid) + 4)}" font-size="${font}" text-anchor="middle" fill="#111111">${escapeMarkup(fitLabel(n.label, max))}</text>`;
    }
    s += '</g>';
    const children = kids.get(n.id) ?? [];
    const total = children.reduce((t, k) => t + Math.max(0, k.share), 0);
    let a = a0;
    children.forEach((k, i) => {
      const span =
        total > 0 ? ((a1 - a0) * Math.max(0, k.share)) / total : (a1 - a0) / children.length;
      draw(
        k,
        d + 1,
        a,
        a + span,
        d === 0 ? (categorical[i % categorical.length] as string) : colour,
      );
      a += span;
    });
  };
  const roots = kids.get(undefined) ?? [];
  const rootTotal = roots.reduce((t, r) => t + Math.max(0, r.share), 0) || 1;
  let a = 0;
  for (const r of roots) {
    const span = (2 * Math.PI * Math.max(0, r.share)) / rootTotal;
    draw(r, 0, a, a + span, categorical[0] as string);
    a += span;
  }
  return `${s}</svg>`;
}

/** `colour` mixed with white by `t` in [0, 1]. */
function mix(colour: string, t: number): string {
  const n = Number.parseInt(colour.slice(1), 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => Math.round(v + (255 - v) * t));
  return `#${ch.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** Up to about `count` round tick values from `lo` to `hi`. */
function niceTicks(lo: number, hi: number, count: number): number[] {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((v) => v >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step)
    out.push(Number(t.toFixed(10)));
  return out;
}

/**
 * The chart of an uncertainty result (`uncertainty --format json`): {@link uncertaintySvg}.
 *
 * @example
 * ```ts
 * uncertaintyResultSvg(await runUncertainty(model, spec)); //=> '<svg ...'
 * ```
 */
export function uncertaintyResultSvg(
  r: Pick<UncertaintyResult, 'units' | 'target' | 'runs'>,
  options: AnalysisChartOptions = {},
): string {
  throwIfAny(
    shapeProblem('uncertaintyResultSvg', 'r', r, {
      target: 'string',
      runs: 'number',
      units: arrayOf(
        uncertaintyResultUnit,
        'units ({ unit, nominal: { rank }, rank: { median, q5, q95 } })',
      ),
    }),
    optionsProblem('uncertaintyResultSvg', 'options', options, { lang: 'string' }),
  );
  return uncertaintySvg(
    r.units.map((u) => ({
      unit: u.unit,
      nominal: u.nominal.rank,
      median: u.rank.median,
      q5: u.rank.q5,
      q95: u.rank.q95,
    })),
    {
      title: analysisWords(options.lang).uncertaintyTitleOf({
        target: r.target,
        runs: runsIn(r.runs, options.lang),
      }),
    },
    options,
  );
}

/**
 * The chart of a sensitivity result (`sensitivity --format json`): {@link sensitivitySvg}.
 *
 * @example
 * ```ts
 * sensitivityResultSvg(await runSensitivity(model, spec)); //=> '<svg ...'
 * ```
 */
export function sensitivityResultSvg(
  r: Pick<SensitivityResult, 'indices' | 'target' | 'runs'>,
  options: AnalysisChartOptions = {},
): string {
  throwIfAny(
    shapeProblem('sensitivityResultSvg', 'r', r, {
      target: 'string',
      runs: 'number',
      indices: arrayOf(sensitivityIndex, sensitivityIndexText),
    }),
    optionsProblem('sensitivityResultSvg', 'options', options, { lang: 'string' }),
  );
  return sensitivitySvg(
    r.indices,
    {
      title: analysisWords(options.lang).sensitivityTitleOf({
        target: r.target,
        runs: runsIn(r.runs, options.lang),
      }),
    },
    options,
  );
}

const uncertaintyUnitText = 'units ({ unit: string, nominal, median, q5, q95: number | null })';
/** A field check for a unit of {@link uncertaintySvg}. */
const uncertaintyUnit = recordOf(uncertaintyUnitText, {
  unit: 'string',
  nominal: numberOrNull,
  median: numberOrNull,
  q5: numberOrNull,
  q95: numberOrNull,
});

const interval = (v: unknown): string | undefined =>
  Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number')
    ? undefined
    : 'a [low, high] pair of numbers';
const sensitivityIndexText =
  'indices ({ assumption: string, first: number, total: number, firstInterval?, totalInterval? })';
/** A field check for an index of {@link sensitivitySvg}. */
const sensitivityIndex = recordOf(
  sensitivityIndexText,
  { assumption: 'string', first: anyNumber, total: anyNumber },
  { firstInterval: interval, totalInterval: interval },
);

const sunburstNodeText = 'nodes ({ id: string, label: string, parent?: string, share: number })';
/** A field check for a node of {@link sunburstSvg}. */
const sunburstNode = recordOf(
  sunburstNodeText,
  { id: 'string', label: 'string', share: anyNumber },
  { parent: 'string', title: 'string' },
);

const rankOrNull = recordOf('{ rank: number | null }', { rank: numberOrNull });
/** A field check for a unit of an uncertainty result. */
const uncertaintyResultUnit = recordOf(
  'a unit ({ unit, nominal: { rank }, rank: { median, q5, q95 } })',
  {
    unit: 'string',
    nominal: rankOrNull,
    rank: recordOf('{ median, q5, q95 }', {
      median: numberOrNull,
      q5: numberOrNull,
      q95: numberOrNull,
    }),
  },
);
