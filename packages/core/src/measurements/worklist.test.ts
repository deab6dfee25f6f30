import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { applyAlertState, rankWorklist, recordAlert, worklistPatientFromEvaluation, type AlertState, type WorklistPatient } from './worklist.js';
import { mergeByVersion } from './merge.js';
import { DEFAULT_PLAN, evaluatePlan } from './plan.js';

const H = 3_600_000;
const now = Date.parse('2026-05-20T12:00:00Z');
const p = (id: string, over: Partial<WorklistPatient> = {}): WorklistPatient => ({
  id, version: 1, display: `Pasient ${id}`, severity: 'green', concern: false, abnormal: [], ...over,
});
const ids = (rows: { patient: WorklistPatient }[]) => rows.map((r) => r.patient.id);
const none = new Map<string, AlertState>();

describe('rankWorklist order', () => {
  it('concern, then severity red > yellow > grey > green', () => {
    const rows = rankWorklist([p('g'), p('y', { severity: 'yellow' }), p('grey', { severity: 'grey' }), p('r', { severity: 'red' }), p('c', { concern: true })], none, now);
    assert.deepEqual(ids(rows), ['c', 'r', 'y', 'grey', 'g']);
  });
  it('then score (higher first, none last)', () => {
    const rows = rankWorklist([p('a', { severity: 'red' }), p('b', { severity: 'red', score: 3 }), p('c', { severity: 'red', score: 7 })], none, now);
    assert.deepEqual(ids(rows), ['c', 'b', 'a']);
  });
  it('then the oldest unacknowledged abnormal reading first, then input order', () => {
    const rows = rankWorklist(
      [
        p('new', { severity: 'yellow', abnormal: [{ at: now - H, level: 'yellow' }] }),
        p('none1', { severity: 'yellow' }),
        p('old', { severity: 'yellow', abnormal: [{ at: now - 2 * H, level: 'yellow' }, { at: now - 30 * H, level: 'yellow' }] }),
        p('none2', { severity: 'yellow' }),
      ],
      none,
      now,
    );
    assert.deepEqual(ids(rows), ['old', 'new', 'none1', 'none2']);
    assert.equal(rows[0]!.oldestUnacknowledgedAt, now - 30 * H);
  });
  it('is stable for 2 000 equal patients', () => {
    const list = Array.from({ length: 2000 }, (_, i) => p(String(i)));
    assert.deepEqual(ids(rankWorklist(list, none, now)), list.map((x) => x.id));
  });
});

