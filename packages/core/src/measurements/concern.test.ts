import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Observation } from 'fhir/r4';
import { catalogs, formatter } from '../i18n/index.js';
import { buildPromObservation, scorePhq9 } from '../scoring/index.js';
import { concernOf } from './concern.rules.js';
import type { DashboardContext, DashboardItem } from './dashboard.machine.js';
import { toDashboardView } from './dashboard.view.js';
import type { Reading } from './measurement.types.js';
import { PHQ9_ITEM9_LOINC, readObservations, searchCodesFor } from './observation.js';
import { DEFAULT_PLAN, evaluatePlan, planHistoryNeed, withPromBands, type PatientPlan } from './plan.js';
import { buildWorklistEntry, worklistDetailView } from './worklist.entry.js';
import { applyAlertState, rankWorklist } from './worklist.js';

const DAY = 86_400_000;
const H = 3_600_000;
const now = Date.parse('2026-05-17T12:00:00Z');
const nb = catalogs['nb-NO'];
const en = catalogs['en-GB'];
const f = formatter('nb-NO');
const r = (kind: Reading['kind'], value: number, daysAgo: number, extra: Partial<Reading> = {}): Reading => ({
  kind, value, at: now - daysAgo * DAY, effective: new Date(now - daysAgo * DAY).toISOString(), ...extra,
});
/** The programme plan of the demo: vital signs only, nothing about PROMs. */
const VITALS_ONLY: PatientPlan = {
  source: { isDefault: false, note: 'test' },
  measurements: [{ kind: 'heartRate', limits: { yellowAtOrAbove: 100, redAtOrAbove: 120 }, expected: { count: 3, days: 7 } }],
};

function phq9Observation(items: (number | null)[], daysAgo: number, id: string): Observation {
  const score = scorePhq9(items);
  return buildPromObservation(score, {
    id,
    response: { reference: `QuestionnaireResponse/${id}` },
    subject: { reference: 'Patient/aisha' },
    effectiveDateTime: new Date(now - daysAgo * DAY).toISOString(),
  });
}

describe('PHQ-9 item 9 from the derived Observation', () => {
  it('reads the flag the scoring module puts on the PHQ-9 total (CLINICAL.md: item 9 > 0 flags the patient)', () => {
    const { readings } = readObservations([
      phq9Observation([2, 3, 2, 3, 2, 2, 2, 1, 1], 25, 'a'), // total 18, item 9 = 1
      phq9Observation([1, 1, 1, 1, 1, 1, 1, 1, 0], 60, 'b'), // item 9 = 0
    ]);
    assert.deepEqual(readings.map((x) => [x.kind, x.value, x.selfHarm]), [['phq9', 18, true], ['phq9', 8, false]]);
  });

  it('reads a component coded LOINC 44260-8 by its answer, and says nothing when item 9 is not there', () => {
    const base = phq9Observation([0, 0, 0, 0, 0, 0, 0, 0, 0], 1, 'c');
    const coded = (value: number): Observation => ({ ...base, component: [{ code: { coding: [{ system: 'http://loinc.org', code: PHQ9_ITEM9_LOINC }] }, valueInteger: value }] });
    const { readings } = readObservations([coded(2), coded(0), { ...base, component: undefined }]);
    assert.deepEqual(readings.map((x) => x.selfHarm), [true, false, undefined]);
  });

  it('keeps item 9 of a PHQ-9 without a total (3 items missing): it flags whatever the total', () => {
    const { readings, absent } = readObservations([phq9Observation([null, null, null, 1, 1, 1, 1, 1, 2], 3, 'd')]);
    assert.equal(readings.length, 0);
    assert.deepEqual(absent.map((a) => [a.kind, a.selfHarm]), [['phq9', true]]);
    assert.equal(concernOf([], now, absent)?.at, now - 3 * DAY);
    assert.equal(concernOf([], now, absent)?.total, undefined);
    const e = buildWorklistEntry({ id: 'x', display: 'X', version: 1, plan: VITALS_ONLY, now, readings: [], absent });
    assert.equal(e.concern, true);
  });
});

describe('concernOf', () => {
  it('is raised by the newest PHQ-9 whose item 9 is known, whatever its total', () => {
    assert.deepEqual(concernOf([r('phq9', 3, 5, { selfHarm: true, source: 'Observation/x' })], now), { code: 'phq9Item9', at: now - 5 * DAY, total: 3, source: 'Observation/x' });
    // A later PHQ-9 with item 9 answered 0 lowers it; a later total without item 9 does not.
    assert.equal(concernOf([r('phq9', 18, 25, { selfHarm: true }), r('phq9', 6, 2, { selfHarm: false })], now), undefined);
    assert.equal(concernOf([r('phq9', 18, 25, { selfHarm: true }), r('phq9', 6, 2)], now)?.at, now - 25 * DAY);
    // GAD-7, other kinds and readings after `now` never raise it.
    assert.equal(concernOf([r('gad7', 20, 1), r('heartRate', 150, 1), r('phq9', 1, -1, { selfHarm: true })], now), undefined);
  });
});

