import { expect } from '@open-wc/testing';
import type { Bundle, BundleEntry } from 'fhir/r4';
import type { HkTriage, HkTriageCompleteEvent, HkTriageErrorEvent, HkTriageHandoffEvent, HkTriageStepChangeEvent } from '@helsekit/triage';
import { expectAccessible, settled } from '@helsekit/base/testing/index';
import { GENERAL_RED_FLAGS } from '@helsekit/core/triage/general-red-flags';
import { ADULT, answerAll, chooseReason, click, FIXTURE_PATHS, fixtureProtocol, part, testProtocols, text, tickRedFlag, triage as triageWith, until } from './helpers.js';

// About the element's events, not the shipped clinical content: the test protocols (helpers.ts).
const triage = (attrs: Parameters<typeof triageWith>[0] = {}) => triageWith({ protocols: testProtocols(), ...attrs });

const types = (bundle: Bundle) => (bundle.entry ?? []).map((e: BundleEntry) => e.resource!.resourceType);

/** Records every hk-* event the element sends. */
function record(el: HkTriage) {
  const events: Event[] = [];
  for (const type of ['hk-step-change', 'hk-complete', 'hk-handoff', 'hk-analytics', 'hk-error']) el.addEventListener(type, (e) => events.push(e));
  return {
    events,
    of: <T extends Event>(type: string) => events.filter((e) => e.type === type) as T[],
  };
}

/** The fixture protocol to e-consultation, a disposition the GP office receives. */
async function toEConsultation(el: HkTriage): Promise<void> {
  await click(el, 'none-button');
  await answerAll(el, FIXTURE_PATHS.eConsultation);
}

