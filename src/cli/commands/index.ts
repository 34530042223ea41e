/**
 * Every CLI command, by name. A new command is one file in this folder and one line here.
 */
import type { CommandDef } from 'citty';
import { frameworksCommand } from './frameworks.js';
import { importCommand } from './import.js';
import { validateCommand } from './validate.js';

// biome-ignore lint/suspicious/noExplicitAny: commands declare their own argument shapes.
export const commands: Record<string, CommandDef<any>> = {
  frameworks: frameworksCommand,
  import: importCommand,
  validate: validateCommand,
};
