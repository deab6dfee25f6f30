import type { Observation, Reference } from 'fhir/r4';
import type { MeasurementKind, Reading } from './measurement.types.js';

/**
 * NEWS2, exactly per CLINICAL.md section 2 (Royal College of Physicians 2017).
 * Attribution: "NEWS2 © Royal College of Physicians 2017"; our displays say "based on NEWS2".
 *
 * Our decisions (also in docs/clinical-decisions.md):
 * 1. Rounding. The chart is in whole numbers for respiration rate, SpO2, systolic BP and pulse, and in
 *    0.1 °C for temperature. A value between chart steps is first rounded to the chart's precision,
 *    half away from zero, on the value as written in decimal (not on its binary float): 35.05 °C → 35.1
 *    (score 1), 35.04 → 35.0 (score 3), 20.5 /min → 21 (score 2), 90.5 mmHg → 91 (score 2). We remove
 *    binary representation error by taking 12 significant digits before rounding, so 35.05 (stored as
 *    35.04999…) rounds like the 35.05 the patient typed. `toFixed(1)` would give 35.0 here; we do not use it.
 * 2. Grouping. One set is the newest reading of each parameter taken within
 *    `NEWS2_GROUPING_WINDOW_MINUTES` (30) of the newest reading of any NEWS2 parameter. Older readings
 *    are left out, and the parameter is then missing; the set carries its time span.
 * 3. Partial sets. If any parameter is missing the result is `partial`: the sum of what is there, the
 *    list of what is missing, and a `minimumBand` that is explicitly "at least" (missing parameters can
 *    only add points). A partial set never has a `total` or a `band`.
 * 4. Not applicable under 16 years or in pregnancy, when the host tells us so. An unknown age or
 *    pregnancy status is scored (the host decides whether to show it); the result says what was unknown.
 * 5. SpO2 Scale 2 is a per-patient clinician setting passed in `settings.spo2Scale`; the result carries
 *    the scale. On Scale 2, SpO2 ≥ 93 % cannot be scored without knowing air or oxygen: SpO2 is then
 *    missing too.
 */

export type News2Parameter = 'respiratoryRate' | 'spo2' | 'airOrOxygen' | 'systolic' | 'pulse' | 'consciousness' | 'temperature';

export const NEWS2_PARAMETERS: readonly News2Parameter[] = [
  'respiratoryRate', 'spo2', 'airOrOxygen', 'systolic', 'pulse', 'consciousness', 'temperature',
];

/** ACVPU: Alert, new Confusion, Voice, Pain, Unresponsive. */
export type Acvpu = 'A' | 'C' | 'V' | 'P' | 'U';

export type Spo2Scale = 1 | 2;

export type News2Band = 'low' | 'lowMedium' | 'medium' | 'high';

export const NEWS2_BAND_RANK: Readonly<Record<News2Band, number>> = { low: 0, lowMedium: 1, medium: 2, high: 3 };

export const NEWS2_GROUPING_WINDOW_MINUTES = 30;

export const SNOMED = 'http://snomed.info/sct';

/**
 * SNOMED CT codes from CLINICAL.md: the total, and the sub-scores CLINICAL.md names (respiration and
 * temperature). The other sub-score codes lie between them but are not listed in CLINICAL.md, so they
 * are not shipped until checked against the SNOMED CT UK edition.
 */
export const NEWS2_SNOMED: {
  readonly total: string;
  readonly subScores: Readonly<Partial<Record<News2Parameter, string>>>;
} = {
  total: '1104051000000101',
  subScores: { respiratoryRate: '1104301000000104', temperature: '1104371000000107' },
};

/** One NEWS2 observation set. Any parameter may be missing. */
export interface News2Set {
  readonly respiratoryRate?: number;
  readonly spo2?: number;
  /** true = on supplemental oxygen, false = on air. */
  readonly onOxygen?: boolean;
  readonly systolic?: number;
  readonly pulse?: number;
  readonly consciousness?: Acvpu;
  readonly temperature?: number;
}

export interface News2Settings {
  /** Per-patient clinician setting. Default 1. */
  readonly spo2Scale?: Spo2Scale;
  readonly ageYears?: number;
  readonly pregnant?: boolean;
}

