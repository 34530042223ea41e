import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readAnswers } from '../src/answers/read/index.js';
import { reconcileCommand } from '../src/cli/commands/reconcile.js';
import { safeScore } from '../src/engine/index.js';
import { loadFrameworkDir } from '../src/node/framework.js';
import { reconcile, reconciliationRows } from '../src/round/reconcile/index.js';
import { runCli } from './support/cli.js';

const dir = join('fixtures', 'experts');
const niem = loadFrameworkDir(join('indicators', 'niem'));
const file = (name: string) => ({
  path: join(dir, name),
  content: readFileSync(join(dir, name), 'utf8'),
});

describe('reconcile', () => {
  const answers = readAnswers([file('two-experts.csv')]);
  const rec = reconcile(niem, answers);

  it('lists the three cells where the experts differ in score, not the ones they agree on', () => {
    expect(rec.experts).toEqual(['ivanova', 'petrov']);
    expect(rec.counts).toEqual({ disagreements: 3, settled: 1, open: 2 });
    expect(rec.items.map((i) => [i.unit, i.period, i.question, i.dimension, i.settled])).toEqual([
      ['XA', '2019', 'res_lf_renewal_conditions', 'residency', false],
      ['XA', '2019', 'res_lf_ltr_requirements', 'residency', false],
      ['XA', '2019', 'res_lf_fees', 'residency', true],
    ]);
    // `5` and `5.0` years are the same score: agreement, not listed.
    expect(rec.items.map((i) => i.question)).not.toContain('res_lf_permit_duration_refugee');
  });

  it("gives each expert's answer with its score, source and comment, and its effect on the scores", () => {
    const fees = rec.items.find((i) => i.question === 'res_lf_fees');
    expect(
      fees?.choices.map((c) => [c.expert, c.answer, c.scores.indicator, c.chosen, c.status]),
    ).toEqual([
      ['ivanova', 'a', 100, true, 'final'],
      ['petrov', 'c', 0, false, 'submitted'],
    ]);
    expect(fees?.choices[1]?.comment).toBe('Practice differs from the law');
    expect(fees?.choices[0]?.source).toBe('XA res legislation (fictional)');
    // The settled cell scores the final answer: the scores now are those of ivanova's choice.
    expect(fees?.current).toEqual(fees?.choices[0]?.scores);
    const scored = safeScore(niem, answers);
    if (!scored.ok) throw new Error('not ok');
    const overall = scored.value.nodes.find((n) => n.id === scored.value.rootId);
    const residency = scored.value.nodes.find((n) => n.id === 'residency');
    expect(fees?.current.overall).toBe(overall?.score[0]);
    expect(fees?.current.dimension).toBe(residency?.score[0]);
    // Choosing petrov's 0 lowers the dimension and the overall score; ivanova's 100 raises them.
    const open = rec.items[0];
    if (!open) throw new Error('no item');
    expect(open.current.indicator).toBeNull();
    const [a, b] = open.choices;
    expect(a?.scores.dimension).toBeGreaterThan(open.current.dimension as number);
    expect(b?.scores.dimension).toBeLessThan(open.current.dimension as number);
    expect(a?.scores.overall).toBeGreaterThan(b?.scores.overall as number);
  });

  it('a resolution file settles a second disagreement', () => {
    const settled = reconcile(niem, readAnswers([file('two-experts.csv'), file('resolution.csv')]));
    expect(settled.counts).toEqual({ disagreements: 3, settled: 2, open: 1 });
    const ltr = settled.items.find((i) => i.question === 'res_lf_ltr_requirements');
    expect(ltr?.choices.filter((c) => c.chosen).map((c) => [c.expert, c.file])).toEqual([
      ['petrov', join(dir, 'resolution.csv')],
    ]);
  });

  it('as rows: one per expert answer, ready for CSV or a spreadsheet', () => {
    const { header, rows } = reconciliationRows(rec);
    expect(header.slice(0, 6)).toEqual([
      'unit',
      'period',
      'question',
      'dimension',
      'settled',
      'expert',
    ]);
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r[4])).toEqual(['open', 'open', 'open', 'open', 'chosen', 'set aside']);
  });
});

describe('reconcile on the command line', () => {
  const path = join(dir, 'two-experts.csv');

  it('prints text by default and exits 1 under --strict while a disagreement is open', async () => {
    const r = await runCli(reconcileCommand, '--framework', 'niem', path);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      '3 disagreements between 2 experts (ivanova, petrov): 1 settled, 2 open.',
    );
    expect(r.stdout).toContain('res_lf_fees  Permit and document fees  (Residency)  SETTLED');
    expect((await runCli(reconcileCommand, '--framework', 'niem', path, '--strict')).code).toBe(1);
    const bg = await runCli(reconcileCommand, '--framework', 'niem', path, '--lang', 'bg');
    expect(bg.stdout.split('\n')[0]).toBe(
      'Разминавания между експертите (2: ivanova, petrov): 3, от тях решени: 1, отворени: 2.',
    );
    expect(bg.stdout).toContain('(Пребиваване)  РЕШЕНО');
    expect(bg.stdout).toMatch(/резултат 100,0 {2}измерение \d+,\d/);
  });

  it('writes CSV and JSON; --resolution reads a reviewer file; --strict passes once all are settled', async () => {
    const csv = await runCli(reconcileCommand, '--framework', 'niem', path, '--format', 'csv');
    const records = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(6);
    expect(records.filter((r) => r.settled === 'open').map((r) => r.expert)).toEqual([
      'ivanova',
      'petrov',
      'ivanova',
      'petrov',
    ]);
    const json = await runCli(
      reconcileCommand,
      '--framework',
      'niem',
      path,
      '--resolution',
      join(dir, 'resolution.csv'),
      '--format',
      'json',
    );
    expect(JSON.parse(json.stdout).counts).toEqual({ disagreements: 3, settled: 2, open: 1 });
    const bad = await runCli(reconcileCommand, '--framework', 'niem', path, '--format', 'xml');
    expect(bad.code).toBe(2);
    // The complete example has one expert and nothing to reconcile.
    const none = await runCli(
      reconcileCommand,
      '--framework',
      'niem',
      join(dir, 'complete.csv'),
      '--strict',
    );
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('0 disagreements between 1 expert (ivanova): 0 settled, 0 open.\n');
  });
});
