import type { MeasurementPlan, PatientPlan } from '@helsekit/core/measurements';

// Illustrative plans for the demo patients of the local FHIR server. NOT clinical advice: a real programme sets
// each patient's limits (egenbehandlingsplan); there are no national numeric limits (docs/clinical-decisions.md).
const source = { isDefault: false, note: 'Demo programme plan for synthetic patients; not a clinical recommendation.' } as const;

const weekly = (count: number) => ({ count, days: 7 });
const programme: MeasurementPlan[] = [
  { kind: 'systolic', limits: { redAtOrBelow: 90, yellowAtOrBelow: 100, yellowAtOrAbove: 160, redAtOrAbove: 175 }, redAfterConsecutive: 3, yellowAfterAbnormal: { count: 2, days: 7 }, expected: weekly(3), staleAfterHours: 72 },
  { kind: 'heartRate', limits: { redAtOrBelow: 40, yellowAtOrBelow: 50, yellowAtOrAbove: 100, redAtOrAbove: 120 }, yellowAfterAbnormal: { count: 2, days: 7 }, expected: weekly(3), staleAfterHours: 72 },
  { kind: 'spo2', limits: { redAtOrBelow: 88, yellowAtOrBelow: 92 }, yellowAfterAbnormal: { count: 2, days: 7 }, expected: weekly(1) },
  { kind: 'temperature', limits: { redAtOrBelow: 35, yellowAtOrBelow: 35.5, yellowAtOrAbove: 38, redAtOrAbove: 39.5 }, expected: { count: 1, days: 10 } },
];

export const PROGRAMME_PLAN: PatientPlan = { source, measurements: programme };

/** Per patient: Per Olsen (heart failure) also has a weight limit from his dry weight (88 kg). */
export const DEMO_PLANS: Readonly<Record<string, PatientPlan>> = {
  'Patient/per-olsen': {
    source,
    measurements: [...programme, { kind: 'weight', limits: { yellowAtOrAbove: 89.5, redAtOrAbove: 90.5 }, redAfterConsecutive: 2, expected: weekly(3) }],
  },
};

export const planFor = (reference: string): PatientPlan => DEMO_PLANS[reference] ?? PROGRAMME_PLAN;
