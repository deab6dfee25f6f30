import type { PromMessages } from '../../messages.js';

export const prom: PromMessages = {
  promBands: {
    minimal: 'Minimal',
    mild: 'Mild',
    moderate: 'Moderat',
    moderatelySevere: 'Moderat alvorleg',
    severe: 'Alvorleg',
    negative: 'Negativ screening',
    positive: 'Positiv screening',
  },
  promSelfHarmFlag: 'Svaret på spørsmål 9 (tankar om sjølvskading) må følgjast opp.',
  promNotScored: 'Ingen skår: for mange spørsmål er ikkje svarte på.',
};
