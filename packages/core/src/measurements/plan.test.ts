import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { MeasurementKind, Reading } from './measurement.types.js';
import { classifyValue, DEFAULT_PLAN, DEFAULT_PLAN_SOURCE, evaluateMeasurement, evaluatePlan, planWithOverrides, validatePlan, type MeasurementPlan } from './plan.js';
import { scorePulse, scoreRespiratoryRate, scoreSpo2, scoreSystolic, scoreTemperature } from './news2.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.parse('2026-05-20T12:00:00Z');
const reading = (kind: MeasurementKind, value: number, hoursAgo: number): Reading => ({
  kind, value, at: now - hoursAgo * HOUR, effective: new Date(now - hoursAgo * HOUR).toISOString(), source: `Observation/${kind}-${hoursAgo}`,
});
const pulsePlan = DEFAULT_PLAN.measurements.find((m) => m.kind === 'heartRate')!;

describe('default plan', () => {
  it('is marked as an overridable default with a source note saying there are no national limits', () => {
    assert.equal(DEFAULT_PLAN.source.isDefault, true);
    assert.equal(DEFAULT_PLAN_SOURCE.isDefault, true);
    assert.match(DEFAULT_PLAN.source.note, /no national numeric limits/);
    assert.deepEqual(validatePlan(DEFAULT_PLAN), []);
  });
  // The default levels mirror NEWS2: yellow where a value scores 1–2, red where it scores 3.
  const news2: Array<[MeasurementKind, (v: number) => number | undefined, number[]]> = [
    ['respiratoryRate', scoreRespiratoryRate, [8, 9, 11, 12, 20, 21, 24, 25]],
    ['spo2', (v) => scoreSpo2(v, 1), [91, 92, 95, 96]],
    ['systolic', scoreSystolic, [90, 90.5, 91, 110, 110.5, 111, 219, 219.5, 220]],
    ['heartRate', scorePulse, [40, 40.5, 41, 50, 51, 90, 90.5, 91, 130, 131]],
    ['temperature', scoreTemperature, [35.0, 35.04, 35.05, 35.1, 36.0, 36.1, 38.0, 38.1, 39.0, 39.1]],
  ];
  for (const [kind, score, values] of news2) {
    const plan = DEFAULT_PLAN.measurements.find((m) => m.kind === kind)!;
    for (const v of values) {
      it(`${kind} ${v}: level matches the NEWS2 sub-score`, () => {
        const s = score(v)!;
        const expected = s === 3 ? 'red' : s > 0 ? 'yellow' : 'green';
        assert.equal(classifyValue(v, plan).level, expected);
      });
    }
  }
  it('PHQ-9 is yellow from 10 and red from 20', () => {
    const plan = DEFAULT_PLAN.measurements.find((m) => m.kind === 'phq9')!;
    assert.deepEqual([9, 10, 19, 20].map((v) => classifyValue(v, plan).level), ['green', 'yellow', 'yellow', 'red']);
  });
});

describe('planWithOverrides / validatePlan', () => {
  it('overrides one limit and keeps the rest, with the new source', () => {
    const plan = planWithOverrides([{ kind: 'heartRate', limits: { yellowAtOrAbove: 100 } }], { isDefault: false, note: 'Program X', reviewedBy: 'dr A' });
    const hr = plan.measurements.find((m) => m.kind === 'heartRate')!;
    assert.equal(hr.limits.yellowAtOrAbove, 100);
    assert.equal(hr.limits.redAtOrAbove, 131);
    assert.equal(plan.source.isDefault, false);
    assert.equal(classifyValue(95, hr).level, 'green');
  });
  it('rejects limits out of order and bad counts', () => {
    const bad = planWithOverrides([{ kind: 'glucose', limits: { yellowAtOrAbove: 10, redAtOrAbove: 8 }, expected: { count: 0, days: 1 } }], { isDefault: false, note: '' });
    assert.equal(validatePlan(bad).length, 2);
  });
});

