import type { Locale } from './locale.js';
import type { Catalogs, Messages } from './messages.js';
import { common as nbCommon } from './catalogs/nb/common.js';
import { triage as nbTriage } from './catalogs/nb/triage.js';
import { form as nbForm } from './catalogs/nb/form.js';
import { prom as nbProm } from './catalogs/nb/prom.js';
import { measurements as nbMeasurements } from './catalogs/nb/measurements.js';
import { common as nnCommon } from './catalogs/nn/common.js';
import { triage as nnTriage } from './catalogs/nn/triage.js';
import { form as nnForm } from './catalogs/nn/form.js';
import { prom as nnProm } from './catalogs/nn/prom.js';
import { measurements as nnMeasurements } from './catalogs/nn/measurements.js';
import { common as enCommon } from './catalogs/en/common.js';
import { triage as enTriage } from './catalogs/en/triage.js';
import { form as enForm } from './catalogs/en/form.js';
import { prom as enProm } from './catalogs/en/prom.js';
import { measurements as enMeasurements } from './catalogs/en/measurements.js';
import { common as seCommon } from './catalogs/se/common.js';
import { triage as seTriage } from './catalogs/se/triage.js';
import { form as seForm } from './catalogs/se/form.js';
import { prom as seProm } from './catalogs/se/prom.js';
import { measurements as seMeasurements } from './catalogs/se/measurements.js';

export { commonCatalogsOnDemand } from './catalogs/common.on-demand.js';
export { formCatalogsOnDemand } from './catalogs/form.on-demand.js';
export { measurementCatalogsOnDemand } from './catalogs/measurements.on-demand.js';
export { triageCatalogsOnDemand } from './catalogs/triage.on-demand.js';

/**
 * Every part in every locale, bundled: for tests, Node and hosts that want all of it. Elements do not use it: each
 * reads its own parts on demand (`triageCatalogsOnDemand`, …), so a page downloads only the strings it shows.
 */
export const catalogs: Catalogs<Messages> = {
  'nb-NO': { ...nbCommon, ...nbTriage, ...nbForm, ...nbProm, ...nbMeasurements },
  'nn-NO': { ...nnCommon, ...nnTriage, ...nnForm, ...nnProm, ...nnMeasurements },
  'en-GB': { ...enCommon, ...enTriage, ...enForm, ...enProm, ...enMeasurements },
  'se-NO': { ...seCommon, ...seTriage, ...seForm, ...seProm, ...seMeasurements },
};

export function messages(locale: Locale): Messages {
  return catalogs[locale];
}
