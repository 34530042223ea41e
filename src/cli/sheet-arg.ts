/**
 * The `--sheet` argument of every command that reads answer files: which sheet of an `.xlsx`
 * answer file to read (default: the first whose header names `unit` and `period`).
 *
 * @example
 * ```ts
 * defineCliCommand({ meta, args: { ...scoringArgs, sheet: sheetArg }, run });
 * ```
 */
export const sheetArg = {
  type: 'string',
  description:
    'For .xlsx answer files: the sheet to read (default: the first with unit and period in its header)',
} as const;

/**
 * The reader options a command's `--sheet` gives.
 *
 * @example
 * ```ts
 * await readAnswerFiles(paths, sheetOption(args)); // { sheet: 'Answers' } or {}
 * ```
 */
export function sheetOption(args: Record<string, unknown>): { sheet?: string } {
  const s = args.sheet;
  return typeof s === 'string' && s !== '' ? { sheet: s } : {};
}
