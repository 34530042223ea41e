/**
 * The report's inline style sheet: screen and print, no web fonts, no external resources.
 *
 * @example
 * ```ts
 * reportCss.includes('@media print'); //=> true
 * ```
 */
export const reportCss = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5c5c5c; --rule: #d9d9d9; --accent: #225ea8;
  --up: #2166ac; --down: #b2182b; --held: #6b6b6b; }
* { box-sizing: border-box; }
html { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 1100px; padding: 24px 28px 48px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.05rem; margin: 20px 0 6px; }
p.subtitle, p.note, .intro { color: var(--muted); margin: 4px 0 12px; }
nav ol { columns: 2; margin: 8px 0 0; padding-inline-start: 20px; }
a { color: var(--accent); }
figure { margin: 12px 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 0.85rem; margin-top: 4px; }
.chart text { fill: currentColor; }
.chart-heatmap .heatmap-grid text { fill: inherit; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.85rem; }
caption { text-align: start; font-weight: 600; padding: 4px 0; }
th, td { border-bottom: 1px solid var(--rule); padding: 3px 8px; text-align: start; vertical-align: top; }
th { background: #f3f5f8; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
td.num, td.improved, td.declined, td.held { white-space: nowrap; }
thead th { max-width: 12em; }
.table-wrap { overflow-x: auto; max-width: 100%; }
.improved { color: var(--up); }
.declined { color: var(--down); }
.held { color: var(--held); }
.missing { color: #8a1c1c; font-style: italic; }
.unit-profile { break-inside: avoid; page-break-inside: avoid; border-top: 1px solid var(--rule); margin-top: 16px; }
.profile-charts { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: flex-start; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
dl.facts { max-width: 100%; }
code { overflow-wrap: anywhere; }
@media (max-width: 600px) {
  body { padding: 12px 12px 32px; }
  nav ol { columns: 1; }
  dl.facts { grid-template-columns: 1fr; }
}
.evidence td { max-width: 28em; overflow-wrap: anywhere; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section { break-inside: auto; }
  figure, table { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .table-wrap { overflow: visible; }
}
@page { margin: 15mm; }
`;
