import type { Locale } from './locale.js';
import type { Catalogs, Messages } from './messages.js';
import { formCatalogs } from './catalogs/form.js';
import { measurementCatalogs } from './catalogs/measurements.js';
import { triageCatalogs } from './catalogs/triage.js';

export { commonCatalogs } from './catalogs/common.js';
export { commonCatalogsOnDemand } from './catalogs/common.on-demand.js';
export { formCatalogsOnDemand } from './catalogs/form.on-demand.js';
export { measurementCatalogsOnDemand } from './catalogs/measurements.on-demand.js';
export { triageCatalogsOnDemand } from './catalogs/triage.on-demand.js';
export { formCatalogs, measurementCatalogs, triageCatalogs };

/**
 * Every part in every locale. For tests and for hosts that show every element; an element imports only its own
 * part (`triageCatalogs`, …), so a page with one element does not download the others' strings.
 */
export const catalogs: Catalogs<Messages> = {
  'nb-NO': { ...triageCatalogs['nb-NO'], ...formCatalogs['nb-NO'], ...measurementCatalogs['nb-NO'] },
  'nn-NO': { ...triageCatalogs['nn-NO'], ...formCatalogs['nn-NO'], ...measurementCatalogs['nn-NO'] },
  'en-GB': { ...triageCatalogs['en-GB'], ...formCatalogs['en-GB'], ...measurementCatalogs['en-GB'] },
  'se-NO': { ...triageCatalogs['se-NO'], ...formCatalogs['se-NO'], ...measurementCatalogs['se-NO'] },
};

export function messages(locale: Locale): Messages {
  return catalogs[locale];
}
