/**
 * The outputs over the NIEM example answers (fixtures/niem): the HTML report, the comparison
 * between rounds and the exports, checked against the engine's own numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAnswers } from '../src/answers/read/index.js';
import { score } from '../src/engine/index.js';
import { IntegrationIndexError } from '../src/errors/issue.js';
import { loadFrameworkDir, resolveFramework } from '../src/node/framework.js';
import { compare } from '../src/report/compare/index.js';
import { exportCsv, exportJson, longRows } from '../src/report/export/index.js';
import { resultView } from '../src/report/from-result.js';
import { renderReport } from '../src/report/report.js';

const framework = loadFrameworkDir(resolveFramework('niem'));
const csv = readFileSync('fixtures/niem/answers.csv', 'utf8');
const result = score(framework, readAnswers([{ path: 'fixtures/niem/answers.csv', content: csv }]));
const view = resultView(result, framework);
const scoredDimensions = framework.dimensions.filter((d) => d.scored !== false).map((d) => d.id);
const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

describe('compare over the NIEM example', () => {
  const c = compare(view, { from: '2019', to: '2021', kinds: ['dimension'] });
  const xa = c.changes.filter((x) => x.unit === 'XA' && scoredDimensions.includes(x.node));
  const by = (d: string) => xa.filter((x) => x.direction === d).map((x) => x.node);

  it('tells which dimensions of XA improved, held or declined from 2019 to 2021', () => {
    expect(by('improved')).toEqual([
      'mainstreaming',
      'residency',
      'family',
      'nationality',
      'housing',
      'employment',
      'vocational',
      'health',
      'social',
      'language',
    ]);
    expect(by('held')).toEqual(['bridges']);
    expect(by('declined')).toEqual(['education']);
  });
  it('takes the result itself as well as a view of it', () => {
    const direct = compare(result, { from: '2019', to: '2021', kinds: ['dimension'] });
    expect(direct.changes.map((x) => [x.unit, x.node, x.change, x.direction])).toEqual(
      c.changes.map((x) => [x.unit, x.node, x.change, x.direction]),
    );
  });
  it('gives each change from the engine’s scores and names the answers behind it', () => {
    for (const x of xa) {
      expect(x.change).toBeCloseTo(
        (view.cell('XA', '2021', x.node)?.score ?? Number.NaN) -
          (view.cell('XA', '2019', x.node)?.score ?? Number.NaN),
        12,
      );
      if (x.direction !== 'held') expect(x.answers.length).toBeGreaterThan(0);
    }
    const residency = xa.find((x) => x.node === 'residency');
    expect(residency?.answers).toContainEqual(
      expect.objectContaining({ indicator: 'res_lf_permit_duration_refugee', from: '5', to: '10' }),
    );
  });
});

describe('renderReport over the NIEM example', () => {
  const html = renderReport(result, framework);
  const units = result.units.length;

  it('draws every chart: heat map cells, one radar and one stage chart per unit', () => {
    expect(count(html, /<rect class="heatmap-cell/g)).toBe(units * scoredDimensions.length);
    expect(count(html, /<polygon class="radar-shape"/g)).toBe(units);
    expect(count(html, /<svg [^>]*class="chart chart-bars"/g)).toBe(1 + 1 + units);
    expect(count(html, /<svg /g)).toBe(count(html, /<svg [^>]*role="img"[^>]*><title id=/g));
  });
  it('shows the engine’s scores for the last round, compared with the one before', () => {
    expect(html).toContain('Evaluation 2 (2021)');
    expect(html).toContain('↔ Evaluation 1 (2019)');
    for (const unit of result.units) {
      for (const d of scoredDimensions) {
        const s = view.cell(unit, '2021', d)?.score;
        expect(html).toContain(`data-row="${unit}" data-column="${d}" data-value="${s}"`);
      }
    }
  });
  it('states the result’s provenance stamp in the methodology', () => {
    const p = result.provenance;
    expect(p).toBeDefined();
    expect(html).toContain(`SHA-256 ${p?.framework.sha256}`);
    expect(html).toContain(`${p?.library.name} ${p?.library.version}`);
  });
  it('carries the evidence of each answer, unless asked not to', () => {
    expect(html).toContain('XA National integration strategy (fictional)');
    const lean = renderReport(result, framework, { evidence: false });
    expect(lean).not.toContain('XA National integration strategy (fictional)');
    expect(lean).toContain('The answers are not listed in this report.');
    expect(lean.length).toBeLessThan(html.length / 2);
  });
  it('is written in Bulgarian with --lang bg, the framework’s titles included', () => {
    const bg = renderReport(result, framework, { lang: 'bg' });
    expect(bg).toContain('<html lang="bg" dir="ltr">');
    expect(bg).toContain('Национален механизъм за оценка на интеграцията');
    expect(bg).toContain('Пребиваване');
  });
  it('keeps right-to-left text and escapes markup from answer files', () => {
    const hostile = csv
      .split('\n')
      .map((line, i) =>
        i === 0 || line === ''
          ? line
          : `${line.replace(/^XA,/, 'X<b>A,').replace(/,[^,]*,[^,]*$/, ',"قانون اللجوء، المادة 5","<script>alert(1)</script> ""quoted"""')}`,
      )
      .join('\n');
    const r = score(framework, readAnswers([{ path: 'a.csv', content: hostile }]));
    const out = renderReport(r, framework, { lang: 'ar' });
    expect(out).toContain('<html lang="ar" dir="rtl">');
    expect(out).toContain('قانون اللجوء، المادة 5');
    expect(out).toContain('X&lt;b&gt;A');
    expect(out).not.toMatch(/<script>|<b>A/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot;');
  });
  it('lists the answer rows the run rejected, with their codes', () => {
    const bad = `${csv.trimEnd()}\nXA,2021,res_lf_renewal_conditions,d,,,,\n`;
    const r = score(framework, readAnswers([{ path: 'bad.csv', content: bad }]));
    const out = renderReport(r, framework);
    expect(out).toMatch(
      /<ul class="rejected"><li dir="auto"><code>bad\.csv:\d+:4 \[answer\]: error SCORE_UNKNOWN_OPTION/,
    );
    expect(out).toContain(`1 rejected`);
  });
  it('draws another level when asked, and names the levels it has when the level is unknown', () => {
    const groups = renderReport(result, framework, { level: 'group' });
    expect(count(groups, /<rect class="heatmap-cell/g)).toBe(
      units * (framework.groups?.length ?? 0),
    );
    try {
      renderReport(result, framework, { level: 'area' });
      expect.unreachable();
    } catch (e) {
      const issue = (e as IntegrationIndexError).issues[0];
      expect(issue?.code).toBe('REPORT_UNKNOWN_LEVEL');
      expect(issue?.message).toContain('"dimension"');
    }
  });
  it('reports a period the result lacks as a coded error', () => {
    try {
      renderReport(result, framework, { period: '2030' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(IntegrationIndexError);
      expect((e as IntegrationIndexError).issues[0]?.code).toBe('REPORT_UNKNOWN_PERIOD');
    }
  });
});

describe('exports over the NIEM example', () => {
  it('writes the engine’s rounded scores, one long row per unit, period and node', () => {
    const rows = longRows(view, { kinds: ['overall'] });
    expect(rows).toHaveLength(1 + result.units.length * result.periods.length);
    for (const row of rows.slice(1)) {
      const [unit, period, , , , shown] = row as [string, string, string, string, null, number];
      const full = view.cell(unit, period, 'overall')?.score as number;
      expect(Math.abs(shown - full)).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });
  it('writes the result as JSON at full precision, and refuses one that lost its format', () => {
    const back = JSON.parse(exportJson(result));
    expect(back).toEqual(JSON.parse(JSON.stringify(result)));
    const broken = {
      ...result,
      nodes: result.nodes.map((n, i) => (i === 0 ? { ...n, score: 'x' } : n)),
    };
    try {
      exportJson(broken as unknown as typeof result);
      expect.unreachable();
    } catch (e) {
      expect((e as IntegrationIndexError).issues[0]?.code).toBe('EXPORT_RESULT_INVALID');
    }
  });
  it('starts the Excel CSV with a byte-order mark and semicolons', () => {
    const text = exportCsv(view, 'wide', { excel: true, kinds: ['dimension'], periods: ['2021'] });
    expect(text.startsWith('\ufeffunit;period;reception;mainstreaming;')).toBe(true);
  });
});
