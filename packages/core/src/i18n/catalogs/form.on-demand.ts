import type { CatalogsOnDemand, CommonMessages, FormMessages, PromMessages } from '../messages.js';
import { common as nbCommon } from './nb/common.js';
import { form as nbForm } from './nb/form.js';
import { prom as nbProm } from './nb/prom.js';

/** `<hk-health-form>`: bokmål bundled, nynorsk, English and Northern Sami loaded when a page first shows them. */
export const formCatalogsOnDemand: CatalogsOnDemand<CommonMessages & FormMessages & PromMessages> = {
  'nb-NO': { ...nbCommon, ...nbForm, ...nbProm },
  'nn-NO': async () => {
    const [common, form, prom] = await Promise.all([import('./nn/common.js'), import('./nn/form.js'), import('./nn/prom.js')]);
    return { ...common.common, ...form.form, ...prom.prom };
  },
  'en-GB': async () => {
    const [common, form, prom] = await Promise.all([import('./en/common.js'), import('./en/form.js'), import('./en/prom.js')]);
    return { ...common.common, ...form.form, ...prom.prom };
  },
  'se-NO': async () => {
    const [common, form, prom] = await Promise.all([import('./se/common.js'), import('./se/form.js'), import('./se/prom.js')]);
    return { ...common.common, ...form.form, ...prom.prom };
  },
};
