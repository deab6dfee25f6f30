// Issue 7, item 2 (triage): every payload of the shared XSS corpus in every text of a protocol, walked through
// the who-for screen, the reason list, the red-flag screen, every question and both kinds of outcome; as what a
// person types for "Noe annet"; in the child wording; and as a `person` the host sets. Nothing may execute, no
// element of the payload may appear in the shadow DOM, and the text must be shown literally.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import '@helsekit/triage/define';
import type { HkTriage } from '@helsekit/triage';
import { AGE_BANDS, type LocalizedText, type Protocol, type TriagePerson } from '@helsekit/core/triage';
import { fixtureProtocol } from '@helsekit/core/triage/triage.fixtures';
import { fixtureInLang, settled } from '@helsekit/base/testing/index';
import { collapse, deepText, resetXssCanary, XSS_CORPUS, xssCanaryFired, xssFindings } from '@helsekit/base/testing/xss-corpus';

/** Gives a late onerror/onload (an image that fails to load, a frame) time to fire, then checks the canary. */
async function canaryStaysUnset(): Promise<void> {
  await new Promise((r) => setTimeout(r, 30));
  expect(xssCanaryFired(), 'the canary fired').to.equal(false);
}

const localized = (s: string): LocalizedText => ({ nb: s, nn: s, en: s });

/** What a protocol says where the child wording is the channel under test: never shown to a parent. */
const ADULT_WORDING = 'Voksenformulering';
const ADULT: TriagePerson = { who: 'self', ageBand: '18-64-years', sex: 'female', pregnant: 'no' };
/** A parent answering for a child: the red flags and questions read their `textChild`. */
const CHILD: TriagePerson = { who: 'other', ageBand: '5-12-years', sex: 'female' };

/**
 * The fixture protocol with every user-facing text replaced by `payload`, and a help text on every question, for
 * every age. `childWording`: the payload goes into the red flags' and questions' `textChild`, and their `text` is
 * harmless, so that what a parent sees can only have come from the child wording.
 */
function hostileProtocol(payload: string, id = 'xss', childWording = false): Protocol {
  const p = fixtureProtocol();
  const t = localized(payload);
  const text = childWording ? { text: localized(ADULT_WORDING), textChild: t } : { text: t };
  return {
    ...p,
    id,
    title: t,
    audience: { ages: [...AGE_BANDS] },
    synonyms: { nb: [payload], nn: [payload], en: [payload], se: [payload] },
    redFlags: p.redFlags.map((f) => ({ ...f, ...text, whatToDoNow: t })),
    questions: p.questions.map((q) => {
      const base = { ...q, ...text, help: t };
      if (base.kind === 'single-choice' || base.kind === 'multi-choice') return { ...base, options: base.options.map((o) => ({ ...o, label: t })) };
      if (base.kind === 'number') return { ...base, unitLabel: t };
      return base;
    }),
    rules: p.rules.map((r) => ({ ...r, reason: t })),
    dispositions: Object.fromEntries(Object.entries(p.dispositions).map(([k, v]) => [k, { ...v, advice: t, safetyNet: t }])),
  };
}

const shadow = (el: Element): ShadowRoot => el.shadowRoot!;
const part = (el: Element, name: string): HTMLElement | null => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);

async function press(el: HkTriage, name: string): Promise<void> {
  const target = part(el, name);
  if (!target) throw new Error(`no [part=${name}]`);
  target.click();
  await settled(el);
  await settled(el);
}

/** Answers the question on screen through its input primitive, then presses Next. */
async function answer(el: HkTriage, value: string | string[]): Promise<void> {
  const f = shadow(el).querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('[data-answer]')!;
  await f.updateComplete;
  if (f.localName === 'hk-number-input') {
    const input = f.shadowRoot!.querySelector('input')!;
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  } else {
    for (const v of Array.isArray(value) ? value : [value]) {
      f.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${v}"]`)!.click();
      await settled(el);
    }
  }
  await settled(el);
  await press(el, 'next-button');
}

