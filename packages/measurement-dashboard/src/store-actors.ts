import type { Observation } from 'fhir/r4';
import { fromPromise } from 'xstate';
import {
  alertToFlag,
  buildWorklistEntry,
  flagToAlert,
  latestAlerts,
  readObservations,
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

/** How far back the worklist reads: enough for every rule of a plan (weeks), not the whole history. */
export const WORKLIST_LOOKBACK_MS = 42 * 86_400_000;

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
) {
  return fromPromise<FetchWorklistOutput, FetchWorklistInput>(async () => {
    const store = getStore();
    const now = getNow();
    const version = Date.now() * 1000 + (loadCounter++ % 1000);
    const patients = await Promise.all(
      getPatients().map(async (p) => {
        const ref = patientReference(p.reference);
        const readings = observationsToItems(await loadObservations(store, ref, now, WORKLIST_LOOKBACK_MS));
        return buildWorklistEntry({ id: ref.slice('Patient/'.length), display: p.display ?? ref, version, readings, plan: getPlan(ref), now });
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
