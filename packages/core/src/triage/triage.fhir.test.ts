import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Bundle, CarePlan, FhirResource, Observation, QuestionnaireResponse, ServiceRequest, Task } from 'fhir/r4';
import type { TriageAnswer, Disposition } from './protocol.types.js';
import { fixtureProtocol } from './triage.fixtures.js';
import {
  ANSWERED_FOR_ANOTHER,
  DISPOSITION_CODE_SYSTEM,
  endOfDayInOslo,
  occurrencePeriod,
  questionnaireCanonical,
  toTriageBundle,
  toTriageTransaction,
  TRIAGE_OBSERVATION_CODE_SYSTEM,
  type TriageResult,
} from './triage.fhir.js';
import { allRedFlags, decide, type RedFlagAnswers } from './triage.rules.js';

const protocol = fixtureProtocol();
const allNo: RedFlagAnswers = Object.fromEntries(allRedFlags(protocol).map((f) => [f.id, 'no' as const]));
const now = new Date('2026-06-15T10:00:00Z');

function result(answers: Record<string, TriageAnswer>, red: RedFlagAnswers = allNo): TriageResult {
  return { protocol, redFlagAnswers: red, answers, decision: decide(protocol, red, answers) };
}

const resources = (bundle: Bundle) => (bundle.entry ?? []).map((e) => e.resource as FhirResource);
const ofType = <T extends FhirResource>(bundle: Bundle, type: T['resourceType']) => resources(bundle).filter((r) => r.resourceType === type) as T[];
const byUrl = (bundle: Bundle, reference: string | undefined) => bundle.entry?.find((e) => e.fullUrl === reference)?.resource;

describe('triage result as a FHIR collection Bundle', () => {
  const sameDay = result({ 'has-fever': 'yes', temp: 39, days: 2, age: 50, where: 'home', symptoms: ['rash'] });
  const bundle = toTriageBundle(sameDay, { now, subject: { reference: 'Patient/p1' } });

  it('has urn:uuid fullUrls and matching ids', () => {
    assert.equal(bundle.type, 'collection');
    for (const entry of bundle.entry ?? []) {
      assert.match(entry.fullUrl ?? '', /^urn:uuid:[0-9a-f-]{36}$/);
      assert.equal(entry.fullUrl, `urn:uuid:${entry.resource?.id}`);
    }
    assert.equal(new Set(bundle.entry?.map((e) => e.fullUrl)).size, bundle.entry?.length);
  });

  it('holds the QuestionnaireResponse with the protocol canonical and only the asked questions', () => {
    const [qr] = ofType<QuestionnaireResponse>(bundle, 'QuestionnaireResponse');
    assert.equal(qr?.questionnaire, 'https://helsekit.no/fhir/Questionnaire/triage-fixture|1.0.0');
    assert.equal(qr?.questionnaire, questionnaireCanonical(protocol));
    assert.equal(qr?.status, 'completed');
    assert.deepEqual(qr?.subject, { reference: 'Patient/p1' });
    assert.deepEqual(qr?.item?.map((i) => i.linkId), ['red-flags', 'has-fever', 'temp', 'days', 'age', 'where', 'symptoms']);
    assert.equal(qr?.item?.[0]?.item?.length, allRedFlags(protocol).length);
    const temp = qr?.item?.find((i) => i.linkId === 'temp');
    assert.deepEqual(temp?.answer?.[0]?.valueQuantity, { value: 39, unit: '°C (nb)', system: 'http://unitsofmeasure.org', code: 'Cel' });
    const days = qr?.item?.find((i) => i.linkId === 'days');
    assert.equal(days?.answer?.[0]?.valueQuantity?.code, 'd');
    const symptoms = qr?.item?.find((i) => i.linkId === 'symptoms');
    assert.equal(symptoms?.answer?.[0]?.valueCoding?.code, 'rash');
  });

  it('has a disposition Observation in our CodeSystem, derived from the response', () => {
    const disposition = ofType<Observation>(bundle, 'Observation').find((o) => o.code.coding?.[0]?.code === 'disposition');
    assert.equal(disposition?.code.coding?.[0]?.system, TRIAGE_OBSERVATION_CODE_SYSTEM);
    assert.deepEqual(disposition?.valueCodeableConcept?.coding?.[0]?.system, DISPOSITION_CODE_SYSTEM);
    assert.equal(disposition?.valueCodeableConcept?.coding?.[0]?.code, 'gp-same-day');
    const qrUrl = bundle.entry?.find((e) => e.resource?.resourceType === 'QuestionnaireResponse')?.fullUrl;
    assert.equal(disposition?.derivedFrom?.[0]?.reference, qrUrl);
    assert.match(disposition?.note?.[0]?.text ?? '', /38.5 to 40/);
  });

  it('has one Observation per key finding', () => {
    const findings = ofType<Observation>(bundle, 'Observation').filter((o) => o.code.coding?.[0]?.code !== 'disposition');
    assert.deepEqual(findings.map((o) => o.code.coding?.[0]?.code), ['fixture/has-fever', 'fixture/temp', 'fixture/symptoms']);
    assert.equal(findings[1]?.valueQuantity?.value, 39);
    assert.equal(findings[2]?.component?.[0]?.code.coding?.[0]?.code, 'rash');
  });

  it('has a ServiceRequest: urgent, GP office, today in Oslo', () => {
    const [sr] = ofType<ServiceRequest>(bundle, 'ServiceRequest');
    assert.equal(sr?.priority, 'urgent');
    assert.equal(sr?.intent, 'proposal');
    assert.equal(sr?.performerType?.coding?.[0]?.code, 'fastlege');
    assert.deepEqual(sr?.occurrencePeriod, { start: '2026-06-15T10:00:00.000Z', end: '2026-06-15T23:59:59+02:00' });
    assert.ok(sr?.supportingInfo?.every((ref) => byUrl(bundle, ref.reference)));
    assert.equal(ofType(bundle, 'CarePlan').length, 0);
  });
});