/** Checks the screen on show: clean DOM, canary unset, the payload shown literally in `what`. */
function check(el: HkTriage, payload: string, what: string, scope: ParentNode = shadow(el)): void {
  const findings = xssFindings(shadow(el));
  expect(findings, `${what}: markup from the payload in the shadow DOM`).to.deep.equal([]);
  expect(xssCanaryFired(), `${what}: the canary fired`).to.equal(false);
  expect(deepText(scope), `${what}: payload not shown literally`).to.contain(collapse(payload));
}

async function mount(payload: string, person: unknown = ADULT, childWording = false): Promise<HkTriage> {
  // Two protocols, so the reason list is shown (with one, the machine starts it at once), and "Noe annet".
  const protocols = [hostileProtocol(payload, 'xss', childWording), hostileProtocol(payload, 'xss-2', childWording), hostileProtocol(payload, 'other', childWording)];
  return fixtureInLang<HkTriage>(html`<hk-triage .protocols=${protocols} .person=${person ?? undefined} persist="none"></hk-triage>`, 'nb');
}

/** Checks the who-for screen (it has no text from the host) and answers it through its radios. */
async function answerWhoFor(el: HkTriage, values: string[]): Promise<void> {
  expect(el.matches(':state(choosingPerson)'), 'who-for screen').to.equal(true);
  expect(xssFindings(shadow(el)), 'who-for screen: markup in the shadow DOM').to.deep.equal([]);
  expect(xssCanaryFired(), 'who-for screen: the canary fired').to.equal(false);
  for (const value of values) {
    shadow(el).querySelector<HTMLInputElement>(`form.person input[value="${value}"]`)!.click();
    await settled(el);
  }
  await press(el, 'next-button');
}

/** The fixture's questions, answered to a rule outcome. */
const WALK: Array<[string, string | string[]]> = [
  ['has-fever', 'yes'],
  ['temp', '37'],
  ['days', '1'],
  ['age', '30'],
  ['where', 'abroad'],
  ['symptoms', ['cough']],
];

