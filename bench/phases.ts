/**
 * The phases of the 1M-answer benchmark, one per child process (see `bench/run.ts`). `run.ts`
 * bundles this file with esbuild the way tsup bundles the package (mathjs tree-shaken in, other
 * dependencies external) and runs it with plain `node`, so that each phase measures the code as
 * shipped, without the TypeScript loader. `node .bench-data/phases.mjs --phase=NAME` prints one
 * JSON object.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { dsvFormat } from 'd3-dsv';
import { readAnswerTable } from '../src/answers/read/index.js';
import { compileFramework, evaluate, prepareTable, rankUnits, score } from '../src/engine/index.js';
import { type Framework, frameworkSchema } from '../src/framework/schema/framework.js';
import { mulberry32 } from './_lib/random.js';

const UNITS = 400;
const PERIODS = 20;
const DIMENSIONS = 5;
const PER_DIMENSION = 25;

/** Where the generated answer file lives (`.bench-data/` at the package root). */
export const dataDir = new URL('../.bench-data/', import.meta.url).pathname;
/** The generated 1M-answer long CSV. */
export const csvPath = `${dataDir}answers-1m.csv`;

/** The benchmark framework: 5 dimensions x 25 choice indicators over 3 stages, 20 yearly periods. */
export function benchFramework(): Framework {
  const stages = ['law', 'policy', 'practice'];
  return frameworkSchema.parse({
    id: 'bench',
    title: 'Benchmark',
    edition: '1',
    version: '1.0.0',
    stages: stages.map((id) => ({ id, title: id })),
    periods: Array.from({ length: PERIODS }, (_, p) => ({
      id: String(2001 + p),
      referenceDate: `${2001 + p}-12-31`,
    })),
    dimensions: Array.from({ length: DIMENSIONS }, (_, d) => ({
      id: `d${d + 1}`,
      title: `Dimension ${d + 1}`,
      indicators: Array.from({ length: PER_DIMENSION }, (_, i) => ({
        id: `i${d + 1}_${String(i + 1).padStart(2, '0')}`,
        title: `Indicator ${i + 1}`,
        stage: stages[i % 3],
        rule: {
          kind: 'choice',
          options: [
            { code: 'a', label: 'Full', score: 100 },
            { code: 'b', label: 'Partial', score: 50 },
            { code: 'c', label: 'None', score: 0 },
            { code: 'x', label: 'Not relevant', notApplicable: true },
          ],
        },
      })),
    })),
  });
}

/** Writes the answer file unless it is there already (deterministic: same bytes everywhere). */
export function generate(): void {
  if (existsSync(csvPath)) return;
  mkdirSync(dataDir, { recursive: true });
  const fw = benchFramework();
  const ids = fw.dimensions.flatMap((d) => (d.indicators ?? []).map((i) => i.id));
  const rnd = mulberry32(20261121);
  const parts: string[] = ['unit,period,indicator,answer\n'];
  for (let p = 0; p < PERIODS; p++) {
    for (let u = 0; u < UNITS; u++) {
      const unit = `U${String(u + 1).padStart(3, '0')}`;
      let chunk = '';
      for (const id of ids) {
        const x = rnd();
        const answer =
          x < 0.4 ? 'a' : x < 0.75 ? 'b' : x < 0.95 ? 'c' : x < 0.98 ? 'x' : x < 0.99 ? 'n/a' : '';
        chunk += `${unit},${2001 + p},${id},${answer}\n`;
      }
      parts.push(chunk);
    }
  }
  writeFileSync(csvPath, parts.join(''));
}

/**
 * Milliseconds of CPU (user + system) since `t0`: on a shared, loaded machine wall-clock times
 * mostly measure the neighbours, CPU time measures the work.
 */
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const ms = (t0: number): number => cpu() - t0;
const peakMB = (): number => process.resourceUsage().maxRSS / 1024;
const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/**
 * One phase, in a process of its own. `startMB` is the resident memory once the code is loaded and
 * the file read into memory, before the phase starts; `peakMB` the peak of the process.
 */
function phase(name: string): Record<string, number> {
  const bytes = readFileSync(csvPath);
  const startMB = process.memoryUsage().rss / 1048576;
  if (name === 'csv-parse') {
    // The baseline: the same bytes decoded to text, parsed by csv-parse (sync, array mode) into
    // one record per line with the options the reader uses (the delimiter it detects, ragged
    // rows allowed), all at once, and nothing else.
    const w0 = performance.now();
    const t0 = cpu();
    const records = parse(bytes.toString('utf8'), {
      delimiter: ',',
      relax_column_count: true,
    }) as string[][];
    const time = ms(t0);
    const wall = performance.now() - w0;
    return { time, wall, records: records.length - 1, startMB, peakMB: peakMB() };
  }
  if (name === 'd3-dsv') {
    // The fastest parser that reads this file right (issue 14, item 3), alone: the same bytes
    // decoded to text and parsed by d3-dsv (`parseRows`, the delimiter given) in one call.
    const w0 = performance.now();
    const t0 = cpu();
    const records = dsvFormat(',').parseRows(bytes.toString('utf8'));
    const time = ms(t0);
    const wall = performance.now() - w0;
    return { time, wall, records: records.length - 1, startMB, peakMB: peakMB() };
  }
  const fw = benchFramework();
  if (name === 'end-to-end') {
    // What `integration-index score` does: read the file column-wise, then compile, prepare,
    // evaluate, rank and assemble the result (scoreFiles = readAnswerTable + score).
    const w0 = performance.now();
    const t0 = cpu();
    const set = readAnswerTable([{ path: 'answers-1m.csv', content: bytes }]);
    const tRead = ms(t0);
    const result = score(fw, set);
    const time = ms(t0);
    const wall = performance.now() - w0;
    (globalThis as { gc?: () => void }).gc?.();
    const live = process.memoryUsage();
    return {
      time,
      wall,
      read: tRead,
      score: time - tRead,
      rows: result.counts.read,
      used: result.counts.used,
      startMB,
      peakMB: peakMB(),
      // What stays alive with the answers and the result held: heap plus typed arrays.
      liveMB: (live.heapUsed + live.arrayBuffers) / 1048576,
    };
  }
  // re-score
  const compiled = compileFramework(fw);
  if (!compiled.ok) throw new Error('bench framework does not compile');
  const plan = compiled.value;
  const prepared = prepareTable(
    plan,
    readAnswerTable([{ path: 'answers-1m.csv', content: bytes }]),
  );
  if (!prepared.ok) throw new Error('bench answers do not prepare');
  const times: number[] = [];
  const evalOnly: number[] = [];
  const rankAll: number[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  const scoresOnly: number[] = [];
  for (let k = 0; k < 15; k++) {
    // Collect the previous iteration's garbage first, so each run is charged for its own work.
    gc?.();
    const t2 = cpu();
    evaluate(plan, prepared.value, { counts: false });
    scoresOnly.push(ms(t2));
    gc?.();
    const t0 = cpu();
    const ev = evaluate(plan, prepared.value);
    evalOnly.push(ms(t0));
    rankUnits(plan, prepared.value, ev, { aggregatesOnly: true });
    times.push(ms(t0));
    const t1 = cpu();
    rankUnits(plan, prepared.value, ev);
    rankAll.push(ms(t1));
  }
  return {
    time: median(times),
    evaluate: median(evalOnly),
    scoresOnly: median(scoresOnly),
    rankAll: median(rankAll),
    startMB,
    peakMB: peakMB(),
  };
}

const which = process.argv.find((a) => a.startsWith('--phase='))?.slice('--phase='.length);
if (which) process.stdout.write(JSON.stringify(phase(which)));
