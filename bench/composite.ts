/**
 * Benchmark of the composite pipeline (issue 5, item 6):
 * - COINr's ASEM example end to end in process (read iData/iMeta text, run the six steps);
 *   target < 5 ms (COINr 1.1.14: 0.17 s);
 * - a generated panel of 1,000 units x 100 indicators x 10 periods, end to end (pipeline on
 *   parsed data, and with CSV reading); target < 100 ms (COINr: 2.5 s).
 * Each figure is the median of many runs after warm-up.
 *
 * Run: `node --expose-gc --import tsx bench/composite.ts` (add `--json` for machine output).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as nodeCsvParse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { readCoinr } from '../src/composite/data/read.js';
import type { CompositeData } from '../src/composite/data/types.js';
import { parsePipelineSpec, safeRunPipeline } from '../src/composite/pipeline/run.js';
import type { PipelineSpec } from '../src/composite/pipeline/schema.js';
import { mulberry32 } from './_lib/random.js';

const here = new URL('.', import.meta.url).pathname;
const asemDir = join(import.meta.dirname, '../fixtures/reference/coinr-asem');

function spec(input: unknown): PipelineSpec {
  const r = parsePipelineSpec(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function load(idata: string, imeta: string): CompositeData {
  const r = readCoinr(idata, imeta, { csvParse: nodeCsvParse });
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
  return r.value;
}

/**
 * Median wall time and median CPU time (user + system of this process) in ms of `f` over
 * `runs` runs after `warmup` runs. CPU time is the steadier figure on a shared, loaded machine.
 */
function time(
  f: () => void,
  runs: number,
  warmup: number,
): { median: number; p90: number; cpu: number } {
  for (let i = 0; i < warmup; i++) f();
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const mid = Math.floor(runs / 2);
  return {
    median: ms[mid] as number,
    p90: ms[Math.floor(runs * 0.9)] as number,
    cpu: cpu[mid] as number,
  };
}

/**
 * iData/iMeta CSV text of a panel: `units` x `periods` rows, `indicators` indicators in
 * pillars of 10, two sub-indices and an index; skewed (log-normal) values, 3% missing, and a
 * group column.
 */
export function generatePanel(
  units: number,
  indicators: number,
  periods: number,
  seed = 1,
): { idata: string; imeta: string } {
  const r = mulberry32(seed);
  const pillars = Math.ceil(indicators / 10);
  const meta = ['iCode,Level,Parent,Direction,Weight,Type'];
  for (let i = 0; i < indicators; i++)
    meta.push(`i${i},1,P${Math.floor(i / 10)},${i % 7 === 0 ? -1 : 1},1,Indicator`);
  for (let p = 0; p < pillars; p++) meta.push(`P${p},2,S${p % 2},1,1,Aggregate`);
  meta.push(
    'S0,3,Index,1,1,Aggregate',
    'S1,3,Index,1,1,Aggregate',
    'Index,4,,1,1,Aggregate',
    'Region,,,,,Group',
  );
  const rows = [
    ['uCode', 'Time', 'Region', ...Array.from({ length: indicators }, (_, i) => `i${i}`)].join(','),
  ];
  for (let u = 0; u < units; u++) {
    const base = Array.from({ length: indicators }, () => r() * 3);
    for (let t = 0; t < periods; t++) {
      const cells = [`U${u}`, String(2010 + t), `R${u % 5}`];
      for (let i = 0; i < indicators; i++) {
        cells.push(r() < 0.03 ? '' : String(Math.exp((base[i] as number) + 0.1 * t + r())));
      }
      rows.push(cells.join(','));
    }
  }
  return { idata: `${rows.join('\n')}\n`, imeta: `${meta.join('\n')}\n` };
}

const asemIData = readFileSync(join(asemDir, 'asem_iData.csv'), 'utf8');
const asemIMeta = readFileSync(join(asemDir, 'asem_iMeta.csv'), 'utf8');
const asemSpec = spec(
  parseYaml(readFileSync(join(here, '../test/fixtures/composite/asem.pipeline.yaml'), 'utf8')),
);
const asemData = load(asemIData, asemIMeta);

const panelSpec = spec({
  steps: [
    { step: 'impute', method: 'linear-constant' },
    { step: 'screen', by: 'missing', threshold: 0.5 },
    { step: 'treat', winmax: 5 },
    { step: 'normalise', method: 'minmax', range: [0, 100] },
    { step: 'aggregate', method: 'amean' },
  ],
});
const panel = generatePanel(1000, 100, 10);
// The same panel for COINr (bench/peers/coinr.R reads these files).
mkdirSync(join(import.meta.dirname, '../.bench-data'), { recursive: true });
writeFileSync(join(import.meta.dirname, '../.bench-data/panel-iData.csv'), panel.idata);
writeFileSync(join(import.meta.dirname, '../.bench-data/panel-iMeta.csv'), panel.imeta);
const panelData = load(panel.idata, panel.imeta);

const run = (data: CompositeData, s: PipelineSpec) => {
  const r = safeRunPipeline(data, s);
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
};

const results = {
  asemPipeline: time(() => run(asemData, asemSpec), 500, 100),
  asemEndToEnd: time(() => run(load(asemIData, asemIMeta), asemSpec), 300, 50),
  panelPipeline: time(() => run(panelData, panelSpec), 30, 5),
  panelEndToEnd: time(() => run(load(panel.idata, panel.imeta), panelSpec), 15, 3),
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const f = (x: { median: number; p90: number; cpu: number }) =>
    `median ${x.median.toFixed(2)} ms wall, ${x.cpu.toFixed(2)} ms CPU (p90 wall ${x.p90.toFixed(2)} ms)`;
  console.log(
    `composite: ASEM pipeline (parsed data)      ${f(results.asemPipeline)}  target < 5 ms`,
  );
  console.log(
    `composite: ASEM read + pipeline            ${f(results.asemEndToEnd)}  target < 5 ms`,
  );
  console.log(
    `composite: 1000x100x10 panel pipeline      ${f(results.panelPipeline)}  target < 100 ms`,
  );
  console.log(`composite: 1000x100x10 read CSV + pipeline ${f(results.panelEndToEnd)}`);
}
