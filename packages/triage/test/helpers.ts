// Drives <hk-triage> through its own UI, as a person with a mouse would (keyboard walks are in triage.test.ts).
import { html } from 'lit';
import '@helsekit/triage/define';
import type { Protocol } from '@helsekit/core/triage';
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

export async function triage(attrs: { protocolId?: string; lang?: string; persist?: string; persistKey?: string } = {}): Promise<HkTriage> {
  const protocols = await shippedProtocols();
  return fixtureInLang<HkTriage>(
    html`<hk-triage
      .protocols=${protocols}
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