describe('priority, performer and period per disposition', () => {
  const cases: Array<[string, Record<string, TriageAnswer>, RedFlagAnswers | undefined, Disposition, string, string]> = [
    ['red flag 113', {}, { ...allNo, 'general-speech': 'yes' }, 'call-113', 'stat', 'amk'],
    ['red flag 116117', {}, { ...allNo, 'rf-breathing': 'yes' }, 'call-116117', 'asap', 'legevakt'],
    ['fever 41', { 'has-fever': 'yes', temp: 41, days: 1, age: 30, where: 'home', symptoms: [] }, undefined, 'call-116117', 'asap', 'legevakt'],
    ['long illness', { 'has-fever': 'no', days: 9, age: 30, where: 'home', symptoms: [] }, undefined, 'gp-appointment', 'routine', 'fastlege'],
    ['abroad', { 'has-fever': 'no', days: 1, age: 30, where: 'abroad', symptoms: [] }, undefined, 'e-consultation', 'routine', 'fastlege'],
  ];
  for (const [name, answers, red, disposition, priority, performer] of cases) {
    it(`${name}: ${disposition} → ${priority}, ${performer}`, () => {
      const r = result(answers, red);
      assert.equal(r.decision.disposition, disposition);
      const bundle = toTriageBundle(r, { now });
      const [sr] = ofType<ServiceRequest>(bundle, 'ServiceRequest');
      assert.equal(sr?.priority, priority);
      assert.equal(sr?.performerType?.coding?.[0]?.code, performer);
      assert.ok(sr?.occurrencePeriod?.start && sr.occurrencePeriod.end && sr.occurrencePeriod.end > sr.occurrencePeriod.start);
    });
  }

  it('one Observation per positive red flag, "vet ikke" included', () => {
    const bundle = toTriageBundle(result({}, { ...allNo, 'general-speech': 'yes', 'rf-bleeding': 'dontknow' }), { now });
    const flags = ofType<Observation>(bundle, 'Observation').filter((o) => o.code.coding?.[0]?.code !== 'disposition');
    assert.deepEqual(flags.map((o) => o.code.coding?.[0]?.code), ['general/general-speech', 'fixture/rf-bleeding']);
    assert.deepEqual(flags.map((o) => o.valueCodeableConcept?.coding?.[0]?.code), ['Y', 'asked-unknown']);
    const [sr] = ofType<ServiceRequest>(bundle, 'ServiceRequest');
    assert.equal(sr?.reasonReference?.length, 2);
  });

  it('every positive red flag is reported, not only the deciding ones (113 and 116117 ticked together)', () => {
    const bundle = toTriageBundle(result({}, { ...allNo, 'rf-breathing': 'yes', 'general-speech': 'yes' }), { now, language: 'en' });
    const observations = ofType<Observation>(bundle, 'Observation');
    const flags = observations.filter((o) => o.code.coding?.[0]?.code !== 'disposition');
    assert.deepEqual(flags.map((o) => o.code.coding?.[0]?.code), ['general/general-speech', 'fixture/rf-breathing']);
    const disposition = observations.find((o) => o.code.coding?.[0]?.code === 'disposition');
    assert.equal(disposition?.valueCodeableConcept?.coding?.[0]?.code, 'call-113');
    assert.equal(disposition?.derivedFrom?.length, 3);
    assert.match(disposition?.note?.[0]?.text ?? '', /^Has speech suddenly become slurred.* Harder to breathe\?$/);
    const [sr] = ofType<ServiceRequest>(bundle, 'ServiceRequest');
    assert.equal(sr?.priority, 'stat');
    assert.deepEqual(sr?.reasonReference?.map((r) => byUrl(bundle, r.reference)?.id), flags.map((o) => o.id));
  });

  it('self-care gets a CarePlan with advice and safety net, and no ServiceRequest', () => {
    const bundle = toTriageBundle(result({ 'has-fever': 'no', days: 1, age: 30, where: 'home', symptoms: [] }), { now, language: 'en' });
    assert.equal(ofType(bundle, 'ServiceRequest').length, 0);
    const [plan] = ofType<CarePlan>(bundle, 'CarePlan');
    assert.equal(plan?.intent, 'plan');
    assert.equal(plan?.activity?.[0]?.detail?.description, 'self-care advice');
    assert.equal(plan?.note?.[0]?.text, 'self-care safety net');
    assert.deepEqual(plan?.subject, { display: 'Innbygger (ikke identifisert)' });
  });

  it('periods: 113 within 15 minutes, same day until 23:59 Oslo (winter offset too)', () => {
    assert.deepEqual(occurrencePeriod('call-113', now), { start: '2026-06-15T10:00:00.000Z', end: '2026-06-15T10:15:00.000Z' });
    assert.equal(endOfDayInOslo(new Date('2026-01-10T22:30:00Z')), '2026-01-10T23:59:59+01:00');
    assert.equal(endOfDayInOslo(new Date('2026-01-10T23:30:00Z')), '2026-01-11T23:59:59+01:00');
  });
});

