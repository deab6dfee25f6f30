/**
 * The one interface every UI catalog implements. A catalog that lacks a key, or has one of the wrong
 * shape, does not compile. Plurals and interpolation are functions; numbers and dates arrive already
 * formatted for the locale.
 */
export interface Messages {
  /** Name of the language in itself, for a language picker. */
  languageName: string;
  yes: string;
  no: string;
  dontKnow: string;
  next: string;
  back: string;
  submit: string;
  retry: string;
  loading: string;
  optional: string;
  /** Read out before an error text, so it is not announced as a plain hint. */
  errorPrefix: string;
  /** Heading of an error summary with `count` errors. */
  errorSummaryTitle: (count: number) => string;
  stepOf: (current: number, total: number) => string;
  required: string;
  choiceRequired: string;
  numberInvalid: string;
  numberTooLow: (min: string, unit: string) => string;
  numberTooHigh: (max: string, unit: string) => string;
  numberRangeHint: (min: string, max: string, unit: string) => string;
  numberDecimalsHint: string;
  dateInvalid: string;
  dateTooEarly: (min: string) => string;
  dateTooLate: (max: string) => string;
  dateFormatHint: string;
  dateDay: string;
  dateMonth: string;
  dateYear: string;
}
