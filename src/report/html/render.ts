import { reportModelProblem, throwIfAny } from '../../errors/args.js';
import { localeFormat } from '../../text/locale.js';
import { barsSvg } from '../charts/bars.js';
import { heatmapSvg } from '../charts/heatmap.js';
import { radarSvg } from '../charts/radar.js';
import { type ChangeDirection, changeDirection } from '../compare/direction.js';
import { escapeMarkup as esc } from '../escape.js';
import { formatChange, formatScore } from '../format.js';
import { progressColumns, type ReportLabels, reportLabels } from './labels.js';
import type { ReportCoverage, ReportEvidence, ReportModel, ReportUnitSummary } from './model.js';
import { reportCss } from './styles.js';

const arrows: Record<ChangeDirection, string> = { improved: '▲', held: '●', declined: '▼' };

/**
 * Renders a {@link ReportModel} as one self-contained HTML document: inline CSS and SVG, no
 * script, no network. Every chart has a `<title>` and `<desc>` and a data table beside it;
 * every text from the framework or the answers is escaped and marked `dir="auto"`, so
 * right-to-left text keeps its direction.
 *
 * @example
 * ```ts
 * const html = renderReportModel(model);
 * html.startsWith('<!doctype html>'); //=> true
 * ```
 */
export function renderReportModel(model: ReportModel): string {
  throwIfAny(reportModelProblem('renderReportModel', 'model', model, { full: true }));
  const t = reportLabels(model.lang);
  const loc = localeFormat(model.lang);
  const fmt = (v: number | null | undefined) => loc.number(formatScore(v, model.decimals));
  const sections: [string, string, string][] = [
    ['ranking', t.ranking, ranking(model, t, fmt)],
    ['heatmap', t.heatmap, heatmap(model, t, fmt)],
    ['change', t.change, change(model, t)],
    ['profiles', t.profiles, profiles(model, t, fmt)],
    ['coverage', t.coverage, coverage(model, t)],
    ['evidence', t.evidence, evidence(model, t, fmt)],
    ...(model.progress
      ? ([['progress', t.progress, progress(model, t)]] as [string, string, string][])
      : []),
    ['methodology', t.methodology, methodology(model, t)],
  ];
  return [
    '<!doctype html>',
    `<html lang="${esc(model.lang)}" dir="${model.dir}">`,
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(`${model.title} – ${model.period.label}`)}</title>`,
    `<style>${reportCss}</style></head>`,
    '<body>',
    `<header><h1 dir="auto">${esc(model.title)}</h1>`,
    `<p class="subtitle" dir="auto">${esc(model.subtitle)}</p>`,
    `<nav aria-label="${esc(t.contents)}"><strong>${esc(t.contents)}</strong><ol>`,
    ...sections.map(([id, title]) => `<li><a href="#${id}">${esc(title)}</a></li>`),
    '</ol></nav></header><main>',
    ...sections.map(
      ([id, title, body]) =>
        `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(title)}</h2>${body}</section>`,
    ),
    '</main>',
    `<footer><p class="note">${esc(t.generatedNote)}</p></footer>`,
    '</body></html>',
    '',
  ].join('\n');
}

type Fmt = (v: number | null | undefined) => string;

/** A number cell; `<bdi dir="ltr">` keeps signs and decimals in order on right-to-left pages. */
function num(v: string, cls = 'num'): string {
  return v === ''
    ? `<td class="${cls}"></td>`
    : `<td class="${cls}"><bdi dir="ltr">${esc(v)}</bdi></td>`;
}

function coverageText(c: ReportCoverage | null, t: ReportLabels): string {
  if (!c) return '';
  const parts = [`${c.answered}/${c.expected} ${t.answered}`];
  if (c.notApplicable > 0) parts.push(`${c.notApplicable} ${t.notApplicable}`);
  if (c.missing > 0) parts.push(`${c.missing} ${t.missing}`);
  return parts.join(', ');
}

function changeOf(now: number | null, before: number | null | undefined): number | null {
  return now === null || before === null || before === undefined ? null : now - before;
}

function directionCell(delta: number | null, model: ReportModel, t: ReportLabels): string {
  if (delta === null) return '<td></td>';
  const d = changeDirection(delta, model.tolerance);
  return `<td class="${d}">${arrows[d]} ${esc(t[d])}</td>`;
}

function rankChange(u: ReportUnitSummary): string {
  if (!u.previous || u.rank === null || u.previous.rank === null) return '';
  const moved = u.previous.rank - u.rank; // positive: moved up the ranking
  return moved === 0 ? '0' : moved > 0 ? `+${moved}` : `−${-moved}`;
}

function figure(svg: string, caption: string): string {
  return `<figure>${svg}<figcaption>${esc(caption)}</figcaption></figure>`;
}

function ranking(model: ReportModel, t: ReportLabels, fmt: Fmt): string {
  const svg = barsSvg({
    id: 'ranking-chart',
    title: `${t.ranking}: ${model.period.label}`,
    description: `${t.rankingIntro} ${model.units
      .map((u) => `${u.label}: ${u.overall === null ? t.noScore : fmt(u.overall)}`)
      .join('; ')}.`,
    items: model.units.map((u) => ({ id: u.id, label: u.label, value: u.overall })),
    scale: model.scale,
    format: (v) => fmt(v),
    missingLabel: t.noScore,
  });
  const compare = model.previousPeriod !== undefined;
  // With group summaries (issue 17): each unit's group mean and its distance to it.
  const grouped = model.units.some((u) => u.group !== undefined);
  const head = [
    `<th class="num">${esc(t.rank)}</th>`,
    `<th>${esc(t.unit)}</th>`,
    `<th class="num">${esc(t.overall)}</th>`,
    `<th>${esc(t.coverageCol)}</th>`,
    ...(compare
      ? [
          `<th class="num">${esc(t.previous)} (${esc(model.previousPeriod?.label ?? '')})</th>`,
          `<th class="num">${esc(t.changeCol)}</th>`,
          `<th>${esc(t.direction)}</th>`,
          `<th class="num">${esc(t.rankChange)}</th>`,
        ]
      : []),
    ...(grouped
      ? [
          `<th>${esc(t.group)}</th>`,
          `<th class="num">${esc(t.groupMean)}</th>`,
          `<th class="num">${esc(t.vsGroup)}</th>`,
        ]
      : []),
  ];
  const rows = model.units.map((u) => {
    const delta = changeOf(u.overall, u.previous?.overall);
    // Full-precision score and rank as data attributes, for scripts and tests reading the page.
    const data = `data-unit="${esc(u.id)}" data-rank="${u.rank === null ? '' : u.rank}" data-score="${u.overall === null ? '' : String(u.overall)}"`;
    return `<tr ${data}>${num(u.rank === null ? '' : String(u.rank))}<td dir="auto">${esc(u.label)}</td>${num(u.overall === null ? t.noScore : fmt(u.overall))}<td>${esc(coverageText(u.coverage, t))}</td>${
      compare
        ? `${num(fmt(u.previous?.overall ?? null))}${num(localeFormat(model.lang).number(formatChange(delta, model.decimals)))}${directionCell(delta, model, t)}${num(rankChange(u))}`
        : ''
    }${
      grouped
        ? `<td dir="auto">${esc(u.group?.label ?? '')}</td>${num(fmt(u.group?.overall ?? null))}${num(formatChange(changeOf(u.overall, u.group?.overall), model.decimals))}`
        : ''
    }</tr>`;
  });
  const inGroup = model.rankingGroup
    ? `<p class="intro" id="ranking-group">${esc(t.rankingInGroup.replace('{group}', model.rankingGroup.label))}</p>`
    : '';
  return `${inGroup}<p class="intro">${esc(t.rankingIntro)}</p>${figure(svg, `${t.overall}, ${model.scale.min}–${model.scale.max}`)}<div class="table-wrap"><table class="data-table" id="ranking-table"><caption>${esc(t.dataTable)}: ${esc(t.ranking)}</caption><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function heatmap(model: ReportModel, t: ReportLabels, fmt: Fmt): string {
  const svg = heatmapSvg({
    id: 'heatmap-chart',
    title: `${t.heatmap}: ${model.period.label}`,
    description: `${t.heatmapIntro} ${model.units.length} × ${model.dimensions.length}.`,
    rows: model.units,
    columns: model.dimensions,
    values: model.units.map((u) => u.dimensions),
    scale: model.scale,
    format: (v) => fmt(v),
    missingLabel: t.noScore,
  });
  const head = model.dimensions.map((d) => `<th class="num" dir="auto">${esc(d.label)}</th>`);
  const rows = model.units.map(
    (u) =>
      `<tr><th scope="row" dir="auto">${esc(u.label)}</th>${u.dimensions
        .map((v) => (v === null ? `<td class="num missing">${esc(t.noScore)}</td>` : num(fmt(v))))
        .join('')}</tr>`,
  );
  return `<p class="intro">${esc(t.heatmapIntro)}</p>${figure(svg, t.heatmap)}<div class="table-wrap"><table class="data-table" id="heatmap-table"><caption>${esc(t.dataTable)}: ${esc(t.heatmap)}</caption><thead><tr><th>${esc(t.unit)}</th>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function change(model: ReportModel, t: ReportLabels): string {
  const prev = model.previousPeriod;
  if (!prev) return `<p class="note">${esc(t.noChange)}</p>`;
  const deltas = model.units.map((u) => changeOf(u.overall, u.previous?.overall));
  // The chart shows overall changes; its axis spans the largest of them (at least one point).
  const span = Math.max(
    1,
    ...deltas.filter((d): d is number => d !== null).map((d) => Math.abs(d)),
  );
  const intro = t.changeIntro.replace('{from}', prev.label).replace('{to}', model.period.label);
  const svg = barsSvg({
    id: 'change-chart',
    title: `${t.change}: ${prev.label} → ${model.period.label}`,
    description: `${intro} ${model.units
      .map(
        (u, i) =>
          `${u.label}: ${localeFormat(model.lang).number(formatChange(deltas[i] ?? null, model.decimals)) || t.noScore}`,
      )
      .join('; ')}.`,
    items: model.units.map((u, i) => ({ id: u.id, label: u.label, value: deltas[i] ?? null })),
    scale: { min: -span, max: span },
    format: (v) => localeFormat(model.lang).number(formatChange(v, model.decimals)),
    missingLabel: t.noScore,
    diverging: true,
    tolerance: model.tolerance,
  });
  const head = model.dimensions.map((d) => `<th class="num" dir="auto">${esc(d.label)}</th>`);
  const rows = model.units.map((u, k) => {
    const cells = [
      deltas[k] ?? null,
      ...u.dimensions.map((v, i) => changeOf(v, u.previousDimensions?.[i])),
    ].map((d) => {
      if (d === null) return '<td class="num"></td>';
      const dir = changeDirection(d, model.tolerance);
      return `<td class="num ${dir}" title="${esc(t[dir])}"><bdi dir="ltr">${arrows[dir]} ${esc(localeFormat(model.lang).number(formatChange(d, model.decimals)))}</bdi></td>`;
    });
    return `<tr><th scope="row" dir="auto">${esc(u.label)}</th>${cells.join('')}</tr>`;
  });
  return `<p class="intro">${esc(intro)}</p>${figure(svg, `${t.changeCol} (${arrows.improved} ${t.improved}, ${arrows.held} ${t.held}, ${arrows.declined} ${t.declined})`)}<div class="table-wrap"><table class="data-table" id="change-table"><caption>${esc(t.dataTable)}: ${esc(t.change)}</caption><thead><tr><th>${esc(t.unit)}</th><th class="num">${esc(t.overall)}</th>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function mean(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}

function profiles(model: ReportModel, t: ReportLabels, fmt: Fmt): string {
  const means = model.dimensions.map((_, i) =>
    mean(model.units.map((u) => u.dimensions[i] ?? null)),
  );
  const grouped = model.units.some((u) => u.group !== undefined);
  const intro = `<p class="intro">${esc(grouped ? t.groupProfileIntro : t.profileIntro)}</p>`;
  return `${intro}${model.units
    .map((u, k) => {
      const radar = radarSvg({
        id: `radar-${k}`,
        title: `${u.label}: ${t.dimensions}`,
        description: `${t.profileIntro} ${model.dimensions
          .map((d, i) => `${d.label}: ${fmt(u.dimensions[i] ?? null) || t.noScore}`)
          .join('; ')}.`,
        axes: model.dimensions,
        series: [
          u.group
            ? {
                id: `group-${u.group.id}`,
                label: `${t.groupMean} (${u.group.label})`,
                role: 'reference',
                values: u.group.dimensions,
              }
            : { id: 'mean', label: t.mean, role: 'reference', values: means },
          { id: u.id, label: u.label, role: 'primary', values: u.dimensions },
        ],
        scale: model.scale,
        format: (v) => fmt(v),
      });
      const bars =
        model.stages.length > 0
          ? figure(
              barsSvg({
                id: `stages-${k}`,
                title: `${u.label}: ${t.stages}`,
                description: model.stages
                  .map((s, i) => `${s.label}: ${fmt(u.stages[i] ?? null) || t.noScore}`)
                  .join('; '),
                items: model.stages.map((s, i) => ({ ...s, value: u.stages[i] ?? null })),
                scale: model.scale,
                format: (v) => fmt(v),
                missingLabel: t.noScore,
                plotWidth: 200,
              }),
              t.stages,
            )
          : '';
      const rows = [
        ...model.dimensions.map(
          (d, i) =>
            `<tr><td>${esc(t.dimension)}</td><td dir="auto">${esc(d.label)}</td>${num(fmt(u.dimensions[i] ?? null))}${num(fmt((u.group ? u.group.dimensions[i] : means[i]) ?? null))}</tr>`,
        ),
        ...model.stages.map(
          (s, i) =>
            `<tr><td>${esc(t.stage)}</td><td dir="auto">${esc(s.label)}</td>${num(fmt(u.stages[i] ?? null))}<td></td></tr>`,
        ),
      ];
      return `<article class="unit-profile" id="unit-${esc(u.id)}"><h3 dir="auto">${esc(u.label)}${u.rank === null ? '' : ` <small>(${esc(t.rank)} ${u.rank}, ${esc(fmt(u.overall))})</small>`}${u.group ? ` <small class="group-note">${esc(`${t.group} ${u.group.label}: ${t.groupMean} ${fmt(u.group.overall)}, ${t.rank} ${u.group.rank ?? '–'}`)}</small>` : ''}</h3><div class="profile-charts">${figure(radar, t.dimensions)}${bars}</div><div class="table-wrap"><table class="data-table"><caption>${esc(t.dataTable)}: ${esc(u.label)}</caption><thead><tr><th></th><th>${esc(t.node)}</th><th class="num">${esc(t.score)}</th><th class="num">${esc(u.group ? `${t.groupMean} (${u.group.label})` : t.mean)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></article>`;
    })
    .join('')}`;
}

function coverage(model: ReportModel, t: ReportLabels): string {
  const rejected =
    model.rejected.length === 0
      ? ''
      : `<h3>${esc(t.rejected)} (${model.rejected.length})</h3><ul class="rejected">${model.rejected.map((r) => `<li dir="auto"><code>${esc(r)}</code></li>`).join('')}</ul>`;
  return coverageTable(model, t) + rejected;
}

function coverageTable(model: ReportModel, t: ReportLabels): string {
  if (model.coverageWarnings.length === 0) return `<p class="note">${esc(t.coverageNone)}</p>`;
  const rows = model.coverageWarnings.map(
    (w) =>
      `<tr><td dir="auto">${esc(w.unit)}</td><td dir="auto">${esc(w.node)}</td><td>${esc(w.reason)}</td><td>${esc(coverageText(w.coverage, t))}</td></tr>`,
  );
  return `<div class="table-wrap"><table class="data-table" id="coverage-table"><thead><tr><th>${esc(t.unit)}</th><th>${esc(t.node)}</th><th>${esc(t.reason)}</th><th>${esc(t.coverageCol)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function evidence(model: ReportModel, t: ReportLabels, fmt: Fmt): string {
  const compare = model.previousPeriod !== undefined;
  if (Object.keys(model.evidence).length === 0) return `<p class="note">${esc(t.evidenceNone)}</p>`;
  // A column for who answered and the review state, when the answers say.
  const reviewed = Object.values(model.evidence).some((items) =>
    items.some((e) => e.expert !== undefined || e.status !== undefined),
  );
  const byWhom = (e: ReportEvidence): string => {
    const state = e.status === undefined ? '' : statusLabel(e.status, t);
    const review =
      e.reviewer === undefined
        ? ''
        : `${t.reviewedBy} ${e.reviewer}${e.reviewedOn === undefined ? '' : `, ${e.reviewedOn}`}`;
    const note = [state, review].filter((x) => x !== '').join('; ');
    return `<td dir="auto">${esc(e.expert ?? '')}${note ? ` <span class="muted" dir="auto">(${esc(note)})</span>` : ''}</td>`;
  };
  return model.units
    .map((u) => {
      const items = model.evidence[u.id] ?? [];
      if (items.length === 0) return '';
      const rows = items.map(
        (e) =>
          `<tr><td><code>${esc(e.indicator)}</code></td><td dir="auto">${esc(e.title)}</td><td dir="auto">${esc(e.answer)}${e.option ? ` <span class="muted" dir="auto">(${esc(e.option)})</span>` : ''}</td>${num(e.score === null ? '' : fmt(e.score))}${compare ? `<td dir="auto">${esc(e.previousAnswer ?? '')}</td>` : ''}<td dir="auto">${esc(e.source ?? '')}</td><td dir="auto">${esc(e.comment ?? '')}</td>${reviewed ? byWhom(e) : ''}</tr>`,
      );
      return `<h3 dir="auto">${esc(u.label)}</h3><div class="table-wrap"><table class="data-table evidence"><thead><tr><th>${esc(t.indicator)}</th><th></th><th>${esc(t.answer)}</th><th class="num">${esc(t.score)}</th>${compare ? `<th>${esc(t.previousAnswer)}</th>` : ''}<th>${esc(t.source)}</th><th>${esc(t.comment)}</th>${reviewed ? `<th>${esc(t.expert)}</th>` : ''}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
    })
    .join('');
}

