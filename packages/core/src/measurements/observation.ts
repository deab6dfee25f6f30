import type { CodeableConcept, Coding, Observation, ObservationComponent, Quantity, Reference } from 'fhir/r4';
import { CANONICAL_UNIT, type AbsentReading, type MeasurementKind, type Reading } from './measurement.types.js';

/**
 * FHIR R4 Observation ⇄ readings. Codes and units from CLINICAL.md section 4.
 *
 * Unit conversions (ours, with the factor's source):
 * - [degF] → Cel: (F − 32) × 5/9; K → Cel: K − 273.15 (SI definitions).
 * - [lb_av] → kg: × 0.45359237 (exact, international avoirdupois pound, UCUM); g → kg: ÷ 1000.
 * - [in_i] → cm: × 2.54 (exact, UCUM); m → cm: × 100.
 * - mg/dL → mmol/L for glucose: ÷ 18.0156, from the molar mass of glucose C6H12O6, 180.156 g/mol
 *   (1 mg/dL = 10 mg/L = 10/180.156 mmol/L). 100 mg/dL = 5.55 mmol/L. Applied to glucose only.
 * - kPa → mm[Hg]: × 1000 / 133.3220 (≈ 7.50062). UCUM defines m[Hg] = 133.3220 kPa, so mm[Hg] = 133.3220 Pa.
 * - SpO2 as a fraction (unit `1`, value ≤ 1) → %: × 100.
 * Human spellings (mmHg, °C, bpm, mg/dl …) are read as their UCUM code. Unknown units are reported.
 */

export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';

export const LOINC_CODES = {
  bloodPressurePanel: '85354-9',
  systolic: '8480-6',
  diastolic: '8462-4',
  heartRate: '8867-4',
  respiratoryRate: '9279-1',
  spo2: '2708-6',
  spo2PulseOximetry: '59408-5',
  temperature: '8310-5',
  weight: '29463-7',
  height: '8302-2',
  glucose: '15074-8',
  glucoseMeter: '14743-9',
  phq9Total: '44261-6',
  gad7Total: '70274-6',
} as const;

const KIND_BY_LOINC: Readonly<Record<string, MeasurementKind>> = {
  '8480-6': 'systolic',
  '8462-4': 'diastolic',
  '8867-4': 'heartRate',
  '9279-1': 'respiratoryRate',
  '2708-6': 'spo2',
  '59408-5': 'spo2',
  '8310-5': 'temperature',
  '29463-7': 'weight',
  '8302-2': 'height',
  '15074-8': 'glucose',
  '14743-9': 'glucose',
  '44261-6': 'phq9',
  '70274-6': 'gad7',
};

/**
 * The LOINC codes to search for a kind's Observations (`system|code`): blood pressure comes as a panel, SpO2 and
 * glucose have two codes each (CLINICAL.md section 4).
 */
export function searchCodesFor(kind: MeasurementKind): readonly string[] {
  const codes = Object.entries(KIND_BY_LOINC).filter(([, k]) => k === kind).map(([code]) => code);
  if (kind === 'systolic' || kind === 'diastolic') codes.unshift(LOINC_CODES.bloodPressurePanel);
  return codes.map((c) => `${LOINC}|${c}`);
}

const UNIT_ALIASES: Readonly<Record<string, string>> = {
  mmhg: 'mm[Hg]',
  'mm hg': 'mm[Hg]',
  'mm[hg]': 'mm[Hg]',
  kpa: 'kPa',
  '°c': 'Cel',
  c: 'Cel',
  cel: 'Cel',
  '°f': '[degF]',
  '[degf]': '[degF]',
  f: '[degF]',
  k: 'K',
  kg: 'kg',
  g: 'g',
  lb: '[lb_av]',
  lbs: '[lb_av]',
  '[lb_av]': '[lb_av]',
  cm: 'cm',
  m: 'm',
  in: '[in_i]',
  '[in_i]': '[in_i]',
  '/min': '/min',
  bpm: '/min',
  '{beats}/min': '/min',
  '{beat}/min': '/min',
  'beats/min': '/min',
  '{breaths}/min': '/min',
  '{breath}/min': '/min',
  'breaths/min': '/min',
  '%': '%',
  '1': '1',
  'mmol/l': 'mmol/L',
  'mg/dl': 'mg/dL',
  '{score}': '{score}',
  '': '',
};

