// A hospital portal: the pre-consultation form from the local FHIR server, for a demo patient. Answers the patient
// gave in the GP form (coded items: smoking, alcohol, allergies, height, weight, medication) are offered again.
import '@helsekit/health-form/define';
import type { HkHealthForm } from '@helsekit/health-form';
import type { Patient } from 'fhir/r4';
import { FHIR_BASE, getAccessToken } from '../shared/config';

const FORM_URL = 'https://helsekit.no/fhir/Questionnaire/sykehus-forhandsskjema';
const slot = document.querySelector<HTMLElement>('#form-slot')!;
const picker = document.querySelector<HTMLSelectElement>('#patient')!;
const log = document.querySelector<HTMLOutputElement>('#log')!;

function logLine(text: string): void {
  log.textContent = `${log.textContent ?? ''}${new Date().toLocaleTimeString('nb-NO')} ${text}\n`;
}

async function loadPatient(id: string): Promise<Patient | undefined> {
  const res = await fetch(`${FHIR_BASE}/Patient/${encodeURIComponent(id)}`, { headers: { Accept: 'application/fhir+json' } });
  return res.ok ? ((await res.json()) as Patient) : undefined;
}

async function show(id: string): Promise<void> {
  const patient = await loadPatient(id);
  const form = document.createElement('hk-health-form') as HkHealthForm;
  // Security-relevant settings first, before the element connects.
  form.setAttribute('fhir-base', FHIR_BASE);
  form.allowedFhirBases = [FHIR_BASE];
  form.getAccessToken = getAccessToken;
  form.patient = patient;
  form.subject = `Patient/${id}`;
  form.recipient = 'Ortopedisk poliklinikk, Eksempel sykehus';
  form.questionnaireUrl = FORM_URL;
  form.addEventListener('hk-submit', (e) => logLine(`hk-submit: QuestionnaireResponse med ${e.detail.response.item?.length ?? 0} svar, ${e.detail.observations.length} Observation`));
  form.addEventListener('hk-draft-saved', (e) => logLine(`hk-draft-saved: versjon ${e.detail.version}`));
  form.addEventListener('hk-step-change', (e) => logLine(`hk-step-change: ${e.detail.step} (${e.detail.pageIndex + 1}/${e.detail.pageCount})`));
  form.addEventListener('hk-error', (e) => logLine(`hk-error: ${(e as CustomEvent<{ reason: string }>).detail.reason}`));
  slot.replaceChildren(form);
}

picker.addEventListener('change', () => void show(picker.value));
void show(picker.value);
