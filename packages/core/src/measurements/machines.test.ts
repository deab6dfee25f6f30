import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createActor, fromPromise, SimulatedClock, waitFor } from 'xstate';
import { dashboardMachine, type DashboardItem, type FetchReadingsInput, type FetchReadingsOutput } from './dashboard.machine.js';
import { worklistMachine, type FetchWorklistInput, type FetchWorklistOutput, type SaveAlertInput } from './worklist.machine.js';
import { DEFAULT_PLAN } from './plan.js';
import type { AlertState, WorklistPatient } from './worklist.js';
import { backoffDelay } from './polling.js';

const flush = () => new Promise((r) => setTimeout(r, 0));
const item = (id: string, version: number, value: number): DashboardItem => ({ id, version, kind: 'heartRate', value, at: 1000 + version, effective: '' });

/** A fetch stub that answers from a queue of results (Error = reject) and records its inputs. */
function stub<I, O>(results: (O | Error)[]) {
  const calls: I[] = [];
  const logic = fromPromise<O, I>(async ({ input }) => {
    calls.push(input);
    const next = results.shift();
    if (next === undefined) throw new Error('no more stubbed results');
    if (next instanceof Error) throw next;
    return next;
  });
  return { logic, calls };
}

describe('backoffDelay', () => {
  it('doubles per failure and caps at the maximum', () => {
    assert.deepEqual([0, 1, 2, 3, 10].map((f) => backoffDelay(1000, f, 5000)), [1000, 2000, 4000, 5000, 5000]);
  });
});

describe('dashboardMachine', () => {
  it('loads into ready, polls into refreshing and merges by id and version', async () => {
    const fetch = stub<FetchReadingsInput, FetchReadingsOutput>([
      { items: [item('a', 1, 70), item('b', 1, 80)] },
      { items: [item('a', 2, 72), item('b', 0, 1)] }, // b v0 is stale and must not win
    ]);
    const clock = new SimulatedClock();
    const emitted: string[] = [];
    const actor = createActor(dashboardMachine.provide({ actors: { fetchReadings: fetch.logic } }), { input: { patientId: 'p1', plan: DEFAULT_PLAN, pollIntervalMs: 1000 }, clock });
    actor.on('*', (e) => emitted.push(e.type));
    actor.start();
    assert.equal(actor.getSnapshot().value, 'loading');
    await waitFor(actor, (s) => s.matches('ready'));
    clock.increment(1000);
    assert.equal(actor.getSnapshot().value, 'refreshing');
    await waitFor(actor, (s) => s.matches('ready'));
    const items = actor.getSnapshot().context.items;
    assert.equal(items['a']!.value, 72);
    assert.equal(items['b']!.value, 80);
    assert.deepEqual(emitted, ['dashboard.loaded', 'dashboard.updated']);
    assert.equal(fetch.calls[0]!.patientId, 'p1');
    assert.equal(typeof fetch.calls[1]!.since, 'number');
    actor.stop();
  });
  it('goes to empty with no readings, and to ready when a reading is pushed', async () => {
    const fetch = stub<FetchReadingsInput, FetchReadingsOutput>([{ items: [] }]);
    const actor = createActor(dashboardMachine.provide({ actors: { fetchReadings: fetch.logic } }), { input: { patientId: 'p', plan: DEFAULT_PLAN }, clock: new SimulatedClock() }).start();
    await waitFor(actor, (s) => s.matches('empty'));
    actor.send({ type: 'READINGS.RECEIVED', items: [item('x', 1, 60)] });
    assert.equal(actor.getSnapshot().value, 'ready');
    actor.stop();
  });
  it('goes to error on a failed first load, and RETRY loads again', async () => {
    const fetch = stub<FetchReadingsInput, FetchReadingsOutput>([new Error('offline'), { items: [item('a', 1, 70)] }]);
    const actor = createActor(dashboardMachine.provide({ actors: { fetchReadings: fetch.logic } }), { input: { patientId: 'p', plan: DEFAULT_PLAN }, clock: new SimulatedClock() }).start();
    await waitFor(actor, (s) => s.matches('error'));
    assert.equal(actor.getSnapshot().context.error, 'offline');
    assert.equal(actor.getSnapshot().context.failures, 1);
    actor.send({ type: 'RETRY' });
    await waitFor(actor, (s) => s.matches('ready'));
    assert.equal(actor.getSnapshot().context.failures, 0);
    actor.stop();
  });
  it('keeps data on a failed refresh and backs off the next poll', async () => {
    const fetch = stub<FetchReadingsInput, FetchReadingsOutput>([{ items: [item('a', 1, 70)] }, new Error('503'), { items: [] }]);
    const clock = new SimulatedClock();
    const actor = createActor(dashboardMachine.provide({ actors: { fetchReadings: fetch.logic } }), { input: { patientId: 'p', plan: DEFAULT_PLAN, pollIntervalMs: 1000 }, clock }).start();
    await waitFor(actor, (s) => s.matches('ready'));
    actor.send({ type: 'REFRESH' });
    await waitFor(actor, (s) => s.matches('ready'));
    assert.equal(Object.keys(actor.getSnapshot().context.items).length, 1);
    assert.equal(actor.getSnapshot().context.failures, 1);
    clock.increment(1999);
    assert.equal(actor.getSnapshot().value, 'ready'); // backoff: 2000 ms now
    clock.increment(1);
    assert.equal(actor.getSnapshot().value, 'refreshing');
    await waitFor(actor, (s) => s.matches('ready'));
    assert.equal(actor.getSnapshot().context.failures, 0);
    actor.stop();
  });
});

