import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Observation, Questionnaire, QuestionnaireResponse } from 'fhir/r4';
import { createActor, SimulatedClock, waitFor, type AnyActorRef } from 'xstate';
import { MemoryStore } from '../store/memory.store.js';
import { formActorsFromStore } from './form.actors.js';
import { examplePatient, gpIntakeForm, preConsultationForm } from './form.fixtures.js';
import { formMachine } from './form.machine.js';
import { HK } from './form.rules.js';
import type { FormInput } from './form.types.js';
import { patientPrefill, patientValues } from './patient.rules.js';
import { findReusableAnswers, freshnessOf, isFresh, windowStart } from './reuse.rules.js';

const NOW = Date.parse('2026-06-01T10:00:00.000Z');
const questionnaires: Record<string, Questionnaire> = { [gpIntakeForm.url!]: gpIntakeForm, [preConsultationForm.url!]: preConsultationForm };

function gpResponse(authored: string, answers: { smoking?: string; h?: number; w?: number; allergi?: boolean }, extra: Partial<QuestionnaireResponse> = {}): QuestionnaireResponse {
  const item: NonNullable<QuestionnaireResponse['item']> = [];
  if (answers.smoking) item.push({ linkId: 'smoking', answer: [{ valueCoding: { system: 'https://helsekit.no/fhir/CodeSystem/example-smoking', code: answers.smoking } }] });
  if (answers.h !== undefined) item.push({ linkId: 'h', answer: [{ valueDecimal: answers.h }] });
  if (answers.w !== undefined) item.push({ linkId: 'w', answer: [{ valueDecimal: answers.w }] });
  if (answers.allergi !== undefined) item.push({ linkId: 'allergi', answer: [{ valueBoolean: answers.allergi }] });
  return {
    resourceType: 'QuestionnaireResponse',
    id: `gp-${authored}`,
    status: 'completed',
    questionnaire: `${gpIntakeForm.url}|1`,
    subject: { reference: 'Patient/p1' },
    authored,
    extension: [{ url: HK.recipient, valueReference: { reference: 'Organization/haukeland', display: 'Haukeland universitetssjukehus' } }],
    item,
    ...extra,
  };
}

const offersOf = (responses: QuestionnaireResponse[], observations: Observation[] = [], now = NOW) =>
  Object.fromEntries(findReusableAnswers(preConsultationForm, { responses, observations, questionnaires, now }).map((o) => [o.linkId, o]));

describe('reuse: matching', () => {
  it('matches by item code across Questionnaires, with the origin', () => {
    const offers = offersOf([gpResponse('2026-03-12T09:00:00+01:00', { smoking: 'former', h: 172, w: 70, allergi: true })]);
    assert.deepEqual(Object.keys(offers).sort(), ['allergies', 'height', 'smoker', 'weight']);
    assert.equal(offers.smoker!.value, 'former');
    assert.equal(offers.height!.value, 172);
    assert.equal(offers.allergies!.value, true);
    assert.deepEqual(offers.smoker!.origin, {
      kind: 'response',
      questionnaireTitle: 'Egenerklæring hos fastlegen',
      organization: 'Haukeland universitetssjukehus',
      date: '2026-03-12T09:00:00+01:00',
      reference: 'QuestionnaireResponse/gp-2026-03-12T09:00:00+01:00',
    });
  });

  it('newest first', () => {
    const offers = offersOf([gpResponse('2026-01-01T00:00:00Z', { h: 170 }), gpResponse('2026-05-01T00:00:00Z', { h: 171 }), gpResponse('2026-03-01T00:00:00Z', { h: 172 })]);
    assert.equal(offers.height!.value, 171);
  });

  it('same linkId of the same Questionnaire canonical matches without codes (any version)', () => {
    const earlierB: QuestionnaireResponse = {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      questionnaire: `${preConsultationForm.url}|1`,
      authored: '2026-05-01T00:00:00Z',
      item: [
        { linkId: 'about', item: [{ linkId: 'gp', answer: [{ valueString: 'Dr. Hansen' }] }] },
        { linkId: 'health', item: [{ linkId: 'internalNote', answer: [{ valueString: 'secret' }] }] },
        { linkId: 'reason', item: [{ linkId: 'complaint', answer: [{ valueString: 'Kne' }] }] },
      ],
    };
    const offers = offersOf([earlierB]);
    assert.equal(offers.gp!.value, 'Dr. Hansen');
    assert.equal(offers.complaint!.value, 'Kne');
    assert.equal(offers.internalNote, undefined, 'hidden items are never prefilled');
  });

  it('skips responses tagged no-reuse, drafts, and values that do not fit the item', () => {
    const noReuse = gpResponse('2026-05-01T00:00:00Z', { h: 180 }, { meta: { tag: [{ system: HK.reuseTagSystem, code: 'no-reuse' }] } });
    const draft = gpResponse('2026-05-02T00:00:00Z', { h: 181 }, { status: 'in-progress' });
    const unknownOption = gpResponse('2026-05-03T00:00:00Z', { smoking: 'snus' });
    const offers = offersOf([noReuse, draft, unknownOption, gpResponse('2026-01-01T00:00:00Z', { h: 170, smoking: 'never' })]);
    assert.equal(offers.height!.value, 170);
    assert.equal(offers.smoker!.value, 'never', 'an option the item lacks falls through to the older answer');
  });

  it('Observations match by code; a different unit is not offered', () => {
    const obs = (id: string, value: number, code: string, date: string): Observation => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
      effectiveDateTime: date,
      valueQuantity: { value, unit: code, system: 'http://unitsofmeasure.org', code },
      performer: [{ display: 'Hjemmemåling' }],
    });
    const offers = offersOf([], [obs('o2', 150, '[lb_av]', '2026-05-20T00:00:00Z'), obs('o1', 71, 'kg', '2026-05-10T00:00:00Z')]);
    assert.equal(offers.weight!.value, 71);
    assert.deepEqual(offers.weight!.origin, { kind: 'observation', organization: 'Hjemmemåling', date: '2026-05-10T00:00:00Z', reference: 'Observation/o1' });
  });
});

