/**
 * NIEM worked example: unit XA, round 2019, from `fixtures/niem/answers.csv`, computed by hand.
 *
 * XA 2019 follows a pattern: every `choice` indicator of the legal stage is answered `a` (100),
 * of the policy stage `b` (50), of the implementation stage `c` (0). So every dimension x stage
 * cell is 100, 50 or 0 and every plain dimension is (100 + 50 + 0) / 3 = 50, except where an
 * answer below breaks the pattern. Not applicable answers and missing answers are left out of
 * the means (`missing.notApplicable: exclude`, `missing.noData: exclude`).
 *
 * 1. Indicators that break the pattern (answer → option or band score → indicator score)
 *
 *    res_lf_permit_duration_refugee (bands, years). Two rows: `3` valid to 2019-01-31 and `5`
 *      valid from 2019-02-01. At the reference date 2019-04-30 the second is in force:
 *      5 → band "5 or more" → 100 (the first row is superseded).
 *    res_lf_permit_duration_bsp (questions): .first = 1 → band "1 to under 3" → 50;
 *      .renewal = 2 → band "2 to under 3" → 50; mean (50 + 50) / 2 = 50.
 *    res_lf_travel_document (questions): .refugees = a → 100; .bsp = b → 50; mean = 75.
 *    mai_pf_national_strategy (questions): .scope = a → 100; .in_force = 2018-01-15, on or
 *      before 2019-04-30 → 100; mean = 100.
 *    mai_ic_monitoring_evaluation (questions): .kind = b → 50; .last_report = 2014-03-01,
 *      5 whole years before 2019-04-30 → band "3 to under 6" → 50; mean = 50.
 *    emp_pf_targeted_support = a → 100 (a policy indicator answered above the pattern).
 *    emp_pf_entrepreneurship: no row → no data, left out.
 *    lan_pf_flexibility (multi, sum) = times|childcare|online → 25 + 25 + 25 = 75.
 *    hou_pf_dispersal_criteria = n/a → left out.
 *    soc_lf_contributory_schemes (questions): all three sub-questions a → 100 (the pattern).
 *
 * 2. Cells (unweighted mean of the indicators answered in the cell)
 *
 *    residency@legal:        10 indicators: 7 x 100 + 100 (permit) + 50 (BSP) + 75 (travel)
 *                            = 925 / 10 = 92.5
 *    residency@policy:       1 x 50 = 50;  residency@implementation: 2 x 0 = 0
 *    mainstreaming@legal:    1 x 100 = 100
 *    mainstreaming@policy:   5 indicators: 100 (strategy) + 4 x 50 = 300 / 5 = 60
 *    mainstreaming@implementation: 8 indicators: 50 (monitoring) + 7 x 0 = 50 / 8 = 6.25
 *    employment@policy:      4 indicators, 1 missing: 100 + 50 + 50 = 200 / 3 = 66.666…
 *    language@policy:        6 indicators: 75 (flexibility) + 5 x 50 = 325 / 6 = 54.1666…
 *    housing@policy:         4 indicators, 1 n/a: 3 x 50 = 150 / 3 = 50
 *
 * 3. Dimensions (unweighted mean of their three cells)
 *
 *    residency     = (92.5 + 50 + 0) / 3           = 142.5 / 3   = 47.5
 *    mainstreaming = (100 + 60 + 6.25) / 3         = 166.25 / 3  = 55.41666…  (665/12)
 *    employment    = (100 + 66.666… + 0) / 3       = 500 / 9     = 55.5555…
 *    language      = (100 + 54.1666… + 0) / 3      = 925 / 18    = 51.3888…
 *    housing, family, nationality, vocational, health, social, education, bridges = 50
 *    reception (not scored) = 50, reported but left out of every parent.
 *
 * 4. Stages (unweighted mean of that stage's cells over the 12 scored dimensions)
 *
 *    legal          = (11 x 100 + 92.5) / 12              = 1192.5 / 12  = 99.375
 *    policy         = (9 x 50 + 60 + 66.666… + 54.1666…) / 12 = 630.8333… / 12 = 52.5694…
 *                     (3785/72)
 *    implementation = (11 x 0 + 6.25) / 12                = 0.5208333…   (25/48)
 *
 * 5. Groups and overall. Groups are weighted by their number of scored dimensions (1, 3, 5, 3),
 *    so the overall is the plain mean of the 12 dimensions:
 *
 *    general           = mainstreaming                          = 55.41666…
 *    legal-integration = (47.5 + 50 + 50) / 3                   = 49.1666…
 *    socio-economic    = (50 + 55.5555… + 50 + 50 + 50) / 5     = 51.1111…
 *    socio-cultural    = (50 + 51.3888… + 50) / 3               = 50.4629…
 *    overall = (8 x 50 + 47.5 + 665/12 + 500/9 + 925/18) / 12   = 21955 / 432 = 50.8217592…
 *
 * The exact fractions above are compared to the engine's doubles within 1e-12: the engine adds
 * in its own order, so the last binary digit may differ (55.55555555555556 vs …564).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readAnswers, type ScoreOptions, type ScoreResult, score } from '../src/index.js';
import { loadFrameworkDir } from '../src/node.js';

const root = join(import.meta.dirname, '..');
const framework = loadFrameworkDir(join(root, 'indicators/niem'));
const answers = readAnswers([
  {
    path: 'fixtures/niem/answers.csv',
    content: readFileSync(join(root, 'fixtures/niem/answers.csv'), 'utf8'),
  },
]);

/** The score of one node for one unit and period, or undefined when the row or node is absent. */
function scoreOf(
  result: ScoreResult,
  unit: string,
  period: string,
  node: string,
): number | null | undefined {
  const u = result.units.indexOf(unit);
  const p = result.periods.findIndex((x) => x.id === period);
  const row = result.rows.unit.findIndex((x, r) => x === u && result.rows.period[r] === p);
  if (row < 0) return undefined;
  return result.nodes.find((n) => n.id === node)?.score[row];
}

