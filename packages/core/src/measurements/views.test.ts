import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { catalogs, formatter, LOCALES } from '../i18n/index.js';
import type { DashboardContext, DashboardItem } from './dashboard.machine.js';
import { news2OptionsFor, toDashboardView } from './dashboard.view.js';
import { DEFAULT_PLAN, planWithOverrides } from './plan.js';
import { trendOf } from './trend.rules.js';
import type { WorklistContext } from './worklist.machine.js';
import { toWorklistView } from './worklist.view.js';
import type { WorklistPatient } from './worklist.js';

const H = 3_600_000;
const now = Date.parse('2026-05-20T12:00:00Z');
const nb = catalogs['nb-NO'];
const f = formatter('nb-NO');
let n = 0;
const item = (kind: DashboardItem['kind'], value: number, hoursAgo: number): DashboardItem => ({
  id: `o${++n}`, version: 1, kind, value, at: now - hoursAgo * H, effective: new Date(now - hoursAgo * H).toISOString(),
});
const dashboardContext = (items: DashboardItem[], plan = DEFAULT_PLAN): DashboardContext => ({
  patientId: 'p', plan, items: Object.fromEntries(items.map((i) => [i.id, i])), failures: 0, pollIntervalMs: 1000, maxBackoffMs: 1000,
});

describe('trendOf', () => {
  const r = (value: number, h: number) => ({ kind: 'heartRate' as const, value, at: now - h * H, effective: '' });
  it('compares the newest with the mean of the three before it', () => {
    assert.equal(trendOf('heartRate', [r(70, 4), r(72, 3), r(74, 2), r(90, 1)])?.direction, 'up');
    assert.equal(trendOf('heartRate', [r(70, 4), r(72, 3), r(74, 2), r(60, 1)])?.direction, 'down');
    assert.equal(trendOf('heartRate', [r(70, 4), r(72, 3), r(74, 2), r(75, 1)])?.direction, 'flat'); // +3 < 5
    assert.equal(trendOf('heartRate', [r(70, 1)]), undefined);
  });
});

