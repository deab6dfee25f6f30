import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createActor } from 'xstate';
import { catalogs } from '../i18n/catalogs.js';
import type { Locale } from '../i18n/locale.js';
import { LOCALES } from '../i18n/locale.js';
import type { Protocol, TriageAnswer, TriagePerson } from './protocol.types.js';
import { GENERAL_RED_FLAGS } from './general-red-flags.js';
import { localize } from './localized.js';
import { fixtureProtocol } from './triage.fixtures.js';
import { triageMachine, type TriageEvent, type TriageInput } from './triage.machine.js';
import { nextMultiChoice, toPersonView, toView } from './triage.view.js';

const ADULT: TriagePerson = { who: 'self', ageBand: '18-64-years', sex: 'male' };

/** Runs the events after the who-for screen is answered with `person` (unless the host gives one, or `person` is null). */
function run(events: TriageEvent[], input: Partial<TriageInput> = {}, person: TriagePerson | null = ADULT) {
  const actor = createActor(triageMachine, { input: { protocols: [fixtureProtocol()], ...input } }).start();
  if (!input.person && person) actor.send({ type: 'PERSON.SET', person });
  for (const e of events) actor.send(e);
  return actor.getSnapshot();
}
const answer = (questionId: string, value: TriageAnswer): TriageEvent => ({ type: 'ANSWER.SET', questionId, value });
const at = (locale: Locale) => ({ locale, messages: catalogs[locale] });

describe('localize', () => {
  it('falls back from Sami to bokmål and marks it; other languages never fall back', () => {
    assert.deepEqual(localize({ nb: 'Hei', nn: 'Hei', en: 'Hi' }, 'se'), { text: 'Hei', lang: 'nb', fallback: true });
    assert.deepEqual(localize({ nb: 'Hei', nn: 'Hei', en: 'Hi', se: 'Bures' }, 'se'), { text: 'Bures', lang: 'se', fallback: false });
    assert.deepEqual(localize({ nb: 'Hei', nn: 'Hei', en: 'Hi' }, 'en'), { text: 'Hi', lang: 'en', fallback: false });
  });
});

