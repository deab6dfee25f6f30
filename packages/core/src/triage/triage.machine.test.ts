import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createActor, type Snapshot } from 'xstate';
import type { Observation, ServiceRequest } from 'fhir/r4';
import type { Protocol, TriageAnswer, TriagePerson } from './protocol.types.js';
import { fixtureProtocol } from './triage.fixtures.js';
import {
  initialTriageSnapshot,
  MAX_DESCRIPTION_LENGTH,
  offeredProtocols,
  triageMachine,
  type TriageEmitted,
  type TriageEvent,
  type TriageInput,
} from './triage.machine.js';
import { allRedFlags } from './triage.rules.js';
import { toTriageBundle, toTriageTransaction } from './triage.fhir.js';

type Completed = Extract<TriageEmitted, { type: 'triage.completed' }> | undefined;
type HandoffRequested = Extract<TriageEmitted, { type: 'triage.handoff-requested' }> | undefined;
/** The Bundle the element builds from a completion, as `hk-complete` carries it. */
const bundleOf = (e: Completed) => toTriageBundle(e!.fhir.result, e!.fhir.options);
/** The transaction the element builds from a handoff request and posts. */
const transactionOf = (e: HandoffRequested) => toTriageTransaction(e!.fhir.result, e!.fhir.options);

/** The person most tests triage: an adult answering for themselves (the fixture is written for adults). */
const ADULT: TriagePerson = { who: 'self', ageBand: '18-64-years', sex: 'female', pregnant: 'no' };

/**
 * Starts the machine and, unless a snapshot is resumed or `person` is null, answers the who-for screen with
 * `person` (an adult by default), as a person does before anything else.
 */
function start(input: Partial<TriageInput> = {}, snapshot?: Snapshot<unknown>, person: TriagePerson | null = ADULT) {
  const protocol = fixtureProtocol();
  const actor = createActor(triageMachine, {
    input: { protocols: [protocol], ...input },
    ...(snapshot ? { snapshot } : {}),
  });
  const emitted: TriageEmitted[] = [];
  actor.on('*', (e) => emitted.push(e as TriageEmitted));
  actor.start();
  if (!snapshot && !input.person && person) actor.send({ type: 'PERSON.SET', person });
  const send = (...events: TriageEvent[]) => events.forEach((e) => actor.send(e));
  const state = () => actor.getSnapshot().value;
  const ctx = () => actor.getSnapshot().context;
  const of = <T extends TriageEmitted['type']>(type: T) => emitted.filter((e) => e.type === type) as Array<Extract<TriageEmitted, { type: T }>>;
  return { actor, emitted, send, state, ctx, of, protocol };
}

const answer = (questionId: string, value: TriageAnswer): TriageEvent => ({
  type: 'ANSWER.SET',
  questionId,
  value,
});

/** Answers the red-flag screen "no" and walks the fixture to a benign self-care outcome. */
const benignWalk: TriageEvent[] = [
  { type: 'REDFLAGS.NONE' },
  answer('has-fever', 'no'),
  { type: 'STEP.NEXT' },
  answer('days', 1),
  { type: 'STEP.NEXT' },
  answer('age', 40),
  { type: 'STEP.NEXT' },
  answer('where', 'home'),
  { type: 'STEP.NEXT' },
  answer('symptoms', ['none']),
  { type: 'STEP.NEXT' },
];

