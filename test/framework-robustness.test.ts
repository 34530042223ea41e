/**
 * Property: whatever bytes or data a framework folder holds, loading never throws; it returns
 * coded issues, each placed in a file with a line and column.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { safeParseFramework } from '../src/framework/load/load.js';
import type { SourceFile } from '../src/framework/load/source.js';

const minimal = {
  id: 'f',
  title: 'F',
  edition: '1',
  version: '1.0.0',
  periods: [{ id: '2020', referenceDate: '2020-12-31' }],
};

function checkIssues(files: SourceFile[]): void {
  const r = safeParseFramework(files);
  const issues = r.ok ? r.warnings : r.issues;
  for (const issue of issues) {
    expect(issue.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    expect(issue.message.length).toBeGreaterThan(0);
    expect(issue.file).toBeTypeOf('string');
    expect(issue.line).toBeTypeOf('number');
    expect(issue.column).toBeTypeOf('number');
  }
}

describe('loading never throws', () => {
  it('on arbitrary bytes and text in a dimension file', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 200 })), (content) => {
        checkIssues([
          { path: 'f/framework.yaml', content: stringify(minimal) },
          { path: 'f/d.yaml', content },
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('on values whose messages could not be printed naively', () => {
    for (const content of [
      'id: d\ntitle: D\nweight: { toString: 0 }\n',
      'id: d\ntitle: D\nindicators: [{ id: a, title: A, rule: { kind: { toString: 1 } } }]\n',
      'id: d\ntitle: D\nchildren: &c\n  - { id: e, title: E, children: *c }\n',
    ]) {
      checkIssues([
        { path: 'f/framework.yaml', content: stringify(minimal) },
        { path: 'f/d.yaml', content },
      ]);
    }
  });

  it('on arbitrary data shaped like a dimension, inline or in a file, YAML or JSON', () => {
    const value = fc.anything({ maxDepth: 4, withNullPrototype: false });
    const dimension = fc.record({
      id: fc.oneof(fc.constantFrom('d', 'e', ''), value),
      title: fc.oneof(fc.constant('D'), value),
      weight: fc.oneof(fc.double(), value),
      indicators: fc.array(
        fc.record({
          id: fc.oneof(fc.constantFrom('a', 'b', 'a-b'), value),
          title: fc.oneof(fc.constant('A'), value),
          stage: fc.oneof(fc.constant('law'), value),
          rule: fc.oneof(
            fc.record({
              kind: fc.constantFrom('choice', 'bands', 'formula', 'table', 'date', 'x'),
              options: value,
            }),
            fc.record({ kind: fc.constant('formula'), expression: fc.string() }),
            value,
          ),
          subquestions: value,
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(dimension, fc.boolean(), fc.boolean(), (dim, inline, json) => {
        const text = (v: unknown) => (json ? (JSON.stringify(v) ?? 'null') : stringify(v));
        const ext = json ? 'json' : 'yaml';
        const files: SourceFile[] = inline
          ? [{ path: `f/framework.${ext}`, content: text({ ...minimal, dimensions: [dim] }) }]
          : [
              { path: 'f/framework.yaml', content: stringify(minimal) },
              { path: `f/d.${ext}`, content: text(dim) },
            ];
        checkIssues(files);
      }),
      { numRuns: 300 },
    );
  });
});