describe('evaluateMeasurement', () => {
  it('is green within limits, with the reading', () => {
    const s = evaluateMeasurement(pulsePlan, [reading('heartRate', 70, 2)], now);
    assert.equal(s.status, 'green');
    assert.deepEqual(s.reason, { code: 'withinLimits', value: 70, at: now - 2 * HOUR });
  });
  it('is red on a red reading, with direction and limit', () => {
    const s = evaluateMeasurement(pulsePlan, [reading('heartRate', 70, 5), reading('heartRate', 135, 1)], now);
    assert.equal(s.status, 'red');
    assert.deepEqual(s.reason, { code: 'readingRed', direction: 'high', value: 135, limit: 131, at: now - HOUR });
  });
  it('is yellow on one yellow reading, low direction', () => {
    const s = evaluateMeasurement(pulsePlan, [reading('heartRate', 45, 1)], now);
    assert.equal(s.status, 'yellow');
    assert.equal(s.reason.code, 'readingYellow');
    assert.equal(s.reason.code === 'readingYellow' && s.reason.direction, 'low');
  });
  it('turns red after 3 abnormal readings in a row, not after 2', () => {
    const two = evaluateMeasurement({ ...pulsePlan, yellowAfterAbnormal: undefined }, [reading('heartRate', 70, 30), reading('heartRate', 95, 20), reading('heartRate', 95, 10)], now);
    assert.equal(two.status, 'yellow');
    const three = evaluateMeasurement(pulsePlan, [reading('heartRate', 95, 30), reading('heartRate', 100, 20), reading('heartRate', 95, 10)], now);
    assert.equal(three.status, 'red');
    assert.deepEqual(three.reason, { code: 'consecutiveAbnormal', count: 3, required: 3, since: now - 30 * HOUR });
  });
  it('a green reading breaks the run', () => {
    const s = evaluateMeasurement(pulsePlan, [reading('heartRate', 95, 40), reading('heartRate', 95, 30), reading('heartRate', 70, 20), reading('heartRate', 95, 10)], now);
    assert.equal(s.reasons.some((r) => r.code === 'consecutiveAbnormal'), false);
  });
  it('turns yellow after 2 abnormal readings in 7 days even when the newest is green', () => {
    const s = evaluateMeasurement(pulsePlan, [reading('heartRate', 95, 100), reading('heartRate', 45, 50), reading('heartRate', 70, 1)], now);
    assert.equal(s.status, 'yellow');
    assert.deepEqual(s.reason, { code: 'abnormalInPeriod', count: 2, required: 2, days: 7 });
    const old = evaluateMeasurement(pulsePlan, [reading('heartRate', 95, 8 * 24), reading('heartRate', 45, 50), reading('heartRate', 70, 1)], now);
    assert.equal(old.status, 'green');
  });
  it('is grey with no readings, and grey when fewer than expected arrived', () => {
    assert.deepEqual(evaluateMeasurement(pulsePlan, [], now).reason, { code: 'noReadings' });
    const s = evaluateMeasurement(pulsePlan, [reading('heartRate', 70, 30)], now);
    assert.equal(s.status, 'grey');
    assert.deepEqual(s.reason, { code: 'missingData', received: 0, expected: 1, days: 1 });
    assert.equal(s.stale, undefined);
  });
  it('warns stale after 48 hours and keeps the reading-based status', () => {
    const s = evaluateMeasurement(pulsePlan, [reading('heartRate', 140, 50)], now);
    assert.equal(s.status, 'red');
    assert.deepEqual(s.stale, { lastAt: now - 50 * HOUR, hoursSince: 50, limitHours: 48 });
    assert.ok(s.reasons.some((r) => r.code === 'missingData'));
  });
  it('ignores readings after now and other kinds', () => {
    const s = evaluateMeasurement(pulsePlan, [reading('heartRate', 70, 1), reading('heartRate', 140, -1), reading('systolic', 300, 1)], now);
    assert.equal(s.status, 'green');
    assert.equal(s.readingCount, 1);
  });
});

describe('evaluatePlan', () => {
  it('gives each plan measurement a status and the most severe overall', () => {
    const series = [reading('heartRate', 70, 1), reading('systolic', 85, 2), reading('spo2', 97, 1), reading('temperature', 37, 1), reading('respiratoryRate', 16, 1)];
    const e = evaluatePlan(DEFAULT_PLAN, series, now);
    assert.equal(e.overall, 'red');
    const byKind = Object.fromEntries(e.measurements.map((m) => [m.kind, m.status]));
    assert.deepEqual(byKind, { respiratoryRate: 'green', spo2: 'green', systolic: 'red', heartRate: 'green', temperature: 'green', phq9: 'grey', gad7: 'grey' });
    assert.equal(e.source.isDefault, true);
  });
  it('keeps abnormal readings oldest first for the worklist', () => {
    const s = evaluatePlan(DEFAULT_PLAN, [reading('heartRate', 95, 1), reading('heartRate', 45, 3 * 24)], now).measurements.find((m) => m.kind === 'heartRate')!;
    assert.deepEqual(s.abnormal.map((r) => r.at), [now - 3 * DAY, now - HOUR]);
  });
  it('evaluates a custom plan only for its kinds', () => {
    const plan = { source: { isDefault: false, note: 'test' }, measurements: [{ kind: 'glucose', limits: { yellowAtOrAbove: 8, redAtOrAbove: 11 } } satisfies MeasurementPlan] };
    const e = evaluatePlan(plan, [reading('glucose', 10.96, 1)], now);
    assert.equal(e.measurements.length, 1);
    assert.equal(e.measurements[0]!.status, 'red'); // 10.96 → 11.0 at glucose's default one decimal
    assert.equal(evaluatePlan(plan, [reading('glucose', 10.94, 1)], now).measurements[0]!.status, 'yellow');
    const whole = { ...plan, measurements: [{ ...plan.measurements[0]!, decimals: 0 }] };
    assert.equal(evaluatePlan(whole, [reading('glucose', 10.5, 1)], now).measurements[0]!.status, 'red'); // 10.5 → 11 when the plan says whole numbers
  });
});