describe('triage machine: reason and red flags', () => {
  it('starts on the red-flag screen when one protocol is given or preselected', () => {
    assert.equal(start().state(), 'redFlags');
    const other = { ...fixtureProtocol(), id: 'other' };
    assert.equal(start({ protocols: [fixtureProtocol(), other], protocolId: 'other' }).state(), 'redFlags');
  });

  it('asks for the reason first when several protocols are offered, and ignores unknown ids', () => {
    const other = { ...fixtureProtocol(), id: 'other' };
    const t = start({ protocols: [fixtureProtocol(), other] });
    assert.equal(t.state(), 'choosingReason');
    t.send({ type: 'REASON.SELECT', protocolId: 'nope' });
    assert.equal(t.state(), 'choosingReason');
    t.send({ type: 'REASON.SELECT', protocolId: 'other' });
    assert.equal(t.state(), 'redFlags');
    assert.equal(t.ctx().protocol?.id, 'other');
    t.send({ type: 'STEP.BACK' });
    assert.equal(t.state(), 'choosingReason');
  });

  it('goes back from the red flags of a preselected protocol to the who-for screen, not to a reason list', () => {
    const t = start();
    t.send({ type: 'STEP.BACK' });
    assert.equal(t.state(), 'choosingPerson');
    // With the person from the host there is nothing to go back to.
    const u = start({ person: ADULT });
    u.send({ type: 'STEP.BACK' });
    assert.equal(u.state(), 'redFlags');
  });

  it('ends at once on a red-flag "yes", with the FHIR bundle and analytics', () => {
    const t = start();
    t.send(answer('general-speech', 'yes'));
    assert.equal(t.state(), 'outcome');
    assert.equal(t.ctx().decision?.disposition, 'call-113');
    const [completed] = t.of('triage.completed');
    assert.equal(completed?.disposition, 'call-113');
    assert.equal(bundleOf(completed).resourceType, 'Bundle');
    assert.equal(t.of('triage.analytics')[0]?.analytics.kind, 'completed');
  });

  it('ends at once on a red-flag "vet ikke" too', () => {
    const t = start();
    t.send(answer('rf-breathing', 'dontknow'));
    assert.equal(t.state(), 'outcome');
    assert.equal(t.ctx().decision?.disposition, 'call-116117');
  });

  it('REDFLAGS.SET records every ticked red flag, decides by the most urgent and reports them all', () => {
    const t = start();
    t.send({ type: 'REDFLAGS.SET', ids: ['rf-breathing', 'general-speech'] });
    assert.equal(t.state(), 'outcome');
    // Ticked "yes", every other red flag on the screen "no".
    const expected = Object.fromEntries(allRedFlags(t.protocol).map((f) => [f.id, f.id === 'rf-breathing' || f.id === 'general-speech' ? 'yes' : 'no']));
    assert.deepEqual(t.ctx().redFlagAnswers, expected);
    assert.deepEqual(t.ctx().decision, {
      disposition: 'call-113',
      reason: { kind: 'red-flag', redFlagIds: ['general-speech', 'rf-breathing'], viaDontKnow: false },
    });
    const [completed] = t.of('triage.completed');
    assert.equal(completed?.disposition, 'call-113');
    const observations = (bundleOf(completed).entry ?? []).map((e) => e.resource).filter((r): r is Observation => r?.resourceType === 'Observation');
    const flags = observations.filter((o) => o.code.coding?.[0]?.code !== 'disposition');
    assert.deepEqual(flags.map((o) => o.code.coding?.[0]?.code), ['general/general-speech', 'fixture/rf-breathing']);
    assert.deepEqual(flags.map((o) => o.valueCodeableConcept?.coding?.[0]?.code), ['Y', 'Y']);
    const disposition = observations.find((o) => o.code.coding?.[0]?.code === 'disposition');
    assert.match(disposition?.note?.[0]?.text ?? '', /Har talen plutselig blitt utydelig.*Harder to breathe\? \(nb\)/);
    const request = bundleOf(completed).entry?.find((e) => e.resource?.resourceType === 'ServiceRequest')?.resource as ServiceRequest | undefined;
    assert.equal(request?.priority, 'stat');
    assert.equal(request?.reasonReference?.length, 2);
    assert.equal(t.of('triage.analytics')[0]?.analytics.decidedBy, 'red-flag');
  });

  it('REDFLAGS.SET with one 116117 flag gives 116117; empty, unknown or off-screen lists are refused', () => {
    const t = start();
    t.send({ type: 'REDFLAGS.SET', ids: [] }, { type: 'REDFLAGS.SET', ids: ['rf-breathing', 'has-fever'] });
    assert.equal(t.state(), 'redFlags');
    assert.deepEqual(t.ctx().redFlagAnswers, {});
    t.send({ type: 'REDFLAGS.SET', ids: ['rf-breathing'] });
    assert.equal(t.ctx().decision?.disposition, 'call-116117');

    const u = start();
    u.send({ type: 'REDFLAGS.NONE' }, { type: 'REDFLAGS.SET', ids: ['general-speech'] });
    assert.equal(u.state(), 'questions');
    assert.equal(u.ctx().redFlagAnswers['general-speech'], 'no');
  });

  it('back from a REDFLAGS.SET outcome keeps the ticks; a new REDFLAGS.SET replaces them', () => {
    const t = start();
    t.send({ type: 'REDFLAGS.SET', ids: ['general-speech', 'rf-breathing'] }, { type: 'STEP.BACK' });
    assert.equal(t.state(), 'redFlags');
    assert.equal(t.ctx().redFlagAnswers['general-speech'], 'yes');
    t.send({ type: 'REDFLAGS.SET', ids: ['rf-breathing'] });
    assert.equal(t.ctx().redFlagAnswers['general-speech'], 'no');
    assert.deepEqual(t.ctx().decision?.reason, { kind: 'red-flag', redFlagIds: ['rf-breathing'], viaDontKnow: false });
    assert.equal(t.of('triage.completed').length, 2);
  });

  it('needs every red flag answered before STEP.NEXT, or REDFLAGS.NONE', () => {
    const t = start();
    t.send(answer('general-speech', 'no'), { type: 'STEP.NEXT' });
    assert.equal(t.state(), 'redFlags');
    for (const f of allRedFlags(t.protocol)) t.send(answer(f.id, 'no'));
    t.send({ type: 'STEP.NEXT' });
    assert.equal(t.state(), 'questions');
    assert.equal(t.ctx().currentQuestionId, 'has-fever');

    const u = start();
    u.send({ type: 'REDFLAGS.NONE' });
    assert.equal(u.state(), 'questions');
    assert.ok(allRedFlags(u.protocol).every((f) => u.ctx().redFlagAnswers[f.id] === 'no'));
  });

  it('ignores answers that are not red flags or not yes/no/dontknow on the red-flag screen', () => {
    const t = start();
    t.send(answer('has-fever', 'yes'), answer('general-speech', 'maybe'));
    assert.equal(t.state(), 'redFlags');
    assert.deepEqual(t.ctx().redFlagAnswers, {});
    assert.deepEqual(t.ctx().answers, {});
  });
});

