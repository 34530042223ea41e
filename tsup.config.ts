import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    treeshake: true,
    // import.meta.url in the CJS build (the analysis worker pool finds its script with it).
    shims: true,
    // mathjs bundled, tree-shaken to the factories formulas and quantiles use: its package entry
    // builds every function at import time (0.5-1 s of CPU and about 90 MB on every import).
    noExternal: ['mathjs'],
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    // mathjs bundled so that only the factories in use are loaded: its package entry builds
    // every function at import time (about 0.5-1 s of CPU on each CLI start).
    noExternal: ['mathjs'],
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