describe('toView', () => {
  it('reason screen: lists the protocols, nothing else may be pressed but a reason or back to the who-for screen', () => {
    const second = { ...fixtureProtocol(), id: 'second' };
    const view = toView(run([], { protocols: [fixtureProtocol(), second] }), at('nb-NO'));
    assert.equal(view.step, 'choosingReason');
    assert.equal(view.heading, 'Hva gjelder det?');
    assert.deepEqual(view.reasons.map((r) => r.id), ['fixture', 'second']);
    assert.deepEqual(view.can, { selectReason: true, next: false, back: true, noneOfThese: false, submit: false, finish: false, restart: true });
    // With the person from the host there is nothing to go back to, and nothing to start over.
    const host = toView(run([], { protocols: [fixtureProtocol(), second], person: ADULT }), at('nb-NO'));
    assert.deepEqual(host.can, { selectReason: true, next: false, back: false, noneOfThese: false, submit: false, finish: false, restart: false });
  });

  it('reason screen: "Noe annet" apart from the list, and only the protocols written for the person', () => {
    const child = { ...fixtureProtocol(), id: 'child', audience: { ages: ['1-4-years' as const] } };
    const other = { ...fixtureProtocol(), id: 'other', audience: { ages: ['1-4-years' as const, '18-64-years' as const] } };
    const view = toView(run([], { protocols: [fixtureProtocol(), child, other] }), at('nb-NO'));
    assert.deepEqual(view.reasons.map((r) => r.id), ['fixture']);
    assert.equal(view.otherReason?.id, 'other');
    const forChild = toView(run([], { protocols: [fixtureProtocol(), child, other] }, { who: 'other', ageBand: '1-4-years' }), at('nb-NO'));
    assert.deepEqual(forChild.reasons.map((r) => r.id), ['child']);
    assert.equal(forChild.otherReason?.id, 'other');
    const without = toView(run([], { protocols: [fixtureProtocol(), child] }), at('nb-NO'));
    assert.equal(without.otherReason, null);
  });

  it('who-for screen: its heading, and nothing but the person may be given', () => {
    const view = toView(run([], {}, null), at('nb-NO'));
    assert.equal(view.step, 'choosingPerson');
    assert.equal(view.heading, catalogs['nb-NO'].triagePersonHeading);
    assert.equal(view.protocol, null);
    assert.deepEqual(Object.values(view.can).filter(Boolean), []);
  });

  it('red-flag screen: every red flag with yes / no / vet ikke, progress and the draft notice', () => {
    const view = toView(run([answer('general-speech', 'no')], { person: ADULT }), at('nb-NO'));
    assert.equal(view.step, 'redFlags');
    // The general red flags for adults (none for small children only), then the protocol's two.
    const forAdults = GENERAL_RED_FLAGS.filter((f) => !f.ages || f.ages.includes('18-64-years'));
    assert.equal(view.redFlags.length, forAdults.length + 2);
    assert.ok(!view.redFlags.some((f) => f.id === 'general-child-limp'));
    assert.equal(view.redFlags[0]?.id, 'general-not-breathing');
    const speech = view.redFlags.find((f) => f.id === 'general-speech');
    assert.deepEqual(speech?.options.map((o) => [o.label.text, o.selected]), [['Ja', false], ['Nei', true], ['Vet ikke', false]]);
    // Red flags, five questions, and the outcome: the outcome is a step too.
    assert.deepEqual(view.progress, { current: 1, total: 7, label: 'Steg 1 av 7' });
    assert.equal(view.can.next, false);
    assert.equal(view.can.noneOfThese, true);
    assert.equal(view.can.back, false, 'preselected protocol and host person: nothing before');
    assert.equal(toView(run([]), at('nb-NO')).can.back, true, 'back to the who-for screen');
    assert.deepEqual(view.notices, [catalogs['nb-NO'].triageDraftNotice]);
  });

  it('question screen: text, options with "vet ikke", value and what may be pressed', () => {
    const view = toView(run([{ type: 'REDFLAGS.NONE' }, answer('has-fever', 'yes'), { type: 'STEP.NEXT' }]), at('en-GB'));
    assert.equal(view.question?.id, 'temp');
    assert.equal(view.heading, 'Temperature?');
    assert.equal(view.question?.unit?.text, '°C');
    assert.deepEqual([view.question?.min, view.question?.max, view.question?.decimals], [35, 42, 1]);
    assert.deepEqual(view.question?.options.map((o) => o.value), ['dontknow']);
    assert.equal(view.question?.hint, null, 'a number input says its own range, from min, max and unit');
    assert.equal(view.can.next, false);
    assert.equal(view.can.back, true);
    assert.deepEqual(view.progress, { current: 3, total: 8, label: 'Step 3 of 8' });
  });

  it('multi-choice: selected options and the choose-all hint', () => {
    const events = [{ type: 'REDFLAGS.NONE' }, answer('has-fever', 'no'), { type: 'STEP.NEXT' }, answer('days', 1), { type: 'STEP.NEXT' }, answer('age', 30), { type: 'STEP.NEXT' }, answer('where', 'home'), { type: 'STEP.NEXT' }, answer('symptoms', ['rash'])] as TriageEvent[];
    const view = toView(run(events), at('nn-NO'));
    assert.equal(view.question?.kind, 'multi-choice');
    assert.deepEqual(view.question?.options.map((o) => [o.value, o.selected, o.exclusive]), [['rash', true, false], ['cough', false, false], ['none', false, true]]);
    assert.equal(view.question?.hint, 'Vel alt som passar.');
    assert.equal(view.can.next, true);
  });

  it('outcome from a red flag: title, urgency in words, number to call, what to do now, reason', () => {
    const view = toView(run([answer('general-speech', 'dontknow')]), at('nb-NO'));
    assert.equal(view.outcome?.disposition, 'call-113');
    assert.equal(view.outcome?.title, 'Ring 113 nå');
    assert.equal(view.outcome?.urgency, 'Akutt');
    assert.equal(view.outcome?.callNumber, '113');
    assert.deepEqual(view.announcement, { text: 'Akutt: Ring 113 nå', politeness: 'assertive' });
    assert.match(view.outcome?.whatToDoNow[0]?.text ?? '', /Ring 113 nå/);
    assert.equal(view.outcome?.reason.kind, 'red-flag');
    assert.deepEqual(view.outcome?.reason.answers.map((a) => a.answer), ['Vet ikke']);
    assert.equal(view.outcome?.reason.dontKnowNote, catalogs['nb-NO'].triageDontKnowReason);
    assert.equal(view.can.submit, false);
    assert.equal(view.can.finish, true);
  });

  it('outcome from several ticked red flags: all of them in the reason, what to do now from the deciding ones', () => {
    const view = toView(run([{ type: 'REDFLAGS.SET', ids: ['rf-breathing', 'general-speech', 'general-face-arm'] }]), at('en-GB'));
    assert.equal(view.outcome?.disposition, 'call-113');
    assert.equal(view.outcome?.reason.kind, 'red-flag');
    assert.deepEqual(view.outcome?.reason.answers.map((a) => [a.questionId, a.answer]), [
      ['general-face-arm', 'Yes'],
      ['general-speech', 'Yes'],
      ['rf-breathing', 'Yes'],
    ]);
    assert.deepEqual(view.outcome?.reason.texts.at(-1)?.text, 'Harder to breathe?');
    // The 116117 flag's "Call 116117" does not stand beside "Call 113 now".
    assert.equal(view.outcome?.whatToDoNow.length, 1);
    assert.match(view.outcome?.whatToDoNow[0]?.text ?? '', /113/);
    assert.equal(view.outcome?.reason.dontKnowNote, null);
  });

  it('outcome from a rule: the reason and the answers behind it, advice and safety net', () => {
    const events = [{ type: 'REDFLAGS.NONE' }, answer('has-fever', 'yes'), { type: 'STEP.NEXT' }, answer('temp', 'dontknow'), { type: 'STEP.NEXT' }, answer('days', 1), { type: 'STEP.NEXT' }, answer('age', 30), { type: 'STEP.NEXT' }, answer('where', 'home'), { type: 'STEP.NEXT' }, answer('symptoms', []), { type: 'STEP.NEXT' }] as TriageEvent[];
    const view = toView(run(events), at('en-GB'));
    assert.equal(view.outcome?.disposition, 'call-116117');
    assert.equal(view.outcome?.callNumber, '116117');
    assert.deepEqual(view.outcome?.reason.texts.map((x) => x.text), ['40 or more']);
    assert.deepEqual(view.outcome?.reason.answers, [{ questionId: 'temp', question: { text: 'Temperature?', lang: 'en', fallback: false }, answer: catalogs['en-GB'].dontKnow }]);
    assert.ok(view.outcome?.reason.dontKnowNote);
    assert.equal(view.outcome?.advice?.text, '116117 advice');
    assert.equal(view.outcome?.safetyNet?.text, '116117 safety net');
  });

  it('a GP outcome may be sent; the handoff screen shows sending and failure', () => {
    const events = [{ type: 'REDFLAGS.NONE' }, answer('has-fever', 'no'), { type: 'STEP.NEXT' }, answer('days', 9), { type: 'STEP.NEXT' }, answer('age', 30), { type: 'STEP.NEXT' }, answer('where', 'home'), { type: 'STEP.NEXT' }, answer('symptoms', []), { type: 'STEP.NEXT' }] as TriageEvent[];
    const outcome = toView(run(events), at('nb-NO'));
    assert.equal(outcome.outcome?.disposition, 'gp-appointment');
    assert.equal(outcome.can.submit, true);
    const sending = toView(run([...events, { type: 'SUBMIT' }]), at('nb-NO'));
    assert.ok(sending.notices.includes('Sender …'));
    assert.equal(sending.can.submit, false);
    const failed = toView(run([...events, { type: 'SUBMIT' }, { type: 'HANDOFF.FAILED' }]), at('nb-NO'));
    assert.equal(failed.can.submit, true);
    assert.deepEqual(failed.handoff, { failed: true });
  });

  it('marks Sami fallback texts and says so', () => {
    const view = toView(run([]), at('se-NO'));
    assert.equal(view.redFlags[0]?.text.lang, 'se', 'the general red flags have Sami');
    assert.equal(view.redFlags.at(-1)?.text.lang, 'nb');
    assert.equal(view.redFlags.at(-1)?.text.fallback, true);
    assert.equal(view.fallbackNotice, catalogs['se-NO'].triageFallbackNotice);
    assert.equal(toView(run([]), at('nn-NO')).fallbackNotice, null);
  });

  it('works on a persisted snapshot and with a custom catalog', () => {
    const actor = createActor(triageMachine, { input: { protocols: [fixtureProtocol()], person: ADULT } }).start();
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    const view = toView(persisted, { locale: 'nb-NO', messages: { ...catalogs['nb-NO'], triageRedFlagsHeading: 'Egen' } });
    assert.equal(view.heading, 'Egen');
    const nynorsk = toView(persisted, at('nn-NO'));
    assert.equal(nynorsk.lang, 'nn');
    assert.equal(nynorsk.heading, catalogs['nn-NO'].triageRedFlagsHeading);
  });

  it('has every triage text in every catalog', () => {
    for (const locale of LOCALES) {
      for (const [key, value] of Object.entries(catalogs[locale])) {
        if (!key.startsWith('triage')) continue;
        // Interpolating messages are functions; called with sample values they must still say something.
        // Per-disposition texts are records of strings.
        const texts =
          typeof value === 'function'
            ? [String((value as (...args: unknown[]) => unknown)(2, '2', '2'))]
            : typeof value === 'object' && value !== null
              ? Object.values(value)
              : [value];
        for (const text of texts) assert.ok(typeof text === 'string' && text.trim() !== '', `${locale}.${key}`);
      }
    }
  });
});

