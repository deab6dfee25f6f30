import type { Catalogs, CommonMessages } from '../messages.js';
import { common as nbCommon } from './nb/common.js';
import { common as nnCommon } from './nn/common.js';
import { common as enCommon } from './en/common.js';
import { common as seCommon } from './se/common.js';

/** What the input primitives and the provider show. */
export const commonCatalogs: Catalogs<CommonMessages> = {
  'nb-NO': nbCommon,
  'nn-NO': nnCommon,
  'en-GB': enCommon,
  'se-NO': seCommon,
};
