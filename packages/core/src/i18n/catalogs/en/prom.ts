import type { PromMessages } from '../../messages.js';

export const prom: PromMessages = {
  promBands: {
    minimal: 'Minimal',
    mild: 'Mild',
    moderate: 'Moderate',
    moderatelySevere: 'Moderately severe',
    severe: 'Severe',
    negative: 'Negative screen',
    positive: 'Positive screen',
  },
  promSelfHarmFlag: 'The answer to question 9 (thoughts of self-harm) needs follow-up.',
  promNotScored: 'No score: too many questions were not answered.',
};
