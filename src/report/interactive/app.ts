/// <reference lib="dom" />
/**
 * The interactive report's app: bundled as one classic script (`dist/report-app.global.js`) and
 * inlined into the page by `report`. It reads the framework and the answer files the page
 * carries, and re-scores them with the library's own engine and report renderer whenever the
 * reader changes a weight, an answer, the period or the comparison, so that every number shown
 * equals what `score --weight ...` prints for the same settings.
 *
 * ```text
 *  #ii-report-data ──readAnswers──▶ answers ─┐
 *  URL hash ──decodeState──▶ state ──────────┼──safeScore(weights, what-if)──▶ result
 *  controls (weights, what-if, period) ──────┘                                  │
 *                                              renderReport(result, period) ◀──┘
 *                                                 └─▶ <main> replaced; tables made sortable and
 *                                                     filterable; comparison and hash updated
 * ```
 */
import { readAnswers } from '../../answers/read/index.js';
import type { AnswerSet } from '../../answers/types.js';
import { safeScore } from '../../engine/index.js';
import type { ScoreResult } from '../../engine/result/schema.js';
import type { Framework } from '../../framework/schema/framework.js';
import type { Indicator } from '../../framework/schema/indicator.js';
import type { FrameworkNode } from '../../framework/schema/node.js';
import { resolveText } from '../../text/resolve.js';
import type { Text } from '../../text/text.js';
import { applyUnits } from '../../units/apply.js';
import { exportCsv } from '../export/index.js';
import { formatScore } from '../format.js';
import { resultView } from '../from-result.js';
import { renderReport } from '../report.js';
import { type InteractiveReportData, interactiveDataId } from './embed.js';
import { type InteractiveLabels, interactiveLabels } from './labels.js';
import { decodeState, encodeState, type ViewState } from './state.js';

interface WeightNode {
  id: string;
  title: string;
  weight: number;
  kind: 'groups' | 'dimensions' | 'stages';
}

