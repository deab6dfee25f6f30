/**
 * Who the triage is about: the rules that use the who-for answers. Pure; the machine and the view call them.
 */
import {
  AGE_BANDS,
  CHILD_AGE_BANDS,
  DONT_KNOW,
  SEXES,
  type AgeBand,
  type Answers,
  type LocalizedText,
  type Protocol,
  type TriagePerson,
} from './protocol.types.js';

/** Bands for which the who-for screen asks about pregnancy (women and "annet"). */
export const PREGNANCY_AGE_BANDS: readonly AgeBand[] = ['13-17-years', '18-64-years'];

export const AGE_BAND_LABELS: Readonly<Record<AgeBand, LocalizedText>> = {
  'under-3-months': { nb: 'Under 3 måneder', nn: 'Under 3 månader', en: 'Under 3 months', se: 'Vuollel 3 mánu' },
  '3-11-months': { nb: '3–11 måneder', nn: '3–11 månader', en: '3–11 months', se: '3–11 mánu' },
  '1-4-years': { nb: '1–4 år', nn: '1–4 år', en: '1–4 years', se: '1–4 jagi' },
  '5-12-years': { nb: '5–12 år', nn: '5–12 år', en: '5–12 years', se: '5–12 jagi' },
  '13-17-years': { nb: '13–17 år', nn: '13–17 år', en: '13–17 years', se: '13–17 jagi' },
  '18-64-years': { nb: '18–64 år', nn: '18–64 år', en: '18–64 years', se: '18–64 jagi' },
  '65-plus-years': { nb: '65 år eller eldre', nn: '65 år eller eldre', en: '65 or older', se: '65 jagi dahje boarrásit' },
};

export const SEX_LABELS: Readonly<Record<(typeof SEXES)[number], LocalizedText>> = {
  female: { nb: 'Kvinne / jente', nn: 'Kvinne / jente', en: 'Female', se: 'Nisu / nieida' },
  male: { nb: 'Mann / gutt', nn: 'Mann / gut', en: 'Male', se: 'Dievdu / bárdni' },
  other: { nb: 'Annet, eller vil ikke svare', nn: 'Anna, eller vil ikkje svare', en: 'Other, or prefer not to say', se: 'Eará' },
};

/** The band for an age in whole years (a number typed instead of a band); months for infants. */
export function ageBandOf(years: number, months = 0): AgeBand {
  const totalMonths = years * 12 + months;
  if (totalMonths < 3) return 'under-3-months';
  if (totalMonths < 12) return '3-11-months';
  if (years < 5) return '1-4-years';
  if (years < 13) return '5-12-years';
  if (years < 18) return '13-17-years';
  if (years < 65) return '18-64-years';
  return '65-plus-years';
}

export function isChild(person: Pick<TriagePerson, 'ageBand'>): boolean {
  return CHILD_AGE_BANDS.includes(person.ageBand);
}

/**
 * Questions read "Har barnet …" when someone answers for a child under 18, and always for a child under 13 (who
 * rarely answers alone).
 */
export function usesChildWording(person: TriagePerson | null | undefined): boolean {
  if (!person || !isChild(person)) return false;
  return person.who === 'other' || person.ageBand !== '13-17-years';
}

export function asksPregnancy(person: Pick<TriagePerson, 'ageBand' | 'sex'>): boolean {
  return person.sex !== 'male' && PREGNANCY_AGE_BANDS.includes(person.ageBand);
}

/** True when the who-for answers are complete and consistent (the machine refuses others). */
export function isValidPerson(value: unknown): value is TriagePerson {
  const p = value as Partial<TriagePerson> | null;
  if (!p || (p.who !== 'self' && p.who !== 'other') || !AGE_BANDS.includes(p.ageBand as AgeBand)) return false;
  if (p.sex !== undefined && !SEXES.includes(p.sex)) return false;
  if (p.pregnant !== undefined && !['yes', 'no', DONT_KNOW].includes(p.pregnant)) return false;
  if (p.pregnant !== undefined && p.pregnant !== 'no' && !asksPregnancy(p as TriagePerson)) return false;
  return true;
}

/** Whether someone who is or may be pregnant: "vet ikke" counts as may be. */
export function mayBePregnant(person: TriagePerson): boolean {
  return person.pregnant === 'yes' || person.pregnant === DONT_KNOW;
}

/** Whether a protocol is written for this person (the reason list offers only those). */
export function fitsAudience(protocol: Pick<Protocol, 'audience'>, person: TriagePerson | null): boolean {
  const audience = protocol.audience;
  if (!person) return true;
  if (!Array.isArray(audience?.ages) || !audience.ages.includes(person.ageBand)) return false;
  // "Annet" (or no answer) is offered protocols of either sex: never refuse, never guess.
  if (audience.sex && person.sex && person.sex !== 'other' && person.sex !== audience.sex) return false;
  if (audience.pregnant === true && !mayBePregnant(person)) return false;
  if (audience.pregnant === false && person.pregnant === 'yes') return false;
  return true;
}

/** The who-for answers under the reserved question ids (`PERSON_QUESTION_IDS`). */
export function personAnswers(person: TriagePerson): Answers {
  return {
    'age-band': person.ageBand,
    sex: person.sex ?? 'other',
    pregnant: asksPregnancy(person) ? (person.pregnant ?? DONT_KNOW) : 'no',
  };
}
