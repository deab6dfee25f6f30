/**
 * Min/max reduction per pixel column for charts (the M4 idea: first, min, max and last per bucket).
 * Keeping the extremes means a single extreme reading stays visible however far the chart zooms out;
 * keeping first and last keeps lines between columns correct. At most 4 points per column, in time
 * order. Pure and O(n) over the visible range (binary search for the range), typed arrays in and out.
 *
 * Input: `times` ascending (epoch ms), `values` the same length. NaN values are skipped.
 */

export interface ReducedSeries {
  readonly times: Float64Array;
  readonly values: Float64Array;
  readonly length: number;
}

export interface ReduceOptions {
  readonly start: number;
  readonly end: number;
  /** Pixel columns; at least 1. */
  readonly columns: number;
}

/** First index with times[i] >= t. */
export function lowerBound(times: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with times[i] > t. */
export function upperBound(times: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function reduceMinMax(times: ArrayLike<number>, values: ArrayLike<number>, options: ReduceOptions): ReducedSeries {
  const columns = Math.max(1, Math.floor(options.columns));
  const { start, end } = options;
  const from = lowerBound(times, start);
  const to = upperBound(times, end); // end inclusive
  const outT = new Float64Array(Math.min(to - from, columns * 4));
  const outV = new Float64Array(outT.length);
  let n = 0;
  if (to <= from || end < start) return { times: outT, values: outV, length: 0 };
  const width = end > start ? (end - start) / columns : 1;
  let bucket = -1;
  let first = -1, last = -1, min = -1, max = -1;
  const flush = () => {
    if (first < 0) return;
    // Up to four distinct indices, emitted in index (= time) order.
    const picks = [first, min, max, last].sort((a, b) => a - b);
    let prev = -1;
    for (const i of picks) {
      if (i === prev) continue;
      prev = i;
      outT[n] = times[i]!;
      outV[n] = values[i]!;
      n++;
    }
  };
  for (let i = from; i < to; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const b = Math.min(columns - 1, Math.floor((times[i]! - start) / width));
    if (b !== bucket) {
      flush();
      bucket = b;
      first = last = min = max = i;
      continue;
    }
    last = i;
    if (v < values[min]!) min = i;
    if (v > values[max]!) max = i;
  }
  flush();
  return { times: outT, values: outV, length: n };
}

/** Splits readings into parallel typed arrays, sorted by time, for `reduceMinMax`. */
export function toTypedSeries(points: readonly { readonly at: number; readonly value: number }[]): { times: Float64Array; values: Float64Array } {
  const sorted = points.every((p, i) => i === 0 || points[i - 1]!.at <= p.at) ? points : [...points].sort((a, b) => a.at - b.at);
  const times = new Float64Array(sorted.length);
  const values = new Float64Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    times[i] = sorted[i]!.at;
    values[i] = sorted[i]!.value;
  }
  return { times, values };
}