/** Conversions to the canonical unit, per canonical unit. */
const CONVERT: Readonly<Record<string, Readonly<Record<string, (v: number) => number>>>> = {
  Cel: { '[degF]': (f) => ((f - 32) * 5) / 9, K: (k) => k - 273.15 },
  kg: { '[lb_av]': (lb) => lb * 0.45359237, g: (g) => g / 1000 },
  cm: { '[in_i]': (i) => i * 2.54, m: (m) => m * 100 },
  'mmol/L': { 'mg/dL': (mg) => mg / GLUCOSE_MG_DL_PER_MMOL_L },
  'mm[Hg]': { kPa: (kpa) => kpa * MMHG_PER_KPA },
  '%': { '1': (f) => (f <= 1 ? f * 100 : Number.NaN) },
  '{score}': { '': (v) => v, '1': (v) => v },
};

/** mg/dL per mmol/L of glucose: molar mass 180.156 g/mol ÷ 10. */
export const GLUCOSE_MG_DL_PER_MMOL_L = 18.0156;
/** mm[Hg] per kPa: 1000 Pa ÷ 133.3220 Pa (UCUM's definition of mm[Hg]). */
export const MMHG_PER_KPA = 1000 / 133.322;

export type ConversionResult = { ok: true; value: number } | { ok: false; unit: string };

/** Converts a value to the canonical unit of `kind`. */
export function toCanonicalUnit(kind: MeasurementKind, value: number, unit: string | undefined): ConversionResult {
  const canonical = CANONICAL_UNIT[kind];
  const raw = (unit ?? '').trim();
  const normalized = UNIT_ALIASES[raw.toLowerCase()] ?? raw;
  if (normalized === canonical) return { ok: true, value };
  // Rates and scores may come without a unit; accept that only where the canonical unit is a count.
  if (normalized === '' && (canonical === '/min' || canonical === '{score}')) return { ok: true, value };
  const f = CONVERT[canonical]?.[normalized];
  if (!f) return { ok: false, unit: raw };
  const converted = f(value);
  return Number.isFinite(converted) ? { ok: true, value: converted } : { ok: false, unit: raw };
}

export type ObservationIssueCode =
  | 'unknownCode'
  | 'unsupportedUnit'
  | 'noValue'
  | 'noEffectiveTime'
  | 'enteredInError'
  | 'notAnObservation';

export interface ObservationIssue {
  readonly code: ObservationIssueCode;
  readonly observationId?: string;
  /** The code, unit or status that caused it. */
  readonly detail?: string;
}

export interface ReadObservationsResult {
  readonly readings: Reading[];
  readonly absent: AbsentReading[];
  readonly issues: ObservationIssue[];
}

function loincCodes(concept: CodeableConcept | undefined): string[] {
  return (concept?.coding ?? []).filter((c) => c.system === LOINC && c.code).map((c) => c.code!);
}

function kindOf(concept: CodeableConcept | undefined): MeasurementKind | undefined {
  for (const code of loincCodes(concept)) {
    const kind = KIND_BY_LOINC[code];
    if (kind) return kind;
  }
  return undefined;
}

function effectiveOf(obs: Observation): string | undefined {
  return obs.effectiveDateTime ?? obs.effectiveInstant ?? obs.effectivePeriod?.start ?? obs.effectivePeriod?.end;
}

function numericValue(holder: { valueQuantity?: Quantity; valueInteger?: number }): { value: number; unit: string | undefined } | undefined {
  // Only finite numbers are values: a string, object or NaN from a hostile source is "no value".
  if (typeof holder.valueQuantity?.value === 'number' && Number.isFinite(holder.valueQuantity.value)) {
    const q = holder.valueQuantity;
    const unit = q.system === UCUM && q.code !== undefined ? q.code : (q.code ?? q.unit);
    return { value: q.value!, unit: typeof unit === 'string' ? unit : undefined };
  }
  if (typeof holder.valueInteger === 'number' && Number.isFinite(holder.valueInteger)) return { value: holder.valueInteger, unit: undefined };
  return undefined;
}

function onOxygenOf(obs: Observation): boolean | undefined {
  // No element in CLINICAL.md says "on oxygen" for a home SpO2. Ours: a boolean component whose code
  // text mentions oxygen, if a host puts one there; otherwise unknown (NEWS2 then lists air/oxygen missing).
  const c = obs.component?.find((x) => /oxygen/i.test(x.code.text ?? ''));
  return c?.valueBoolean;
}

/** LOINC for PHQ-9 item 9 ("thoughts that you would be better off dead, or of hurting yourself"), loinc.org/44260-8. */
export const PHQ9_ITEM9_LOINC = '44260-8';
/** The component text `buildPromObservation` (@helsekit/core/scoring) gives the item-9 flag. */
export const PHQ9_ITEM9_COMPONENT_TEXT = 'PHQ-9 item 9 (thoughts of self-harm) answered above 0';

