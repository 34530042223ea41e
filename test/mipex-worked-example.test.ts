/**
 * Worked example for the built-in MIPEX 2020 framework: unit XA, year 2019, from
 * `fixtures/mipex-2020/answers.csv` (fictional), every score worked out by hand below.
 *
 * answer code ──option──▶ option score ──table / mean──▶ composite ──mean──▶ area
 *   (mean of dimension means for e, g, h) ──mean──▶ the three overall scores
 *
 * All the numbers below are dyadic fractions (sums of integers and halves divided by 2, 4 or
 * 8, or exact quotients), so every step is exact in binary floating point and the assertions
 * use `toBe`, not a tolerance.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAnswers } from '../src/answers/read/index.js';
import { findRow, type ScoreResult, score } from '../src/engine/index.js';
import type { Framework } from '../src/framework/schema/framework.js';
import { loadFrameworkDir } from '../src/node/framework.js';

const root = join(import.meta.dirname, '..');
let framework: Framework;

function run(asOf?: string): ScoreResult {
  const path = 'fixtures/mipex-2020/answers.csv';
  const answers = readAnswers([{ path, content: readFileSync(join(root, path), 'utf8') }]);
  return score(framework, answers, asOf === undefined ? {} : { asOf });
}

/** A node's score for a unit and period, NaN when empty. */
function scoreOf(r: ScoreResult, node: string, unit: string, period: string): number {
  const n = r.nodes.find((x) => x.id === node);
  if (n === undefined) throw new Error(`No node ${node}`);
  const row = findRow(r, unit, period);
  if (row === -1) throw new Error(`No row for ${unit} ${period}`);
  return n.score[row] ?? Number.NaN;
}

let result: ScoreResult;
const xa = (node: string) => scoreOf(result, node, 'XA', '2019');

beforeAll(() => {
  framework = loadFrameworkDir(join(root, 'indicators/mipex-2020'));
  result = run();
});

