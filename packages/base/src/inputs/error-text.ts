import type { CommonMessages, DateError, Formatter, NumberError } from '@helsekit/core';

/** Words for a number error, with limits formatted for the locale. */
export function numberErrorText(error: NumberError, t: CommonMessages, format: Formatter, unit = ''): string {
  switch (error.code) {
    case 'required':
      return t.required;
    case 'invalid':
      return t.numberInvalid;
    case 'tooLow':
      return t.numberTooLow(format.number(error.min), unit);
    case 'tooHigh':
      return t.numberTooHigh(format.number(error.max), unit);
  }
}

/** Words for a date error, with limits formatted for the locale. */
export function dateErrorText(error: DateError, t: CommonMessages, format: Formatter): string {
  switch (error.code) {
    case 'required':
      return t.required;
    case 'invalid':
      return t.dateInvalid;
    case 'tooEarly':
      return t.dateTooEarly(format.date(`${error.min}T12:00:00`, 'long'));
    case 'tooLate':
      return t.dateTooLate(format.date(`${error.max}T12:00:00`, 'long'));
  }
}
