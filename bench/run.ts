/**
 * `npm run bench`: every benchmark of the package, with one summary at the end.
 *
 * 1. The scoring engine on a generated panel of 1,000,000 answers (400 units x 20 periods x 125
 *    indicators) in long CSV, written deterministically to `.bench-data/` (issue 3, item 11).
 *    `bench/phases.ts` is bundled with esbuild as tsup bundles the package (mathjs tree-shaken
 *    in, the other dependencies external) and each phase runs in a fresh `node` process, so its
 *    peak memory is its own; every phase runs three times, interleaved, and the median is
 *    reported. Phases: csv-parse alone (the baseline), end to end (read + score), in-memory
 *    re-scoring (evaluate + rank, median of 15 runs per process).
 *    Targets: end to end within 1.5x of csv-parse alone; re-score < 100 ms; peak < 400 MB.
 * 2. The composite pipeline (`bench/composite.ts`) and the analyses (`bench/analysis.ts`).
 * 3. CLI start-up against `node -e 0` (`score` on the NIEM example, `validate indicators/`,
 *    `--help`; needs `npm run build` first) and the size of the browser core (issue 14): bundled
 *    from the built package (what users get; needs the build too), and from `src/` beside it.
 *
 * `npm run bench -- --json` also writes every figure, with COINr's published timings and our
 * ratios to them, to `bench/results.json`.
 *
 * Times are CPU time (user + system) of the process, which a busy machine disturbs far less
 * than wall-clock time. Not a timed test: figures depend on the machine. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { type CoreSize, coreBudgetGzipBytes, coreSize, srcCoreSize } from './_lib/core-size.js';
import { measureStartup } from './_lib/startup.js';
import { csvPath, dataDir, generate } from './phases.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(
  execFileSync(process.execPath, ['-p', 'JSON.stringify(require("./package.json"))'], {
    cwd: root,
    encoding: 'utf8',
  }),
) as { dependencies: Record<string, string> };

generate();
const bundle = `${dataDir}phases.mjs`;
buildSync({
  entryPoints: [fileURLToPath(new URL('phases.ts', import.meta.url))],
  outfile: bundle,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: Object.keys(pkg.dependencies).filter((d) => d !== 'mathjs'),
  logLevel: 'error',
});

type Figures = Record<string, number>;
const run = (name: string): Figures =>
  JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', bundle, `--phase=${name}`], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    }),
  );
const names = ['csv-parse', 'd3-dsv', 'end-to-end', 're-score'] as const;
const runs: Record<string, Figures[]> = {
  'csv-parse': [],
  'd3-dsv': [],
  'end-to-end': [],
  're-score': [],
};
const load = loadavg()[0] ?? 0;
for (let k = 0; k < 3; k++) for (const name of names) runs[name]?.push(run(name));
/** Median of each figure over the runs of a phase. */
const med = (name: string): Figures => {
  const all = runs[name] ?? [];
  const out: Figures = {};
  for (const key of Object.keys(all[0] ?? {})) {
    const xs = all.map((f) => f[key] ?? Number.NaN).sort((a, b) => a - b);
    out[key] = xs[Math.floor(xs.length / 2)] as number;
  }
  return out;
};
const csvParse = med('csv-parse');
// The ratio's baseline: the fastest parser that reads the file right (d3-dsv; udsv is faster
// still but misreads ragged rows: a short row swallows the next line; see bench/README.md).
const base = med('d3-dsv');
const e2e = med('end-to-end');
const re = med('re-score');
const ratios = (runs['end-to-end'] ?? []).map(
  (f, k) => (f.time ?? 0) / ((runs['d3-dsv'] ?? [])[k]?.time ?? 1),
);
const f = (x: number | undefined): string => (x === undefined ? '?' : x.toFixed(0));
const f1 = (x: number | undefined): string => (x === undefined ? '?' : x.toFixed(1));
const ratio = (e2e.time ?? 0) / (base.time ?? 1);
const peak = Math.max(e2e.peakMB ?? 0, re.peakMB ?? 0);
const lines = [
  `Answers: ${f(base.records)} (400 units x 20 periods x 125 indicators, ${csvPath}); medians of 3 processes per phase; CPU ms; load average ${load.toFixed(1)}`,
  `  csv-parse alone:   ${f(csvParse.time)} ms (wall ${f(csvParse.wall)})   peak ${f(csvParse.peakMB)} MB (at start ${f(csvParse.startMB)} MB)`,
  `  d3-dsv alone:      ${f(base.time)} ms (wall ${f(base.wall)})   peak ${f(base.peakMB)} MB (the fastest parser: the ratio's baseline)`,
  `  end to end:        ${f(e2e.time)} ms (read ${f(e2e.read)}, score ${f(e2e.score)}; wall ${f(e2e.wall)}, ratio ${((e2e.wall ?? 0) / (base.wall ?? 1)).toFixed(2)}x)   peak ${f(e2e.peakMB)} MB (at start ${f(e2e.startMB)}, live after GC ${f(e2e.liveMB)} MB)`,
  `  ratio:             ${ratio.toFixed(2)}x (per run: ${ratios.map((r) => r.toFixed(2)).join(', ')})   target <= 1.5x   ${ratio <= 1.5 ? 'met' : 'NOT MET'}`,
  `  re-score:          ${f1(re.time)} ms (evaluate ${f1(re.evaluate)} + rank aggregates ${f1((re.time ?? 0) - (re.evaluate ?? 0))}; ranking every node: ${f1(re.rankAll)}; scores only: ${f1(re.scoresOnly)})   target < 100 ms   ${(re.time ?? 0) < 100 ? 'met' : 'NOT MET'}`,
  `  peak memory:       ${f(peak)} MB   target < 400 MB   ${peak < 400 ? 'met' : 'NOT MET'}`,
];
process.stdout.write(`${lines.join('\n')}\n`);

