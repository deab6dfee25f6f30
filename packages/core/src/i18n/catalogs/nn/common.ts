import type { CommonMessages } from '../../messages.js';

const unitSuffix = (unit: string) => (unit ? ` ${unit}` : '');

export const common: CommonMessages = {
  languageName: 'Norsk nynorsk',
  yes: 'Ja',
  no: 'Nei',
  dontKnow: 'Veit ikkje',
  next: 'Neste',
  back: 'Tilbake',
  submit: 'Send inn',
  retry: 'Prøv igjen',
  loading: 'Lastar …',
  optional: 'valfritt',
  errorPrefix: 'Feil:',
  errorSummaryTitle: (count) => (count === 1 ? 'Det er 1 feil i skjemaet' : `Det er ${count} feil i skjemaet`),
  stepOf: (current, total) => `Steg ${current} av ${total}`,
  required: 'Du må svare på dette spørsmålet.',
  choiceRequired: 'Vel eit svar.',
  numberInvalid: 'Skriv eit tal, til dømes 37,5.',
  numberTooLow: (min, unit) => `Talet må vere ${min}${unitSuffix(unit)} eller meir.`,
  numberTooHigh: (max, unit) => `Talet må vere ${max}${unitSuffix(unit)} eller mindre.`,
  numberRangeHint: (min, max, unit) => `Mellom ${min} og ${max}${unitSuffix(unit)}.`,
  dateInvalid: 'Skriv ein dato som finst, som dag, månad og år.',
  dateTooEarly: (min) => `Datoen kan ikkje vere før ${min}.`,
  dateTooLate: (max) => `Datoen kan ikkje vere etter ${max}.`,
  dateFormatHint: 'Til dømes 17 5 2026',
  dateDay: 'Dag',
  dateMonth: 'Månad',
  dateYear: 'År',
};
