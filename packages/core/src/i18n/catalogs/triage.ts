import type { Catalogs, CommonMessages, TriageMessages } from '../messages.js';
import { common as nbCommon } from './nb/common.js';
import { triage as nbTriage } from './nb/triage.js';
import { common as nnCommon } from './nn/common.js';
import { triage as nnTriage } from './nn/triage.js';
import { common as enCommon } from './en/common.js';
import { triage as enTriage } from './en/triage.js';
import { common as seCommon } from './se/common.js';
import { triage as seTriage } from './se/triage.js';

/** What `<hk-triage>` shows: the triage widget's bundle carries these and no other element's strings. */
export const triageCatalogs: Catalogs<CommonMessages & TriageMessages> = {
  'nb-NO': { ...nbCommon, ...nbTriage },
  'nn-NO': { ...nnCommon, ...nnTriage },
  'en-GB': { ...enCommon, ...enTriage },
  'se-NO': { ...seCommon, ...seTriage },
};