interface Choice {
  id: string;
  title: string;
  options: { code: string; label: string }[];
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

function option(value: string, text: string, selected = false): HTMLOptionElement {
  const o = el('option', { value }, text);
  o.selected = selected;
  return o;
}

/** The nodes whose weights the reader may change: groups, dimensions and stages. */
function weightNodes(framework: Framework, lang: string): WeightNode[] {
  const t = (x: Text) => resolveText(x, lang, framework.language).text;
  return [
    ...(framework.groups ?? [])
      .filter((g) => g.scored !== false)
      .map((g) => ({ id: g.id, title: t(g.title), weight: g.weight, kind: 'groups' as const })),
    ...framework.dimensions
      .filter((d) => d.scored !== false)
      .map((d) => ({ id: d.id, title: t(d.title), weight: d.weight, kind: 'dimensions' as const })),
    ...(framework.stages ?? []).map((s) => ({
      id: s.id,
      title: t(s.title),
      weight: s.weight,
      kind: 'stages' as const,
    })),
  ];
}

/** The indicators a what-if can change, with their options (choices, and yes/no). */
function choices(framework: Framework, lang: string, labels: InteractiveLabels): Choice[] {
  const t = (x: Text) => resolveText(x, lang, framework.language).text;
  const out: Choice[] = [];
  const indicator = (i: Indicator) => {
    const rule = i.rule as { kind: string; options?: { code: string; label: Text }[] };
    const na = { code: 'n/a', label: labels.notApplicable };
    if (rule.kind === 'choice' && rule.options) {
      out.push({
        id: i.id,
        title: t(i.title),
        options: [...rule.options.map((o) => ({ code: o.code, label: t(o.label) })), na],
      });
    } else if (rule.kind === 'boolean') {
      out.push({
        id: i.id,
        title: t(i.title),
        options: [{ code: 'yes', label: labels.yes }, { code: 'no', label: labels.no }, na],
      });
    }
  };
  const node = (n: FrameworkNode) => {
    if (n.scored === false) return;
    n.indicators?.forEach(indicator);
    n.children?.forEach(node);
  };
  framework.dimensions.forEach(node);
  return out;
}

/** The answers with one answer of `unit` in `period` replaced, as `whatif --set` does. */
function withAnswer(
  base: AnswerSet,
  period: string,
  change: NonNullable<ViewState['whatIf']>,
): AnswerSet {
  const rows = base.rows.filter(
    (r) => !(r.unit === change.unit && r.period === period && r.indicator === change.indicator),
  );
  rows.push({
    unit: change.unit,
    period,
    indicator: change.indicator,
    answer: change.answer,
    origin: { file: 'what-if', row: 0, line: 0, columns: {} },
  });
  return { ...base, rows };
}

/** Sorting and filtering for every data table of `root`. */
function enhanceTables(root: HTMLElement, labels: InteractiveLabels): void {
  root.querySelectorAll<HTMLTableElement>('table.data-table').forEach((table, k) => {
    const body = table.tBodies[0];
    if (!body) return;
    const head = table.tHead?.rows[0];
    head?.querySelectorAll('th').forEach((th, col) => {
      const text = th.textContent ?? '';
      if (text.trim() === '') return;
      const button = el(
        'button',
        { type: 'button', class: 'sort', 'aria-label': `${labels.sortBy} ${text}` },
        text,
      );
      th.replaceChildren(button);
      button.addEventListener('click', () => {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        head.querySelectorAll('th').forEach((h) => {
          h.removeAttribute('aria-sort');
        });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const key = (row: HTMLTableRowElement) => {
          const cell = row.cells[col]?.textContent?.trim() ?? '';
          const n = Number(cell.replace('−', '-').replace(/^[▲▼●]\s*/, ''));
          return cell !== '' && Number.isFinite(n) ? n : cell;
        };
        const rows = Array.from(body.rows).sort((a, b) => {
          const x = key(a);
          const y = key(b);
          const c =
            typeof x === 'number' && typeof y === 'number'
              ? x - y
              : String(x).localeCompare(String(y));
          return ascending ? c : -c;
        });
        body.append(...rows);
      });
    });
    if (body.rows.length < 4) return;
    const id = `ii-filter-${k}`;
    const input = el('input', {
      type: 'search',
      id,
      class: 'table-filter',
      placeholder: labels.filter,
      'aria-label': labels.filter,
    });
    input.addEventListener('input', () => {
      const q = input.value.trim().toLowerCase();
      for (const row of Array.from(body.rows))
        row.hidden = q !== '' && !row.textContent?.toLowerCase().includes(q);
    });
    (table.closest('.table-wrap') ?? table).before(input);
  });
}

function start(): void {
  const dataElement = document.getElementById(interactiveDataId);
  if (!dataElement?.textContent) return;
  const data = JSON.parse(dataElement.textContent) as InteractiveReportData;
  const framework = data.framework;
  const lang = data.report.lang ?? framework.language;
  const labels = interactiveLabels(lang);
  const base = readAnswers(data.answers);
  const nodes = weightNodes(framework, lang);
  const whatIfChoices = choices(framework, lang, labels);
  let state: ViewState = decodeState(location.hash);
  let result: ScoreResult | null = null;

  const effectiveWeights = () => ({ ...data.scoring.weights, ...state.weights });
  const shownPeriod = (r: ScoreResult) =>
    state.period ?? data.report.period ?? r.periods.at(-1)?.id ?? '';

  // The controls, above the report's sections.
  const status = el('p', { class: 'ii-status', role: 'status', 'aria-live': 'polite' });
  const periodSelect = el('select', { id: 'ii-period' });
  const weightInputs: HTMLInputElement[] = [];
  const weightFieldsets = (['groups', 'dimensions', 'stages'] as const)
    .map((kind) => {
      const of = nodes.filter((n) => n.kind === kind);
      if (of.length === 0) return null;
      return el(
        'fieldset',
        { class: 'ii-weights' },
        el('legend', {}, labels[kind]),
        ...of.map((n) => {
          const input = el('input', {
            type: 'number',
            min: '0',
            max: '5',
            step: '0.5',
            inputmode: 'decimal',
            'data-weight': n.id,
            'data-default': String(data.scoring.weights[n.id] ?? n.weight),
            'aria-label': `${labels.weightOf} ${n.title}`,
          });
          weightInputs.push(input);
          return el('label', {}, el('span', {}, n.title), input);
        }),
      );
    })
    .filter((f): f is HTMLFieldSetElement => f !== null);
  const reset = el('button', { type: 'button', id: 'ii-reset' }, labels.reset);
  const unitSelect = el('select', { id: 'ii-whatif-unit' });
  const indicatorSelect = el('select', { id: 'ii-whatif-indicator' });
  const answerSelect = el('select', { id: 'ii-whatif-answer' });
  const apply = el('button', { type: 'button', id: 'ii-whatif-apply' }, labels.apply);
  const clear = el('button', { type: 'button', id: 'ii-whatif-clear' }, labels.clear);
  const compareA = el('select', { id: 'ii-compare-a', 'aria-label': `${labels.unit} 1` });
  const compareB = el('select', { id: 'ii-compare-b', 'aria-label': `${labels.unit} 2` });
  const compareOut = el('div', { id: 'ii-compare-table', class: 'table-wrap' });
  const download = el('button', { type: 'button', id: 'ii-download' }, labels.download);

  for (const c of whatIfChoices) indicatorSelect.append(option(c.id, `${c.id} · ${c.title}`));
  const fillAnswers = () => {
    const c = whatIfChoices.find((x) => x.id === indicatorSelect.value);
    answerSelect.replaceChildren(
      ...(c?.options ?? []).map((o) => option(o.code, `${o.code} · ${o.label}`)),
    );
  };
  fillAnswers();

  const panel = el(
    'aside',
    { id: 'ii-controls', 'aria-labelledby': 'ii-controls-h' },
    el('h2', { id: 'ii-controls-h' }, labels.explore),
    el('p', { class: 'intro' }, labels.exploreIntro),
    el('div', { class: 'ii-row' }, el('label', {}, `${labels.period} `, periodSelect), download),
    el(
      'details',
      { open: '' },
      el('summary', {}, labels.weights),
      el('p', { class: 'note' }, labels.weightsIntro),
      el('div', { class: 'ii-weight-grid' }, ...weightFieldsets),
      reset,
    ),
    el(
      'details',
      {},
      el('summary', {}, labels.whatIf),
      el(
        'div',
        { class: 'ii-row' },
        el('label', {}, `${labels.unit} `, unitSelect),
        el('label', {}, `${labels.indicator} `, indicatorSelect),
        el('label', {}, `${labels.answer} `, answerSelect),
        apply,
        clear,
      ),
    ),
    el(
      'details',
      {},
      el('summary', {}, labels.compare),
      el('div', { class: 'ii-row' }, compareA, compareB),
      compareOut,
    ),
    status,
    el('p', { class: 'note' }, labels.share),
  );
  document.querySelector('header')?.after(panel);

  const syncControls = (r: ScoreResult) => {
    const weights = effectiveWeights();
    for (const input of weightInputs) {
      const id = input.dataset.weight as string;
      const w = weights[id] ?? nodes.find((n) => n.id === id)?.weight ?? 1;
      if (Number(input.value) !== w || input.value === '') input.value = String(w);
    }
    const period = shownPeriod(r);
    const periods = resultView(r, framework).periods;
    periodSelect.replaceChildren(...periods.map((p) => option(p, p, p === period)));
    const units = r.units;
    for (const [select, pick] of [
      [unitSelect, state.whatIf?.unit ?? units[0]],
      [compareA, state.compare?.[0] ?? units[0]],
      [compareB, state.compare?.[1] ?? units[1] ?? units[0]],
    ] as const) {
      select.replaceChildren(...units.map((u) => option(u, u, u === pick)));
    }
    if (state.whatIf) {
      indicatorSelect.value = state.whatIf.indicator;
      fillAnswers();
      answerSelect.value = state.whatIf.answer;
    }
  };

  const renderCompare = (r: ScoreResult) => {
    const view = resultView(r, framework);
    const period = shownPeriod(r);
    const [a, b] = [compareA.value, compareB.value];
    const fmt = (v: number | null | undefined) =>
      v === null || v === undefined ? '' : formatScore(v, data.report.decimals ?? 1);
    const rows = view.nodes
      .filter((n) => ['overall', 'group', 'dimension', 'stage'].includes(n.kind) && n.scored)
      .map((n) => {
        const x = view.cell(a, period, n.id)?.score ?? null;
        const y = view.cell(b, period, n.id)?.score ?? null;
        return el(
          'tr',
          { 'data-node': n.id },
          el('td', { dir: 'auto' }, resolveText(n.title, lang, framework.language).text),
          el('td', { class: 'num', 'data-score': x === null ? '' : String(x) }, fmt(x)),
          el('td', { class: 'num', 'data-score': y === null ? '' : String(y) }, fmt(y)),
          el('td', { class: 'num' }, x === null || y === null ? '' : fmt(x - y)),
        );
      });
    compareOut.replaceChildren(
      el(
        'table',
        { class: 'data-table', id: 'ii-compare' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', {}, labels.node),
            el('th', { class: 'num' }, a),
            el('th', { class: 'num' }, b),
            el('th', { class: 'num' }, labels.difference),
          ),
        ),
        el('tbody', {}, ...rows),
      ),
    );
  };

