import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node.ts' },
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    treeshake: true,
    // No shims in ESM (import.meta.url is native there): tsup's shims start the shared chunk
    // with `import 'path'; import 'url'`, which breaks browser bundles of the core.
    // mathjs bundled, tree-shaken to the factories formulas and quantiles use: its package entry
    // builds every function at import time (0.5-1 s of CPU and about 90 MB on every import).
    // d3-dsv (the CSV reader's fast path) bundled: it is ESM only, which the CJS build and
    // Node before 20.19 could not require, and it is 5 KB.
    noExternal: ['mathjs', 'd3-dsv'],
    // package.json `imports`: csv-parse / csv-stringify's Node or browser build, chosen by the
    // user's resolver (the `browser` condition), so one dist serves Node and bundlers.
    external: ['#csv-parse', '#csv-stringify'],
  },
  {
    entry: { index: 'src/index.ts', node: 'src/node.ts' },
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    target: 'node20',
    treeshake: true,
    // import.meta.url in the CJS build (the analysis worker pool finds its script with it).
    shims: true,
    noExternal: ['mathjs', 'd3-dsv'],
    external: ['#csv-parse', '#csv-stringify'],
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    // Each command's module (and what only it uses) in its own chunk, loaded when it runs.
    splitting: true,
    // mathjs bundled so that only the factories in use are loaded: its package entry builds
    // every function at import time (about 0.5-1 s of CPU on each CLI start).
    noExternal: ['mathjs', 'd3-dsv'],
  },
  {
    // The analyses' worker thread script, started by dist/node.* and dist/cli.js beside it.
    entry: { 'analysis-worker': 'src/analysis/workers/worker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    target: 'node20',
  },
  {
    // The interactive report's app, inlined into reports by `report` (src/node/report-app.ts).
    entry: { 'report-app': 'src/report/interactive/app.ts' },
    format: ['iife'],
    platform: 'browser',
    target: 'es2020',
    minify: true,
    dts: false,
    sourcemap: false,
    noExternal: [/.*/],
  },
]);
