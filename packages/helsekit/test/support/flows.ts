/**
 * The main flow of every helsekit element, run inside the strict host page (strict-csp.html), in that page's
 * own realm: the elements are registered there, under its CSP. The test in the parent page calls
 * `window.hk.run(name)` and reads back what happened: the events the host page could see, and what was sent.
 * No test framework here (it would run under the policy too); each flow throws when a step is missing.
 */
import { calls, FHIR_BASE, seed } from './fake-fhir.js';
import '@helsekit/triage/define';
import '@helsekit/health-form/define';
import '@helsekit/measurement-dashboard/define';
import { fixtureProtocol } from '@helsekit/core/triage/triage.fixtures';
import { buildVitalSignObservation } from '@helsekit/core/measurements';
import type { HkTriage } from '@helsekit/triage';
import type { HkHealthForm } from '@helsekit/health-form';
import type { HkClinicWorklist, HkMeasurementDashboard } from '@helsekit/measurement-dashboard';
import type { HkNumberInput } from '@helsekit/base';
import { preConsultation } from '../../../health-form/test/fixtures.js';

export const NOW = Date.parse('2026-05-17T12:00:00Z');
const DAY = 86_400_000;
/** Typed into the health form: must leave only in hk-submit and the store call, never in another event. */
export const SECRET = 'Vondt-i-kneet-SECRET-5521';

/** An event a host page can see: dispatched on the element itself, or bubbling and composed out of it. */
export interface SeenEvent {
  type: string;
  from: string;
  detailKeys: string[] | null;
  detailJson: string;
}

