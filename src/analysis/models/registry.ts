import { invalidArgument, isRecord } from '../../errors/args.js';
/**
 * Models as cloneable data: a source names its builder and carries its inputs, so a worker
 * thread can rebuild the same model the main thread checked.
 */
import type { SafeResult } from '../../errors/issue.js';
import type { AnalysisModel } from '../model.js';
import { type CompositeModelInput, compileCompositeModel } from './composite.js';
import { compileQuestionnaireModel, type QuestionnaireModelInput } from './questionnaire.js';

/**
 * A model to build: a composite pipeline over COINr-style data, or a framework with answers.
 *
 * @example
 * ```ts
 * const source: AnalysisModelSource = { kind: 'questionnaire', input: { framework, answers } };
 * ```
 */
export type AnalysisModelSource =
  | { readonly kind: 'composite'; readonly input: CompositeModelInput }
  | { readonly kind: 'questionnaire'; readonly input: QuestionnaireModelInput };

/**
 * Builds the model a source describes.
 *
 * @example
 * ```ts
 * const r = buildModel({ kind: 'composite', input: { data, pipeline } });
 * r.ok && r.value.description.kind; //=> 'composite'
 * ```
 */
export function buildModel(source: AnalysisModelSource): SafeResult<AnalysisModel> {
  if (
    !isRecord(source) ||
    (source.kind !== 'composite' && source.kind !== 'questionnaire') ||
    !isRecord(source.input)
  ) {
    return {
      ok: false,
      issues: [
        invalidArgument(
          'buildModel',
          'source',
          "a model source ({ kind: 'composite' | 'questionnaire', input: {...} })",
          source,
        ),
      ],
    };
  }
  return source.kind === 'composite'
    ? compileCompositeModel(source.input)
    : compileQuestionnaireModel(source.input);
}