  const describeChanges = (): string => {
    const parts = Object.entries(state.weights).map(([id, w]) => `${id} = ${w}`);
    if (state.whatIf)
      parts.push(`${state.whatIf.unit}: ${state.whatIf.indicator} = ${state.whatIf.answer}`);
    return parts.length === 0 ? '' : `${labels.changed}: ${parts.join('; ')}`;
  };

  /** Re-scores with the current state; re-renders the report unless `renderPage` is false. */
  const update = (renderPage: boolean) => {
    const period = state.period ?? data.report.period ?? framework.periods.at(-1)?.id ?? '';
    const answers = state.whatIf ? withAnswer(base, period, state.whatIf) : base;
    const weights = effectiveWeights();
    const scored = safeScore(framework, answers, {
      ...(data.scoring.asOf !== undefined ? { asOf: data.scoring.asOf } : {}),
      ...(Object.keys(weights).length > 0 ? { weights } : {}),
      ...(data.scoring.provenance ? { provenance: data.scoring.provenance } : {}),
      ...(data.report.lang !== undefined ? { lang: data.report.lang } : {}),
    });
    if (!scored.ok) {
      status.textContent = `${labels.error}: ${scored.issues.map((i) => i.message).join(' ')}`;
      status.classList.add('ii-error');
      return;
    }
    // The run's units (names, levels, group summaries) on the new scores, as the command line
    // applied them.
    const withUnits = data.units
      ? applyUnits(scored.value, data.units.registry, data.units.options)
      : { ok: true as const, value: scored.value };
    if (!withUnits.ok) {
      status.textContent = `${labels.error}: ${withUnits.issues.map((i) => i.message).join(' ')}`;
      status.classList.add('ii-error');
      return;
    }
    status.classList.remove('ii-error');
    result = withUnits.value;
    if (renderPage) {
      let html: string;
      try {
        html = renderReport(result, framework, {
          ...data.report,
          ...(state.period !== null ? { period: state.period } : {}),
        });
      } catch (e) {
        const issues = (e as { issues?: { message: string }[] }).issues;
        status.textContent = `${labels.error}: ${issues?.map((i) => i.message).join(' ') ?? String(e)}`;
        status.classList.add('ii-error');
        return;
      }
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const main = doc.querySelector('main');
      const current = document.querySelector('main');
      // The robustness section (`report --analysis`) comes from saved analyses, not from these
      // scores: it moves over to the new page as it is.
      const robustness = current?.querySelector('#robustness');
      if (main && current) current.replaceWith(document.importNode(main, true));
      if (robustness) document.querySelector('main')?.append(robustness);
      const subtitle = doc.querySelector('header .subtitle');
      if (subtitle)
        document
          .querySelector('header .subtitle')
          ?.replaceWith(document.importNode(subtitle, true));
      document.title = doc.title;
    }
    const mainNow = document.querySelector('main');
    if (mainNow) enhanceTables(mainNow, labels);
    syncControls(result);
    renderCompare(result);
    status.textContent = describeChanges();
    const hash = encodeState(state);
    history.replaceState(null, '', hash === '' ? location.pathname + location.search : hash);
  };

