import { createIssue, type SafeResult } from '../../errors/issue.js';
import { parsePipelineSpec } from './run.js';
import type { PipelineSpec, PipelineStep } from './schema.js';

/** Changes to a pipeline, by step name: the options to replace in that step. */
export type PipelineChanges = {
  [K in PipelineStep['step']]?: Partial<Omit<Extract<PipelineStep, { step: K }>, 'step'>>;
};

/**
 * A copy of a pipeline with some step options replaced, checked against the schema again, so
 * a build can be regenerated with one setting changed (COINr's `change_ind`/`Regen`, without
 * string addresses): `runPipeline(data, changed)`. Changing a step the pipeline does not have
 * is an error (`COMPOSITE_STEP_MISSING`), never a silent no-op.
 *
 * @example
 * ```ts
 * const r = changePipeline(spec, { treat: { winmax: 3 }, normalise: { method: 'zscore' } });
 * if (r.ok) runPipeline(data, r.value);
 * ```
 */
export function changePipeline(
  spec: PipelineSpec,
  changes: PipelineChanges,
): SafeResult<PipelineSpec> {
  const present = new Set(spec.steps.map((s) => s.step));
  const missing = Object.keys(changes).filter((k) => !present.has(k as PipelineStep['step']));
  if (missing.length > 0) {
    return {
      ok: false,
      issues: missing.map((step) =>
        createIssue('COMPOSITE_STEP_MISSING', { step }, { path: [step] }),
      ),
    };
  }
  return parsePipelineSpec({
    ...spec,
    steps: spec.steps.map((s) => ({ ...s, ...(changes[s.step] ?? {}) })),
  });
}
