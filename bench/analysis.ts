/**
 * Benchmark of the analyses (issue 6, item 8) on COINr's ASEM example with the four
 * assumptions of COINr's sensitivity vignette (winmax 1-5; min-max or z-score normalisation;
 * weight noise 0.25 on levels 2 and 3; arithmetic or geometric mean):
 * - uncertainty analysis, N = 100 runs; target < 0.1 s (COINr 1.1.14 measured here: 17.5 s);
 * - sensitivity analysis, N = 100 (600 runs), 100 bootstrap resamples; target < 0.5 s
 *   (COINr: 106 s).
 * Each analysis is timed with a model compiled inside the timing (its step caches empty: what a
 * CLI call does after reading the files), and again on a model whose caches are warm; figures
 * are the median wall and CPU time of several repetitions (CPU time is the steadier figure on a
 * shared, loaded machine). The model compilation alone (one nominal pipeline run) is also shown. With `--workers N` it also times the worker-thread executor (which
 * starts its threads and rebuilds the model in each).
 *
 * Run: `node --import tsx bench/analysis.ts [--json] [--workers 2]`.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parseAnalysisSpec } from '../src/analysis/assumptions/parse.js';
import type { AnalysisSpec } from '../src/analysis/assumptions/schema.js';
import type { AnalysisModel } from '../src/analysis/model.js';
import { type AnalysisModelSource, buildModel } from '../src/analysis/models/registry.js';
import { runSensitivity } from '../src/analysis/sensitivity/sensitivity.js';
import { runUncertainty } from '../src/analysis/uncertainty/uncertainty.js';
import { createWorkerExecutor } from '../src/analysis/workers/pool.js';
import { readCoinr } from '../src/composite/data/read.js';

const asem = new URL('../fixtures/reference/coinr-asem', import.meta.url).pathname;
const fixtures = new URL('../test/fixtures/analysis/', import.meta.url);
const args = process.argv.slice(2);
const json = args.includes('--json');
const workersAt = args.indexOf('--workers');
const workers = workersAt >= 0 ? Number(args[workersAt + 1]) : 0;

const data = readCoinr(
  readFileSync(`${asem}/asem_iData.csv`, 'utf8'),
  readFileSync(`${asem}/asem_iMeta.csv`, 'utf8'),
);
if (!data.ok) throw new Error('ASEM data did not read');
const source: AnalysisModelSource = {
  kind: 'composite',
  input: {
    data: data.value,
    pipeline: parseYaml(readFileSync(new URL('asem-pipeline.yaml', fixtures), 'utf8')),
  },
};
const parsed = parseAnalysisSpec(
  parseYaml(readFileSync(new URL('asem-spec.yaml', fixtures), 'utf8')),
);
if (!parsed.ok) throw new Error('spec did not parse');
const spec: AnalysisSpec = { ...parsed.value, samples: 100, bootstrap: 100 };
delete spec.removeOne;

function model(): AnalysisModel {
  const m = buildModel(source);
  if (!m.ok) throw new Error('model did not build');
  return m.value;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

/** Median wall and CPU ms of `f` over `runs` runs, after `warmup` runs. */
async function time(
  f: () => Promise<unknown> | unknown,
  runs: number,
  warmup = 2,
): Promise<{ wallMs: number; cpuMs: number }> {
  for (let i = 0; i < warmup; i++) await f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = cpuMs();
    const t = performance.now();
    await f();
    wall.push(performance.now() - t);
    cpu.push(cpuMs() - c);
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

const results: Record<string, { wallMs: number; cpuMs: number }> = {};
results.compile = await time(() => model(), 7);
results.uncertaintyFresh = await time(async () => runUncertainty(model(), spec), 7);
const warm = model();
results.uncertaintyWarm = await time(async () => runUncertainty(warm, spec), 9);
results.sensitivityFresh = await time(async () => runSensitivity(model(), spec), 5);
results.sensitivityWarm = await time(async () => runSensitivity(warm, spec), 7);
if (workers > 0) {
  const executor = createWorkerExecutor(source, { workers });
  results[`uncertainty${workers}Workers`] = await time(
    async () => runUncertainty(warm, spec, { executor }),
    3,
    1,
  );
  results[`sensitivity${workers}Workers`] = await time(
    async () => runSensitivity(warm, spec, { executor }),
    3,
    1,
  );
}

if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
else {
  const targets: Record<string, string> = {
    uncertaintyFresh: '< 100 ms (COINr 17.5 s)',
    uncertaintyWarm: '< 100 ms (COINr 17.5 s)',
    sensitivityFresh: '< 500 ms (COINr 106 s)',
    sensitivityWarm: '< 500 ms (COINr 106 s)',
  };
  process.stdout.write('ASEM, 4 assumptions; median of repeated runs\n');
  for (const [name, r] of Object.entries(results)) {
    process.stdout.write(
      `${name.padEnd(24)} wall ${r.wallMs.toFixed(1).padStart(8)} ms   cpu ${r.cpuMs.toFixed(1).padStart(8)} ms   ${targets[name] ?? ''}\n`,
    );
  }
}