describe('worklist: the concern flag', () => {
  const aisha = buildWorklistEntry({
    id: 'aisha', display: 'Aisha', version: 1, plan: VITALS_ONLY, now,
    readings: [r('heartRate', 70, 22), r('phq9', 18, 25, { selfHarm: true }), r('gad7', 14, 25)],
  });
  const red = buildWorklistEntry({ id: 'kari', display: 'Kari', version: 1, plan: VITALS_ONLY, now, readings: [r('heartRate', 150, 0.1), r('heartRate', 150, 1), r('heartRate', 150, 2)] });

  it('raises it with the time of the answer, says why in words and ranks the patient first, above a red one', () => {
    assert.equal(aisha.concern, true);
    assert.equal(aisha.concernAt, now - 25 * DAY);
    const why = worklistDetailView(aisha, nb, f);
    assert.match(why.concernText ?? '', /^PHQ-9 .*spørsmål 9 \(tanker om selvskading\) er besvart over 0/);
    assert.match(worklistDetailView(aisha, en, formatter('en-GB')).concernText ?? '', /question 9 \(thoughts of self-harm\) was answered above 0/);
    assert.deepEqual(rankWorklist([red, aisha], {}, now).map((x) => x.patient.id), ['aisha', 'kari']);
    assert.equal(worklistDetailView(red, nb, f).concernText, undefined);
  });

  it('is covered by an acknowledgement after the answer, and raised again by a new positive answer', () => {
    const ack = { patientId: 'aisha', action: 'acknowledged' as const, by: 'Lege', at: now - DAY };
    assert.equal(applyAlertState(aisha, ack, now).tier, 'acknowledged');
    const again = buildWorklistEntry({ id: 'aisha', display: 'Aisha', version: 2, plan: VITALS_ONLY, now, readings: [r('phq9', 12, 0.5, { selfHarm: true })] });
    assert.equal(applyAlertState(again, ack, now).tier, 'active');
  });

  it('colours the PROM by its bands when the plan has no PROM limits, so Aisha is not grey', () => {
    // Vitals stopped (grey: missing data); PHQ-9 18 and GAD-7 14 are moderate(ly severe): yellow.
    assert.equal(aisha.severity, 'yellow');
    assert.equal(aisha.score, 18);
  });

  it('takes the score only from PROM totals since `scoreSince`; older ones still colour and flag', () => {
    const old = buildWorklistEntry({ id: 'a', display: 'A', version: 1, plan: VITALS_ONLY, now, scoreSince: now - 14 * DAY, readings: [r('phq9', 18, 25, { selfHarm: true })] });
    assert.equal(old.score, undefined);
    assert.equal(old.severity, 'yellow');
    assert.equal(old.concern, true);
  });
});

describe('withPromBands', () => {
  it('adds the PHQ-9 and GAD-7 band limits (no frequency) only where the plan has none', () => {
    const plan = withPromBands(VITALS_ONLY);
    assert.deepEqual(plan.measurements.map((m) => m.kind), ['heartRate', 'phq9', 'gad7']);
    const e = evaluatePlan(plan, [r('heartRate', 70, 0.1), r('heartRate', 70, 1), r('heartRate', 70, 2), r('phq9', 3, 90), r('gad7', 15, 90)], now);
    // An old minimal PHQ-9 is green (no "missing" for a programme that does not ask for PROMs); GAD-7 15 is severe: red.
    assert.deepEqual(e.measurements.map((m) => [m.kind, m.status]), [['heartRate', 'green'], ['phq9', 'green'], ['gad7', 'red']]);
    assert.equal(withPromBands(DEFAULT_PLAN), DEFAULT_PLAN);
  });
});

describe('planHistoryNeed and searchCodesFor', () => {
  it('asks for the longest time-based rule and, per kind, the newest readings the count rule needs (at least one)', () => {
    const need = planHistoryNeed({ ...VITALS_ONLY, measurements: [{ kind: 'systolic', limits: {}, redAfterConsecutive: 6, yellowAfterAbnormal: { count: 2, days: 10 }, staleAfterHours: 24 * 30 }] });
    assert.equal(need.days, 30);
    assert.deepEqual([...need.readings], [['systolic', 6], ['phq9', 1], ['gad7', 1]]);
  });
  it('searches blood pressure by its panel and SpO2 and glucose by both their codes', () => {
    assert.deepEqual(searchCodesFor('systolic'), ['http://loinc.org|85354-9', 'http://loinc.org|8480-6']);
    assert.deepEqual(searchCodesFor('spo2'), ['http://loinc.org|2708-6', 'http://loinc.org|59408-5']);
    assert.deepEqual(searchCodesFor('phq9'), ['http://loinc.org|44261-6']);
  });
});

