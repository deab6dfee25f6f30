/**
 * Test helpers for `<hk-health-form>`: find and use its controls the way a person does (by label, legend and button
 * text). Shared by the health-form tests and the helsekit durability, vault and XSS tests.
 */
import { settled } from '@helsekit/base/testing/index';
import type { HkHealthForm } from '../src/index.js';

export const root = (el: HkHealthForm): ShadowRoot => el.shadowRoot!;

/** Waits until the form has left `loading` (survey-core and fhirpath load with dynamic imports), or reached `step`. */
export async function ready(el: HkHealthForm, step?: string): Promise<void> {
  for (let i = 0; i < 250; i++) {
    await settled(el);
    if (step ? el.step === step : el.step !== 'loading') return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`form stuck in ${el.step}, wanted ${step ?? 'not loading'}`);
}

/** The button whose text starts with `text`. */
export function button(el: HkHealthForm, text: string): HTMLButtonElement {
  const found = [...root(el).querySelectorAll('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim().startsWith(text));
  if (!found) throw new Error(`no button "${text}" in: ${[...root(el).querySelectorAll('button')].map((b) => b.textContent!.trim()).join(' | ')}`);
  return found;
}

export async function click(el: HkHealthForm, text: string): Promise<void> {
  button(el, text).click();
  await settled(el);
}

/** The input labelled `labelText` (a label's control, or the first input of a fieldset with that legend). */
export function inputFor(el: HkHealthForm, labelText: string): HTMLInputElement {
  const label = [...root(el).querySelectorAll('label, legend')].find((l) => l.textContent!.trim().startsWith(labelText));
  if (!label) throw new Error(`no label "${labelText}"`);
  if (label.tagName === 'LEGEND') return label.parentElement!.querySelector('input')!;
  return root(el).getElementById((label as HTMLLabelElement).htmlFor) as HTMLInputElement;
}

/** Types `value` into the field labelled `labelText` and leaves it (a change event). */
export async function fill(el: HkHealthForm, labelText: string, value: string): Promise<void> {
  const input = inputFor(el, labelText);
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settled(el);
}

/** Picks `option` of the choice question `question`. */
export async function choose(el: HkHealthForm, question: string, option: string): Promise<void> {
  const legend = [...root(el).querySelectorAll('legend')].find((l) => l.textContent!.trim().startsWith(question));
  if (!legend) throw new Error(`no question "${question}"`);
  const label = [...legend.parentElement!.querySelectorAll('label')].find((l) => l.textContent!.trim() === option);
  if (!label) throw new Error(`no option "${option}" in "${question}"`);
  label.querySelector('input')!.click();
  await settled(el);
}
