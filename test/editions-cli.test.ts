/**
 * Editions end to end: the built-in NIEM editions side by side, `diff` between them, and the
 * warnings of scoring an old period with the newer edition.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diffCommand, formatDiffText } from '../src/cli/commands/diff.js';
import { frameworksCommand } from '../src/cli/commands/frameworks.js';
import { scoreCommand } from '../src/cli/commands/score.js';
import { diffFrameworks, type FrameworkDiff, score } from '../src/index.js';
import {
  listBuiltinFrameworks,
  loadFrameworkDir,
  readAnswerFiles,
  validatePaths,
} from '../src/node.js';
import { runCli as run } from './support/cli.js';

const root = join(import.meta.dirname, '..');

afterEach(() => {
  vi.restoreAllMocks();
});

const old2019 = loadFrameworkDir(join(root, 'indicators/niem-2019'));
const niem = loadFrameworkDir(join(root, 'indicators/niem'));
const outcomes = [
  'mai_out_bips_resident',
  'res_out_permits_issued',
  'res_out_ltr_granted',
  'fam_out_applications',
  'fam_out_decision_days',
  'nat_out_naturalisations',
  'hou_out_without_housing',
  'emp_out_employment_rate',
  'voc_out_training_enrolment',
  'hea_out_insured_share',
  'soc_out_assistance_recipients',
  'edu_out_enrolment_rate',
  'lan_out_course_completion',
  'bri_out_refugee_organisations',
];

describe('two editions of NIEM side by side', () => {
  it('are both built in, load, and validate', () => {
    expect(listBuiltinFrameworks()).toEqual(['local-services', 'mipex-2020', 'niem', 'niem-2019']);
    expect([old2019.id, old2019.edition, niem.id, niem.edition]).toEqual([
      'niem',
      '2019',
      'niem',
      '2021',
    ]);
    const v = validatePaths([join(root, 'indicators')]);
    expect(v.errors).toEqual([]);
    expect(v.valid).toBe(true);
    expect(v.checked).toHaveLength(4);
  });

  it('diff lists every change, and they match what edition 2021 declares', () => {
    const d: FrameworkDiff = diffFrameworks(old2019, niem);
    const ids = (kind: string) => d.changes.filter((c) => c.kind === kind).map((c) => c.id);
    expect(ids('period-added')).toEqual(['2021']);
    expect(ids('indicator-added').sort()).toEqual([...outcomes, 'rec_pf_skills_screening'].sort());
    expect(ids('indicator-retired')).toEqual(['emp_lf_work_permit']);
    expect(ids('indicator-reworded')).toEqual([
      'res_lf_permit_duration_refugee',
      'emp_lf_labour_market_access',
      'hea_pf_interpretation',
    ]);
    expect(
      d.changes.filter((c) => c.kind === 'indicator-rescored').map((c) => [c.id, c.declared]),
    ).toEqual([
      ['res_lf_permit_duration_refugee', 'replace'],
      ['hea_pf_interpretation', 'omit'],
    ]);
    // Nothing else moved: no stage, weight, parent, dimension or setting changes.
    expect(d.changes).toHaveLength(22);
    expect(d.issues).toEqual([]);
    // The other way round, everything is reversed and nothing is declared.
    const back = diffFrameworks(niem, old2019);
    expect(back.changes.filter((c) => c.kind === 'indicator-retired')).toHaveLength(15);
    expect(back.changes.filter((c) => c.kind === 'period-removed').map((c) => c.id)).toEqual([
      '2021',
    ]);
  });

  it('the diff command prints text and JSON, and the reverse direction', async () => {
    const text = await run(diffCommand, 'niem-2019', 'niem');
    expect(text.code).toBe(0);
    expect(text.stderr).toBe('');
    expect(text.stdout.split('\n')[0]).toBe(
      'niem: edition 2019 (1.0.0) → 2021 (1.0.0), 22 changes',
    );
    expect(text.stdout).toContain('- emp_lf_work_permit  retired: Work permit [employment]');
    expect(text.stdout).toContain('rule.options[1].score: 0 → 50');
    expect(text.stdout).toBe(formatDiffText(diffFrameworks(old2019, niem)));
    const json = await run(
      diffCommand,
      join(root, 'indicators/niem-2019'),
      'niem',
      '--format',
      'json',
    );
    expect(JSON.parse(json.stdout).changes).toHaveLength(22);
    const wrong = await run(diffCommand, 'niem', 'niem-2019');
    expect(wrong.code).toBe(0);
    expect(wrong.stdout).toContain('Periods (1)');
    const usage = await run(diffCommand, 'niem');
    expect(usage.code).toBe(2);
    expect((await run(diffCommand, 'niem', 'niem', '--format', 'xml')).code).toBe(2);
    expect((await run(diffCommand, 'niem', 'niem')).stdout).toContain('No changes.');
  });

  it('diff warns, at the line, about changes declared wrongly or not at all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ii-diff-'));
    try {
      cpSync(join(root, 'indicators/niem'), dir, { recursive: true });
      const file = join(dir, 'framework.yaml');
      const yaml = readFileSync(file, 'utf8');
      expect(yaml).toContain('    - rec_pf_skills_screening\n');
      writeFileSync(
        file,
        yaml.replace('    - rec_pf_skills_screening\n', '    - emp_lf_self_employment\n'),
      );
      const r = await run(diffCommand, 'niem-2019', dir);
      expect(r.code).toBe(0);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(2);
      const line = yaml.split('\n').indexOf('    - rec_pf_skills_screening') + 1;
      expect(lines[0]).toMatch(
        new RegExp(
          `framework\\.yaml:${line}:7: warning EDITION_DECLARED_NOT_FOUND: .*"emp_lf_self_employment"`,
        ),
      );
      expect(lines[1]).toMatch(/warning EDITION_UNDECLARED_CHANGE: "rec_pf_skills_screening"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('frameworks lists all four built-ins', async () => {
    const r = await run(frameworksCommand);
    expect(r.stdout.trim().split('\n')).toHaveLength(5);
    expect(r.stdout).toMatch(/^niem-2019\s+2019\s/m);
  });
});

/** The example answers as the 2019 questionnaire would have had them in 2017 and 2019. */
const newIn2021 = (indicator: string) =>
  indicator.includes('_out_') || indicator === 'rec_pf_skills_screening';