describe('reuse: freshness windows', () => {
  it('reads observationLinkPeriod', () => {
    assert.deepEqual(freshnessOf(preConsultationForm.item![1]!.item![1]!), { value: 5, unit: 'a' });
    assert.deepEqual(freshnessOf(preConsultationForm.item![1]!.item![2]!), { value: 3, unit: 'mo' });
    assert.equal(freshnessOf(preConsultationForm.item![1]!.item![0]!), undefined);
  });

  it('calendar months and years, inclusive boundary, never the future', () => {
    assert.equal(new Date(windowStart(NOW, { value: 3, unit: 'mo' })).toISOString(), '2026-03-01T10:00:00.000Z');
    assert.equal(new Date(windowStart(NOW, { value: 12, unit: 'mo' })).toISOString(), '2025-06-01T10:00:00.000Z');
    assert.equal(new Date(windowStart(NOW, { value: 1, unit: 'a' })).toISOString(), '2025-06-01T10:00:00.000Z');
    assert.equal(windowStart(NOW, { value: 2, unit: 'wk' }), NOW - 14 * 86_400_000);
    assert.equal(isFresh('2026-03-01T10:00:00.000Z', NOW, { value: 3, unit: 'mo' }), true);
    assert.equal(isFresh('2026-03-01T09:59:59.999Z', NOW, { value: 3, unit: 'mo' }), false);
    assert.equal(isFresh('2026-06-01T10:00:00.001Z', NOW, { value: 3, unit: 'mo' }), false);
    assert.equal(isFresh('not a date', NOW, { value: 3, unit: 'mo' }), false);
  });

  it('per item: weight (3 months), height (5 years), smoker (default 12 months)', () => {
    const atEdge = offersOf([gpResponse('2026-03-01T10:00:00.000Z', { w: 70 })]);
    assert.equal(atEdge.weight!.value, 70);
    const justOut = offersOf([gpResponse('2026-03-01T09:59:59.999Z', { w: 70, h: 172, smoking: 'never' })]);
    assert.equal(justOut.weight, undefined);
    assert.equal(justOut.height!.value, 172);
    assert.equal(justOut.smoker!.value, 'never');
    const yearEdge = offersOf([gpResponse('2025-06-01T10:00:00.000Z', { smoking: 'never', h: 172 })]);
    assert.equal(yearEdge.smoker!.value, 'never');
    const yearOut = offersOf([gpResponse('2025-06-01T09:59:59.999Z', { smoking: 'never', h: 172 })]);
    assert.equal(yearOut.smoker, undefined);
    assert.equal(yearOut.height!.value, 172, 'height keeps 5 years');
    const custom = findReusableAnswers(preConsultationForm, { responses: [gpResponse('2026-05-01T00:00:00Z', { smoking: 'never' })], questionnaires, now: NOW, defaultFreshness: { value: 7, unit: 'd' } });
    assert.equal(custom.length, 0);
  });
});

