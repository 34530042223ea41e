/**
 * `npm run bench`: the scoring engine on a generated panel of 1,000,000 answers (400 units x
 * 20 periods x 125 indicators) in long CSV, written deterministically to `.bench-data/`.
 *
 * Reports, each phase in a fresh child process so that its peak memory is its own:
 * - csv-parse alone (sync, array mode) on the file: the baseline;
 * - end to end: read (readAnswers) + score (compile, prepare, evaluate, rank, assemble);
 * - in-memory re-scoring after prepare (evaluate + rank), median of several runs;
 * - peak RSS of each phase.
 * Targets (issue 3): end to end within 1.5x of csv-parse alone; re-score < 100 ms; peak < 400 MB.
 * Times are CPU time (user + system) of the process, which a busy machine disturbs far less
 * than wall-clock time. Not a timed test: figures depend on the machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { readAnswerTable } from '../src/answers/read/index.js';
import { compileFramework, evaluate, prepareTable, rankUnits, score } from '../src/engine/index.js';
import { type Framework, frameworkSchema } from '../src/framework/schema/framework.js';

const UNITS = 400;
const PERIODS = 20;
const DIMENSIONS = 5;
const PER_DIMENSION = 25;
const root = join(fileURLToPath(import.meta.url), '..', '..');
const dataDir = join(root, '.bench-data');
const csvPath = join(dataDir, 'answers-1m.csv');

/** The benchmark framework: 5 dimensions x 25 choice indicators over 3 stages, 20 yearly periods. */
function benchFramework(): Framework {
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

/** A small deterministic generator (mulberry32), so the file is the same on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(): void {
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

function phase(name: string): Record<string, number> {
  const bytes = readFileSync(csvPath);
  if (name === 'csv-parse') {
    const t0 = cpu();
    const records = parse(bytes.toString('utf8'), { relax_column_count: true }) as string[][];
    const time = ms(t0);
    return { time, records: records.length - 1, peakMB: peakMB() };
  }
  const fw = benchFramework();
  if (name === 'end-to-end') {
    const t0 = cpu();
    const set = readAnswerTable([{ path: 'answers-1m.csv', content: bytes }]);
    const tRead = ms(t0);
    const result = score(fw, set);
    const time = ms(t0);
    (globalThis as { gc?: () => void }).gc?.();
    const live = process.memoryUsage();
    return {
      time,
      read: tRead,
      score: time - tRead,
      rows: result.counts.read,
      used: result.counts.used,
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
    peakMB: peakMB(),
  };
}

const which = process.argv.find((a) => a.startsWith('--phase='))?.slice('--phase='.length);
if (which) {
  process.stdout.write(JSON.stringify(phase(which)));
} else {
  generate();
  const run = (name: string): Record<string, number> =>
    JSON.parse(
      execFileSync(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(import.meta.url), `--phase=${name}`],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        },
      ),
    );
  const base = run('csv-parse');
  const e2e = run('end-to-end');
  const re = run('re-score');
  const f = (x: number | undefined): string => (x === undefined ? '?' : x.toFixed(0));
  const lines = [
    `Panel: ${UNITS} units x ${PERIODS} periods x ${DIMENSIONS * PER_DIMENSION} indicators = ${f(base.records)} answers (${csvPath})`,
    `csv-parse alone (CPU ms):      ${f(base.time)} ms   peak ${f(base.peakMB)} MB`,
    `end to end (read+score): ${f(e2e.time)} ms (read ${f(e2e.read)}, score ${f(e2e.score)})   peak ${f(e2e.peakMB)} MB (live after GC ${f(e2e.liveMB)} MB)   ratio ${((e2e.time ?? 0) / (base.time ?? 1)).toFixed(2)}x (target <= 1.5x)`,
    `re-score in memory:     ${(re.time ?? 0).toFixed(1)} ms (evaluate ${(re.evaluate ?? 0).toFixed(1)} + rank aggregates ${((re.time ?? 0) - (re.evaluate ?? 0)).toFixed(1)}; ranking every node too: ${(re.rankAll ?? 0).toFixed(1)}; scores only, no coverage counts: ${(re.scoresOnly ?? 0).toFixed(1)})   peak ${f(re.peakMB)} MB (target < 100 ms)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