describe('toDashboardView: concern, NEWS2 settings, unjudged tiles', () => {
  let n = 0;
  const item = (kind: DashboardItem['kind'], value: number, hoursAgo: number, extra: Partial<Reading> = {}): DashboardItem => ({
    id: `o${++n}`, version: 1, kind, value, at: now - hoursAgo * H, effective: new Date(now - hoursAgo * H).toISOString(), ...extra,
  });
  const ctx = (items: DashboardItem[], plan: PatientPlan = DEFAULT_PLAN): DashboardContext => ({
    patientId: 'p', plan, items: Object.fromEntries(items.map((i) => [i.id, i])), failures: 0, pollIntervalMs: 1000, maxBackoffMs: 1000,
  });

  it('shows the concern, with the rule, in the clinician view only', () => {
    const c = ctx([item('phq9', 18, 600, { selfHarm: true })]);
    const clinician = toDashboardView({ value: 'ready', context: c }, nb, f, { now, audience: 'clinician' });
    assert.equal(clinician.concern?.title, 'Bekymring');
    assert.match(clinician.concern?.text ?? '', /spørsmål 9/);
    assert.equal(toDashboardView({ value: 'ready', context: c }, nb, f, { now }).concern, undefined);
  });

  it('says "no limits set" once on a tile the plan has no limits for', () => {
    const v = toDashboardView({ value: 'ready', context: ctx([item('weight', 80, 2)]) }, nb, f, { now });
    const w = v.tiles.find((x) => x.kind === 'weight')!;
    assert.equal(w.statusText, 'Ingen grenser satt i planen');
    assert.equal(w.reasonText, '');
  });

  // A complete set on air: RR 18 (0), SpO2 95 (Scale 1: 1), air (0), systolic 120 (0), pulse 80 (0), A (0), 37.0 (0).
  const full = () => [item('respiratoryRate', 18, 1), item('spo2', 95, 1), item('systolic', 120, 1), item('heartRate', 80, 1), item('temperature', 37, 1)];
  const consciousness = { value: 'A' as const, at: now - H };

  it('takes ACVPU and air/oxygen from the host; without them the set is partial and says what is missing', () => {
    const partial = toDashboardView({ value: 'ready', context: ctx(full()) }, nb, f, { now });
    assert.equal(partial.news2?.status, 'partial');
    assert.deepEqual(partial.news2?.missing, ['airOrOxygen', 'consciousness']);
    const onAir = toDashboardView({ value: 'ready', context: ctx(full()) }, nb, f, { now, news2: { airOrOxygen: 'air', consciousness } });
    assert.equal(onAir.news2?.status, 'complete');
    assert.equal(onAir.news2?.text, '1 poeng');
    // On supplemental oxygen: +2 for oxygen.
    const onOxygen = toDashboardView({ value: 'ready', context: ctx(full()) }, nb, f, { now, news2: { airOrOxygen: 'oxygen', consciousness } });
    assert.equal(onOxygen.news2?.text, '3 poeng');
    // New confusion scores 3 in one parameter: low–medium.
    const confused = toDashboardView({ value: 'ready', context: ctx(full()) }, nb, f, { now, news2: { airOrOxygen: 'air', consciousness: { value: 'C', at: now - H } } });
    assert.equal(confused.news2?.text, '4 poeng');
    assert.equal(confused.news2?.bandText, nb.news2Bands.lowMedium);
  });

  it('scores SpO2 on Scale 2 when set, and says so; under 16 or pregnant is not applicable', () => {
    // Scale 2, on air: 95 % scores 0.
    const s2 = toDashboardView({ value: 'ready', context: ctx(full()) }, nb, f, { now, news2: { spo2Scale: 2, airOrOxygen: 'air', consciousness } });
    assert.equal(s2.news2?.text, '0 poeng');
    assert.equal(s2.news2?.scaleText, nb.news2Scale2);
    assert.equal(toDashboardView({ value: 'ready', context: ctx(full()) }, nb, f, { now, news2: { ageYears: 15 } }).news2?.text, nb.news2NotApplicableUnder16);
    assert.equal(toDashboardView({ value: 'ready', context: ctx(full()) }, nb, f, { now, news2: { ageYears: 16 } }).news2?.status, 'partial');
    assert.equal(toDashboardView({ value: 'ready', context: ctx(full()) }, nb, f, { now, news2: { pregnant: true } }).news2?.text, nb.news2NotApplicablePregnant);
  });
});
