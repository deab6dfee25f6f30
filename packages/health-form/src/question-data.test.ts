import { test } from 'node:test';
import assert from 'node:assert/strict';
import { questionnaireToSurvey } from '@helsekit/core/fhir';
import { questionData } from './question-data.js';

const convert = (q: unknown) => {
  const conv = questionnaireToSurvey(q);
  if (!conv.ok) throw new Error(conv.error.message);
  return conv.value.survey;
};

test('a question in a read-only group is read-only; required, hidden and texts come from the item', () => {
  const survey = convert({
    resourceType: 'Questionnaire',
    status: 'active',
    item: [
      { linkId: 'name', text: 'Navn', type: 'string', required: true },
      {
        linkId: 'g',
        text: 'Fra journalen',
        type: 'group',
        readOnly: true,
        item: [{ linkId: 'dob', text: 'Fødselsdato', type: 'date' }],
      },
      {
        linkId: 'secret',
        text: 'Skjult',
        type: 'string',
        extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden', valueBoolean: true }],
      },
    ],
  });
  const data = questionData(survey);
  assert.equal(data.get('name')?.title, 'Navn');
  assert.equal(data.get('name')?.required, true);
  assert.equal(data.get('name')?.readOnly, false);
  assert.equal(data.get('name')?.visible, true);
  assert.equal(data.get('dob')?.readOnly, true);
  assert.equal(data.get('dob')?.required, false);
  assert.equal(data.get('secret')?.visible, false);
  assert.equal(data.has('g'), false, 'groups are not questions');
});

test('a localized text is left to survey-core (no title here), a plain one is kept', () => {
  const data = questionData({
    pages: [
      {
        name: 'p',
        elements: [
          { type: 'text', name: 'a', title: { default: 'Alder', en: 'Age' }, description: { default: 'År' } },
          { type: 'text', name: 'b', title: 'Vekt', description: 'I kilo' },
          { type: 'paneldynamic', name: 'rep', title: 'Barn', templateElements: [{ type: 'text', name: 'child' }] },
        ],
      },
    ],
  });
  assert.equal(data.get('a')?.title, undefined);
  assert.equal(data.get('a')?.descriptionKnown, false);
  assert.equal(data.get('b')?.title, 'Vekt');
  assert.equal(data.get('b')?.description, 'I kilo');
  assert.equal(data.has('child'), false, 'questions inside a repeating group are instances: left to survey-core');
});

test('on a static FHIR form it is what survey-core says: title, description, required, read-only, visible', async () => {
  const core = await import('survey-core');
  const { createHeadlessModel, prepareSurveyCore, hasSurveyLogic } = await import('@helsekit/core/survey');
  prepareSurveyCore(core as never);
  const survey = convert({
    resourceType: 'Questionnaire',
    status: 'active',
    item: [
      { linkId: 'name', text: 'Navn', type: 'string', required: true },
      {
        linkId: 'pain',
        text: 'Smerte',
        type: 'integer',
        item: [
          {
            linkId: 'pain-help',
            text: '0 er ingen smerte',
            type: 'display',
            extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl', valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'help' }] } }],
          },
        ],
      },
      { linkId: 'g', text: 'Fra journalen', type: 'group', readOnly: true, item: [{ linkId: 'dob', text: 'Fødselsdato', type: 'date', required: true }] },
      { linkId: 'calc', text: 'Sum', type: 'integer', readOnly: true },
      { linkId: 'info', text: 'Les dette først', type: 'display' },
      { linkId: 'secret', text: 'Skjult', type: 'string', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden', valueBoolean: true }] },
    ],
  });
  assert.equal(hasSurveyLogic(survey), false);
  const model = createHeadlessModel(core as never, survey) as unknown as {
    getAllQuestions(): Array<{ name: string; processedTitle: string; hkText?: unknown; description: string; isRequired: boolean; isReadOnly: boolean; isVisible: boolean }>;
  };
  const data = questionData(survey);
  const questions = model.getAllQuestions();
  assert.ok(questions.length >= 6);
  for (const q of questions) {
    const d = data.get(q.name);
    assert.ok(d, q.name);
    assert.equal(d.title, typeof q.hkText === 'string' ? q.hkText : q.processedTitle, `${q.name} title`);
    assert.equal(d.description ?? '', q.description ?? '', `${q.name} description`);
    assert.equal(d.required, q.isRequired, `${q.name} required`);
    assert.equal(d.readOnly, q.isReadOnly, `${q.name} read-only`);
    assert.equal(d.visible, q.isVisible, `${q.name} visible`);
  }
  assert.equal(data.get('pain')?.description, '0 er ingen smerte');
});
