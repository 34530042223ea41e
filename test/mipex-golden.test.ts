/**
 * Golden test: MIPEX 2020 reproduced from MIPEX's own indicator scores.
 *
 * ```
 * reference scores.csv ──importMipexScores──▶ leaf answers ──engine──▶ composites, areas, overall
 *                                                                          │
 * reference scores.csv (composites, areas) + overall.csv ───────── compare, 1e-9 relative
 * ```
 *
 * Every country-year of the reference data is imported (leaves only: indicators without
 * sub-items and the sub-items of composites) and scored; every published composite, area (`a`
 * to `h`) and overall score (with health, without health, without health and education) must
 * match to 1e-9 relative, and every score MIPEX leaves empty must be empty. The match counts per
 * node are printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAnswers } from '../src/answers/read/index.js';
import type { AnswerSet } from '../src/answers/types.js';
import { findRow, type ScoreResult, score } from '../src/engine/index.js';
import { errorsOf } from '../src/errors/issue.js';
import type { Framework } from '../src/framework/schema/framework.js';
import { normaliseMipexCode } from '../src/import/mipex/codes.js';
import { formatAnswersCsv } from '../src/import/mipex/csv.js';
import { importMipexScores, type MipexImportResult } from '../src/import/mipex/import.js';
import { loadFrameworkDir } from '../src/node/framework.js';

const reference = join(import.meta.dirname, '../fixtures/reference/mipex-2020');
const areas = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;
const overalls = [
  'overall_with_health',
  'overall_without_health',
  'overall_without_health_education',
] as const;
const composites = ['bb28', 'bb29', 'bb30bb31', 'cb51', 'cc59cd64', 'fb_new', 'gb'] as const;

/**
 * Where MIPEX's published tables contradict themselves. For these the published value is not
 * compared; our score must instead equal the mean of the published area scores it stands for.
 */
const publishedAnomalies = [
  {
    node: 'overall_without_health',
    unit: 'NL',
    period: '2009',
    areas: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    why: 'MIPEX publishes an education score for NL 2009 but leaves its 7-area overall empty',
  },
] as const;

type Published = Map<string, number>; // `${node}|${unit}|${period}` → score (NaN: empty)
const key = (node: string, unit: string, period: string) => `${node}|${unit}|${period}`;

let framework: Framework;
let imported: MipexImportResult;
let answers: AnswerSet;
let result: ScoreResult;
let unitYears: { unit: string; period: string }[];
const published: Published = new Map();

/** Our score for a node, unit and period (NaN when empty or when the unit-year has no answers). */
function ours(node: string, unit: string, period: string): number {
  const n = result.nodes.find((x) => x.id === node);
  if (n === undefined) throw new Error(`No node ${node}`);
  const r = findRow(result, unit, period);
  return r === -1 ? Number.NaN : (n.score[r] ?? Number.NaN);
}

const close = (got: number, want: number) =>
  Number.isNaN(want)
    ? Number.isNaN(got)
    : Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));

beforeAll(() => {
  framework = loadFrameworkDir(join(import.meta.dirname, '../indicators/mipex-2020'));
  const scoresCsv = readFileSync(join(reference, 'scores.csv'), 'utf8');
  imported = importMipexScores(scoresCsv, framework, { file: 'scores.csv' });

  // Through the answer file, as `import mipex-scores` then `score` would go.
  answers = readAnswers([{ path: 'mipex-answers.csv', content: formatAnswersCsv(imported.rows) }]);
  result = score(framework, answers);

  // Published values: every composite and area row of scores.csv, and overall.csv.
  const periods = new Set(framework.periods.map((p) => p.id));
  for (const r of parse(scoresCsv, { columns: true }) as Record<string, string>[]) {
    if (!periods.has(r.year as string)) continue;
    const code = normaliseMipexCode((r.code || r.sub_code) as string);
    if (
      (areas as readonly string[]).includes(code) ||
      (composites as readonly string[]).includes(code)
    ) {
      published.set(key(code, r.country as string, r.year as string), Number(r.score));
    }
  }
  const overallCsv = readFileSync(join(reference, 'overall.csv'), 'utf8');
  unitYears = [];
  for (const r of parse(overallCsv, { columns: true }) as Record<string, string>[]) {
    const unit = r.country as string;
    const period = r.year as string;
    unitYears.push({ unit, period });
    for (const node of overalls) {
      published.set(key(node, unit, period), r[node] === '' ? Number.NaN : Number(r[node]));
    }
  }
});

describe('MIPEX 2020 golden test', () => {
  it('imports every reference score without an error', () => {
    expect(errorsOf(imported.issues)).toEqual([]);
    expect(answers.read).toBe(imported.rows.length);
    expect(result.counts.rejected).toBe(0);
    expect(result.counts.used).toBe(imported.rows.length);
    // Warnings only: 2020 rows (no such period) and health values for years MIPEX did not
    // score health (CN, IN, MD, MX 2015-2018; one stray item for AR, RS, SA).
    expect(new Set(imported.issues.map((i) => i.code))).toEqual(
      new Set(['MIPEX_STRAND_NOT_SCORED', 'MIPEX_UNKNOWN_PERIOD']),
    );
  });

  it('matches every composite, area and overall score, and is empty where MIPEX is', () => {
    expect(unitYears.length).toBe(460);
    const counts = new Map<string, { scored: number; empty: number; anomalies: number }>();
    const mismatches: string[] = [];
    for (const { unit, period } of unitYears) {
      for (const node of [...composites, ...areas, ...overalls]) {
        const c = counts.get(node) ?? { scored: 0, empty: 0, anomalies: 0 };
        counts.set(node, c);
        const got = ours(node, unit, period);
        const anomaly = publishedAnomalies.find(
          (a) => a.node === node && a.unit === unit && a.period === period,
        );
        if (anomaly) {
          const parts = anomaly.areas.map((a) => published.get(key(a, unit, period)) as number);
          const mean = parts.reduce((s, x) => s + x, 0) / parts.length;
          if (!close(got, mean)) mismatches.push(`${node} ${unit} ${period}: ${got} vs ${mean}`);
          c.anomalies++;
          continue;
        }
        const want = published.get(key(node, unit, period)) ?? Number.NaN;
        if (!close(got, want))
          mismatches.push(`${node} ${unit} ${period}: ours ${got}, MIPEX ${want}`);
        else if (Number.isNaN(want)) c.empty++;
        else c.scored++;
      }
    }
    const table = [...counts].map(([node, c]) => ({ node, ...c }));
    console.log(`MIPEX 2020 golden test, ${unitYears.length} country-years: matches per node`);
    console.table(table);
    expect(mismatches).toEqual([]);
    // Every published score was compared (none silently skipped).
    const comparedScored = table.reduce((s, r) => s + r.scored, 0);
    const publishedScored = [...published.values()].filter((v) => !Number.isNaN(v)).length;
    expect(comparedScored).toBe(publishedScored);
  });
});
