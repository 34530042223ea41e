/**
 * Every CLI command, by name: its one-line description (for the root `--help`) and how to load
 * it. A command's module is imported only when that command runs or its own `--help` is asked
 * for, so a start pays for one command, not all of them (citty's lazy sub-commands). A new
 * command is one file in this folder and one entry here; `test/cli-commands.test.ts` checks
 * each entry's name and description against the command's own `meta`.
 */
import type { CommandDef } from 'citty';

/** One command of the CLI: what the root `--help` shows, and the command itself on demand. */
export interface CommandEntry {
  description: string;
  // biome-ignore lint/suspicious/noExplicitAny: commands declare their own argument shapes.
  load: () => Promise<CommandDef<any>>;
}

export const commands: Record<string, CommandEntry> = {
  explain: {
    description:
      'Show where a score comes from: children with weights and contributions, down to each answer with its option, source and comment.',
    load: () => import('./explain.js').then((m) => m.explainCommand),
  },
  compare: {
    description:
      'Compare two periods: per unit and node the change, whether it improved, held or declined, rank moves, and the answers that changed.',
    load: () => import('./compare.js').then((m) => m.compareCommand),
  },
  export: {
    description:
      'Export scores: long or wide CSV (--excel: BOM and semicolons), Markdown tables, or the full result as JSON.',
    load: () => import('./export.js').then((m) => m.exportCommand),
  },
  frameworks: {
    description:
      'List the built-in frameworks: id, edition, counts of dimensions and indicators, title.',
    load: () => import('./frameworks.js').then((m) => m.frameworksCommand),
  },
  import: {
    description: 'Convert published data (MIPEX scores, MIPEX workbook...) into answer files.',
    load: () => import('./import.js').then((m) => m.importCommand),
  },
  score: {
    description:
      'Score answer files against a framework: dimension x stage, dimension, stage and overall scores with ranks and coverage.',
    load: () => import('./score.js').then((m) => m.scoreCommand),
  },
  report: {
    description:
      'Write a self-contained HTML report (ranking, heat map, radars, stage bars, change between periods, coverage, evidence, methodology).',
    load: () => import('./report.js').then((m) => m.reportCommand),
  },
  template: {
    description:
      'Write a blank answer file for a framework: every question, its allowed answers, a row per unit and period.',
    load: () => import('./template.js').then((m) => m.templateCommand),
  },
  validate: {
    description:
      'Check framework folders, folders of frameworks (indicators/) or single files; print every error with its file, line and column.',
    load: () => import('./validate.js').then((m) => m.validateCommand),
  },
  uncertainty: {
    description:
      'Uncertainty analysis: sample the assumptions of a spec and report each unit’s median rank, 5th-95th percentile ranks and score interval.',
    load: () => import('./uncertainty.js').then((m) => m.uncertaintyCommand),
  },
  sensitivity: {
    description:
      'Variance-based sensitivity analysis: first- and total-order indices of each assumption on the mean absolute rank change, with bootstrap intervals; remove-one impacts.',
    load: () => import('./sensitivity.js').then((m) => m.sensitivityCommand),
  },
  gains: {
    description:
      'Which reform matters most: every single-answer improvement for a unit and period, ranked by how much it raises the overall score and each dimension.',
    load: () => import('./gains.js').then((m) => m.gainsCommand),
  },
  whatif: {
    description: 'Change some answers of a unit and see every score and rank that moves.',
    load: () => import('./whatif.js').then((m) => m.whatifCommand),
  },
  diff: {
    description:
      'List every change between two editions of a framework: periods, stages, dimensions, and indicators added, retired, re-worded, re-scored, re-weighted or moved; checks the newer edition’s declared changes.',
    load: () => import('./diff.js').then((m) => m.diffCommand),
  },
  verify: {
    description:
      'Check a saved result (score --format json --out): its framework and answer files hash the same, and re-scoring them gives every number again.',
    load: () => import('./verify.js').then((m) => m.verifyCommand),
  },
  weights: {
    description:
      "Optimised weights of one level (COINr's get_opt_weights): each node's share of correlation with the index brought to a target share.",
    load: () => import('./weights.js').then((m) => m.weightsCommand),
  },
  stats: {
    description:
      "COINr's analysis tables of a data set: data availability per unit and group, indicator-denominator correlations, correlation p-values.",
    load: () => import('./stats.js').then((m) => m.statsCommand),
  },
  reconcile: {
    description:
      'List where experts disagree in score: each answer, its source and comment, and its effect on the dimension and overall score; settled (a final answer) or open.',
    load: () => import('./reconcile.js').then((m) => m.reconcileCommand),
  },
  progress: {
    description:
      'Progress board per unit, period and dimension: answered, not applicable, no data, in disagreement, without a source, awaiting review; --strict exits 1 while anything is open.',
    load: () => import('./progress.js').then((m) => m.progressCommand),
  },
};
