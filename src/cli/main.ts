/**
 * The `integration-index` binary: a thin layer over the public API. Exit codes: 0 success,
 * 1 invalid input (with coded errors), 2 usage error, 70 internal error. Never a stack trace
 * for bad input; set INTEGRATION_INDEX_DEBUG=1 to see one for an internal error.
 */
import { type CommandDef, defineCommand, renderUsage, runCommand } from 'citty';
import { formatIssue, IntegrationIndexError } from '../errors/issue.js';
import { exitCodes, UsageError } from './command.js';
import { commands } from './commands/index.js';

const version = process.env.npm_package_version ?? '0.1.0';

/** The root command. Its sub-commands are stubs with a name and description only: the root
 * `--help` lists them without loading any command's module. */
const root = defineCommand({
  meta: {
    name: 'integration-index',
    version,
    description: 'Score integration-policy questionnaires and composite indicators, reproducibly.',
  },
  subCommands: Object.fromEntries(
    Object.entries(commands).map(([name, { description }]) => [
      name,
      defineCommand({ meta: { name, description } }),
    ]),
  ),
});

/** citty's resolvable values: a value, a promise of one, or a function giving either. */
async function resolve<T>(value: T | Promise<T> | (() => T | Promise<T>)): Promise<T> {
  return typeof value === 'function' ? (value as () => T | Promise<T>)() : value;
}

async function subCommand(cmd: CommandDef, word: string): Promise<CommandDef | undefined> {
  const subs = (await resolve(cmd.subCommands)) as Record<string, unknown> | undefined;
  const sub = subs?.[word];
  return sub === undefined ? undefined : ((await resolve(sub)) as CommandDef);
}

/**
 * The innermost command named by the leading words (`import mipex-scores`), its parent, and
 * how many words named it; loads only the module of the command named.
 */
async function findCommand(
  argv: string[],
): Promise<{ cmd: CommandDef; parent: CommandDef; at: number }> {
  const name = argv[0] as string;
  const entry = commands[name];
  if (!entry)
    throw new UsageError(
      `Unknown command "${name}". Commands: ${Object.keys(commands).join(', ')}.`,
    );
  let parent: CommandDef = root;
  let cmd = await entry.load();
  let at = 1;
  for (; at < argv.length; at++) {
    const word = argv[at] as string;
    if (word.startsWith('-')) break;
    const sub = await subCommand(cmd, word);
    if (!sub) break;
    parent = cmd;
    cmd = sub;
  }
  return { cmd, parent, at };
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(`${await renderUsage(root)}\n`);
    return argv.length === 0 ? exitCodes.usage : exitCodes.ok;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    process.stdout.write(`${version}\n`);
    return exitCodes.ok;
  }
  const name = argv[0] as string;
  if (name.startsWith('-')) throw new UsageError(`Unknown option "${name}".`);
  const { cmd, parent, at } = await findCommand(argv);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${await renderUsage(cmd, parent)}\n`);
    return exitCodes.ok;
  }
  // Run the innermost command named by the leading words ourselves: citty's runCommand drops
  // the return value of a sub-command, and with it the exit code.
  const { result } = await runCommand(cmd, { rawArgs: argv.slice(at) });
  return typeof result === 'number' ? result : exitCodes.ok;
}

function usageHint(argv: string[]): string {
  const name = argv.find((a) => !a.startsWith('-'));
  return name && name in commands ? `integration-index ${name} --help` : 'integration-index --help';
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const argv = process.argv.slice(2);
    if (error instanceof UsageError || (error instanceof Error && error.name === 'CLIError')) {
      process.stderr.write(`error: ${error.message}\nSee: ${usageHint(argv)}\n`);
      process.exitCode = exitCodes.usage;
    } else if (error instanceof IntegrationIndexError) {
      for (const issue of error.issues) process.stderr.write(`${formatIssue(issue)}\n`);
      process.exitCode = exitCodes.invalid;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`internal error: ${message}\n`);
      if (process.env.INTEGRATION_INDEX_DEBUG && error instanceof Error)
        process.stderr.write(`${error.stack}\n`);
      process.exitCode = exitCodes.internal;
    }
  },
);
