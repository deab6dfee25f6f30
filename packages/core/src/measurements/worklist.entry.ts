import type { Flag } from 'fhir/r4';
import type { Formatter } from '../i18n/format.js';
import { formatValue, reasonText, type MeasurementViewMessages } from './dashboard.view.js';
import { SEVERITY_RANK, type AbsentReading, type MeasurementKind, type Reading } from './measurement.types.js';
import { concernOf, type ConcernReason } from './concern.rules.js';
import { evaluatePlan, withPromBands, type MeasurementStatus, type PatientPlan } from './plan.js';
import { trendOf, type TrendDirection } from './trend.rules.js';
import type { AlertAction, AlertState, WorklistPatient } from './worklist.js';

type Messages = MeasurementViewMessages;

/**
 * From a patient's readings to one worklist row (with the rule that fired, the last reading and a trend),
 * and alert states to and from FHIR `Flag` for the store. Pure.
 */

/** What the worklist shows besides the status: why, the last reading, the trend. Plain data (JSON). */
export interface WorklistDetail {
  /** The measurement that decided the status (the most severe; newest reading breaks ties). */
  readonly status: MeasurementStatus;
  readonly latest?: { readonly kind: MeasurementKind; readonly value: number; readonly at: number };
  readonly trend?: TrendDirection;
  /** Which score `score` is (NEWS2 partial/complete or PROM), for the words. */
  readonly scoreKind?: 'phq9' | 'gad7';
  /** Why the concern flag is raised (the rule that fired), when it is. */
  readonly concern?: ConcernReason;
}

export interface WorklistEntryInput {
  readonly id: string;
  readonly display: string;
  /** Monotonic; a newer load wins over an older one (mergeByVersion). */
  readonly version: number;
  readonly readings: readonly Reading[];
  /** Readings taken without a value; a PHQ-9 without a total may still carry item 9 (the concern flag). */
  readonly absent?: readonly AbsentReading[];
  readonly plan: PatientPlan;
  readonly now: number;
  /**
   * Only PROM totals at or after this time give the score (it ranks patients, so a months-old total should not);
   * older ones still decide the PROM's status and the concern flag. Default: all.
   */
  readonly scoreSince?: number;
}

/**
 * Builds the worklist entry: severity from the plan (PROM scores judged by their bands when the plan has no
 * limits for them, `withPromBands`); the deciding measurement (most severe, newest first) with its last reading
 * and trend; the concern flag when the newest PHQ-9 with a known item 9 has it above 0 (`concernOf`, CLINICAL.md
 * section 3); score = the newest PHQ-9 or GAD-7 total since `scoreSince`, if any.
 */
export function buildWorklistEntry(input: WorklistEntryInput): WorklistPatient & { readonly detail: WorklistDetail } {
  const evaluation = evaluatePlan(withPromBands(input.plan), input.readings, input.now);
  const concern = concernOf(input.readings, input.now, input.absent);
  const abnormal: { at: number; level: 'yellow' | 'red' }[] = [];
  let worst: MeasurementStatus | undefined;
  for (const m of evaluation.measurements) {
    for (const r of m.abnormal) abnormal.push({ at: r.at, level: r.level as 'yellow' | 'red' });
    if (
      !worst ||
      SEVERITY_RANK[m.status] > SEVERITY_RANK[worst.status] ||
      (m.status === worst.status && (m.latest?.at ?? -Infinity) > (worst.latest?.at ?? -Infinity))
    ) {
      worst = m;
    }
  }
  // The last reading shown is the deciding measurement's (the one "why" talks about); else the newest of any kind.
  let latest: Reading | undefined = worst?.latest;
  if (!latest) for (const r of input.readings) if (r.at <= input.now && (!latest || r.at > latest.at)) latest = r;
  const scoreSince = input.scoreSince ?? Number.NEGATIVE_INFINITY;
  const prom = input.readings
    .filter((r) => (r.kind === 'phq9' || r.kind === 'gad7') && r.at <= input.now && r.at >= scoreSince)
    .sort((a, b) => b.at - a.at)[0];
  const trend = latest ? trendOf(latest.kind, input.readings.filter((r) => r.at <= input.now)) : undefined;
  const detail: WorklistDetail = {
    status: worst ?? { kind: 'systolic', status: 'grey', reason: { code: 'noReadings' }, reasons: [{ code: 'noReadings' }], abnormal: [], readingCount: 0 },
    ...(latest ? { latest: { kind: latest.kind, value: latest.value, at: latest.at } } : {}),
    ...(trend ? { trend: trend.direction } : {}),
    ...(prom ? { scoreKind: prom.kind as 'phq9' | 'gad7' } : {}),
    ...(concern ? { concern } : {}),
  };
  return {
    id: input.id,
    version: input.version,
    display: input.display,
    severity: evaluation.overall,
    concern: concern !== undefined,
    ...(concern ? { concernAt: concern.at } : {}),
    ...(prom ? { score: prom.value } : {}),
    abnormal,
    ...(latest ? { lastReadingAt: latest.at } : {}),
    detail,
  };
}

