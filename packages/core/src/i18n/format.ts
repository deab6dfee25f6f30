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

/** A value made on first use: each `Intl` object costs a lookup in the locale data, so only the ones used are made. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const DATE_STYLES = {
  short: { day: '2-digit', month: '2-digit', year: 'numeric' },
  medium: { day: 'numeric', month: 'short', year: 'numeric' },
  long: { day: 'numeric', month: 'long', year: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

function createFormatter(locale: Locale): Formatter {
  const chain = intlLocales(locale);
  const dateLocales = lazy(() => supportedFirst(chain, Intl.DateTimeFormat));
  const numberLocales = lazy(() => supportedFirst(chain, Intl.NumberFormat));
  const listLocales = lazy(() => Intl.ListFormat.supportedLocalesOf(chain));
  const dates = {
    short: lazy(() => new Intl.DateTimeFormat(dateLocales(), DATE_STYLES.short)),
    medium: lazy(() => new Intl.DateTimeFormat(dateLocales(), DATE_STYLES.medium)),
    long: lazy(() => new Intl.DateTimeFormat(dateLocales(), DATE_STYLES.long)),
  };
  const dateTime = lazy(() => new Intl.DateTimeFormat(dateLocales(), { dateStyle: 'short', timeStyle: 'short' }));
  const time = lazy(() => new Intl.DateTimeFormat(dateLocales(), { hour: '2-digit', minute: '2-digit' }));
  const numbers = new Map<string, Intl.NumberFormat>();
  return {
    locale,
    get resolvedDateLocale() {
      return dates.short().resolvedOptions().locale;
    },
    date: (value, style = 'short') => dates[style]().format(toDate(value)),
    dateTime: (value) => dateTime().format(toDate(value)),
    time: (value) => time().format(toDate(value)),
    number(value, options) {
      const key = JSON.stringify(options ?? {});
      let nf = numbers.get(key);
      if (!nf) {
        nf = new Intl.NumberFormat(numberLocales(), options);
        numbers.set(key, nf);
      }
      return nf.format(value);
    },
    list: (items, type = 'conjunction') => {
      const locales = listLocales();
      return new Intl.ListFormat(locales.length > 0 ? locales : ['nb-NO'], { type }).format(items);
    },
  };
}