export interface News2SubScore {
  readonly parameter: News2Parameter;
  /** The value as given (boolean for air/oxygen, a letter for ACVPU). */
  readonly value: number | boolean | Acvpu;
  /** The value after rounding to the chart's precision (numbers only). */
  readonly rounded?: number;
  readonly score: 0 | 1 | 2 | 3;
  readonly snomed?: string;
}

interface News2Common {
  readonly scale: Spo2Scale;
  readonly subScores: readonly News2SubScore[];
  /** Some parameter scored 3. */
  readonly hasSingle3: boolean;
  /** What the host did not tell us (age, pregnancy). */
  readonly unknownEligibility: readonly ('age' | 'pregnancy')[];
}

export interface News2Complete extends News2Common {
  readonly status: 'complete';
  readonly total: number;
  readonly band: News2Band;
}

export interface News2Partial extends News2Common {
  readonly status: 'partial';
  /** Sum of the parameters present: a lower bound, never a NEWS2 total. */
  readonly partialTotal: number;
  /** The band is at least this; missing parameters can only raise it. */
  readonly minimumBand: News2Band;
  readonly missing: readonly News2Parameter[];
}

export interface News2NotApplicable {
  readonly status: 'notApplicable';
  readonly reason: 'under16' | 'pregnant';
}

export type News2Result = News2Complete | News2Partial | News2NotApplicable;

/**
 * Rounds half away from zero to `decimals`, on the decimal value (12 significant digits first, so binary
 * float error does not decide: 35.05 → 35.1, 1.005 → 1.01).
 */
export function roundHalfAwayFromZero(value: number, decimals = 0): number {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(12));
  const rounded = Math.floor(scaled + 0.5) / factor;
  return value < 0 ? -rounded : rounded;
}

type Score = 0 | 1 | 2 | 3;

export function scoreRespiratoryRate(rate: number): Score {
  const r = roundHalfAwayFromZero(rate);
  if (r <= 8) return 3;
  if (r <= 11) return 1;
  if (r <= 20) return 0;
  if (r <= 24) return 2;
  return 3;
}

/** SpO2 score. Scale 2 needs `onOxygen` for values ≥ 93 %; returns undefined when it is unknown. */
export function scoreSpo2(spo2: number, scale: Spo2Scale, onOxygen?: boolean): Score | undefined {
  const s = roundHalfAwayFromZero(spo2);
  if (scale === 1) {
    if (s <= 91) return 3;
    if (s <= 93) return 2;
    if (s <= 95) return 1;
    return 0;
  }
  if (s <= 83) return 3;
  if (s <= 85) return 2;
  if (s <= 87) return 1;
  if (s <= 92) return 0;
  if (onOxygen === undefined) return undefined;
  if (!onOxygen) return 0;
  if (s <= 94) return 1;
  if (s <= 96) return 2;
  return 3;
}

export const scoreAirOrOxygen = (onOxygen: boolean): Score => (onOxygen ? 2 : 0);

export function scoreSystolic(systolic: number): Score {
  const s = roundHalfAwayFromZero(systolic);
  if (s <= 90) return 3;
  if (s <= 100) return 2;
  if (s <= 110) return 1;
  if (s <= 219) return 0;
  return 3;
}

export function scorePulse(pulse: number): Score {
  const p = roundHalfAwayFromZero(pulse);
  if (p <= 40) return 3;
  if (p <= 50) return 1;
  if (p <= 90) return 0;
  if (p <= 110) return 1;
  if (p <= 130) return 2;
  return 3;
}

export const scoreConsciousness = (acvpu: Acvpu): Score => (acvpu === 'A' ? 0 : 3);

export function scoreTemperature(celsius: number): Score {
  const t = roundHalfAwayFromZero(celsius, 1);
  if (t <= 35.0) return 3;
  if (t <= 36.0) return 1;
  if (t <= 38.0) return 0;
  if (t <= 39.0) return 1;
  return 2;
}

/** Band from a total and whether any single parameter scored 3 (CLINICAL.md section 2). */
export function news2Band(total: number, hasSingle3: boolean): News2Band {
  if (total >= 7) return 'high';
  if (total >= 5) return 'medium';
  if (hasSingle3) return 'lowMedium';
  return 'low';
}

