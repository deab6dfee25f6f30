import { SEVERITY_RANK, type Severity } from './measurement.types.js';
import type { PlanEvaluation } from './plan.js';
import { byId, type ById, type Versioned } from './merge.js';

/**
 * Ranking the clinic worklist (CLINICAL.md section 5: concern, severity, score, then oldest first), with
 * acknowledge / snooze / resolve applied. O(n log n): keys are computed once per patient, then one sort.
 *
 * Definitions (ours, also in docs/clinical-decisions.md):
 * - Tier first: `active` (needs someone) → `acknowledged` (seen, nothing new since) → `snoozed` →
 *   `resolved`. The default filter shows active and acknowledged.
 * - Within a tier: concern flag first, then severity red > yellow > grey > green, then score (higher
 *   first; none last), then the oldest unacknowledged abnormal reading first (none last), then input
 *   order (stable).
 * - "Oldest unacknowledged abnormal reading": the earliest yellow or red reading taken after the
 *   patient's last acknowledgement or resolution (all abnormal readings when there is none).
 * - Acknowledge covers abnormal readings taken at or before its time, and a concern raised before it.
 *   Any newer abnormal reading or concern makes the patient active again.
 * - Snooze hides the patient until `until`. A new red reading or a new concern after the snooze began
 *   breaks it (safety first); an expired snooze has no effect.
 * - Resolve hides the patient until a new abnormal reading or concern arrives after it.
 */

export interface AbnormalMark {
  readonly at: number;
  readonly level: 'yellow' | 'red';
}

export interface WorklistPatient extends Versioned {
  readonly display: string;
  readonly severity: Severity;
  /** A flag that puts the patient first, for example PHQ-9 item 9 > 0 or a clinician's concern. */
  readonly concern: boolean;
  /** When the concern was raised (for deciding whether an acknowledgement covers it). */
  readonly concernAt?: number;
  /** For example the NEWS2 total or partial total; higher ranks first. */
  readonly score?: number;
  readonly abnormal: readonly AbnormalMark[];
  /** Newest reading of any kind, for "last seen" in the view. */
  readonly lastReadingAt?: number;
}

export type AlertAction = 'acknowledged' | 'snoozed' | 'resolved';

export interface AlertState {
  readonly patientId: string;
  readonly action: AlertAction;
  /** Who (display name or practitioner reference) and when (epoch ms). */
  readonly by: string;
  readonly at: number;
  /** Snooze only. */
  readonly until?: number;
  readonly note?: string;
}

export type WorklistTier = 'active' | 'acknowledged' | 'snoozed' | 'resolved';
const TIER_RANK: Record<WorklistTier, number> = { active: 0, acknowledged: 1, snoozed: 2, resolved: 3 };

export interface RankedPatient {
  readonly patient: WorklistPatient;
  readonly tier: WorklistTier;
  /** The alert state in force, if any (an expired snooze is not). */
  readonly alert?: AlertState;
  readonly oldestUnacknowledgedAt?: number;
  /** A snooze or resolution was overridden by new data. */
  readonly reopened?: boolean;
}

export interface WorklistFilter {
  /** Default: active and acknowledged. */
  readonly tiers?: readonly WorklistTier[];
  readonly severities?: readonly Severity[];
  readonly concernOnly?: boolean;
  /** Case-insensitive match on display or id. */
  readonly text?: string;
}

export const DEFAULT_TIERS: readonly WorklistTier[] = ['active', 'acknowledged'];

/** Builds a worklist entry from a plan evaluation. */
export function worklistPatientFromEvaluation(
  base: { id: string; version: number; display: string; concern?: boolean; concernAt?: number; score?: number },
  evaluation: PlanEvaluation,
): WorklistPatient {
  const abnormal: AbnormalMark[] = [];
  let lastReadingAt: number | undefined;
  for (const m of evaluation.measurements) {
    for (const r of m.abnormal) abnormal.push({ at: r.at, level: r.level as 'yellow' | 'red' });
    if (m.latest && (lastReadingAt === undefined || m.latest.at > lastReadingAt)) lastReadingAt = m.latest.at;
  }
  return {
    id: base.id,
    version: base.version,
    display: base.display,
    severity: evaluation.overall,
    concern: base.concern ?? false,
    ...(base.concernAt !== undefined ? { concernAt: base.concernAt } : {}),
    ...(base.score !== undefined ? { score: base.score } : {}),
    abnormal,
    ...(lastReadingAt !== undefined ? { lastReadingAt } : {}),
  };
}