export interface WorklistDetailView {
  /** Why the concern flag is raised, in words (shown before `whyText`). */
  readonly concernText?: string;
  /** The rule that fired, in words, with the measurement's name. */
  readonly whyText: string;
  readonly lastReadingText?: string;
  readonly scoreText?: string;
  readonly trend?: { readonly arrow: '↑' | '↓' | '→'; readonly text: string };
}

const ARROWS = { up: '↑', down: '↓', flat: '→' } as const;

/** The concern's rule in words, for example "PHQ-9 question 9 (thoughts of self-harm) answered above 0, 9 Nov". */
export function concernText(concern: ConcernReason, t: Messages, f: Formatter): string {
  return t.measurementConcernPhq9Item9(f.dateTime(concern.at));
}

export function worklistDetailView(patient: WorklistPatient & { readonly detail?: WorklistDetail }, t: Messages, f: Formatter): WorklistDetailView {
  const d = patient.detail;
  if (!d) return { whyText: t.measurementNoReadings };
  const whyText = d.status.reason.code === 'noReadings' && d.status.readingCount === 0 && !d.latest
    ? t.measurementNoReadings
    : `${t.measurementNames[d.status.kind]}: ${reasonText(d.status, t, f)}`;
  return {
    ...(d.concern ? { concernText: concernText(d.concern, t, f) } : {}),
    whyText,
    ...(d.latest
      ? { lastReadingText: `${t.measurementNames[d.latest.kind]} ${formatValue(d.latest.kind, d.latest.value, t, f)}, ${f.dateTime(d.latest.at)}` }
      : {}),
    ...(patient.score !== undefined && d.scoreKind ? { scoreText: `${t.measurementNames[d.scoreKind]} ${patient.score}` } : {}),
    ...(d.trend ? { trend: { arrow: ARROWS[d.trend], text: t.measurementTrend[d.trend] } } : {}),
  };
}

/** The code system of our worklist alert Flags. */
export const WORKLIST_ALERT_SYSTEM = 'https://helsekit.no/fhir/CodeSystem/worklist-alert';
const ACTIONS: readonly AlertAction[] = ['acknowledged', 'snoozed', 'resolved'];

/**
 * An alert state as a FHIR Flag: `code` = the action (our code system), `author` = who, `period.start` = when,
 * `period.end` = snoozed until. Resolved is `inactive`; acknowledged and snoozed are `active`.
 */
export function alertToFlag(alert: AlertState, by: { readonly reference?: string; readonly display?: string } = { display: alert.by }): Flag {
  return {
    resourceType: 'Flag',
    status: alert.action === 'resolved' ? 'inactive' : 'active',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/flag-category', code: 'clinical' }] }],
    code: { coding: [{ system: WORKLIST_ALERT_SYSTEM, code: alert.action }], ...(alert.note ? { text: alert.note } : {}) },
    subject: { reference: alert.patientId.includes('/') ? alert.patientId : `Patient/${alert.patientId}` },
    period: { start: new Date(alert.at).toISOString(), ...(alert.until !== undefined ? { end: new Date(alert.until).toISOString() } : {}) },
    author: { ...(by.reference ? { reference: by.reference } : {}), display: by.display ?? alert.by },
  };
}

/** Reads a Flag written by `alertToFlag`; undefined for any other Flag. */
export function flagToAlert(flag: Flag): AlertState | undefined {
  const action = flag.code?.coding?.find((c) => c.system === WORKLIST_ALERT_SYSTEM)?.code as AlertAction | undefined;
  if (!action || !ACTIONS.includes(action)) return undefined;
  const at = Date.parse(flag.period?.start ?? '');
  const ref = flag.subject?.reference ?? '';
  if (!Number.isFinite(at) || !ref) return undefined;
  const until = flag.period?.end ? Date.parse(flag.period.end) : undefined;
  return {
    patientId: ref.startsWith('Patient/') ? ref.slice('Patient/'.length) : ref,
    action,
    by: flag.author?.display ?? flag.author?.reference ?? '',
    at,
    ...(action === 'snoozed' && until !== undefined && Number.isFinite(until) ? { until } : {}),
    ...(flag.code.text ? { note: flag.code.text } : {}),
  };
}

/** The newest alert per patient from a list of Flags. */
export function latestAlerts(flags: readonly Flag[]): AlertState[] {
  const out = new Map<string, AlertState>();
  for (const f of flags) {
    const a = flagToAlert(f);
    if (!a) continue;
    const have = out.get(a.patientId);
    if (!have || a.at > have.at) out.set(a.patientId, a);
  }
  return [...out.values()];
}