/** The progress board of the report's period: a table per unit, a row per dimension. */
function progress(model: ReportModel, t: ReportLabels): string {
  const p = model.progress;
  if (!p) return '';
  const n = new Intl.NumberFormat(model.lang);
  const columns = progressColumns(t);
  const head = `<tr><th>${esc(t.dimension)}</th>${columns.map(([, label]) => `<th class="num">${esc(label)}</th>`).join('')}</tr>`;
  const units = [...new Set(p.lines.map((l) => l.unit))];
  const label = new Map(model.units.map((u) => [u.id, u.label]));
  const tables = units.map((unit) => {
    const rows = p.lines
      .filter((l) => l.unit === unit)
      .map(
        (l) =>
          `<tr><td dir="auto">${esc(l.title || l.dimension)}</td>${columns.map(([f]) => num(n.format(l[f]))).join('')}</tr>`,
      );
    return `<h3 dir="auto">${esc(label.get(unit) ?? unit)}</h3><div class="table-wrap"><table class="data-table progress"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`;
  });
  const summary =
    p.open === 0 && p.rejected === 0
      ? t.progressDone
      : `${t.open}: ${n.format(p.open)}${p.rejected > 0 ? `; ${t.rejectedRows}: ${n.format(p.rejected)}` : ''}`;
  return `<p class="note">${esc(t.progressIntro)}</p><p><strong>${esc(summary)}</strong></p>${tables.join('')}`;
}

