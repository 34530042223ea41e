/**
 * `integration-index diff <old> <new>`: every change between two editions of a framework.
 */
import { diffFrameworks, type EditionChange, type FrameworkDiff } from '../../editions/diff.js';
import { formatIssue } from '../../errors/issue.js';
import { locate, parseSource } from '../../framework/load/document.js';
import { isFrameworkFileName } from '../../framework/load/load.js';
import { loadFrameworkDir, readFrameworkFiles, resolveFramework } from '../../node/framework.js';
import { defineCliCommand, exitCodes, UsageError } from '../command.js';

const sections: [string, EditionChange['kind'][]][] = [
  ['Periods', ['period-added', 'period-removed']],
  ['Stages', ['stage-added', 'stage-removed', 'stage-weight']],
  [
    'Dimensions and groups',
    [
      'dimension-added',
      'dimension-removed',
      'dimension-moved',
      'dimension-weight',
      'dimension-reworded',
    ],
  ],
  [
    'Indicators',
    [
      'indicator-added',
      'indicator-retired',
      'indicator-reworded',
      'indicator-rescored',
      'indicator-weight',
      'indicator-stage',
      'indicator-moved',
      'indicator-scored',
    ],
  ],
  ['Settings', ['setting']],
];

const verbs: Record<EditionChange['kind'], [string, string]> = {
  'period-added': ['+', 'added'],
  'period-removed': ['-', 'removed'],
  'stage-added': ['+', 'added'],
  'stage-removed': ['-', 'removed'],
  'stage-weight': ['~', 'weight'],
  'dimension-added': ['+', 'added'],
  'dimension-removed': ['-', 'removed'],
  'dimension-moved': ['~', 'moved'],
  'dimension-weight': ['~', 'weight'],
  'dimension-reworded': ['~', 're-worded'],
  'indicator-added': ['+', 'added'],
  'indicator-retired': ['-', 'retired'],
  'indicator-reworded': ['~', 're-worded'],
  'indicator-rescored': ['~', 're-scored'],
  'indicator-weight': ['~', 'weight'],
  'indicator-stage': ['~', 'stage'],
  'indicator-moved': ['~', 'moved'],
  'indicator-scored': ['~', 'scored'],
  setting: ['~', 'setting'],
};

const show = (v: unknown): string =>
  v === undefined
    ? '(none)'
    : typeof v === 'string'
      ? JSON.stringify(v)
      : String(JSON.stringify(v));

/**
 * The text view of a diff: one section per kind of thing, one line per change, with what
 * differs under it.
 *
 * @example
 * ```ts
 * formatDiffText(diffFrameworks(older, newer)).split('\n')[0]; //=> 'niem: edition 2019 (1.0.0) → 2021 (1.0.0), 27 changes'
 * ```
 */
export function formatDiffText(diff: FrameworkDiff): string {
  const out = [
    `${diff.new.id}: edition ${diff.old.edition} (${diff.old.version}) → ${diff.new.edition} (${diff.new.version}), ${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'}`,
  ];
  for (const [name, kinds] of sections) {
    const found = diff.changes.filter((c) => kinds.includes(c.kind));
    if (found.length === 0) continue;
    out.push('', `${name} (${found.length})`);
    for (const c of found) {
      const [mark, verb] = verbs[c.kind];
      const where = c.parent ? ` [${c.parent}]` : '';
      const declared = c.declared ? ` (declared: compare ${c.declared})` : '';
      out.push(`  ${mark} ${c.id}  ${verb}${declared}: ${c.title}${where}`);
      for (const f of c.fields ?? []) out.push(`      ${f.path}: ${show(f.from)} → ${show(f.to)}`);
    }
  }
  if (diff.changes.length === 0) out.push('', 'No changes.');
  return `${out.join('\n')}\n`;
}

/**
 * `diff`: list every change between two framework folders or built-in ids.
 *
 * @example
 * ```sh
 * integration-index diff niem-2019 niem
 * integration-index diff old/ new/ --format json
 * ```
 */
export const diffCommand = defineCliCommand({
  meta: {
    name: 'diff',
    description:
      'List every change between two editions of a framework: periods, stages, dimensions, and indicators added, retired, re-worded, re-scored, re-weighted or moved; checks the newer edition’s declared changes.',
  },
  args: {
    old: { type: 'positional', required: false, description: 'The older edition (folder or id)' },
    new: { type: 'positional', required: false, description: 'The newer edition (folder or id)' },
    format: { type: 'string', alias: 'f', default: 'text', description: 'Output: text or json' },
  },
  run({ args }) {
    const format = String(args.format);
    if (format !== 'text' && format !== 'json') {
      throw new UsageError(`Unknown --format "${format}"; expected text or json.`);
    }
    const paths = ((args._ as unknown[] | undefined) ?? []).map(String);
    if (paths.length !== 2) {
      throw new UsageError('Name two frameworks: the older edition, then the newer one.');
    }
    const [olderPath, newerPath] = paths as [string, string];
    const newerDir = resolveFramework(newerPath);
    const diff = diffFrameworks(
      loadFrameworkDir(resolveFramework(olderPath)),
      loadFrameworkDir(newerDir),
    );
    // Point each finding about the declared `changes` at its line in the framework file.
    const source = readFrameworkFiles(newerDir).find((f) => isFrameworkFileName(f.path));
    const parsed = source ? parseSource(source) : undefined;
    for (const issue of diff.issues) {
      const at =
        parsed?.ok && issue.path.length > 0 ? locate(parsed.parsed, issue.path) : undefined;
      const located = { ...issue, ...(source ? { file: source.path } : {}), ...at };
      process.stderr.write(`${formatIssue(located)}\n`);
    }
    process.stdout.write(
      format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : formatDiffText(diff),
    );
    return exitCodes.ok;
  },
});
