// Shared by the triage bench pages: resolves after the next frame has been painted (a task queued from a
// requestAnimationFrame callback runs after that frame's paint), then records the marks.
export function afterPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );
}

/** Marks `bench:red-flags` and the measure from module start to it, then `bench:done` one frame later. */
export async function markRedFlagsPainted(): Promise<void> {
  await afterPaint();
  performance.mark('bench:red-flags');
  performance.measure('bench:start-to-red-flags', 'bench:start', 'bench:red-flags');
  requestAnimationFrame(() => setTimeout(() => performance.mark('bench:done')));
}
