import type { CommonMessages } from '../../messages.js';

// Northern Sami. Written by the team; needs review by a native speaker before production (docs/i18n.md).

const unitSuffix = (unit: string) => (unit ? ` ${unit}` : '');

export const common: CommonMessages = {
  languageName: 'Davvisámegiella',
  yes: 'Juo',
  no: 'Ii',
  dontKnow: 'In dieđe',
  next: 'Joatkke',
  back: 'Ruovttoluotta',
  submit: 'Sádde',
  retry: 'Geahččal ođđasit',
  loading: 'Viežžá …',
  optional: 'eaktodáhtolaš',
  errorPrefix: 'Meattáhus:',
  errorSummaryTitle: (count) => `Skovvi: ${count} meattáhus${count === 1 ? '' : 'a'}`,
  stepOf: (current, total) => `Lávki ${current} / ${total}`,
  required: 'Don fertet vástidit dán gažaldahkii.',
  choiceRequired: 'Vállje vástádusa.',
  numberInvalid: 'Čále logu, ovdamearkka dihte 37,5.',
  numberTooLow: (min, unit) => `Lohku ferte leat unnimusat ${min}${unitSuffix(unit)}.`,
  numberTooHigh: (max, unit) => `Lohku sáhttá leat eanemusat ${max}${unitSuffix(unit)}.`,
  numberRangeHint: (min, max, unit) => `${min}–${max}${unitSuffix(unit)}.`,
  dateInvalid: 'Čále beaivemeari mii gávdno: beaivi, mánnu ja jahki.',
  dateTooEarly: (min) => `Beaivi ii sáhte leat ovdal ${min}.`,
  dateTooLate: (max) => `Beaivi ii sáhte leat maŋŋel ${max}.`,
  dateFormatHint: 'Ovdamearkka dihte 17 5 2026',
  dateDay: 'Beaivi',
  dateMonth: 'Mánnu',
  dateYear: 'Jahki',
};
