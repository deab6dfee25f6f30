import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createActor, waitFor, type SnapshotFrom } from 'xstate';
import type { Questionnaire } from 'fhir/r4';
import { surveyMachine } from './survey.machine.js';
import { registerSurveyLocales, surveyStringsNb, surveyStringsNn, surveyStringsSe } from './survey.locales.js';
import type { SurveyCoreModule, SurveyEmitted, SurveyInput } from './survey.types.js';
import { checkResponseStructure } from '../fhir/validate-response.js';

const page = (code: string) => ({ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl', valueCodeableConcept: { coding: [{ code }] } });
const form: Questionnaire = {
  resourceType: 'Questionnaire', url: 'urn:form', status: 'active',
  item: [
    { linkId: 'p1', type: 'group', text: 'Side 1', extension: [page('page')], item: [
      { linkId: 'name', type: 'string', text: 'Navn', required: true },
      { linkId: 'smoker', type: 'boolean', text: 'Røyker du?' },
      { linkId: 'cigs', type: 'integer', text: 'Hvor mange?', enableWhen: [{ question: 'smoker', operator: '=', answerBoolean: true }] },
    ] },
    { linkId: 'p2', type: 'group', text: 'Side 2', extension: [page('page')], item: [
      { linkId: 'weight', type: 'decimal', text: 'Vekt' },
    ] },
  ],
};

function start(input: Partial<SurveyInput> = {}) {
  let loads = 0;
  const loadSurveyCore = async () => {
    loads++;
    return (await import('survey-core')) as SurveyCoreModule;
  };
  const emitted: SurveyEmitted[] = [];
  const actor = createActor(surveyMachine, { input: { questionnaire: form, locale: 'nb-NO', loadSurveyCore, response: { subject: { reference: 'Patient/1' }, source: { reference: 'RelatedPerson/9' } }, ...input } });
  for (const type of ['survey.loaded', 'survey.value.changed', 'survey.page.changed', 'survey.validation.failed', 'survey.completed', 'survey.failed'] as const) {
    actor.on(type, (e) => emitted.push(e as SurveyEmitted));
  }
  actor.start();
  return { actor, emitted, loads: () => loads };
}

const answering = (s: SnapshotFrom<typeof surveyMachine>) => s.matches({ active: 'answering' });

test('loads survey-core lazily, then walks pages with validation and completes with a QuestionnaireResponse', async () => {
  const { actor, emitted, loads } = start();
  assert.ok(actor.getSnapshot().matches({ active: 'loading' }));
  await waitFor(actor, answering);
  assert.equal(loads(), 1);
  assert.deepEqual(emitted[0], { type: 'survey.loaded', pageCount: 2, issueCount: 0 });

  actor.send({ type: 'PAGE.NEXT' });
  const failed = emitted.find((e) => e.type === 'survey.validation.failed');
  assert.ok(failed && failed.type === 'survey.validation.failed');
  assert.deepEqual(failed.errors.map((e) => e.linkId), ['name']);
  assert.equal(failed.errors[0]!.message, surveyStringsNb.requiredError, 'nb required error');
  assert.equal(actor.getSnapshot().context.pageIndex, 0);

  actor.send({ type: 'SET.VALUE', linkId: 'name', value: 'Kari' });
  actor.send({ type: 'SET.VALUE', linkId: 'smoker', value: true });
  actor.send({ type: 'SET.VALUE', linkId: 'cigs', value: 5 });
  actor.send({ type: 'SET.VALUE', linkId: 'smoker', value: false });
  assert.deepEqual(emitted.filter((e) => e.type === 'survey.value.changed').map((e) => (e as { linkId: string }).linkId), ['name', 'smoker', 'cigs', 'smoker']);
  assert.equal(actor.getSnapshot().context.answers.name, 'Kari');

  actor.send({ type: 'PAGE.NEXT' });
  assert.equal(actor.getSnapshot().context.pageIndex, 1);
  assert.ok(emitted.some((e) => e.type === 'survey.page.changed' && e.pageIndex === 1));
  actor.send({ type: 'PAGE.PREV' });
  assert.equal(actor.getSnapshot().context.pageIndex, 0);
  actor.send({ type: 'PAGE.NEXT' });
  actor.send({ type: 'SET.VALUE', linkId: 'weight', value: 71.5 });
  actor.send({ type: 'COMPLETE' });
  await waitFor(actor, (s) => s.matches('completed'));
  const done = emitted.find((e) => e.type === 'survey.completed');
  assert.ok(done && done.type === 'survey.completed' && done.response);
  const r = done.response;
  assert.equal(r.questionnaire, 'urn:form');
  assert.deepEqual(r.source, { reference: 'RelatedPerson/9' });
  assert.deepEqual(checkResponseStructure(form, r), []);
  const linkIds = JSON.stringify(r.item);
  assert.ok(!linkIds.includes('"cigs"'), 'the disabled answer is not submitted');
  assert.ok(linkIds.includes('"weight"'));
});

test('prefill and locale switch', async () => {
  const { actor } = start({ answers: { name: 'Ola', weight: 80 }, locale: 'nn' });
  await waitFor(actor, answering);
  assert.equal(actor.getSnapshot().context.answers.name, 'Ola');
  assert.equal(actor.getSnapshot().context.locale, 'nn');
  actor.send({ type: 'LOCALE.SET', locale: 'se-NO' });
  assert.equal(actor.getSnapshot().context.locale, 'se');
  actor.stop();
});

test('events sent while loading are kept and applied', async () => {
  const { actor } = start();
  actor.send({ type: 'SET.VALUE', linkId: 'name', value: 'Tidlig' });
  await waitFor(actor, answering);
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(actor.getSnapshot().context.answers.name, 'Tidlig');
  actor.stop();
});

test('bad input fails with a typed code; a failing loader too', async () => {
  const bad = start({ questionnaire: '{oops' });
  await waitFor(bad.actor, (s) => s.matches('failed'));
  assert.equal(bad.actor.getSnapshot().context.failure?.code, 'malformed-json');
  assert.equal(bad.loads(), 0, 'survey-core is not loaded for a form that cannot start');
  const noCore = createActor(surveyMachine, { input: { questionnaire: form, loadSurveyCore: () => Promise.reject(new Error('offline')) } }).start();
  await waitFor(noCore, (s) => s.matches('failed'));
  assert.equal(noCore.getSnapshot().context.failure?.code, 'survey-load-failed');
});

test('calculated expressions run inside the actor (our PHQ-9 total)', async () => {
  const phq9 = JSON.parse(readFileSync(new URL('../fhir/fixtures/phq9.questionnaire.json', import.meta.url), 'utf8'));
  const { actor } = start({ questionnaire: phq9, response: {} });
  await waitFor(actor, answering);
  actor.send({ type: 'SET.VALUE', linkId: 'phq9-1', value: 'LA6571-9' });
  actor.send({ type: 'SET.VALUE', linkId: 'phq9-2', value: 'LA6570-1' });
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(actor.getSnapshot().context.answers['phq9-total'], 5);
  actor.stop();
});

test('nb, nn and se are registered with survey-core', async () => {
  const core = (await import('survey-core')) as SurveyCoreModule;
  registerSurveyLocales(core);
  for (const [code, strings] of [['nb', surveyStringsNb], ['nn', surveyStringsNn], ['se', surveyStringsSe]] as const) {
    assert.equal((core.surveyLocalization.locales[code] as Record<string, string>).requiredError, strings.requiredError);
    const model = new core.Model({ elements: [{ type: 'text', name: 'a', isRequired: true }] });
    model.locale = code;
    assert.equal(model.validate(true), false);
    assert.equal(model.getQuestionByName('a').errors[0]!.getText(), strings.requiredError);
  }
  // every key we translate exists in survey-core's English strings
  const en = core.surveyLocalization.locales.en as Record<string, string>;
  for (const strings of [surveyStringsNb, surveyStringsNn, surveyStringsSe]) for (const k of Object.keys(strings)) assert.ok(k in en, k);
});