describe('<hk-triage> events', () => {
  it('hk-step-change on every screen, with the screen number and the path length', async () => {
    const el = await triage();
    const log = record(el);
    await chooseReason(el, 'Short (nb)');
    await click(el, 'none-button');
    await answerAll(el, [['cough', 'yes'], ['where', 'home']]);
    const steps = log.of<HkTriageStepChangeEvent>('hk-step-change').map((e) => e.detail);
    expect(steps).to.deep.equal([
      { step: 'redFlags', index: 1, total: 4 },
      { step: 'questions', index: 2, total: 4 },
      { step: 'questions', index: 3, total: 4 },
      { step: 'outcome', index: 4, total: 4 },
    ]);
    const event = log.of('hk-step-change')[0]!;
    expect(event.bubbles && event.composed && !event.cancelable).to.be.true;
  });

  it('hk-step-change for the who-for screen as it connects, then for the reason screen (index 0 on both)', async () => {
    const el = document.createElement('hk-triage');
    el.protocols = testProtocols();
    const log = record(el);
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(el.matches(':state(choosingPerson)')).to.be.true;
      for (const value of ['self', '65-plus-years', 'male']) {
        el.shadowRoot!.querySelector<HTMLInputElement>(`form.person input[value="${value}"]`)!.click();
        await settled(el);
      }
      await click(el, 'next-button');
      expect(el.matches(':state(choosingReason)')).to.be.true;
      expect(log.of<HkTriageStepChangeEvent>('hk-step-change').map((e) => e.detail)).to.deep.equal([
        { step: 'choosingPerson', index: 0, total: 0 },
        { step: 'choosingReason', index: 0, total: 0 },
      ]);
      await click(el, 'back-button');
      expect(el.matches(':state(choosingPerson)')).to.be.true;
      expect(log.of<HkTriageStepChangeEvent>('hk-step-change').at(-1)!.detail).to.deep.equal({ step: 'choosingPerson', index: 0, total: 0 });
    } finally {
      el.remove();
    }
  });

  it('with protocol-id, hk-step-change for the red-flag screen comes as it connects, and a red flag ticked at once still ends in 113', async () => {
    // The first screen is painted before the flow's actor is built (it is built on the first answer or when the
    // browser is idle); nothing of that may show: the event comes as before, and the first click is answered.
    const el = document.createElement('hk-triage');
    el.protocols = [fixtureProtocol()];
    el.protocolId = 'fixture';
    el.person = ADULT;
    const log = record(el);
    document.body.append(el);
    try {
      // The red flags, the fixture's five questions on the path (temp waits for a fever) and the outcome.
      expect(log.of<HkTriageStepChangeEvent>('hk-step-change').map((e) => e.detail)).to.deep.equal([{ step: 'redFlags', index: 1, total: 7 }]);
      await el.updateComplete;
      expect(el.matches(':state(redFlags)')).to.be.true;
      await tickRedFlag(el, GENERAL_RED_FLAGS[0]!.id);
      await click(el, 'next-button');
      expect(el.matches(':state(outcome)')).to.be.true;
      expect(part<HTMLAnchorElement>(el, 'call-link')!.getAttribute('href')).to.equal('tel:113');
      await until(() => log.of('hk-complete').length === 1, 'hk-complete');
      expect(log.of<HkTriageCompleteEvent>('hk-complete')[0]!.detail.disposition).to.equal('call-113');
      await expectAccessible(el);
    } finally {
      el.remove();
    }
  });

  it('hk-complete with a Bundle: QuestionnaireResponse, disposition Observation and a ServiceRequest', async () => {
    const el = await triage({ protocolId: 'fixture' });
    const log = record(el);
    await toEConsultation(el);
    const [complete] = log.of<HkTriageCompleteEvent>('hk-complete');
    expect(complete!.detail.disposition).to.equal('e-consultation');
    const bundle = complete!.detail.bundle;
    expect(bundle.resourceType).to.equal('Bundle');
    expect(bundle.type).to.equal('collection');
    expect(types(bundle)).to.include.members(['QuestionnaireResponse', 'Observation', 'ServiceRequest']);
    const disposition = bundle.entry!.find((e) => e.resource!.resourceType === 'Observation' && JSON.stringify(e.resource).includes('triage-disposition'));
    expect(disposition).to.exist;
  });

  it('hk-complete for self-care carries a CarePlan and no ServiceRequest', async () => {
    const el = await triage({ protocolId: 'fixture' });
    const log = record(el);
    await click(el, 'none-button');
    await answerAll(el, FIXTURE_PATHS.selfCare);
    const bundle = log.of<HkTriageCompleteEvent>('hk-complete')[0]!.detail.bundle;
    expect(types(bundle)).to.include('CarePlan');
    expect(types(bundle)).to.not.include('ServiceRequest');
  });

  it('hk-analytics has no answers: only protocol, step, disposition, what decided it, and time', async () => {
    const el = await triage({ protocolId: 'fixture' });
    const log = record(el);
    await toEConsultation(el);
    const [analytics] = log.of<CustomEvent>('hk-analytics');
    const detail = analytics!.detail as Record<string, unknown>;
    expect(Object.keys(detail).sort()).to.deep.equal(
      ['decidedBy', 'disposition', 'durationMs', 'kind', 'protocolId', 'protocolVersion', 'questionId', 'step', 'stepNumber'].sort(),
    );
    expect(detail['kind']).to.equal('completed');
    expect(detail['disposition']).to.equal('e-consultation');
    const json = JSON.stringify(detail);
    for (const answer of ['abroad', '"no"', '"yes"', '"none"', 'has-fever', 'symptoms']) expect(json).to.not.contain(answer);
  });

  it('sends hk-analytics "abandoned" with the step reached when the page is left mid-way', async () => {
    const el = await triage({ protocolId: 'fixture' });
    const log = record(el);
    await click(el, 'none-button');
    window.dispatchEvent(new Event('pagehide'));
    const [analytics] = log.of<CustomEvent>('hk-analytics');
    expect(analytics!.detail).to.include({ kind: 'abandoned', step: 'questions', questionId: 'has-fever', protocolId: 'fixture', stepNumber: 2 });
  });

  it('hk-handoff is cancelable: the host takes over and the element posts nothing', async () => {
    const el = await triage({ protocolId: 'fixture' });
    const calls: unknown[] = [];
    el.fhirBase = 'http://127.0.0.1:9/fhir/R4';
    el.fetch = (async (...args: unknown[]) => {
      calls.push(args);
      return new Response('{}');
    }) as typeof fetch;
    const log = record(el);
    el.addEventListener('hk-handoff', (e) => e.preventDefault());
    await toEConsultation(el);
    expect(text(el, 'handoff-button')).to.equal('Send e-konsultasjon');
    await click(el, 'handoff-button');
    const [handoff] = log.of<HkTriageHandoffEvent>('hk-handoff');
    expect(handoff!.cancelable).to.be.true;
    expect(handoff!.defaultPrevented).to.be.true;
    expect(handoff!.detail.disposition).to.equal('e-consultation');
    expect(handoff!.detail.bundle.type).to.equal('transaction');
    expect(types(handoff!.detail.bundle)).to.include('Task');
    await settled(el);
    expect(calls).to.deep.equal([]);
    expect(el.matches(':state(done)')).to.be.true;
    expect(text(el, 'notices')).to.contain('Nettsiden tar deg videre herfra.');
    await expectAccessible(el);
  });

  it('without fhir-base and a host that takes over, the person is told that nothing was sent, and may start again', async () => {
    const el = await triage({ protocolId: 'fixture' });
    const log = record(el);
    await toEConsultation(el);
    await click(el, 'handoff-button');
    await until(() => el.matches(':state(done)'), 'done');
    await settled(el);
    expect(log.of('hk-handoff')).to.have.length(1);
    expect(text(el, 'notices')).to.contain('Ingenting er sendt');
    expect(text(el, 'notices')).not.to.contain('er sendt til legekontoret');
    await expectAccessible(el);
    await click(el, 'restart-button');
    expect(el.matches(':state(redFlags)'), 'back to the host’s protocol').to.be.true;
    expect(log.of<HkTriageStepChangeEvent>('hk-step-change').at(-1)!.detail).to.deep.equal({ step: 'redFlags', index: 1, total: 7 });
  });

  it('shows the GP office phone with a same-day outcome', async () => {
    const el = await triage({ protocolId: 'fixture' });
    el.gpOffice = { name: 'Testbyen legekontor', phone: '22 33 44 55', reference: 'Organization/gp-1' };
    await settled(el);
    await click(el, 'none-button');
    await answerAll(el, FIXTURE_PATHS.gpSameDay);
    expect(text(el, 'heading')).to.equal('Kontakt fastlegekontoret i dag');
    const link = part<HTMLAnchorElement>(el, 'what-next')!.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('tel:22334455');
    expect(link.textContent).to.equal('Ring Testbyen legekontor: 22 33 44 55');
  });
});

