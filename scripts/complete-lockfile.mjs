/**
 * Completes package-lock.json with entries for optional platform packages (a darwin or win32
 * build of biome, esbuild, rollup...) that the registry mirror of our machines does not serve.
 *
 * npm records an optional dependency in the lock only when the registry answers for it; this
 * mirror serves Linux builds only, so a fresh `npm install` writes a lock without the others, and
 * `npm ci` then refuses it ("Missing: @biomejs/cli-darwin-arm64@ from lock file"; npm/cli#8320,
 * #4828). Each added entry names the version and the platform (os, cpu, read from the package
 * name), so `npm ci` skips it on a machine of another platform without fetching anything.
 *
 * Run after every `npm install` that changes the lock: `npm run lock:complete`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pkgs = lock.packages;
const OS = [
  'android',
  'darwin',
  'freebsd',
  'linux',
  'win32',
  'openbsd',
  'netbsd',
  'sunos',
  'aix',
  'openharmony',
  'cygwin',
];
const CPU = [
  'arm64',
  'x64',
  'ia32',
  'arm',
  'ppc64',
  'riscv64',
  's390x',
  'loong64',
  'mips64el',
  'mips',
  'ppc',
  's390',
  'wasm32',
];
let added = 0;
const missing = [];
for (const [path, entry] of Object.entries(pkgs)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path === '' ? '' : `${path}/`;
    const candidates = [`${base}node_modules/${name}`, `node_modules/${name}`];
    if (candidates.some((c) => c in pkgs)) continue;
    const parts = name.split('/').pop().split('-');
    const os = parts.find((p) => OS.includes(p));
    // A universal build (darwin-universal) names no cpu: the entry then limits the os only.
    const cpu = parts.find((p) => CPU.includes(p));
    if (!os) {
      missing.push(name);
      continue;
    }
    const e = { version: range.replace(/^[\^~=]/, ''), dev: entry.dev, optional: true, os: [os] };
    if (cpu) e.cpu = [cpu];
    if (!entry.dev) delete e.dev;
    pkgs[`node_modules/${name}`] = e;
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(pkgs).sort(([a], [b]) =>
    a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  ),
);
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`added ${added}; not inferable: ${missing.join(', ') || 'none'}`);