describe('triage machine: questions', () => {
  it('walks one question per screen, skipping disabled ones, to the outcome', () => {
    const t = start();
    t.send(...benignWalk);
    assert.equal(t.state(), 'outcome');
    assert.equal(t.ctx().decision?.disposition, 'self-care');
    const steps = t.of('triage.step-changed').map((e) => (e.step === 'questions' ? e.questionId : e.step));
    assert.deepEqual(steps, ['choosingPerson', 'redFlags', 'has-fever', 'days', 'age', 'where', 'symptoms', 'outcome']);
  });

  it('refuses STEP.NEXT without a valid answer, answers to other questions and invalid values', () => {
    const t = start();
    t.send({ type: 'REDFLAGS.NONE' }, { type: 'STEP.NEXT' });
    assert.equal(t.ctx().currentQuestionId, 'has-fever');
    t.send(answer('days', 3), answer('has-fever', 'perhaps'), { type: 'STEP.NEXT' });
    assert.equal(t.ctx().currentQuestionId, 'has-fever');
    assert.deepEqual(t.ctx().answers, {});
    t.send(answer('has-fever', 'yes'), { type: 'STEP.NEXT' }, answer('temp', 50), { type: 'STEP.NEXT' });
    assert.equal(t.ctx().currentQuestionId, 'temp');
    assert.equal(t.ctx().answers.temp, undefined);
  });

  it('keeps answers when going back, and drops answers of questions that become disabled', () => {
    const t = start();
    t.send({ type: 'REDFLAGS.NONE' }, answer('has-fever', 'yes'), { type: 'STEP.NEXT' }, answer('temp', 38), { type: 'STEP.NEXT' }, answer('days', 2));
    assert.equal(t.ctx().currentQuestionId, 'days');
    t.send({ type: 'STEP.BACK' });
    assert.equal(t.ctx().currentQuestionId, 'temp');
    t.send({ type: 'STEP.BACK' });
    assert.equal(t.ctx().currentQuestionId, 'has-fever');
    assert.deepEqual(t.ctx().answers, { 'has-fever': 'yes', temp: 38, days: 2 });
    t.send(answer('has-fever', 'no'));
    assert.deepEqual(t.ctx().answers, { 'has-fever': 'no', days: 2 });
    t.send({ type: 'STEP.NEXT' });
    assert.equal(t.ctx().currentQuestionId, 'days', 'the disabled temperature is skipped');
    t.send({ type: 'STEP.BACK' }, { type: 'STEP.BACK' });
    assert.equal(t.state(), 'redFlags');
  });

  it('asks the gated question after "vet ikke" and escalates', () => {
    const t = start();
    t.send({ type: 'REDFLAGS.NONE' }, answer('has-fever', 'dontknow'), { type: 'STEP.NEXT' });
    assert.equal(t.ctx().currentQuestionId, 'temp');
    t.send(answer('temp', 'dontknow'), { type: 'STEP.NEXT' }, answer('days', 1), { type: 'STEP.NEXT' }, answer('age', 30), { type: 'STEP.NEXT' });
    t.send(answer('where', 'home'), { type: 'STEP.NEXT' }, answer('symptoms', []), { type: 'STEP.NEXT' });
    assert.equal(t.ctx().decision?.disposition, 'call-116117');
  });
});

