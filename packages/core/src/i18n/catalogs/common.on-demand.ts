import type { CatalogsOnDemand, CommonMessages } from '../messages.js';
import { common as nbCommon } from './nb/common.js';

/** The input primitives: bokmål bundled, nynorsk, English and Northern Sami loaded when a page first shows them. */
export const commonCatalogsOnDemand: CatalogsOnDemand<CommonMessages> = {
  'nb-NO': nbCommon,
  'nn-NO': async () => (await import('./nn/common.js')).common,
  'en-GB': async () => (await import('./en/common.js')).common,
  'se-NO': async () => (await import('./se/common.js')).common,
};
