// Issue 7, item 2 (measurements): every payload of the shared XSS corpus in what the dashboard and the worklist
// read from FHIR: Observation.note, code.text and display strings, units, performer names; patient and
// clinician names on the worklist; the author of a stored alert (Flag); a FHIR Bundle and CSV cells imported
// on the dashboard. Nothing may execute or appear as markup; names the elements show are shown literally.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { Flag, Observation } from 'fhir/r4';
import '@helsekit/measurement-dashboard/define';
import type { HkClinicWorklist, HkMeasurementDashboard } from '@helsekit/measurement-dashboard';
import { buildVitalSignObservation, WORKLIST_ALERT_SYSTEM } from '@helsekit/core/measurements';
import { MemoryStore } from '@helsekit/core/store';
import { fixtureInLang, settled } from '@helsekit/base/testing/index';
import { collapse, deepElements, deepText, resetXssCanary, XSS_CORPUS, xssCanaryFired, xssFindings } from '@helsekit/base/testing/xss-corpus';

/** Gives a late onerror/onload (an image that fails to load, a frame) time to fire, then checks the canary. */
async function canaryStaysUnset(): Promise<void> {
  await new Promise((r) => setTimeout(r, 30));
  expect(xssCanaryFired(), 'the canary fired').to.equal(false);
}

const NOW = Date.parse('2026-05-17T12:00:00Z');
const DAY = 86_400_000;
const root = (el: Element) => el.shadowRoot!;

