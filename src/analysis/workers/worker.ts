/**
 * A worker thread of the analyses (Node only): it rebuilds the model from its source once, then
 * evaluates the run ranges the pool sends, returning each range's scores by transfer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SafeResult } from '../../errors/issue.js';
import { loadFormulaSupport } from '../../rules/formula/math.js';
import type { AnalysisModel } from '../model.js';
import type { AnalysisModelSource } from '../models/registry.js';
import { evaluateRuns, type RunPlan } from '../runner.js';

/**
 * A range of runs to evaluate.
 *
 * @example
 * ```ts
 * worker.postMessage({ id: 0, plan, from: 0, to: 25 } satisfies WorkerRequest);
 * ```
 */
export interface WorkerRequest {
  id: number;
  plan: RunPlan;
  from: number;
  to: number;
}

/**
 * The scores of a range, or why it failed.
 *
 * @example
 * ```ts
 * const reply: WorkerReply = { id: 0, scores: new Float64Array(25 * 51) };
 * ```
 */
export type WorkerReply = { id: number; scores: Float64Array } | { id: number; error: string };

/**
 * Builds the model, importing only its own builder: the questionnaire engine pulls in mathjs
 * (formula rules), about a second of start-up that a composite worker does without.
 */
async function build(source: AnalysisModelSource): Promise<SafeResult<AnalysisModel>> {
  if (source.kind === 'composite') {
    return (await import('../models/composite.js')).compileCompositeModel(source.input);
  }
  await loadFormulaSupport();
  return (await import('../models/questionnaire.js')).compileQuestionnaireModel(source.input);
}

const port = parentPort;
if (port) {
  // Messages sent meanwhile wait in the port's queue until the listener below starts it.
  const built = await build((workerData as { source: AnalysisModelSource }).source);
  port.on('message', (request: WorkerRequest) => {
    if (!built.ok) {
      port.postMessage({ id: request.id, error: built.issues.map((i) => i.message).join('; ') });
      return;
    }
    try {
      const scores = evaluateRuns(built.value, request.plan, request.from, request.to);
      port.postMessage({ id: request.id, scores } satisfies WorkerReply, [
        scores.buffer as ArrayBuffer,
      ]);
    } catch (e) {
      port.postMessage({ id: request.id, error: e instanceof Error ? e.message : String(e) });
    }
  });
}