const seen: SeenEvent[] = [];
const tops = new Set<Element>();
const dispatch = EventTarget.prototype.dispatchEvent;
EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event): boolean {
  if (!event.type.startsWith('hk') || !(this instanceof Element)) return dispatch.call(this, event);
  // What the host page sees: listeners on the element itself, or on the document for what bubbles out of it.
  let reached = tops.has(this);
  const mark = (e: Event) => {
    if (e === event) reached = true;
  };
  document.addEventListener(event.type, mark);
  try {
    return dispatch.call(this, event);
  } finally {
    document.removeEventListener(event.type, mark);
    if (reached) {
      const detail = (event as CustomEvent).detail as unknown;
      seen.push({
        type: event.type,
        from: this.localName,
        detailKeys: detail && typeof detail === 'object' ? Object.keys(detail) : null,
        detailJson: JSON.stringify(detail ?? null) ?? '',
      });
    }
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(check: () => T | null | undefined | false, what: string, timeoutMs = 8000): Promise<T> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function settled(el: Element): Promise<void> {
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  await sleep(0);
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
}

function mount<T extends HTMLElement>(tag: string, props: Record<string, unknown>): T {
  const el = document.createElement(tag) as T;
  Object.assign(el, props);
  tops.add(el);
  document.body.append(el);
  return el;
}

const shadow = (el: Element) => el.shadowRoot!;
const part = <T extends HTMLElement = HTMLElement>(el: Element, name: string) =>
  until(() => shadow(el).querySelector<T>(`[part~="${name}"]`), `[part~=${name}] in <${el.localName}>`);

// ---- <hk-triage> ----------------------------------------------------------------------------------------------

// Core's test fixture, not shipped clinical content: its questions are the element's concern here, not the wording.
async function triage(): Promise<string> {
  const el = mount<HkTriage>('hk-triage', { protocols: [fixtureProtocol()], fhirBase: FHIR_BASE, subject: { reference: 'Patient/p1' } });
  el.setAttribute('protocol-id', 'fixture');
  await settled(el);
  // Whom it is about, through the who-for screen (its styles and radios under the policy too).
  for (const value of ['self', '18-64-years', 'female', 'no']) {
    (await until(() => shadow(el).querySelector<HTMLInputElement>(`form.person input[value="${value}"]`), `who-for option ${value}`)).click();
    await settled(el);
  }
  (await part(el, 'next-button')).click();
  await until(() => el.matches(':state(redFlags)'), 'the red-flag screen');
  await settled(el);
  (await part(el, 'none-button')).click();
  await settled(el);
  // To e-consultation, an outcome the GP office receives.
  const walk: Array<[string, string | string[]]> = [['has-fever', 'no'], ['days', '5'], ['age', '30'], ['where', 'abroad'], ['symptoms', ['none']]];
  for (const [id, value] of walk) {
    const on = (await part(el, 'question')).dataset['question'];
    if (on !== id) throw new Error(`expected question ${id}, the screen shows ${on}`);
    const field = shadow(el).querySelector('[data-answer]')!;
    await (field as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    if (field.localName === 'hk-number-input') {
      const input = field.shadowRoot!.querySelector('input')!;
      input.value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    } else {
      for (const v of Array.isArray(value) ? value : [value]) {
        (await until(() => field.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${v}"]`), `option ${v}`)).click();
        await settled(el);
      }
    }
    await settled(el);
    (await part(el, 'next-button')).click();
    await settled(el);
    await settled(el);
  }
  await until(() => el.matches(':state(outcome)'), 'the outcome');
  (await part(el, 'handoff-button')).click();
  await until(() => el.matches(':state(done)'), 'the handoff to finish');
  return 'done';
}

// ---- <hk-health-form> -----------------------------------------------------------------------------------------

async function healthForm(): Promise<string> {
  seed(preConsultation());
  const el = mount<HkHealthForm>('hk-health-form', {
    fhirBase: FHIR_BASE,
    allowedFhirBases: [FHIR_BASE],
    questionnaireUrl: 'https://helsekit.test/Questionnaire/pre',
    subject: 'Patient/p1',
  });
  await until(() => el.step === 'filling', `the form (step ${el.step})`, 15000);
  await settled(el);
  const button = (text: string) =>
    until(() => [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim().startsWith(text)), `button ${text}`);
  const label = await until(() => [...shadow(el).querySelectorAll('label')].find((l) => l.textContent!.trim().startsWith('Hva gjelder timen?')), 'the first question');
  const input = shadow(el).getElementById(label.htmlFor) as HTMLInputElement;
  input.value = SECRET;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settled(el);
  // Wait for the draft (saved 400 ms after a change) to reach the server.
  await until(() => seen.some((e) => e.type === 'hk-draft-saved'), 'a saved draft');
  (await button('Neste')).click();
  await settled(el);
  (await button('Se over svarene')).click();
  await settled(el);
  (await button('Neste')).click();
  await until(() => el.step === 'consent', 'the consent step');
  await settled(el);
  shadow(el).querySelector<HTMLInputElement>('#consent-check')!.click();
  await settled(el);
  (await button('Send')).click();
  await until(() => el.step === 'submitted', `submitted (step ${el.step})`);
  await settled(el);
  return el.step;
}

// ---- <hk-measurement-dashboard> -------------------------------------------------------------------------------

function seedReadings(patient: string, pulse: number): void {
  for (let d = 6; d >= 0; d--) {
    const at = new Date(NOW - d * DAY - 3_600_000).toISOString();
    const subject = { reference: `Patient/${patient}` };
    seed(buildVitalSignObservation({ kind: 'heartRate', value: pulse }, { subject, effectiveDateTime: at }));
    seed(buildVitalSignObservation({ kind: 'bloodPressure', systolic: 124, diastolic: 80 }, { subject, effectiveDateTime: at }));
  }
}

async function dashboard(): Promise<string> {
  seedReadings('p1', 72);
  const el = mount<HkMeasurementDashboard>('hk-measurement-dashboard', { fhirBase: FHIR_BASE, allowedFhirBases: [FHIR_BASE], now: NOW });
  el.setAttribute('patient', 'p1');
  await until(() => shadow(el).querySelector('.chart-box') && shadow(el).querySelector('form.add'), 'charts and the add form');
  await settled(el);
  // The table view of the first chart, and back.
  shadow(el).querySelector<HTMLButtonElement>('section.card > button[aria-pressed]')!.click();
  await settled(el);
  // Typed as a person types: the primitives' own hk-change events fire (and must stop at the element).
  for (const [field, value] of [...shadow(el).querySelectorAll<HkNumberInput>('form.add hk-number-input')].map((f, i) => [f, i === 0 ? '128' : '82'] as const)) {
    await field.updateComplete;
    const input = field.shadowRoot!.querySelector('input')!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await settled(field);
  }
  const before = seen.filter((e) => e.type === 'hk-measurement-added').length;
  shadow(el).querySelector<HTMLButtonElement>('form.add button[type="submit"]')!.click();
  await until(() => seen.filter((e) => e.type === 'hk-measurement-added').length > before, 'hk-measurement-added');
  // The clinician's summary (a Blob URL for download: no request).
  el.view = 'clinician';
  await settled(el);
  (await until(() => shadow(el).querySelector<HTMLButtonElement>('[part="summary"] button'), 'the summary button')).click();
  await until(() => seen.some((e) => e.type === 'hk-summary'), 'hk-summary');
  await settled(el);
  return 'done';
}

// ---- <hk-clinic-worklist> -------------------------------------------------------------------------------------

async function worklist(): Promise<string> {
  seedReadings('w1', 70);
  seedReadings('w2', 140);
  const el = mount<HkClinicWorklist>('hk-clinic-worklist', {
    fhirBase: FHIR_BASE,
    allowedFhirBases: [FHIR_BASE],
    now: NOW,
    patients: [
      { reference: 'Patient/w1', display: 'Grete Grønn' },
      { reference: 'Patient/w2', display: 'Rolf Rød' },
    ],
    clinician: { reference: 'Practitioner/lise', display: 'Lege Lise Berg' },
  });
  await until(() => shadow(el).querySelectorAll('tbody tr').length === 2, 'two rows');
  await settled(el);
  const acknowledge = [...shadow(el).querySelectorAll<HTMLButtonElement>('tr[data-id="w2"] [part="actions"] button')].find((b) => /Marker som sett/.test(b.textContent!));
  if (!acknowledge) throw new Error('no "Marker som sett" button');
  acknowledge.click();
  await until(() => seen.some((e) => e.type === 'hk-alert-change'), 'hk-alert-change');
  await until(() => el.machine.snapshot.context.pending.length === 0, 'the Flag to be saved');
  await settled(el);
  (await until(() => shadow(el).querySelector<HTMLButtonElement>('tr[data-id="w1"] button.open'), 'the open button')).click();
  await settled(el);
  const dash = await until(() => shadow(el).querySelector('hk-measurement-dashboard'), 'the patient dashboard');
  await until(() => shadow(dash).querySelector('.chart-box'), 'the patient’s charts');
  await settled(dash);
  (await part(el, 'back-button')).click();
  await settled(el);
  return 'done';
}

const flows = { triage, healthForm, dashboard, worklist };
export type FlowName = keyof typeof flows;

export interface HostApi {
  run(name: FlowName): Promise<string>;
  seen: SeenEvent[];
  calls: typeof calls;
  fhirBase: string;
  secret: string;
}

(globalThis as unknown as { hk: HostApi }).hk = { run: (name) => flows[name](), seen, calls, fhirBase: FHIR_BASE, secret: SECRET };
