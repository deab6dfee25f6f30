/** Shared types for measurements (home readings and PROM scores). */

/** Everything the dashboard plots. Blood pressure is two kinds (systolic, diastolic) from one panel. */
export type MeasurementKind =
  | 'systolic'
  | 'diastolic'
  | 'heartRate'
  | 'respiratoryRate'
  | 'spo2'
  | 'temperature'
  | 'weight'
  | 'height'
  | 'glucose'
  | 'phq9'
  | 'gad7';

export const MEASUREMENT_KINDS: readonly MeasurementKind[] = [
  'systolic', 'diastolic', 'heartRate', 'respiratoryRate', 'spo2', 'temperature', 'weight', 'height', 'glucose', 'phq9', 'gad7',
];

/** The canonical UCUM unit each kind is stored in (CLINICAL.md section 4). */
export const CANONICAL_UNIT: Readonly<Record<MeasurementKind, string>> = {
  systolic: 'mm[Hg]',
  diastolic: 'mm[Hg]',
  heartRate: '/min',
  respiratoryRate: '/min',
  spo2: '%',
  temperature: 'Cel',
  weight: 'kg',
  height: 'cm',
  glucose: 'mmol/L',
  phq9: '{score}',
  gad7: '{score}',
};

/** One reading, in the canonical unit of its kind. */
export interface Reading {
  readonly kind: MeasurementKind;
  readonly value: number;
  /** Epoch milliseconds of `effective`. */
  readonly at: number;
  /** As written in the source (ISO 8601). */
  readonly effective: string;
  /** The Observation it came from, for `derivedFrom` (for example `Observation/123`). */
  readonly source?: string;
  /** Set for SpO2 when the source says the patient was on oxygen. */
  readonly onOxygen?: boolean;
  /**
   * PHQ-9 only, when the source says: item 9 (thoughts of self-harm) was answered above 0. CLINICAL.md
   * section 3: that flags the patient whatever the total. Undefined when the item is unknown or unanswered.
   */
  readonly selfHarm?: boolean;
}

/** A reading that was taken but has no value (`dataAbsentReason`). */
export interface AbsentReading {
  readonly kind: MeasurementKind;
  readonly at?: number;
  /** The dataAbsentReason code, for example `asked-declined`, `error`. */
  readonly reason: string;
  readonly source?: string;
  /** PHQ-9 without a total (too many items missing): item 9 may still be known, and still flags (see `Reading`). */
  readonly selfHarm?: boolean;
}

/** Three colours of the plan plus grey for missing data; never shown as colour alone (see the view). */
export type Severity = 'red' | 'yellow' | 'grey' | 'green';

/** red > yellow > grey > green (CLINICAL.md section 5 and the worklist brief). */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { red: 3, yellow: 2, grey: 1, green: 0 };
