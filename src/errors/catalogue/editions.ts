import { quoteList } from '../quote.js';
import type { MessageCatalogue } from './types.js';

const list = (ids: readonly string[], max = 12): string =>
  ids.length <= max
    ? quoteList(ids, 'and')
    : `${quoteList(ids.slice(0, max), 'and')} and ${ids.length - max} more`;

/**
 * Message templates for editions (a framework's `changes` since its previous edition, `diff`)
 * and provenance (the stamp on every result, `verify`).
 */
export const editionsMessages = {
  EDITION_SINCE_SAME: (p: { edition: string }) =>
    `The changes are declared since edition "${p.edition}", which is this framework's own edition; name the previous one.`,
  EDITION_UNKNOWN_INDICATOR: (p: { id: string; list: string }) =>
    `"${p.id}" is listed as ${p.list} but this edition has no indicator with that id.`,
  EDITION_RETIRED_PRESENT: (p: { id: string }) =>
    `"${p.id}" is listed as retired but is still an indicator of this edition; remove it, or give it an \`editions\` list without this edition.`,
  EDITION_CONFLICT: (p: { id: string; lists: readonly string[] }) =>
    `"${p.id}" is listed more than once (${p.lists.join(', ')}); an indicator is added, retired, or re-worded and/or re-scored, once each.`,
  EDITION_UNKNOWN_PERIOD: (p: { period: string; periods: readonly string[] }) =>
    `Unknown period "${p.period}"; the framework's periods are ${quoteList(p.periods, 'and')}.`,
  EDITION_PERIOD_NOT_COMPARABLE: (p: {
    period: string;
    since: string;
    edition: string;
    ids: readonly string[];
  }) =>
    `Period "${p.period}" was answered under edition ${p.since}; ${p.ids.length} indicator${p.ids.length === 1 ? '' : 's'} of edition ${p.edition} cannot be compared with it: ${list(p.ids)}.`,
  EDITION_PERIOD_RESCORED: (p: {
    period: string;
    since: string;
    edition: string;
    ids: readonly string[];
  }) =>
    `Period "${p.period}" was answered under edition ${p.since}; ${p.ids.length} indicator${p.ids.length === 1 ? ' is' : 's are'} re-scored with the rules of edition ${p.edition}, so ${p.ids.length === 1 ? 'its scores differ' : 'their scores differ'} from those published under edition ${p.since}: ${list(p.ids)}.`,
  EDITION_RETIRED_ANSWERS: (p: { id: string; count: number; edition: string; since: string }) =>
    `${p.count} answer${p.count === 1 ? ' was' : 's were'} rejected for "${p.id}", an indicator of edition ${p.since} that edition ${p.edition} retired; score ${p.count === 1 ? 'it' : 'them'} with edition ${p.since} to use ${p.count === 1 ? 'it' : 'them'}.`,
  EDITION_UNDECLARED_CHANGE: (p: { id: string; change: string; since: string }) =>
    `"${p.id}" is ${p.change} since edition ${p.since}, but the framework's \`changes\` do not say so.`,
  EDITION_DECLARED_NOT_FOUND: (p: { id: string; change: string; since: string }) =>
    `The framework's \`changes\` list "${p.id}" as ${p.change} since edition ${p.since}, but the two editions do not differ there.`,
  EDITION_OTHER_FRAMEWORK: (p: { old: string; new: string }) =>
    `Comparing framework "${p.old}" with "${p.new}": they are different frameworks, not two editions of one.`,
  VERIFY_RESULT_INVALID: (p: { detail: string }) =>
    `The file is not a score result (score --format json): ${p.detail}`,
  VERIFY_NO_STAMP: (_p: Record<string, never>) =>
    'The result carries no provenance stamp, so its inputs are unknown; re-score it with this version to get one.',
  VERIFY_NO_FILES: (_p: Record<string, never>) =>
    'The stamp names no answer files (the result was scored from data in memory), so the inputs cannot be read again.',
  VERIFY_FILE_MISSING: (p: { file: string }) =>
    `"${p.file}" was an input of the result but cannot be read now.`,
  VERIFY_FILE_CHANGED: (p: { file: string; expected: string; actual: string }) =>
    `"${p.file}" changed since the result was saved: its SHA-256 was ${p.expected.slice(0, 12)}…, now ${p.actual.slice(0, 12)}….`,
  VERIFY_FILE_ADDED: (p: { file: string }) =>
    `"${p.file}" is a framework file now but was not when the result was saved.`,
  VERIFY_LIBRARY_VERSION: (p: { saved: string; now: string }) =>
    `The result was scored with integration-index ${p.saved}; re-scoring with ${p.now}.`,
  VERIFY_SCORE_CHANGED: (p: {
    node: string;
    unit: string;
    period: string;
    field: string;
    saved: unknown;
    now: unknown;
  }) =>
    `The ${p.field} of "${p.node}" for ${p.unit} ${p.period} was ${JSON.stringify(p.saved)} and is now ${JSON.stringify(p.now)}.`,
  VERIFY_ROW_MISSING: (p: { unit: string; period: string }) =>
    `Re-scoring gives no row for ${p.unit} ${p.period}, which the result has.`,
  VERIFY_NODE_MISSING: (p: { node: string }) =>
    `Re-scoring gives no node "${p.node}", which the result has.`,
  VERIFY_COUNTS_CHANGED: (p: { field: string; saved: number; now: number }) =>
    `The answer count "${p.field}" was ${p.saved} and is now ${p.now}.`,
} satisfies MessageCatalogue;