/**
 * PHQ-9 item 9 from a PHQ-9 total Observation (CLINICAL.md section 3: item 9 > 0 flags the patient whatever
 * the total). The scoring module's derived Observation carries it as a boolean component
 * (`PHQ9_ITEM9_COMPONENT_TEXT`); a component coded LOINC 44260-8 carries the item's answer (0–3). Undefined
 * when neither is there or the item was not answered.
 */
function selfHarmOf(obs: Observation): boolean | undefined {
  for (const c of obs.component ?? []) {
    if (c.code?.text === PHQ9_ITEM9_COMPONENT_TEXT && typeof c.valueBoolean === 'boolean') return c.valueBoolean;
    if (loincCodes(c.code).includes(PHQ9_ITEM9_LOINC)) {
      const v = numericValue(c);
      if (v) return v.value > 0;
    }
  }
  return undefined;
}

/**
 * Reads vital-sign and PROM-score Observations into readings. Never throws: what it cannot read it
 * reports in `issues` (unknown code, unsupported unit, no value, no time, entered-in-error).
 */
export function readObservations(observations: Iterable<unknown>): ReadObservationsResult {
  const result: ReadObservationsResult = { readings: [], absent: [], issues: [] };
  for (const o of observations) {
    if (!o || typeof o !== 'object' || (o as { resourceType?: unknown }).resourceType !== 'Observation') {
      result.issues.push({ code: 'notAnObservation' });
      continue;
    }
    // A resource that says it is an Observation but breaks its shape (a `coding` that is not an array, a
    // component without a code ...) is reported like a non-Observation, with nothing half-read kept.
    const before = [result.readings.length, result.absent.length, result.issues.length] as const;
    try {
      readOne(o as Observation, result);
    } catch {
      result.readings.length = before[0];
      result.absent.length = before[1];
      result.issues.length = before[2];
      const id = (o as { id?: unknown }).id;
      result.issues.push({ code: 'notAnObservation', ...(typeof id === 'string' ? { observationId: id } : {}), detail: 'malformed' });
    }
  }
  return result;
}

function readOne(obs: Observation, out: ReadObservationsResult): void {
  const id = obs.id;
  const base = id ? { observationId: id } : {};
  if (obs.status === 'entered-in-error' || obs.status === 'cancelled') {
    out.issues.push({ code: 'enteredInError', ...base, detail: obs.status });
    return;
  }
  const effective = effectiveOf(obs);
  const at = effective ? Date.parse(effective) : Number.NaN;
  const source = id ? `Observation/${id}` : undefined;
  const src = source ? { source } : {};
  const isPanel = loincCodes(obs.code).includes(LOINC_CODES.bloodPressurePanel);
  const parts: { kind: MeasurementKind; holder: Observation | ObservationComponent }[] = [];
  if (isPanel) {
    // Systolic and diastolic; many cuffs also put the pulse (8867-4) in the panel, so any known code is read.
    for (const c of obs.component ?? []) {
      const kind = kindOf(c.code);
      if (kind) parts.push({ kind, holder: c });
      else out.issues.push({ code: 'unknownCode', ...base, detail: loincCodes(c.code).join(',') || c.code.text });
    }
    if (!parts.some((x) => x.kind === 'systolic' || x.kind === 'diastolic')) {
      // A panel with no BP components: absent if the panel says why, otherwise no value.
      const reason = obs.dataAbsentReason?.coding?.[0]?.code;
      if (reason && !Number.isNaN(at)) for (const kind of ['systolic', 'diastolic'] as const) out.absent.push({ kind, at, reason, ...src });
      else out.issues.push({ code: 'noValue', ...base, detail: 'bloodPressure' });
      if (parts.length === 0) return;
    }
  } else {
    const kind = kindOf(obs.code);
    if (!kind) {
      out.issues.push({ code: 'unknownCode', ...base, detail: (obs.code.coding ?? []).map((c) => `${c.system ?? ''}|${c.code ?? ''}`).join(',') || obs.code.text });
      return;
    }
    parts.push({ kind, holder: obs });
  }
  if (Number.isNaN(at)) {
    out.issues.push({ code: 'noEffectiveTime', ...base });
    return;
  }
  for (const { kind, holder } of parts) {
    const v = numericValue(holder);
    if (!v) {
      // A component without a value falls back to the panel's own dataAbsentReason.
      const reason = holder.dataAbsentReason?.coding?.[0]?.code ?? obs.dataAbsentReason?.coding?.[0]?.code;
      const selfHarm = kind === 'phq9' ? selfHarmOf(obs) : undefined;
      if (reason) out.absent.push({ kind, at, reason, ...src, ...(selfHarm === undefined ? {} : { selfHarm }) });
      else out.issues.push({ code: 'noValue', ...base, detail: kind });
      continue;
    }
    const converted = toCanonicalUnit(kind, v.value, v.unit);
    if (!converted.ok) {
      out.issues.push({ code: 'unsupportedUnit', ...base, detail: converted.unit });
      continue;
    }
    const onOxygen = kind === 'spo2' ? onOxygenOf(obs) : undefined;
    const selfHarm = kind === 'phq9' ? selfHarmOf(obs) : undefined;
    out.readings.push({
      kind,
      value: converted.value,
      at,
      effective: effective!,
      ...src,
      ...(onOxygen === undefined ? {} : { onOxygen }),
      ...(selfHarm === undefined ? {} : { selfHarm }),
    });
  }
}

