import '@helsekit/measurement-dashboard/define';
import type { HkClinicWorklist } from '@helsekit/measurement-dashboard';
import { FHIR_BASE, getAccessToken } from '../shared/config.js';
import { DEMO_PLANS, PROGRAMME_PLAN } from './demo-plans.js';

// The seeded demo patients of the local FHIR server (examples/fhir-server/seed.ts). A real host lists the
// patients of its programme (for example from a CareTeam or a Group).
const DEMO_PATIENTS = [
  { reference: 'Patient/kari-nordmann', display: 'Kari Nordmann' },
  { reference: 'Patient/ola-hansen', display: 'Ola Hansen' },
  { reference: 'Patient/ingrid-johansen', display: 'Ingrid Johansen' },
  { reference: 'Patient/per-olsen', display: 'Per Olsen' },
  { reference: 'Patient/aisha-larsen', display: 'Aisha Larsen' },
  { reference: 'Patient/nils-berg', display: 'Nils Berg' },
];

const worklist = document.querySelector<HkClinicWorklist>('hk-clinic-worklist')!;
// Security-relevant settings are set explicitly: the base and the allowlist it is checked against.
worklist.allowedFhirBases = [FHIR_BASE];
worklist.getAccessToken = getAccessToken;
worklist.fhirBase = FHIR_BASE;
worklist.clinician = { reference: 'Practitioner/demo-lege', display: 'Lege Lise Berg (demo)' };
worklist.plan = PROGRAMME_PLAN;
worklist.plans = DEMO_PLANS;
worklist.patients = DEMO_PATIENTS;

const log = document.querySelector('#log')!;
worklist.addEventListener('hk-alert-change', (e) => {
  log.textContent = `${e.detail.action}: ${e.detail.patient} (${e.detail.by}, ${e.detail.at})`;
});
worklist.addEventListener('hk-error', (e) => {
  log.textContent = `Feil: ${(e as CustomEvent<{ message: string }>).detail.message}`;
});

document.querySelector<HTMLSelectElement>('#language')!.addEventListener('change', (e) => {
  document.documentElement.lang = (e.target as HTMLSelectElement).value;
});
