import type { CatalogsOnDemand, CommonMessages, MeasurementMessages, PromMessages } from '../messages.js';
import { common as nbCommon } from './nb/common.js';
import { measurements as nbMeasurements } from './nb/measurements.js';
import { prom as nbProm } from './nb/prom.js';

/** `<hk-measurement-dashboard>` and `<hk-clinic-worklist>`: bokmål bundled, nynorsk, English and Northern Sami loaded when a page first shows them. */
export const measurementCatalogsOnDemand: CatalogsOnDemand<CommonMessages & MeasurementMessages & PromMessages> = {
  'nb-NO': { ...nbCommon, ...nbMeasurements, ...nbProm },
  'nn-NO': async () => {
    const [common, measurements, prom] = await Promise.all([import('./nn/common.js'), import('./nn/measurements.js'), import('./nn/prom.js')]);
    return { ...common.common, ...measurements.measurements, ...prom.prom };
  },
  'en-GB': async () => {
    const [common, measurements, prom] = await Promise.all([import('./en/common.js'), import('./en/measurements.js'), import('./en/prom.js')]);
    return { ...common.common, ...measurements.measurements, ...prom.prom };
  },
  'se-NO': async () => {
    const [common, measurements, prom] = await Promise.all([import('./se/common.js'), import('./se/measurements.js'), import('./se/prom.js')]);
    return { ...common.common, ...measurements.measurements, ...prom.prom };
  },
};
