/**
 * Start-up of the CLI against `node -e 0` (issue 14, item 1): each command runs in a fresh
 * process, interleaved with the baseline (`node -e 0`, `score`, `validate`, `--help`, then again),
 * and the medians and their ratios to the baseline's median are reported, in wall-clock time
 * and in CPU time (user + system of the child, from `/usr/bin/time` when present).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** What one command's runs gave: median wall and CPU ms, and their ratios to `node -e 0`. */
export interface StartupFigure {
  command: string;
  wallMs: number;
  cpuMs: number;
  wallRatio: number;
  cpuRatio: number;
}

/** Where the copies of the built-in frameworks are put, relative to the package root. */
const userFrameworksDir = '.bench-data/user-frameworks';

/** Copies each built-in framework folder (not the snapshots) to {@link userFrameworksDir}. */
function copyFrameworks(cwd: string): void {
  const from = join(cwd, 'indicators');
  const to = join(cwd, userFrameworksDir);
  rmSync(to, { recursive: true, force: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    if (e.isDirectory() && !e.name.startsWith('.'))
      cpSync(join(from, e.name), join(to, e.name), { recursive: true });
  }
}

/** The commands timed, by name, as arguments to `node`. */
export const startupCommands: Record<string, string[]> = {
  'node -e 0': ['-e', '0'],
  'score --framework niem fixtures/niem/answers.csv': [
    'dist/cli.js',
    'score',
    '--framework',
    'niem',
    'fixtures/niem/answers.csv',
  ],
  'validate indicators/': ['dist/cli.js', 'validate', 'indicators/'],
  // The same four frameworks as a user's own folders (no compiled snapshot applies): the YAML
  // is parsed and every check runs, what a user's CI pays on each push.
  'validate (the built-in frameworks copied outside the package)': [
    'dist/cli.js',
    'validate',
    `${userFrameworksDir}/`,
  ],
  '--help': ['dist/cli.js', '--help'],
};

const timeBin = '/usr/bin/time';

function once(args: string[], cwd: string): { wall: number; cpu: number } {
  const useTime = existsSync(timeBin);
  const t0 = performance.now();
  const r = useTime
    ? spawnSync(timeBin, ['-f', '__TIME__ %U %S', process.execPath, ...args], {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
      })
    : spawnSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: 'ignore' });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const m = useTime ? /__TIME__ ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '') : null;
  return { wall, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : Number.NaN };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

/**
 * Times every command of {@link startupCommands} `runs` times, interleaved, from `cwd` (the
 * package root, with `dist/` built).
 *
 * @example
 * ```ts
 * measureStartup(root, 7).find((f) => f.command === '--help')?.wallRatio; //=> 1.1
 * ```
 */
export function measureStartup(cwd: string, runs = 7): StartupFigure[] {
  copyFrameworks(cwd);
  const names = Object.keys(startupCommands);
  const walls: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const cpus: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, args] of Object.entries(startupCommands)) {
      const t = once(args, cwd);
      walls[name]?.push(t.wall);
      cpus[name]?.push(t.cpu);
    }
  }
  const baseWall = median(walls['node -e 0'] ?? []);
  const baseCpu = median(cpus['node -e 0'] ?? []);
  return Object.keys(startupCommands).map((command) => {
    const wallMs = median(walls[command] ?? []);
    const cpuMs = median(cpus[command] ?? []);
    return { command, wallMs, cpuMs, wallRatio: wallMs / baseWall, cpuRatio: cpuMs / baseCpu };
  });
}
