/**
 * `integration-index template`: a blank questionnaire (answer file) for a framework.
 */
import { writeFileSync } from 'node:fs';
import { buildTemplate, templateToCsv } from '../../answers/template/index.js';
import { templateToXlsx } from '../../answers/template/xlsx.js';
import { formatIssue } from '../../errors/issue.js';
import { loadFrameworkDir, resolveFramework } from '../../node/framework.js';
import { languageTagSchema } from '../../text/text.js';
import { defineCliCommand, exitCodes, UsageError } from '../command.js';
import { rawArg } from '../scored-output.js';

function list(value: unknown): string[] {
  if (value === undefined || value === '') return [];
  return String(value)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * `template --framework <id-or-path> [--units A,B] [--period P] [--lang bg] [--format long|wide]
 * [--out FILE] [--excel]`: writes a blank answer file with every question, its allowed answers
 * and rows for each unit and period, ready to fill in a spreadsheet and read back as is.
 * Texts in `--lang` fall back to the framework's language; how many did is said on stderr.
 *
 * @example
 * ```sh
 * integration-index template --framework niem --units BG,PL --period 2021 --lang bg --excel --out niem-2021.csv
 * integration-index template --framework niem --units BG --period 2021 --lang bg --out niem-2021.xlsx
 * ```
 */
export const templateCommand = defineCliCommand({
  meta: {
    name: 'template',
    description:
      'Write a blank answer file for a framework: every question, its allowed answers, a row per unit and period.',
  },
  args: {
    framework: {
      type: 'string',
      description: 'A built-in framework id (niem, mipex-2020) or a framework folder',
      required: true,
    },
    units: { type: 'string', description: 'Units to write rows for, comma-separated (BG,PL)' },
    period: {
      type: 'string',
      description: "Period id(s), comma-separated; the framework's last period by default",
    },
    lang: { type: 'string', description: "Language of the texts (bg); the framework's by default" },
    format: {
      type: 'string',
      default: 'long',
      description:
        'long (a row per question), wide, or xlsx (long, as an Excel workbook; also chosen by --out *.xlsx)',
    },
    out: { type: 'string', alias: 'o', description: 'Write to this file instead of stdout' },
    excel: {
      type: 'boolean',
      default: false,
      description: 'For spreadsheets: a UTF-8 byte-order mark',
    },
    raw: rawArg,
  },
  async run({ args }) {
    const asked = String(args.format);
    if (asked !== 'long' && asked !== 'wide' && asked !== 'xlsx') {
      throw new UsageError(`Unknown --format "${asked}"; expected long, wide or xlsx.`);
    }
    const xlsx = asked === 'xlsx' || /\.xlsx$/i.test(String(args.out ?? ''));
    if (xlsx && args.out === undefined) {
      throw new UsageError('An xlsx questionnaire needs --out FILE.xlsx.');
    }
    const format = asked === 'xlsx' ? 'long' : asked;
    if (args.lang !== undefined && !languageTagSchema.safeParse(args.lang).success) {
      throw new UsageError(
        `--lang "${String(args.lang)}" is not a language tag such as bg or pt-BR.`,
      );
    }
    const framework = loadFrameworkDir(resolveFramework(String(args.framework)));
    const periods = list(args.period);
    const known = framework.periods.map((p) => p.id);
    const unknown = periods.filter((p) => !known.includes(p));
    if (unknown.length > 0) {
      throw new UsageError(
        `Unknown --period ${unknown.join(', ')}; ${framework.id} has ${known.join(', ')}.`,
      );
    }
    const template = buildTemplate(framework, {
      units: list(args.units),
      periods,
      format,
      ...(args.lang === undefined ? {} : { lang: String(args.lang) }),
    });
    for (const warning of template.warnings) {
      process.stderr.write(`${formatIssue({ ...warning, file: String(args.framework) })}\n`);
    }
    if (xlsx) {
      writeFileSync(String(args.out), await templateToXlsx(template, framework));
      return exitCodes.ok;
    }
    const csv = templateToCsv(template, { bom: args.excel, raw: args.raw });
    if (args.out === undefined) process.stdout.write(csv);
    else writeFileSync(String(args.out), csv);
    return exitCodes.ok;
  },
});
