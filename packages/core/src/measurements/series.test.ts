import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { reduceMinMax, toTypedSeries } from './series.js';

describe('reduceMinMax', () => {
  it('keeps first, min, max and last per column, in time order', () => {
    const times = [0, 1, 2, 3, 4, 5, 6, 7];
    const values = [5, 9, 1, 5, 6, 6, 2, 7];
    const r = reduceMinMax(times, values, { start: 0, end: 7.999, columns: 2 });
    // column 0: indices 0..3 → first 0 (5), max 1 (9), min 2 (1), last 3 (5); column 1: 4..7 → first 4, min 6, max/last 7
    assert.deepEqual([...r.times.subarray(0, r.length)], [0, 1, 2, 3, 4, 6, 7]);
    assert.deepEqual([...r.values.subarray(0, r.length)], [5, 9, 1, 5, 6, 2, 7]);
  });
  it('keeps a single extreme reading visible in 100 000 points on 300 columns', () => {
    const n = 100_000;
    const times = new Float64Array(n);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      times[i] = i * 60_000;
      values[i] = 70 + Math.sin(i / 50) * 5;
    }
    values[54_321] = 190;
    values[77_777] = 20;
    const r = reduceMinMax(times, values, { start: 0, end: times[n - 1]!, columns: 300 });
    assert.ok(r.length <= 1200);
    const v = [...r.values.subarray(0, r.length)];
    assert.ok(v.includes(190));
    assert.ok(v.includes(20));
    const t = [...r.times.subarray(0, r.length)];
    assert.deepEqual(t, [...t].sort((a, b) => a - b));
    assert.equal(t[0], 0);
    assert.equal(t[t.length - 1], times[n - 1]);
  });
  it('limits to the range (inclusive), skips NaN and handles empty ranges', () => {
    const r = reduceMinMax([0, 10, 20, 30], [1, Number.NaN, 3, 4], { start: 10, end: 20, columns: 10 });
    assert.deepEqual([...r.values.subarray(0, r.length)], [3]);
    assert.equal(reduceMinMax([0, 10], [1, 2], { start: 11, end: 20, columns: 5 }).length, 0);
    assert.equal(reduceMinMax([], [], { start: 0, end: 1, columns: 5 }).length, 0);
  });
  it('returns everything when there are fewer points than columns', () => {
    const r = reduceMinMax([1, 2, 3], [3, 2, 1], { start: 0, end: 3, columns: 1000 });
    assert.equal(r.length, 3);
  });
});

describe('toTypedSeries', () => {
  it('sorts by time into typed arrays', () => {
    const s = toTypedSeries([{ at: 3, value: 30 }, { at: 1, value: 10 }]);
    assert.deepEqual([...s.times], [1, 3]);
    assert.deepEqual([...s.values], [10, 30]);
  });
});
