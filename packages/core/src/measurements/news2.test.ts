import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Reading } from './measurement.types.js';
import {
  buildNews2Observation,
  groupNews2Set,
  news2Band,
  roundHalfAwayFromZero,
  scoreConsciousness,
  scoreNews2,
  scorePulse,
  scoreRespiratoryRate,
  scoreSpo2,
  scoreSystolic,
  scoreTemperature,
  type News2Set,
} from './news2.js';

function table(name: string, fn: (v: number) => number | undefined, rows: Array<[number, number | undefined]>) {
  describe(name, () => {
    for (const [value, expected] of rows) it(`${value} → ${expected}`, () => assert.equal(fn(value), expected));
  });
}

// Both sides of every threshold in CLINICAL.md section 2, plus the extremes.
table('respiration rate', scoreRespiratoryRate, [
  [0, 3], [8, 3], [9, 1], [11, 1], [12, 0], [20, 0], [21, 2], [24, 2], [25, 3], [60, 3],
]);
table('SpO2 Scale 1', (v) => scoreSpo2(v, 1), [
  [50, 3], [91, 3], [92, 2], [93, 2], [94, 1], [95, 1], [96, 0], [100, 0],
]);
table('SpO2 Scale 1 ignores oxygen', (v) => scoreSpo2(v, 1, true), [[96, 0], [100, 0], [91, 3]]);
table('SpO2 Scale 2 on air', (v) => scoreSpo2(v, 2, false), [
  [50, 3], [83, 3], [84, 2], [85, 2], [86, 1], [87, 1], [88, 0], [92, 0], [93, 0], [97, 0], [100, 0],
]);
table('SpO2 Scale 2 on oxygen', (v) => scoreSpo2(v, 2, true), [
  [83, 3], [84, 2], [85, 2], [86, 1], [87, 1], [88, 0], [92, 0], [93, 1], [94, 1], [95, 2], [96, 2], [97, 3], [100, 3],
]);
table('SpO2 Scale 2, air/oxygen unknown', (v) => scoreSpo2(v, 2), [[92, 0], [93, undefined], [83, 3]]);
table('systolic BP', scoreSystolic, [
  [60, 3], [90, 3], [91, 2], [100, 2], [101, 1], [110, 1], [111, 0], [219, 0], [220, 3], [260, 3],
]);
table('pulse', scorePulse, [
  [30, 3], [40, 3], [41, 1], [50, 1], [51, 0], [90, 0], [91, 1], [110, 1], [111, 2], [130, 2], [131, 3], [200, 3],
]);
table('temperature', scoreTemperature, [
  [33, 3], [35.0, 3], [35.1, 1], [36.0, 1], [36.1, 0], [38.0, 0], [38.1, 1], [39.0, 1], [39.1, 2], [41, 2],
]);

describe('consciousness (ACVPU)', () => {
  it('A scores 0, C V P U score 3', () => {
    assert.equal(scoreConsciousness('A'), 0);
    for (const x of ['C', 'V', 'P', 'U'] as const) assert.equal(scoreConsciousness(x), 3);
  });
});