describe('XSS corpus in <hk-triage> protocols', () => {
  before(() => {
    expect(XSS_CORPUS.length).to.be.at.least(50);
    expect(new Set(XSS_CORPUS.map((p) => p.id)).size).to.equal(XSS_CORPUS.length);
  });
  beforeEach(async () => {
    // A late error event from an earlier (failed) test must not be counted against this one.
    await new Promise((r) => setTimeout(r, 30));
    resetXssCanary();
  });

  for (const { id, payload } of XSS_CORPUS) {
    it(`${id}: the who-for screen, reason list, red flags, every question and a rule outcome show it as text`, async () => {
      const el = await mount(payload, null);
      await settled(el);
      await answerWhoFor(el, ['self', '18-64-years', 'male']);
      expect(el.matches(':state(choosingReason)'), 'reason screen').to.equal(true);
      check(el, payload, 'reason list', part(el, 'reason-list')!);
      check(el, payload, '"Noe annet"', part(el, 'other-button')!);
      (shadow(el).querySelector('[part="reason-button"]') as HTMLButtonElement).click();
      await settled(el);
      await settled(el);
      expect(el.matches(':state(redFlags)'), 'red-flag screen').to.equal(true);
      check(el, payload, 'red flags', part(el, 'red-flags')!);
      check(el, payload, 'protocol title on the red-flag screen');
      await press(el, 'none-button');
      // has-fever (yes-no), temp (number with unit label), days, age, where (single), symptoms (multi)
      for (const [questionId, value] of WALK) {
        const on = part(el, 'question')?.dataset['question'];
        expect(on, 'question on screen').to.equal(questionId);
        check(el, payload, `question ${questionId} (text, help, options, unit)`, part(el, 'question')!);
        check(el, payload, `heading of ${questionId}`, part(el, 'heading')!);
        await answer(el, value);
      }
      expect(el.matches(':state(outcome)'), 'outcome').to.equal(true);
      check(el, payload, 'outcome reason (rule reason and answers)', part(el, 'reason')!);
      check(el, payload, 'advice', part(el, 'advice')!);
      check(el, payload, 'safety net', part(el, 'safety-net')!);
      el.parentElement!.remove();
      await canaryStaysUnset();
    });

    it(`${id}: a person set by the host with it is refused; a ticked protocol red flag shows it as what to do now and as the reason`, async () => {
      const el = await mount(payload, { who: payload, ageBand: payload, sex: payload, pregnant: payload });
      await settled(el);
      expect(el.matches(':state(choosingPerson)'), 'an invalid person: the who-for screen').to.equal(true);
      expect(xssFindings(shadow(el)), 'who-for screen: markup in the shadow DOM').to.deep.equal([]);
      expect(deepText(shadow(el)), 'who-for screen: the host’s person is not shown').not.to.contain(collapse(payload));
      el.person = { ...ADULT, sex: payload } as unknown as TriagePerson;
      await settled(el);
      expect(el.matches(':state(choosingPerson)'), 'an invalid sex: the who-for screen').to.equal(true);
      el.person = ADULT;
      await settled(el);
      expect(el.matches(':state(choosingReason)'), 'a valid person: the reason screen').to.equal(true);
      (shadow(el).querySelector('[part="reason-button"]') as HTMLButtonElement).click();
      await settled(el);
      await settled(el);
      shadow(el).querySelector<HTMLInputElement>('input[name="red-flag"][value="rf-bleeding"]')!.click();
      await settled(el);
      await press(el, 'next-button');
      expect(el.matches(':state(outcome)'), 'outcome').to.equal(true);
      check(el, payload, 'what to do now', part(el, 'what-to-do-now')!);
      check(el, payload, 'red-flag reason', part(el, 'reason')!);
      check(el, payload, 'advice', part(el, 'advice')!);
      check(el, payload, 'safety net', part(el, 'safety-net')!);
      el.parentElement!.remove();
      await canaryStaysUnset();
    });

    it(`${id}: typed for "Noe annet" and in the child wording, it is shown as text`, async () => {
      const el = await mount(payload, CHILD, true);
      await settled(el);
      expect(el.matches(':state(choosingReason)'), 'reason screen').to.equal(true);
      await press(el, 'other-button');
      const area = part(el, 'description') as HTMLTextAreaElement;
      area.value = payload;
      area.dispatchEvent(new Event('input'));
      await settled(el);
      expect(xssFindings(shadow(el)), 'description field: markup in the shadow DOM').to.deep.equal([]);
      await press(el, 'next-button');
      expect(el.matches(':state(redFlags)'), 'red-flag screen').to.equal(true);
      check(el, payload, 'red flags in child wording', part(el, 'red-flags')!);
      expect(deepText(part(el, 'red-flags')!), 'the adult wording').not.to.contain(ADULT_WORDING);
      await press(el, 'none-button');
      for (const [questionId, value] of WALK) {
        expect(part(el, 'question')?.dataset['question'], 'question on screen').to.equal(questionId);
        check(el, payload, `${questionId} in child wording`, part(el, 'heading')!);
        expect(deepText(part(el, 'question')!), `${questionId}: the adult wording`).not.to.contain(ADULT_WORDING);
        await answer(el, value);
      }
      expect(el.matches(':state(outcome)'), 'outcome').to.equal(true);
      check(el, payload, 'the person’s own words', part(el, 'description')!);
      // The reason repeats the questions in the wording they were asked in.
      check(el, payload, 'outcome reason in child wording', part(el, 'reason')!);
      expect(deepText(part(el, 'reason')!), 'outcome reason: the adult wording').not.to.contain(ADULT_WORDING);
      el.parentElement!.remove();
      await canaryStaysUnset();
    });
  }
});
