// A PROM page: PHQ-9 or GAD-7 from the local FHIR server; the receipt shows the score after submit.
import '@helsekit/health-form/define';
import type { HkHealthForm } from '@helsekit/health-form';
import { FHIR_BASE, getAccessToken } from '../shared/config';

const slot = document.querySelector<HTMLElement>('#form-slot')!;
const picker = document.querySelector<HTMLSelectElement>('#instrument')!;

function show(id: string): void {
  const form = document.createElement('hk-health-form') as HkHealthForm;
  form.setAttribute('fhir-base', FHIR_BASE);
  form.allowedFhirBases = [FHIR_BASE];
  form.getAccessToken = getAccessToken;
  form.subject = 'Patient/aisha-larsen';
  form.recipient = 'DPS Eksempel, poliklinikken';
  form.questionnaireUrl = `https://helsekit.no/fhir/Questionnaire/${id}`;
  slot.replaceChildren(form);
}

picker.addEventListener('change', () => show(picker.value));
show(picker.value);