describe('patient prefill', () => {
  it('name, fødselsnummer and GP from the Patient; invalid numbers are not offered', () => {
    assert.deepEqual(patientValues(examplePatient), { name: 'Kari Nordmann', fodselsnummer: '01018099957', birthDate: '1980-01-01', gp: 'Lege Lise Legesen' });
    const offers = Object.fromEntries(patientPrefill(preConsultationForm, examplePatient).map((o) => [o.linkId, o.value]));
    assert.deepEqual(offers, { name: 'Kari Nordmann', fodselsnummer: '01018099957', gp: 'Lege Lise Legesen' });
    const bad = patientValues({ ...examplePatient, identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: '01018099958' }], birthDate: undefined });
    assert.equal(bad.fodselsnummer, undefined);
    assert.equal(bad.birthDate, undefined);
    const fromNumber = patientValues({ resourceType: 'Patient', identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.2', value: '41018012365' }] });
    assert.deepEqual(fromNumber, { fodselsnummer: '41018012365', birthDate: '1980-01-01' });
  });

  it('host selectors override the defaults', () => {
    const q: Questionnaire = { resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'pasientnavn', type: 'string' }] };
    assert.deepEqual(patientPrefill(q, examplePatient).length, 0);
    assert.deepEqual(patientPrefill(q, examplePatient, { fields: { name: ['pasientnavn'] } })[0]?.value, 'Kari Nordmann');
  });
});

