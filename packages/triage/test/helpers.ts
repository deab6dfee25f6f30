// Drives <hk-triage> through its own UI, as a person with a mouse would (keyboard walks are in triage.test.ts).
import { html } from 'lit';
import '@helsekit/triage/define';
import type { LocalizedText, Protocol, TriagePerson } from '@helsekit/core/triage';
import { fixtureProtocol } from '@helsekit/core/triage/triage.fixtures';
import type { HkTriage } from '@helsekit/triage';
import { fixtureInLang, settled } from '@helsekit/base/testing/index';

export const root = (el: Element): ShadowRoot => el.shadowRoot!;
export const part = <T extends Element = HTMLElement>(el: Element, name: string): T | null => root(el).querySelector<T>(`[part~="${name}"]`);
export const text = (el: Element, name: string): string => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let loaded: Protocol[] | undefined;

/**
 * The shipped protocols. The test runner's esbuild transform drops the `with { type: 'json' }` of
 * `@helsekit/protocols`, so unless it also turns JSON into modules (`json: true`), that import fails in the
 * browser; then the files are fetched as data instead.
 */
export async function shippedProtocols(): Promise<Protocol[]> {
  if (!loaded) {
    try {
      loaded = [...(await import('@helsekit/protocols')).protocols];
    } catch {
      loaded = await Promise.all(
        ['fever-adult', 'chest-pain', 'prescription-renewal'].map(async (id) => (await (await fetch(`/packages/protocols/src/${id}.json`)).json()) as Protocol),
      );
    }
  }
  return structuredClone(loaded);
}

/** The person most tests are about; `person: null` starts on the who-for screen instead. */
export const ADULT: TriagePerson = { who: 'self', ageBand: '18-64-years', sex: 'female', pregnant: 'no' };

/**
 * Test protocols for tests about the element's behaviour (focus, keys, events, persistence), so they do not follow
 * the shipped clinical content. `fixture` is core's `fixtureProtocol()`: red flags rf-bleeding (113) and
 * rf-breathing (116117); questions has-fever, temp (only after has-fever "yes"), days, age, where, symptoms.
 */
export { fixtureProtocol };

const t = (s: string): LocalizedText => ({ nb: `${s} (nb)`, nn: `${s} (nn)`, en: s });
const content = (s: string) => ({ advice: t(`${s} advice`), safetyNet: t(`${s} safety net`) });

/** The fixture under its own id, title and search words: another reason on the list. */
function variant(id: string, title: string, words: Protocol['synonyms']): Protocol {
  return { ...fixtureProtocol(), id, title: t(title), synonyms: words, searchTests: { find: [words.nb[0]!], notFind: ['feber'] } };
}

/**
 * Two questions: `cough` (yes/no/vet ikke; "yes" → gp-same-day) and `where` (home/abroad/vet ikke; "abroad" →
 * e-consultation); "no" and "home" → self-care. One red flag, rf-fainted (116117).
 */
export function shortProtocol(): Protocol {
  const p = variant('short', 'Short', { nb: ['kort'], nn: ['kort'], en: ['short'], se: ['kort'] });
  return {
    ...p,
    redFlags: [{ id: 'rf-fainted', text: t('Fainted?'), disposition: 'call-116117', whatToDoNow: t('Call 116117') }],
    // `where` is the fixture's own question.
    questions: [{ id: 'cough', kind: 'yes-no-dontknow', text: t('Cough?') }, p.questions.find((q) => q.id === 'where')!],
    rules: [
      { id: 'cough', when: { all: [{ question: 'cough', operator: 'eq', value: 'yes' }] }, disposition: 'gp-same-day', priority: 1, reason: t('cough') },
      { id: 'abroad', when: { all: [{ question: 'where', operator: 'in', value: ['abroad'] }] }, disposition: 'e-consultation', priority: 1, reason: t('abroad') },
      {
        id: 'mild',
        when: { all: [{ question: 'cough', operator: 'eq', value: 'no' }, { question: 'where', operator: 'in', value: ['home'] }] },
        disposition: 'self-care',
        priority: 0,
        reason: t('no cough, at home'),
      },
    ],
  };
}

/** One question, `renewal`: "yes" → admin-service (a prescription renewal). */
export function adminProtocol(): Protocol {
  const p = variant('admin', 'Admin', { nb: ['papirer'], nn: ['papir'], en: ['papers'], se: ['papirat'] });
  return {
    ...p,
    redFlags: [],
    questions: [{ id: 'renewal', kind: 'yes-no-dontknow', text: t('Only a renewal?') }],
    rules: [{ id: 'renewal', when: { all: [{ question: 'renewal', operator: 'eq', value: 'yes' }] }, disposition: 'admin-service', priority: 0, reason: t('a renewal') }],
    dispositions: { ...p.dispositions, 'admin-service': { ...content('admin'), target: 'prescription-renewal' } },
  };
}

/** The test protocols, for a reason list: Fixture, Short and Admin. */
export const testProtocols = (): Protocol[] => [fixtureProtocol(), shortProtocol(), adminProtocol()];

