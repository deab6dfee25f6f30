import type { Catalogs, CommonMessages, MeasurementMessages, PromMessages } from '../messages.js';
import { common as nbCommon } from './nb/common.js';
import { measurements as nbMeasurements } from './nb/measurements.js';
import { prom as nbProm } from './nb/prom.js';
import { common as nnCommon } from './nn/common.js';
import { measurements as nnMeasurements } from './nn/measurements.js';
import { prom as nnProm } from './nn/prom.js';
import { common as enCommon } from './en/common.js';
import { measurements as enMeasurements } from './en/measurements.js';
import { prom as enProm } from './en/prom.js';
import { common as seCommon } from './se/common.js';
import { measurements as seMeasurements } from './se/measurements.js';
import { prom as seProm } from './se/prom.js';

/** What `<hk-measurement-dashboard>` and `<hk-clinic-worklist>` show. */
export const measurementCatalogs: Catalogs<CommonMessages & MeasurementMessages & PromMessages> = {
  'nb-NO': { ...nbCommon, ...nbMeasurements, ...nbProm },
  'nn-NO': { ...nnCommon, ...nnMeasurements, ...nnProm },
  'en-GB': { ...enCommon, ...enMeasurements, ...enProm },
  'se-NO': { ...seCommon, ...seMeasurements, ...seProm },
};
