import { assign, emit, fromPromise, setup } from 'xstate';
import { byId, mergeByVersion, type ById } from './merge.js';
import { backoffDelay, DEFAULT_MAX_BACKOFF_MS, DEFAULT_POLL_INTERVAL_MS, errorMessage } from './polling.js';
import type { AlertAction, AlertState, WorklistFilter, WorklistPatient } from './worklist.js';

/**
 * The clinic worklist. Two parallel regions:
 * - `data`: loading → ready ⇄ refreshing, error (RETRY), empty; polling with backoff; patients merged by
 *   id and version (PATIENTS.RECEIVED merges pushed updates in any state).
 * - `alerts`: ACKNOWLEDGE / SNOOZE / RESOLVE are applied at once (optimistic) and queued; `saveAlert`
 *   saves them one at a time in order. A failed save restores the previous state of that patient (unless
 *   a newer action for it is still queued) and emits `worklist.alert.failed`.
 * Alert states from the server never overwrite a queued local action, and an older state never
 * overwrites a newer one (by `at`).
 *
 * The store is two actors, `fetchWorklist` and `saveAlert`, given with `.provide({ actors })`.
 */

export interface FetchWorklistInput {
  readonly since?: number;
}

export interface FetchWorklistOutput {
  readonly patients: readonly WorklistPatient[];
  readonly alerts?: readonly AlertState[];
}

export interface SaveAlertInput {
  readonly alert: AlertState;
}

export interface WorklistInput {
  readonly pollIntervalMs?: number;
  readonly maxBackoffMs?: number;
  readonly filter?: WorklistFilter;
}

interface PendingAlert {
  readonly alert: AlertState;
  /** The state before this action, to restore if saving fails. */
  readonly previous?: AlertState;
}

export interface WorklistContext {
  /** Plain objects by id, so the snapshot persists as JSON. */
  readonly patients: ById<WorklistPatient>;
  /** The latest alert state per patient id. */
  readonly alerts: ById<AlertState>;
  readonly pending: readonly PendingAlert[];
  readonly selectedId?: string;
  readonly filter: WorklistFilter;
  readonly error?: string;
  readonly alertError?: { readonly patientId: string; readonly action: AlertAction; readonly message: string };
  readonly failures: number;
  readonly lastLoadedAt?: number;
  readonly pollIntervalMs: number;
  readonly maxBackoffMs: number;
}

export interface AlertEventBase {
  readonly patientId: string;
  readonly by: string;
  /** Epoch ms; defaults to now. */
  readonly at?: number;
  readonly note?: string;
}

export type WorklistEvent =
  | { type: 'RETRY' }
  | { type: 'REFRESH' }
  | { type: 'PATIENTS.RECEIVED'; patients: readonly WorklistPatient[]; alerts?: readonly AlertState[] }
  | { type: 'SELECT'; patientId: string }
  | { type: 'SELECT.CLEAR' }
  | { type: 'FILTER.SET'; filter: WorklistFilter }
  | ({ type: 'ACKNOWLEDGE' } & AlertEventBase)
  | ({ type: 'SNOOZE'; until: number } & AlertEventBase)
  | ({ type: 'RESOLVE' } & AlertEventBase);

export type WorklistEmitted =
  | { type: 'worklist.loaded'; count: number }
  | { type: 'worklist.updated'; count: number }
  | { type: 'worklist.failed'; message: string; failures: number }
  | { type: 'worklist.selected'; patientId: string }
  | { type: 'worklist.alert.saved'; patientId: string; action: AlertAction }
  | { type: 'worklist.alert.failed'; patientId: string; action: AlertAction; message: string };

const ACTION_BY_EVENT = { ACKNOWLEDGE: 'acknowledged', SNOOZE: 'snoozed', RESOLVE: 'resolved' } as const;

function alertFromEvent(event: Extract<WorklistEvent, { type: 'ACKNOWLEDGE' | 'SNOOZE' | 'RESOLVE' }>): AlertState {
  return {
    patientId: event.patientId,
    action: ACTION_BY_EVENT[event.type],
    by: event.by,
    at: event.at ?? Date.now(),
    ...(event.type === 'SNOOZE' ? { until: event.until } : {}),
    ...(event.note ? { note: event.note } : {}),
  };
}

