/**
 * Every user-facing message, in one place. Each domain keeps its templates in
 * `catalogue/<domain>.ts`; codes are stable and tests assert on them, never on the wording.
 */

import { analysisMessages } from './catalogue/analysis.js';
import { answersMessages } from './catalogue/answers.js';
import { apiMessages } from './catalogue/api.js';
import { cliMessages } from './catalogue/cli.js';
import { compositeMessages } from './catalogue/composite.js';
import { editionsMessages } from './catalogue/editions.js';
import { frameworkMessages } from './catalogue/framework.js';
import { importMessages } from './catalogue/import.js';
import { reportMessages } from './catalogue/report.js';
import { roundMessages } from './catalogue/round.js';
import { scoringMessages } from './catalogue/scoring.js';
import { unitsMessages } from './catalogue/units.js';
import { xlsxMessages } from './catalogue/xlsx.js';

/** The catalogue of message templates, keyed by issue code. */
export const messages = {
  ...frameworkMessages,
  ...answersMessages,
  ...scoringMessages,
  ...compositeMessages,
  ...importMessages,
  ...analysisMessages,
  ...reportMessages,
  ...cliMessages,
  ...editionsMessages,
  ...apiMessages,
  ...roundMessages,
  ...unitsMessages,
  ...xlsxMessages,
} as const;

/** Every stable issue code. */
export type IssueCode = keyof typeof messages;

/** The parameters a code's message template takes. */
export type IssueParams<C extends IssueCode> = Parameters<(typeof messages)[C]>[0];

export { quoteList } from './quote.js';