/** Scores one set. Partial sets come back as `partial`, never with a total. */
export function scoreNews2(set: News2Set, settings: News2Settings = {}): News2Result {
  if (settings.ageYears !== undefined && settings.ageYears < 16) return { status: 'notApplicable', reason: 'under16' };
  if (settings.pregnant === true) return { status: 'notApplicable', reason: 'pregnant' };
  const scale: Spo2Scale = settings.spo2Scale ?? 1;
  const subScores: News2SubScore[] = [];
  const missing: News2Parameter[] = [];
  const add = (parameter: News2Parameter, value: number | boolean | Acvpu, score: Score | undefined, decimals?: number) => {
    if (score === undefined) {
      missing.push(parameter);
      return;
    }
    const snomed = NEWS2_SNOMED.subScores[parameter];
    subScores.push({
      parameter,
      value,
      ...(typeof value === 'number' ? { rounded: roundHalfAwayFromZero(value, decimals ?? 0) } : {}),
      score,
      ...(snomed ? { snomed } : {}),
    });
  };
  const present = (v: unknown): boolean => v !== undefined && v !== null && !(typeof v === 'number' && !Number.isFinite(v));

  if (present(set.respiratoryRate)) add('respiratoryRate', set.respiratoryRate!, scoreRespiratoryRate(set.respiratoryRate!));
  else missing.push('respiratoryRate');
  if (present(set.spo2)) add('spo2', set.spo2!, scoreSpo2(set.spo2!, scale, set.onOxygen));
  else missing.push('spo2');
  if (present(set.onOxygen)) add('airOrOxygen', set.onOxygen!, scoreAirOrOxygen(set.onOxygen!));
  else missing.push('airOrOxygen');
  if (present(set.systolic)) add('systolic', set.systolic!, scoreSystolic(set.systolic!));
  else missing.push('systolic');
  if (present(set.pulse)) add('pulse', set.pulse!, scorePulse(set.pulse!));
  else missing.push('pulse');
  if (present(set.consciousness)) add('consciousness', set.consciousness!, scoreConsciousness(set.consciousness!));
  else missing.push('consciousness');
  if (present(set.temperature)) add('temperature', set.temperature!, scoreTemperature(set.temperature!), 1);
  else missing.push('temperature');

  const sum = subScores.reduce((s, x) => s + x.score, 0);
  const hasSingle3 = subScores.some((x) => x.score === 3);
  const unknownEligibility: ('age' | 'pregnancy')[] = [];
  if (settings.ageYears === undefined) unknownEligibility.push('age');
  if (settings.pregnant === undefined) unknownEligibility.push('pregnancy');
  const order = (p: News2Parameter) => NEWS2_PARAMETERS.indexOf(p);
  missing.sort((a, b) => order(a) - order(b));
  const common = { scale, subScores, hasSingle3, unknownEligibility };
  if (missing.length > 0) return { status: 'partial', ...common, partialTotal: sum, minimumBand: news2Band(sum, hasSingle3), missing };
  return { status: 'complete', ...common, total: sum, band: news2Band(sum, hasSingle3) };
}

const KIND_TO_PARAMETER: Partial<Record<MeasurementKind, News2Parameter>> = {
  respiratoryRate: 'respiratoryRate',
  spo2: 'spo2',
  systolic: 'systolic',
  heartRate: 'pulse',
  temperature: 'temperature',
};

export interface TimedValue<T> {
  readonly value: T;
  readonly at: number;
}

export interface News2GroupOptions {
  /** Default `NEWS2_GROUPING_WINDOW_MINUTES`. */
  readonly windowMinutes?: number;
  /** ACVPU and air/oxygen rarely come as readings; the host may add them with their time. */
  readonly consciousness?: TimedValue<Acvpu>;
  readonly onOxygen?: TimedValue<boolean>;
  /** Only readings at or before this time are used (default: all). */
  readonly now?: number;
}

export interface News2Group {
  readonly set: News2Set;
  /** Oldest and newest time of the values used; undefined when nothing was found. */
  readonly from?: number;
  readonly to?: number;
  /** Which reading (or host value) each parameter came from. */
  readonly sources: Readonly<Partial<Record<News2Parameter, { readonly at: number; readonly source?: string }>>>;
  /** Parameters that had a value, but only older than the window. */
  readonly outsideWindow: readonly News2Parameter[];
}