describe('alert states', () => {
  const patient = p('a', { severity: 'red', abnormal: [{ at: now - 5 * H, level: 'red' }] });
  it('acknowledged: drops below active patients until a newer abnormal reading', () => {
    const ack: AlertState = { patientId: 'a', action: 'acknowledged', by: 'sykepleier Kari', at: now - 4 * H };
    const rows = rankWorklist([patient, p('b', { severity: 'green' })], new Map([['a', ack]]), now);
    assert.deepEqual(ids(rows), ['b', 'a']);
    assert.equal(rows[1]!.tier, 'acknowledged');
    assert.equal(rows[1]!.alert?.by, 'sykepleier Kari');
    const newer = { ...patient, abnormal: [...patient.abnormal, { at: now - H, level: 'yellow' as const }] };
    const r = applyAlertState(newer, ack, now);
    assert.equal(r.tier, 'active');
    assert.equal(r.oldestUnacknowledgedAt, now - H);
  });
  it('acknowledged does not cover a concern raised after it', () => {
    const ack: AlertState = { patientId: 'a', action: 'acknowledged', by: 'x', at: now - 4 * H };
    assert.equal(applyAlertState({ ...patient, concern: true, concernAt: now - H }, ack, now).tier, 'active');
    assert.equal(applyAlertState({ ...patient, concern: true, concernAt: now - 6 * H }, ack, now).tier, 'acknowledged');
  });
  it('snoozed: hidden until `until`, back after it', () => {
    const snooze: AlertState = { patientId: 'a', action: 'snoozed', by: 'x', at: now - 4 * H, until: now + H };
    assert.deepEqual(ids(rankWorklist([patient], new Map([['a', snooze]]), now)), []);
    assert.deepEqual(ids(rankWorklist([patient], new Map([['a', snooze]]), now, { tiers: ['snoozed'] })), ['a']);
    assert.equal(applyAlertState(patient, snooze, now + H).tier, 'active');
  });
  it('snooze is broken by a new red reading, not by a new yellow one', () => {
    const snooze: AlertState = { patientId: 'a', action: 'snoozed', by: 'x', at: now - 4 * H, until: now + 10 * H };
    const yellow = applyAlertState({ ...patient, abnormal: [...patient.abnormal, { at: now - H, level: 'yellow' }] }, snooze, now);
    assert.equal(yellow.tier, 'snoozed');
    const red = applyAlertState({ ...patient, abnormal: [...patient.abnormal, { at: now - H, level: 'red' }] }, snooze, now);
    assert.equal(red.tier, 'active');
    assert.equal(red.reopened, true);
  });
  it('resolved: hidden until new abnormal data', () => {
    const resolved: AlertState = { patientId: 'a', action: 'resolved', by: 'x', at: now - 4 * H };
    assert.equal(applyAlertState(patient, resolved, now).tier, 'resolved');
    assert.deepEqual(ids(rankWorklist([patient], new Map([['a', resolved]]), now)), []);
    assert.equal(applyAlertState({ ...patient, abnormal: [{ at: now - H, level: 'yellow' }] }, resolved, now).tier, 'active');
  });
  it('recordAlert keeps the latest action per patient without mutating', () => {
    const a = recordAlert({}, { patientId: 'a', action: 'acknowledged', by: 'x', at: 1 });
    const b = recordAlert(a, { patientId: 'a', action: 'resolved', by: 'y', at: 2 });
    assert.equal(a['a']?.action, 'acknowledged');
    assert.equal(b['a']?.action, 'resolved');
    assert.equal(rankWorklist([p('a', { severity: 'red' })], b, now).length, 0); // plain-object alerts work too
  });
});

describe('filters', () => {
  const list = [p('Ola', { display: 'Ola Nordmann', severity: 'red' }), p('Kari', { display: 'Kari Nordmann', severity: 'yellow', concern: true }), p('Per', { display: 'Per Hansen' })];
  it('by severity, concern and text', () => {
    assert.deepEqual(ids(rankWorklist(list, none, now, { severities: ['red', 'yellow'] })), ['Kari', 'Ola']);
    assert.deepEqual(ids(rankWorklist(list, none, now, { concernOnly: true })), ['Kari']);
    assert.deepEqual(ids(rankWorklist(list, none, now, { text: 'nordmann' })), ['Kari', 'Ola']);
    assert.deepEqual(ids(rankWorklist(list, none, now, { text: 'per' })), ['Per']);
  });
});

describe('worklistPatientFromEvaluation', () => {
  it('takes severity, abnormal readings and the last reading from a plan evaluation', () => {
    const reading = (value: number, h: number) => ({ kind: 'heartRate' as const, value, at: now - h * H, effective: '' });
    const e = evaluatePlan(DEFAULT_PLAN, [reading(140, 2), reading(70, 10)], now);
    const w = worklistPatientFromEvaluation({ id: 'x', version: 3, display: 'X', score: 3 }, e);
    assert.equal(w.severity, 'red');
    assert.deepEqual(w.abnormal, [{ at: now - 2 * H, level: 'red' }]);
    assert.equal(w.lastReadingAt, now - 2 * H);
    assert.equal(w.concern, false);
  });
});

describe('mergeByVersion', () => {
  it('keeps the higher version, keeps absent items, and returns the same map when nothing changed', () => {
    const start = { a: { id: 'a', version: 2, v: 'a2' }, b: { id: 'b', version: 1, v: 'b1' } };
    const merged = mergeByVersion(start, [{ id: 'a', version: 1, v: 'a1' }, { id: 'c', version: 1, v: 'c1' }]);
    assert.equal(merged['a']!.v, 'a2');
    assert.equal(merged['b']!.v, 'b1');
    assert.equal(merged['c']!.v, 'c1');
    assert.equal(mergeByVersion(start, [{ id: 'a', version: 2, v: 'other' }]), start);
    assert.equal(Object.keys(start).length, 2);
    assert.equal(mergeByVersion(start, [{ id: 'constructor', version: 1, v: 'x' }])['constructor']?.v, 'x');
  });
});
