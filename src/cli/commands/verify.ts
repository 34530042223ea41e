/**
 * `integration-index verify <result.json>`: read the inputs a saved result names again, check
 * their hashes, re-score, and check that every number still matches.
 */
import { formatIssue } from '../../errors/issue.js';
import { verifyResultFile } from '../../node/provenance.js';
import { defineCliCommand, exitCodes, UsageError } from '../command.js';

/** Issues printed before a summary line says how many more there are. */
const shown = 50;

/**
 * `verify`: re-score a saved result from its recorded inputs.
 *
 * @example
 * ```sh
 * integration-index score --framework niem answers.csv --format json --out result.json
 * integration-index verify result.json   # exit 0: inputs and numbers unchanged
 * ```
 */
export const verifyCommand = defineCliCommand({
  meta: {
    name: 'verify',
    description:
      'Check a saved result (score --format json --out): its framework and answer files hash the same, and re-scoring them gives every number again.',
  },
  args: {
    result: { type: 'positional', required: false, description: 'The result JSON file' },
    format: { type: 'string', alias: 'f', default: 'text', description: 'Output: text or json' },
  },
  async run({ args }) {
    const format = String(args.format);
    if (format !== 'text' && format !== 'json') {
      throw new UsageError(`Unknown --format "${format}"; expected text or json.`);
    }
    const file = args.result as string | undefined;
    if (!file) throw new UsageError('Name the result file to verify.');
    const v = await verifyResultFile(String(file));
    if (format === 'json') {
      process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
    } else {
      for (const issue of v.issues.slice(0, shown)) process.stderr.write(`${formatIssue(issue)}\n`);
      if (v.issues.length > shown) {
        process.stderr.write(`... and ${v.issues.length - shown} more differences.\n`);
      }
      const files = `${v.frameworkFiles} framework file${v.frameworkFiles === 1 ? '' : 's'} and ${v.answerFiles} answer file${v.answerFiles === 1 ? '' : 's'}`;
      process.stdout.write(
        v.ok
          ? `Verified: ${files} unchanged; ${v.checked} numbers re-scored and identical.\n`
          : `Not verified: ${v.issues.filter((i) => i.severity === 'error').length} difference(s) in ${files} or the ${v.checked} numbers re-scored.\n`,
      );
    }
    return v.ok ? exitCodes.ok : exitCodes.invalid;
  },
});
