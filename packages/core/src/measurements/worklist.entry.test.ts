import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { messages } from '../i18n/catalogs.js';
import { formatter } from '../i18n/format.js';
import { alertToFlag, buildWorklistEntry, flagToAlert, latestAlerts, worklistDetailView } from './worklist.entry.js';
import { parseMeasurementCsv } from './csv.js';
import { DEFAULT_PLAN } from './plan.js';
import type { Reading } from './measurement.types.js';

const DAY = 86_400_000;
const now = Date.parse('2026-05-17T12:00:00Z');
const r = (kind: Reading['kind'], value: number, daysAgo: number): Reading => ({ kind, value, at: now - daysAgo * DAY, effective: new Date(now - daysAgo * DAY).toISOString() });

describe('buildWorklistEntry', () => {
  it('takes the severity from the plan and says which rule fired, the last reading and the trend', () => {
    const readings = [r('heartRate', 70, 3), r('heartRate', 72, 2), r('heartRate', 140, 0.1), r('spo2', 97, 0.2)];
    const e = buildWorklistEntry({ id: 'p1', display: 'Kari', version: 1, readings, plan: DEFAULT_PLAN, now });
    assert.equal(e.severity, 'red');
    assert.equal(e.detail.status.kind, 'heartRate');
    assert.equal(e.detail.status.reason.code, 'readingRed');
    assert.equal(e.detail.latest?.value, 140);
    assert.equal(e.detail.trend, 'up');
    const t = messages('nb-NO');
    const v = worklistDetailView(e, t, formatter('nb-NO'));
    assert.match(v.whyText, /^Puls/);
    assert.ok(v.lastReadingText?.includes('140'));
    assert.equal(v.trend?.arrow, '↑');
  });

  it('gives the newest PROM total as the score', () => {
    const e = buildWorklistEntry({ id: 'p2', display: 'Aisha', version: 1, readings: [r('phq9', 8, 30), r('phq9', 16, 1)], plan: DEFAULT_PLAN, now });
    assert.equal(e.score, 16);
    assert.equal(e.detail.scoreKind, 'phq9');
  });
});

describe('alert Flags', () => {
  it('round-trips acknowledge, snooze (until) and resolve with who and when', () => {
    for (const alert of [
      { patientId: 'kari', action: 'acknowledged' as const, by: 'Lege Lise', at: now },
      { patientId: 'kari', action: 'snoozed' as const, by: 'Lege Lise', at: now, until: now + DAY },
      { patientId: 'kari', action: 'resolved' as const, by: 'Lege Lise', at: now },
    ]) {
      const flag = alertToFlag(alert, { reference: 'Practitioner/lise', display: 'Lege Lise' });
      assert.equal(flag.subject.reference, 'Patient/kari');
      assert.equal(flag.author?.reference, 'Practitioner/lise');
      assert.equal(flag.status, alert.action === 'resolved' ? 'inactive' : 'active');
      assert.deepEqual(flagToAlert(flag), alert);
    }
  });

  it('keeps the newest alert per patient and ignores foreign Flags', () => {
    const a = alertToFlag({ patientId: 'x', action: 'acknowledged', by: 'A', at: now - DAY });
    const b = alertToFlag({ patientId: 'x', action: 'resolved', by: 'B', at: now });
    const foreign = { ...a, code: { coding: [{ system: 'http://example.org', code: 'acknowledged' }] } };
    assert.deepEqual(latestAlerts([b, a, foreign]).map((x) => [x.patientId, x.action, x.by]), [['x', 'resolved', 'B']]);
  });
});

describe('parseMeasurementCsv', () => {
  it('reads good rows and reports bad ones by 1-based line number', () => {
    const csv = ['time,measurement,value', '2026-05-01T08:00,bloodPressure,142/91', '2026-05-01T08:00,heartRate,abc', 'yesterday,heartRate,70', '2026-05-01T08:00,mood,3', '2026-05-02T08:00;temperature;37,8', '2026-05-02T08:00,spo2', '2026-05-02T08:00,spo2,140'].join('\n');
    const { rows, errors } = parseMeasurementCsv(csv);
    assert.deepEqual(rows.map((x) => [x.line, x.input.kind]), [[2, 'bloodPressure'], [6, 'temperature']]);
    assert.deepEqual(errors, [{ line: 3, code: 'value' }, { line: 4, code: 'time' }, { line: 5, code: 'kind' }, { line: 7, code: 'columns' }, { line: 8, code: 'value' }]);
    assert.equal((rows[1]!.input as { value: number }).value, 37.8);
  });

  it('never treats markup as anything but text', () => {
    const { rows, errors } = parseMeasurementCsv('2026-05-01T08:00,<img src=x onerror=alert(1)>,1');
    assert.equal(rows.length, 0);
    assert.deepEqual(errors, [{ line: 1, code: 'kind' }]);
  });
});
