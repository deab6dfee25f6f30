import type { Observation } from 'fhir/r4';
import { fromPromise } from 'xstate';
import {
  alertToFlag,
  buildWorklistEntry,
  flagToAlert,
  latestAlerts,
  planHistoryNeed,
  readObservations,
  searchCodesFor,
  type MeasurementKind,
  type AlertState,
  type DashboardItem,
  type FetchReadingsInput,
  type FetchReadingsOutput,
  type FetchWorklistInput,
  type FetchWorklistOutput,
  type PatientPlan,
  type SaveAlertInput,
} from '@helsekit/core/measurements';
import { collectPages, FhirRestStore, MemoryStore, type AccessTokenCallback, type HealthStore } from '@helsekit/core/store';

/** How an element finds its store: an explicit `store`, else a FHIR base (allowlisted), else memory. */
export interface StoreConfig {
  readonly store?: HealthStore | undefined;
  readonly fhirBase?: string | undefined;
  readonly allowedFhirBases?: readonly string[] | undefined;
  readonly getAccessToken?: AccessTokenCallback | undefined;
}

export function resolveStore(config: StoreConfig): HealthStore {
  if (config.store) return config.store;
  if (config.fhirBase) {
    // The adapter checks the base against the allowlist itself and refuses anything else.
    return new FhirRestStore({
      baseUrl: config.fhirBase,
      allowedBaseUrls: config.allowedFhirBases ?? [],
      ...(config.getAccessToken ? { getAccessToken: config.getAccessToken } : {}),
    });
  }
  return new MemoryStore();
}

/** `Patient/123` for `123` or `Patient/123`. */
export function patientReference(patient: string): string {
  return patient.includes('/') ? patient : `Patient/${patient}`;
}

