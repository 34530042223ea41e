import { describe, expect, it } from 'vitest';
import { createIssue, type Issue } from '../../errors/issue.js';
import { formatValidation } from './validate.js';

const warning = (file: string, line: number): Issue =>
  createIssue(
    'TEXT_MISSING_TRANSLATION',
    { lang: 'bg' },
    { file, line, column: 3, severity: 'warning' },
  );

const result = (warnings: Issue[], errors: Issue[] = []) => ({
  valid: errors.length === 0,
  errors,
  warnings,
  checked: ['indicators/x'],
});

describe('formatValidation', () => {
  const many = Array.from({ length: 12 }, (_, i) => warning('a.yaml', i + 1));

  it('lists at most repeatLimit warnings of one code per file, then counts the rest', () => {
    const text = formatValidation(result([...many, warning('b.yaml', 1)]), 'text', true, 5);
    const lines = text.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('a.yaml:')).length).toBe(5 + 1);
    expect(text).toContain('a.yaml: 7 more warnings TEXT_MISSING_TRANSLATION like the above');
    expect(text).toContain('b.yaml:1:3: warning TEXT_MISSING_TRANSLATION');
    expect(lines.at(-1)).toBe('Checked indicators/x: 0 errors, 13 warnings (valid).');
  });

  it('never caps errors, and json lists everything', () => {
    const errors = Array.from({ length: 8 }, (_, i) =>
      createIssue('RULE_DUPLICATE_OPTION', { code: 'a' }, { file: 'a.yaml', line: i + 1 }),
    );
    const text = formatValidation(result(many, errors), 'text', true, 2);
    expect(text.match(/error RULE_DUPLICATE_OPTION/g)?.length).toBe(8);
    const json = JSON.parse(formatValidation(result(many, errors), 'json', true, 2));
    expect(json.warnings.length).toBe(12);
    expect(json.errors.length).toBe(8);
  });

  it('summarises capped warnings as a github annotation too', () => {
    const text = formatValidation(result(many), 'github', true, 3);
    expect(text.match(/^::warning file=a\.yaml,line=/gm)?.length).toBe(3);
    expect(text).toContain('::warning file=a.yaml::a.yaml: 9 more warnings');
  });
});
