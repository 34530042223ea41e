/**
 * A hand-built ResultView for tests of exports, comparisons and reports: a tiny framework (two
 * dimensions with two indicators each, two stages) and scores given as plain tables.
 */
import type { ResultView, ViewAnswer, ViewCell, ViewNode } from '../../src/report/view.js';

/** Scores per period, unit and node; answers per period, unit and indicator. */
export interface ViewTables {
  units: string[];
  periods: string[];
  scores: Record<string, Record<string, Record<string, number | null>>>;
  answers?: Record<string, Record<string, Record<string, ViewAnswer>>>;
}

/** The nodes of the tiny framework. */
export const tinyNodes: ViewNode[] = [
  n('overall', 'overall', 'overall', null, null, ['res', 'fam']),
  n('res', 'dimension', 'dimension', null, 'overall', ['res@legal', 'res@policy']),
  n('fam', 'dimension', 'dimension', null, 'overall', ['fam@legal', 'fam@policy']),
  n('legal', 'stage', 'stage', 'legal', null, ['res@legal', 'fam@legal']),
  n('policy', 'stage', 'stage', 'policy', null, ['res@policy', 'fam@policy']),
  n('res@legal', 'cell', 'cell', 'legal', 'res', ['r1']),
  n('res@policy', 'cell', 'cell', 'policy', 'res', ['r2']),
  n('fam@legal', 'cell', 'cell', 'legal', 'fam', ['f1']),
  n('fam@policy', 'cell', 'cell', 'policy', 'fam', ['f2']),
  n('r1', 'indicator', 'indicator', 'legal', 'res', []),
  n('r2', 'indicator', 'indicator', 'policy', 'res', []),
  n('f1', 'indicator', 'indicator', 'legal', 'fam', []),
  n('f2', 'indicator', 'indicator', 'policy', 'fam', []),
];

function n(
  id: string,
  kind: ViewNode['kind'],
  level: string,
  stage: string | null,
  parent: string | null,
  children: string[],
): ViewNode {
  const titles: Record<string, string | Record<string, string>> = {
    overall: 'Overall',
    res: { en: 'Residency', bg: 'Пребиваване' },
    fam: { en: 'Family <reunification>' },
    legal: 'Legal',
    policy: 'Policy',
  };
  return { id, kind, title: titles[id] ?? id, level, stage, parent, scored: true, children };
}

/** Competition ranks ("1224") of the units' scores. */
function ranks(scores: (number | null)[]): (number | null)[] {
  return scores.map((s) =>
    s === null ? null : 1 + scores.filter((t) => t !== null && t > s).length,
  );
}

/** A ResultView over the tables, ranking units per period and node. */
export function tableView(tables: ViewTables, nodes: ViewNode[] = tinyNodes): ResultView {
  const cell = (unit: string, period: string, node: string): ViewCell | undefined => {
    const byUnit = tables.scores[period];
    if (!byUnit?.[unit]) return undefined;
    const score = byUnit[unit]?.[node] ?? null;
    const all = tables.units.map((u) => byUnit[u]?.[node] ?? null);
    const rank = ranks(all)[tables.units.indexOf(unit)] ?? null;
    const kind = nodes.find((x) => x.id === node)?.kind;
    const expected = kind === 'indicator' ? 1 : 2;
    return {
      score,
      rank,
      coverage: {
        answered: score === null ? 0 : expected,
        notApplicable: 0,
        missing: score === null ? expected : 0,
        expected,
      },
      reason: score === null ? 'no-data' : null,
    };
  };
  return {
    framework: { id: 'tiny', title: 'Tiny index', edition: '1', version: '1.0.0', language: 'en' },
    scale: { min: 0, max: 100 },
    units: tables.units,
    periods: tables.periods,
    nodes,
    rootId: 'overall',
    cell,
    answer: (unit, period, indicator) => tables.answers?.[period]?.[unit]?.[indicator],
  };
}

/** Two units over two periods: XA improves residency, XB declines in family. */
export function tinyView(): ResultView {
  return tableView({
    units: ['XA', 'XB'],
    periods: ['2019', '2021'],
    scores: {
      '2019': {
        XA: {
          overall: 50,
          res: 50,
          fam: 50,
          legal: 75,
          policy: 25,
          'res@legal': 100,
          'res@policy': 0,
          'fam@legal': 50,
          'fam@policy': 50,
          r1: 100,
          r2: 0,
          f1: 50,
          f2: 50,
        },
        XB: {
          overall: 75,
          res: 50,
          fam: 100,
          legal: 75,
          policy: 75,
          'res@legal': 50,
          'res@policy': 50,
          'fam@legal': 100,
          'fam@policy': 100,
          r1: 50,
          r2: 50,
          f1: 100,
          f2: 100,
        },
      },
      '2021': {
        XA: {
          overall: 75,
          res: 100,
          fam: 50,
          legal: 75,
          policy: 75,
          'res@legal': 100,
          'res@policy': 100,
          'fam@legal': 50,
          'fam@policy': 50,
          r1: 100,
          r2: 100,
          f1: 50,
          f2: 50,
        },
        XB: {
          overall: 50,
          res: 50,
          fam: 50,
          legal: 50,
          policy: 50,
          'res@legal': 50,
          'res@policy': 50,
          'fam@legal': 50,
          'fam@policy': 50,
          r1: 50,
          r2: 50,
          f1: 50,
          f2: 50,
        },
      },
    },
    answers: {
      '2019': {
        XA: { r1: { answer: 'a' }, r2: { answer: 'c' }, f1: { answer: 'b' }, f2: { answer: 'b' } },
        XB: { r1: { answer: 'b' }, r2: { answer: 'b' }, f1: { answer: 'a' }, f2: { answer: 'a' } },
      },
      '2021': {
        XA: {
          r1: { answer: 'a' },
          r2: { answer: 'a', source: 'Integration Act 2020, § 4', comment: 'New programme <2020>' },
          f1: { answer: 'b' },
          f2: { answer: 'b' },
        },
        XB: { r1: { answer: 'b' }, r2: { answer: 'b' }, f1: { answer: 'b' }, f2: { answer: 'b' } },
      },
    },
  });
}
