import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  complete,
  csvText,
  incomplete,
  resolution,
  twoExperts,
} from '../fixtures/experts/generate.js';
import { readAnswers } from '../src/answers/read/index.js';
import { explainCommand } from '../src/cli/commands/explain.js';
import { exportCommand } from '../src/cli/commands/export.js';
import { reportCommand } from '../src/cli/commands/report.js';
import { scoreCommand } from '../src/cli/commands/score.js';
import { verifyCommand } from '../src/cli/commands/verify.js';
import { explain, safeScore } from '../src/engine/index.js';
import { scoreResultSchema } from '../src/engine/result/schema.js';
import { loadFrameworkDir } from '../src/node/framework.js';
import { runCli } from './support/cli.js';

const dir = join('fixtures', 'experts');
const niem = loadFrameworkDir(join('indicators', 'niem'));
const file = (name: string) => ({
  path: join(dir, name),
  content: readFileSync(join(dir, name), 'utf8'),
});
const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe('the experts example fixtures', () => {
  it('are what generate.ts writes', () => {
    for (const [name, rows] of [
      ['two-experts.csv', twoExperts],
      ['resolution.csv', resolution],
      ['complete.csv', complete],
      ['incomplete.csv', incomplete],
    ] as const) {
      expect(file(name).content).toBe(csvText(rows));
      const set = readAnswers([file(name)]);
      expect(set.errors).toEqual([]);
      expect(set.rejected).toEqual([]);
      expect(set.read).toBe(rows.length);
    }
  });
});

describe('expert, status, reviewer and reviewed_on columns', () => {
  it('are read from long CSV, wide CSV and JSON (any header spelling)', () => {
    const set = readAnswers([
      {
        path: 'long.csv',
        content:
          'unit,period,indicator,answer,Expert,STATUS,reviewer,Reviewed On\nBG,2019,a,1,ivanova, Final ,petrov,2020-01-10\n',
      },
      {
        path: 'wide.csv',
        content: 'unit,period,expert,status,a,b\nBG,2019,petrov,draft,1,2\n',
      },
      {
        path: 'a.json',
        content: JSON.stringify({
          answers: [
            {
              unit: 'BG',
              period: '2019',
              indicator: 'a',
              answer: 1,
              expert: 'x',
              reviewedOn: '2020-02-01',
              status: 'reviewed',
            },
          ],
        }),
      },
    ]);
    expect(set.rejected).toEqual([]);
    expect(set.rows.map((r) => [r.expert, r.status, r.reviewer, r.reviewedOn])).toEqual([
      ['ivanova', 'final', 'petrov', '2020-01-10'],
      ['petrov', 'draft', undefined, undefined],
      ['petrov', 'draft', undefined, undefined],
      ['x', 'reviewed', undefined, '2020-02-01'],
    ]);
  });

  it('reject a row with an unknown status or a bad review date, naming file, line and column', () => {
    const set = readAnswers([
      {
        path: 'bad.csv',
        content:
          'unit,period,indicator,answer,expert,status,reviewer,reviewed_on\nBG,2019,a,1,x,done,,\nBG,2019,b,1,x,final,y,14.02.2020\nBG,2019,c,1,x,,,\n',
      },
      {
        path: 'bad-wide.csv',
        content: 'unit,period,status,a,b\nBG,2019,approved,1,2\n',
      },
      {
        path: 'bad.json',
        content:
          '[{"unit":"BG","period":"2019","indicator":"a","answer":1,"status":"ok"},\n{"unit":"BG","period":"2019","indicator":"a","answer":1,"status":3}]',
      },
    ]);
    expect(set.read).toBe(7);
    expect(set.rows).toHaveLength(1);
    expect(
      set.rejected.map((r) => [
        r.issue.code,
        r.issue.file,
        r.issue.line,
        r.issue.column,
        r.issue.field,
      ]),
    ).toEqual([
      ['ANSWER_INVALID_STATUS', 'bad.csv', 2, 6, 'status'],
      ['ANSWER_INVALID_DATE', 'bad.csv', 3, 8, 'reviewed_on'],
      ['ANSWER_INVALID_STATUS', 'bad-wide.csv', 2, 3, 'status'],
      ['ANSWER_INVALID_STATUS', 'bad-wide.csv', 2, 3, 'status'],
      ['ANSWER_INVALID_STATUS', 'bad.json', 1, undefined, 'status'],
      ['ANSWER_JSON_FIELD_TYPE', 'bad.json', 2, undefined, 'status'],
    ]);
  });
});

