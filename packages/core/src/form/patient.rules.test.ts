import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Questionnaire } from 'fhir/r4';
import { itemIndex } from './form.rules.js';
import { autocompleteFor, patientFieldOf } from './patient.rules.js';

const q: Questionnaire = {
  resourceType: 'Questionnaire',
  status: 'active',
  item: [
    { linkId: 'navn', type: 'string', text: 'Navn' },
    { linkId: 'born', type: 'date', text: 'Fødselsdato', code: [{ system: 'http://loinc.org', code: '21112-8' }] },
    { linkId: 'fnr', type: 'string', text: 'Fødselsnummer' },
    { linkId: 'reason', type: 'string', text: 'Hva gjelder det?' },
    { linkId: 'name', type: 'date', text: 'A date that happens to be linkId name' },
  ],
};
const info = (linkId: string) => itemIndex(q).get(linkId)!;

test('finds the patient field an item asks for, by linkId or code, and only for the right type', () => {
  assert.equal(patientFieldOf(info('navn')), 'name');
  assert.equal(patientFieldOf(info('born')), 'birthDate');
  assert.equal(patientFieldOf(info('fnr')), 'fodselsnummer');
  assert.equal(patientFieldOf(info('reason')), null);
  assert.equal(patientFieldOf(info('name')), null, 'a date is never the name');
});

test('autocomplete tokens (WCAG 1.3.5): name and bday; off for the fødselsnummer and everything else', () => {
  assert.equal(autocompleteFor(info('navn')), 'name');
  assert.equal(autocompleteFor(info('born')), 'bday');
  assert.equal(autocompleteFor(info('fnr')), 'off');
  assert.equal(autocompleteFor(info('reason')), 'off');
  assert.equal(autocompleteFor(info('reason'), { name: ['reason'] }), 'name', 'the host can say which item is the name');
});
