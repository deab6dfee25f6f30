import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Observation } from 'fhir/r4';
import { buildVitalSignObservation, GLUCOSE_MG_DL_PER_MMOL_L, readObservations, toCanonicalUnit } from './observation.js';

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const when = '2026-05-17T08:30:00+02:00';
const obs = (code: string, value?: { value: number; unit?: string; code?: string }, extra: Partial<Observation> = {}): Observation => ({
  resourceType: 'Observation',
  id: `o-${code}`,
  status: 'final',
  code: { coding: [{ system: LOINC, code }] },
  effectiveDateTime: when,
  ...(value ? { valueQuantity: { value: value.value, unit: value.unit, system: value.code ? UCUM : undefined, code: value.code } } : {}),
  ...extra,
});

describe('readObservations', () => {
  it('reads a blood pressure panel as systolic and diastolic components', () => {
    const panel: Observation = {
      resourceType: 'Observation',
      id: 'bp1',
      status: 'final',
      code: { coding: [{ system: LOINC, code: '85354-9' }] },
      effectiveDateTime: when,
      component: [
        { code: { coding: [{ system: LOINC, code: '8480-6' }] }, valueQuantity: { value: 132, system: UCUM, code: 'mm[Hg]' } },
        { code: { coding: [{ system: LOINC, code: '8462-4' }] }, valueQuantity: { value: 84, unit: 'mmHg' } },
      ],
    };
    const r = readObservations([panel]);
    assert.deepEqual(
      r.readings.map((x) => [x.kind, x.value, x.source, x.at]),
      [['systolic', 132, 'Observation/bp1', Date.parse(when)], ['diastolic', 84, 'Observation/bp1', Date.parse(when)]],
    );
    assert.deepEqual(r.issues, []);
  });
  it('reads a pulse component inside the panel, and reports a panel without BP values', () => {
    const panel: Observation = {
      resourceType: 'Observation',
      id: 'bp2',
      status: 'final',
      code: { coding: [{ system: LOINC, code: '85354-9' }] },
      effectiveDateTime: when,
      component: [
        { code: { coding: [{ system: LOINC, code: '8480-6' }] }, valueQuantity: { value: 140, system: UCUM, code: 'mm[Hg]' } },
        { code: { coding: [{ system: LOINC, code: '8867-4' }] }, valueQuantity: { value: 66, system: UCUM, code: '/min' } },
      ],
    };
    assert.deepEqual(readObservations([panel]).readings.map((x) => [x.kind, x.value]), [['systolic', 140], ['heartRate', 66]]);
    const empty: Observation = { ...panel, id: 'bp3', component: undefined };
    assert.deepEqual(readObservations([empty]).issues, [{ code: 'noValue', observationId: 'bp3', detail: 'bloodPressure' }]);
    const absent: Observation = { ...empty, dataAbsentReason: { coding: [{ code: 'not-performed' }] } };
    assert.deepEqual(readObservations([absent]).absent.map((x) => [x.kind, x.reason]), [['systolic', 'not-performed'], ['diastolic', 'not-performed']]);
  });
  it('reads SpO2 by 2708-6 and by 59408-5, and a fraction as percent', () => {
    const r = readObservations([obs('2708-6', { value: 97, code: '%' }), obs('59408-5', { value: 0.95, code: '1' })]);
    assert.deepEqual(r.readings.map((x) => [x.kind, x.value]), [['spo2', 97], ['spo2', 95]]);
  });
  it('reads glucose by 15074-8 and 14743-9, converting mg/dL with 18.0156', () => {
    const r = readObservations([obs('15074-8', { value: 5.4, code: 'mmol/L' }), obs('14743-9', { value: 100, unit: 'mg/dL' })]);
    assert.equal(r.readings[0]!.value, 5.4);
    assert.equal(GLUCOSE_MG_DL_PER_MMOL_L, 18.0156);
    assert.equal(r.readings[1]!.value.toFixed(3), '5.551');
  });
  const conversions: Array<[string, string, number, string, number]> = [
    ['temperature °F', '8310-5', 98.6, '[degF]', 37],
    ['temperature °C human', '8310-5', 37.2, '°C', 37.2],
    ['weight lb', '29463-7', 176, '[lb_av]', 79.832],
    ['weight g', '29463-7', 80500, 'g', 80.5],
    ['systolic kPa', '8480-6', 16, 'kPa', 120.01],
    ['heart rate bpm', '8867-4', 72, '{beats}/min', 72],
    ['respiratory rate', '9279-1', 16, '/min', 16],
    ['height inches', '8302-2', 70, '[in_i]', 177.8],
  ];
  for (const [name, code, value, unit, expected] of conversions) {
    it(`converts ${name}`, () => {
      const r = readObservations([obs(code, { value, code: unit })]);
      assert.equal(r.issues.length, 0);
      assert.ok(Math.abs(r.readings[0]!.value - expected) < 0.01, `${r.readings[0]!.value} ≈ ${expected}`);
    });
  }
  it('reads PROM totals (valueInteger)', () => {
    const r = readObservations([{ ...obs('44261-6'), valueInteger: 12 }, { ...obs('70274-6'), valueInteger: 4 }]);
    assert.deepEqual(r.readings.map((x) => [x.kind, x.value]), [['phq9', 12], ['gad7', 4]]);
  });
  it('handles dataAbsentReason on the observation and on a component', () => {
    const declined = obs('8867-4', undefined, { dataAbsentReason: { coding: [{ code: 'asked-declined' }] } });
    const panel: Observation = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: LOINC, code: '85354-9' }] },
      effectiveDateTime: when,
      component: [
        { code: { coding: [{ system: LOINC, code: '8480-6' }] }, valueQuantity: { value: 120, code: 'mm[Hg]', system: UCUM } },
        { code: { coding: [{ system: LOINC, code: '8462-4' }] }, dataAbsentReason: { coding: [{ code: 'error' }] } },
      ],
    };
    const r = readObservations([declined, panel]);
    assert.deepEqual(r.absent.map((a) => [a.kind, a.reason]), [['heartRate', 'asked-declined'], ['diastolic', 'error']]);
    assert.deepEqual(r.readings.map((x) => x.kind), ['systolic']);
  });
  it('reports unknown codes, units, missing values and times, errors and non-observations without throwing', () => {
    const r = readObservations([
      obs('1234-5', { value: 1, code: 'kg' }),
      obs('8310-5', { value: 37, code: 'furlong' }),
      obs('8867-4'),
      { ...obs('8867-4', { value: 70, code: '/min' }), effectiveDateTime: undefined },
      { ...obs('8867-4', { value: 70, code: '/min' }), status: 'entered-in-error' },
      { resourceType: 'Patient' },
      null,
    ]);
    assert.deepEqual(r.issues.map((i) => i.code), ['unknownCode', 'unsupportedUnit', 'noValue', 'noEffectiveTime', 'enteredInError', 'notAnObservation', 'notAnObservation']);
    assert.equal(r.issues[1]!.detail, 'furlong');
    assert.equal(r.readings.length, 0);
  });
  it('does not convert mg/dL for a non-glucose kind', () => assert.deepEqual(toCanonicalUnit('weight', 10, 'mg/dL'), { ok: false, unit: 'mg/dL' }));
  it('reads effectivePeriod.start when there is no effectiveDateTime', () => {
    const r = readObservations([{ ...obs('8867-4', { value: 60, code: '/min' }), effectiveDateTime: undefined, effectivePeriod: { start: when } }]);
    assert.equal(r.readings[0]!.at, Date.parse(when));
  });
});

