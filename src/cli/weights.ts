/**
 * `--weight NODE=W`, repeatable, on the commands that score: the run's weight overrides.
 */
import type { WeightOverrides } from '../engine/weights/index.js';
import { UsageError } from './command.js';

/**
 * The `--weight` argument's declaration (citty keeps only the last of a repeated flag, so the
 * values are read from the raw arguments by {@link weightsFromArgs}).
 *
 * @example
 * ```ts
 * defineCliCommand({ meta, args: { ...scoredInputArgs, weight: weightArg }, run });
 * ```
 */
export const weightArg = {
  type: 'string',
  description:
    'Override a node’s weight for this run: NODE=W (repeatable, or comma-separated; 0 leaves the node out)',
} as const;

/**
 * Every `--weight NODE=W` of the command line, in order (a later one for the same node wins):
 * `--weight housing=2 --weight health=0`, `--weight=housing=2` and `--weight housing=2,health=0`
 * all work. Malformed values are usage errors; unknown nodes are left to the engine, which
 * reports them with a coded issue.
 *
 * @example
 * ```ts
 * weightsFromArgs(['score', '--weight', 'housing=2', '--weight=health=0']); //=> { housing: 2, health: 0 }
 * weightsFromArgs(['score']); //=> undefined
 * ```
 */
export function weightsFromArgs(rawArgs: readonly string[]): WeightOverrides | undefined {
  const values: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const raw = rawArgs[i] as string;
    if (raw === '--') break;
    if (raw === '--weight') {
      const next = rawArgs[i + 1];
      if (next === undefined || next.startsWith('--'))
        throw new UsageError('--weight needs a value: NODE=W, such as --weight housing=2.');
      values.push(next);
      i++;
    } else if (raw.startsWith('--weight=')) values.push(raw.slice('--weight='.length));
  }
  if (values.length === 0) return undefined;
  const weights: Record<string, number> = {};
  for (const pair of values.flatMap((v) => v.split(','))) {
    const m = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(pair);
    const w = m ? Number(m[2]) : Number.NaN;
    if (!m || !Number.isFinite(w) || w < 0 || m[2] === '')
      throw new UsageError(
        `--weight takes NODE=W with W a number, zero or more (such as housing=2), got "${pair}".`,
      );
    weights[m[1] as string] = w;
  }
  return weights;
}
