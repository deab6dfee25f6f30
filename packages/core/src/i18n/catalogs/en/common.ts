import type { CommonMessages } from '../../messages.js';

const unitSuffix = (unit: string) => (unit ? ` ${unit}` : '');

export const common: CommonMessages = {
  languageName: 'English',
  yes: 'Yes',
  no: 'No',
  dontKnow: "Don't know",
  next: 'Next',
  back: 'Back',
  submit: 'Submit',
  retry: 'Try again',
  loading: 'Loading …',
  optional: 'optional',
  errorPrefix: 'Error:',
  errorSummaryTitle: (count) => (count === 1 ? 'There is 1 problem' : `There are ${count} problems`),
  stepOf: (current, total) => `Step ${current} of ${total}`,
  required: 'Answer this question.',
  choiceRequired: 'Choose an answer.',
  numberInvalid: 'Enter a number, for example 37.5.',
  numberTooLow: (min, unit) => `The number must be ${min}${unitSuffix(unit)} or more.`,
  numberTooHigh: (max, unit) => `The number must be ${max}${unitSuffix(unit)} or less.`,
  numberRangeHint: (min, max, unit) => `Between ${min} and ${max}${unitSuffix(unit)}.`,
  dateInvalid: 'Enter a real date, as day, month and year.',
  dateTooEarly: (min) => `The date cannot be before ${min}.`,
  dateTooLate: (max) => `The date cannot be after ${max}.`,
  dateFormatHint: 'For example 17 5 2026',
  dateDay: 'Day',
  dateMonth: 'Month',
  dateYear: 'Year',
};
