// Test data shared by the element tests: a MemoryStore seeded with readings around a fixed "now".
import { buildVitalSignObservation, type MeasurementInput } from '@helsekit/core/measurements';
import { buildPromObservation, scorePhq9 } from '@helsekit/core/scoring';
import { MemoryStore, type HealthStore } from '@helsekit/core/store';

export const NOW = Date.parse('2026-05-17T12:00:00Z');
export const DAY = 86_400_000;

export async function add(store: HealthStore, patient: string, input: MeasurementInput, at: number): Promise<void> {
  await store.put(buildVitalSignObservation(input, { subject: { reference: `Patient/${patient}` }, effectiveDateTime: new Date(at).toISOString() }));
}

/** Daily readings for `days` days: stable (green) unless `pulse` gives the last days' pulse. */
export async function seedPatient(store: HealthStore, patient: string, options: { days?: number; pulse?: (day: number) => number } = {}): Promise<void> {
  const days = options.days ?? 14;
  for (let d = days - 1; d >= 0; d--) {
    const at = NOW - d * DAY - 3_600_000;
    await add(store, patient, { kind: 'bloodPressure', systolic: 124 + (d % 3), diastolic: 80 }, at);
    await add(store, patient, { kind: 'heartRate', value: options.pulse?.(d) ?? 70 + (d % 4) }, at);
    await add(store, patient, { kind: 'spo2', value: 97 }, at);
    await add(store, patient, { kind: 'temperature', value: 36.8 }, at);
  }
}

export async function demoStore(): Promise<MemoryStore> {
  const store = new MemoryStore();
  await seedPatient(store, 'green-1');
  await seedPatient(store, 'red-1', { pulse: (d) => (d < 3 ? 140 : 72) });
  await seedPatient(store, 'green-2');
  return store;
}

/** Resolves when `check` is true, polling every 20 ms (fails after `timeout`). */
export async function until(check: () => boolean, timeout = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A PHQ-9 total as the scoring module derives it (item 9 travels as a component): 9 item answers 0–3. */
export async function addPhq9(store: HealthStore, patient: string, answers: number[], at: number): Promise<void> {
  await store.put(
    buildPromObservation(scorePhq9(answers), {
      response: { reference: `QuestionnaireResponse/phq9-${patient}-${at}` },
      subject: { reference: `Patient/${patient}` },
      effectiveDateTime: new Date(at).toISOString(),
    }),
  );
}
