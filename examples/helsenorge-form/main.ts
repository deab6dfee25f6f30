// The GP form in the Helsenorge theme, filled in on behalf of a child (the form says whose form it is).
import '@helsekit/health-form/define';
import type { HkHealthForm } from '@helsekit/health-form';
import themeUrl from '@helsekit/themes/helsenorge.css?url';
import { FHIR_BASE, getAccessToken } from '../shared/config';

const link = document.createElement('link');
link.rel = 'stylesheet';
link.href = themeUrl;
document.head.append(link);

const slot = document.querySelector<HTMLElement>('#form-slot')!;
const language = document.querySelector<HTMLSelectElement>('#language')!;
language.addEventListener('change', () => document.documentElement.setAttribute('lang', language.value));

const form = document.createElement('hk-health-form') as HkHealthForm;
form.setAttribute('fhir-base', FHIR_BASE);
form.allowedFhirBases = [FHIR_BASE];
form.getAccessToken = getAccessToken;
form.subject = 'Patient/ingrid-johansen';
form.patient = { resourceType: 'Patient', id: 'ingrid-johansen', name: [{ given: ['Ingrid'], family: 'Johansen' }] };
form.filledInBy = { reference: 'RelatedPerson/ingrid-mor', display: 'Anne Johansen (mor)' };
form.recipient = 'fastlegen din';
form.questionnaireUrl = 'https://helsekit.no/fhir/Questionnaire/fastlege-helseopplysninger';
slot.replaceChildren(form);
