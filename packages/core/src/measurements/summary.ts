import type { Observation, ObservationComponent, Reference } from 'fhir/r4';
import { CANONICAL_UNIT, type MeasurementKind, type Reading } from './measurement.types.js';
import { LOINC, LOINC_CODES, UCUM } from './observation.js';

/**
 * A shareable summary per measurement and period (min, max, mean, last, count) as FHIR Observations:
 * one Observation per kind, code = the measurement's LOINC code, `effectivePeriod` = the period, the
 * statistics as components and `derivedFrom` the readings. Statistic codes: our own CodeSystem
 * (`SUMMARY_STATISTIC_SYSTEM`), plus the matching HL7 observation-statistics code where one exists (there
 * is none for "last"). The mean is not rounded here; the view rounds for display.
 */

export const SUMMARY_STATISTIC_SYSTEM = 'https://helsekit.no/fhir/CodeSystem/summary-statistic';
const HL7_STATISTICS = 'http://terminology.hl7.org/CodeSystem/observation-statistics';

export interface SummaryStats {
  readonly kind: MeasurementKind;
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly last: Reading;
  readonly first: Reading;
  readonly sources: readonly string[];
}

export interface Period {
  readonly start: number;
  readonly end: number;
}

/** Statistics per kind for readings with start ≤ at ≤ end. Kinds without readings are left out. */
export function summarize(readings: readonly Reading[], period: Period): Map<MeasurementKind, SummaryStats> {
  const acc = new Map<MeasurementKind, { count: number; min: number; max: number; sum: number; last: Reading; first: Reading; sources: string[] }>();
  for (const r of readings) {
    if (r.at < period.start || r.at > period.end || !Number.isFinite(r.value)) continue;
    const a = acc.get(r.kind);
    if (!a) {
      acc.set(r.kind, { count: 1, min: r.value, max: r.value, sum: r.value, last: r, first: r, sources: r.source ? [r.source] : [] });
      continue;
    }
    a.count++;
    a.sum += r.value;
    if (r.value < a.min) a.min = r.value;
    if (r.value > a.max) a.max = r.value;
    if (r.at >= a.last.at) a.last = r;
    if (r.at < a.first.at) a.first = r;
    if (r.source) a.sources.push(r.source);
  }
  const out = new Map<MeasurementKind, SummaryStats>();
  for (const [kind, a] of acc) {
    out.set(kind, { kind, count: a.count, min: a.min, max: a.max, mean: a.sum / a.count, last: a.last, first: a.first, sources: [...new Set(a.sources)] });
  }
  return out;
}

const KIND_LOINC: Partial<Record<MeasurementKind, string>> = {
  systolic: LOINC_CODES.systolic,
  diastolic: LOINC_CODES.diastolic,
  heartRate: LOINC_CODES.heartRate,
  respiratoryRate: LOINC_CODES.respiratoryRate,
  spo2: LOINC_CODES.spo2,
  temperature: LOINC_CODES.temperature,
  weight: LOINC_CODES.weight,
  height: LOINC_CODES.height,
  glucose: LOINC_CODES.glucose,
  phq9: LOINC_CODES.phq9Total,
  gad7: LOINC_CODES.gad7Total,
};

function statistic(code: 'minimum' | 'maximum' | 'mean' | 'last' | 'count', display: string, hl7?: string): ObservationComponent['code'] {
  return {
    coding: [{ system: SUMMARY_STATISTIC_SYSTEM, code, display }, ...(hl7 ? [{ system: HL7_STATISTICS, code: hl7 }] : [])],
    text: display,
  };
}

export interface SummaryObservationOptions {
  readonly subject: Reference;
  readonly period: Period;
  /** Defaults to now; the time the summary was made. */
  readonly issued?: string;
}

/** One summary Observation per kind with readings in the period. */
export function buildSummaryObservations(readings: readonly Reading[], options: SummaryObservationOptions): Observation[] {
  const stats = summarize(readings, options.period);
  const out: Observation[] = [];
  for (const s of stats.values()) {
    const unit = CANONICAL_UNIT[s.kind];
    const q = (value: number) => ({ value, unit, system: UCUM, code: unit });
    const loinc = KIND_LOINC[s.kind];
    out.push({
      resourceType: 'Observation',
      status: 'final',
      category: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/observation-category',
              code: s.kind === 'phq9' || s.kind === 'gad7' ? 'survey' : 'vital-signs',
            },
          ],
        },
      ],
      code: { ...(loinc ? { coding: [{ system: LOINC, code: loinc }] } : {}), text: `${s.kind} summary` },
      subject: options.subject,
      effectivePeriod: { start: new Date(options.period.start).toISOString(), end: new Date(options.period.end).toISOString() },
      ...(options.issued ? { issued: options.issued } : {}),
      component: [
        { code: statistic('minimum', 'Minimum', 'minimum'), valueQuantity: q(s.min) },
        { code: statistic('maximum', 'Maximum', 'maximum'), valueQuantity: q(s.max) },
        { code: statistic('mean', 'Mean', 'average'), valueQuantity: q(s.mean) },
        { code: statistic('last', 'Last'), valueQuantity: q(s.last.value) },
        { code: statistic('count', 'Count', 'count'), valueInteger: s.count },
      ],
      derivedFrom: s.sources.map((reference) => ({ reference })),
    });
  }
  return out;
}
