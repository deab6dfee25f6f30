import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createActor } from 'xstate';
import { catalogs } from '../i18n/catalogs.js';
import type { Locale } from '../i18n/locale.js';
import { LOCALES } from '../i18n/locale.js';
import type { TriageAnswer } from './protocol.types.js';
import { localize } from './localized.js';
import { fixtureProtocol } from './triage.fixtures.js';
import { triageMachine, type TriageEvent, type TriageInput } from './triage.machine.js';
import { nextMultiChoice, toView } from './triage.view.js';

function run(events: TriageEvent[], input: Partial<TriageInput> = {}) {
  const actor = createActor(triageMachine, { input: { protocols: [fixtureProtocol()], ...input } }).start();
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
  it('reason screen: lists the protocols, nothing else may be pressed but a reason', () => {
    const other = { ...fixtureProtocol(), id: 'other' };
    const view = toView(run([], { protocols: [fixtureProtocol(), other] }), at('nb-NO'));
    assert.equal(view.step, 'choosingReason');
    assert.equal(view.heading, 'Hva gjelder det?');
    assert.deepEqual(view.reasons.map((r) => r.id), ['fixture', 'other']);
    assert.deepEqual(view.can, { selectReason: true, next: false, back: false, noneOfThese: false, submit: false, finish: false, restart: false });
  });

  it('red-flag screen: every red flag with yes / no / vet ikke, progress and the draft notice', () => {
    const view = toView(run([answer('general-speech', 'no')]), at('nb-NO'));
    assert.equal(view.step, 'redFlags');
    assert.equal(view.redFlags.length, 9);
    assert.equal(view.redFlags[0]?.id, 'general-paralysis');
    assert.deepEqual(view.redFlags[1]?.options.map((o) => [o.label.text, o.selected]), [['Ja', false], ['Nei', true], ['Vet ikke', false]]);
    assert.deepEqual(view.progress, { current: 1, total: 6, label: 'Steg 1 av 6' });
    assert.equal(view.can.next, false);
    assert.equal(view.can.noneOfThese, true);
    assert.equal(view.can.back, false);
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
    assert.deepEqual(view.progress, { current: 3, total: 7, label: 'Step 3 of 7' });
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
    const view = toView(run([{ type: 'REDFLAGS.SET', ids: ['rf-breathing', 'general-speech', 'general-paralysis'] }]), at('en-GB'));
    assert.equal(view.outcome?.disposition, 'call-113');
    assert.equal(view.outcome?.reason.kind, 'red-flag');
    assert.deepEqual(view.outcome?.reason.answers.map((a) => [a.questionId, a.answer]), [
      ['general-paralysis', 'Yes'],
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
    const actor = createActor(triageMachine, { input: { protocols: [fixtureProtocol()] } }).start();
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
