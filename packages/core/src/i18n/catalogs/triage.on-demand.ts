import type { CatalogsOnDemand, CommonMessages, TriageMessages } from '../messages.js';
import { common as nbCommon } from './nb/common.js';
import { triage as nbTriage } from './nb/triage.js';

/** `<hk-triage>`: bokmål bundled, nynorsk, English and Northern Sami loaded when a page first shows them. */
export const triageCatalogsOnDemand: CatalogsOnDemand<CommonMessages & TriageMessages> = {
  'nb-NO': { ...nbCommon, ...nbTriage },
  'nn-NO': async () => {
    const [common, triage] = await Promise.all([import('./nn/common.js'), import('./nn/triage.js')]);
    return { ...common.common, ...triage.triage };
  },
  'en-GB': async () => {
    const [common, triage] = await Promise.all([import('./en/common.js'), import('./en/triage.js')]);
    return { ...common.common, ...triage.triage };
  },
  'se-NO': async () => {
    const [common, triage] = await Promise.all([import('./se/common.js'), import('./se/triage.js')]);
    return { ...common.common, ...triage.triage };
  },
};
