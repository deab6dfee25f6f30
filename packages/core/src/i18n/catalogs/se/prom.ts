import type { PromMessages } from '../../messages.js';

// Northern Sami. Written by the team; needs review by a native speaker before production (docs/i18n.md).

export const prom: PromMessages = {
  promBands: {
    minimal: 'Unnimus',
    mild: 'Geahppa',
    moderate: 'Gaskamearálaš',
    moderatelySevere: 'Gaskamearálaččat duođalaš',
    severe: 'Duođalaš',
    negative: 'Negatiivvalaš screening',
    positive: 'Positiivvalaš screening',
  },
  promSelfHarmFlag: 'Vástádus gažaldahkii 9 (jurdagat iežas vahágahttimis) ferte čuovvoluvvot.',
  promNotScored: 'Ii čuoggát: menddo ollu gažaldagat eai leat vástiduvvon.',
};