describe('triage machine: outcome, handoff, done', () => {
  const toSameDay: TriageEvent[] = [
    { type: 'REDFLAGS.NONE' },
    answer('has-fever', 'yes'),
    { type: 'STEP.NEXT' },
    answer('temp', 39),
    { type: 'STEP.NEXT' },
    answer('days', 1),
    { type: 'STEP.NEXT' },
    answer('age', 40),
    { type: 'STEP.NEXT' },
    answer('where', 'home'),
    { type: 'STEP.NEXT' },
    answer('symptoms', []),
    { type: 'STEP.NEXT' },
  ];

  it('hands a GP disposition over with a transaction, and waits for the host', () => {
    const t = start({ gpOffice: { reference: 'Organization/gp-1' } });
    t.send(...toSameDay);
    assert.equal(t.ctx().decision?.disposition, 'gp-same-day');
    t.send({ type: 'SUBMIT' });
    assert.equal(t.state(), 'handoff');
    const [request] = t.of('triage.handoff-requested');
    assert.equal(transactionOf(request).type, 'transaction');
    const task = transactionOf(request).entry?.find((e) => e.resource?.resourceType === 'Task')?.resource;
    assert.deepEqual(task && 'owner' in task ? task.owner : null, { reference: 'Organization/gp-1' });
    t.send({ type: 'HANDOFF.FAILED' });
    assert.equal(t.ctx().handoffFailed, true);
    t.send({ type: 'SUBMIT' });
    assert.equal(t.ctx().handoffFailed, false);
    assert.equal(t.of('triage.handoff-requested').length, 2);
    t.send({ type: 'HANDOFF.DONE' });
    assert.equal(t.state(), 'done');
    assert.equal(t.ctx().handoffSent, true);
    // Not a final state: "Start på nytt" on the last screen still reaches the machine.
    assert.equal(t.actor.getSnapshot().status, 'active');
  });

  it('does not hand over self-care, 113 or 116117; FINISH ends', () => {
    const t = start();
    t.send(...benignWalk, { type: 'SUBMIT' });
    assert.equal(t.state(), 'outcome');
    t.send({ type: 'FINISH' });
    assert.equal(t.state(), 'done');
    const u = start();
    u.send(answer('general-speech', 'yes'), { type: 'SUBMIT' });
    assert.equal(u.state(), 'outcome');
  });

  it('goes back from the outcome to the last question, or to the red flags after a red-flag outcome', () => {
    const t = start();
    t.send(...benignWalk, { type: 'STEP.BACK' });
    assert.equal(t.state(), 'questions');
    assert.equal(t.ctx().currentQuestionId, 'symptoms');
    assert.equal(t.ctx().decision, null);
    const u = start();
    u.send(answer('general-speech', 'yes'), { type: 'STEP.BACK' });
    assert.equal(u.state(), 'redFlags');
    u.send(answer('general-speech', 'no'));
    assert.equal(u.state(), 'redFlags');
  });

  it('RESTART clears the answers and the person chosen on the who-for screen', () => {
    const t = start();
    t.send(...benignWalk, { type: 'RESTART' });
    assert.equal(t.state(), 'choosingPerson');
    assert.equal(t.ctx().person, null);
    assert.deepEqual(t.ctx().answers, {});
    assert.deepEqual(t.ctx().redFlagAnswers, {});
    assert.equal(t.ctx().decision, null);
  });

  it('RESTART from done starts over, and keeps a preselected protocol and a host person', () => {
    const t = start({ person: ADULT });
    t.send(...benignWalk, { type: 'FINISH' });
    assert.equal(t.state(), 'done');
    t.send({ type: 'RESTART' });
    assert.equal(t.state(), 'redFlags');
    assert.deepEqual(t.ctx().person, ADULT);
    assert.deepEqual(t.ctx().redFlagAnswers, {});
    assert.equal(t.ctx().decision, null);
    assert.equal(t.ctx().handoffSent, null);
    t.send(...benignWalk);
    assert.equal(t.ctx().decision?.disposition, 'self-care');

    // Several protocols and a host person: back to the reason list, the person kept.
    const other = { ...fixtureProtocol(), id: 'other' };
    const u = start({ protocols: [fixtureProtocol(), other], person: ADULT });
    u.send({ type: 'REASON.SELECT', protocolId: 'other' }, answer('general-speech', 'yes'), { type: 'FINISH' }, { type: 'RESTART' });
    assert.equal(u.state(), 'choosingReason');
    assert.deepEqual(u.ctx().person, ADULT);
    assert.equal(u.ctx().protocol, null);
  });

  it('HANDOFF.DONE with sent: false records that nothing was sent', () => {
    const t = start();
    t.send(...toSameDay, { type: 'SUBMIT' }, { type: 'HANDOFF.DONE', sent: false });
    assert.equal(t.state(), 'done');
    assert.equal(t.ctx().handoffSent, false);
  });
});

