import type { Locale } from '../i18n/locale.js';
import type { ContentLanguage, LocalizedText } from './protocol.types.js';

/** A text chosen for one language, saying which language it really is in. */
export interface LocalizedView {
  text: string;
  /** The language of `text` (BCP 47 primary tag): `nb` when a Sami text fell back to bokmål. */
  lang: ContentLanguage;
  /** True when the wanted language was missing and bokmål is shown instead; the UI marks it (lang="nb"). */
  fallback: boolean;
}

export function contentLanguage(locale: Locale): ContentLanguage {
  return locale.slice(0, 2) as ContentLanguage;
}

/** Picks the text for a language. Only `se` may be missing; it falls back to bokmål, marked. */
export function localize(text: LocalizedText, lang: ContentLanguage): LocalizedView {
  const value = text[lang];
  if (typeof value === 'string' && value.trim() !== '') return { text: value, lang, fallback: false };
  return { text: text.nb, lang: 'nb', fallback: lang !== 'nb' };
}
