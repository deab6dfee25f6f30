import type { CommonMessages } from '../../messages.js';

const unitSuffix = (unit: string) => (unit ? ` ${unit}` : '');

export const common: CommonMessages = {
  languageName: 'Norsk bokmål',
  yes: 'Ja',
  no: 'Nei',
  dontKnow: 'Vet ikke',
  next: 'Neste',
  back: 'Tilbake',
  submit: 'Send inn',
  retry: 'Prøv igjen',
  loading: 'Laster …',
  optional: 'valgfritt',
  errorPrefix: 'Feil:',
  errorSummaryTitle: (count) => (count === 1 ? 'Det er 1 feil i skjemaet' : `Det er ${count} feil i skjemaet`),
  stepOf: (current, total) => `Steg ${current} av ${total}`,
  required: 'Du må svare på dette spørsmålet.',
  choiceRequired: 'Velg et svar.',
  numberInvalid: 'Skriv et tall, for eksempel 37,5.',
  numberTooLow: (min, unit) => `Tallet må være ${min}${unitSuffix(unit)} eller mer.`,
  numberTooHigh: (max, unit) => `Tallet må være ${max}${unitSuffix(unit)} eller mindre.`,
  numberRangeHint: (min, max, unit) => `Mellom ${min} og ${max}${unitSuffix(unit)}.`,
  dateInvalid: 'Skriv en dato som finnes, som dag, måned og år.',
  dateTooEarly: (min) => `Datoen kan ikke være før ${min}.`,
  dateTooLate: (max) => `Datoen kan ikke være etter ${max}.`,
  dateFormatHint: 'For eksempel 17 5 2026',
  dateDay: 'Dag',
  dateMonth: 'Måned',
  dateYear: 'År',
};