/** The version of an Observation as a number (`meta.versionId`, else 1). */
function versionOf(o: Observation): number {
  const n = Number(o.meta?.versionId);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/** Readings as dashboard items: one per kind per Observation (a blood pressure panel gives two). */
export function observationsToItems(observations: readonly Observation[]): DashboardItem[] {
  const versions = new Map<string, number>();
  for (const o of observations) if (o.id) versions.set(`Observation/${o.id}`, versionOf(o));
  const { readings } = readObservations(observations);
  return readings.map((r, i) => ({
    ...r,
    id: r.source ? `${r.source}#${r.kind}` : `local-${i}-${r.kind}-${r.at}`,
    version: (r.source && versions.get(r.source)) || 1,
  }));
}

/** How far back the elements read (the longest range the dashboard offers, plus a margin). */
export const LOOKBACK_MS = 400 * 86_400_000;

/** The least the worklist reads, in days (`lookback-days`); longer when a plan's rules need more. */
export const WORKLIST_LOOKBACK_DAYS = 42;

/** Older readings change rarely: a worklist keeps what it fetched beyond the window for this long between polls. */
const OLDER_CACHE_MS = 10 * 60_000;
export type OlderReadingsCache = Map<string, { readonly at: number; readonly items: readonly Observation[] }>;

/** The days of the window `loadWorklistObservations` reads for a plan. */
export function worklistWindowDays(plan: PatientPlan, minDays = WORKLIST_LOOKBACK_DAYS): number {
  return Math.max(minDays, planHistoryNeed(plan).days + 1);
}

/**
 * A worklist patient's Observations: a window as long as the plan's longest time-based rule (at least
 * `minDays`), plus, per measurement kind of the plan (PHQ-9 and GAD-7 always), the newest readings the
 * count-based rules and the trend need when the window holds fewer (`planHistoryNeed`). So a kind whose
 * readings stopped before the window still shows its last reading, missing data and stale warning (grey
 * for the right reason), and a PHQ-9 item 9 answer older than the window still raises the concern.
 */
export async function loadWorklistObservations(
  store: HealthStore,
  patient: string,
  plan: PatientPlan,
  now: number,
  minDays = WORKLIST_LOOKBACK_DAYS,
  cache?: OlderReadingsCache,
): Promise<Observation[]> {
  const need = planHistoryNeed(plan);
  const days = worklistWindowDays(plan, minDays);
  const inWindow = await loadObservations(store, patient, now, days * 86_400_000);
  const counts = new Map<MeasurementKind, number>();
  for (const r of readObservations(inWindow).readings) if (r.at <= now) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  // One search per code, at the largest count any kind of that code needs (systolic and diastolic share the panel).
  const wanted = new Map<string, number>();
  for (const [kind, n] of need.readings) {
    if ((counts.get(kind) ?? 0) >= n) continue;
    for (const code of searchCodesFor(kind)) wanted.set(code, Math.max(wanted.get(code) ?? 0, n));
  }
  const to = new Date(now).toISOString();
  const subject = patientReference(patient);
  const older = await Promise.all(
    [...wanted].map(async ([code, n]) => {
      // The window is read on every poll, so anything new is seen; what lies beyond it may come from the cache.
      const key = `${subject}|${code}|${n}`;
      const hit = cache?.get(key);
      if (hit && Math.abs(now - hit.at) < OLDER_CACHE_MS) return hit.items;
      const { items } = await store.search('Observation', { subject, code, to, count: Math.min(500, n) });
      cache?.set(key, { at: now, items });
      return items;
    }),
  );
  const seen = new Set(inWindow.map((o) => o.id).filter(Boolean));
  const out = [...inWindow];
  for (const o of older.flat()) {
    if (o.id && seen.has(o.id)) continue;
    if (o.id) seen.add(o.id);
    out.push(o);
  }
  return out;
}

export async function loadObservations(store: HealthStore, patient: string, now: number, lookbackMs = LOOKBACK_MS): Promise<Observation[]> {
  const from = new Date(now - lookbackMs).toISOString();
  const { items } = await collectPages(store, 'Observation', { subject: patientReference(patient), from, count: 500 }, 50);
  return items;
}

export function fetchReadingsActor(getStore: () => HealthStore, getNow: () => number) {
  return fromPromise<FetchReadingsOutput, FetchReadingsInput>(async ({ input }) => ({
    items: observationsToItems(await loadObservations(getStore(), input.patientId, getNow())),
  }));
}

export interface WorklistPatientRef {
  /** `Patient/123`. */
  readonly reference: string;
  readonly display?: string;
}

let loadCounter = 0;

/**
 * One load of the whole worklist: each patient's readings evaluated against the plan, and the newest
 * alert Flag per patient. Each load gets a higher version, so a slow, older response never wins.
 */
export function fetchWorklistActor(
  getStore: () => HealthStore,
  getPatients: () => readonly WorklistPatientRef[],
  getPlan: (patient: string) => PatientPlan,
  getNow: () => number,
  getLookbackDays: () => number = () => WORKLIST_LOOKBACK_DAYS,
) {
  const cache: OlderReadingsCache = new Map();
  let cachedFor: HealthStore | undefined;
  return fromPromise<FetchWorklistOutput, FetchWorklistInput>(async () => {
    const store = getStore();
    if (cachedFor !== store) {
      cache.clear();
      cachedFor = store;
    }
    const now = getNow();
    const version = Date.now() * 1000 + (loadCounter++ % 1000);
    const patients = await Promise.all(
      getPatients().map(async (p) => {
        const ref = patientReference(p.reference);
        const plan = getPlan(ref);
        const observations = await loadWorklistObservations(store, ref, plan, now, getLookbackDays(), cache);
        const readings = observationsToItems(observations);
        const { absent } = readObservations(observations);
        // The score column (and its rank) takes only PROM totals inside the window; older ones still colour and flag.
        const scoreSince = now - worklistWindowDays(plan, getLookbackDays()) * 86_400_000;
        return buildWorklistEntry({ id: ref.slice('Patient/'.length), display: p.display ?? ref, version, readings, absent, plan, now, scoreSince });
      }),
    );
    const flags = (
      await Promise.all(getPatients().map(async (p) => (await collectPages(store, 'Flag', { subject: patientReference(p.reference), count: 50 }, 2)).items))
    ).flat();
    return { patients, alerts: latestAlerts(flags) };
  });
}

export function saveAlertActor(getStore: () => HealthStore, getClinician: () => { reference?: string; display?: string } | undefined) {
  return fromPromise<AlertState, SaveAlertInput>(async ({ input }) => {
    const saved = await getStore().put(alertToFlag(input.alert, getClinician() ?? { display: input.alert.by }));
    return flagToAlert(saved) ?? input.alert;
  });
}
