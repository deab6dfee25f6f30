// One deterministic 100 000-point series (a reading every 5 minutes for about a year, with one extreme spike),
// shared by the three chart pages so they draw the same data.
export const N = 100_000;
export const STEP = 5 * 60_000;
export const END = Date.parse('2026-05-17T12:00:00Z');
export const START = END - (N - 1) * STEP;

export function series(): { times: Float64Array; values: Float64Array } {
  const times = new Float64Array(N);
  const values = new Float64Array(N);
  let seed = 42;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  for (let i = 0; i < N; i++) {
    times[i] = START + i * STEP;
    values[i] = 72 + Math.sin(i / 400) * 8 + (rand() - 0.5) * 6;
  }
  values[73_123] = 190;
  return { times, values };
}

/** The range change: the last 30 days (what a person does first after opening a year). */
export const RANGE = { start: END - 30 * 86_400_000, end: END };
/** Width of the chart in CSS pixels, the same for every library. */
export const WIDTH = 640;
export const HEIGHT = 180;

/** Waits for the browser to lay out and paint what was drawn. */
export const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