describe('triage machine: language', () => {
  it('LOCALE.SET changes the language of the texts in the Bundle', () => {
    const t = start({ locale: 'nb-NO' });
    t.send({ type: 'LOCALE.SET', locale: 'en-GB' }, answer('general-speech', 'yes'));
    const [completed] = t.of('triage.completed');
    const qr = bundleOf(completed).entry?.find((e) => e.resource?.resourceType === 'QuestionnaireResponse')?.resource;
    assert.match(JSON.stringify(qr), /Has speech suddenly become slurred/);
  });
});

describe('triage machine: analytics', () => {
  it('reports where a person gave up, without answers', () => {
    const t = start();
    t.send({ type: 'REDFLAGS.NONE' }, answer('has-fever', 'yes'), { type: 'STEP.NEXT' }, answer('temp', 39.5), { type: 'ABANDON' });
    const [event] = t.of('triage.analytics');
    assert.equal(event?.analytics.kind, 'abandoned');
    assert.equal(event?.analytics.step, 'questions');
    assert.equal(event?.analytics.questionId, 'temp');
    assert.equal(event?.analytics.stepNumber, 3);
    assert.equal(event?.analytics.protocolId, 'fixture');
    assert.ok(event!.analytics.durationMs >= 0);
    const json = JSON.stringify(event);
    assert.doesNotMatch(json, /39\.5|"yes"|"no"/);
  });

  it('reports the completed disposition and what decided it', () => {
    const t = start();
    t.send(...benignWalk);
    const [event] = t.of('triage.analytics');
    assert.deepEqual(
      { kind: event?.analytics.kind, disposition: event?.analytics.disposition, decidedBy: event?.analytics.decidedBy, step: event?.analytics.step },
      { kind: 'completed', disposition: 'self-care', decidedBy: 'rule', step: 'outcome' },
    );
  });
});

/** The fixture written for children under 13 only, under another id. */
function childProtocol(id = 'child'): Protocol {
  return { ...fixtureProtocol(), id, audience: { ages: ['1-4-years', '5-12-years'] } };
}
const CHILD: TriagePerson = { who: 'other', ageBand: '1-4-years', sex: 'male' };

