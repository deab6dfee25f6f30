import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Questionnaire, QuestionnaireResponse } from 'fhir/r4';
import { questionnaireToSurvey } from '../fhir/questionnaire-to-survey.js';
import { examplePatient, gpIntakeForm, preConsultationForm } from './form.fixtures.js';
import { backoffMs, buildDraftResponse, buildSubmission, computePages, isScoredInstrument, readDraft, scoredInstrumentOf, scoreSubmission, submittableAnswers, validateAll } from './form.rules.js';
import { questionnaireFromSurveyJson } from './form.surveyjs.js';
import { patientPrefill } from './patient.rules.js';
import type { FormInput, PrefillEntry } from './form.types.js';

const input: FormInput = { questionnaireUrl: preConsultationForm.url!, subject: { reference: 'Patient/p1', display: 'Kari' } };

describe('form rules', () => {
  it('pages follow itemControl page; one page without it; disabled and hidden questions are left out', () => {
    assert.deepEqual(computePages(preConsultationForm, {}).map((p) => [p.id, p.linkIds]), [
      ['about', ['name', 'fodselsnummer', 'gp']],
      ['health', ['smoker', 'height', 'weight', 'allergies']],
      ['reason', ['complaint']],
    ]);
    assert.deepEqual(computePages(preConsultationForm, { allergies: true })[1]!.linkIds, ['smoker', 'height', 'weight', 'allergies', 'allergyList']);
    assert.deepEqual(computePages(gpIntakeForm, {}).map((p) => p.linkIds.length), [5]);
    const onePer = computePages(preConsultationForm, {}, true);
    assert.equal(onePer.length, 8);
    assert.deepEqual(onePer[3], { id: 'smoker', groupLinkId: 'health', title: 'Helse', linkIds: ['smoker'] });
  });

  it('the pages of a form without enableWhen are made once and shared; with enableWhen they follow the answers', () => {
    const first = computePages(gpIntakeForm, {});
    assert.equal(computePages(gpIntakeForm, { anything: 'else' }), first, 'no answer changes them');
    assert.notEqual(computePages(gpIntakeForm, {}, true), first, 'one question per page is its own list');
    assert.throws(() => (first[0]!.linkIds as string[]).push('x'), TypeError, 'shared, so frozen');
    assert.deepEqual(first.map((p) => p.linkIds.length), [5]);
    assert.notDeepEqual(computePages(preConsultationForm, {})[1]!.linkIds, computePages(preConsultationForm, { allergies: true })[1]!.linkIds);
  });

  it('validation in page order', () => {
    assert.deepEqual(validateAll(preConsultationForm, {}).map((e) => [e.linkId, e.code]), [
      ['fodselsnummer', 'required'],
      ['allergies', 'required'],
      ['complaint', 'required'],
    ]);
    const q: Questionnaire = {
      resourceType: 'Questionnaire',
      status: 'active',
      item: [
        { linkId: 'n', type: 'integer', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 0 }, { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 10 }] },
        { linkId: 's', type: 'string', maxLength: 3 },
        { linkId: 'd', type: 'date' },
      ],
    };
    assert.deepEqual(validateAll(q, { n: 11, s: 'abcd', d: '2026-02-30' }).map((e) => [e.code, e.limit]), [['tooHigh', 10], ['tooLong', 3], ['dateInvalid', undefined]]);
    assert.deepEqual(validateAll(q, { n: 2.5 }).map((e) => e.code), ['integerInvalid']);
    assert.deepEqual(validateAll(q, { n: 5, s: 'abc', d: '2026-02' }), []);
  });

  it('hidden items (also under a hidden group), cleared and offered values never leave', () => {
    const q: Questionnaire = {
      resourceType: 'Questionnaire',
      status: 'active',
      url: 'https://example.org/q',
      item: [
        { linkId: 'a', type: 'string' },
        { linkId: 'g', type: 'group', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden', valueBoolean: true }], item: [{ linkId: 'inner', type: 'string' }] },
        { linkId: 'c', type: 'string' },
      ],
    };
    const prefill: Record<string, PrefillEntry> = { c: { linkId: 'c', value: 'x', origin: { kind: 'patient' }, state: 'cleared' } };
    assert.deepEqual(submittableAnswers(q, { a: '1', inner: 'secret', c: 'x', unknown: 'y' }, prefill), { a: '1' });
    const built = buildSubmission({ input: { questionnaireUrl: q.url! }, questionnaire: q, answers: { a: '1', inner: 'secret' }, prefill: {}, consent: { share: true, keepForReuse: true } });
    assert.ok(!('error' in built));
    assert.deepEqual(built.response.item?.map((i) => i.linkId), ['a']);
  });

  it('submission: subject, author and source; title for later reuse; identifier; no-reuse tag', () => {
    const built = buildSubmission({ input: { ...input, recipient: { reference: 'Organization/h', display: 'Haukeland' } }, questionnaire: preConsultationForm, answers: { complaint: 'x' }, prefill: {}, consent: { share: true, keepForReuse: false } }, '2026-06-01T10:00:00Z');
    assert.ok(!('error' in built));
    const r = built.response;
    assert.equal(r.questionnaire, `${preConsultationForm.url}|2`);
    assert.deepEqual([r.subject?.reference, r.author?.reference, r.source?.reference], ['Patient/p1', 'Patient/p1', 'Patient/p1']);
    assert.equal(r._questionnaire?.extension?.[0]?.valueString, 'Før timen på poliklinikken');
    assert.match(r.identifier?.value ?? '', /^urn:uuid:[0-9a-f-]{36}$/);
    assert.equal(r.meta?.tag?.[0]?.code, 'no-reuse');
    assert.equal(r.extension?.[0]?.valueReference?.display, 'Haukeland');
    assert.equal(r.authored, '2026-06-01T10:00:00Z');
  });

  it('draft codec: answers, page and decisions round-trip; offers stay out', () => {
    const prefill: Record<string, PrefillEntry> = {
      smoker: { linkId: 'smoker', value: 'never', origin: { kind: 'patient' }, state: 'kept' },
      weight: { linkId: 'weight', value: 70, origin: { kind: 'patient' }, state: 'offered' },
      height: { linkId: 'height', value: 170, origin: { kind: 'patient' }, state: 'cleared' },
    };
    const draft = buildDraftResponse({ input, questionnaire: preConsultationForm, answers: { smoker: 'never', complaint: 'Kne' }, prefill, pageIndex: 2 });
    assert.equal(draft.status, 'in-progress');
    const read = readDraft(preConsultationForm, { response: JSON.parse(JSON.stringify(draft)) });
    assert.deepEqual(read, { answers: { smoker: 'never', complaint: 'Kne' }, page: 2, prefill: { smoker: 'kept', height: 'cleared' } });
    const broken = readDraft(preConsultationForm, { response: { ...draft, extension: [{ url: 'https://helsekit.no/fhir/StructureDefinition/form-state', valueString: '{' }] } });
    assert.equal(broken.page, 0);
    assert.deepEqual(broken.answers, { smoker: 'never', complaint: 'Kne' });
  });

  it('backoff doubles up to the cap', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map((n) => backoffMs(n)), [2000, 4000, 8000, 16000, 32000, 60000, 60000]);
    assert.equal(backoffMs(3, { baseMs: 100, maxMs: 250 }), 250);
  });
});

