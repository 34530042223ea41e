/**
 * Country names for ISO 3166 codes, from i18n-iso-countries, and the built-in groups. The name
 * data is loaded lazily (`loadCountryNames`): a browser bundle splits the library and its English
 * and Bulgarian locales (the only ones it registers) into chunks loaded on first use, so the core
 * bundle carries none of it unless names are asked for.
 */
import {
  countryNamesProblem,
  stringArrayProblem,
  stringProblem,
  throwIfAny,
  unitRegistryProblem,
} from '../errors/args.js';
import type { Text } from '../text/text.js';
import type { Unit, UnitRegistry } from './schema.js';

/**
 * Country names by ISO 3166-1 alpha-2 code and language.
 *
 * @example
 * ```ts
 * const names: CountryNames = await loadCountryNames();
 * names.name('BG'); //=> { en: 'Bulgaria', bg: 'България' }
 * ```
 */
export interface CountryNames {
  /** The alpha-2 code a code stands for (alpha-2, alpha-3, or MIPEX's `UK`/`TU`/`EL`), if any. */
  alpha2(code: string): string | undefined;
  /** The country's name in English and Bulgarian; undefined for a code that is not a country. */
  name(code: string): Text | undefined;
}

/** Codes some sources use in place of ISO 3166 alpha-2 (MIPEX: `UK`, `TU`; Eurostat: `EL`). */
const aliases: Record<string, string> = { UK: 'GB', TU: 'TR', EL: 'GR' };

/**
 * The 27 member states of the European Union since 1 February 2020, by ISO 3166-1 alpha-2
 * code (Greece is `GR`, not Eurostat's `EL`).
 *
 * @example
 * ```ts
 * eu27.includes('BG'); //=> true
 * eu27.length; //=> 27
 * ```
 */
export const eu27: readonly string[] = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
];

/**
 * Groups every registry knows without declaring them: `EU27`, the current EU member states
 * (matched on a unit's ISO code, so MIPEX's and NIEM's country codes need no units file).
 *
 * @example
 * ```ts
 * builtInGroups.EU27?.title; //=> { en: 'EU-27', bg: 'ЕС-27' }
 * ```
 */
export const builtInGroups: Record<string, { title: Text; members: readonly string[] }> = {
  EU27: { title: { en: 'EU-27', bg: 'ЕС-27' }, members: eu27 },
};

let loaded: Promise<CountryNames> | undefined;

/**
 * Loads the ISO 3166 country names in English and Bulgarian from i18n-iso-countries (once; the
 * data is imported on first call only).
 *
 * @example
 * ```ts
 * const names = await loadCountryNames();
 * names.name('UK'); //=> { en: 'United Kingdom', bg: 'Обединено кралство' }
 * ```
 */
export function loadCountryNames(): Promise<CountryNames> {
  loaded ??= (async () => {
    type Lib = typeof import('i18n-iso-countries');
    const mod = await import('i18n-iso-countries');
    const countries = ((mod as unknown as { default?: Lib }).default ?? mod) as Lib;
    // Node's entry registers every locale itself; a browser bundle gets the bare library, and
    // only English and Bulgarian are loaded into it, as separate lazy chunks.
    if (countries.getName('BG', 'bg') === undefined) {
      const locales = await Promise.all([
        import('i18n-iso-countries/langs/en.json'),
        import('i18n-iso-countries/langs/bg.json'),
      ]);
      for (const locale of locales) {
        countries.registerLocale(((locale as { default?: unknown }).default ?? locale) as never);
      }
    }
    const alpha2 = (code: string): string | undefined => {
      const upper = code.toUpperCase();
      const c = aliases[upper] ?? upper;
      if (/^[A-Z]{2}$/.test(c)) return countries.isValid(c) ? c : undefined;
      if (/^[A-Z]{3}$/.test(c)) return countries.alpha3ToAlpha2(c);
      return undefined;
    };
    return {
      alpha2,
      name(code) {
        const a2 = alpha2(code);
        if (a2 === undefined) return undefined;
        const text: Record<string, string> = {};
        for (const lang of ['en', 'bg']) {
          const n = countries.getName(a2, lang);
          if (n) text[lang] = n;
        }
        return Object.keys(text).length > 0 ? text : undefined;
      },
    };
  })();
  return loaded;
}

/**
 * A registry for units with no units file: every code that is an ISO 3166 country (or one of
 * MIPEX's `UK`/`TU`) becomes a `country` with its English and Bulgarian names and the built-in
 * groups it belongs to; other codes are left out (and reported as not in the registry).
 *
 * @example
 * ```ts
 * isoRegistry(['BG', 'UK', 'XA'], await loadCountryNames()).units.map((u) => u.code); //=> ['BG', 'UK']
 * ```
 */
export function isoRegistry(codes: readonly string[], names: CountryNames): UnitRegistry {
  throwIfAny(
    stringArrayProblem('isoRegistry', 'codes', codes),
    countryNamesProblem('isoRegistry', 'names', names),
  );
  const units: Unit[] = [];
  for (const code of codes) {
    const a2 = names.alpha2(code);
    if (a2 === undefined) continue;
    const name = names.name(code);
    const groups = Object.entries(builtInGroups)
      .filter(([, g]) => g.members.includes(a2))
      .map(([id]) => id);
    units.push({ code, level: 'country', groups, ...(name ? { name } : {}) });
  }
  return { source: 'iso-3166', units };
}

/**
 * A registry with ISO 3166 names filled in where a unit that is a country has none.
 *
 * @example
 * ```ts
 * withCountryNames(registry, await loadCountryNames()).units[0]?.name; //=> { en: 'Bulgaria', bg: 'България' }
 * ```
 */
export function withCountryNames(registry: UnitRegistry, names: CountryNames): UnitRegistry {
  throwIfAny(
    unitRegistryProblem('withCountryNames', 'registry', registry),
    countryNamesProblem('withCountryNames', 'names', names),
  );
  return {
    ...registry,
    units: registry.units.map((u) => {
      if (u.name !== undefined || u.level !== 'country') return u;
      const name = names.name(u.code);
      return name ? { ...u, name } : u;
    }),
  };
}

/**
 * The alpha-2 code of a unit for built-in group membership, without loading names: an
 * alpha-2 code as is, and MIPEX's `UK`/`TU` and Eurostat's `EL` mapped.
 *
 * @example
 * ```ts
 * isoCodeOf('EL'); //=> 'GR'
 * ```
 */
export function isoCodeOf(code: string): string {
  if (typeof code !== 'string') throwIfAny(stringProblem('isoCodeOf', 'code', code));
  const upper = code.toUpperCase();
  return aliases[upper] ?? upper;
}
