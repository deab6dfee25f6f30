import { intlLocales, type Locale } from './locale.js';

/** Locale-aware formatting with the fallback chains from `intlLocales`. */
export interface Formatter {
  readonly locale: Locale;
  /** The locale `Intl` actually chose, for diagnostics (for example `nb-NO` when nynorsk data is missing). */
  readonly resolvedDateLocale: string;
  date(value: Date | string | number, style?: 'short' | 'medium' | 'long'): string;
  dateTime(value: Date | string | number): string;
  time(value: Date | string | number): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
}

const cache = new Map<Locale, Formatter>();

/** Returns the (cached) formatter for a locale. */
export function formatter(locale: Locale): Formatter {
  let f = cache.get(locale);
  if (!f) {
    f = createFormatter(locale);
    cache.set(locale, f);
  }
  return f;
}

function supportedFirst(locales: string[], probe: { supportedLocalesOf(locales: string[]): string[] }): string[] {
  // Intl negotiates itself, but a runtime that lacks data for the first tag can still resolve it to the
  // root locale (English) instead of trying the next one. Keep only the tags it really supports.
  const supported = probe.supportedLocalesOf(locales);
  return supported.length > 0 ? supported : ['nb-NO'];
}

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

function createFormatter(locale: Locale): Formatter {
  const chain = intlLocales(locale);
  const dateLocales = supportedFirst(chain, Intl.DateTimeFormat);
  const numberLocales = supportedFirst(chain, Intl.NumberFormat);
  const listLocales = Intl.ListFormat.supportedLocalesOf(chain);
  const dates = {
    short: new Intl.DateTimeFormat(dateLocales, { day: '2-digit', month: '2-digit', year: 'numeric' }),
    medium: new Intl.DateTimeFormat(dateLocales, { day: 'numeric', month: 'short', year: 'numeric' }),
    long: new Intl.DateTimeFormat(dateLocales, { day: 'numeric', month: 'long', year: 'numeric' }),
  };
  const dateTime = new Intl.DateTimeFormat(dateLocales, { dateStyle: 'short', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(dateLocales, { hour: '2-digit', minute: '2-digit' });
  const numbers = new Map<string, Intl.NumberFormat>();
  return {
    locale,
    resolvedDateLocale: dates.short.resolvedOptions().locale,
    date: (value, style = 'short') => dates[style].format(toDate(value)),
    dateTime: (value) => dateTime.format(toDate(value)),
    time: (value) => time.format(toDate(value)),
    number(value, options) {
      const key = JSON.stringify(options ?? {});
      let nf = numbers.get(key);
      if (!nf) {
        nf = new Intl.NumberFormat(numberLocales, options);
        numbers.set(key, nf);
      }
      return nf.format(value);
    },
    list: (items, type = 'conjunction') =>
      new Intl.ListFormat(listLocales.length > 0 ? listLocales : ['nb-NO'], { type }).format(items),
  };
}