/** Through has-fever "no", days, age and where to an outcome of the fixture protocol (symptoms "none" last). */
export const FIXTURE_PATHS = {
  /** days 1 → rule "mild" */
  selfCare: [['has-fever', 'no'], ['days', '1'], ['age', '30'], ['where', 'home'], ['symptoms', ['none']]],
  /** abroad → e-consultation */
  eConsultation: [['has-fever', 'no'], ['days', '5'], ['age', '30'], ['where', 'abroad'], ['symptoms', ['none']]],
  /** more than a week → gp-appointment */
  gpAppointment: [['has-fever', 'no'], ['days', '10'], ['age', '30'], ['where', 'home'], ['symptoms', ['none']]],
  /** 38.5 to 40 → gp-same-day */
  gpSameDay: [['has-fever', 'yes'], ['temp', '39,1'], ['days', '1'], ['age', '30'], ['where', 'home'], ['symptoms', ['cough']]],
  /** 40 or more → call-116117 */
  call116117: [['has-fever', 'yes'], ['temp', '40,2'], ['days', '1'], ['age', '30'], ['where', 'home'], ['symptoms', ['none']]],
} satisfies Record<string, Array<[string, string | string[]]>>;

export async function triage(
  attrs: {
    protocolId?: string;
    lang?: string;
    persist?: string;
    persistKey?: string;
    person?: TriagePerson | null;
    /** Default: the shipped protocols. */
    protocols?: Protocol[];
  } = {},
): Promise<HkTriage> {
  const protocols = attrs.protocols ?? (await shippedProtocols());
  const person = attrs.person === undefined ? ADULT : (attrs.person ?? undefined);
  return fixtureInLang<HkTriage>(
    html`<hk-triage
      .protocols=${protocols}
      .person=${person}
      protocol-id=${attrs.protocolId ?? ''}
      persist=${attrs.persist ?? 'none'}
      persist-key=${attrs.persistKey ?? 'hk-triage'}
    ></hk-triage>`,
    attrs.lang ?? 'nb',
  );
}

export async function click(el: HkTriage, name: string): Promise<void> {
  const target = part(el, name);
  if (!target) throw new Error(`no [part=${name}] on the ${el.matches(':state(questions)') ? 'question' : 'current'} screen`);
  target.click();
  await settled(el);
  await settled(el);
}

export async function chooseReason(el: HkTriage, title: string): Promise<void> {
  const button = [...root(el).querySelectorAll<HTMLButtonElement>('[part="reason-button"]')].find((b) => b.textContent!.trim() === title);
  if (!button) throw new Error(`no reason "${title}"`);
  button.click();
  await settled(el);
}

/** Answers the who-for screen by label text (as a person reads it) and presses "Gå videre". */
export async function answerPerson(el: HkTriage, labels: string[]): Promise<void> {
  for (const label of labels) {
    const option = [...root(el).querySelectorAll<HTMLLabelElement>('form.person label.option')].find((l) => l.textContent!.trim() === label);
    if (!option) throw new Error(`no option "${label}" on the who-for screen`);
    option.querySelector('input')!.click();
    await settled(el);
  }
  await click(el, 'next-button');
}

export async function tickRedFlag(el: HkTriage, id: string): Promise<void> {
  const box = root(el).querySelector<HTMLInputElement>(`input[name="red-flag"][value="${id}"]`)!;
  box.click();
  await settled(el);
}

export function field(el: HkTriage): HTMLElement & { value: unknown } {
  return root(el).querySelector('[data-answer]')!;
}

/** Answers the question on screen (option value, several for a multi-choice, or a number typed as text) and presses Next. */
export async function answer(el: HkTriage, value: string | string[], next = true): Promise<void> {
  const f = field(el);
  await (f as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  if (f.localName === 'hk-number-input') {
    const input = f.shadowRoot!.querySelector('input')!;
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  } else {
    for (const v of Array.isArray(value) ? value : [value]) {
      f.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${v === 'dontknow' && f.localName === 'hk-yes-no' ? 'dont-know' : v}"]`)!.click();
      await settled(el);
    }
  }
  await settled(el);
  if (next) await click(el, 'next-button');
}

/** Answers a list of questions in order (id: value), checking that each is the one on screen. */
export async function answerAll(el: HkTriage, answers: Array<[string, string | string[]]>): Promise<void> {
  for (const [id, value] of answers) {
    const on = part(el, 'question')?.dataset['question'];
    if (on !== id) throw new Error(`expected question ${id}, but the screen shows ${on ?? 'no question'}`);
    await answer(el, value);
  }
}

/** A button just before the element, focused: the next Tab enters the widget as a keyboard user's would. */
export function focusBefore(el: HkTriage): HTMLButtonElement {
  const before = document.createElement('button');
  before.textContent = 'før';
  el.before(before);
  before.focus();
  return before;
}

export function headingHasFocus(el: HkTriage): boolean {
  return root(el).activeElement === part(el, 'heading');
}

/** Polls until `check` holds (the FHIR store is loaded on first send, and the post is asynchronous). */
export async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