describe('<hk-triage> FHIR handoff', () => {
  const BASE = 'http://127.0.0.1:9/fhir/R4';

  function stub(responses: Response[]) {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const fn = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return responses.shift() ?? new Response('', { status: 500 });
    }) as unknown as typeof fetch;
    return { calls, fn };
  }

  it('posts the transaction (with the Task for the GP office inbox) to fhir-base, with the host’s token', async () => {
    const el = await triage({ protocolId: 'fixture' });
    const { calls, fn } = stub([
      new Response(JSON.stringify({ resourceType: 'Bundle', type: 'transaction-response', entry: [] }), { status: 200, headers: { 'Content-Type': 'application/fhir+json' } }),
    ]);
    Object.assign(el, {
      fhirBase: BASE,
      fetch: fn,
      getAccessToken: async () => 'token-1',
      gpOffice: { name: 'Testbyen legekontor', reference: 'Organization/gp-1' },
      subject: { reference: 'Patient/p-1' },
    });
    await settled(el);
    await toEConsultation(el);
    await click(el, 'handoff-button');
    await until(() => el.matches(':state(done)'), 'the handoff to finish');
    expect(calls).to.have.length(1);
    expect(calls[0]!.url).to.equal(BASE);
    expect(calls[0]!.init.method).to.equal('POST');
    expect(new Headers(calls[0]!.init.headers).get('Authorization')).to.equal('Bearer token-1');
    const posted = JSON.parse(String(calls[0]!.init.body)) as Bundle;
    expect(posted.type).to.equal('transaction');
    const task = posted.entry!.find((e) => e.resource!.resourceType === 'Task')!.resource as { owner?: { reference?: string }; for?: { reference?: string } };
    expect(task.owner?.reference).to.equal('Organization/gp-1');
    expect(task.for?.reference).to.equal('Patient/p-1');
    expect(el.matches(':state(done)')).to.be.true;
  });

  it('a refusal is hk-error fhir-refused, the person is told, and may try again', async () => {
    const el = await triage({ protocolId: 'fixture' });
    const outcome = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden', details: { text: 'no' } }] };
    const { calls, fn } = stub([new Response(JSON.stringify(outcome), { status: 403 }), new Response('', { status: 500 })]);
    Object.assign(el, { fhirBase: BASE, fetch: fn });
    const errors: Array<HkTriageErrorEvent['detail']> = [];
    el.addEventListener('hk-error', (e) => errors.push((e as HkTriageErrorEvent).detail));
    await toEConsultation(el);
    await click(el, 'handoff-button');
    await until(() => errors.length > 0, 'hk-error');
    await settled(el);
    expect(errors.map((e) => e.reason)).to.deep.equal(['fhir-refused']);
    expect(el.matches(':state(handoff)')).to.be.true;
    expect(text(el, 'notices')).to.contain('Vi fikk ikke sendt til legekontoret');
    await expectAccessible(el);
    // Retry: a server error this time, never retried by the store itself.
    await click(el, 'handoff-button');
    await until(() => errors.length > 1, 'a second hk-error');
    expect(errors.map((e) => e.reason)).to.deep.equal(['fhir-refused', 'fhir-failed']);
    expect(calls).to.have.length(2);
  });

  it('refuses a FHIR base outside the allowlist without any request', async () => {
    const el = await triage({ protocolId: 'fixture' });
    const { calls, fn } = stub([]);
    Object.assign(el, { fhirBase: 'https://evil.example/fhir', allowedFhirBases: ['https://fhir.example.no/R4'], fetch: fn });
    const errors: string[] = [];
    el.addEventListener('hk-error', (e) => errors.push((e as HkTriageErrorEvent).detail.reason));
    await toEConsultation(el);
    await click(el, 'handoff-button');
    await until(() => errors.length > 0, 'hk-error');
    expect(errors).to.deep.equal(['fhir-refused']);
    expect(calls).to.have.length(0);
  });
});