const oldShapedCsv = () =>
  readFileSync(join(root, 'fixtures/niem/answers.csv'), 'utf8')
    .split('\n')
    .filter((line) => {
      const [, period, indicator = ''] = line.split(',');
      return !(period !== '2021' && newIn2021(indicator));
    })
    .join('\n');
async function oldShapedAnswers() {
  const answers = await readAnswerFiles([join(root, 'fixtures/niem/answers.csv')]);
  answers.rows = answers.rows.filter((r) => r.period === '2021' || !newIn2021(r.indicator));
  return answers;
}

describe('scoring old periods with the newer edition', () => {
  it('is quiet for the example, whose old rounds answer indicators new in this edition', async () => {
    const answers = await readAnswerFiles([join(root, 'fixtures/niem/answers.csv')]);
    const result = score(niem, answers);
    expect(result.issues.filter((i) => i.code.startsWith('EDITION_'))).toEqual([]);
  });

  it('warns, per old period, which indicators cannot be compared and which are re-scored', async () => {
    const answers = await oldShapedAnswers();
    const result = score(niem, answers);
    const warnings = result.issues.filter((i) => i.code.startsWith('EDITION_'));
    expect(warnings.map((i) => [i.code, i.params?.period])).toEqual([
      ['EDITION_PERIOD_NOT_COMPARABLE', '2017'],
      ['EDITION_PERIOD_RESCORED', '2017'],
      ['EDITION_PERIOD_NOT_COMPARABLE', '2019'],
      ['EDITION_PERIOD_RESCORED', '2019'],
    ]);
    expect(warnings[0]?.params?.ids).toEqual([
      ...outcomes,
      'rec_pf_skills_screening',
      'hea_pf_interpretation',
    ]);
    expect(warnings[1]?.params?.ids).toEqual(['res_lf_permit_duration_refugee']);
    expect(warnings.every((i) => i.severity === 'warning')).toBe(true);
    // Only the 2021 round: no warning.
    const only2021 = await readAnswerFiles([join(root, 'fixtures/niem/answers.csv')]);
    only2021.rows = only2021.rows.filter((r) => r.period === '2021');
    expect(score(niem, only2021).issues.filter((i) => i.code.startsWith('EDITION_'))).toEqual([]);
    // The previous edition scores its own rounds without edition warnings.
    const own = await readAnswerFiles([join(root, 'fixtures/niem/answers.csv')]);
    own.rows = own.rows.filter((r) => r.period !== '2021' && !r.indicator.includes('_out_'));
    own.rows = own.rows.filter((r) => r.indicator !== 'rec_pf_skills_screening');
    const r2019 = score(old2019, own);
    expect(r2019.issues.filter((i) => i.code.startsWith('EDITION_'))).toEqual([]);
    expect(r2019.provenance?.framework.edition).toBe('2019');
  });

  it('says when rejected answers belong to a retired indicator', async () => {
    const answers = await readAnswerFiles([join(root, 'fixtures/niem/answers.csv')]);
    const [first] = answers.rows;
    if (!first) throw new Error('no rows');
    answers.rows = [{ ...first, period: '2019', indicator: 'emp_lf_work_permit', answer: 'a' }];
    const result = score(niem, answers);
    expect(result.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['SCORE_UNKNOWN_INDICATOR', 'EDITION_RETIRED_ANSWERS']),
    );
    // The previous edition takes the same answer.
    expect(score(old2019, answers).counts.used).toBe(1);
  });

  it('the score command prints the warnings on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ii-editions-'));
    const file = join(dir, 'answers.csv');
    writeFileSync(file, oldShapedCsv());
    const r = await run(scoreCommand, '--framework', 'niem', file, '--format', 'csv', '--verbose');
    rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning EDITION_PERIOD_NOT_COMPARABLE: Period "2019"');
    // Long lists are cut in the message; the full list is in the JSON result's params.
    expect(r.stderr).toContain('"edu_out_enrolment_rate" and 4 more.');
    expect(r.stderr).toContain('EDITION_PERIOD_RESCORED');
  });
});