// The other benchmarks, each in its own process, as their own scripts print them (and as
// JSON for bench/results.json).
const json = process.argv.includes('--json');
const sub: Record<string, Record<string, Record<string, number>>> = {};
for (const script of ['composite.ts', 'analysis.ts']) {
  const out = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      fileURLToPath(new URL(script, import.meta.url)),
      ...(json ? ['--json'] : []),
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 22 },
  );
  if (json) sub[script.replace('.ts', '')] = JSON.parse(out);
  else
    process.stdout.write(`${script.replace('.ts', '')}:\n${out.replace(/^/gm, '  ').trimEnd()}\n`);
}

// Start-up and the browser core.
const haveDist = existsSync(`${root}dist/cli.js`);
const startup = haveDist ? measureStartup(root, 7) : [];
if (!haveDist) process.stdout.write('start-up: skipped, run `npm run build` first\n');
for (const s of startup) {
  process.stdout.write(
    `start-up: ${s.command.padEnd(50)} wall ${f(s.wallMs).padStart(5)} ms (${s.wallRatio.toFixed(2)}x)   cpu ${f(s.cpuMs).padStart(5)} ms (${s.cpuRatio.toFixed(2)}x)\n`,
  );
}
// The budget's figure is the built package's (what users bundle); the sources' is beside it.
const coreSrc = await srcCoreSize(root);
const corePackage = haveDist ? await coreSize(root) : undefined;
const kb = (c: CoreSize) =>
  `${(c.bytes / 1024).toFixed(0)} KB, ${(c.gzipBytes / 1024).toFixed(1)} KB gzip`;
process.stdout.write(
  corePackage
    ? `browser core (score, readAnswers, explain; esbuild --minify), from the package: ${kb(corePackage)}   target <= ${coreBudgetGzipBytes / 1024} KB gzip   ${corePackage.gzipBytes <= coreBudgetGzipBytes ? 'met' : 'NOT MET'}   (from src/: ${kb(coreSrc)})\n`
    : `browser core from the package: skipped, run \`npm run build\` first   (from src/: ${kb(coreSrc)})\n`,
);
const core = { ...(corePackage ?? { bytes: Number.NaN, gzipBytes: Number.NaN }), src: coreSrc };

if (json) {
  /** COINr 1.1.14's timings as published in issue 14 (measured beside ours; R is not needed here). */
  const coinr = {
    asemPipelineMs: 105,
    panelPipelineMs: 1380,
    uncertaintyN100Ms: 9470,
    sensitivity600Ms: 124000,
  };
  const composite = sub.composite ?? {};
  const analysis = sub.analysis ?? {};
  // Ours in CPU time (user + system of the process): on a shared, loaded machine wall time
  // mostly measures the neighbours, and each of these runs on one thread, so on an idle machine
  // CPU and wall time agree. Wall-time ratios are given too.
  const ours = {
    asemPipelineMs: composite.asemPipeline?.cpu ?? Number.NaN,
    panelPipelineMs: composite.panelPipeline?.cpu ?? Number.NaN,
    panelCsvPipelineMs: composite.panelEndToEnd?.cpu ?? Number.NaN,
    uncertaintyN100Ms: analysis.uncertaintyFresh?.cpuMs ?? Number.NaN,
    sensitivity600Ms: analysis.sensitivityFresh?.cpuMs ?? Number.NaN,
  };
  const oursWall = {
    asemPipelineMs: composite.asemPipeline?.median ?? Number.NaN,
    panelPipelineMs: composite.panelPipeline?.median ?? Number.NaN,
    panelCsvPipelineMs: composite.panelEndToEnd?.median ?? Number.NaN,
    uncertaintyN100Ms: analysis.uncertaintyFresh?.wallMs ?? Number.NaN,
    sensitivity600Ms: analysis.sensitivityFresh?.wallMs ?? Number.NaN,
  };
  const ratiosTo = (o: typeof ours) => ({
    asemPipeline: coinr.asemPipelineMs / o.asemPipelineMs,
    panelPipeline: coinr.panelPipelineMs / o.panelPipelineMs,
    panelCsvPlusPipeline: coinr.panelPipelineMs / o.panelCsvPipelineMs,
    uncertaintyN100: coinr.uncertaintyN100Ms / o.uncertaintyN100Ms,
    sensitivity600: coinr.sensitivity600Ms / o.sensitivity600Ms,
  });
  const results = {
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? '',
      memoryGB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: load,
      date: new Date().toISOString(),
    },
    startup,
    browserCore: { ...core, budgetGzipBytes: coreBudgetGzipBytes },
    answers1m: {
      csvParseMs: csvParse.time,
      d3DsvMs: base.time,
      endToEndMs: e2e.time,
      readMs: e2e.read,
      scoreMs: e2e.score,
      ratio,
      reScoreMs: re.time,
      peakMB: peak,
    },
    composite,
    analysis,
    coinr: {
      source:
        'COINr 1.1.14 as published in issue 14 (median wall time); rerun: Rscript bench/peers/coinr.R',
      ...coinr,
    },
    ours,
    ratiosToCoinr: ratiosTo(ours),
    ratiosToCoinrWall: ratiosTo(oursWall),
  };
  const out = fileURLToPath(new URL('results.json', import.meta.url));
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`wrote ${out}\n${JSON.stringify(results.ratiosToCoinr, null, 2)}\n`);
}