describe('triage machine: who it is about', () => {
  it('asks who it is about first, then the reason, offering only the protocols written for that person', () => {
    const t = start({ protocols: [fixtureProtocol(), childProtocol()] }, undefined, null);
    assert.equal(t.state(), 'choosingPerson');
    assert.deepEqual(t.of('triage.step-changed').map((e) => e.step), ['choosingPerson']);
    t.send({ type: 'PERSON.SET', person: CHILD });
    assert.equal(t.state(), 'choosingReason');
    assert.deepEqual(t.ctx().person, CHILD);
    assert.deepEqual(offeredProtocols(t.ctx()).map((p) => p.id), ['child']);
  });

  it('refuses an invalid or inconsistent person', () => {
    const t = start({ protocols: [fixtureProtocol(), childProtocol()] }, undefined, null);
    const bad = [
      { who: 'me', ageBand: '18-64-years' },
      { who: 'self', ageBand: '40-years' },
      { who: 'self', ageBand: '18-64-years', sex: 'x' },
      // Pregnancy is never "yes" for a man or a small child.
      { who: 'self', ageBand: '18-64-years', sex: 'male', pregnant: 'yes' },
      { who: 'other', ageBand: '1-4-years', pregnant: 'dontknow' },
      null,
    ];
    for (const person of bad) t.send({ type: 'PERSON.SET', person: person as unknown as TriagePerson });
    assert.equal(t.state(), 'choosingPerson');
    assert.equal(t.ctx().person, null);
  });

  it('runs a preselected protocol once the person fits it', () => {
    const t = start({}, undefined, null);
    assert.equal(t.state(), 'choosingPerson');
    t.send({ type: 'PERSON.SET', person: ADULT });
    assert.equal(t.state(), 'redFlags');
    assert.equal(t.ctx().protocol?.id, 'fixture');
    assert.equal(t.ctx().preselected, true);
  });

  it('shows the reason list instead of a preselected protocol the person does not fit', () => {
    const t = start({ protocols: [fixtureProtocol(), childProtocol()], protocolId: 'fixture' }, undefined, null);
    t.send({ type: 'PERSON.SET', person: CHILD });
    assert.equal(t.state(), 'choosingReason');
    assert.equal(t.ctx().protocol, null);
    assert.deepEqual(offeredProtocols(t.ctx()).map((p) => p.id), ['child']);
    // The same from the host: a person and a protocol that do not fit each other.
    const u = start({ protocols: [fixtureProtocol(), childProtocol()], protocolId: 'fixture', person: CHILD });
    assert.equal(u.state(), 'choosingReason');
    assert.equal(u.ctx().protocol, null);
  });

  it('skips the who-for screen when the host gives the person, and cannot go back to it', () => {
    const t = start({ person: ADULT });
    assert.equal(t.state(), 'redFlags');
    assert.deepEqual(t.of('triage.step-changed').map((e) => e.step), ['redFlags']);
    const u = start({ protocols: [fixtureProtocol(), childProtocol()], person: CHILD });
    assert.equal(u.state(), 'choosingReason');
    u.send({ type: 'STEP.BACK' });
    assert.equal(u.state(), 'choosingReason');
    // An invalid host person is ignored: the screen is asked.
    const v = start({ person: { who: 'self', ageBand: 'old' } as unknown as TriagePerson }, undefined, null);
    assert.equal(v.state(), 'choosingPerson');
  });

  it('goes back from the reason list to the who-for screen, and a new person changes the list', () => {
    const t = start({ protocols: [fixtureProtocol(), childProtocol()] });
    assert.equal(t.state(), 'choosingReason');
    t.send({ type: 'STEP.BACK' });
    assert.equal(t.state(), 'choosingPerson');
    t.send({ type: 'PERSON.SET', person: CHILD });
    assert.deepEqual(offeredProtocols(t.ctx()).map((p) => p.id), ['child']);
    t.send({ type: 'REASON.SELECT', protocolId: 'child' }, { type: 'STEP.BACK' }, { type: 'STEP.BACK' });
    assert.equal(t.state(), 'choosingPerson');
  });

  it('refuses REASON.SELECT for a protocol the person is not in the audience of', () => {
    const t = start({ protocols: [fixtureProtocol(), childProtocol()] }, undefined, CHILD);
    t.send({ type: 'REASON.SELECT', protocolId: 'fixture' });
    assert.equal(t.state(), 'choosingReason');
    assert.equal(t.ctx().protocol, null);
    t.send({ type: 'REASON.SELECT', protocolId: 'child' });
    assert.equal(t.state(), 'redFlags');
  });

  it('narrows the red flags to the person: a small child gets the child-only flags, never the adult ones', () => {
    const both = { ...fixtureProtocol(), id: 'both', audience: { ages: ['1-4-years' as const, '18-64-years' as const] } };
    const child = start({ protocols: [both] }, undefined, CHILD);
    const adult = start({ protocols: [both] });
    const childIds = allRedFlags(child.ctx().protocol!).map((f) => f.id);
    const adultIds = allRedFlags(adult.ctx().protocol!).map((f) => f.id);
    assert.ok(childIds.includes('general-child-limp'));
    assert.ok(!childIds.includes('general-nitro'));
    assert.ok(adultIds.includes('general-nitro'));
    assert.ok(!adultIds.includes('general-child-limp'));
    // REDFLAGS.SET with a flag not on this person's screen is refused.
    child.send({ type: 'REDFLAGS.SET', ids: ['general-nitro'] });
    assert.equal(child.state(), 'redFlags');
  });

  it('fills in the who-for answers the protocol reads, and never shows them as questions', () => {
    const p = fixtureProtocol();
    p.rules.push({ id: 'old', when: { all: [{ question: 'age-band', operator: 'eq', value: '65-plus-years' }] }, disposition: 'gp-same-day', priority: 0, reason: p.title });
    const old = start({ protocols: [p] }, undefined, { who: 'self', ageBand: '65-plus-years' });
    assert.deepEqual(old.ctx().answers, { 'age-band': '65-plus-years' });
    old.send(...benignWalk);
    const steps = old.of('triage.step-changed').map((e) => (e.step === 'questions' ? e.questionId : e.step));
    assert.ok(!steps.includes('age-band'));
    assert.equal(old.ctx().decision?.disposition, 'gp-same-day');
    const young = start({ protocols: [p] });
    young.send(...benignWalk);
    assert.equal(young.ctx().decision?.disposition, 'self-care');
  });
});

