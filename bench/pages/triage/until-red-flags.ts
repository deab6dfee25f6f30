import type { HkTriage } from '@helsekit/triage';

/**
 * Resolves when <hk-triage> shows its red-flag screen: the custom state is set and the render is done. Custom
 * states change no attribute, so this polls once per frame (the baseline pays the same frame wait in its paint).
 */
export async function untilRedFlagsRendered(el: HkTriage): Promise<void> {
  while (!el.matches(':state(redFlags)')) await new Promise((r) => requestAnimationFrame(r));
  await el.updateComplete;
  if (!el.shadowRoot?.querySelector('[part~="red-flags"] input')) throw new Error('red-flag screen not rendered');
}

/** Resolves when <hk-triage> shows the screen of `state` and `selector` is in it (the who-for screen: `form.person input`). */
export async function untilStateRendered(el: HkTriage, state: string, selector: string): Promise<void> {
  while (!el.matches(`:state(${state})`)) await new Promise((r) => requestAnimationFrame(r));
  await el.updateComplete;
  if (!el.shadowRoot?.querySelector(selector)) throw new Error(`${state} screen not rendered`);
}
