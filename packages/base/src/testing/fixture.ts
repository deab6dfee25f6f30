import { fixture, fixtureCleanup } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';

/** Renders `template` inside a wrapper with `lang`, and waits for the first element to finish updating. */
export async function fixtureInLang<T extends Element>(template: TemplateResult, lang = 'nb'): Promise<T> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}>${template}</div>`);
  const element = wrapper.firstElementChild as T;
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

/** Waits until the element and everything it renders has updated. */
export async function settled(element: Element): Promise<void> {
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  // A macrotask, not an animation frame: pages without focus get no frames. A change seen by an observer
  // (a `lang` attribute, say) schedules its update in a microtask, so wait for that update too.
  await new Promise((resolve) => setTimeout(resolve));
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
}

export { fixtureCleanup };
