import type { Catalogs, CommonMessages, FormMessages, PromMessages } from '../messages.js';
import { common as nbCommon } from './nb/common.js';
import { form as nbForm } from './nb/form.js';
import { prom as nbProm } from './nb/prom.js';
import { common as nnCommon } from './nn/common.js';
import { form as nnForm } from './nn/form.js';
import { prom as nnProm } from './nn/prom.js';
import { common as enCommon } from './en/common.js';
import { form as enForm } from './en/form.js';
import { prom as enProm } from './en/prom.js';
import { common as seCommon } from './se/common.js';
import { form as seForm } from './se/form.js';
import { prom as seProm } from './se/prom.js';

/** What `<hk-health-form>` shows, with the PROM score texts for its receipt. */
export const formCatalogs: Catalogs<CommonMessages & FormMessages & PromMessages> = {
  'nb-NO': { ...nbCommon, ...nbForm, ...nbProm },
  'nn-NO': { ...nnCommon, ...nnForm, ...nnProm },
  'en-GB': { ...enCommon, ...enForm, ...enProm },
  'se-NO': { ...seCommon, ...seForm, ...seProm },
};
