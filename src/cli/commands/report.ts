/**
 * `integration-index report`: the HTML report of scored answers, one self-contained file.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ScoreResult } from '../../engine/result/schema.js';
import { createIssue, IntegrationIndexError } from '../../errors/issue.js';
import type { Framework } from '../../framework/schema/framework.js';
import { reportAppCode } from '../../node/report-app.js';
import type { ProvenanceInputs } from '../../provenance/stamp.js';
import { checkAnalysisResult, withAnalysisSection } from '../../report/analysis-section.js';
import { embedInteractive, type InteractiveReportData } from '../../report/interactive/embed.js';
import { renderReport } from '../../report/report.js';
import { defineCliCommand, exitCodes, UsageError } from '../command.js';
import {
  asOfArg,
  decimalsArg,
  quietArg,
  scoredInputArgs,
  scoreFromArgs,
  statusArg,
  str,
  toleranceArg,
  writeOutput,
} from '../scored-output.js';
import { unitsArgs, withUnitsApplied } from '../units.js';

/**
 * What the interactive page re-scores: the framework, the answer files as text, the report's
 * options and the run's scoring options, with the answer files' hashes for the page's own
 * provenance stamp (the page scores the same files as this run).
 */
function interactiveData(
  result: ScoreResult,
  framework: Framework,
  options: InteractiveReportData['report'],
): InteractiveReportData {
  const stamp = result.provenance;
  // The page re-scores the same framework and answer files as this run (same hashes).
  const provenance: ProvenanceInputs | undefined = stamp
    ? {
        ...(stamp.framework.source !== null
          ? {
              framework: {
                source: stamp.framework.source,
                builtin: stamp.framework.builtin,
                files: stamp.framework.files,
              },
            }
          : {}),
        answers: stamp.answers,
        relativeTo: 'cwd',
      }
    : undefined;
  return {
    format: 1,
    framework,
    answers: result.files.map((path) => ({ path, content: readFileSync(path, 'utf8') })),
    report: options,
    scoring: {
      ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
      weights: { ...(stamp?.options.weights ?? {}) },
      ...(provenance ? { provenance } : {}),
    },
  };
}

/**
 * `report --framework <id-or-folder> <answers>... --out report.html [--lang bg] [--period P]
 * [--from P0 | --no-compare] [--level L] [--decimals N] [--as-of DATE]`.
 *
 * @example
 * ```sh
 * integration-index report --framework niem fixtures/niem/answers.csv --out report.html --lang bg
 * ```
 */
export const reportCommand = defineCliCommand({
  meta: {
    name: 'report',
    description:
      'Write a self-contained HTML report (ranking, heat map, radars, stage bars, change between periods, coverage, evidence, methodology).',
  },
  args: {
    ...scoredInputArgs,
    out: { type: 'string', alias: 'o', required: true, description: 'The HTML file to write' },
    lang: {
      type: 'string',
      description: "Language of the report (BCP 47); the framework's default by default",
    },
    period: {
      type: 'string',
      description: 'Period to report; the last one with scores by default',
    },
    from: {
      type: 'string',
      description: 'Period to compare with; the one before --period by default',
    },
    compare: {
      type: 'boolean',
      default: true,
      description: 'Show the change since the previous period (--no-compare to leave it out)',
    },
    level: {
      type: 'string',
      description:
        'Level whose nodes are the heat map columns and radar axes (default: dimensions)',
    },
    decimals: {
      type: 'string',
      default: '1',
      description: 'Decimals shown (rounded half away from zero)',
    },
    tolerance: {
      type: 'string',
      description:
        'Changes within ± this many points count as held (default: half the last decimal)',
    },
    'as-of': asOfArg,
    evidence: {
      type: 'boolean',
      default: true,
      description: 'List every answer with its source and comment (--no-evidence for large panels)',
    },
    static: {
      type: 'boolean',
      default: false,
      description:
        'Leave out the interactive part (weights, what-if, comparison): no script in the page',
    },
    quiet: quietArg,
    analysis: {
      type: 'string',
      description:
        'Uncertainty or sensitivity results (their --format json output), comma-separated: adds a robustness section with their charts',
    },
    status: statusArg,
    ...unitsArgs,
    group: {
      type: 'string',
      description:
        'Report only this group’s members, ranked among themselves, profiled against its mean',
    },
  },
  async run({ args, rawArgs }) {
    const out = str(args.out);
    if (!out) throw new UsageError('Missing --out <report.html>.');
    const decimals = decimalsArg(args.decimals);
    const tolerance = toleranceArg(args.tolerance);
    const lang = str(args.lang);
    const input = await scoreFromArgs(args, rawArgs);
    if (!input.ok) return input.exitCode;
    const group = str(args.group);
    // --group implies summarising that group (issue 17).
    const groups = [str(args.groups), group].filter((g) => g !== undefined).join(',');
    const { result, units } = await withUnitsApplied(
      { ...args, groups },
      input.framework,
      input.frameworkDir,
      input.result,
    );
    const { framework } = input;
    const period = str(args.period);
    const from = args.compare === false ? null : str(args.from);
    const options = {
      decimals,
      evidence: args.evidence !== false,
      ...(lang !== undefined ? { lang } : {}),
      ...(period !== undefined ? { period } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(str(args.level) !== undefined ? { level: str(args.level) as string } : {}),
      ...(tolerance !== undefined ? { tolerance } : {}),
      ...(str(args['as-of']) !== undefined ? { asOf: str(args['as-of']) as string } : {}),
      ...(group !== undefined ? { group } : {}),
    };
    const analyses = (str(args.analysis) ?? '')
      .split(',')
      .filter((f) => f !== '')
      .map((f) => {
        if (!existsSync(f))
          throw new IntegrationIndexError([
            createIssue('FILE_NOT_FOUND', { file: f }, { file: f }),
          ]);
        let parsed: unknown;
        try {
          parsed = JSON.parse(readFileSync(f, 'utf8'));
        } catch (e) {
          parsed = { error: e instanceof Error ? e.message : String(e) };
        }
        return checkAnalysisResult(parsed, f);
      });
    const page = withAnalysisSection(renderReport(result, framework, options), analyses, {
      lang: lang ?? framework.language,
    });
    // The page reads answer files as text (CSV or JSON): a report scored from a workbook (a
    // sheet, named `file.xlsx!Sheet`) stays static rather than fail to re-score.
    const workbook = result.files.some((f) => !existsSync(f));
    if (workbook && args.static !== true && !args.quiet)
      process.stderr.write(
        'Note: the interactive part is left out of a report scored from an Excel workbook (the page reads CSV or JSON answers); the report is static.\n',
      );
    const html =
      args.static === true || workbook
        ? page
        : embedInteractive(
            page,
            { ...interactiveData(result, framework, options), ...(units ? { units } : {}) },
            reportAppCode(),
          );
    writeOutput(out, html);
    if (!args.quiet) process.stderr.write(`Wrote ${out} (${Math.round(html.length / 1024)} KB).\n`);
    return exitCodes.ok;
  },
});
