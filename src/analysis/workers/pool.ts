/**
 * Runs a design across `worker_threads` (Node only; exported from `integration-index/node`).
 * Runs are cut into chunks handed to whichever worker is free; each chunk's scores land at
 * their run indices, and each run's variant depends only on `(seed, run)`, so the result is
 * the same for 1 or 16 workers and equals the in-process executor's.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { invalidArgument, isRecord, optionsProblem, throwIfAny } from '../../errors/args.js';
import { createIssue, IntegrationIndexError } from '../../errors/issue.js';
import type { AnalysisModelSource } from '../models/registry.js';
import type { RunExecutor } from '../runner.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

/**
 * Options of {@link createWorkerExecutor}.
 *
 * @example
 * ```ts
 * createWorkerExecutor(source, { workers: 4, chunk: 50 } satisfies WorkerExecutorOptions);
 * ```
 */
export interface WorkerExecutorOptions {
  /** Worker threads to start; default: the machine's available parallelism. */
  workers?: number;
  /** Runs per chunk; default: enough for about eight chunks per worker. */
  chunk?: number;
}

/**
 * How to start a worker: the bundled script beside this module (`dist/analysis-worker.js`), or,
 * when running from TypeScript sources (tsx, vitest), a bootstrap that registers tsx's loader
 * in the worker first and then imports `worker.ts`.
 */
function startWorker(source: AnalysisModelSource): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) {
    return new Worker(new URL('./analysis-worker.js', here), { workerData: { source } });
  }
  const tsxRoot = dirname(createRequire(here).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const script = new URL('./worker.ts', here).href;
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(code, { eval: true, workerData: { source } });
}

/**
 * An executor that spreads runs over worker threads, each of which rebuilds the model from
 * `source` (cloneable data). Workers start with each analysis and stop when it ends.
 *
 * @example
 * ```ts
 * const source = { kind: 'composite', input: { data, pipeline } } as const;
 * const model = buildModel(source).value;
 * const ua = await runUncertainty(model, spec, { executor: createWorkerExecutor(source, { workers: 4 }) });
 * ```
 */
export function createWorkerExecutor(
  source: AnalysisModelSource,
  options: WorkerExecutorOptions = {},
): RunExecutor {
  throwIfAny(
    isRecord(source) &&
      (source.kind === 'composite' || source.kind === 'questionnaire') &&
      isRecord(source.input)
      ? undefined
      : invalidArgument(
          'createWorkerExecutor',
          'source',
          "a model source ({ kind: 'composite' | 'questionnaire', input })",
          source,
        ),
    optionsProblem('createWorkerExecutor', 'options', options, {
      workers: 'number',
      chunk: 'number',
    }),
  );
  return (plan, onProgress) =>
    new Promise<Float64Array>((resolve, reject) => {
      const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), plan.runs));
      const chunk = Math.max(1, options.chunk ?? Math.ceil(plan.runs / (count * 8)));
      const ranges: [number, number][] = [];
      for (let from = 0; from < plan.runs; from += chunk) {
        ranges.push([from, Math.min(plan.runs, from + chunk)]);
      }
      const scores: Float64Array[] = new Array(ranges.length);
      const workers: Worker[] = [];
      let next = 0;
      let done = 0;
      let runsDone = 0;
      let failed = false;
      const stop = () => {
        for (const w of workers) void w.terminate();
      };
      const fail = (detail: string) => {
        if (failed) return;
        failed = true;
        stop();
        reject(new IntegrationIndexError([createIssue('ANALYSIS_WORKER_FAILED', { detail })]));
      };
      const dispatch = (w: Worker) => {
        if (next >= ranges.length) return;
        const id = next++;
        const [from, to] = ranges[id] as [number, number];
        w.postMessage({ id, plan, from, to } satisfies WorkerRequest);
      };
      for (let k = 0; k < count; k++) {
        const w = startWorker(source);
        workers.push(w);
        w.on('message', (reply: WorkerReply) => {
          if ('error' in reply) return fail(reply.error);
          scores[reply.id] = reply.scores;
          done++;
          const [from, to] = ranges[reply.id] as [number, number];
          runsDone += to - from;
          onProgress?.(runsDone, plan.runs);
          if (done === ranges.length) {
            stop();
            const total = scores.reduce((s, x) => s + x.length, 0);
            const out = new Float64Array(total);
            let at = 0;
            for (const s of scores) {
              out.set(s, at);
              at += s.length;
            }
            resolve(out);
          } else dispatch(w);
        });
        w.on('error', (e) => fail(e.message));
        dispatch(w);
      }
    });
}
