/**
 * `integration-index explain --framework <id-or-path> <answers>... --unit U --period P [--node N]`:
 * where one score comes from, as a tree down to the answers.
 */
import { safeExplain } from '../../engine/explain/index.js';
import { renderExplanation } from '../../engine/explain/render.js';
import { IntegrationIndexError } from '../../errors/issue.js';
import { defineCliCommand, exitCodes, UsageError } from '../command.js';
import { loadScoringInputs, scoreAndReport, scoringArgs } from './score.js';

/**
 * `explain`: the tree of one score.
 *
 * @example
 * ```sh
 * integration-index explain --framework niem answers.csv --unit BG --period 2019 --node residency
 * ```
 */
export const explainCommand = defineCliCommand({
  meta: {
    name: 'explain',
    description:
      'Show where a score comes from: children with weights and contributions, down to each answer with its option, source and comment.',
  },
  args: {
    ...scoringArgs,
    unit: { type: 'string', required: true, description: 'The unit (country) to explain' },
    period: { type: 'string', required: true, description: 'The period to explain' },
    node: { type: 'string', description: 'Start from this node (default: the overall score)' },
    format: { type: 'string', alias: 'f', default: 'text', description: 'Output: text or json' },
  },
  async run({ args, rawArgs }) {
    const format = String(args.format);
    if (format !== 'text' && format !== 'json') {
      throw new UsageError(`Unknown --format "${format}"; expected text or json.`);
    }
    const inputs = await loadScoringInputs(args as Record<string, unknown>, rawArgs);
    const { result } = scoreAndReport(inputs);
    const tree = safeExplain(result, {
      unit: String(args.unit),
      period: String(args.period),
      node: args.node,
    });
    if (!tree.ok) throw new IntegrationIndexError(tree.issues);
    process.stdout.write(
      format === 'json'
        ? `${JSON.stringify(tree.value, null, 2)}\n`
        : `${renderExplanation(tree.value, { decimals: inputs.decimals, lang: inputs.options.lang })}\n`,
    );
    return exitCodes.ok;
  },
});
