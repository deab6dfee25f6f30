import type { Formatter } from '../i18n/format.js';
import type { MeasurementViewMessages } from './dashboard.view.js';
import type { Severity } from './measurement.types.js';
import type { WorklistContext } from './worklist.machine.js';
import { rankWorklist, type RankedPatient, type WorklistTier } from './worklist.js';

type Messages = MeasurementViewMessages;

/**
 * The clinic worklist's view model: a pure function of the machine snapshot. Status always in words;
 * the row's ARIA label reads the whole row. What may be pressed follows the row's state.
 */

export type WorklistState = 'loading' | 'ready' | 'refreshing' | 'error' | 'empty';

export interface WorklistRowView {
  readonly id: string;
  readonly display: string;
  readonly selected: boolean;
  readonly tier: WorklistTier;
  /** Absent when there is nothing to follow up (green, no concern, no alert). */
  readonly tierText?: string;
  readonly severity: Severity;
  readonly severityText: string;
  readonly concernText?: string;
  readonly scoreText?: string;
  readonly oldestAbnormalText?: string;
  /** Who did what and when, for acknowledged, snoozed and resolved rows. */
  readonly alertText?: string;
  readonly reopenedText?: string;
  /** An alert action for this row is waiting to be saved. */
  readonly saving: boolean;
  readonly canAcknowledge: boolean;
  readonly canSnooze: boolean;
  readonly canResolve: boolean;
  readonly ariaLabel: string;
}

export interface WorklistView {
  readonly state: WorklistState;
  readonly busy: boolean;
  readonly title: string;
  readonly countText: string;
  readonly statusMessage?: string;
  readonly errorText?: string;
  readonly alertErrorText?: string;
  readonly canRetry: boolean;
  readonly canRefresh: boolean;
  readonly rows: readonly WorklistRowView[];
  /** "No patients" or "none match the filter" when there are no rows. */
  readonly emptyText?: string;
  readonly labels: { readonly acknowledge: string; readonly snooze: string; readonly resolve: string };
}

function stateOf(value: unknown): WorklistState {
  const data = typeof value === 'object' && value !== null ? (value as { data?: unknown }).data : value;
  if (data === 'checking') return 'loading';
  return (['loading', 'ready', 'refreshing', 'error', 'empty'] as const).find((s) => s === data) ?? 'loading';
}

function alertText(r: RankedPatient, t: Messages, f: Formatter): string | undefined {
  const a = r.alert;
  if (!a) return undefined;
  if (a.action === 'acknowledged') return t.worklistAcknowledgedBy(a.by, f.dateTime(a.at));
  if (a.action === 'snoozed') return t.worklistSnoozedUntil(a.by, f.dateTime(a.until ?? a.at));
  return t.worklistResolvedBy(a.by, f.dateTime(a.at));
}

export function rowView(r: RankedPatient, context: Pick<WorklistContext, 'selectedId' | 'pending'>, t: Messages, f: Formatter): WorklistRowView {
  const p = r.patient;
  const concernText = p.concern ? t.worklistConcern : undefined;
  const scoreText = p.score !== undefined ? t.worklistScore(p.score) : undefined;
  const oldestAbnormalText = r.oldestUnacknowledgedAt !== undefined ? t.worklistOldestAbnormal(f.dateTime(r.oldestUnacknowledgedAt)) : undefined;
  const reopenedText = r.reopened ? t.worklistReopened : undefined;
  const alert = alertText(r, t, f);
  const severityText = t.measurementStatus[p.severity];
  // A green patient with no concern and no alert history needs nothing: no "needs follow-up", no actions.
  const nothingToDo = r.tier === 'active' && p.severity === 'green' && !p.concern && !r.alert;
  const tierText = nothingToDo ? undefined : t.worklistTiers[r.tier];
  const saving = context.pending.some((x) => x.alert.patientId === p.id);
  return {
    id: p.id,
    display: p.display,
    selected: context.selectedId === p.id,
    tier: r.tier,
    ...(tierText ? { tierText } : {}),
    severity: p.severity,
    severityText,
    ...(concernText ? { concernText } : {}),
    ...(scoreText ? { scoreText } : {}),
    ...(oldestAbnormalText ? { oldestAbnormalText } : {}),
    ...(alert ? { alertText: alert } : {}),
    ...(reopenedText ? { reopenedText } : {}),
    saving,
    canAcknowledge: !nothingToDo && r.tier === 'active',
    canSnooze: !nothingToDo && (r.tier === 'active' || r.tier === 'acknowledged'),
    canResolve: !nothingToDo && r.tier !== 'resolved',
    ariaLabel: [p.display, concernText, severityText, scoreText, oldestAbnormalText, tierText, alert, reopenedText].filter(Boolean).join('. '),
  };
}

/** Pure view model of the worklist at `now`. */
export function toWorklistView(snapshot: { readonly value: unknown; readonly context: WorklistContext }, t: Messages, f: Formatter, now: number): WorklistView {
  const state = stateOf(snapshot.value);
  const { context } = snapshot;
  const showRows = state === 'ready' || state === 'refreshing';
  const ranked = showRows ? rankWorklist(Object.values(context.patients), context.alerts, now, context.filter) : [];
  const rows = ranked.map((r) => rowView(r, context, t, f));
  const emptyText = state === 'empty' ? t.worklistEmpty : showRows && rows.length === 0 ? t.worklistNoMatches : undefined;
  const statusMessage = state === 'loading' ? t.loading : state === 'refreshing' ? t.measurementRefreshing : state === 'error' ? t.measurementLoadFailed : undefined;
  return {
    state,
    busy: state === 'loading' || state === 'refreshing',
    title: t.worklistTitle,
    countText: t.worklistCount(rows.length),
    ...(statusMessage ? { statusMessage } : {}),
    ...(state === 'error' ? { errorText: t.measurementLoadFailed } : {}),
    ...(context.alertError ? { alertErrorText: t.worklistAlertFailed } : {}),
    canRetry: state === 'error',
    canRefresh: state === 'ready' || state === 'empty',
    rows,
    ...(emptyText ? { emptyText } : {}),
    labels: { acknowledge: t.worklistAcknowledge, snooze: t.worklistSnooze, resolve: t.worklistResolve },
  };
}
