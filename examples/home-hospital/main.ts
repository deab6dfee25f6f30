import '@helsekit/measurement-dashboard/define';
import type { HkMeasurementDashboard } from '@helsekit/measurement-dashboard';
import { FHIR_BASE, getAccessToken } from '../shared/config.js';
import { planFor } from '../digital-poliklinikk/demo-plans.js';

const dashboard = document.querySelector<HkMeasurementDashboard>('hk-measurement-dashboard')!;
dashboard.allowedFhirBases = [FHIR_BASE];
dashboard.getAccessToken = getAccessToken;
dashboard.fhirBase = FHIR_BASE;

const picker = document.querySelector<HTMLSelectElement>('#patient')!;
const fromUrl = new URLSearchParams(location.search).get('patient');
if (fromUrl && [...picker.options].some((o) => o.value === fromUrl)) picker.value = fromUrl;
dashboard.plan = planFor(`Patient/${picker.value}`);
dashboard.patient = `Patient/${picker.value}`;
picker.addEventListener('change', () => {
  dashboard.plan = planFor(`Patient/${picker.value}`);
  dashboard.patient = `Patient/${picker.value}`;
  history.replaceState(null, '', `?patient=${picker.value}`);
});

document.querySelector<HTMLSelectElement>('#language')!.addEventListener('change', (e) => {
  document.documentElement.lang = (e.target as HTMLSelectElement).value;
});