function expectScores(result: ScoreResult, expected: Record<string, number>): void {
  for (const [node, value] of Object.entries(expected)) {
    const got = scoreOf(result, 'XA', '2019', node);
    expect(got, node).toBeTypeOf('number');
    expect(Math.abs((got as number) - value), `${node}: ${got} vs ${value}`).toBeLessThan(1e-12);
  }
}

const run = (options: ScoreOptions = {}) => score(framework, answers, options);

describe('NIEM worked example: XA, round 2019', () => {
  const result = run();

  test('every fixture row is read and used, one superseded by the legal change', () => {
    expect(answers.rejected).toEqual([]);
    expect(result.counts.rejected).toBe(0);
    expect(result.counts.superseded).toBe(1);
    expect(result.counts.read).toBe(result.counts.used + result.counts.superseded);
  });

  test('indicators that break the pattern', () => {
    expectScores(result, {
      res_lf_permit_duration_refugee: 100,
      res_lf_permit_duration_bsp: 50,
      res_lf_travel_document: 75,
      mai_pf_national_strategy: 100,
      mai_ic_monitoring_evaluation: 50,
      emp_pf_targeted_support: 100,
      lan_pf_flexibility: 75,
      soc_lf_contributory_schemes: 100,
    });
    expect(scoreOf(result, 'XA', '2019', 'emp_pf_entrepreneurship')).toBeNull();
    expect(scoreOf(result, 'XA', '2019', 'hou_pf_dispersal_criteria')).toBeNull();
  });

  test('dimension x stage cells', () => {
    expectScores(result, {
      'residency@legal': 925 / 10,
      'residency@policy': 50,
      'residency@implementation': 0,
      'mainstreaming@legal': 100,
      'mainstreaming@policy': 300 / 5,
      'mainstreaming@implementation': 50 / 8,
      'employment@policy': 200 / 3,
      'language@policy': 325 / 6,
      'housing@policy': 150 / 3,
    });
  });

  test('dimensions', () => {
    expectScores(result, {
      residency: 142.5 / 3,
      mainstreaming: 665 / 12,
      employment: 500 / 9,
      language: 925 / 18,
      housing: 50,
      family: 50,
      nationality: 50,
      vocational: 50,
      health: 50,
      social: 50,
      education: 50,
      bridges: 50,
      reception: 50,
    });
  });

  test('stages', () => {
    expectScores(result, {
      legal: 1192.5 / 12,
      policy: 3785 / 72,
      implementation: 25 / 48,
    });
  });

  test('groups and overall', () => {
    expectScores(result, {
      general: 665 / 12,
      'legal-integration': 147.5 / 3,
      'socio-economic': (200 + 500 / 9) / 5,
      'socio-cultural': (100 + 925 / 18) / 3,
      overall: 21955 / 432,
    });
  });
});

describe('NIEM worked example: the same answers under other settings', () => {
  test('--as-of 2018-12-31 takes the permit law before the amendment', () => {
    // res_lf_permit_duration_refugee = 3 → band "3 to under 5" → 50;
    // residency@legal = (7 x 100 + 50 + 50 + 75) / 10 = 87.5; residency = 137.5 / 3.
    // The date sub-questions still score as before: 2018-01-15 is on or before 2018-12-31
    // (100), and 2014-03-01 is 4 whole years before it (50).
    const result = run({ asOf: '2018-12-31' });
    expectScores(result, {
      res_lf_permit_duration_refugee: 50,
      'residency@legal': 87.5,
      residency: 137.5 / 3,
      mai_pf_national_strategy: 100,
      mai_ic_monitoring_evaluation: 50,
    });
  });

  test('not applicable scored as zero lowers housing@policy to 37.5', () => {
    // (3 x 50 + 0) / 4 = 37.5: the reason NIEM leaves n/a out rather than scoring it 0.
    const result = run({ missing: { notApplicable: 'zero' } });
    expectScores(result, { 'housing@policy': 37.5, housing: 137.5 / 3 });
  });

  test('no data scored as zero lowers employment@policy to 50', () => {
    // (100 + 50 + 50 + 0) / 4 = 50; employment = (100 + 50 + 0) / 3 = 50.
    const result = run({ missing: { noData: 'zero' } });
    expectScores(result, { 'employment@policy': 50, employment: 50 });
  });
});