describe('toView: who it is about', () => {
  const CHILD: TriagePerson = { who: 'other', ageBand: '1-4-years', sex: 'female' };
  /** The fixture for small children and adults, with child wording on the fever question and on the protocol's bleeding flag. */
  function forChildrenToo(): Protocol {
    const p = fixtureProtocol();
    p.audience = { ages: ['1-4-years', '18-64-years'] };
    p.questions[0]!.textChild = { nb: 'Har barnet feber?', nn: 'Har barnet feber?', en: 'Does the child have a fever?' };
    p.redFlags[0]!.textChild = { nb: 'Blør barnet kraftig?', nn: 'Blør barnet kraftig?', en: 'Is the child bleeding heavily?' };
    return p;
  }
  const toFirstQuestion: TriageEvent[] = [{ type: 'REDFLAGS.NONE' }];

  it('a parent answering for a child reads the red flags and questions about "barnet"', () => {
    const flags = toView(run([], { protocols: [forChildrenToo()] }, CHILD), at('nb-NO'));
    assert.equal(flags.redFlags.find((f) => f.id === 'general-not-breathing')?.text.text, GENERAL_RED_FLAGS[0]!.textChild!.nb);
    assert.match(flags.redFlags[0]!.text.text, /barnet/);
    assert.equal(flags.redFlags.find((f) => f.id === 'rf-bleeding')?.text.text, 'Blør barnet kraftig?');
    // Without child wording the flag keeps its own text.
    assert.equal(flags.redFlags.find((f) => f.id === 'rf-breathing')?.text.text, 'Harder to breathe? (nb)');
    const question = toView(run(toFirstQuestion, { protocols: [forChildrenToo()] }, CHILD), at('en-GB'));
    assert.equal(question.question?.text.text, 'Does the child have a fever?');
    assert.equal(question.heading, 'Does the child have a fever?');
  });

  it('the outcome repeats the red flags and questions in the wording they were asked in', () => {
    const flag = toView(run([{ type: 'REDFLAGS.SET', ids: ['general-not-breathing', 'rf-bleeding'] }], { protocols: [forChildrenToo()] }, CHILD), at('nb-NO'));
    assert.deepEqual(flag.outcome?.reason.texts.map((x) => x.text), [GENERAL_RED_FLAGS[0]!.textChild!.nb, 'Blør barnet kraftig?']);
    assert.deepEqual(flag.outcome?.reason.answers.map((x) => x.question.text), [GENERAL_RED_FLAGS[0]!.textChild!.nb, 'Blør barnet kraftig?']);
    const p = forChildrenToo();
    p.rules.push({ id: 'fever-unknown', when: { all: [{ question: 'has-fever', operator: 'eq', value: 'yes' }] }, disposition: 'gp-same-day', priority: 0, reason: p.title });
    const rule = toView(run([{ type: 'REDFLAGS.NONE' }, answer('has-fever', 'yes'), { type: 'STEP.NEXT' }, answer('temp', 38), { type: 'STEP.NEXT' }, answer('days', 1), { type: 'STEP.NEXT' }, answer('age', 30), { type: 'STEP.NEXT' }, answer('where', 'home'), { type: 'STEP.NEXT' }, answer('symptoms', []), { type: 'STEP.NEXT' }], { protocols: [p] }, CHILD), at('en-GB'));
    assert.equal(rule.outcome?.reason.kind, 'rule');
    assert.deepEqual(rule.outcome?.reason.answers.map((x) => [x.questionId, x.question.text]), [['has-fever', 'Does the child have a fever?']]);
    // For an adult, the plain wording.
    const adult = toView(run([{ type: 'REDFLAGS.SET', ids: ['general-not-breathing'] }], { protocols: [forChildrenToo()] }), at('nb-NO'));
    assert.deepEqual(adult.outcome?.reason.texts.map((x) => x.text), [GENERAL_RED_FLAGS[0]!.text.nb]);
  });

  it('an adult, or a teenager answering alone, reads the plain wording', () => {
    const adult = toView(run(toFirstQuestion, { protocols: [forChildrenToo()] }, { who: 'other', ageBand: '18-64-years' }), at('en-GB'));
    assert.equal(adult.question?.text.text, 'Fever?');
    const adultFlags = toView(run([], { protocols: [forChildrenToo()] }), at('nb-NO'));
    assert.equal(adultFlags.redFlags[0]?.text.text, GENERAL_RED_FLAGS[0]!.text.nb);
    const teen = { ...forChildrenToo(), audience: { ages: ['13-17-years' as const] } };
    const alone = toView(run(toFirstQuestion, { protocols: [teen] }, { who: 'self', ageBand: '13-17-years' }), at('en-GB'));
    assert.equal(alone.question?.text.text, 'Fever?');
  });
});