describe('buildVitalSignObservation', () => {
  const options = { subject: { reference: 'Patient/p1' }, effectiveDateTime: when };
  it('builds a blood pressure panel with two components and no value', () => {
    const o = buildVitalSignObservation({ kind: 'bloodPressure', systolic: 128, diastolic: 82 }, options);
    assert.equal(o.category?.[0]?.coding?.[0]?.code, 'vital-signs');
    assert.equal(o.code.coding?.[0]?.code, '85354-9');
    assert.equal(o.valueQuantity, undefined);
    assert.deepEqual(o.component?.map((c) => [c.code.coding?.[0]?.code, c.valueQuantity?.value, c.valueQuantity?.code]), [['8480-6', 128, 'mm[Hg]'], ['8462-4', 82, 'mm[Hg]']]);
    assert.equal(o.effectiveDateTime, when);
    assert.deepEqual(o.subject, { reference: 'Patient/p1' });
  });
  it('codes SpO2 with 2708-6 and 59408-5 and glucose by meter with 14743-9', () => {
    assert.deepEqual(buildVitalSignObservation({ kind: 'spo2', value: 96 }, options).code.coding?.map((c) => c.code), ['2708-6', '59408-5']);
    const g = buildVitalSignObservation({ kind: 'glucose', value: 6.1 }, options);
    assert.equal(g.code.coding?.[0]?.code, '14743-9');
    assert.equal(g.valueQuantity?.code, 'mmol/L');
    assert.equal(buildVitalSignObservation({ kind: 'glucose', value: 6.1, byMeter: false }, options).code.coding?.[0]?.code, '15074-8');
  });
  it('round-trips through readObservations', () => {
    const built = [
      buildVitalSignObservation({ kind: 'temperature', value: 37.4 }, { ...options, id: 't', interpretation: 'N' }),
      buildVitalSignObservation({ kind: 'weight', value: 81.2 }, { ...options, id: 'w' }),
    ];
    assert.equal(built[0]!.interpretation?.[0]?.coding?.[0]?.code, 'N');
    const r = readObservations(built);
    assert.deepEqual(r.readings.map((x) => [x.kind, x.value, x.source]), [['temperature', 37.4, 'Observation/t'], ['weight', 81.2, 'Observation/w']]);
  });
});