function oldestAfter(abnormal: readonly AbnormalMark[], after: number): number | undefined {
  let oldest: number | undefined;
  for (const a of abnormal) if (a.at > after && (oldest === undefined || a.at < oldest)) oldest = a.at;
  return oldest;
}

/** Where one patient stands given its alert state at `now`. */
export function applyAlertState(patient: WorklistPatient, alert: AlertState | undefined, now: number): RankedPatient {
  const newConcernAfter = (t: number) => patient.concern && (patient.concernAt === undefined ? false : patient.concernAt > t);
  if (!alert || (alert.action === 'snoozed' && (alert.until === undefined || now >= alert.until))) {
    return { patient, tier: 'active', ...withOldest(oldestAfter(patient.abnormal, Number.NEGATIVE_INFINITY)) };
  }
  const oldest = oldestAfter(patient.abnormal, alert.at);
  if (alert.action === 'snoozed') {
    const newRed = patient.abnormal.some((a) => a.level === 'red' && a.at > alert.at);
    if (newRed || newConcernAfter(alert.at)) return { patient, tier: 'active', alert, reopened: true, ...withOldest(oldest) };
    return { patient, tier: 'snoozed', alert, ...withOldest(oldest) };
  }
  const reopened = oldest !== undefined || newConcernAfter(alert.at);
  if (alert.action === 'resolved') {
    return reopened ? { patient, tier: 'active', alert, reopened: true, ...withOldest(oldest) } : { patient, tier: 'resolved', alert };
  }
  return { patient, tier: reopened ? 'active' : 'acknowledged', alert, ...withOldest(oldest) };
}

function withOldest(at: number | undefined): { oldestUnacknowledgedAt?: number } {
  return at === undefined ? {} : { oldestUnacknowledgedAt: at };
}

function matches(r: RankedPatient, filter: WorklistFilter, tiers: ReadonlySet<WorklistTier>, text: string): boolean {
  if (!tiers.has(r.tier)) return false;
  if (filter.severities && !filter.severities.includes(r.patient.severity)) return false;
  if (filter.concernOnly && !r.patient.concern) return false;
  if (text && !r.patient.display.toLowerCase().includes(text) && !r.patient.id.toLowerCase().includes(text)) return false;
  return true;
}

/**
 * Ranks and filters the worklist. `alerts` maps patient id → its latest alert state (a Map or a plain
 * object, as in the machine context). Stable: equal keys
 * keep input order.
 */
export function rankWorklist(
  patients: Iterable<WorklistPatient>,
  alerts: ReadonlyMap<string, AlertState> | ById<AlertState>,
  now: number,
  filter: WorklistFilter = {},
): RankedPatient[] {
  const tiers = new Set(filter.tiers ?? DEFAULT_TIERS);
  const text = (filter.text ?? '').trim().toLowerCase();
  const rows: RankedPatient[] = [];
  for (const p of patients) {
    const r = applyAlertState(p, alerts instanceof Map ? alerts.get(p.id) : byId(alerts as ById<AlertState>, p.id), now);
    if (matches(r, filter, tiers, text)) rows.push(r);
  }
  // Precomputed numeric keys in typed arrays: the comparator does no property lookups or branching on
  // optional fields.
  const n = rows.length;
  const tier = new Float64Array(n);
  const concern = new Float64Array(n);
  const severity = new Float64Array(n);
  const score = new Float64Array(n);
  const oldest = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    tier[i] = TIER_RANK[r.tier];
    concern[i] = r.patient.concern ? 0 : 1;
    severity[i] = -SEVERITY_RANK[r.patient.severity];
    score[i] = r.patient.score === undefined ? Number.POSITIVE_INFINITY : -r.patient.score;
    oldest[i] = r.oldestUnacknowledgedAt ?? Number.POSITIVE_INFINITY;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort(
    (a, b) =>
      tier[a]! - tier[b]! ||
      concern[a]! - concern[b]! ||
      severity[a]! - severity[b]! ||
      cmp(score[a]!, score[b]!) ||
      cmp(oldest[a]!, oldest[b]!) ||
      a - b,
  );
  return order.map((i) => rows[i]!);
}

function cmp(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Records an alert action (the latest action per patient wins). */
export function recordAlert(alerts: ById<AlertState>, state: AlertState): ById<AlertState> {
  return { ...alerts, [state.patientId]: state };
}