const patient = (id: string, version = 1): WorklistPatient => ({ id, version, display: id, severity: 'red', concern: false, abnormal: [{ at: 1, level: 'red' }] });

describe('worklistMachine', () => {
  function start(fetchResults: (FetchWorklistOutput | Error)[], saveResults: (AlertState | Error)[]) {
    const fetch = stub<FetchWorklistInput, FetchWorklistOutput>(fetchResults);
    const save = stub<SaveAlertInput, AlertState>(saveResults);
    const emitted: { type: string }[] = [];
    const clock = new SimulatedClock();
    const actor = createActor(worklistMachine.provide({ actors: { fetchWorklist: fetch.logic, saveAlert: save.logic } }), { input: { pollIntervalMs: 1000 }, clock });
    actor.on('*', (e) => emitted.push(e));
    actor.start();
    return { actor, fetch, save, emitted, clock };
  }

  it('loads, selects a known patient only, and filters', async () => {
    const { actor, emitted } = start([{ patients: [patient('a'), patient('b')] }], []);
    await waitFor(actor, (s) => s.matches({ data: 'ready' }));
    actor.send({ type: 'SELECT', patientId: 'zz' });
    assert.equal(actor.getSnapshot().context.selectedId, undefined);
    actor.send({ type: 'SELECT', patientId: 'b' });
    assert.equal(actor.getSnapshot().context.selectedId, 'b');
    actor.send({ type: 'FILTER.SET', filter: { concernOnly: true } });
    assert.deepEqual(actor.getSnapshot().context.filter, { concernOnly: true });
    assert.deepEqual(emitted.map((e) => e.type), ['worklist.loaded', 'worklist.selected']);
    actor.stop();
  });

  it('acknowledges optimistically, saves through the actor and emits saved', async () => {
    const saved: AlertState = { patientId: 'a', action: 'acknowledged', by: 'Kari', at: 5000, note: 'server' };
    const { actor, save, emitted } = start([{ patients: [patient('a')] }], [saved]);
    await waitFor(actor, (s) => s.matches({ data: 'ready' }));
    actor.send({ type: 'ACKNOWLEDGE', patientId: 'a', by: 'Kari', at: 5000 });
    assert.equal(actor.getSnapshot().context.alerts['a']?.action, 'acknowledged');
    assert.ok(actor.getSnapshot().matches({ alerts: 'saving' }));
    await waitFor(actor, (s) => s.matches({ alerts: 'idle' }));
    await flush();
    assert.deepEqual(save.calls[0]!.alert, { patientId: 'a', action: 'acknowledged', by: 'Kari', at: 5000 });
    assert.equal(actor.getSnapshot().context.alerts['a']?.note, 'server');
    assert.equal(actor.getSnapshot().context.pending.length, 0);
    assert.deepEqual(emitted.at(-1), { type: 'worklist.alert.saved', patientId: 'a', action: 'acknowledged' });
    actor.stop();
  });

  it('rolls back a failed save to the previous state and emits failed', async () => {
    const { actor, emitted } = start([{ patients: [patient('a')], alerts: [{ patientId: 'a', action: 'acknowledged', by: 'Ola', at: 100 }] }], [new Error('403')]);
    await waitFor(actor, (s) => s.matches({ data: 'ready' }));
    actor.send({ type: 'SNOOZE', patientId: 'a', by: 'Kari', at: 200, until: 9000 });
    assert.equal(actor.getSnapshot().context.alerts['a']?.action, 'snoozed');
    await waitFor(actor, (s) => s.context.pending.length === 0);
    assert.equal(actor.getSnapshot().context.alerts['a']?.by, 'Ola');
    assert.deepEqual(emitted.at(-1), { type: 'worklist.alert.failed', patientId: 'a', action: 'snoozed', message: '403' });
    actor.stop();
  });

  it('saves queued actions in order and ignores alerts for unknown patients', async () => {
    const { actor, save } = start(
      [{ patients: [patient('a'), patient('b')] }],
      [
        { patientId: 'a', action: 'resolved', by: 'K', at: 1 },
        { patientId: 'b', action: 'acknowledged', by: 'K', at: 2 },
      ],
    );
    await waitFor(actor, (s) => s.matches({ data: 'ready' }));
    actor.send({ type: 'RESOLVE', patientId: 'a', by: 'K', at: 1 });
    actor.send({ type: 'ACKNOWLEDGE', patientId: 'b', by: 'K', at: 2 });
    actor.send({ type: 'ACKNOWLEDGE', patientId: 'nobody', by: 'K', at: 3 });
    await waitFor(actor, (s) => s.context.pending.length === 0 && s.matches({ alerts: 'idle' }));
    assert.deepEqual(save.calls.map((c) => c.alert.patientId), ['a', 'b']);
    assert.equal('nobody' in actor.getSnapshot().context.alerts, false);
    actor.stop();
  });

  it('does not let a server alert overwrite a queued local action, nor an older one a newer', async () => {
    let release!: (a: AlertState) => void;
    const slowSave = fromPromise<AlertState, SaveAlertInput>(() => new Promise((r) => (release = r)));
    const fetch = stub<FetchWorklistInput, FetchWorklistOutput>([{ patients: [patient('a'), patient('b')], alerts: [{ patientId: 'b', action: 'acknowledged', by: 'x', at: 500 }] }]);
    const actor = createActor(worklistMachine.provide({ actors: { fetchWorklist: fetch.logic, saveAlert: slowSave } }), { input: {}, clock: new SimulatedClock() }).start();
    await waitFor(actor, (s) => s.matches({ data: 'ready' }));
    actor.send({ type: 'RESOLVE', patientId: 'a', by: 'me', at: 1000 });
    actor.send({
      type: 'PATIENTS.RECEIVED',
      patients: [patient('a', 2)],
      alerts: [
        { patientId: 'a', action: 'acknowledged', by: 'other', at: 900 },
        { patientId: 'b', action: 'resolved', by: 'old', at: 400 },
      ],
    });
    const c = actor.getSnapshot().context;
    assert.equal(c.alerts['a']?.by, 'me');
    assert.equal(c.alerts['b']?.at, 500);
    assert.equal(c.patients['a']?.version, 2);
    release({ patientId: 'a', action: 'resolved', by: 'me', at: 1000 });
    await waitFor(actor, (s) => s.context.pending.length === 0);
    actor.stop();
  });

  it('keeps patients through a failed refresh and goes to error on a failed first load', async () => {
    const { actor } = start([{ patients: [patient('a')] }, new Error('down')], []);
    await waitFor(actor, (s) => s.matches({ data: 'ready' }));
    actor.send({ type: 'REFRESH' });
    await waitFor(actor, (s) => s.context.failures === 1);
    assert.ok(actor.getSnapshot().matches({ data: 'ready' }));
    assert.equal(Object.keys(actor.getSnapshot().context.patients).length, 1);
    actor.stop();
    const second = start([new Error('down')], []);
    await waitFor(second.actor, (s) => s.matches({ data: 'error' }));
    second.actor.stop();
  });

  it('is empty with no patients', async () => {
    const { actor } = start([{ patients: [] }], []);
    await waitFor(actor, (s) => s.matches({ data: 'empty' }));
    actor.stop();
  });

  it('leaves empty at once when patients are pushed', async () => {
    const { actor } = start([{ patients: [] }], []);
    await waitFor(actor, (s) => s.matches({ data: 'empty' }));
    const p: WorklistPatient = { id: 'a', version: 1, display: 'A', severity: 'red', concern: false, abnormal: [] };
    actor.send({ type: 'PATIENTS.RECEIVED', patients: [p] });
    assert.ok(actor.getSnapshot().matches({ data: 'ready' }));
    actor.stop();
  });
});