describe('toView: progress, done and "Noe annet"', () => {
  const toSymptoms = [{ type: 'REDFLAGS.NONE' }, answer('has-fever', 'no'), { type: 'STEP.NEXT' }, answer('days', 9), { type: 'STEP.NEXT' }, answer('age', 30), { type: 'STEP.NEXT' }, answer('where', 'home'), { type: 'STEP.NEXT' }] as TriageEvent[];
  const toGp = [...toSymptoms, answer('symptoms', []), { type: 'STEP.NEXT' }] as TriageEvent[];

  it('the last question is never "n of n": the outcome is counted', () => {
    const last = toView(run(toSymptoms), at('nb-NO'));
    assert.equal(last.question?.id, 'symptoms');
    assert.deepEqual(last.progress, { current: 6, total: 7, label: 'Steg 6 av 7' });
    assert.equal(toView(run(toGp), at('nb-NO')).progress, null);
  });

  it('the last screen says it was sent only when it was', () => {
    const sent = toView(run([...toGp, { type: 'SUBMIT' }, { type: 'HANDOFF.DONE' }]), at('nb-NO'));
    assert.equal(sent.step, 'done');
    assert.ok(sent.notices.includes(catalogs['nb-NO'].triageSent));
    assert.ok(!sent.notices.includes(catalogs['nb-NO'].triageNotSent));
    const notSent = toView(run([...toGp, { type: 'SUBMIT' }, { type: 'HANDOFF.DONE', sent: false }]), at('nb-NO'));
    assert.ok(notSent.notices.includes(catalogs['nb-NO'].triageNotSent));
    assert.ok(!notSent.notices.includes(catalogs['nb-NO'].triageSent));
    const finished = toView(run([...toGp, { type: 'FINISH' }]), at('nb-NO'));
    assert.ok(finished.notices.includes(catalogs['nb-NO'].triageDone));
    assert.ok(!finished.notices.includes(catalogs['nb-NO'].triageSent) && !finished.notices.includes(catalogs['nb-NO'].triageNotSent));
    // The outcome stays on the last screen, and so does "Start på nytt".
    assert.equal(finished.outcome?.disposition, 'gp-appointment');
    assert.equal(finished.can.restart, true);
  });

  it('"Noe annet": the description is shown as the person wrote it, and only when there is one', () => {
    const other = { ...fixtureProtocol(), id: 'other' };
    const protocols = [fixtureProtocol(), other];
    const view = toView(run([{ type: 'REASON.SELECT', protocolId: 'other', description: ' <i>Vondt</i> i tåa ' }], { protocols }), at('nb-NO'));
    assert.equal(view.description, '<i>Vondt</i> i tåa');
    assert.equal(toView(run([{ type: 'REASON.SELECT', protocolId: 'fixture' }], { protocols }), at('nb-NO')).description, null);
  });
});