/**
 * Groups readings into one NEWS2 set (decision 2 above): anchor on the newest NEWS2 value, take the
 * newest value of each parameter within the window before it. Air/oxygen comes from `options.onOxygen`
 * or from the SpO2 reading's own `onOxygen`.
 */
export function groupNews2Set(readings: readonly Reading[], options: News2GroupOptions = {}): News2Group {
  const windowMs = (options.windowMinutes ?? NEWS2_GROUPING_WINDOW_MINUTES) * 60_000;
  const now = options.now ?? Number.POSITIVE_INFINITY;
  type Entry = { value: number | boolean | Acvpu; at: number; source?: string };
  const newest = new Map<News2Parameter, Entry>();
  const offer = (p: News2Parameter, e: Entry) => {
    if (e.at > now) return;
    const cur = newest.get(p);
    if (!cur || e.at > cur.at) newest.set(p, e);
  };
  for (const r of readings) {
    const p = KIND_TO_PARAMETER[r.kind];
    if (!p) continue;
    offer(p, { value: r.value, at: r.at, ...(r.source ? { source: r.source } : {}) });
  }
  if (options.consciousness) offer('consciousness', options.consciousness);
  const spo2 = readings.filter((r) => r.kind === 'spo2' && r.onOxygen !== undefined && r.at <= now).sort((a, b) => b.at - a.at)[0];
  if (options.onOxygen) offer('airOrOxygen', options.onOxygen);
  else if (spo2) offer('airOrOxygen', { value: spo2.onOxygen!, at: spo2.at, ...(spo2.source ? { source: spo2.source } : {}) });

  let anchor = Number.NEGATIVE_INFINITY;
  for (const e of newest.values()) anchor = Math.max(anchor, e.at);
  const set: Record<string, unknown> = {};
  const sources: Partial<Record<News2Parameter, { at: number; source?: string }>> = {};
  const outsideWindow: News2Parameter[] = [];
  let from: number | undefined;
  for (const p of NEWS2_PARAMETERS) {
    const e = newest.get(p);
    if (!e) continue;
    if (e.at < anchor - windowMs) {
      outsideWindow.push(p);
      continue;
    }
    set[p === 'airOrOxygen' ? 'onOxygen' : p] = e.value;
    sources[p] = { at: e.at, ...(e.source ? { source: e.source } : {}) };
    from = from === undefined ? e.at : Math.min(from, e.at);
  }
  return {
    set: set as News2Set,
    ...(from === undefined ? {} : { from, to: anchor }),
    sources,
    outsideWindow,
  };
}

export interface News2ObservationOptions {
  readonly subject: Reference;
  /** When the set was taken (for example the group's `to`). */
  readonly effectiveDateTime: string;
  /** The readings the set came from (`Observation/…`). */
  readonly derivedFrom?: readonly string[];
  /** Band text, localized by the caller; default English. */
  readonly bandText?: string;
}

const BAND_TEXT: Record<News2Band, string> = { low: 'Low', lowMedium: 'Low–medium', medium: 'Medium', high: 'High' };

/**
 * An Observation for a complete NEWS2 score: SNOMED CT total code, the total as `valueInteger`, one
 * component per parameter (SNOMED code where CLINICAL.md gives one, otherwise text only), the band as
 * interpretation text, the scale and attribution in a note. A partial set gets no Observation: it is
 * not a NEWS2 score (decision 3).
 */
export function buildNews2Observation(result: News2Complete, options: News2ObservationOptions): Observation {
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: SNOMED, code: NEWS2_SNOMED.total }], text: 'NEWS2 total score' },
    subject: options.subject,
    effectiveDateTime: options.effectiveDateTime,
    valueInteger: result.total,
    interpretation: [{ text: options.bandText ?? BAND_TEXT[result.band] }],
    component: result.subScores.map((s) => ({
      code: { ...(s.snomed ? { coding: [{ system: SNOMED, code: s.snomed }] } : {}), text: `NEWS2 ${s.parameter} score` },
      valueInteger: s.score,
    })),
    note: [{ text: `Based on NEWS2, SpO2 scale ${result.scale}. NEWS2 © Royal College of Physicians 2017.` }],
    ...(options.derivedFrom && options.derivedFrom.length > 0 ? { derivedFrom: options.derivedFrom.map((reference) => ({ reference })) } : {}),
  };
}