describe('rounding between chart steps: half away from zero, on the decimal value', () => {
  it('rounds 35.05 °C to 35.1 (score 1), unlike toFixed', () => {
    assert.equal((35.05).toFixed(1), '35.0'); // the trap this rule avoids
    assert.equal(roundHalfAwayFromZero(35.05, 1), 35.1);
    assert.equal(scoreTemperature(35.05), 1);
  });
  it('rounds 35.04 °C to 35.0 (score 3)', () => assert.equal(scoreTemperature(35.04), 3));
  it('rounds 36.05 → 36.1 (0), 38.05 → 38.1 (1), 39.05 → 39.1 (2)', () => {
    assert.equal(scoreTemperature(36.05), 0);
    assert.equal(scoreTemperature(36.04), 1);
    assert.equal(scoreTemperature(38.05), 1);
    assert.equal(scoreTemperature(39.05), 2);
    assert.equal(scoreTemperature(39.04), 1);
  });
  const intRows: Array<[string, (v: number) => number | undefined, number, number]> = [
    ['RR 8.5 → 9', scoreRespiratoryRate, 8.5, 1],
    ['RR 8.49 → 8', scoreRespiratoryRate, 8.49, 3],
    ['RR 11.5 → 12', scoreRespiratoryRate, 11.5, 0],
    ['RR 20.5 → 21', scoreRespiratoryRate, 20.5, 2],
    ['RR 24.5 → 25', scoreRespiratoryRate, 24.5, 3],
    ['SpO2 91.5 → 92', (v) => scoreSpo2(v, 1), 91.5, 2],
    ['SpO2 95.5 → 96', (v) => scoreSpo2(v, 1), 95.5, 0],
    ['SpO2 95.49 → 95', (v) => scoreSpo2(v, 1), 95.49, 1],
    ['SpO2 S2 92.5 on O2 → 93', (v) => scoreSpo2(v, 2, true), 92.5, 1],
    ['SBP 90.5 → 91', scoreSystolic, 90.5, 2],
    ['SBP 110.5 → 111', scoreSystolic, 110.5, 0],
    ['SBP 219.5 → 220', scoreSystolic, 219.5, 3],
    ['SBP 219.49 → 219', scoreSystolic, 219.49, 0],
    ['pulse 40.5 → 41', scorePulse, 40.5, 1],
    ['pulse 90.5 → 91', scorePulse, 90.5, 1],
    ['pulse 130.5 → 131', scorePulse, 130.5, 3],
  ];
  for (const [name, fn, v, expected] of intRows) it(name, () => assert.equal(fn(v), expected));
  it('rounds negatives away from zero and leaves exact values alone', () => {
    assert.equal(roundHalfAwayFromZero(-2.5), -3);
    assert.equal(roundHalfAwayFromZero(1.005, 2), 1.01);
    assert.equal(roundHalfAwayFromZero(37.2, 1), 37.2);
  });
});

const normal: News2Set = { respiratoryRate: 16, spo2: 98, onOxygen: false, systolic: 125, pulse: 70, consciousness: 'A', temperature: 37 };

describe('bands', () => {
  const rows: Array<[number, boolean, string]> = [
    [0, false, 'low'], [4, false, 'low'], [3, true, 'lowMedium'], [4, true, 'lowMedium'], [5, false, 'medium'],
    [5, true, 'medium'], [6, true, 'medium'], [7, false, 'high'], [20, true, 'high'],
  ];
  for (const [total, single3, band] of rows) it(`total ${total}, single 3 ${single3} → ${band}`, () => assert.equal(news2Band(total, single3), band));
});

describe('scoreNews2', () => {
  it('scores a complete normal set 0, low, with SNOMED on the coded sub-scores', () => {
    const r = scoreNews2(normal, { ageYears: 70, pregnant: false });
    assert.equal(r.status, 'complete');
    if (r.status !== 'complete') return;
    assert.equal(r.total, 0);
    assert.equal(r.band, 'low');
    assert.equal(r.subScores.length, 7);
    assert.equal(r.subScores.find((s) => s.parameter === 'respiratoryRate')?.snomed, '1104301000000104');
    assert.equal(r.subScores.find((s) => s.parameter === 'temperature')?.snomed, '1104371000000107');
    assert.deepEqual(r.unknownEligibility, []);
  });
  it('single 3 with total 3 is low–medium', () => {
    const r = scoreNews2({ ...normal, consciousness: 'C' }, { ageYears: 70, pregnant: false });
    assert.equal(r.status === 'complete' && r.band, 'lowMedium');
    assert.equal(r.status === 'complete' && r.total, 3);
  });
  it('adds oxygen 2 points and sums to a high band', () => {
    const r = scoreNews2({ respiratoryRate: 22, spo2: 93, onOxygen: true, systolic: 105, pulse: 95, consciousness: 'A', temperature: 38.2 });
    // 2 + 2 + 2 + 1 + 1 + 0 + 1 = 9
    assert.equal(r.status === 'complete' && r.total, 9);
    assert.equal(r.status === 'complete' && r.band, 'high');
  });
  it('uses Scale 2 when set, and carries the scale', () => {
    const r = scoreNews2({ ...normal, spo2: 89 }, { spo2Scale: 2 });
    assert.equal(r.status === 'complete' && r.total, 0);
    assert.equal(r.status === 'complete' && r.scale, 2);
    const r1 = scoreNews2({ ...normal, spo2: 89 });
    assert.equal(r1.status === 'complete' && r1.total, 3);
  });
  it('reports a partial set with what is missing, a lower-bound band and no total', () => {
    const r = scoreNews2({ spo2: 91, systolic: 125, pulse: 70, temperature: 37 });
    assert.equal(r.status, 'partial');
    if (r.status !== 'partial') return;
    assert.deepEqual(r.missing, ['respiratoryRate', 'airOrOxygen', 'consciousness']);
    assert.equal(r.partialTotal, 3);
    assert.equal(r.minimumBand, 'lowMedium');
    assert.equal('total' in r, false);
    assert.equal('band' in r, false);
  });
  it('lists SpO2 missing on Scale 2 ≥ 93 % when air/oxygen is unknown', () => {
    const r = scoreNews2({ ...normal, onOxygen: undefined, spo2: 95 }, { spo2Scale: 2 });
    assert.equal(r.status === 'partial' && r.missing.join(), 'spo2,airOrOxygen');
  });
  it('is not applicable under 16 or in pregnancy', () => {
    assert.deepEqual(scoreNews2(normal, { ageYears: 15 }), { status: 'notApplicable', reason: 'under16' });
    assert.equal(scoreNews2(normal, { ageYears: 16 }).status, 'complete');
    assert.deepEqual(scoreNews2(normal, { ageYears: 30, pregnant: true }), { status: 'notApplicable', reason: 'pregnant' });
  });
  it('says when age and pregnancy were unknown', () => {
    const r = scoreNews2(normal);
    assert.deepEqual(r.status === 'complete' && r.unknownEligibility, ['age', 'pregnancy']);
  });
});