describe('toPersonView', () => {
  const view = (draft: Parameters<typeof toPersonView>[0]) => toPersonView(draft, at('nb-NO'));

  it('offers who, every age band youngest first, and sex with "annet"', () => {
    const v = view({});
    assert.deepEqual(v.who.options.map((o) => o.value), ['self', 'other']);
    assert.deepEqual(v.age.options.map((o) => o.value), ['under-3-months', '3-11-months', '1-4-years', '5-12-years', '13-17-years', '18-64-years', '65-plus-years']);
    assert.equal(v.age.options[0]?.label.text, 'Under 3 måneder');
    assert.deepEqual(v.sex.options.map((o) => o.value), ['female', 'male', 'other']);
    assert.equal(v.pregnant, null);
    assert.equal(v.person, null);
  });

  it('asks about pregnancy only for women and "annet" aged 13–64', () => {
    for (const ageBand of ['13-17-years', '18-64-years'] as const) {
      assert.ok(view({ ageBand, sex: 'female' }).pregnant, `female ${ageBand}`);
      assert.ok(view({ ageBand, sex: 'other' }).pregnant, `other ${ageBand}`);
      assert.equal(view({ ageBand, sex: 'male' }).pregnant, null, `male ${ageBand}`);
    }
    for (const ageBand of ['under-3-months', '5-12-years', '65-plus-years'] as const) assert.equal(view({ ageBand, sex: 'female' }).pregnant, null, ageBand);
    assert.equal(view({ ageBand: '18-64-years' }).pregnant, null, 'not before sex is chosen');
  });

  it('makes the person once everything asked is answered, and marks what is chosen', () => {
    assert.equal(view({ who: 'self', ageBand: '18-64-years', sex: 'female' }).person, null, 'pregnancy still to answer');
    const v = view({ who: 'self', ageBand: '18-64-years', sex: 'female', pregnant: 'dontknow' });
    assert.deepEqual(v.person, { who: 'self', ageBand: '18-64-years', sex: 'female', pregnant: 'dontknow' });
    assert.deepEqual(v.pregnant?.options.map((o) => [o.label.text, o.selected]), [['Ja', false], ['Nei', false], ['Vet ikke', true]]);
    assert.deepEqual(view({ who: 'other', ageBand: '1-4-years', sex: 'male', pregnant: 'yes' }).person, { who: 'other', ageBand: '1-4-years', sex: 'male' });
    assert.equal(view({ who: 'other', ageBand: '1-4-years', sex: 'male' }).age.options.find((o) => o.selected)?.value, '1-4-years');
  });
});

