import { assign, emit, fromPromise, setup } from 'xstate';
import type { Reading } from './measurement.types.js';
import { mergeByVersion, type ById, type Versioned } from './merge.js';
import type { PatientPlan } from './plan.js';
import { backoffDelay, DEFAULT_MAX_BACKOFF_MS, DEFAULT_POLL_INTERVAL_MS, errorMessage } from './polling.js';

/**
 * The measurement dashboard: loading → ready ⇄ refreshing, error (RETRY), empty. Polls with backoff
 * (delayed transitions whose delay grows with consecutive failures) and merges readings by id and
 * version, so a slow or partial response never loses data. Pushed readings (READINGS.RECEIVED) merge
 * the same way in any state.
 *
 * The store is the `fetchReadings` actor; hosts and tests provide it with `.provide({ actors })`.
 */

/** A reading with the server's id and version (for example Observation id and meta.versionId). */
export type DashboardItem = Reading & Versioned;

export interface FetchReadingsInput {
  readonly patientId: string;
  /** Epoch ms of the last successful load; the store may return only what changed since. */
  readonly since?: number;
}

export interface FetchReadingsOutput {
  readonly items: readonly DashboardItem[];
}

export interface DashboardInput {
  readonly patientId: string;
  readonly plan: PatientPlan;
  readonly pollIntervalMs?: number;
  readonly maxBackoffMs?: number;
}

export interface DashboardContext {
  readonly patientId: string;
  readonly plan: PatientPlan;
  /** Readings by id (a plain object, so the snapshot persists as JSON). */
  readonly items: ById<DashboardItem>;
  readonly error?: string;
  readonly failures: number;
  readonly lastLoadedAt?: number;
  readonly pollIntervalMs: number;
  readonly maxBackoffMs: number;
}

export type DashboardEvent =
  | { type: 'RETRY' }
  | { type: 'REFRESH' }
  | { type: 'READINGS.RECEIVED'; items: readonly DashboardItem[] }
  | { type: 'PLAN.SET'; plan: PatientPlan };

export type DashboardEmitted =
  | { type: 'dashboard.loaded'; count: number }
  | { type: 'dashboard.updated'; count: number }
  | { type: 'dashboard.failed'; message: string; failures: number };

const notImplemented = fromPromise<FetchReadingsOutput, FetchReadingsInput>(async () => {
  throw new Error('fetchReadings is not provided: use machine.provide({ actors: { fetchReadings } })');
});

export const dashboardMachine = setup({
  types: {
    context: {} as DashboardContext,
    events: {} as DashboardEvent,
    input: {} as DashboardInput,
    emitted: {} as DashboardEmitted,
  },
  actors: { fetchReadings: notImplemented },
  delays: {
    pollDelay: ({ context }) => backoffDelay(context.pollIntervalMs, context.failures, context.maxBackoffMs),
  },
  guards: {
    hasReadings: ({ context }) => Object.keys(context.items).length > 0,
  },
  actions: {
    mergeReadings: assign(({ context }, params: { items: readonly DashboardItem[] }) => ({ items: mergeByVersion(context.items, params.items) })),
    markLoaded: assign({ failures: 0, error: undefined, lastLoadedAt: () => Date.now() }),
    storeError: assign(({ context }, params: { error: unknown }) => ({ error: errorMessage(params.error), failures: context.failures + 1 })),
    setPlan: assign((_, params: { plan: PatientPlan }) => ({ plan: params.plan })),
    emitLoaded: emit(({ context }) => ({ type: 'dashboard.loaded' as const, count: Object.keys(context.items).length })),
    emitUpdated: emit(({ context }) => ({ type: 'dashboard.updated' as const, count: Object.keys(context.items).length })),
    emitFailed: emit(({ context }) => ({ type: 'dashboard.failed' as const, message: context.error ?? '', failures: context.failures })),
  },
}).createMachine({
  id: 'dashboard',
  context: ({ input }) => ({
    patientId: input.patientId,
    plan: input.plan,
    items: {},
    failures: 0,
    pollIntervalMs: input.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    maxBackoffMs: input.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS,
  }),
  initial: 'loading',
  on: {
    'READINGS.RECEIVED': { actions: [{ type: 'mergeReadings', params: ({ event }) => ({ items: event.items }) }, 'emitUpdated'] },
    'PLAN.SET': { actions: { type: 'setPlan', params: ({ event }) => ({ plan: event.plan }) } },
  },
  states: {
    loading: {
      invoke: {
        src: 'fetchReadings',
        input: ({ context }) => ({ patientId: context.patientId }),
        onDone: {
          target: 'checking',
          actions: [{ type: 'mergeReadings', params: ({ event }) => ({ items: event.output.items }) }, 'markLoaded', 'emitLoaded'],
        },
        onError: { target: 'error', actions: [{ type: 'storeError', params: ({ event }) => ({ error: event.error }) }, 'emitFailed'] },
      },
    },
    // Transient: decides between ready and empty after a load.
    checking: { always: [{ guard: 'hasReadings', target: 'ready' }, { target: 'empty' }] },
    ready: {
      on: { REFRESH: 'refreshing' },
      after: { pollDelay: 'refreshing' },
    },
    empty: {
      on: { REFRESH: 'refreshing', 'READINGS.RECEIVED': { target: 'checking', actions: { type: 'mergeReadings', params: ({ event }) => ({ items: event.items }) } } },
      after: { pollDelay: 'refreshing' },
    },
    refreshing: {
      invoke: {
        src: 'fetchReadings',
        input: ({ context }) => ({ patientId: context.patientId, ...(context.lastLoadedAt !== undefined ? { since: context.lastLoadedAt } : {}) }),
        onDone: {
          target: 'checking',
          actions: [{ type: 'mergeReadings', params: ({ event }) => ({ items: event.output.items }) }, 'markLoaded', 'emitUpdated'],
        },
        // Keep showing what we have; the next poll waits longer (backoff).
        onError: { target: 'checking', actions: [{ type: 'storeError', params: ({ event }) => ({ error: event.error }) }, 'emitFailed'] },
      },
    },
    error: {
      on: { RETRY: 'loading' },
      after: { pollDelay: 'loading' },
    },
  },
});

export type DashboardMachine = typeof dashboardMachine;
