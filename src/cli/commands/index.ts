/**
 * Every CLI command, by name. A new command is one file in this folder and one line here.
 */
import type { CommandDef } from 'citty';
import { compareCommand } from './compare.js';
import { diffCommand } from './diff.js';
import { explainCommand } from './explain.js';
import { exportCommand } from './export.js';
import { frameworksCommand } from './frameworks.js';
import { gainsCommand } from './gains.js';
import { importCommand } from './import.js';
import { progressCommand } from './progress.js';
import { reconcileCommand } from './reconcile.js';
import { reportCommand } from './report.js';
import { scoreCommand } from './score.js';
import { sensitivityCommand } from './sensitivity.js';
import { templateCommand } from './template.js';
import { uncertaintyCommand } from './uncertainty.js';
import { validateCommand } from './validate.js';
import { verifyCommand } from './verify.js';
import { whatifCommand } from './whatif.js';

// biome-ignore lint/suspicious/noExplicitAny: commands declare their own argument shapes.
export const commands: Record<string, CommandDef<any>> = {
  explain: explainCommand,
  compare: compareCommand,
  export: exportCommand,
  frameworks: frameworksCommand,
  import: importCommand,
  score: scoreCommand,
  report: reportCommand,
  template: templateCommand,
  validate: validateCommand,
  uncertainty: uncertaintyCommand,
  sensitivity: sensitivityCommand,
  gains: gainsCommand,
  whatif: whatifCommand,
  diff: diffCommand,
  verify: verifyCommand,
  reconcile: reconcileCommand,
  progress: progressCommand,
};