describe('nextMultiChoice', () => {
  const options = [
    { value: 'rash', exclusive: false },
    { value: 'cough', exclusive: false },
    { value: 'none', exclusive: true },
    { value: 'dontknow', exclusive: true },
  ].map((o) => ({ ...o, label: { text: o.value, lang: 'nb' as const, fallback: false }, selected: false }));

  it('an exclusive option stands alone: choosing it clears the others', () => {
    assert.deepEqual(nextMultiChoice({ value: ['rash', 'cough'], options }, ['rash', 'cough', 'none']), ['none']);
    assert.deepEqual(nextMultiChoice({ value: ['rash'], options }, ['rash', 'dontknow']), ['dontknow']);
  });

  it('choosing another option clears an exclusive one, also "vet ikke" held as the answer', () => {
    assert.deepEqual(nextMultiChoice({ value: ['none'], options }, ['none', 'cough']), ['cough']);
    assert.deepEqual(nextMultiChoice({ value: 'dontknow', options }, ['dontknow', 'rash']), ['rash']);
  });

  it('unticking keeps the rest as they are', () => {
    assert.deepEqual(nextMultiChoice({ value: ['rash', 'cough'], options }, ['cough']), ['cough']);
    assert.deepEqual(nextMultiChoice({ value: null, options }, []), []);
  });
});