describe('toDashboardView', () => {
  it('gives each tile a value, status in words, reason and trend arrow with text', () => {
    const ctx = dashboardContext([item('heartRate', 70, 30), item('heartRate', 72, 20), item('heartRate', 135, 1), item('spo2', 97, 1), item('systolic', 125, 1)]);
    const v = toDashboardView({ value: 'ready', context: ctx }, nb, f, { now });
    assert.equal(v.state, 'ready');
    assert.equal(v.busy, false);
    const hr = v.tiles.find((x) => x.kind === 'heartRate')!;
    assert.equal(hr.value, '135 slag/min');
    assert.equal(hr.severity, 'red');
    assert.equal(hr.statusText, 'Rød: følg planen nå');
    assert.equal(hr.reasonText, '135 slag/min er på eller over grensen på 131 slag/min.');
    assert.deepEqual(hr.trend, { direction: 'up', arrow: '↑', text: 'Stigende' });
    assert.match(hr.ariaLabel, /Puls\. 135 slag\/min\. Rød: følg planen nå\./);
    assert.equal(v.planNotice, nb.measurementDefaultPlan);
    assert.equal(v.overall.severity, 'red');
    const phq = v.tiles.find((x) => x.kind === 'phq9')!;
    assert.equal(phq.severity, 'grey');
    assert.equal(phq.reasonText, 'Ingen målinger ennå.');
  });
  it('shows readings the plan has no limits for, after the plan tiles, without judging them', () => {
    const ctx = dashboardContext([item('diastolic', 88, 2), item('heartRate', 70, 2), item('weight', 81.25, 3), item('weight', 80.2, 50)]);
    const v = toDashboardView({ value: 'ready', context: ctx }, nb, f, { now });
    const extra = v.tiles.slice(-2);
    assert.deepEqual(extra.map((x) => [x.kind, x.severity, x.value, x.statusText]), [
      ['diastolic', 'none', '88 mmHg', 'Ingen grenser satt i planen'],
      ['weight', 'none', '81,3 kg', 'Ingen grenser satt i planen'],
    ]);
    assert.equal(extra[1]!.trend?.direction, 'up');
    assert.equal(v.tiles.length, DEFAULT_PLAN.measurements.length + 2);
  });
  it('shows NEWS2 as partial with what is missing, never a total', () => {
    const ctx = dashboardContext([item('heartRate', 95, 0.2), item('spo2', 94, 0.1), item('systolic', 125, 0.1), item('temperature', 37.0, 0.3)]);
    const v = toDashboardView({ value: 'refreshing', context: ctx }, nb, f, { now });
    assert.equal(v.busy, true);
    assert.equal(v.news2?.status, 'partial');
    assert.equal(v.news2?.text, 'Ufullstendig: 2 poeng så langt. Mangler pustefrekvens, luft eller oksygen og bevissthet (ACVPU).');
    assert.equal(v.news2?.bandText, 'Minst lav');
    assert.equal(v.news2?.title, 'Basert på NEWS2');
  });
  it('shows a complete NEWS2 with band words when the host gives ACVPU and oxygen', () => {
    const ctx = dashboardContext([item('heartRate', 95, 0.2), item('spo2', 94, 0.1), item('systolic', 125, 0.1), item('temperature', 37.0, 0.3), item('respiratoryRate', 26, 0.1)]);
    const v = toDashboardView({ value: 'ready', context: ctx }, nb, f, {
      now,
      news2: { ageYears: 60, pregnant: false, consciousness: { value: 'A', at: now - 0.1 * H }, onOxygen: { value: false, at: now - 0.1 * H } },
    });
    assert.equal(v.news2?.status, 'complete');
    assert.equal(v.news2?.text, '5 poeng');
    assert.equal(v.news2?.bandText, 'Middels');
  });
  it('has no tiles while loading, an error text with retry in error, and no plan notice for a set plan', () => {
    const plan = planWithOverrides([], { isDefault: false, note: 'OUS hjertesvikt' });
    const loading = toDashboardView({ value: 'loading', context: dashboardContext([], plan) }, nb, f, { now });
    assert.deepEqual([loading.tiles.length, loading.busy, loading.statusMessage, loading.planNotice], [0, true, nb.loading, undefined]);
    const error = toDashboardView({ value: 'error', context: dashboardContext([]) }, nb, f, { now });
    assert.deepEqual([error.canRetry, error.errorText], [true, nb.measurementLoadFailed]);
    assert.equal(toDashboardView({ value: 'empty', context: dashboardContext([]) }, nb, f, { now }).statusMessage, nb.measurementEmpty);
  });
  it('renders in every locale without empty texts', () => {
    const ctx = dashboardContext([item('temperature', 38.45, 1), item('temperature', 37, 30)]);
    for (const locale of LOCALES) {
      const v = toDashboardView({ value: 'ready', context: ctx }, catalogs[locale], formatter(locale), { now });
      for (const tile of v.tiles) for (const s of [tile.label, tile.statusText, tile.reasonText]) assert.ok(s.trim().length > 0, `${locale} ${tile.kind}`);
      const temp = v.tiles.find((x) => x.kind === 'temperature')!;
      assert.match(temp.value!, locale === 'en-GB' ? /38\.5 °C/ : /38,5 °C/);
    }
  });
});

const patient = (id: string, over: Partial<WorklistPatient> = {}): WorklistPatient => ({ id, version: 1, display: id, severity: 'green', concern: false, abnormal: [], ...over });
const worklistContext = (patients: WorklistPatient[], over: Partial<WorklistContext> = {}): WorklistContext => ({
  patients: Object.fromEntries(patients.map((p) => [p.id, p])), alerts: {}, pending: [], filter: {}, failures: 0, pollIntervalMs: 1000, maxBackoffMs: 1000, ...over,
});

