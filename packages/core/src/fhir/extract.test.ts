import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Questionnaire } from 'fhir/r4';
import { buildQuestionnaireResponse } from './questionnaire-response.js';
import { extractObservations } from './extract.js';

const EXTRACT = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract';
const CATEGORY = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observation-extract-category';
const vitals = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] };

const q: Questionnaire = {
  resourceType: 'Questionnaire', url: 'urn:q', status: 'active',
  item: [
    { linkId: 'w', type: 'decimal', text: 'Weight', code: [{ system: 'http://loinc.org', code: '29463-7' }], extension: [
      { url: EXTRACT, valueBoolean: true }, { url: CATEGORY, valueCodeableConcept: vitals },
      { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit', valueCoding: { system: 'http://unitsofmeasure.org', code: 'kg', display: 'kg' } }] },
    { linkId: 'g', type: 'group', extension: [{ url: EXTRACT, valueBoolean: true }], item: [
      { linkId: 'smoke', type: 'choice', code: [{ system: 'http://loinc.org', code: '72166-2' }], answerOption: [{ valueCoding: { system: 'http://snomed.info/sct', code: '8517006', display: 'Ex-smoker' } }] },
      { linkId: 'nocode', type: 'string' },
      { linkId: 'off', type: 'integer', code: [{ code: 'x' }], extension: [{ url: EXTRACT, valueBoolean: false }] },
    ] },
    { linkId: 'plain', type: 'string', code: [{ code: 'y' }] },
  ],
};

test('items marked (or inheriting) observationExtract become Observations', () => {
  const built = buildQuestionnaireResponse(q, { w: 72.5, smoke: '8517006', nocode: 'x', off: 3, plain: 'p' }, { id: 'r1', subject: { reference: 'Patient/1' }, source: { reference: 'RelatedPerson/2' }, authored: '2026-05-01T10:00:00Z' });
  assert.ok(built.ok);
  const r = extractObservations(q, built.value.response);
  assert.ok(r.ok);
  const obs = r.value.observations;
  assert.equal(obs.length, 2);
  const [w, s] = obs;
  assert.deepEqual(w!.code.coding, [{ system: 'http://loinc.org', code: '29463-7' }]);
  assert.deepEqual(w!.category, [vitals]);
  assert.deepEqual(w!.valueQuantity, { value: 72.5, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' });
  assert.deepEqual(w!.subject, { reference: 'Patient/1' });
  assert.equal(w!.effectiveDateTime, '2026-05-01T10:00:00Z');
  assert.deepEqual(w!.derivedFrom, [{ reference: 'QuestionnaireResponse/r1' }]);
  assert.deepEqual(w!.performer, [{ reference: 'RelatedPerson/2' }]);
  assert.equal(s!.category![0]!.coding![0]!.code, 'survey');
  assert.deepEqual(s!.valueCodeableConcept?.coding, [{ system: 'http://snomed.info/sct', code: '8517006', display: 'Ex-smoker' }]);
  assert.ok(r.value.issues.some((i) => i.linkId === 'nocode'), 'an extractable item without code is reported');
});

test('extraction inherited from the Questionnaire (our PHQ-9 fixture)', () => {
  const phq9 = JSON.parse(readFileSync(new URL('./fixtures/phq9.questionnaire.json', import.meta.url), 'utf8')) as Questionnaire;
  const answers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9-${i + 1}`, 'LA6569-3']));
  const built = buildQuestionnaireResponse(phq9, { ...answers, 'phq9-total': 9, 'phq9-difficulty': 'LA6573-5' }, { id: 'x' });
  assert.ok(built.ok);
  const r = extractObservations(phq9, built.value.response);
  assert.ok(r.ok);
  assert.equal(r.value.observations.length, 11);
  const total = r.value.observations.find((o) => o.code.coding?.[0]?.code === '44261-6');
  assert.equal(total?.valueInteger, 9);
});

test('a response without id still extracts, and says derivedFrom is missing', () => {
  const built = buildQuestionnaireResponse(q, { w: 70 });
  assert.ok(built.ok);
  const r = extractObservations(q, built.value.response);
  assert.ok(r.ok);
  assert.equal(r.value.observations[0]?.derivedFrom, undefined);
  assert.ok(r.value.issues.some((i) => /derivedFrom/.test(i.reason)));
});