describe('triage machine: "Noe annet" in the person\'s own words', () => {
  const noeAnnet = () => ({ ...fixtureProtocol(), id: 'other' });
  const select = (description: unknown) => {
    const t = start({ protocols: [fixtureProtocol(), noeAnnet()] });
    t.send({ type: 'REASON.SELECT', protocolId: 'other', description } as TriageEvent);
    return t;
  };

  it('keeps the description, trimmed, and hands it to the FHIR result', () => {
    const t = select('  Vondt i tåa <b>siden i går</b>  ');
    assert.equal(t.state(), 'redFlags');
    assert.equal(t.ctx().description, 'Vondt i tåa <b>siden i går</b>');
    t.send(answer('general-speech', 'yes'));
    assert.equal(t.of('triage.completed')[0]?.fhir.result.description, 'Vondt i tåa <b>siden i går</b>');
  });

  it('caps it at MAX_DESCRIPTION_LENGTH', () => {
    const t = select('x'.repeat(MAX_DESCRIPTION_LENGTH + 50));
    assert.equal(t.ctx().description.length, MAX_DESCRIPTION_LENGTH);
  });

  it('refuses a description that is not text, and leaves none without one', () => {
    const t = select({ html: '<script>' });
    assert.equal(t.state(), 'choosingReason');
    const u = select(undefined);
    assert.equal(u.state(), 'redFlags');
    assert.equal(u.ctx().description, '');
    u.send(answer('general-speech', 'yes'));
    assert.equal('description' in (u.of('triage.completed')[0]?.fhir.result ?? {}), false);
  });

  it('RESTART clears it', () => {
    const t = select('noe');
    t.send({ type: 'RESTART' });
    assert.equal(t.ctx().description, '');
  });
});