describe('form rules the element relies on', () => {
  it('PHQ-9 and GAD-7 are scored instruments (by LOINC panel code); a plain form is not', () => {
    assert.equal(scoredInstrumentOf({ code: [{ system: 'http://loinc.org', code: '44249-1' }] }), 'phq9');
    assert.equal(scoredInstrumentOf({ code: [{ system: 'http://loinc.org', code: '69737-5' }] }), 'gad7');
    assert.equal(isScoredInstrument({ code: [{ system: 'http://example.org', code: '44249-1' }] }), false);
    assert.equal(isScoredInstrument(preConsultationForm), false);
  });

  it('scores a submitted PHQ-9 response from its options; other forms have no score', () => {
    const opts = [0, 1, 2, 3].map((n) => ({ valueCoding: { system: 'http://loinc.org', code: `LA-${n}`, display: String(n) }, extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: n }] }));
    const phq: Questionnaire = {
      resourceType: 'Questionnaire',
      status: 'active',
      code: [{ system: 'http://loinc.org', code: '44249-1' }],
      item: Array.from({ length: 9 }, (_, i) => ({ linkId: `q${i + 1}`, type: 'choice' as const, text: `Spørsmål ${i + 1}`, answerOption: opts })),
    };
    const response: QuestionnaireResponse = {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      item: Array.from({ length: 9 }, (_, i) => ({ linkId: `q${i + 1}`, answer: [{ valueCoding: { system: 'http://loinc.org', code: 'LA-2' } }] })),
    };
    const score = scoreSubmission(phq, response);
    assert.equal(score?.status, 'scored');
    assert.equal(score?.status === 'scored' ? score.total : -1, 18);
    assert.equal(scoreSubmission(preConsultationForm, response), undefined);
  });

  it('patient fields match linkIds without regard to case', () => {
    const q: Questionnaire = { resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'birthdate', type: 'date', text: 'Fødselsdato' }, { linkId: 'Navn', type: 'string', text: 'Navn' }] };
    const offers = patientPrefill(q, examplePatient);
    assert.deepEqual(offers.map((o) => [o.linkId, o.value]), [['birthdate', '1980-01-01'], ['Navn', 'Kari Nordmann']]);
  });

  it('SurveyJS JSON becomes a Questionnaire the machine can page, validate and answer', () => {
    const survey = {
      title: 'SurveyJS',
      pages: [
        { name: 'p1', title: 'Side 1', elements: [{ type: 'text', name: 'a', title: 'Tall', inputType: 'number', isRequired: true }, { type: 'html', name: 'h', html: 'x' }] },
        { name: 'p2', elements: [{ type: 'radiogroup', name: 'r', title: 'Velg', choices: [{ value: 'x', text: 'Eks' }, 2] }, { type: 'matrix', name: 'm', title: 'Grid', rows: ['r1'], columns: [0, 1] }, { type: 'paneldynamic', name: 'meds', title: 'Legemidler', templateElements: [{ type: 'text', name: 'med', title: 'Navn' }] }] },
      ],
    };
    const conv = questionnaireToSurvey(survey);
    assert.ok(conv.ok);
    const q = questionnaireFromSurveyJson(conv.value.survey as Record<string, unknown>, conv.value.index, 'urn:test');
    assert.equal(q.url, 'urn:test');
    assert.deepEqual(computePages(q, {}).map((p) => [p.groupLinkId, p.linkIds]), [['p1', ['a']], ['p2', ['r', 'm', 'meds']]]);
    assert.deepEqual(validateAll(q, {}).map((e) => [e.linkId, e.code]), [['a', 'required']]);
    // object-valued questions are carried as they are, never refused
    assert.deepEqual(validateAll(q, { a: 2, m: { r1: 1 } }), []);
    const r = q.item![1]!.item!.find((i) => i.linkId === 'r')!;
    assert.deepEqual(r.answerOption, [{ valueCoding: { code: 'x', display: 'Eks' } }, { valueInteger: 2 }]);
    assert.equal(q.item![1]!.item!.find((i) => i.linkId === 'meds')!.repeats, true);
  });
});