describe('MIPEX 2020 worked example: XA 2019', () => {
  it('a, labour market mobility: mean of the indicators answered', () => {
    // aa1 b → 50, aa3 a → 100, aa5 a → 100, ab6 c → 0, ab7ab8 b → 67, ab9 a → 100,
    // ac13 b → 50, ac14 n/a (left out), ad18 a → 100.
    // (50 + 100 + 100 + 0 + 67 + 100 + 50 + 100) / 8 = 567 / 8 = 70.875
    expect(xa('aa1')).toBe(50);
    expect(xa('ab7ab8')).toBe(67);
    expect(xa('a')).toBe(70.875);
  });

  it('b, family reunion: three lookup-table composites and a missing answer', () => {
    // bb28: bb28a b → 50, bb28b a → 100; table row (50, 100) → 83.
    // bb29: bb29a c → 0, bb29b b → 50, bb29c b → 50; table row (0, 50, 50) → 40.
    // bb30bb31: bb30 b → 50, bb31 b → 50; table row (50, 50) → 50.
    expect(xa('bb28')).toBe(83);
    expect(xa('bb29')).toBe(40);
    expect(xa('bb30bb31')).toBe(50);
    // ba21 a → 100, ba26ba27 b → 75, bc34 a → 100, bc35 b → 50, bc36 no data (left out),
    // bd38 c → 0.
    // (100 + 75 + 83 + 40 + 50 + 100 + 50 + 0) / 8 = 498 / 8 = 62.25
    expect(Number.isNaN(xa('bc36'))).toBe(true);
    expect(xa('b')).toBe(62.25);
  });

  it('c, education: a mean composite and a table composite', () => {
    // cb51: cb51a a → 100, cb51b b → 50, cb51c c → 0; mean (100 + 50 + 0) / 3 = 50.
    // cc59cd64: cc59 b → 50, cd64 b → 50; table row (50, 50) → 100.
    expect(xa('cb51')).toBe(50);
    expect(xa('cc59cd64')).toBe(100);
    // ca45ca47 a → 100, ca49 b → 50, cb50 c → 50, cb51 50, cb53 d → 0, cd60 c → 0,
    // cc59cd64 100.  (100 + 50 + 50 + 50 + 0 + 0 + 100) / 7 = 350 / 7 = 50
    expect(xa('c')).toBe(50);
  });

  it('d, political participation: five-step options', () => {
    // db65db67db68 b → 75, db70 a → 100, dc71abd d → 25, dd75 b → 50, dd76 c → 0.
    // (75 + 100 + 25 + 50 + 0) / 5 = 250 / 5 = 50
    expect(xa('d')).toBe(50);
  });

  it('e, permanent residence: the mean of four dimension means', () => {
    // eligibility: ea80 b → 50                                 → 50
    // conditions:  eb84a c → 0, eb85 a → 100                   → 50
    // security:    eb88 a → 100, eb89 b → 50, eb90 n/a (out)   → 75
    // rights:      ed96 a → 100                                → 100
    // (50 + 50 + 75 + 100) / 4 = 275 / 4 = 68.75
    // (A plain mean of the six indicators would give 400 / 6 = 66.67: not MIPEX's rule.)
    expect(xa('e_security')).toBe(75);
    expect(xa('e')).toBe(68.75);
  });

  it('f, access to nationality: fb_new is the mean of four sub-items', () => {
    // fb_new: fb104a b → 50, fb105a a → 100, fb106 c → 0, fb107 b → 50; 200 / 4 = 50.
    // fa98 b → 50, fa102_new c → 33, fb_new 50, fd115ab a → 100.
    // (50 + 33 + 50 + 100) / 4 = 233 / 4 = 58.25
    expect(xa('fb_new')).toBe(50);
    expect(xa('f')).toBe(58.25);
  });

  it('g, anti-discrimination: the mean of four dimension means', () => {
    // definitions: ga117 a → 100                                  → 100
    // fields:      gb = (gb123 a 100 + gb124 b 50 + gb125 b 50 + gb126 c 0) / 4 = 50 → 50
    // enforcement: gc b → 75                                      → 75
    // equality:    gd136 b → 50, gd137gd140 b → 67, gd144 c → 0   → 117 / 3 = 39
    // (100 + 50 + 75 + 39) / 4 = 264 / 4 = 66
    expect(xa('gb')).toBe(50);
    expect(xa('g_equality_policies')).toBe(39);
    expect(xa('g')).toBe(66);
  });

  it('h, health: the mean of four dimension means', () => {
    // entitlements:  145a a 100, 148 b 50, 146a b 50, 149 b 50, 147a b 50, 150 c 0 → 300 / 6 = 50
    // accessibility: 152c b 67, 153c c 33                       → 100 / 2 = 50
    // responsive:    156a a 100, 159 b 50                        → 75
    // change:        163 a 100, 165 c 0                          → 50
    // (50 + 50 + 75 + 50) / 4 = 225 / 4 = 56.25
    expect(xa('h_entitlements')).toBe(50);
    expect(xa('h')).toBe(56.25);
  });

  it('the three overall scores', () => {
    // areas: a 70.875, b 62.25, c 50, d 50, e 68.75, f 58.25, g 66, h 56.25
    // without health and education (a, b, d, e, f, g): 376.125 / 6 = 62.6875
    // without health (a-g): 426.125 / 7 = 60.875
    // with health (a-h): 482.375 / 8 = 60.296875
    expect(xa('overall_without_health_education')).toBe(62.6875);
    expect(xa('overall_without_health')).toBe(60.875);
    expect(xa('overall_with_health')).toBe(60.296875);
  });
});

describe('MIPEX 2020 example answers: coverage and a legal change', () => {
  it('leaves health and the overall with health empty in years without health answers', () => {
    // The fixtures answer health for 2019 only, as MIPEX scores it in 2014 and 2019.
    expect(Number.isNaN(scoreOf(result, 'h', 'XA', '2018'))).toBe(true);
    expect(Number.isNaN(scoreOf(result, 'overall_with_health', 'XA', '2018'))).toBe(true);
    expect(Number.isFinite(scoreOf(result, 'overall_without_health', 'XA', '2018'))).toBe(true);
  });

  it('scores XB aa1 by the law in force on the reference date, or on --as-of', () => {
    // XB aa1: "c" (0) until 2019-06-30, "a" (100) from 2019-07-01; 2019 ends 2019-12-31.
    expect(scoreOf(result, 'aa1', 'XB', '2019')).toBe(100);
    expect(scoreOf(run('2019-03-01'), 'aa1', 'XB', '2019')).toBe(0);
  });
});
