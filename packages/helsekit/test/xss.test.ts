// Issue 7, item 2 (triage): every payload of the shared XSS corpus in every text of a protocol, walked through
// the reason list, the red-flag screen, every question and both kinds of outcome. Nothing may execute, no
// element of the payload may appear in the shadow DOM, and the text must be shown literally.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import '@helsekit/triage/define';
import type { HkTriage } from '@helsekit/triage';
import type { LocalizedText, Protocol } from '@helsekit/core/triage';
import { fixtureProtocol } from '@helsekit/core/triage/triage.fixtures';
import { fixtureInLang, settled } from '@helsekit/base/testing/index';
import { collapse, deepText, resetXssCanary, XSS_CORPUS, xssCanaryFired, xssFindings } from '@helsekit/base/testing/xss-corpus';

/** Gives a late onerror/onload (an image that fails to load, a frame) time to fire, then checks the canary. */
async function canaryStaysUnset(): Promise<void> {
  await new Promise((r) => setTimeout(r, 30));
  expect(xssCanaryFired(), 'the canary fired').to.equal(false);
}

const localized = (s: string): LocalizedText => ({ nb: s, nn: s, en: s });

/** The fixture protocol with every user-facing text replaced by `payload`, and a help text on every question. */
function hostileProtocol(payload: string, id = 'xss'): Protocol {
  const p = fixtureProtocol();
  const t = localized(payload);
  return {
    ...p,
    id,
    title: t,
    synonyms: { nb: [payload], nn: [payload], en: [payload], se: [payload] },
    redFlags: p.redFlags.map((f) => ({ ...f, text: t, whatToDoNow: t })),
    questions: p.questions.map((q) => {
      const base = { ...q, text: t, help: t };
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

async function mount(payload: string): Promise<HkTriage> {
  // Two protocols, so the reason list is shown (with one, the machine starts it at once).
  return fixtureInLang<HkTriage>(
    html`<hk-triage .protocols=${[hostileProtocol(payload), hostileProtocol(payload, 'xss-2')]} persist="none"></hk-triage>`,
    'nb',
  );
}

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
    it(`${id}: reason list, red flags, every question and a rule outcome show it as text`, async () => {
      const el = await mount(payload);
      await settled(el);
      expect(el.matches(':state(choosingReason)'), 'reason screen').to.equal(true);
      check(el, payload, 'reason list', part(el, 'reason-list')!);
      (shadow(el).querySelector('[part="reason-button"]') as HTMLButtonElement).click();
      await settled(el);
      await settled(el);
      expect(el.matches(':state(redFlags)'), 'red-flag screen').to.equal(true);
      check(el, payload, 'red flags', part(el, 'red-flags')!);
      check(el, payload, 'protocol title on the red-flag screen');
      await press(el, 'none-button');
      // has-fever (yes-no), temp (number with unit label), days, age, where (single), symptoms (multi)
      const walk: Array<[string, string | string[]]> = [
        ['has-fever', 'yes'],
        ['temp', '37'],
        ['days', '1'],
        ['age', '30'],
        ['where', 'abroad'],
        ['symptoms', ['cough']],
      ];
      for (const [questionId, value] of walk) {
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

    it(`${id}: a ticked protocol red flag shows it as what to do now and as the reason`, async () => {
      const el = await mount(payload);
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
  }
});