/** A review state in the report's language. */
function statusLabel(status: string, t: ReportLabels): string {
  const labels: Record<string, string> = {
    draft: t.statusDraft,
    submitted: t.statusSubmitted,
    reviewed: t.statusReviewed,
    final: t.statusFinal,
  };
  return labels[status] ?? status;
}

function methodology(model: ReportModel, t: ReportLabels): string {
  const m = model.methodology;
  const parts: string[] = [];
  parts.push(
    `<p dir="auto">${esc(`${m.framework.title} (${m.framework.id}), ${t.edition} ${m.framework.edition}, ${t.version} ${m.framework.version}. ${t.scale}: ${m.scale.min}–${m.scale.max}.`)}</p>`,
  );
  if (m.levels.length > 0)
    parts.push(
      `<h3>${esc(t.levels)}</h3><ol>${m.levels.map((l) => `<li dir="auto">${esc(l.label)} <code>${esc(l.id)}</code></li>`).join('')}</ol>`,
    );
  if (m.stages.length > 0)
    parts.push(
      `<h3>${esc(t.stages)}</h3><dl class="facts">${m.stages.map((s) => `<dt dir="auto">${esc(s.label)}</dt><dd dir="auto">${esc(s.description ?? '')}</dd>`).join('')}</dl>`,
    );
  parts.push(
    `<h3>${esc(t.dimensions)}</h3><div class="table-wrap"><table class="data-table"><thead><tr><th>${esc(t.dimension)}</th><th class="num">${esc(t.indicators)}</th></tr></thead><tbody>${m.dimensions.map((d) => `<tr><td dir="auto">${esc(d.parent ? `${d.parent} › ${d.label}` : d.label)}</td>${num(String(d.indicators))}</tr>`).join('')}</tbody></table></div>`,
  );
  parts.push(
    `<h3>${esc(t.rules)}</h3><div class="table-wrap"><table class="data-table"><thead><tr><th>${esc(t.ruleKind)}</th><th class="num">${esc(t.indicators)}</th></tr></thead><tbody>${m.rules.map((r) => `<tr><td><code>${esc(r.kind)}</code></td>${num(String(r.indicators))}</tr>`).join('')}</tbody></table></div>`,
  );
  parts.push(
    `<h3>${esc(t.conventions)}</h3><dl class="facts">${m.facts.map((f) => `<dt>${esc(f.term)}</dt><dd dir="auto">${esc(f.definition)}</dd>`).join('')}</dl>`,
  );
  if (model.notes.length > 0)
    parts.push(
      `<h3>${esc(t.notes)}</h3><ul>${model.notes.map((n) => `<li dir="auto">${esc(n)}</li>`).join('')}</ul>`,
    );
  return parts.join('');
}
