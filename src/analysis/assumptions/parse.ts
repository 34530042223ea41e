/**
 * Reading an analysis spec: from a value (API) or YAML/JSON text (CLI), with every schema
 * problem as an `ANALYSIS_SPEC_INVALID` issue that points at its line and column.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { createIssue, type Issue } from '../../errors/issue.js';
import { type AnalysisSpec, analysisSpecSchema } from './schema.js';

function zodIssues(
  error: z.ZodError,
  locate?: (path: (string | number)[]) => Partial<Issue>,
): Issue[] {
  return error.issues.map((zi) => {
    const path = zi.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const where = path.length > 0 ? ` (at ${path.join('.')})` : '';
    return createIssue(
      'ANALYSIS_SPEC_INVALID',
      { detail: `${zi.message}${where}` },
      {
        path,
        ...(locate ? locate(path) : {}),
      },
    );
  });
}

/**
 * Checks a spec given as a value and applies its defaults.
 *
 * @example
 * ```ts
 * parseAnalysisSpec({ assumptions: [{ name: 'W', kind: 'winmax', range: [1, 5] }] });
 * //=> { ok: true, value: { seed: 1, samples: 100, bootstrap: 100, assumptions: [...] } }
 * ```
 */
export function parseAnalysisSpec(
  input: unknown,
): { ok: true; value: AnalysisSpec } | { ok: false; issues: Issue[] } {
  const r = analysisSpecSchema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: zodIssues(r.error) };
}

/**
 * Reads a spec from YAML (or JSON) text; `file` names it in the issues.
 *
 * @example
 * ```ts
 * parseAnalysisSpecText('assumptions:\n  - { name: W, kind: winmax, range: [1, 5] }\n', 'spec.yaml');
 * ```
 */
export function parseAnalysisSpecText(
  text: string,
  file = '<spec>',
): { ok: true; value: AnalysisSpec } | { ok: false; issues: Issue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return createIssue(
          'ANALYSIS_SPEC_INVALID',
          { detail: e.message.split('\n')[0] ?? e.message },
          { file, ...(pos ? { line: pos.line, column: pos.col } : {}) },
        );
      }),
    };
  }
  const r = analysisSpecSchema.safeParse(doc.toJS());
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, issues: zodIssues(r.error, (path) => locate(doc, lineCounter, path, file)) };
}

function locate(
  doc: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  path: readonly (string | number)[],
  file: string,
): Partial<Issue> {
  // The deepest node of the path that exists in the document.
  for (let k = path.length; k >= 0; k--) {
    const node = doc.getIn(path.slice(0, k), true) as
      | { range?: [number, number, number] }
      | undefined;
    if (node && typeof node === 'object' && node.range) {
      const pos = lineCounter.linePos(node.range[0]);
      return { file, line: pos.line, column: pos.col };
    }
  }
  return { file };
}

/**
 * Points issues found later (against the model) at their place in the spec text: each issue's
 * `path` is looked up in the YAML document to add `file`, `line` and `column`.
 *
 * @example
 * ```ts
 * locateSpecIssues(text, 'spec.yaml', issues)[0]; //=> { ..., file: 'spec.yaml', line: 4, column: 5 }
 * ```
 */
export function locateSpecIssues(text: string, file: string, issues: readonly Issue[]): Issue[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return issues.map((i) =>
    i.file === undefined ? { ...i, ...locate(doc, lineCounter, i.path, file) } : i,
  );
}