describe('groupNews2Set (30-minute window before the newest value)', () => {
  const t0 = Date.parse('2026-05-17T08:00:00Z');
  const r = (kind: Reading['kind'], value: number, minutes: number, extra: Partial<Reading> = {}): Reading => ({
    kind, value, at: t0 + minutes * 60_000, effective: new Date(t0 + minutes * 60_000).toISOString(), ...extra,
  });
  it('takes the newest value of each parameter within 30 minutes of the newest', () => {
    const g = groupNews2Set([
      r('systolic', 150, 0), // superseded by the later one
      r('systolic', 130, 20),
      r('heartRate', 80, 20),
      r('spo2', 95, 40, { onOxygen: false, source: 'Observation/s' }),
      r('temperature', 37.5, 10), // exactly 30 min before 40: inside
      r('respiratoryRate', 18, 9), // 31 min before: outside
      r('weight', 80, 40),
    ]);
    assert.deepEqual(g.set, { spo2: 95, onOxygen: false, systolic: 130, pulse: 80, temperature: 37.5 });
    assert.deepEqual(g.outsideWindow, ['respiratoryRate']);
    assert.equal(g.from, t0 + 10 * 60_000);
    assert.equal(g.to, t0 + 40 * 60_000);
    assert.equal(g.sources.spo2?.source, 'Observation/s');
    const score = scoreNews2(g.set);
    assert.equal(score.status, 'partial');
  });
  it('uses host-given ACVPU and air/oxygen with their times, and ignores readings after `now`', () => {
    const g = groupNews2Set([r('heartRate', 80, 0), r('heartRate', 140, 100)], {
      consciousness: { value: 'A', at: t0 + 5 * 60_000 },
      onOxygen: { value: true, at: t0 },
      now: t0 + 60 * 60_000,
    });
    assert.deepEqual(g.set, { pulse: 80, consciousness: 'A', onOxygen: true });
  });
  it('returns an empty set with no times when there is nothing', () => {
    const g = groupNews2Set([]);
    assert.deepEqual(g.set, {});
    assert.equal(g.from, undefined);
  });
});

describe('buildNews2Observation', () => {
  it('codes the total with SNOMED CT, carries sub-scores, band, scale and sources', () => {
    const r = scoreNews2({ ...normal, respiratoryRate: 26 }, { spo2Scale: 2 });
    assert.equal(r.status, 'complete');
    if (r.status !== 'complete') return;
    const o = buildNews2Observation(r, { subject: { reference: 'Patient/p' }, effectiveDateTime: '2026-05-17T08:00:00Z', derivedFrom: ['Observation/a'] });
    assert.deepEqual(o.code.coding, [{ system: 'http://snomed.info/sct', code: '1104051000000101' }]);
    assert.equal(o.valueInteger, 3);
    assert.equal(o.interpretation?.[0]?.text, 'Low–medium');
    assert.equal(o.component?.length, 7);
    assert.deepEqual(o.component?.[0], { code: { coding: [{ system: 'http://snomed.info/sct', code: '1104301000000104' }], text: 'NEWS2 respiratoryRate score' }, valueInteger: 3 });
    assert.equal(o.component?.[1]?.code.coding, undefined);
    assert.match(o.note?.[0]?.text ?? '', /scale 2/);
    assert.deepEqual(o.derivedFrom, [{ reference: 'Observation/a' }]);
  });
});
