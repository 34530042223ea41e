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
    // Each command's module (and what only it uses) in its own chunk, loaded when it runs.
    splitting: true,
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
]);