describe('toWorklistView', () => {
  it('ranks rows, states status in words and offers actions by tier', () => {
    const ctx = worklistContext(
      [patient('Ola', { severity: 'yellow', abnormal: [{ at: now - 5 * H, level: 'yellow' }] }), patient('Kari', { severity: 'red', concern: true, score: 7 }), patient('Per')],
      {
        selectedId: 'Ola',
        alerts: { Per: { patientId: 'Per', action: 'acknowledged' as const, by: 'Sykepleier Anne', at: now - H } },
        pending: [{ alert: { patientId: 'Ola', action: 'snoozed', by: 'x', at: now, until: now + H } }],
      },
    );
    const v = toWorklistView({ value: { data: 'ready', alerts: 'saving' }, context: ctx }, nb, f, now);
    assert.deepEqual(v.rows.map((r) => r.id), ['Kari', 'Ola', 'Per']);
    const [kari, ola, per] = v.rows as [typeof v.rows[0], typeof v.rows[0], typeof v.rows[0]];
    assert.equal(kari.concernText, 'Bekymring');
    assert.equal(kari.scoreText, 'Skår 7');
    assert.equal(kari.severityText, 'Rød: følg planen nå');
    assert.match(kari.ariaLabel, /^Kari\. Bekymring\. Rød/);
    assert.equal(ola.selected, true);
    assert.equal(ola.saving, true);
    assert.match(ola.oldestAbnormalText ?? '', /^Avvik siden/);
    assert.equal(per.tier, 'acknowledged');
    assert.match(per.alertText ?? '', /^Sett av Sykepleier Anne/);
    assert.deepEqual([per.canAcknowledge, per.canSnooze, per.canResolve], [false, true, true]);
    assert.deepEqual([kari.canAcknowledge, kari.canSnooze, kari.canResolve], [true, true, true]);
    assert.equal(v.countText, '3 pasienter');
  });
  it('offers no follow-up for a green patient with no concern and no alert, but does for a concern', () => {
    const ctx = worklistContext([patient('Nils'), patient('Aisha', { concern: true })]);
    const v = toWorklistView({ value: { data: 'ready', alerts: 'idle' }, context: ctx }, nb, f, now);
    const nils = v.rows.find((r) => r.id === 'Nils')!;
    const aisha = v.rows.find((r) => r.id === 'Aisha')!;
    assert.equal(nils.tierText, undefined);
    assert.deepEqual([nils.canAcknowledge, nils.canSnooze, nils.canResolve], [false, false, false]);
    assert.doesNotMatch(nils.ariaLabel, /Trenger oppfølging/);
    assert.equal(aisha.tierText, 'Trenger oppfølging');
    assert.equal(aisha.canAcknowledge, true);
  });
  it('says when the filter matches nobody, when the list is empty, and when a save failed', () => {
    const ctx = worklistContext([patient('a')], { filter: { concernOnly: true }, alertError: { patientId: 'a', action: 'acknowledged', message: 'x' } });
    const v = toWorklistView({ value: { data: 'ready', alerts: 'idle' }, context: ctx }, nb, f, now);
    assert.equal(v.emptyText, nb.worklistNoMatches);
    assert.equal(v.alertErrorText, nb.worklistAlertFailed);
    const empty = toWorklistView({ value: { data: 'empty', alerts: 'idle' }, context: worklistContext([]) }, nb, f, now);
    assert.equal(empty.emptyText, nb.worklistEmpty);
    const err = toWorklistView({ value: { data: 'error', alerts: 'idle' }, context: worklistContext([]) }, nb, f, now);
    assert.deepEqual([err.canRetry, err.rows.length], [true, 0]);
  });
});

describe('news2OptionsFor', () => {
  const plan = { ...DEFAULT_PLAN, news2: { spo2Scale: 2 as const, ageYears: 70, airOrOxygen: 'oxygen' as const } };

  it("takes what the host set, else the plan's news2", () => {
    assert.deepEqual(news2OptionsFor(plan, {}), { spo2Scale: 2, ageYears: 70, airOrOxygen: 'oxygen' });
    assert.deepEqual(news2OptionsFor(plan, { spo2Scale: 1, pregnant: true, consciousness: { value: 'V', at: '2026-05-17T08:00:00Z' } }), {
      spo2Scale: 1,
      ageYears: 70,
      pregnant: true,
      airOrOxygen: 'oxygen',
      consciousness: { value: 'V', at: Date.parse('2026-05-17T08:00:00Z') },
    });
  });

  it('leaves out what is not valid, so NEWS2 lists it as missing instead of scoring a guess', () => {
    assert.deepEqual(news2OptionsFor(DEFAULT_PLAN, { spo2Scale: 3, ageYears: Number.NaN, airOrOxygen: 'maybe', consciousness: { value: 'X', at: 0 } }), {});
    assert.deepEqual(news2OptionsFor(DEFAULT_PLAN, { consciousness: { value: 'A', at: 'not a date' } }), {});
  });
});