  const setState = (next: ViewState) => {
    state = next;
    update(true);
  };

  for (const input of weightInputs) {
    input.addEventListener('change', () => {
      const id = input.dataset.weight as string;
      const v = Number(input.value);
      if (input.value === '' || !Number.isFinite(v) || v < 0 || v > 5) {
        input.setAttribute('aria-invalid', 'true');
        return;
      }
      input.removeAttribute('aria-invalid');
      const weights = { ...state.weights };
      if (v === Number(input.dataset.default)) delete weights[id];
      else weights[id] = v;
      setState({ ...state, weights });
    });
  }
  reset.addEventListener('click', () => setState({ ...state, weights: {} }));
  periodSelect.addEventListener('change', () => setState({ ...state, period: periodSelect.value }));
  indicatorSelect.addEventListener('change', fillAnswers);
  apply.addEventListener('click', () =>
    setState({
      ...state,
      whatIf: {
        unit: unitSelect.value,
        indicator: indicatorSelect.value,
        answer: answerSelect.value,
      },
    }),
  );
  clear.addEventListener('click', () => setState({ ...state, whatIf: null }));
  const onCompare = () => {
    state = { ...state, compare: [compareA.value, compareB.value] };
    if (result) renderCompare(result);
    const hash = encodeState(state);
    history.replaceState(null, '', hash === '' ? location.pathname + location.search : hash);
  };
  compareA.addEventListener('change', onCompare);
  compareB.addEventListener('change', onCompare);
  download.addEventListener('click', () => {
    if (!result) return;
    const period = shownPeriod(result);
    const csv = exportCsv(resultView(result, framework), 'wide', {
      periods: [period],
      kinds: ['overall', 'group', 'dimension', 'stage'],
      decimals: null,
    });
    const a = el('a', {
      href: URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' })),
      download: `${framework.id}-${period}-scores.csv`,
    });
    document.body.append(a);
    a.click();
    a.remove();
  });

  const changed = encodeState(state) !== '';
  update(changed);
  document.documentElement.dataset.interactive = 'ready';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
