import { type ArgsDef, type CommandDef, defineCommand, type ParsedArgs } from 'citty';

/**
 * A usage mistake on the command line (unknown flag, missing argument, bad value). The CLI
 * prints it with a pointer to `--help` and exits 2.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes shared by every command. */
export const exitCodes = { ok: 0, invalid: 1, usage: 2, internal: 70 } as const;

/** A CLI command: citty's `{ meta, args, run }`, where `run` returns the exit code. */
export type CliCommand<T extends ArgsDef = ArgsDef> = CommandDef<T>;

/**
 * Declares a command as data (citty's `defineCommand`) and refuses flags it does not declare,
 * so a typo such as `--formt` is a usage error rather than silently ignored.
 */
export function defineCliCommand<const T extends ArgsDef>(
  def: Omit<CommandDef<T>, 'run'> & {
    run: (ctx: { args: ParsedArgs<T>; rawArgs: string[] }) => Promise<number> | number;
  },
): CommandDef<T> {
  const declared = new Set<string>(['help', 'h']);
  for (const [name, arg] of Object.entries((def.args ?? {}) as ArgsDef)) {
    declared.add(name);
    declared.add(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
    if ('type' in arg && arg.type === 'boolean') declared.add(`no-${name}`);
    const alias = (arg as { alias?: string | string[] }).alias;
    for (const a of Array.isArray(alias) ? alias : alias ? [alias] : []) declared.add(a);
  }
  return defineCommand<T>({
    ...def,
    run: async (ctx) => {
      for (const raw of ctx.rawArgs) {
        if (raw === '--') break;
        const m = /^--?([^=]+)/.exec(raw);
        if (!m || /^-\d/.test(raw)) continue;
        const flag = m[1] as string;
        const names = raw.startsWith('--') ? [flag] : flag.split('');
        for (const n of names) {
          if (!declared.has(n))
            throw new UsageError(`Unknown option "${raw.startsWith('--') ? '--' : '-'}${n}".`);
        }
      }
      return def.run({ args: ctx.args, rawArgs: ctx.rawArgs });
    },
  });
}