describe('transaction with a Task for the GP office inbox', () => {
  it('POSTs every resource without ids and focuses the Task on the ServiceRequest', () => {
    let n = 0;
    const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
    const bundle = toTriageTransaction(result({ 'has-fever': 'no', days: 9, age: 30, where: 'home', symptoms: [] }), {
      now,
      uuid,
      gpOffice: { reference: 'Organization/gp-1' },
      subject: { identifier: { system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: '12345678910' } },
    });
    assert.equal(bundle.type, 'transaction');
    for (const entry of bundle.entry ?? []) {
      assert.equal(entry.request?.method, 'POST');
      assert.equal(entry.request?.url, entry.resource?.resourceType);
      assert.equal(entry.resource?.id, undefined);
      assert.match(entry.fullUrl ?? '', /^urn:uuid:/);
    }
    const [task] = ofType<Task>(bundle, 'Task');
    assert.equal(task?.status, 'requested');
    assert.equal(task?.intent, 'order');
    assert.equal(task?.priority, 'routine');
    assert.deepEqual(task?.owner, { reference: 'Organization/gp-1' });
    assert.equal(byUrl(bundle, task?.focus?.reference)?.resourceType, 'ServiceRequest');
    assert.equal(task?.for?.identifier?.value, '12345678910');
  });

  it('for self-care the Task focuses the CarePlan', () => {
    const bundle = toTriageTransaction(result({ 'has-fever': 'no', days: 1, age: 30, where: 'home', symptoms: [] }), { now });
    const [task] = ofType<Task>(bundle, 'Task');
    assert.equal(byUrl(bundle, task?.focus?.reference)?.resourceType, 'CarePlan');
  });
});

describe('who answered, and "Noe annet" in the person\'s own words', () => {
  const base = result({ 'has-fever': 'no', days: 9, age: 50, where: 'home', symptoms: [] });
  const qrOf = (r: TriageResult, subject = { reference: 'Patient/p1' }) =>
    ofType<QuestionnaireResponse>(toTriageBundle(r, { now, subject }), 'QuestionnaireResponse')[0]!;

  it('the source is the subject when the person answers for themselves', () => {
    assert.deepEqual(qrOf({ ...base, person: { who: 'self', ageBand: '18-64-years' } }).source, { reference: 'Patient/p1' });
  });

  it('the source is a RelatedPerson when someone answers for another', () => {
    const qr = qrOf({ ...base, person: { who: 'other', ageBand: '18-64-years' } });
    assert.deepEqual(qr.source, ANSWERED_FOR_ANOTHER);
    assert.equal(qr.source?.type, 'RelatedPerson');
    assert.deepEqual(qr.subject, { reference: 'Patient/p1' }, 'the subject is still the patient');
    // The transaction carries the same.
    const tx = toTriageTransaction({ ...base, person: { who: 'other', ageBand: '18-64-years' } }, { now });
    const txQr = resources(tx).find((r) => r.resourceType === 'QuestionnaireResponse') as QuestionnaireResponse;
    assert.equal(txQr.source?.type, 'RelatedPerson');
  });

  it('has no source when nobody said who answered', () => {
    assert.equal('source' in qrOf(base), false);
  });

  it('the description is one valueString item, exactly as written, never markup', () => {
    const description = 'Vondt i <b>tåa</b> & <script>alert(1)</script>';
    const bundle = toTriageBundle({ ...base, description }, { now });
    const qr = ofType<QuestionnaireResponse>(bundle, 'QuestionnaireResponse')[0]!;
    const item = qr.item?.find((i) => i.linkId === 'description');
    assert.deepEqual(item?.answer, [{ valueString: description }]);
    assert.ok(item?.text);
    // Nowhere as narrative or markdown.
    for (const r of resources(bundle)) assert.equal('text' in r, false, r.resourceType);
    assert.doesNotMatch(JSON.stringify(bundle), /valueMarkdown|"div"/);
    assert.equal(JSON.stringify(bundle).split('alert(1)').length, 2, 'in the one item only');
  });

  it('has no description item without a description', () => {
    assert.equal(qrOf(base).item?.some((i) => i.linkId === 'description'), false);
    assert.equal(qrOf({ ...base, description: '' }).item?.some((i) => i.linkId === 'description'), false);
  });
});
