import type { Locale } from './locale.js';
import type { Messages } from './messages.js';
import { en } from './catalogs/en.js';
import { nb } from './catalogs/nb.js';
import { nn } from './catalogs/nn.js';
import { se } from './catalogs/se.js';

export const catalogs: Readonly<Record<Locale, Messages>> = {
  'nb-NO': nb,
  'nn-NO': nn,
  'en-GB': en,
  'se-NO': se,
};

export function messages(locale: Locale): Messages {
  return catalogs[locale];
}
