/** The UI locales helsekit ships catalogs for. */
export const LOCALES = ['nb-NO', 'nn-NO', 'en-GB', 'se-NO'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'nb-NO';

/**
 * Maps any BCP 47 tag (from a `lang` attribute, `navigator.language`, a FHIR `language`) to a shipped locale.
 * `no` is the macrolanguage and is read as bokmål, which is what almost every `lang="no"` page means.
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  switch (primary) {
    case 'nn':
      return 'nn-NO';
    case 'en':
      return 'en-GB';
    case 'se':
    case 'sme':
      return 'se-NO';
    default:
      return DEFAULT_LOCALE;
  }
}

/**
 * The locales handed to `Intl`, most wanted first. Chromium ships no formatting data for nynorsk or
 * Northern Sami, so both fall back to bokmål rather than to the browser's English default.
 * Northern Sami goes straight to bokmål: CLDR's `se` data is at basic coverage (ISO dates, few month
 * names) and only some runtimes carry it, so the same date would read differently in Node and Chromium.
 */
export function intlLocales(locale: Locale): string[] {
  switch (locale) {
    case 'nn-NO':
      return ['nn-NO', 'nb-NO'];
    case 'se-NO':
      return ['nb-NO'];
    default:
      return [locale];
  }
}