/** What to build an Observation from. */
export type MeasurementInput =
  | {
      readonly kind: 'bloodPressure';
      readonly systolic: number;
      readonly diastolic: number;
    }
  | {
      readonly kind: Exclude<MeasurementKind, 'systolic' | 'diastolic' | 'phq9' | 'gad7'>;
      readonly value: number;
      /** Glucose only: capillary blood by meter (14743-9) rather than blood glucose (15074-8). Default true. */
      readonly byMeter?: boolean;
    };

export type InterpretationCode = 'N' | 'L' | 'H' | 'LL' | 'HH';

export interface BuildObservationOptions {
  readonly subject: Reference;
  readonly effectiveDateTime: string;
  readonly id?: string;
  readonly device?: Reference;
  readonly interpretation?: InterpretationCode;
}

const DISPLAY: Readonly<Record<string, string>> = {
  '85354-9': 'Blood pressure panel with all children optional',
  '8480-6': 'Systolic blood pressure',
  '8462-4': 'Diastolic blood pressure',
  '8867-4': 'Heart rate',
  '9279-1': 'Respiratory rate',
  '2708-6': 'Oxygen saturation in Arterial blood',
  '59408-5': 'Oxygen saturation in Arterial blood by Pulse oximetry',
  '8310-5': 'Body temperature',
  '29463-7': 'Body weight',
  '8302-2': 'Body height',
  '15074-8': 'Glucose [Moles/volume] in Blood',
  '14743-9': 'Glucose [Moles/volume] in Capillary blood by Glucometer',
};

function loinc(code: string): Coding {
  return { system: LOINC, code, display: DISPLAY[code] };
}

function quantity(value: number, unit: string): Quantity {
  return { value, unit, system: UCUM, code: unit };
}

/** Builds a vital-sign Observation (category `vital-signs`, `effectiveDateTime`, `subject`) from a measurement. */
export function buildVitalSignObservation(input: MeasurementInput, options: BuildObservationOptions): Observation {
  const obs: Observation = {
    resourceType: 'Observation',
    ...(options.id ? { id: options.id } : {}),
    status: 'final',
    category: [{ coding: [{ system: CATEGORY, code: 'vital-signs', display: 'Vital Signs' }] }],
    code: { coding: [] },
    subject: options.subject,
    effectiveDateTime: options.effectiveDateTime,
    ...(options.device ? { device: options.device } : {}),
  };
  if (input.kind === 'bloodPressure') {
    obs.code = { coding: [loinc(LOINC_CODES.bloodPressurePanel)] };
    obs.component = [
      { code: { coding: [loinc(LOINC_CODES.systolic)] }, valueQuantity: quantity(input.systolic, 'mm[Hg]') },
      { code: { coding: [loinc(LOINC_CODES.diastolic)] }, valueQuantity: quantity(input.diastolic, 'mm[Hg]') },
    ];
  } else {
    const codes: string[] =
      input.kind === 'spo2'
        ? [LOINC_CODES.spo2, LOINC_CODES.spo2PulseOximetry]
        : input.kind === 'glucose'
          ? [input.byMeter === false ? LOINC_CODES.glucose : LOINC_CODES.glucoseMeter]
          : [LOINC_CODES[input.kind]];
    obs.code = { coding: codes.map(loinc) };
    obs.valueQuantity = quantity(input.value, CANONICAL_UNIT[input.kind]);
  }
  if (options.interpretation) obs.interpretation = [{ coding: [{ system: INTERPRETATION, code: options.interpretation }] }];
  return obs;
}
