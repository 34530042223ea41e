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

const root = defineCommand({
  meta: {
    name: 'integration-index',
    version,
    description: 'Score integration-policy questionnaires and composite indicators, reproducibly.',
  },
  subCommands: commands,
});

function findCommand(argv: string[]): { cmd: CommandDef; parent?: CommandDef } {
  // Walk down nested sub-commands (`import mipex-scores --help`) as far as the words name one.
  let cmd: CommandDef = root;
  let parent: CommandDef | undefined;
  for (const word of argv) {
    if (word.startsWith('-')) continue;
    const sub = (cmd.subCommands as Record<string, CommandDef> | undefined)?.[word];
    if (!sub) break;
    parent = cmd;
    cmd = sub;
  }
  return parent ? { cmd, parent } : { cmd };
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
  if (argv.includes('--help') || argv.includes('-h')) {
    const { cmd, parent } = findCommand(argv);
    process.stdout.write(`${await renderUsage(cmd, parent)}\n`);
    return exitCodes.ok;
  }
  const name = argv[0] as string;
  if (!name.startsWith('-') && !(name in commands)) {
    throw new UsageError(
      `Unknown command "${name}". Commands: ${Object.keys(commands).join(', ')}.`,
    );
  }
  // Run the innermost command named by the leading words ourselves: citty's runCommand drops
  // the return value of a sub-command, and with it the exit code.
  let cmd: CommandDef = root;
  let at = 0;
  for (; at < argv.length; at++) {
    const sub = (cmd.subCommands as Record<string, CommandDef> | undefined)?.[argv[at] as string];
    if (!sub) break;
    cmd = sub;
  }
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
