import { describe, expect, it } from 'vitest';
import { createIssue } from '../../errors/issue.js';
import { locateSpecIssues, parseAnalysisSpec, parseAnalysisSpecText } from './parse.js';

const text = `seed: 42
samples: 50
assumptions:
  - { name: Winmax, kind: winmax, range: [1, 5] }
  - name: Weights
    kind: weights
    levels:
      - { level: 2, factor: 0.25 }
`;

describe('parseAnalysisSpec', () => {
  it('applies defaults', () => {
    const r = parseAnalysisSpec({
      assumptions: [{ name: 'A', kind: 'aggregation', methods: ['amean', 'gmean'] }],
    });
    expect(
      r.ok && { seed: r.value.seed, samples: r.value.samples, bootstrap: r.value.bootstrap },
    ).toEqual({
      seed: 1,
      samples: 100,
      bootstrap: 100,
    });
  });

  it('refuses unknown keys and kinds with ANALYSIS_SPEC_INVALID', () => {
    const r = parseAnalysisSpec({ sample: 3, assumptions: [{ name: 'A', kind: 'nope' }] });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual([
      'ANALYSIS_SPEC_INVALID',
      'ANALYSIS_SPEC_INVALID',
    ]);
  });
});

describe('parseAnalysisSpecText', () => {
  it('reads YAML', () => {
    const r = parseAnalysisSpecText(text, 'spec.yaml');
    expect(r.ok && r.value.assumptions.map((a) => a.kind)).toEqual(['winmax', 'weights']);
  });

  it('points schema problems at their line and column', () => {
    const r = parseAnalysisSpecText(text.replace('factor: 0.25', 'factor: high'), 'spec.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({
      code: 'ANALYSIS_SPEC_INVALID',
      file: 'spec.yaml',
      line: 8,
      column: 29,
    });
  });

  it('reports YAML syntax errors as coded issues', () => {
    const r = parseAnalysisSpecText('assumptions: [\n', 'bad.yaml');
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.file])).toEqual([
      ['ANALYSIS_SPEC_INVALID', 'bad.yaml'],
    ]);
  });

  it('locates issues found later by their path', () => {
    const issue = createIssue(
      'ANALYSIS_UNKNOWN_LEVEL',
      { name: 'Weights', level: '2', levels: ['1'] },
      {
        path: ['assumptions', 1, 'levels', 0, 'level'],
      },
    );
    expect(locateSpecIssues(text, 'spec.yaml', [issue])[0]).toMatchObject({ line: 8, column: 18 });
  });
});