describe('reuse end to end: form A, then form B', () => {
  const inFlow = (actor: AnyActorRef, state: string) => waitFor(actor, (s) => (s.value as { flow: string }).flow === state, { timeout: 2000 });
  function start(store: MemoryStore, input: Partial<FormInput> & { questionnaireUrl: string }) {
    const machine = formMachine.provide({ actors: formActorsFromStore(store, { resolveQuestionnaire: async (c) => questionnaires[c] }) as never });
    const actor = createActor(machine, { input: { subject: { reference: 'Patient/p1', display: 'Kari Nordmann' }, ...input } as FormInput, clock: new SimulatedClock() });
    actor.start();
    return actor;
  }

  it('B offers A\'s coded answers with origin; keep, change (marked), clear (left out), confirm a section', async () => {
    const store = new MemoryStore();
    const a = start(store, { questionnaireUrl: gpIntakeForm.url!, recipient: { reference: 'Organization/haukeland', display: 'Haukeland universitetssjukehus' } });
    await inFlow(a, 'filling');
    a.send({ type: 'SET.VALUE', linkId: 'smoking', value: 'former' });
    a.send({ type: 'SET.VALUE', linkId: 'h', value: 172 });
    a.send({ type: 'SET.VALUE', linkId: 'w', value: 70 });
    a.send({ type: 'SET.VALUE', linkId: 'allergi', value: false });
    a.send({ type: 'PAGE.NEXT' });
    a.send({ type: 'REVIEW.CONFIRM' });
    a.send({ type: 'CONSENT.SET', share: true, keepForReuse: true });
    a.send({ type: 'SUBMIT' });
    a.send({ type: 'SUBMIT.CONFIRM' });
    await inFlow(a, 'submitted');
    a.stop();

    const b = start(store, { questionnaireUrl: preConsultationForm.url! });
    await inFlow(b, 'prefillReview');
    const offered = b.getSnapshot().context.prefill;
    assert.deepEqual(Object.keys(offered).sort(), ['allergies', 'height', 'smoker', 'weight']);
    assert.equal(offered.smoker!.state, 'offered');
    assert.equal(offered.smoker!.origin.organization, 'Haukeland universitetssjukehus');
    assert.equal(offered.smoker!.origin.questionnaireTitle, 'Egenerklæring hos fastlegen');
    assert.deepEqual(b.getSnapshot().context.answers, {}, 'nothing is an answer before the person sees it');

    b.send({ type: 'PREFILL.KEEP', linkId: 'smoker' });
    b.send({ type: 'PREFILL.CLEAR', linkId: 'weight' });
    // "Endre" leaves the review for the field, on its page
    b.send({ type: 'PREFILL.CHANGE', linkId: 'height', value: 173 });
    assert.equal((b.getSnapshot().value as { flow: string }).flow, 'filling');
    assert.equal(b.getSnapshot().context.pageIndex, 1);
    b.send({ type: 'PAGE.PREV' });
    b.send({ type: 'SET.VALUE', linkId: 'fodselsnummer', value: '01018099957' });
    b.send({ type: 'PAGE.NEXT' });
    b.send({ type: 'PAGE.NEXT' }); // allergies is required and only offered
    assert.equal(b.getSnapshot().context.pageIndex, 1);
    b.send({ type: 'PREFILL.CONFIRM_SECTION', groupLinkId: 'health' });
    b.send({ type: 'PAGE.NEXT' });
    b.send({ type: 'SET.VALUE', linkId: 'complaint', value: 'Kontroll' });
    b.send({ type: 'PAGE.NEXT' });
    assert.equal((b.getSnapshot().value as { flow: string }).flow, 'review');
    const states = Object.fromEntries(Object.entries(b.getSnapshot().context.prefill).map(([k, v]) => [k, v.state]));
    assert.deepEqual(states, { smoker: 'kept', height: 'changed', weight: 'cleared', allergies: 'kept' });
    b.send({ type: 'REVIEW.CONFIRM' });
    b.send({ type: 'CONSENT.SET', share: true, keepForReuse: false });
    b.send({ type: 'SUBMIT' });
    b.send({ type: 'SUBMIT.CONFIRM' });
    await inFlow(b, 'submitted');
    const r = b.getSnapshot().context.submitted!.response;
    const health = r.item?.find((i) => i.linkId === 'health')?.item ?? [];
    assert.deepEqual(health.map((i) => i.linkId), ['smoker', 'height', 'allergies']);
    assert.equal(health[1]!.answer?.[0]?.valueDecimal, 173);
    assert.deepEqual(r.meta?.tag, [{ system: HK.reuseTagSystem, code: 'no-reuse' }]);
    b.stop();
  });

  it('nothing is looked up with reuse off, or without a subject', async () => {
    const store = new MemoryStore();
    const { id: _id, ...earlier } = gpResponse(new Date(Date.now() - 86_400_000).toISOString(), { smoking: 'current' });
    await store.put(earlier as QuestionnaireResponse);
    const off = start(store, { questionnaireUrl: preConsultationForm.url!, reuse: { enabled: false } });
    await inFlow(off, 'filling');
    assert.deepEqual(off.getSnapshot().context.prefill, {});
    off.stop();
    const machine = formMachine.provide({ actors: formActorsFromStore(store, { resolveQuestionnaire: async (c) => questionnaires[c] }) as never });
    const anonymous = createActor(machine, { input: { questionnaireUrl: preConsultationForm.url! }, clock: new SimulatedClock() }).start();
    await inFlow(anonymous, 'filling');
    assert.deepEqual(anonymous.getSnapshot().context.prefill, {});
    anonymous.stop();
  });

  it('offers never kept are not submitted', async () => {
    const store = new MemoryStore();
    const { id: _id, ...earlier } = gpResponse(new Date(Date.now() - 86_400_000).toISOString(), { smoking: 'current', h: 180, allergi: false });
    await store.put(earlier as QuestionnaireResponse);
    const b = start(store, { questionnaireUrl: preConsultationForm.url! });
    await inFlow(b, 'prefillReview');
    b.send({ type: 'PREFILL.DONE' });
    b.send({ type: 'SET.VALUE', linkId: 'fodselsnummer', value: '01018099957' });
    b.send({ type: 'PAGE.NEXT' });
    b.send({ type: 'SET.VALUE', linkId: 'allergies', value: true });
    b.send({ type: 'PAGE.NEXT' });
    b.send({ type: 'SET.VALUE', linkId: 'complaint', value: 'Kontroll' });
    b.send({ type: 'PAGE.NEXT' });
    b.send({ type: 'REVIEW.CONFIRM' });
    b.send({ type: 'CONSENT.SET', share: true, keepForReuse: true });
    b.send({ type: 'SUBMIT' });
    b.send({ type: 'SUBMIT.CONFIRM' });
    await inFlow(b, 'submitted');
    const health = b.getSnapshot().context.submitted!.response.item?.find((i) => i.linkId === 'health')?.item ?? [];
    assert.deepEqual(health.map((i) => i.linkId), ['allergies']);
    assert.equal(b.getSnapshot().context.prefill.allergies?.state, 'changed');
    b.stop();
  });
});