describe('triage machine: persistence', () => {
  it('resumes at the same question with the same answers after a JSON round trip', () => {
    const t = start();
    t.send({ type: 'REDFLAGS.NONE' }, answer('has-fever', 'yes'), { type: 'STEP.NEXT' }, answer('temp', 39), { type: 'STEP.NEXT' }, answer('days', 4));
    const stored = JSON.parse(JSON.stringify(t.actor.getPersistedSnapshot())) as Snapshot<unknown>;
    t.actor.stop();

    const r = start({}, stored);
    assert.equal(r.state(), 'questions');
    assert.equal(r.ctx().currentQuestionId, 'days');
    assert.deepEqual(r.ctx().answers, { 'has-fever': 'yes', temp: 39, days: 4 });
    assert.deepEqual(r.ctx().redFlagAnswers, t.ctx().redFlagAnswers);
    r.send({ type: 'STEP.BACK' });
    assert.equal(r.ctx().currentQuestionId, 'temp');
    r.send({ type: 'STEP.NEXT' }, { type: 'STEP.NEXT' }, answer('age', 40), { type: 'STEP.NEXT' }, answer('where', 'home'), { type: 'STEP.NEXT' });
    r.send(answer('symptoms', []), { type: 'STEP.NEXT' });
    assert.equal(r.state(), 'outcome');
    assert.equal(r.ctx().decision?.disposition, 'gp-same-day');
  });

  it('resumes on a REDFLAGS.SET outcome with every ticked red flag after a JSON round trip', () => {
    const t = start();
    t.send({ type: 'REDFLAGS.SET', ids: ['general-speech', 'rf-breathing'] });
    const r = start({}, JSON.parse(JSON.stringify(t.actor.getPersistedSnapshot())));
    assert.equal(r.state(), 'outcome');
    assert.deepEqual(r.ctx().redFlagAnswers, t.ctx().redFlagAnswers);
    assert.deepEqual(r.ctx().decision, t.ctx().decision);
    assert.deepEqual(r.ctx().decision?.reason, { kind: 'red-flag', redFlagIds: ['general-speech', 'rf-breathing'], viaDontKnow: false });
    // Back on the red-flag screen the ticks are still there, and unticking one gives the other's outcome.
    r.send({ type: 'STEP.BACK' });
    assert.equal(r.state(), 'redFlags');
    r.send({ type: 'REDFLAGS.SET', ids: ['rf-breathing'] });
    assert.equal(r.ctx().decision?.disposition, 'call-116117');
  });

  it('resumes on the outcome and on the reason screen', () => {
    const t = start();
    t.send(...benignWalk);
    const r = start({}, JSON.parse(JSON.stringify(t.actor.getPersistedSnapshot())));
    assert.equal(r.state(), 'outcome');
    assert.equal(r.ctx().decision?.disposition, 'self-care');
    r.send({ type: 'FINISH' });
    assert.equal(r.state(), 'done');

    const other = { ...fixtureProtocol(), id: 'other' };
    const c = start({ protocols: [fixtureProtocol(), other] });
    const rc = start({ protocols: [] }, JSON.parse(JSON.stringify(c.actor.getPersistedSnapshot())));
    assert.equal(rc.state(), 'choosingReason');
    rc.send({ type: 'REASON.SELECT', protocolId: 'other' });
    assert.equal(rc.state(), 'redFlags');
  });
});

describe('initialTriageSnapshot', () => {
  it('is what a fresh actor persists, for every way the flow can start', (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: 1_780_000_000_000 });
    const protocol = fixtureProtocol();
    const other = { ...fixtureProtocol(), id: 'other' };
    const inputs: TriageInput[] = [
      { protocols: [protocol] },
      { protocols: [protocol, other] },
      { protocols: [protocol, other], protocolId: 'other', locale: 'nn-NO' },
      { protocols: [protocol, other], protocolId: 'missing' },
      { protocols: [] },
      { protocols: [protocol], locale: 'se-NO', subject: { reference: 'Patient/1' }, gpOffice: { display: 'Legekontoret' } },
      { protocols: [protocol], person: ADULT },
      { protocols: [protocol, other], person: ADULT },
      { protocols: [protocol, childProtocol()], protocolId: 'fixture', person: CHILD },
    ];
    for (const input of inputs) {
      const actor = createActor(triageMachine, { input }).start();
      assert.deepEqual(initialTriageSnapshot(input), actor.getPersistedSnapshot(), JSON.stringify(input.protocolId ?? input.protocols.length));
      actor.stop();
    }
  });

  it('resumes into an actor that answers the red flags at once', () => {
    const protocol = fixtureProtocol();
    const actor = createActor(triageMachine, { input: { protocols: [] }, snapshot: initialTriageSnapshot({ protocols: [protocol], person: ADULT }) as never }).start();
    const flag = allRedFlags(protocol)[0]!;
    actor.send(answer(flag.id, 'yes'));
    assert.equal(actor.getSnapshot().value, 'outcome');
    assert.equal(actor.getSnapshot().context.decision?.disposition, flag.disposition);
  });
});
