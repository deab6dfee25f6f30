import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Reading } from './measurement.types.js';
import { buildSummaryObservations, summarize } from './summary.js';

const t0 = Date.parse('2026-05-01T00:00:00Z');
const D = 86_400_000;
const r = (kind: Reading['kind'], value: number, day: number): Reading => ({ kind, value, at: t0 + day * D, effective: new Date(t0 + day * D).toISOString(), source: `Observation/${kind}-${day}` });
const readings = [r('systolic', 130, 1), r('systolic', 150, 2), r('systolic', 120, 3), r('systolic', 200, 40), r('heartRate', 70, 2), r('weight', 80, -1)];
const period = { start: t0, end: t0 + 30 * D };

describe('summarize', () => {
  it('gives min, max, mean, last and count per kind within the period', () => {
    const s = summarize(readings, period);
    const sys = s.get('systolic')!;
    assert.deepEqual([sys.min, sys.max, sys.mean, sys.last.value, sys.count], [120, 150, 400 / 3, 120, 3]);
    assert.equal(s.get('heartRate')!.count, 1);
    assert.equal(s.has('weight'), false);
  });
});

describe('buildSummaryObservations', () => {
  it('builds one Observation per kind with statistics as components and derivedFrom the readings', () => {
    const obs = buildSummaryObservations(readings, { subject: { reference: 'Patient/p' }, period });
    assert.equal(obs.length, 2);
    const sys = obs.find((o) => o.code.coding?.[0]?.code === '8480-6')!;
    assert.deepEqual(sys.derivedFrom?.map((d) => d.reference), ['Observation/systolic-1', 'Observation/systolic-2', 'Observation/systolic-3']);
    assert.deepEqual(sys.component?.map((c) => c.code.coding?.[0]?.code), ['minimum', 'maximum', 'mean', 'last', 'count']);
    assert.deepEqual(sys.component?.map((c) => c.valueQuantity?.value ?? c.valueInteger), [120, 150, 400 / 3, 120, 3]);
    assert.equal(sys.component?.[0]?.valueQuantity?.code, 'mm[Hg]');
    assert.equal(sys.effectivePeriod?.start, '2026-05-01T00:00:00.000Z');
    assert.deepEqual(sys.subject, { reference: 'Patient/p' });
    assert.equal(sys.category?.[0]?.coding?.[0]?.code, 'vital-signs');
  });
});
