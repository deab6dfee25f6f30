import { expect, oneEvent } from '@open-wc/testing';
import { html } from 'lit';
import '@helsekit/measurement-dashboard/define';
import type { HkMeasurementDashboard, HkMeasurementAddedEvent, HkSummaryEvent } from '@helsekit/measurement-dashboard';
import type { HkNumberInput } from '@helsekit/base';
import { MemoryStore, StoreError, type HealthStore } from '@helsekit/core/store';
import { deepActiveElement, expectAccessible, expectTextSpacingSafe, fixtureInLang, press, settled } from '@helsekit/base/testing/index';
import { DAY, NOW, add, demoStore, until } from './fixtures.js';

const root = (el: Element) => el.shadowRoot!;
const ready = (el: HkMeasurementDashboard) => until(() => root(el).querySelectorAll('.chart-box').length > 0);

async function dashboard(store: HealthStore, patient = 'green-1', view = 'patient', lang = 'nb'): Promise<HkMeasurementDashboard> {
  const el = await fixtureInLang<HkMeasurementDashboard>(
    html`<hk-measurement-dashboard .store=${store} patient=${patient} view=${view} .now=${NOW}></hk-measurement-dashboard>`,
    lang,
  );
  return el;
}

describe('<hk-measurement-dashboard>', () => {
  it('loses no text with the text spacing a reader may set (WCAG 1.4.12), on a phone-wide page', async () => {
    const el = await dashboard(await demoStore());
    await ready(el);
    el.parentElement!.style.width = '360px';
    await settled(el);
    await expectTextSpacingSafe(el);
  });

  it('is accessible with charts shown; every chart has a name and a table view', async () => {
    const el = await dashboard(await demoStore());
    await ready(el);
    await settled(el);
    const charts = [...root(el).querySelectorAll('.chart-box')];
    expect(charts.length).to.be.greaterThan(3);
    for (const c of charts) {
      expect(c.getAttribute('role')).to.equal('application');
      expect(c.getAttribute('aria-label')).to.match(/graf fra .* målinger/);
    }
    // Status in words, never colour alone.
    expect(root(el).querySelector('[part="overall"]')!.textContent).to.match(/Samlet status: \S+/);
    expect(root(el).querySelector('[part="plan-notice"]')).to.exist;
    await expectAccessible(el);
    for (const button of [...root(el).querySelectorAll<HTMLButtonElement>('section.card > button[aria-pressed]')]) button.click();
    await settled(el);
    const tables = [...root(el).querySelectorAll('table')];
    expect(tables.length).to.equal(charts.length);
    expect(tables[0]!.querySelector('caption')!.textContent).to.match(/fra .* til/);
    expect(tables[0]!.querySelectorAll('th[scope="col"]').length).to.equal(3);
    await expectAccessible(el);
  });

  it('is accessible when empty (the patient can still add a reading) and on error, with retry', async () => {
    const empty = await dashboard(new MemoryStore(), 'nobody');
    await until(() => root(empty).querySelector('form.add') !== null);
    expect(root(empty).textContent).to.include('Det er ingen målinger å vise.');
    await expectAccessible(empty);

    let fail = true;
    const store = new MemoryStore();
    const failing = Object.assign(Object.create(store) as HealthStore, {
      search: (...args: Parameters<HealthStore['search']>) => (fail ? Promise.reject(new StoreError('network', 'down')) : store.search(...args)),
    });
    const el = await dashboard(failing, 'green-1');
    await until(() => root(el).querySelector('[part="error"]') !== null);
    await settled(el);
    await expectAccessible(el);
    fail = false;
    root(el).querySelector<HTMLButtonElement>('[part="error"] button')!.click();
    await until(() => root(el).querySelector('[part="error"]') === null);
  });

  it('moves between readings with the arrow keys and announces value, unit, time and status', async () => {
    const el = await dashboard(await demoStore(), 'red-1');
    await ready(el);
    const box = root(el).querySelector<HTMLElement>('.chart-box[data-kind="heartRate"]')!;
    box.focus();
    expect(deepActiveElement()).to.equal(box);
    const live = () => root(el).querySelector('[data-announce]')!.textContent!.trim();
    await press('ArrowLeft'); // the newest reading
    await settled(el);
    expect(live()).to.match(/^Puls 140 slag\/min, .*17\.05\.2026.*, Rød sone$/);
    await press('ArrowLeft', 3);
    await settled(el);
    expect(live()).to.match(/^Puls 7\d slag\/min, .*, Innenfor grensene$/);
    expect(root(el).querySelector('.chart-box[data-kind="heartRate"] circle.focus')).to.exist;
    const before = box.getAttribute('aria-label');
    await press('Equal');
    await settled(el);
    expect(root(el).querySelector('.chart-box[data-kind="heartRate"]')!.getAttribute('aria-label')).not.to.equal(before);
  });

  it('keeps a single extreme reading in 10 000 visible after min/max reduction', async () => {
    const el = await dashboard(await demoStore());
    await ready(el);
    const n = 10_000;
    const times = new Float64Array(n);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      times[i] = NOW - 29 * DAY + i * ((29 * DAY) / n);
      values[i] = 70 + Math.sin(i / 50) * 5;
    }
    values[6_543] = 190;
    el.setSeries('heartRate', { times, values });
    await settled(el);
    const svg = root(el).querySelector('.chart-box[data-kind="heartRate"] svg')!;
    expect(Number(svg.getAttribute('data-max'))).to.equal(190);
    expect(Number(svg.getAttribute('data-points'))).to.be.lessThan(4 * 640);
    // The polyline reaches the top of the plot (the extreme) exactly once-ish, not smoothed away.
    const ys = svg.querySelector('polyline')!.getAttribute('points')!.split(' ').map((p) => Number(p.split(',')[1]));
    const top = Math.min(...ys);
    expect(ys.filter((y) => y === top).length).to.be.within(1, 2);
    expect(top).to.be.lessThan(30);
  });

  it('adds a reading with plausible-range checks and stores it', async () => {
    const store = await demoStore();
    const el = await dashboard(store);
    await ready(el);
    const [sys, dia] = [...root(el).querySelectorAll<HkNumberInput>('form.add hk-number-input')];
    expect(sys!.max).to.equal(300);
    sys!.value = 400;
    dia!.value = 80;
    await settled(sys!);
    root(el).querySelector<HTMLButtonElement>('form.add button[type="submit"]')!.click();
    await settled(el);
    expect(root(sys!).querySelector('[part="error"]')!.textContent).to.match(/\S/);
    sys!.value = 85;
    await settled(sys!);
    const added = oneEvent(el, 'hk-measurement-added') as Promise<HkMeasurementAddedEvent>;
    root(el).querySelector<HTMLButtonElement>('form.add button[type="submit"]')!.click();
    const { detail } = await added;
    expect(detail.observation.id).to.be.a('string');
    expect(detail.observation.component![0]!.valueQuantity!.value).to.equal(85);
    expect((await store.search('Observation', { subject: 'Patient/green-1', count: 500 })).total).to.equal(14 * 4 + 1);
    await settled(el);
    expect(root(el).querySelector('form.add [role="status"]')!.textContent).to.include('Blodtrykk er lagret');
  });

  it('imports CSV as text and reports bad rows with their line numbers', async () => {
    const el = await dashboard(await demoStore());
    await ready(el);
    const csv = 'tid,måling,verdi\n2026-05-16T08:00,heartRate,75\n2026-05-16T08:00,heartRate,<b>x</b>\n2026-05-16T09:00,bloodPressure,130/85\n';
    expect(await el.importText(csv)).to.equal(2);
    await settled(el);
    const messages = [...root(el).querySelectorAll('[part="import"] li')].map((li) => li.textContent);
    expect(messages).to.deep.equal(['2 målinger er hentet inn.', 'Linje 3: verdien er ikke gyldig eller utenfor mulig område']);
    expect(root(el).querySelector('[part="import"] b')).to.be.null;
  });

  it('imports a FHIR Bundle and gives the clinician a summary Bundle', async () => {
    const store = await demoStore();
    const el = await dashboard(store, 'green-2', 'clinician');
    await ready(el);
    expect(root(el).querySelector('form.add')).to.be.null;
    const summary = oneEvent(el, 'hk-summary') as Promise<HkSummaryEvent>;
    root(el).querySelector<HTMLButtonElement>('[part="summary"] button')!.click();
    const { detail } = await summary;
    expect(detail.bundle.type).to.equal('collection');
    const kinds = detail.bundle.entry!.map((e) => (e.resource as { code: { text: string } }).code.text);
    expect(kinds).to.include('heartRate summary');
    await settled(el);
    expect(root(el).querySelector('[part="summary"] a[download]')).to.exist;
    await expectAccessible(el);
  });

  it('scores NEWS2 with the ACVPU, air/oxygen, Scale 2, age and pregnancy properties, and the plan\'s settings', async () => {
    const store = new MemoryStore();
    const at = NOW - 3_600_000;
    await add(store, 'n1', { kind: 'respiratoryRate', value: 18 }, at);
    await add(store, 'n1', { kind: 'spo2', value: 95 }, at);
    await add(store, 'n1', { kind: 'bloodPressure', systolic: 120, diastolic: 80 }, at);
    await add(store, 'n1', { kind: 'heartRate', value: 80 }, at);
    await add(store, 'n1', { kind: 'temperature', value: 37 }, at);
    const el = await fixtureInLang<HkMeasurementDashboard>(
      html`<hk-measurement-dashboard .store=${store} patient="n1" view="clinician" .now=${NOW}></hk-measurement-dashboard>`,
    );
    const news2 = () => root(el).querySelector('[part="news2"]')!.textContent!.replace(/\s+/g, ' ');
    await until(() => root(el).querySelector('[part="news2"]') !== null);
    expect(news2()).to.match(/Ufullstendig: 1 poeng så langt\. Mangler luft eller oksygen og bevissthet/);
    el.airOrOxygen = 'air';
    el.consciousness = { value: 'A', at: new Date(at).toISOString() };
    await settled(el);
    expect(news2()).to.include('1 poeng'); // SpO2 95 on Scale 1
    el.setAttribute('air-or-oxygen', 'oxygen');
    await settled(el);
    expect(news2()).to.include('3 poeng'); // + 2 for oxygen
    el.setAttribute('spo2-scale', '2');
    await settled(el);
    expect(news2()).to.match(/4 poeng.*SpO₂-skala 2/); // 95 % on oxygen on Scale 2 scores 2
    el.setAttribute('age-years', '15');
    await settled(el);
    expect(news2()).to.include('NEWS2 gjelder ikke under 16 år.');
    el.removeAttribute('age-years');
    el.toggleAttribute('pregnant', true);
    await settled(el);
    expect(news2()).to.include('NEWS2 gjelder ikke ved graviditet.');
    // Without properties, the plan's per-patient settings are used.
    el.removeAttribute('pregnant');
    el.pregnant = undefined;
    el.removeAttribute('spo2-scale');
    el.removeAttribute('air-or-oxygen');
    el.spo2Scale = undefined;
    el.airOrOxygen = undefined;
    el.plan = { ...el.plan, news2: { spo2Scale: 2, airOrOxygen: 'air' } };
    await settled(el);
    expect(news2()).to.match(/0 poeng.*SpO₂-skala 2/);
    await expectAccessible(el);
  });

  it('says "no limits set" once for a measurement the plan has no limits for', async () => {
    const store = new MemoryStore();
    await add(store, 'w1', { kind: 'weight', value: 80 }, NOW - DAY);
    const el = await dashboard(store, 'w1');
    await ready(el);
    const tile = [...root(el).querySelectorAll('[part="tile"]')].find((t) => t.textContent!.includes('Vekt'))!;
    expect(tile.textContent!.match(/Ingen grenser satt/g)?.length).to.equal(1);
  });

  it('follows the nearest lang', async () => {
    const el = await dashboard(await demoStore());
    await ready(el);
    expect(root(el).querySelector('h2')!.textContent).to.equal('Målinger');
    el.parentElement!.setAttribute('lang', 'en');
    await settled(el);
    expect(root(el).querySelector('h2')!.textContent).to.equal('Measurements');
    expect(root(el).querySelector('.chart-box')!.getAttribute('aria-label')).to.match(/chart from/);
    el.parentElement!.setAttribute('lang', 'nn');
    await settled(el);
    expect(root(el).querySelector('h2')!.textContent).to.equal('Målingar');
  });
});
