import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Questionnaire } from 'fhir/r4';
import { HkFhirError } from './errors.js';
import { questionnaireToSurvey } from './questionnaire-to-survey.js';
import { buildQuestionnaireResponse, responseToAnswers } from './questionnaire-response.js';
import { extractObservations } from './extract.js';
import { createExpressionEngine } from './expressions.js';

const code = (r: { ok: boolean; error?: HkFhirError }) => (r.ok ? 'ok' : r.error!.code);

test('malformed JSON text is a typed error with an English message and a message key', () => {
  const r = questionnaireToSurvey('{"resourceType": "Questionnaire", "item": [');
  assert.equal(code(r), 'malformed-json');
  assert.ok(!r.ok && r.error instanceof HkFhirError);
  assert.ok(!r.ok && r.error.messageKey === 'fhirError.malformed-json');
  assert.ok(!r.ok && /not valid JSON/.test(r.error.message));
});

test('other resources and non-objects are not questionnaires', () => {
  assert.equal(code(questionnaireToSurvey({ resourceType: 'Patient' })), 'not-a-questionnaire');
  assert.equal(code(questionnaireToSurvey('[1,2]')), 'not-a-questionnaire');
  assert.equal(code(questionnaireToSurvey('null')), 'not-a-questionnaire');
  assert.equal(code(questionnaireToSurvey(42)), 'not-a-questionnaire');
  assert.equal(code(questionnaireToSurvey({ resourceType: 'Questionnaire', item: 'x' })), 'not-a-questionnaire');
  assert.equal(code(buildQuestionnaireResponse({ resourceType: 'Observation' }, {})), 'not-a-questionnaire');
  assert.equal(code(responseToAnswers({ resourceType: 'Questionnaire', status: 'active' }, { resourceType: 'Patient' })), 'not-a-questionnaire-response');
});

test('enableWhen cycles are refused, by the converter and by the response builder', () => {
  const q: Questionnaire = { resourceType: 'Questionnaire', status: 'active', item: [
    { linkId: 'a', type: 'boolean', enableWhen: [{ question: 'b', operator: 'exists', answerBoolean: true }] },
    { linkId: 'b', type: 'boolean', enableWhen: [{ question: 'a', operator: 'exists', answerBoolean: true }] },
  ] };
  const r = questionnaireToSurvey(q);
  assert.equal(code(r), 'enable-when-cycle');
  assert.ok(!r.ok && /a → b → a|b → a → b/.test(r.error.message));
  assert.equal(code(buildQuestionnaireResponse(q, { a: true, b: true })), 'enable-when-cycle');
  // a group enabled by its own child is a cycle too
  const g: Questionnaire = { resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'g', type: 'group', enableWhen: [{ question: 'c', operator: 'exists', answerBoolean: true }], item: [{ linkId: 'c', type: 'string' }] }] };
  assert.equal(code(questionnaireToSurvey(g)), 'enable-when-cycle');
});

test('unknown item types, missing and duplicate linkIds are reported issues', () => {
  const r = questionnaireToSurvey({ resourceType: 'Questionnaire', status: 'active', item: [
    { linkId: 'x', type: 'hologram' },
    { type: 'string', text: 'no linkId' },
    { linkId: 'd', type: 'string' },
    { linkId: 'd', type: 'group', item: [{ linkId: 'd.child', type: 'string' }] },
  ] });
  assert.ok(r.ok);
  const reasons = r.value.issues.map((i) => `${i.linkId}: ${i.reason}`).join('\n');
  assert.match(reasons, /x: unknown item type "hologram"/);
  assert.match(reasons, /item has no linkId/);
  assert.match(reasons, /d: linkId used by more than one item/);
  assert.match(reasons, /d\.child: left out/);
});

