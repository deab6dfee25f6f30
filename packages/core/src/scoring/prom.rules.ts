/**
 * PROM scoring: PHQ-9, GAD-7, PHQ-2 and GAD-2 (CLINICAL.md section 3). Pure functions, no FHIR here
 * (see `prom.fhir.ts`).
 *
 * Our decisions (also in docs/clinical-decisions.md):
 * - Missing items: CLINICAL.md gives the rule for PHQ-9 (1–2 missing: use the mean of the answered items;
 *   more missing: no score). We apply the same rule to GAD-7. PHQ-2 and GAD-2 have two items, so one
 *   missing item leaves half the screen: they are never prorated.
 * - Prorating: total = (sum of answered) × (number of items) / (number answered), rounded half up to an
 *   integer (all values are positive, so half up = half away from zero). Computed in integer arithmetic,
 *   so no binary rounding error: 13 over 8 answered PHQ-9 items = 14.625 → 15; 12 over 8 = 13.5 → 14.
 *   The band is taken from the rounded total. The result says it was prorated.
 * - PHQ-9 item 9 (thoughts of self-harm) > 0 flags the patient whatever the total, also when there is no
 *   total. An unanswered item 9 is reported as `unanswered`, never as negative.
 */

export type PromInstrumentId = 'phq9' | 'gad7' | 'phq2' | 'gad2';

/** One item answer: 0–3, or null/undefined when not answered. */
export type ItemAnswer = number | null | undefined;

/**
 * Item answers keyed by 1-based item number (`{ 1: 0, 2: 3 }`) or as an array in item order (index 0 =
 * item 1).
 */
export type ItemAnswers = readonly ItemAnswer[] | Readonly<Record<number, ItemAnswer>>;

export type PromBand = 'minimal' | 'mild' | 'moderate' | 'moderatelySevere' | 'severe' | 'negative' | 'positive';

export interface PromBandRange {
  readonly band: PromBand;
  readonly min: number;
  readonly max: number;
}

export interface Coding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

export interface PromInstrument {
  readonly id: PromInstrumentId;
  readonly name: string;
  readonly itemCount: number;
  readonly maxTotal: number;
  /** How many items may be missing and still be prorated (0 = never). */
  readonly maxMissing: number;
  readonly bands: readonly PromBandRange[];
  /** LOINC panel and total codes, where CLINICAL.md names them. */
  readonly panel?: Coding;
  readonly total?: Coding;
}

export const LOINC = 'http://loinc.org';

