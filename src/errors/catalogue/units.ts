import { quoteList } from '../quote.js';
import type { MessageCatalogue } from './types.js';

/** Message templates for the units registry, group summaries and derived (rolled-up) units. */
export const unitsMessages = {
  UNITS_SYNTAX: (p: { detail: string }) => `The units file cannot be read: ${p.detail}`,
  UNITS_MISSING_COLUMN: (p: { column: string }) =>
    `The units file has no "${p.column}" column; it needs at least code and level.`,
  UNITS_INVALID_FIELD: (p: { code: string; field: string; detail: string }) =>
    `Unit "${p.code}": ${p.field} ${p.detail}.`,
  UNITS_DUPLICATE_CODE: (p: { code: string; first: number }) =>
    `Unit "${p.code}" is declared twice; it is first declared on line ${p.first}.`,
  UNITS_UNKNOWN_PARENT: (p: { code: string; parent: string }) =>
    `Unit "${p.code}" names parent "${p.parent}", which the registry does not declare.`,
  UNITS_CYCLE: (p: { cycle: readonly string[] }) =>
    `Units form a cycle of parents: ${p.cycle.join(' → ')}.`,
  UNITS_NOT_IN_REGISTRY: (p: { units: readonly string[] }) =>
    `${p.units.length === 1 ? 'Unit' : 'Units'} ${quoteList(p.units, 'and')} ${p.units.length === 1 ? 'is' : 'are'} in the answers but not in the units registry; ${p.units.length === 1 ? 'it has' : 'they have'} no name, no group and level "unknown".`,
  UNITS_UNKNOWN_GROUP: (p: { group: string; groups: readonly string[] }) =>
    `Unknown group "${p.group}"; the units registry knows ${p.groups.length > 0 ? quoteList(p.groups, 'and') : 'no group'}.`,
  UNITS_EMPTY_GROUP: (p: { group: string }) =>
    `Group "${p.group}" has no unit with scores in this result.`,
  UNITS_NO_POPULATION: (p: { unit: string; parent: string }) =>
    `A population-weighted score of "${p.parent}" needs the population of "${p.unit}", which the registry does not give.`,
  UNITS_DERIVED_HAS_ANSWERS: (p: { unit: string }) =>
    `"${p.unit}" has answers of its own, so no score is derived for it from its parts; its own scores are kept.`,
  UNITS_UNKNOWN_DERIVE_LEVEL: (p: { level: string; levels: readonly string[] }) =>
    `No unit of level "${p.level}" has parts in this result; the registry's levels are ${quoteList(p.levels, 'and')}.`,
} satisfies MessageCatalogue;
