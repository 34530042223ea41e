/**
 * Every CLI command, by name. A new command is one file in this folder and one line here.
 */
import type { CommandDef } from 'citty';
import { importCommand } from './import.js';

// biome-ignore lint/suspicious/noExplicitAny: commands declare their own argument shapes.
export const commands: Record<string, CommandDef<any>> = {
  import: importCommand,
};