async function until(check: () => boolean, what: string, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A reading whose every free text (note, code text and displays, unit, performer, method) is `payload`. */
function hostileObservation(patient: string, payload: string, kind: 'heartRate' | 'temperature', value: number, at: number): Observation {
  const o = buildVitalSignObservation({ kind, value }, { subject: { reference: `Patient/${patient}`, display: payload }, effectiveDateTime: new Date(at).toISOString() });
  return {
    ...o,
    note: [{ text: payload }, { text: payload, authorString: payload }],
    code: { ...o.code, text: payload, coding: o.code.coding!.map((c) => ({ ...c, display: payload })) },
    valueQuantity: { ...o.valueQuantity!, unit: payload },
    performer: [{ display: payload }],
    method: { text: payload },
    interpretation: [{ text: payload }],
    category: o.category!.map((c) => ({ ...c, text: payload })),
  };
}

async function seed(store: MemoryStore, patient: string, payload: string): Promise<void> {
  for (let d = 6; d >= 0; d--) {
    await store.put(hostileObservation(patient, payload, 'heartRate', d < 3 ? 140 : 72, NOW - d * DAY - 3_600_000));
    await store.put(hostileObservation(patient, payload, 'temperature', 37, NOW - d * DAY - 3_600_000));
  }
}

/** Tags the element renders for harmless data: its own chart may use `<svg>`, a payload may add nothing new. */
const tagsOf = (el: Element) => new Set(deepElements(root(el)).map((e) => e.localName));

function clean(el: Element, baseline: Set<string>, what: string): void {
  const extra = [...tagsOf(el)].filter((t) => !baseline.has(t));
  expect(extra, `${what}: elements not rendered for harmless data`).to.deep.equal([]);
  expect(xssFindings(root(el), [...baseline]), `${what}: markup from the payload in the shadow DOM`).to.deep.equal([]);
  expect(xssCanaryFired(), `${what}: the canary fired`).to.equal(false);
}

async function dashboard(store: MemoryStore, patient: string): Promise<HkMeasurementDashboard> {
  const el = await fixtureInLang<HkMeasurementDashboard>(
    html`<hk-measurement-dashboard patient=${patient} .store=${store} .now=${NOW}></hk-measurement-dashboard>`,
    'nb',
  );
  await until(() => el.matches(':state(ready)') || el.matches(':state(empty)') || !!root(el).querySelector('[part~="tile"]'), 'the dashboard');
  await settled(el);
  return el;
}

async function worklist(store: MemoryStore, payload: string): Promise<HkClinicWorklist> {
  const el = await fixtureInLang<HkClinicWorklist>(
    html`<hk-clinic-worklist
      .store=${store}
      .patients=${[{ reference: 'Patient/x1', display: payload }, { reference: 'Patient/x2', display: `${payload} 2` }]}
      .clinician=${{ reference: 'Practitioner/p', display: payload }}
      .now=${NOW}
    ></hk-clinic-worklist>`,
    'nb',
  );
  await until(() => root(el).querySelectorAll('tbody tr').length === 2, 'two worklist rows');
  await settled(el);
  return el;
}

describe('XSS corpus in <hk-measurement-dashboard> and <hk-clinic-worklist>', () => {
  let dashboardTags: Set<string>;
  let worklistTags: Set<string>;

  before(async () => {
    // Baselines: the same flows with harmless text.
    const store = new MemoryStore();
    await seed(store, 'x1', 'Vanlig tekst');
    await seed(store, 'x2', 'Vanlig tekst');
    const d = await dashboard(store, 'Patient/x1');
    dashboardTags = tagsOf(d);
    d.parentElement!.remove();
    const w = await worklist(store, 'Kari Nordmann');
    worklistTags = tagsOf(w);
    w.parentElement!.remove();
  });
  beforeEach(async () => {
    // A late error event from an earlier (failed) test must not be counted against this one.
    await new Promise((r) => setTimeout(r, 30));
    resetXssCanary();
  });

  for (const { id, payload } of XSS_CORPUS) {
    it(`${id}: Observation notes, displays and units on the dashboard; a Bundle and CSV import`, async () => {
      const store = new MemoryStore();
      await seed(store, 'x1', payload);
      const el = await dashboard(store, 'Patient/x1');
      clean(el, dashboardTags, 'dashboard');
      // Import: a Bundle whose Observations carry the payload, and a CSV whose cells are the payload.
      const bundle = {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [{ resource: hostileObservation('x1', payload, 'heartRate', 80, NOW - 600_000) }, { resource: { resourceType: 'Patient', name: [{ text: payload }] } }],
      };
      await el.importText(JSON.stringify(bundle));
      await settled(el);
      clean(el, dashboardTags, 'after a Bundle import');
      const quoted = `"${payload.replace(/"/g, '""')}"`;
      await el.importText(`time,kind,value\n${quoted},${quoted},${quoted}\n2026-05-17T10:00:00Z,heartRate,${quoted}\n2026-05-17T10:00:00Z,${quoted},70`);
      await settled(el);
      clean(el, dashboardTags, 'after a CSV import');
      el.parentElement!.remove();
      await canaryStaysUnset();
    });

    it(`${id}: patient, clinician and alert author names on the worklist are text`, async () => {
      const store = new MemoryStore();
      await seed(store, 'x1', payload);
      await seed(store, 'x2', payload);
      const flag: Flag = {
        resourceType: 'Flag',
        status: 'active',
        subject: { reference: 'Patient/x1', display: payload },
        code: { coding: [{ system: WORKLIST_ALERT_SYSTEM, code: 'acknowledged' }], text: payload },
        author: { display: payload },
        period: { start: new Date(NOW - 3_600_000).toISOString() },
      };
      await store.put(flag);
      const el = await worklist(store, payload);
      clean(el, worklistTags, 'worklist');
      const names = [...root(el).querySelectorAll('[part~="open-button"]')].map((b) => collapse(b.textContent ?? ''));
      expect(names, 'patient names shown literally').to.include(collapse(payload));
      expect(deepText(root(el))).to.contain(collapse(payload));
      // Open the patient in place: the dashboard inside shows the same name in its heading.
      (root(el).querySelector('[part~="open-button"]') as HTMLButtonElement).click();
      await settled(el);
      await new Promise((r) => setTimeout(r, 50));
      await settled(el);
      expect(xssFindings(root(el), [...dashboardTags, ...worklistTags]), 'opened patient').to.deep.equal([]);
      expect(xssCanaryFired()).to.equal(false);
      el.parentElement!.remove();
      await canaryStaysUnset();
    });
  }
});
