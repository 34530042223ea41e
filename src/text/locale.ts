/**
 * Numbers and dates in the reader's language. Scores are rounded first by the library's own
 * convention (`formatScore`: half away from zero), then only the decimal separator and the
 * minus sign follow the language, so rounding never depends on the locale. English keeps the
 * library's plain forms (dot decimals, ISO dates), which the docs and the CSV outputs share.
 */

/**
 * How numbers and dates print in one language.
 *
 * @example
 * ```ts
 * const bg: LocaleFormat = localeFormat('bg');
 * bg.number('62.5'); //=> '62,5'
 * ```
 */
export interface LocaleFormat {
  readonly lang: string;
  /** A number already rounded and printed with a dot (`'-12.5'`) in the language's form. */
  number(text: string): string;
  /** A whole number (a count), grouped as the language groups digits. */
  count(n: number): string;
  /** An ISO date (`YYYY-MM-DD`) written out; anything else is returned unchanged. */
  date(iso: string): string;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The {@link LocaleFormat} of a BCP 47 language tag, from `Intl` (no data of our own). For
 * English (`en`, `en-*`) numbers keep the dot and dates stay ISO.
 *
 * @example
 * ```ts
 * localeFormat('bg').date('2019-04-30');  //=> '30 април 2019 г.'
 * localeFormat('bg').number('-3.0');      //=> '-3,0'
 * localeFormat('en').date('2019-04-30');  //=> '2019-04-30'
 * ```
 */
export function localeFormat(lang: string): LocaleFormat {
  let known = cache.get(lang);
  if (known === undefined) {
    known = makeLocaleFormat(lang);
    cache.set(lang, known);
  }
  return known;
}

const cache = new Map<string, LocaleFormat>();

function makeLocaleFormat(lang: string): LocaleFormat {
  const primary = lang.split('-')[0]?.toLowerCase() ?? 'en';
  // English is the text as written; checked before any Intl object, whose locale data costs
  // about 20 ms to load on the first use in a process (issue 14).
  if (primary === 'en') {
    return { lang, number: (text) => text, count: (n) => String(n), date: (iso) => iso };
  }
  let tag = lang;
  try {
    tag = Intl.NumberFormat.supportedLocalesOf([lang])[0] ?? 'en';
  } catch {
    tag = 'en';
  }
  const counts = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const parts = new Intl.NumberFormat(tag).formatToParts(-1.5);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const minus = parts.find((p) => p.type === 'minusSign')?.value ?? '-';
  const dates = new Intl.DateTimeFormat(tag, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  return {
    lang,
    number: (text) => text.replace('.', decimal).replace(/^-/, minus),
    count: (n) => counts.format(n),
    date: (iso) => {
      const m = isoDate.exec(iso);
      if (!m) return iso;
      return dates.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    },
  };
}
