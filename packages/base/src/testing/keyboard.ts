import { sendKeys } from '@web/test-runner-commands';

/** The element that really has focus, looking inside shadow roots. */
export function deepActiveElement(root: Document | ShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses a key, or a chord such as `Shift+Tab`, `times` times. */
export async function press(key: string, times = 1): Promise<void> {
  const keys = key.split('+');
  const main = keys.pop()!;
  for (let i = 0; i < times; i++) {
    for (const modifier of keys) await sendKeys({ down: modifier });
    await sendKeys({ press: main });
    for (const modifier of keys.reverse()) await sendKeys({ up: modifier });
    keys.reverse();
  }
}

export async function tab(times = 1): Promise<void> {
  await press('Tab', times);
}

export async function shiftTab(times = 1): Promise<void> {
  await press('Shift+Tab', times);
}

/** Types as a person does, key by key, into whatever has focus. */
export async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}
