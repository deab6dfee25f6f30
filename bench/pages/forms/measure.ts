// How every forms page is timed, the same way for each renderer:
//   bench:rendered  all N answer inputs are in the document (from navigation start);
//   bench:update    from typing "7" into the first input until the total shows 7.
// Polling uses a MessageChannel (no 4 ms clamp, no animation frames, which a background page lacks).
const channel = new MessageChannel();
const nextTask = () => new Promise<void>((resolve) => {
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(null);
});

async function until(check: () => boolean, timeoutMs = 60000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error('bench: timed out');
    await nextTask();
  }
}

export interface FormProbe {
  /** How many answer inputs are rendered. */
  inputCount(): number;
  /** The first answer input. */
  firstInput(): HTMLInputElement;
  /** The total as shown. */
  totalText(): string;
}

export async function measure(n: number, probe: FormProbe): Promise<void> {
  await until(() => probe.inputCount() >= n);
  performance.mark('bench:rendered');
  const input = probe.firstInput();
  input.focus();
  performance.mark('bench:typed');
  input.value = '7';
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  input.blur();
  await until(() => probe.totalText().trim() === '7');
  performance.measure('bench:update', 'bench:typed');
  performance.mark('bench:done');
}
