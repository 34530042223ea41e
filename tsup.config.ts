import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSync, type Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

const src = resolve('src');
const entries = { index: 'src/index.ts', node: 'src/node.ts' };
/**
 * The packages bundled into dist/ rather than imported from node_modules (see `noExternal`
 * below); in dist/esm/ each goes into the one source module that imports it.
 */
const bundled = ['mathjs', 'd3-dsv'];
const isBundled = (path: string): boolean =>
  bundled.some((name) => path === name || path.startsWith(`${name}/`));

/**
 * Every source module the package entries reach (static and dynamic imports), as tsup entries
 * named by their path under src/: `src/engine/index.ts` becomes `dist/esm/engine/index.js`.
 */
function entryModules(): Record<string, string> {
  const r = buildSync({
    entryPoints: Object.values(entries),
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    external: ['#csv-parse', '#csv-stringify'],
    splitting: true,
    outdir: 'dist',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const modules = Object.keys(r.metafile.inputs).filter((f) => f.startsWith('src/'));
  // A bundled package imported by two modules would be copied into both.
  for (const name of bundled) {
    const importers = modules.filter((f) =>
      r.metafile.inputs[f]?.imports.some((i) => i.path === name || i.path.startsWith(`${name}/`)),
    );
    if (importers.length > 1) throw new Error(`${name} is imported by ${importers.join(', ')}`);
  }
  return Object.fromEntries(modules.map((f) => [f.slice(4).replace(/\.ts$/, ''), f]));
}

/**
 * One output file per source module: every import of a source module stays an import (of the
 * sibling output file, the specifiers already end in `.js`), packages stay external, except the
 * `bundled` ones, built into the module that imports them (mathjs tree-shaken to the factories
 * formulas use, in dist/esm/rules/formula/mathjs.js).
 */
const perModule: Plugin = {
  name: 'per-module',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point' || !args.importer.startsWith(src)) return undefined;
      if (isBundled(args.path)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

export default defineConfig([
  {
    // Node's ESM build (the `import` condition): the entries bundled, sharing chunks, which Node
    // loads faster than one file per module (about 0.28 s against 0.44 s for the core entry).
    entry: entries,
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
    // Bundlers' ESM build (the `browser` and `module` conditions), dist/esm/, one file per
    // source module: a user's bundler then drops every module the user's code does not reach
    // (`sideEffects: false`), as it does from src/. From the merged chunks above it must keep
    // their module-level calls (zod schemas, tables): score, readAnswers and explain bundled
    // to 200 KB gzip from those, 60 KB from these (as from src/).
    entry: entryModules(),
    outDir: 'dist/esm',
    format: ['esm'],
    dts: false,
    // No source maps: each file is its module with the types stripped (maps would add 3.5 MB).
    sourcemap: false,
    target: 'node20',
    splitting: false,
    esbuildPlugins: [perModule],
    noExternal: bundled,
    external: ['#csv-parse', '#csv-stringify'],
    // The analysis worker pool (dist/esm/analysis/workers/pool.js) starts the worker script
    // beside itself: a one-line module there loads the bundled dist/analysis-worker.js.
    onSuccess: async () => {
      mkdirSync('dist/esm/analysis/workers', { recursive: true });
      writeFileSync(
        'dist/esm/analysis/workers/analysis-worker.js',
        "import '../../../analysis-worker.js';\n",
      );
    },
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
    // every function at import time (about 0.5-1 s of CPU on each CLI start). The small packages
    // every run needs (argument parsing, dates, hashes, suggestions) bundled too: each of their
    // two dozen files cost a resolution, a read and a compile on every start. The large ones
    // (exceljs, zod, yaml, js-yaml, country names, udsv) stay external, loaded by the commands
    // that use them.
    noExternal: ['mathjs', 'd3-dsv', 'citty', 'date-fns', 'fastest-levenshtein', '@noble/hashes'],
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
