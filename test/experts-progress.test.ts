import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readAnswers } from '../src/answers/read/index.js';
import { progressCommand } from '../src/cli/commands/progress.js';
import { reportCommand } from '../src/cli/commands/report.js';
import { score } from '../src/engine/index.js';
import { loadFrameworkDir } from '../src/node/framework.js';
import { progressOf } from '../src/round/progress/index.js';
import { runCli } from './support/cli.js';

const dir = join('fixtures', 'experts');
const niem = loadFrameworkDir(join('indicators', 'niem'));
const boardOf = (...names: string[]) =>
  progressOf(
    score(
      niem,
      readAnswers(
        names.map((n) => ({ path: join(dir, n), content: readFileSync(join(dir, n), 'utf8') })),
      ),
    ),
  );

describe('progress board', () => {
  it('shows nothing open on the complete example: every question answered, sourced, final', () => {
    const board = boardOf('complete.csv');
    expect(board.totals).toEqual({
      questions: 182,
      answered: 181,
      notApplicable: 1,
      noData: 0,
      disagreement: 0,
      withoutSource: 0,
      evidenceMissing: 0,
      awaitingReview: 0,
      open: 0,
    });
    expect(board.isOpen).toBe(false);
    // One line per NIEM dimension (13), all for XA 2019.
    expect(board.lines).toHaveLength(13);
    expect(new Set(board.lines.map((l) => `${l.unit} ${l.period}`))).toEqual(new Set(['XA 2019']));
  });

  it('counts what is open on the incomplete example, by dimension', () => {
    const board = boardOf('incomplete.csv');
    // 3 questions left out, 1 open disagreement, 9 drafts, 6 answers without a source.
    expect(board.totals).toMatchObject({
      questions: 182,
      answered: 178,
      notApplicable: 0,
      noData: 3,
      disagreement: 1,
      withoutSource: 6,
      awaitingReview: 9,
      open: 13,
    });
    expect(board.isOpen).toBe(true);
    const residency = board.lines.find((l) => l.dimension === 'residency');
    expect(residency).toMatchObject({ questions: 17, disagreement: 1 });
    const housing = board.lines.find((l) => l.dimension === 'housing');
    expect(housing).toMatchObject({ noData: 1, notApplicable: 0 });
  });

  it('on the two-expert example: two open disagreements, answers not yet reviewed are awaiting review', () => {
    const board = boardOf('two-experts.csv');
    expect(board.totals).toMatchObject({ disagreement: 2, noData: 0, awaitingReview: 179 });
    const settled = boardOf('two-experts.csv', 'resolution.csv');
    // The settled cell now holds a final answer: answered, and not awaiting review.
    expect(settled.totals).toMatchObject({ disagreement: 1, answered: 180, awaitingReview: 179 });
  });
});

describe('progress on the command line', () => {
  it('--strict exits 0 on the complete example and 1 on the incomplete one', async () => {
    const done = await runCli(
      progressCommand,
      '--framework',
      'niem',
      join(dir, 'complete.csv'),
      '--strict',
    );
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Nothing is open');
    const open = await runCli(
      progressCommand,
      '--framework',
      'niem',
      join(dir, 'incomplete.csv'),
      '--strict',
    );
    expect(open.code).toBe(1);
    expect(open.stdout).toContain('Open: 13');
    // Without --strict the board is only a report.
    expect(
      (await runCli(progressCommand, '--framework', 'niem', join(dir, 'incomplete.csv'))).code,
    ).toBe(0);
  });

  it('writes CSV and JSON, and text in Bulgarian with --lang bg', async () => {
    const path = join(dir, 'incomplete.csv');
    const csv = await runCli(progressCommand, '--framework', 'niem', path, '--format', 'csv');
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(13);
    expect(rows.reduce((s, r) => s + Number(r.open), 0)).toBe(13);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'unit',
      'period',
      'dimension',
      'questions',
      'answered',
      'not_applicable',
      'no_data',
      'disagreement',
      'without_source',
      'evidence_missing',
      'awaiting_review',
      'open',
    ]);
    const json = await runCli(progressCommand, '--framework', 'niem', path, '--format', 'json');
    expect(JSON.parse(json.stdout).totals.open).toBe(13);
    const bg = await runCli(progressCommand, '--framework', 'niem', path, '--lang', 'bg');
    expect(bg.stdout).toContain('Очаква преглед');
    expect(bg.stdout).toContain('Пребиваване');
    expect(bg.stdout).toContain('Отворени: 13');
    const bad = await runCli(progressCommand, '--framework', 'niem', path, '--format', 'xlsx');
    expect(bad.code).toBe(2);
  });

  it('the HTML report has a progress section for its period', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ii-progress-')), 'r.html');
    const r = await runCli(
      reportCommand,
      '--framework',
      'niem',
      join(dir, 'incomplete.csv'),
      '--out',
      out,
      '--quiet',
    );
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<section id="progress"');
    expect(html).toContain('<a href="#progress">Progress of the round</a>');
    expect(html).toContain('<strong>Open: 13</strong>');
  });
});
