import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisModel } from '../src/analysis/model.js';
import { type AnalysisModelSource, buildModel } from '../src/analysis/models/registry.js';
import { runSensitivity } from '../src/analysis/sensitivity/sensitivity.js';
import { runUncertainty } from '../src/analysis/uncertainty/uncertainty.js';
import { createWorkerExecutor } from '../src/analysis/workers/pool.js';
import { analysisFixture, readAsem } from './support/asem.js';

const spec = {
  ...analysisFixture('asem-spec.yaml'),
  samples: 30,
  bootstrap: 50,
};
let source: AnalysisModelSource;
let model: AnalysisModel;

beforeAll(() => {
  source = {
    kind: 'composite',
    input: { data: readAsem(), pipeline: analysisFixture('asem-pipeline.yaml') },
  };
  const m = buildModel(source);
  if (!m.ok) throw new Error('did not build');
  model = m.value;
});

describe('worker threads', () => {
  it('give the same uncertainty analysis for 1 and 2 workers as in process', async () => {
    const local = await runUncertainty(model, spec);
    const one = await runUncertainty(model, spec, {
      executor: createWorkerExecutor(source, { workers: 1 }),
    });
    const two = await runUncertainty(model, spec, {
      executor: createWorkerExecutor(source, { workers: 2, chunk: 7 }),
    });
    expect(one).toEqual(local);
    expect(two).toEqual(local);
  });

  it('give the same sensitivity indices for 2 workers as in process, and report progress', async () => {
    const seen: number[] = [];
    const local = await runSensitivity(model, spec);
    const two = await runSensitivity(model, spec, {
      executor: createWorkerExecutor(source, { workers: 2 }),
      onProgress: (done) => seen.push(done),
    });
    expect(two).toEqual(local);
    expect(seen.at(-1)).toBe(local.runs);
  });
});