describe('persistence', () => {
  it('a worklist snapshot survives JSON and resumes with its patients, alerts and selection', async () => {
    const fetch = stub<FetchWorklistInput, FetchWorklistOutput>([{ patients: [patient('a')], alerts: [{ patientId: 'a', action: 'acknowledged', by: 'Kari', at: 10 }] }]);
    const logic = worklistMachine.provide({ actors: { fetchWorklist: fetch.logic, saveAlert: stub<SaveAlertInput, AlertState>([]).logic } });
    const actor = createActor(logic, { input: {}, clock: new SimulatedClock() }).start();
    await waitFor(actor, (s) => s.matches({ data: 'ready' }));
    actor.send({ type: 'SELECT', patientId: 'a' });
    const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();
    const resumed = createActor(logic, { input: {}, snapshot: saved, clock: new SimulatedClock() }).start();
    const c = resumed.getSnapshot().context;
    assert.equal(c.selectedId, 'a');
    assert.equal(c.patients['a']?.display, 'a');
    assert.equal(c.alerts['a']?.by, 'Kari');
    assert.ok(resumed.getSnapshot().matches({ data: 'ready' }));
    resumed.stop();
  });
  it('a dashboard snapshot survives JSON with its readings', async () => {
    const fetch = stub<FetchReadingsInput, FetchReadingsOutput>([{ items: [item('a', 1, 70)] }]);
    const logic = dashboardMachine.provide({ actors: { fetchReadings: fetch.logic } });
    const actor = createActor(logic, { input: { patientId: 'p', plan: DEFAULT_PLAN }, clock: new SimulatedClock() }).start();
    await waitFor(actor, (s) => s.matches('ready'));
    const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();
    const resumed = createActor(logic, { input: { patientId: 'p', plan: DEFAULT_PLAN }, snapshot: saved, clock: new SimulatedClock() }).start();
    assert.equal(resumed.getSnapshot().context.items['a']?.value, 70);
    resumed.stop();
  });
});