export const PHQ9: PromInstrument = {
  id: 'phq9',
  name: 'PHQ-9',
  itemCount: 9,
  maxTotal: 27,
  maxMissing: 2,
  bands: [
    { band: 'minimal', min: 0, max: 4 },
    { band: 'mild', min: 5, max: 9 },
    { band: 'moderate', min: 10, max: 14 },
    { band: 'moderatelySevere', min: 15, max: 19 },
    { band: 'severe', min: 20, max: 27 },
  ],
  panel: { system: LOINC, code: '44249-1', display: 'PHQ-9 quick depression assessment panel' },
  total: { system: LOINC, code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score' },
};

export const GAD7: PromInstrument = {
  id: 'gad7',
  name: 'GAD-7',
  itemCount: 7,
  maxTotal: 21,
  // Our decision: the PHQ-9 missing-item rule, applied to GAD-7 (CLINICAL.md states it for PHQ-9 only).
  maxMissing: 2,
  bands: [
    { band: 'minimal', min: 0, max: 4 },
    { band: 'mild', min: 5, max: 9 },
    { band: 'moderate', min: 10, max: 14 },
    { band: 'severe', min: 15, max: 21 },
  ],
  panel: { system: LOINC, code: '69737-5', display: 'Generalized anxiety disorder 7 item (GAD-7)' },
  total: { system: LOINC, code: '70274-6', display: 'Generalized anxiety disorder 7 item (GAD-7) total score' },
};

// PHQ-2 and GAD-2: CLINICAL.md names no LOINC codes, so none are shipped.
export const PHQ2: PromInstrument = {
  id: 'phq2',
  name: 'PHQ-2',
  itemCount: 2,
  maxTotal: 6,
  maxMissing: 0,
  bands: [
    { band: 'negative', min: 0, max: 2 },
    { band: 'positive', min: 3, max: 6 },
  ],
};

export const GAD2: PromInstrument = { ...PHQ2, id: 'gad2', name: 'GAD-2' };

export const PROM_INSTRUMENTS: Readonly<Record<PromInstrumentId, PromInstrument>> = {
  phq9: PHQ9,
  gad7: GAD7,
  phq2: PHQ2,
  gad2: GAD2,
};

/** Why there is no score. */
export type PromNoScoreReason = 'tooManyMissing' | 'invalidAnswer';

export type SelfHarmFlag = 'positive' | 'negative' | 'unanswered';

export interface PromScoreBase {
  readonly instrument: PromInstrumentId;
  /** 1-based numbers of the unanswered items. */
  readonly missingItems: readonly number[];
  readonly answeredCount: number;
  /** PHQ-9 only: item 9 > 0 flags the patient, whatever the total. */
  readonly selfHarm?: SelfHarmFlag;
}

export interface PromScored extends PromScoreBase {
  readonly status: 'scored';
  readonly total: number;
  /** Sum of the answered items, before prorating. */
  readonly rawSum: number;
  readonly prorated: boolean;
  readonly band: PromBand;
  /** GAD-7 ≥ 10 (further evaluation); PHQ-2/GAD-2 ≥ 3 (positive screen). Undefined for PHQ-9. */
  readonly furtherEvaluation?: boolean;
}

export interface PromNotScored extends PromScoreBase {
  readonly status: 'notScored';
  readonly reason: PromNoScoreReason;
  /** For `invalidAnswer`: the 1-based items whose answer is not an integer 0–3. */
  readonly invalidItems?: readonly number[];
}

export type PromScore = PromScored | PromNotScored;

function answerAt(answers: ItemAnswers, item: number): ItemAnswer {
  return Array.isArray(answers) ? (answers as readonly ItemAnswer[])[item - 1] : (answers as Record<number, ItemAnswer>)[item];
}

/** Band for a total, or undefined when the total is outside the instrument's range. */
export function promBand(instrument: PromInstrument, total: number): PromBand | undefined {
  return instrument.bands.find((b) => total >= b.min && total <= b.max)?.band;
}

/** Integer (sum × n / answered), rounded half up, in exact integer arithmetic. */
export function prorate(sum: number, itemCount: number, answered: number): number {
  return Math.floor((2 * sum * itemCount + answered) / (2 * answered));
}

/** Scores one instrument from its item answers. Never throws; bad input gives `notScored` with a reason. */
export function scoreProm(instrumentOrId: PromInstrument | PromInstrumentId, answers: ItemAnswers): PromScore {
  const instrument = typeof instrumentOrId === 'string' ? PROM_INSTRUMENTS[instrumentOrId] : instrumentOrId;
  const missingItems: number[] = [];
  const invalidItems: number[] = [];
  let sum = 0;
  for (let item = 1; item <= instrument.itemCount; item++) {
    const a = answerAt(answers, item);
    if (a === null || a === undefined) missingItems.push(item);
    else if (!Number.isInteger(a) || a < 0 || a > 3) invalidItems.push(item);
    else sum += a;
  }
  const answeredCount = instrument.itemCount - missingItems.length - invalidItems.length;
  let selfHarm: SelfHarmFlag | undefined;
  if (instrument.id === 'phq9') {
    const a9 = answerAt(answers, 9);
    selfHarm = typeof a9 === 'number' && a9 > 0 ? 'positive' : a9 === 0 ? 'negative' : 'unanswered';
  }
  const base = { instrument: instrument.id, missingItems, answeredCount, ...(selfHarm ? { selfHarm } : {}) };
  if (invalidItems.length > 0) return { ...base, status: 'notScored', reason: 'invalidAnswer', invalidItems };
  if (missingItems.length > instrument.maxMissing) return { ...base, status: 'notScored', reason: 'tooManyMissing' };
  const prorated = missingItems.length > 0;
  const total = prorated ? prorate(sum, instrument.itemCount, answeredCount) : sum;
  const band = promBand(instrument, total)!;
  const furtherEvaluation = instrument.id === 'gad7' ? total >= 10 : instrument.id === 'phq9' ? undefined : total >= 3;
  return {
    ...base,
    status: 'scored',
    total,
    rawSum: sum,
    prorated,
    band,
    ...(furtherEvaluation === undefined ? {} : { furtherEvaluation }),
  };
}

export const scorePhq9 = (answers: ItemAnswers) => scoreProm(PHQ9, answers);
export const scoreGad7 = (answers: ItemAnswers) => scoreProm(GAD7, answers);
export const scorePhq2 = (answers: ItemAnswers) => scoreProm(PHQ2, answers);
export const scoreGad2 = (answers: ItemAnswers) => scoreProm(GAD2, answers);
