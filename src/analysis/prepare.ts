/**
 * What both analyses do before running anything: check the spec and every assumption against
 * the model, check the target, and compute the nominal scores and ranks.
 */
import { createIssue, type Issue } from '../errors/issue.js';
import { competitionRanks } from '../math/rank.js';
import { parseAnalysisSpec } from './assumptions/parse.js';
import { type Factor, resolveAssumptions } from './assumptions/resolve.js';
import type { AnalysisSpec, AnalysisSpecInput } from './assumptions/schema.js';
import type { AnalysisModel } from './model.js';

/**
 * A spec checked against a model, with the nominal results.
 *
 * @example
 * ```ts
 * const p = prepareAnalysis(model, spec); p.ok && p.value.nominalRanks; //=> Float64Array [7, 5, ...]
 * ```
 */
export interface PreparedAnalysis {
  spec: AnalysisSpec;
  factors: Factor[];
  target: string;
  nominalScores: Float64Array;
  nominalRanks: Float64Array;
}

/**
 * Checks `input` against `model`. All problems are returned together, before any run.
 *
 * @example
 * ```ts
 * const p = prepareAnalysis(model, { assumptions: [{ name: 'W', kind: 'winmax', range: [1, 5] }] });
 * p.ok && p.value.factors.length; //=> 1
 * ```
 */
export function prepareAnalysis(
  model: AnalysisModel,
  input: AnalysisSpecInput | AnalysisSpec,
): { ok: true; value: PreparedAnalysis } | { ok: false; issues: Issue[] } {
  const parsed = parseAnalysisSpec(input);
  if (!parsed.ok) return parsed;
  const spec = parsed.value;
  const d = model.description;
  const issues: Issue[] = [];
  const target = spec.target ?? d.target;
  if (!d.targets.includes(target)) {
    issues.push(
      createIssue('ANALYSIS_UNKNOWN_TARGET', { target, targets: d.targets }, { path: ['target'] }),
    );
  }
  const resolved = resolveAssumptions(model, spec);
  if (!resolved.ok) issues.push(...resolved.issues);
  if (spec.removeOne) {
    spec.removeOne.forEach((ref, i) => {
      const level = d.levels.find((l) =>
        typeof ref === 'number' ? l.number === ref : l.id === ref,
      );
      const top = Math.max(...d.levels.map((l) => l.number));
      if (!level) {
        issues.push(
          createIssue(
            'ANALYSIS_UNKNOWN_LEVEL',
            {
              name: 'removeOne',
              level: String(ref),
              levels: d.levels.map((l) => (l.id ? `${l.id} (${l.number})` : String(l.number))),
            },
            { path: ['removeOne', i] },
          ),
        );
      } else if (level.number === top) {
        issues.push(
          createIssue(
            'ANALYSIS_TOP_LEVEL',
            { name: 'removeOne', level: String(ref) },
            { path: ['removeOne', i] },
          ),
        );
      }
    });
  }
  if (issues.length > 0 || !resolved.ok) return { ok: false, issues };
  const nominalScores = model.evaluate({}, target);
  const scored = nominalScores.filter(Number.isFinite).length;
  if (scored < 2) {
    return { ok: false, issues: [createIssue('ANALYSIS_TOO_FEW_UNITS', { count: scored })] };
  }
  return {
    ok: true,
    value: {
      spec,
      factors: resolved.value,
      target,
      nominalScores,
      nominalRanks: competitionRanks(nominalScores),
    },
  };
}