function mergeAlerts(current: ById<AlertState>, incoming: readonly AlertState[] | undefined, pending: readonly PendingAlert[]): ById<AlertState> {
  if (!incoming || incoming.length === 0) return current;
  const queued = new Set(pending.map((p) => p.alert.patientId));
  let next: Record<string, AlertState> | undefined;
  for (const a of incoming) {
    if (queued.has(a.patientId)) continue;
    const have = byId(next ?? current, a.patientId);
    if (have && have.at >= a.at) continue;
    next ??= { ...current };
    next[a.patientId] = a;
  }
  return next ?? current;
}

function notProvided<O, I>(name: string) {
  return fromPromise<O, I>(async () => {
    throw new Error(`${name} is not provided: use machine.provide({ actors: { ${name} } })`);
  });
}

export const worklistMachine = setup({
  types: {
    context: {} as WorklistContext,
    events: {} as WorklistEvent,
    input: {} as WorklistInput,
    emitted: {} as WorklistEmitted,
  },
  actors: {
    fetchWorklist: notProvided<FetchWorklistOutput, FetchWorklistInput>('fetchWorklist'),
    /** Saves one alert state and returns it as stored (the server may add an id or note). */
    saveAlert: notProvided<AlertState, SaveAlertInput>('saveAlert'),
  },
  delays: {
    pollDelay: ({ context }) => backoffDelay(context.pollIntervalMs, context.failures, context.maxBackoffMs),
  },
  guards: {
    hasPatients: ({ context }) => Object.keys(context.patients).length > 0,
    hasPendingAlerts: ({ context }) => context.pending.length > 0,
    isKnownPatient: ({ context, event }) => 'patientId' in event && byId(context.patients, event.patientId) !== undefined,
  },
  actions: {
    mergeWorklist: assign(({ context }, params: FetchWorklistOutput) => ({
      patients: mergeByVersion(context.patients, params.patients),
      alerts: mergeAlerts(context.alerts, params.alerts, context.pending),
    })),
    markLoaded: assign({ failures: 0, error: undefined, lastLoadedAt: () => Date.now() }),
    storeError: assign(({ context }, params: { error: unknown }) => ({ error: errorMessage(params.error), failures: context.failures + 1 })),
    selectPatient: assign((_, params: { patientId: string }) => ({ selectedId: params.patientId })),
    clearSelection: assign({ selectedId: undefined }),
    setFilter: assign((_, params: { filter: WorklistFilter }) => ({ filter: params.filter })),
    queueAlert: assign(({ context }, params: { alert: AlertState }) => {
      const previous = byId(context.alerts, params.alert.patientId);
      const alerts = { ...context.alerts, [params.alert.patientId]: params.alert };
      return { alerts, pending: [...context.pending, { alert: params.alert, ...(previous ? { previous } : {}) }], alertError: undefined };
    }),
    confirmAlert: assign(({ context }, params: { saved: AlertState }) => {
      const [done, ...rest] = context.pending;
      if (!done) return {};
      const stillQueued = rest.some((p) => p.alert.patientId === done.alert.patientId);
      if (stillQueued) return { pending: rest };
      const alerts = { ...context.alerts, [done.alert.patientId]: params.saved };
      return { pending: rest, alerts };
    }),
    rollbackAlert: assign(({ context }, params: { error: unknown }) => {
      const [failed, ...rest] = context.pending;
      if (!failed) return {};
      const alertError = { patientId: failed.alert.patientId, action: failed.alert.action, message: errorMessage(params.error) };
      // Later queued actions for the same patient were built on this one; they stay and will be saved.
      if (rest.some((p) => p.alert.patientId === failed.alert.patientId)) return { pending: rest, alertError };
      const alerts: Record<string, AlertState> = { ...context.alerts };
      if (failed.previous) alerts[failed.alert.patientId] = failed.previous;
      else delete alerts[failed.alert.patientId];
      return { pending: rest, alerts, alertError };
    }),
    emitLoaded: emit(({ context }) => ({ type: 'worklist.loaded' as const, count: Object.keys(context.patients).length })),
    emitUpdated: emit(({ context }) => ({ type: 'worklist.updated' as const, count: Object.keys(context.patients).length })),
    emitFailed: emit(({ context }) => ({ type: 'worklist.failed' as const, message: context.error ?? '', failures: context.failures })),
    emitSelected: emit((_, params: { patientId: string }) => ({ type: 'worklist.selected' as const, patientId: params.patientId })),
    emitAlertSaved: emit(({ context }) => ({
      type: 'worklist.alert.saved' as const,
      patientId: context.pending[0]?.alert.patientId ?? '',
      action: context.pending[0]?.alert.action ?? 'acknowledged',
    })),
    emitAlertFailed: emit(({ context }) => ({
      type: 'worklist.alert.failed' as const,
      patientId: context.alertError?.patientId ?? '',
      action: context.alertError?.action ?? 'acknowledged',
      message: context.alertError?.message ?? '',
    })),
  },
}).createMachine({
  id: 'worklist',
  type: 'parallel',
  context: ({ input }) => ({
    patients: {},
    alerts: {},
    pending: [],
    filter: input.filter ?? {},
    failures: 0,
    pollIntervalMs: input.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    maxBackoffMs: input.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS,
  }),
  on: {
    'PATIENTS.RECEIVED': {
      actions: [{ type: 'mergeWorklist', params: ({ event }) => ({ patients: event.patients, ...(event.alerts ? { alerts: event.alerts } : {}) }) }, 'emitUpdated'],
    },
    SELECT: {
      guard: 'isKnownPatient',
      actions: [
        { type: 'selectPatient', params: ({ event }) => ({ patientId: event.patientId }) },
        { type: 'emitSelected', params: ({ event }) => ({ patientId: event.patientId }) },
      ],
    },
    'SELECT.CLEAR': { actions: 'clearSelection' },
    'FILTER.SET': { actions: { type: 'setFilter', params: ({ event }) => ({ filter: event.filter }) } },
    ACKNOWLEDGE: { guard: 'isKnownPatient', actions: { type: 'queueAlert', params: ({ event }) => ({ alert: alertFromEvent(event) }) } },
    SNOOZE: { guard: 'isKnownPatient', actions: { type: 'queueAlert', params: ({ event }) => ({ alert: alertFromEvent(event) }) } },
    RESOLVE: { guard: 'isKnownPatient', actions: { type: 'queueAlert', params: ({ event }) => ({ alert: alertFromEvent(event) }) } },
  },
  states: {
    data: {
      initial: 'loading',
      states: {
        loading: {
          invoke: {
            src: 'fetchWorklist',
            input: () => ({}),
            onDone: { target: 'checking', actions: [{ type: 'mergeWorklist', params: ({ event }) => event.output }, 'markLoaded', 'emitLoaded'] },
            onError: { target: 'error', actions: [{ type: 'storeError', params: ({ event }) => ({ error: event.error }) }, 'emitFailed'] },
          },
        },
        checking: { always: [{ guard: 'hasPatients', target: 'ready' }, { target: 'empty' }] },
        ready: { on: { REFRESH: 'refreshing' }, after: { pollDelay: 'refreshing' } },
        empty: {
          on: {
            REFRESH: 'refreshing',
            // Pushed patients show at once, not only after the next poll.
            'PATIENTS.RECEIVED': {
              target: 'checking',
              actions: [{ type: 'mergeWorklist', params: ({ event }) => ({ patients: event.patients, ...(event.alerts ? { alerts: event.alerts } : {}) }) }, 'emitUpdated'],
            },
          },
          after: { pollDelay: 'refreshing' },
        },
        refreshing: {
          invoke: {
            src: 'fetchWorklist',
            input: ({ context }) => (context.lastLoadedAt !== undefined ? { since: context.lastLoadedAt } : {}),
            onDone: { target: 'checking', actions: [{ type: 'mergeWorklist', params: ({ event }) => event.output }, 'markLoaded', 'emitUpdated'] },
            onError: { target: 'checking', actions: [{ type: 'storeError', params: ({ event }) => ({ error: event.error }) }, 'emitFailed'] },
          },
        },
        error: { on: { RETRY: 'loading' }, after: { pollDelay: 'loading' } },
      },
    },
    alerts: {
      initial: 'idle',
      states: {
        idle: { always: { guard: 'hasPendingAlerts', target: 'saving' } },
        saving: {
          invoke: {
            src: 'saveAlert',
            input: ({ context }) => ({ alert: context.pending[0]!.alert }),
            onDone: { target: 'idle', actions: ['emitAlertSaved', { type: 'confirmAlert', params: ({ event }) => ({ saved: event.output }) }] },
            onError: { target: 'idle', actions: [{ type: 'rollbackAlert', params: ({ event }) => ({ error: event.error }) }, 'emitAlertFailed'] },
          },
        },
      },
    },
  },
});

export type WorklistMachine = typeof worklistMachine;
