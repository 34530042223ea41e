import { describe, expect, it } from 'vitest';
import { directionOf, reportLabels } from './labels.js';
import type { ReportModel } from './model.js';
import { renderReportModel } from './render.js';

const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

function model(overrides: Partial<ReportModel> = {}): ReportModel {
  const cov = { answered: 10, notApplicable: 1, missing: 1, expected: 12 };
  return {
    lang: 'en',
    dir: 'ltr',
    title: 'Test <index>',
    subtitle: 'Edition 1',
    period: { id: '2021', label: '2021' },
    previousPeriod: { id: '2019', label: '2019' },
    scale: { min: 0, max: 100 },
    decimals: 1,
    tolerance: 0.05,
    dimensions: [
      { id: 'res', label: 'Residency' },
      { id: 'fam', label: 'Family & "reunification"' },
      { id: 'nat', label: 'الجنسية' },
    ],
    stages: [
      { id: 'legal', label: 'Legal' },
      { id: 'policy', label: 'Policy' },
    ],
    units: [
      {
        id: 'XA',
        label: 'Xanadu',
        overall: 70,
        rank: 1,
        coverage: cov,
        previous: { overall: 60, rank: 2 },
        dimensions: [80, 60, 70],
        stages: [75, 65],
        previousDimensions: [80, 40, 60],
      },
      {
        id: 'XB',
        label: '<script>alert(1)</script>',
        overall: 55.25,
        rank: 2,
        coverage: cov,
        previous: { overall: 65, rank: 1 },
        dimensions: [50, null, 60.5],
        stages: [55, null],
        previousDimensions: [50, 70, 75],
      },
    ],
    evidence: {
      XA: [
        {
          indicator: 'res_1',
          title: 'Permit length',
          dimension: 'res',
          answer: 'a',
          option: 'Three years',
          score: 100,
          source: 'Aliens Act § 12 <art.>',
          comment: 'تعليق بالعربية',
          previousAnswer: 'b',
        },
      ],
    },
    coverageWarnings: [
      { unit: 'XB', node: 'fam', reason: 'below coverage threshold', coverage: cov },
    ],
    rejected: ['a.csv:3:4: error SCORE_UNKNOWN_OPTION: "<d>" is not an option'],
    notes: [],
    methodology: {
      framework: { id: 't', title: 'Test', edition: '1', version: '1.0.0' },
      scale: { min: 0, max: 100 },
      levels: [{ id: 'dimension', label: 'Dimension' }],
      stages: [{ id: 'legal', label: 'Legal', description: 'Laws' }],
      dimensions: [{ id: 'res', label: 'Residency', indicators: 4 }],
      rules: [{ kind: 'choice', indicators: 4 }],
      facts: [{ term: 'Rounding', definition: 'Half away from zero, on output only.' }],
    },
    ...overrides,
  };
}

describe('renderReportModel', () => {
  const html = renderReportModel(model());

  it('writes one self-contained document without scripts or external resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/@import|url\(http/);
  });
  it('draws the charts: heat map cells, a radar per unit, stage bars and changes', () => {
    expect(count(html, /<rect class="heatmap-cell/g)).toBe(6);
    expect(count(html, /<polygon class="radar-shape"/g)).toBe(2);
    expect(count(html, /<polygon class="radar-reference"/g)).toBe(2);
    expect(count(html, /<svg /g)).toBe(1 + 1 + 1 + 2 * 2);
    expect(count(html, /<svg [^>]*role="img"/g)).toBe(count(html, /<svg /g));
    expect(count(html, /<svg [^>]*>(<title id)/g)).toBe(count(html, /<svg /g));
  });
  it('puts a data table behind every chart', () => {
    for (const id of ['ranking-table', 'heatmap-table', 'change-table']) {
      expect(html).toContain(`id="${id}"`);
    }
    expect(count(html, /<article class="unit-profile"/g)).toBe(2);
  });
  it('escapes every text from the inputs and keeps right-to-left text', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Family &amp; &quot;reunification&quot;');
    expect(html).toContain('الجنسية');
    expect(html).toContain('<td dir="auto">تعليق بالعربية</td>');
    expect(html).toContain('<title>Test &lt;index&gt; – 2021</title>');
  });
  it('lists rejected answer rows under coverage, escaped', () => {
    expect(html).toContain('Answer rows rejected (not scored) (1)');
    expect(html).toContain('SCORE_UNKNOWN_OPTION: &quot;&lt;d&gt;&quot; is not an option');
  });
  it('names the direction of each change with the tolerance', () => {
    expect(html).toMatch(/class="improved">▲ improved/);
    expect(html).toMatch(/class="declined">▼ declined/);
    expect(html).toContain('class="num held" title="held"><bdi dir="ltr">● 0.0</bdi>');
  });
  it('shows rank changes as places moved up or down', () => {
    const table =
      /<table class="data-table" id="ranking-table">.*?<\/table>/s.exec(html)?.[0] ?? '';
    expect(table).toContain('<td class="num"><bdi dir="ltr">+1</bdi></td>');
    expect(table).toContain('<td class="num"><bdi dir="ltr">−1</bdi></td>');
  });
  it('leaves the change section as a note when there is no comparison period', () => {
    const { previousPeriod: _, ...rest } = model();
    const single = renderReportModel({
      ...rest,
      units: rest.units.map(({ previous: _p, previousDimensions: _d, ...u }) => u),
    });
    expect(single).toContain('No comparison period');
    expect(single).not.toContain('id="change-table"');
  });
  it('writes the page in the report language and direction', () => {
    const ar = renderReportModel(model({ lang: 'ar', dir: 'rtl' }));
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    const bg = renderReportModel(model({ lang: 'bg' }));
    expect(bg).toContain('Класиране');
  });
});

describe('labels', () => {
  it('falls back to English and knows right-to-left scripts', () => {
    expect(reportLabels('bg-BG').ranking).toBe('Класиране');
    expect(reportLabels('bg').source).toBe('Източник');
    expect(reportLabels('sv').ranking).toBe('Ranking');
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('he-IL')).toBe('rtl');
    expect(directionOf('az-Arab')).toBe('rtl');
    expect(directionOf('bg')).toBe('ltr');
  });
});
