import type { PromMessages } from '../../messages.js';

export const prom: PromMessages = {
  promBands: {
    minimal: 'Minimal',
    mild: 'Mild',
    moderate: 'Moderat',
    moderatelySevere: 'Moderat alvorlig',
    severe: 'Alvorlig',
    negative: 'Negativ screening',
    positive: 'Positiv screening',
  },
  promSelfHarmFlag: 'Svaret på spørsmål 9 (tanker om selvskading) må følges opp.',
  promNotScored: 'Ingen skår: for mange spørsmål er ikke besvart.',
};