test('a 10 MB document is refused as too large, quickly', () => {
  const big = JSON.stringify({ resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'a', type: 'string', text: 'x'.repeat(10 * 1024 * 1024) }] });
  const t0 = performance.now();
  assert.equal(code(questionnaireToSurvey(big)), 'too-large');
  assert.equal(code(questionnaireToSurvey(JSON.parse(big))), 'too-large');
  assert.ok(performance.now() - t0 < 2000);
  // many small items are too large as well
  const many = { resourceType: 'Questionnaire', status: 'active', item: Array.from({ length: 200 }, (_, i) => ({ linkId: `i${i}`, type: 'string' })) };
  assert.equal(code(questionnaireToSurvey(many, { limits: { maxItems: 100 } })), 'too-large');
});

test('deep nesting is refused (text and objects), as is a cyclic object graph', () => {
  const deepText = '{"resourceType":"Questionnaire","x":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
  assert.equal(code(questionnaireToSurvey(deepText)), 'too-deep');
  let item: Record<string, unknown> = { linkId: 'leaf', type: 'string' };
  for (let i = 0; i < 500; i++) item = { linkId: `g${i}`, type: 'group', item: [item] };
  assert.equal(code(questionnaireToSurvey({ resourceType: 'Questionnaire', status: 'active', item: [item] })), 'too-deep');
  const cyclic: Record<string, unknown> = { resourceType: 'Questionnaire', status: 'active' };
  cyclic.item = [{ linkId: 'a', type: 'group', item: [] as unknown[] }];
  ((cyclic.item as Array<{ item: unknown[] }>)[0]!.item).push(cyclic);
  assert.equal(code(questionnaireToSurvey(cyclic)), 'too-deep');
  assert.equal(code(buildQuestionnaireResponse(cyclic, {})), 'too-deep');
});

test('strings in brackets do not count as nesting', () => {
  const q = JSON.stringify({ resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'a', type: 'display', text: '[[[[[[{{{{{{'.repeat(1000) }] });
  assert.equal(code(questionnaireToSurvey(q)), 'ok');
});

test('nothing is thrown past the API, whatever the input', async () => {
  const inputs: unknown[] = [undefined, null, '', '   ', 'undefined', '{}', { resourceType: 'Questionnaire' }, { resourceType: 'Questionnaire', item: [null, 1, 'x', { linkId: 5 }] },
    { resourceType: 'Questionnaire', item: [{ linkId: 'a', type: 'choice', answerOption: [null, {}, { valueReference: { reference: 'x' } }], enableWhen: [{ question: 'zz', operator: '~' }] }] },
    { resourceType: 'Questionnaire', contained: [null, { resourceType: 'ValueSet' }], item: [{ linkId: 'a', type: 'choice', answerValueSet: '#missing' }] }];
  for (const input of inputs) {
    assert.doesNotThrow(() => questionnaireToSurvey(input));
    assert.doesNotThrow(() => buildQuestionnaireResponse(input, { a: 'x' }));
    assert.doesNotThrow(() => responseToAnswers(input, { resourceType: 'QuestionnaireResponse', item: [null] }));
    assert.doesNotThrow(() => extractObservations(input, { resourceType: 'QuestionnaireResponse' }));
    const e = await createExpressionEngine(input);
    assert.equal(typeof e.ok, 'boolean');
  }
});

test('answer data that is not an object is a typed error', () => {
  assert.equal(code(buildQuestionnaireResponse({ resourceType: 'Questionnaire', status: 'active' }, 'x' as never)), 'invalid-answer');
});

test('every error code has a UI catalog key in all four languages', async () => {
  const { formMessageKey } = await import('./errors.js');
  const { catalogs } = await import('../i18n/catalogs.js');
  const { LOCALES } = await import('../i18n/locale.js');
  for (const c of ['too-large', 'survey-load-failed', 'malformed-json', 'internal'] as const) {
    const key = formMessageKey(c);
    for (const locale of LOCALES) assert.equal(typeof catalogs[locale][key], 'string', `${c} in ${locale}`);
  }
});
