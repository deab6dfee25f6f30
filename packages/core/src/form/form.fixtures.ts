/**
 * Named example forms for tests, examples and docs: a GP intake form (A) and a hospital pre-consultation form (B)
 * that share coded items, so answers given in A are offered in B.
 */
import type { Patient, Questionnaire } from 'fhir/r4';
import { FNR_SYSTEM } from './form.rules.js';
import { PATIENT_FIELD_SYSTEM } from './patient.rules.js';

const LOINC = 'http://loinc.org';
const SMOKING = { system: LOINC, code: '72166-2', display: 'Tobacco smoking status' };
const HEIGHT = { system: LOINC, code: '8302-2', display: 'Body height' };
const WEIGHT = { system: LOINC, code: '29463-7', display: 'Body weight' };
const ALLERGY = { system: 'http://snomed.info/sct', code: '609328004', display: 'Allergic disposition' };
const SMOKING_SYSTEM = 'https://helsekit.no/fhir/CodeSystem/example-smoking';

const smokingOptions = [
  { valueCoding: { system: SMOKING_SYSTEM, code: 'never', display: 'Har aldri røykt' } },
  { valueCoding: { system: SMOKING_SYSTEM, code: 'former', display: 'Har sluttet' } },
  { valueCoding: { system: SMOKING_SYSTEM, code: 'current', display: 'Røyker' } },
];

const linkPeriod = (value: number, code: string) => ({
  url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationLinkPeriod',
  valueDuration: { value, system: 'http://unitsofmeasure.org', code },
});

const kg = { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit', valueCoding: { system: 'http://unitsofmeasure.org', code: 'kg', display: 'kg' } };
const page = { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl', valueCodeableConcept: { coding: [{ code: 'page' }] } };
const hidden = { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden', valueBoolean: true };

/** Form A: filled in at the GP office. One page. */
export const gpIntakeForm: Questionnaire = {
  resourceType: 'Questionnaire',
  url: 'https://example.org/fhir/Questionnaire/gp-intake',
  version: '1',
  title: 'Egenerklæring hos fastlegen',
  status: 'active',
  item: [
    { linkId: 'smoking', type: 'choice', text: 'Røyker du?', code: [SMOKING], answerOption: smokingOptions },
    { linkId: 'h', type: 'decimal', text: 'Høyde (cm)', code: [HEIGHT] },
    { linkId: 'w', type: 'decimal', text: 'Vekt (kg)', code: [WEIGHT] },
    { linkId: 'allergi', type: 'boolean', text: 'Har du allergier?', code: [ALLERGY] },
    { linkId: 'other', type: 'string', text: 'Annet legen bør vite' },
  ],
};

/** Form B: the hospital's pre-consultation form. Three pages; a hidden item; an item enabled by another. */
export const preConsultationForm: Questionnaire = {
  resourceType: 'Questionnaire',
  url: 'https://example.org/fhir/Questionnaire/preconsult',
  version: '2',
  title: 'Før timen på poliklinikken',
  status: 'active',
  item: [
    {
      linkId: 'about',
      type: 'group',
      text: 'Om deg',
      extension: [page],
      item: [
        { linkId: 'name', type: 'string', text: 'Navn', code: [{ system: PATIENT_FIELD_SYSTEM, code: 'patient-name' }] },
        { linkId: 'fodselsnummer', type: 'string', text: 'Fødselsnummer', required: true, code: [{ system: FNR_SYSTEM, code: 'fnr' }] },
        { linkId: 'gp', type: 'string', text: 'Fastlege' },
      ],
    },
    {
      linkId: 'health',
      type: 'group',
      text: 'Helse',
      extension: [page],
      item: [
        { linkId: 'smoker', type: 'choice', text: 'Røyker du?', code: [SMOKING], answerOption: smokingOptions },
        { linkId: 'height', type: 'decimal', text: 'Høyde (cm)', code: [HEIGHT], extension: [linkPeriod(5, 'a')] },
        { linkId: 'weight', type: 'decimal', text: 'Vekt', code: [WEIGHT], extension: [linkPeriod(3, 'mo'), kg] },
        { linkId: 'allergies', type: 'boolean', text: 'Har du allergier?', required: true, code: [ALLERGY] },
        { linkId: 'allergyList', type: 'string', text: 'Hvilke allergier?', enableWhen: [{ question: 'allergies', operator: '=', answerBoolean: true }] },
        { linkId: 'internalNote', type: 'string', text: 'Internt notat', extension: [hidden] },
      ],
    },
    {
      linkId: 'reason',
      type: 'group',
      text: 'Grunnen til timen',
      extension: [page],
      item: [{ linkId: 'complaint', type: 'text', text: 'Hva vil du ha hjelp med?', required: true }],
    },
  ],
};

/** A made-up person: the number only has a valid checksum. */
export const examplePatient: Patient = {
  resourceType: 'Patient',
  id: 'p1',
  identifier: [{ system: FNR_SYSTEM, value: '01018099957' }],
  name: [{ use: 'official', family: 'Nordmann', given: ['Kari'] }],
  birthDate: '1980-01-01',
  generalPractitioner: [{ reference: 'Practitioner/gp1', display: 'Lege Lise Legesen' }],
};
