import { expect, oneEvent } from '@open-wc/testing';
import { html } from 'lit';
import '@helsekit/measurement-dashboard/define';
import type { HkAlertChangeEvent, HkClinicWorklist, HkMeasurementDashboard, HkPatientOpenEvent } from '@helsekit/measurement-dashboard';
import type { HkNumberInput } from '@helsekit/base';
import { MemoryStore, StoreError, type HealthStore } from '@helsekit/core/store';
import { deepActiveElement, expectAccessible, expectTextSpacingSafe, fixtureInLang, settled } from '@helsekit/base/testing/index';
import { fixture } from '@open-wc/testing';
import { DAY, NOW, add, addPhq9, demoStore, seedPatient, until } from './fixtures.js';

const root = (el: Element) => el.shadowRoot!;
const patients = [
  { reference: 'Patient/green-1', display: 'Grete Grønn' },
  { reference: 'Patient/red-1', display: 'Rolf Rød' },
  { reference: 'Patient/green-2', display: 'Gunnar Grønn' },
];
const clinician = { reference: 'Practitioner/lise', display: 'Lege Lise Berg' };
const order = (el: Element) => [...root(el).querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-id'));
const rowsReady = (el: Element) => until(() => root(el).querySelectorAll('tbody tr').length === 3);

async function worklist(store: HealthStore, pollInterval = 60_000, lang = 'nb'): Promise<HkClinicWorklist> {
  return fixtureInLang<HkClinicWorklist>(
    html`<hk-clinic-worklist .store=${store} .patients=${patients} .clinician=${clinician} .now=${NOW} poll-interval=${pollInterval}></hk-clinic-worklist>`,
    lang,
  );
}

describe('<hk-clinic-worklist>', () => {
  it('is an accessible table sorted by need: red first, with why, last reading, trend and status in words', async () => {
    const el = await worklist(await demoStore());
    await rowsReady(el);
    await settled(el);
    expect(order(el)[0]).to.equal('red-1');
    const table = root(el).querySelector('table')!;
    expect(table.querySelector('caption')!.textContent).to.match(/sortert etter behov/);
    expect(table.querySelectorAll('thead th[scope="col"]').length).to.equal(7);
    expect(table.querySelectorAll('tbody th[scope="row"]').length).to.equal(3);
    const red = table.querySelector('tbody tr')!;
    expect(red.querySelector('[part="status"]')!.textContent).to.match(/Rød/);
    expect(red.textContent).to.include('Puls:');
    expect(red.textContent).to.match(/Puls 140 slag\/min/);
    expect(red.querySelector('.trend')!.getAttribute('aria-hidden')).to.equal('true');
    await expectAccessible(el);
  });

  it('shows an error with retry, and an empty list', async () => {
    const failing = Object.assign(Object.create(new MemoryStore()) as HealthStore, {
      search: () => Promise.reject(new StoreError('network', 'down')),
    });
    const el = await worklist(failing);
    await until(() => root(el).querySelector('[part="error"]') !== null);
    await expectAccessible(el);
    const empty = await fixtureInLang<HkClinicWorklist>(html`<hk-clinic-worklist .store=${new MemoryStore()} .now=${NOW}></hk-clinic-worklist>`);
    await until(() => root(empty).textContent!.includes('Ingen pasienter på listen.'));
    await expectAccessible(empty);
  });

  it('acknowledges, snoozes and resolves with who and when, stored as FHIR Flags', async () => {
    const store = await demoStore();
    const el = await worklist(store);
    await rowsReady(el);
    const button = (id: string, label: RegExp) =>
      [...root(el).querySelectorAll<HTMLButtonElement>(`tr[data-id="${id}"] [part="actions"] button`)].find((b) => label.test(b.textContent!))!;

    let changed = oneEvent(el, 'hk-alert-change') as Promise<HkAlertChangeEvent>;
    button('red-1', /Marker som sett/).click();
    let { detail } = await changed;
    expect(detail).to.deep.include({ patient: 'Patient/red-1', action: 'acknowledged', by: 'Lege Lise Berg', at: new Date(NOW).toISOString() });
    await until(() => root(el).querySelector('tr[data-id="red-1"]')!.textContent!.includes('Sett av Lege Lise Berg'));
    expect(deepActiveElement()).to.equal(root(el).querySelector('tr[data-id="red-1"] button.open'));

    button('green-1', /Utsett/).click();
    await settled(el);
    const form = root(el).querySelector('tr[data-id="green-1"] .snooze-form')!;
    expect(form.querySelector('hk-date-input')).to.exist;
    await expectAccessible(el);
    changed = oneEvent(el, 'hk-alert-change') as Promise<HkAlertChangeEvent>;
    form.querySelector<HTMLButtonElement>('button')!.click();
    ({ detail } = await changed);
    expect(detail.action).to.equal('snoozed');
    expect(detail.until).to.match(/^2026-05-18/);

    changed = oneEvent(el, 'hk-alert-change') as Promise<HkAlertChangeEvent>;
    button('green-2', /ferdig/).click();
    ({ detail } = await changed);
    expect(detail.action).to.equal('resolved');

    await until(() => el.machine.snapshot.context.pending.length === 0);
    const flags = (await store.search('Flag', { count: 50 })).items;
    expect(flags.map((f) => [f.subject.reference, f.code.coding![0]!.code, f.author!.display, f.author!.reference, f.period!.start]).sort()).to.deep.equal(
      [
        ['Patient/green-1', 'snoozed', 'Lege Lise Berg', 'Practitioner/lise', new Date(NOW).toISOString()],
        ['Patient/green-2', 'resolved', 'Lege Lise Berg', 'Practitioner/lise', new Date(NOW).toISOString()],
        ['Patient/red-1', 'acknowledged', 'Lege Lise Berg', 'Practitioner/lise', new Date(NOW).toISOString()],
      ].sort(),
    );
    // Snoozed and resolved patients leave the default list; the acknowledged one stays.
    await until(() => order(el).length === 1);
    expect(order(el)).to.deep.equal(['red-1']);
  });

  it('moves a green patient up after a red reading is added on their dashboard and the next poll', async () => {
    const store = await demoStore();
    const el = await worklist(store, 150);
    await rowsReady(el);
    expect(order(el)[0]).to.equal('red-1');
    const green2Before = order(el).indexOf('green-2');
    expect(green2Before).to.equal(2);
    const patientPage = await fixture<HkMeasurementDashboard>(
      html`<hk-measurement-dashboard .store=${store} patient="green-2" .now=${NOW}></hk-measurement-dashboard>`,
    );
    await until(() => root(patientPage).querySelector('form.add') !== null && root(patientPage).querySelector('.chart-box') !== null);
    const [sys, dia] = [...root(patientPage).querySelectorAll<HkNumberInput>('form.add hk-number-input')];
    sys!.value = 82;
    dia!.value = 50;
    await settled(sys!);
    await settled(dia!);
    root(patientPage).querySelector<HTMLButtonElement>('form.add button[type="submit"]')!.click();
    await oneEvent(patientPage, 'hk-measurement-added');
    // Both red now; the new one ranks by its own data, never below a green patient.
    await until(() => order(el).indexOf('green-2') < green2Before && root(el).querySelector('tr[data-id="green-2"] [part="status"]')!.textContent!.includes('Rød'));
    expect(order(el).indexOf('green-2')).to.be.lessThan(order(el).indexOf('green-1'));
  });

  it('opens a patient in place with a back button that restores focus', async () => {
    const el = await worklist(await demoStore());
    await rowsReady(el);
    const opened = oneEvent(el, 'hk-patient-open') as Promise<HkPatientOpenEvent>;
    root(el).querySelector<HTMLButtonElement>('tr[data-id="green-1"] button.open')!.click();
    expect((await opened).detail.patient).to.equal('Patient/green-1');
    await settled(el);
    const dash = root(el).querySelector('hk-measurement-dashboard')!;
    expect(dash.getAttribute('view')).to.equal('clinician');
    await until(() => root(dash).querySelector('.chart-box') !== null);
    await settled(dash);
    await expectAccessible(el);
    root(el).querySelector<HTMLButtonElement>('[part="back-button"]')!.click();
    await settled(el);
    await settled(el);
    expect(deepActiveElement()).to.equal(root(el).querySelector('tr[data-id="green-1"] button.open'));
  });

  it('shows the most urgent rows first and more on request', async () => {
    const el = await worklist(await demoStore());
    el.pageSize = 2;
    await rowsReady(el).catch(() => undefined);
    await until(() => root(el).querySelectorAll('tbody tr').length === 2);
    expect(order(el)[0]).to.equal('red-1');
    const more = [...root(el).querySelectorAll('button')].find((b) => /Vis flere \(viser 2 av 3\)/.test(b.textContent!))!;
    more.click();
    await settled(el);
    expect(order(el).length).to.equal(3);
  });

  it('puts a patient whose PHQ-9 item 9 is above 0 first, says which rule fired, and shows it in their dashboard', async () => {
    const store = await demoStore();
    await seedPatient(store, 'concern-1');
    await addPhq9(store, 'concern-1', [2, 3, 2, 3, 2, 2, 2, 1, 1], NOW - 25 * DAY); // 18, item 9 = 1
    const el = await fixtureInLang<HkClinicWorklist>(
      html`<hk-clinic-worklist .store=${store} .patients=${[...patients, { reference: 'Patient/concern-1', display: 'Aisha' }]} .now=${NOW}></hk-clinic-worklist>`,
    );
    await until(() => root(el).querySelectorAll('tbody tr').length === 4);
    await settled(el);
    // First, above the red patient, although her own status is yellow (PHQ-9 18 by its bands).
    expect(order(el)).to.deep.equal(['concern-1', 'red-1', 'green-1', 'green-2']);
    const row = root(el).querySelector('tr[data-id="concern-1"]')!;
    expect(row.querySelector('th')!.textContent).to.include('Bekymring');
    expect(row.querySelector('td.why')!.textContent).to.match(/PHQ-9 .*spørsmål 9 \(tanker om selvskading\) er besvart over 0/);
    expect(row.querySelector('[part="status"]')!.textContent).to.match(/Gul/);
    await expectAccessible(el);
    row.querySelector<HTMLButtonElement>('button.open')!.click();
    await settled(el);
    const dash = root(el).querySelector('hk-measurement-dashboard')!;
    await until(() => root(dash).querySelector('[part="concern"]') !== null);
    expect(root(dash).querySelector('[part="concern"]')!.textContent).to.match(/Bekymring:.*spørsmål 9/);
    await expectAccessible(el);
  });

  it('is not fooled by its reading window: readings that stopped long ago give grey with the last reading, and an old item 9 still flags', async () => {
    const store = new MemoryStore();
    for (let d = 70; d >= 60; d--) {
      await add(store, 'stopped', { kind: 'bloodPressure', systolic: 124, diastolic: 80 }, NOW - d * DAY);
      await add(store, 'stopped', { kind: 'heartRate', value: 70 }, NOW - d * DAY);
    }
    await addPhq9(store, 'stopped', [1, 1, 1, 1, 1, 1, 1, 0, 2], NOW - 100 * DAY);
    const el = await fixtureInLang<HkClinicWorklist>(
      html`<hk-clinic-worklist .store=${store} .patients=${[{ reference: 'Patient/stopped', display: 'Sofie Stopp' }]} .now=${NOW} lookback-days="14"></hk-clinic-worklist>`,
    );
    await until(() => root(el).querySelectorAll('tbody tr').length === 1);
    const row = root(el).querySelector('tbody tr')!;
    expect(row.querySelector('[part="status"]')!.textContent).to.match(/Grå/);
    expect(row.querySelector('td.why')!.textContent).to.match(/spørsmål 9/);
    expect(row.querySelector('td.why')!.textContent).to.match(/0 av 1 forventede målinger/);
    expect(row.querySelector('td.why')!.textContent).to.not.include('Ingen målinger');
    expect(row.textContent).to.match(/18\.03\.2026/); // the last reading, 60 days before 17 May
  });

  it('still shows an acknowledged alert as acknowledged, with who and when, after a reload', async () => {
    const store = await demoStore();
    const first = await worklist(store);
    await rowsReady(first);
    [...root(first).querySelectorAll<HTMLButtonElement>('tr[data-id="red-1"] [part="actions"] button')].find((b) => /Marker som sett/.test(b.textContent!))!.click();
    await until(() => first.machine.snapshot.context.pending.length === 0 && root(first).querySelector('tr[data-id="red-1"]')!.textContent!.includes('Sett av'));
    first.remove();
    // A new element over the same store, as after a page reload.
    const again = await worklist(store);
    await rowsReady(again);
    const row = root(again).querySelector('tr[data-id="red-1"]')!;
    expect(row.textContent).to.include(`Sett av Lege Lise Berg`);
    expect(row.textContent).to.match(/17\.05\.2026/);
    expect([...row.querySelectorAll('[part="actions"] button')].map((b) => b.textContent!.trim())).to.not.include('Marker som sett');
  });

  it('reflows to one card per patient in a narrow container, with no sideways scrolling at 320 px, and is a table when wide', async () => {
    const el = await worklist(await demoStore());
    await rowsReady(el);
    const table = root(el).querySelector('table')!;
    el.style.width = '1100px';
    await settled(el);
    expect(getComputedStyle(table).display).to.equal('table');
    expect(getComputedStyle(root(el).querySelector('thead')!).display).to.equal('table-header-group');
    el.style.width = '320px';
    await settled(el);
    await new Promise((r) => requestAnimationFrame(r));
    expect(getComputedStyle(table).display).to.equal('block');
    expect(el.scrollWidth).to.be.at.most(320);
    for (const tr of root(el).querySelectorAll('tbody tr')) expect(tr.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    // Each cell says which column it is; the column headers are still there for screen readers.
    const status = root(el).querySelector('tbody tr td')!;
    expect(getComputedStyle(status, '::before').content).to.equal('"Status"');
    expect(root(el).querySelectorAll('thead th[scope="col"]').length).to.equal(7);
    await expectAccessible(el);
  });

  it('loses no text with the text spacing a reader may set (WCAG 1.4.12), as cards and as a table', async () => {
    const el = await worklist(await demoStore());
    await rowsReady(el);
    el.parentElement!.style.width = '320px';
    await settled(el);
    await expectTextSpacingSafe(el);
    el.parentElement!.style.width = '1100px';
    await settled(el);
    await expectTextSpacingSafe(el);
  });

  it('follows the nearest lang', async () => {
    const el = await worklist(await demoStore());
    await rowsReady(el);
    el.parentElement!.setAttribute('lang', 'en');
    await settled(el);
    expect(root(el).querySelector('caption')!.textContent).to.match(/^Patients sorted by need/);
    el.parentElement!.setAttribute('lang', 'nn');
    await settled(el);
    expect(root(el).querySelector('thead th')!.textContent).to.equal('Pasient');
    expect(root(el).querySelector('caption')!.textContent).to.match(/sorterte etter behov/);
  });
});
