import type { AbsentReading, Reading } from './measurement.types.js';

/**
 * The worklist's concern flag (CLINICAL.md section 3 and 5): a PHQ-9 whose item 9 (thoughts of self-harm) was
 * answered above 0 flags the patient whatever the total, and a flagged patient comes first in the worklist.
 *
 * Our decisions (also in docs/components/clinic-worklist.md):
 * - The newest PHQ-9 whose item 9 is known decides: a later PHQ-9 with item 9 answered 0 lowers the flag; a later
 *   PHQ-9 without item 9 (a total only) does not.
 * - The flag is raised at the time of that PHQ-9 (`at`), so an acknowledgement after it covers it and a new
 *   positive answer after the acknowledgement raises it again.
 */
export interface ConcernReason {
  readonly code: 'phq9Item9';
  /** When the PHQ-9 was answered (epoch ms). */
  readonly at: number;
  /** The total, when the Observation has one. */
  readonly total?: number;
  /** The Observation it came from. */
  readonly source?: string;
}

/**
 * The concern raised by the readings at `now`, if any. `absent` may add PHQ-9s without a total (too many items
 * missing), whose item 9 still counts: "whatever the total".
 */
export function concernOf(readings: Iterable<Reading>, now: number, absent: Iterable<AbsentReading> = []): ConcernReason | undefined {
  let newest: { at: number; selfHarm: boolean; value?: number; source?: string } | undefined;
  const offer = (r: { kind: string; at?: number; selfHarm?: boolean; value?: number; source?: string }) => {
    if (r.kind !== 'phq9' || r.selfHarm === undefined || r.at === undefined || r.at > now) return;
    if (!newest || r.at > newest.at) newest = { at: r.at, selfHarm: r.selfHarm, ...(r.value !== undefined ? { value: r.value } : {}), ...(r.source ? { source: r.source } : {}) };
  };
  for (const r of readings) offer(r);
  for (const a of absent) offer(a);
  const found = newest as { at: number; selfHarm: boolean; value?: number; source?: string } | undefined;
  if (!found?.selfHarm) return undefined;
  return {
    code: 'phq9Item9',
    at: found.at,
    ...(found.value !== undefined && Number.isFinite(found.value) ? { total: found.value } : {}),
    ...(found.source ? { source: found.source } : {}),
  };
}
