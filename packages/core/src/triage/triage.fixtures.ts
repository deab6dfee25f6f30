/**
 * Named fixture protocols for tests, docs and examples. `fixtureProtocol` uses every question kind and
 * operator; `brokenProtocols` are deliberate mistakes the verifier must catch. Not clinical content.
 */
import type { LocalizedText, Protocol } from './protocol.types.js';

const t = (s: string): LocalizedText => ({ nb: `${s} (nb)`, nn: `${s} (nn)`, en: s });
const content = (s: string) => ({ advice: t(`${s} advice`), safetyNet: t(`${s} safety net`) });

export function fixtureProtocol(): Protocol {
  return {
    id: 'fixture',
    version: '1.0.0',
    title: t('Fixture'),
    audience: { ages: ['18-64-years', '65-plus-years'] },
    sources: [{ title: 'Test only', url: 'https://example.org/' }],
    authors: ['test'],
    clinicalReviewer: null,
    reviewDate: null,
    status: 'draft',
    translations: { se: 'fallback' },
    synonyms: { nb: ['test'], nn: ['test'], en: ['test'], se: ['test'] },
    searchTests: { find: ['test'], notFind: ['feber'] },
    redFlags: [
      { id: 'rf-bleeding', text: t('Heavy bleeding?'), disposition: 'call-113', whatToDoNow: t('Call 113') },
      { id: 'rf-breathing', text: t('Harder to breathe?'), disposition: 'call-116117', whatToDoNow: t('Call 116117') },
    ],
    questions: [
      { id: 'has-fever', kind: 'yes-no-dontknow', text: t('Fever?'), keyFinding: true },
      {
        id: 'temp',
        kind: 'number',
        text: t('Temperature?'),
        unit: 'Cel',
        unitLabel: t('°C'),
        min: 35,
        max: 42,
        decimals: 1,
        allowDontKnow: true,
        keyFinding: true,
        plausible: { min: 35.5, max: 41.5, floor: 'gp-same-day', reason: t('Implausible temperature') },
        enableWhen: { all: [{ question: 'has-fever', operator: 'eq', value: 'yes' }] },
      },
      { id: 'days', kind: 'duration', unit: 'days', text: t('How many days?'), min: 0, max: 30, allowDontKnow: true },
      { id: 'age', kind: 'age', text: t('Age?'), min: 16, max: 110 },
      {
        id: 'where',
        kind: 'single-choice',
        text: t('Where?'),
        allowDontKnow: true,
        options: [
          { value: 'home', label: t('Home') },
          { value: 'abroad', label: t('Abroad') },
        ],
      },
      {
        id: 'symptoms',
        kind: 'multi-choice',
        text: t('Symptoms?'),
        keyFinding: true,
        options: [
          { value: 'rash', label: t('Rash') },
          { value: 'cough', label: t('Cough') },
          { value: 'none', label: t('None'), exclusive: true },
        ],
      },
    ],
    rules: [
      { id: 'temp-high', when: { all: [{ question: 'temp', operator: 'ge', value: 40 }] }, disposition: 'call-116117', priority: 5, reason: t('40 or more') },
      {
        id: 'temp-mid',
        when: { all: [{ question: 'temp', operator: 'ge', value: 38.5 }, { question: 'temp', operator: 'lt', value: 40 }] },
        disposition: 'gp-same-day',
        priority: 3,
        reason: t('38.5 to 40'),
      },
      { id: 'long', when: { all: [{ question: 'days', operator: 'gt', value: 7 }] }, disposition: 'gp-appointment', priority: 2, reason: t('more than a week') },
      {
        id: 'old-with-fever',
        when: { all: [{ question: 'age', operator: 'ge', value: 80 }, { question: 'has-fever', operator: 'eq', value: 'yes' }] },
        disposition: 'gp-same-day',
        priority: 2,
        reason: t('80 or older with fever'),
      },
      { id: 'abroad', when: { all: [{ question: 'where', operator: 'in', value: ['abroad'] }] }, disposition: 'e-consultation', priority: 1, reason: t('abroad') },
      { id: 'rash', when: { any: [{ question: 'symptoms', operator: 'includes', value: 'rash' }] }, disposition: 'gp-same-day', priority: 1, reason: t('rash') },
      {
        id: 'mild',
        when: { all: [{ question: 'has-fever', operator: 'eq', value: 'no' }, { question: 'days', operator: 'le', value: 2 }] },
        disposition: 'self-care',
        priority: 0,
        reason: t('no fever, short'),
      },
    ],
    defaultDisposition: 'gp-appointment',
    dispositions: {
      'call-113': content('113'),
      'call-116117': content('116117'),
      'gp-same-day': content('same day'),
      'gp-appointment': content('appointment'),
      'e-consultation': content('e-consultation'),
      'self-care': content('self-care'),
    },
  };
}
