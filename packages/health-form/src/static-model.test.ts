import { test } from 'node:test';
import assert from 'node:assert/strict';
import { questionnaireToSurvey } from '@helsekit/core/fhir';
import { staticModel } from './static-model.js';
import type { SurveyModel, SurveyPanel, SurveyQuestion } from './survey-model.js';

const convert = (q: unknown) => {
  const conv = questionnaireToSurvey(q);
  if (!conv.ok) throw new Error(conv.error.message);
  return conv.value.survey;
};

const HELP = { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl', valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'help' }] } };
const HIDDEN = { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden', valueBoolean: true };
const CALC = {
  url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression',
  valueExpression: { language: 'text/fhirpath', expression: "%resource.item.where(linkId = 'days').answer.value" },
};

const form = {
  resourceType: 'Questionnaire',
  status: 'active',
  title: 'Oppfølging',
  item: [
    { linkId: 'days', text: 'Antall dager', type: 'integer', required: true, item: [{ linkId: 'days-help', text: 'Hele dager', type: 'display', extension: [HELP] }] },
    { linkId: 'note', text: 'Kommentar', type: 'text', maxLength: 200 },
    { linkId: 'smoker', text: 'Røyker du?', type: 'boolean' },
    {
      linkId: 'pain',
      text: 'Smerte',
      type: 'choice',
      answerOption: [{ valueCoding: { code: 'none', display: 'Ingen' } }, { valueCoding: { code: 'some', display: 'Noe' }, initialSelected: true }],
    },
    { linkId: 'info', text: 'Les dette først', type: 'display' },
    { linkId: 'source', text: 'Kilde', type: 'string', extension: [HIDDEN], initial: [{ valueString: 'app' }] },
    { linkId: 'g', text: 'Fra journalen', type: 'group', readOnly: true, item: [{ linkId: 'gp', text: 'Fastlege', type: 'string', initial: [{ valueString: 'Dr. Hansen' }] }] },
    { linkId: 'total', text: 'Sum', type: 'integer', readOnly: true, extension: [CALC] },
    { linkId: 'untitled', type: 'string' },
  ],
};

type Q = SurveyQuestion & { visible: boolean; processedTitle?: string };

async function surveyCoreModel(survey: unknown): Promise<SurveyModel> {
  const core = await import('survey-core');
  const { createHeadlessModel, prepareSurveyCore, skipLogicPasses } = await import('@helsekit/core/survey');
  prepareSurveyCore(core as never);
  const model = createHeadlessModel(core as never, survey) as unknown as SurveyModel;
  skipLogicPasses(model);
  return model;
}

const shape = (m: SurveyModel) =>
  m.pages.map((p) => ({
    name: p.name,
    elements: p.elements.map(function el(e): unknown {
      if (e.isPanel) return { panel: e.name, title: e.title ?? '', visible: e.isVisible, elements: (e as SurveyPanel).elements.map(el) };
      const q = e as Q;
      return {
        name: q.name,
        type: q.getType(),
        title: q.getType() === 'html' ? undefined : q.processedTitle,
        hkText: q.hkText,
        description: q.description ?? '',
        required: q.isRequired,
        readOnly: q.isReadOnly,
        visible: q.isVisible,
        inputType: q.inputType ?? 'text',
        choices: q.visibleChoices?.map((c) => ({ value: c.value, text: c.text })),
      };
    }),
  }));

test('a static FHIR form: the same pages, questions, texts, flags, choices and initial answers as survey-core', async () => {
  const survey = convert(form);
  const ours = staticModel(survey);
  assert.ok(ours, 'the form needs nothing of survey-core');
  const theirs = await surveyCoreModel(survey);
  assert.deepEqual(shape(ours), shape(theirs));
  assert.deepEqual(ours.data, theirs.data);
  assert.deepEqual(
    ours.getAllQuestions().map((q) => q.name),
    theirs.getAllQuestions().map((q) => q.name),
  );
  assert.equal(ours.title, theirs.title);
});

test('answers: set, read, emptied and cleared on hiding as in survey-core, each change announced once', async () => {
  const survey = convert(form);
  for (const model of [staticModel(survey)!, await surveyCoreModel(survey)]) {
    model.clearInvisibleValues = 'onHidden';
    const changes: string[] = [];
    model.onValueChanged.add((_s, o) => changes.push(o.name));
    const days = model.getQuestionByName('days') as Q;
    days.value = 7;
    assert.equal(model.getValue('days'), 7);
    days.value = 7;
    model.setValue('note', 'Verre om morgenen');
    model.setValue('note', '');
    assert.equal('note' in model.data, false, 'an empty answer is no answer');
    (model.getQuestionByName('smoker') as Q).value = true;
    (model.getQuestionByName('smoker') as Q).visible = false;
    assert.equal(model.getValue('smoker'), undefined, 'a hidden question loses its answer');
    assert.deepEqual(changes, ['days', 'note', 'note', 'smoker', 'smoker']);
    assert.deepEqual(model.data, { days: 7, pain: 'some', source: 'app', gp: 'Dr. Hansen' });
  }
});

test('forms that need survey-core get none: logic, localized texts, other question types', () => {
  const withEnableWhen = {
    ...form,
    item: [...form.item, { linkId: 'cigs', text: 'Hvor mange?', type: 'integer', enableWhen: [{ question: 'smoker', operator: '=', answerBoolean: true }] }],
  };
  assert.equal(staticModel(convert(withEnableWhen)), undefined, 'enableWhen becomes a survey-core condition');
  const localized = { ...form, item: [{ linkId: 'a', text: 'Alder', _text: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/translation', extension: [{ url: 'lang', valueCode: 'en' }, { url: 'content', valueString: 'Age' }] }] }, type: 'string' }] };
  assert.equal(staticModel(convert(localized)), undefined, 'a translated text is survey-core\'s to choose');
  const repeating = { ...form, item: [{ linkId: 'meds', text: 'Legemidler', type: 'group', repeats: true, item: [{ linkId: 'med', text: 'Navn', type: 'string' }] }] };
  assert.equal(staticModel(convert(repeating)), undefined, 'a repeating group');
  const attachment = { ...form, item: [{ linkId: 'file', text: 'Vedlegg', type: 'attachment' }] };
  assert.equal(staticModel(convert(attachment)), undefined, 'an attachment');
  assert.equal(staticModel({ elements: [{ type: 'text', name: 'a' }] }), undefined, 'SurveyJS JSON without pages');
  assert.equal(staticModel({ pages: [{ name: 'p', elements: [{ type: 'text', name: 'a', validators: [{ type: 'numeric' }] }] }] }), undefined, 'validators');
});