describe('scoring a round answered by two experts', () => {
  const answers = readAnswers([file('two-experts.csv')]);

  it('uses agreeing answers once, settles the disagreement a reviewer marked final, and rejects the open ones naming both experts', () => {
    const r = safeScore(niem, answers);
    if (!r.ok) throw new Error(r.issues[0]?.message);
    // 183 answers by ivanova, 12 by petrov: 9 agree (superseded), 1 set aside by the reviewer's
    // final answer, 2 open disagreements (4 rows rejected); one dated answer out of force.
    expect(r.value.counts).toEqual({ read: 195, used: 180, superseded: 11, rejected: 4 });
    const conflicts = r.value.issues.filter((i) => i.code === 'SCORE_CONFLICTING_ANSWERS');
    expect(conflicts.map((i) => i.params?.indicator)).toEqual([
      'res_lf_renewal_conditions',
      'res_lf_renewal_conditions',
      'res_lf_ltr_requirements',
      'res_lf_ltr_requirements',
    ]);
    for (const c of conflicts) {
      expect(c.params?.experts).toEqual(['ivanova', 'petrov']);
      expect(c.message).toContain('"ivanova" and "petrov"');
    }
    // Agreement between experts is not a duplicate to warn about.
    expect(codes(r.value.issues)).not.toContain('SCORE_DUPLICATE_ANSWER');
    expect(r.value.experts).toEqual(['ivanova', 'petrov']);
    expect(r.value.provenance?.experts).toEqual(['ivanova', 'petrov']);
    expect(() => scoreResultSchema.parse(JSON.parse(JSON.stringify(r.value)))).not.toThrow();
    // The settled cell scores ivanova's final answer, with who reviewed it.
    const fees = explain(r.value, { unit: 'XA', period: '2019', node: 'res_lf_fees' });
    expect(fees.score).toBe(100);
    expect(fees.answer).toMatchObject({
      answer: 'a',
      expert: 'ivanova',
      status: 'final',
      reviewer: 'georgieva',
      reviewedOn: '2020-02-14',
    });
  });

  it('a resolution file read with the answers settles a second disagreement', () => {
    const r = safeScore(niem, readAnswers([file('two-experts.csv'), file('resolution.csv')]));
    if (!r.ok) throw new Error(r.issues[0]?.message);
    expect(r.value.counts).toEqual({ read: 196, used: 181, superseded: 13, rejected: 2 });
    const ltr = explain(r.value, { unit: 'XA', period: '2019', node: 'res_lf_ltr_requirements' });
    expect(ltr.answer).toMatchObject({ answer: 'b', expert: 'petrov', status: 'final' });
  });

  it('--status scores only answers at or above a review state and says how many were left out', () => {
    const submitted = safeScore(niem, answers, { status: 'submitted' });
    if (!submitted.ok) throw new Error('not ok');
    const left = submitted.value.issues.find((i) => i.code === 'SCORE_STATUS_EXCLUDED');
    expect(left?.params).toEqual({ count: 2, status: 'submitted' }); // petrov's two drafts
    expect(submitted.value.options.status).toBe('submitted');
    expect(submitted.value.provenance?.options.status).toBe('submitted');
    const final = safeScore(niem, answers, { status: 'final' });
    if (!final.ok) throw new Error('not ok');
    // Only the reviewer's final answer is left; the dated answer out of force is not counted.
    expect(final.value.counts).toEqual({ read: 195, used: 1, superseded: 194, rejected: 0 });
    expect(final.value.issues.find((i) => i.code === 'SCORE_STATUS_EXCLUDED')?.params).toEqual({
      count: 193,
      status: 'final',
    });
    const bad = safeScore(niem, answers, { status: 'approved' as never });
    expect(bad.ok ? [] : codes(bad.issues)).toEqual(['SCORE_INVALID_STATUS']);
  });

  it('on the command line: score --status, explain shows who answered and who reviewed', async () => {
    const path = join(dir, 'two-experts.csv');
    const r = await runCli(
      scoreCommand,
      '--framework',
      'niem',
      path,
      '--status',
      'reviewed',
      '--format',
      'csv',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning SCORE_STATUS_EXCLUDED');
    expect(r.stderr).toContain('Scored answers with status reviewed or above; 193 left out');
    const bad = await runCli(scoreCommand, '--framework', 'niem', path, '--status', 'approved');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown --status "approved"');
    const e = await runCli(
      explainCommand,
      '--framework',
      'niem',
      path,
      '--unit',
      'XA',
      '--period',
      '2019',
      '--node',
      'res_lf_fees',
    );
    expect(e.code).toBe(0);
    expect(e.stdout).toContain(
      'answered by ivanova · status final · reviewed by georgieva on 2020-02-14',
    );
  });
});

describe('the provenance stamp of a run with --status', () => {
  it('records the state and the experts, and verify re-scores the same selection', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ii-experts-verify-')), 'result.json');
    const path = join(dir, 'two-experts.csv');
    const r = await runCli(
      scoreCommand,
      '--framework',
      'niem',
      path,
      '--status',
      'final',
      '--format',
      'json',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    const saved = JSON.parse(readFileSync(out, 'utf8'));
    expect(saved.provenance.options.status).toBe('final');
    expect(saved.provenance.experts).toEqual(['ivanova', 'petrov']);
    expect(saved.counts.used).toBe(1);
    const v = await runCli(verifyCommand, out);
    expect(v.stderr + v.stdout).not.toContain('VERIFY_');
    expect(v.code).toBe(0);
  });
});

describe('who answered, in the report and the exports', () => {
  const path = join(dir, 'two-experts.csv');

  it('export --format answers lists each answer with its expert and review state', async () => {
    const r = await runCli(exportCommand, '--framework', 'niem', path, '--format', 'answers');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'unit,period,indicator,answer,option,score,source,comment,expert,status,reviewer,reviewed_on',
    );
    expect(lines).toHaveLength(1 + 180); // one row per answer used
    expect(lines.find((l) => l.startsWith('XA,2019,res_lf_fees,'))).toMatch(
      /,ivanova,final,georgieva,2020-02-14$/,
    );
  });

  it('the HTML report names the expert and the review state beside each answer, in Bulgarian too', async () => {
    const work = mkdtempSync(join(tmpdir(), 'ii-experts-'));
    const out = join(work, 'r.html');
    const en = await runCli(reportCommand, '--framework', 'niem', path, '--out', out, '--quiet');
    expect(en.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<th>Expert</th>');
    expect(html).toContain(
      'ivanova <span class="muted" dir="auto">(final; reviewed by georgieva, 2020-02-14)</span>',
    );
    await runCli(
      reportCommand,
      '--framework',
      'niem',
      path,
      '--out',
      out,
      '--quiet',
      '--lang',
      'bg',
    );
    const bg = readFileSync(out, 'utf8');
    expect(bg).toContain('<th>Експерт</th>');
    expect(bg).toContain('(окончателен; прегледан от georgieva');
  });
});
