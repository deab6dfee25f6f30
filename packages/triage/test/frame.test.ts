import { expect } from '@open-wc/testing';
import type { TriageAnalytics } from '@helsekit/core/triage';
import type { Bundle } from 'fhir/r4';
import { embedTriage, FRAME_SANDBOX, type EmbeddedTriage } from '../src/frame/frame-host.js';
import { exactOrigin, isFrameMessage, isHostMessage, type FrameMessage } from '../src/frame/frame.contract.js';

const bundle: Bundle = { resourceType: 'Bundle', type: 'collection', entry: [] };
const analytics: TriageAnalytics = {
  kind: 'completed',
  protocolId: 'fever-adult',
  protocolVersion: '0.1.0',
  step: 'done',
  questionId: null,
  stepNumber: 4,
  disposition: 'self-care',
  decidedBy: 'rule',
  durationMs: 12000,
};

const validFrameMessages: FrameMessage[] = [
  { type: 'hk:ready', version: 1 },
  { type: 'hk:step-change', version: 1, step: 'redFlags', index: 1, total: 4 },
  { type: 'hk:complete', version: 1, disposition: 'gp-same-day', bundle },
  { type: 'hk:handoff', version: 1, disposition: 'e-consultation', bundle },
  { type: 'hk:analytics', version: 1, analytics },
  { type: 'hk:error', version: 1, reason: 'fhir-base-not-allowed', message: 'Ikke tillatt' },
  { type: 'hk:resize', version: 1, height: 640 },
];

describe('iframe contract validators', () => {
  it('accept every documented frame message', () => {
    for (const message of validFrameMessages) expect(isFrameMessage(message), message.type).to.be.true;
  });

  it('accept the documented host messages', () => {
    expect(isHostMessage({ type: 'hk:init', version: 1, config: {} })).to.be.true;
    expect(isHostMessage({ type: 'hk:init', version: 1, config: { protocolId: 'fever-adult', lang: 'nn' } })).to.be.true;
    expect(isHostMessage({ type: 'hk:restart', version: 1 })).to.be.true;
  });

  it('reject anything else', () => {
    const rejected: unknown[] = [
      null,
      undefined,
      'hk:ready',
      42,
      [],
      { type: 'hk:ready' },
      { type: 'hk:ready', version: 2 },
      { type: 'hk:ready', version: '1' },
      { type: 'hk:ready', version: 1, extra: true },
      { type: 'hk:unknown', version: 1 },
      { type: 'HK:READY', version: 1 },
      { type: 'hk:step-change', version: 1, step: 'nowhere', index: 1, total: 4 },
      { type: 'hk:step-change', version: 1, step: 'redFlags', index: -1, total: 4 },
      { type: 'hk:step-change', version: 1, step: 'redFlags', index: 1.5, total: 4 },
      { type: 'hk:step-change', version: 1, step: 'redFlags', index: 1 },
      { type: 'hk:complete', version: 1, disposition: 'call-999', bundle },
      { type: 'hk:complete', version: 1, disposition: 'self-care', bundle: { resourceType: 'Patient' } },
      { type: 'hk:complete', version: 1, disposition: 'self-care', bundle: [bundle] },
      { type: 'hk:complete', version: 1, disposition: 'self-care' },
      { type: 'hk:handoff', version: 1, disposition: 'self-care', bundle: null },
      { type: 'hk:analytics', version: 1, analytics: { ...analytics, answers: { fever: 'yes' } } },
      { type: 'hk:analytics', version: 1, analytics: { ...analytics, durationMs: Number.NaN } },
      { type: 'hk:analytics', version: 1, analytics: { ...analytics, step: 'somewhere' } },
      { type: 'hk:error', version: 1, reason: '', message: 'x' },
      { type: 'hk:error', version: 1, reason: 'x', message: 42 },
      { type: 'hk:resize', version: 1, height: Number.POSITIVE_INFINITY },
      { type: 'hk:resize', version: 1, height: -5 },
      { type: 'hk:resize', version: 1, height: 1e9 },
      { type: 'hk:resize', version: 1, height: '600' },
      // Host messages are not frame messages, and the other way round.
      { type: 'hk:init', version: 1, config: {} },
    ];
    for (const message of rejected) expect(isFrameMessage(message), JSON.stringify(message)).to.be.false;

    const rejectedHost: unknown[] = [
      { type: 'hk:init', version: 1 },
      { type: 'hk:init', version: 1, config: null },
      { type: 'hk:init', version: 1, config: { protocolId: 'fever-adult', fhirBase: 'https://evil.example/fhir' } },
      { type: 'hk:init', version: 1, config: { lang: 'de' } },
      { type: 'hk:init', version: 1, config: { protocolId: '../../x' } },
      { type: 'hk:init', version: 2, config: {} },
      { type: 'hk:restart', version: 1, now: true },
      { type: 'hk:ready', version: 1 },
      Object.assign(Object.create({ inherited: true }) as object, { type: 'hk:restart', version: 1 }),
    ];
    for (const message of rejectedHost) expect(isHostMessage(message), JSON.stringify(message)).to.be.false;
  });

  it('only take exact http(s) origins', () => {
    expect(exactOrigin('https://legevakt.example.no')).to.equal('https://legevakt.example.no');
    expect(exactOrigin('http://127.0.0.1:5173')).to.equal('http://127.0.0.1:5173');
    for (const bad of ['*', 'null', '', 'https://a.example/', 'https://a.example/path', 'javascript:alert(1)', 'file:///x', 'HTTPS://A.EXAMPLE', 42, null]) {
      expect(exactOrigin(bad), String(bad)).to.equal(null);
    }
  });
});

describe('embedTriage (host side)', () => {
  let container: HTMLElement;
  let embedded: EmbeddedTriage | undefined;
  const frameOrigin = location.origin;
  const src = `${location.origin}/packages/triage/test/no-such-frame-page.html`;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    embedded?.destroy();
    embedded = undefined;
    container.remove();
  });

  /** A message as the browser would deliver it; a script on the host page could forge one anyway. */
  const deliver = (data: unknown, origin: string, source: MessageEventSource | null) =>
    window.dispatchEvent(new MessageEvent('message', { data, origin, source }));

  it('creates a titled, sandboxed iframe without referrer, with the parent origin in its URL', () => {
    embedded = embedTriage(container, { src, frameOrigin, title: 'Hva gjelder det?' });
    const { iframe } = embedded;
    expect(iframe.parentElement).to.equal(container);
    expect(iframe.title).to.equal('Hva gjelder det?');
    expect(iframe.getAttribute('sandbox')).to.equal(FRAME_SANDBOX);
    expect(iframe.getAttribute('sandbox')).to.include('allow-scripts allow-same-origin allow-forms');
    expect(iframe.referrerPolicy).to.equal('no-referrer');
    expect(new URL(iframe.src).searchParams.get('parent')).to.equal(location.origin);
    expect(iframe.hasAttribute('style')).to.be.false;
  });

  it('refuses a wildcard or mismatched frame origin', () => {
    expect(() => embedTriage(container, { src, frameOrigin: '*', title: 't' })).to.throw(TypeError);
    expect(() => embedTriage(container, { src, frameOrigin: 'null', title: 't' })).to.throw(TypeError);
    expect(() => embedTriage(container, { src, frameOrigin: 'https://other.example', title: 't' })).to.throw(TypeError);
    expect(container.querySelector('iframe')).to.equal(null);
  });

  it('answers hk:ready with hk:init to the exact frame origin, never "*"', () => {
    embedded = embedTriage(container, { src, frameOrigin, title: 't', protocolId: 'fever-adult', lang: 'nn' });
    const target = embedded.iframe.contentWindow!;
    const calls: unknown[][] = [];
    target.postMessage = ((...args: unknown[]) => calls.push(args)) as typeof target.postMessage;

    deliver({ type: 'hk:ready', version: 1 }, frameOrigin, target);
    embedded.restart();

    expect(calls).to.deep.equal([
      [{ type: 'hk:init', version: 1, config: { protocolId: 'fever-adult', lang: 'nn' } }, frameOrigin],
      [{ type: 'hk:restart', version: 1 }, frameOrigin],
    ]);
    for (const call of calls) expect(call[1]).to.not.equal('*');
  });

  it('ignores messages from another origin, another window, or of another shape', () => {
    const received: string[] = [];
    embedded = embedTriage(container, {
      src,
      frameOrigin,
      title: 't',
      onComplete: () => received.push('complete'),
      onStepChange: () => received.push('step'),
      onError: () => received.push('error'),
    });
    const { iframe } = embedded;
    const target = iframe.contentWindow!;
    const posted: unknown[] = [];
    target.postMessage = ((...args: unknown[]) => posted.push(args)) as typeof target.postMessage;
    const complete = { type: 'hk:complete', version: 1, disposition: 'self-care', bundle };

    deliver(complete, 'https://evil.example', target); // right window, wrong origin
    deliver(complete, frameOrigin, window); // right origin, wrong window
    deliver(complete, frameOrigin, null); // no window at all
    deliver({ ...complete, disposition: 'whatever' }, frameOrigin, target); // malformed
    deliver({ type: 'hk:step-change', version: 9, step: 'redFlags', index: 1, total: 3 }, frameOrigin, target); // unknown version
    deliver({ type: 'hk:ready', version: 1 }, 'https://evil.example', target); // a ready that would get the config
    deliver({ type: 'hk:resize', version: 1, height: 300 }, 'https://evil.example', target);
    expect(received).to.deep.equal([]);
    expect(posted).to.deep.equal([]);
    expect(iframe.hasAttribute('height')).to.be.false;

    deliver(complete, frameOrigin, target);
    deliver({ type: 'hk:step-change', version: 1, step: 'redFlags', index: 1, total: 3 }, frameOrigin, target);
    deliver({ type: 'hk:resize', version: 1, height: 412.3 }, frameOrigin, target);
    expect(received).to.deep.equal(['complete', 'step']);
    expect(iframe.getAttribute('height')).to.equal('413');
  });

  it('passes each documented message to its callback with the documented detail', () => {
    const seen: Array<[string, unknown]> = [];
    embedded = embedTriage(container, {
      src,
      frameOrigin,
      title: 't',
      onComplete: (d) => seen.push(['complete', d]),
      onHandoff: (d) => seen.push(['handoff', d]),
      onStepChange: (d) => seen.push(['step', d]),
      onAnalytics: (d) => seen.push(['analytics', d]),
      onError: (d) => seen.push(['error', d]),
    });
    const target = embedded.iframe.contentWindow!;
    target.postMessage = (() => undefined) as typeof target.postMessage;
    for (const message of validFrameMessages) deliver(message, frameOrigin, target);
    expect(seen.map(([name]) => name)).to.deep.equal(['step', 'complete', 'handoff', 'analytics', 'error']);
    expect(seen[0]![1]).to.deep.equal({ step: 'redFlags', index: 1, total: 4 });
    expect(seen[3]![1]).to.deep.equal(analytics);
    expect(seen[4]![1]).to.deep.equal({ reason: 'fhir-base-not-allowed', message: 'Ikke tillatt' });
  });

  it('stops listening and removes the iframe on destroy', () => {
    let completes = 0;
    embedded = embedTriage(container, { src, frameOrigin, title: 't', onComplete: () => completes++ });
    const target = embedded.iframe.contentWindow!;
    embedded.destroy();
    deliver({ type: 'hk:complete', version: 1, disposition: 'self-care', bundle }, frameOrigin, target);
    expect(completes).to.equal(0);
    expect(container.querySelector('iframe')).to.equal(null);
    embedded = undefined;
  });
});

describe('iframe mode round trip (same-origin test frame)', () => {
  let container: HTMLElement;
  let embedded: EmbeddedTriage | undefined;
  const originalPostMessage = window.postMessage;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    window.postMessage = originalPostMessage;
    embedded?.destroy();
    embedded = undefined;
    container.remove();
  });

  /** Polls until `check` returns a value (the frame works across tasks and frames). */
  async function until<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 8000): Promise<T> {
    const end = performance.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('readies, takes its configuration, runs the widget and reports back only to the parent origin', async function () {
    // The frame loads the element and its dependencies a second time, in its own realm: slow on a busy machine.
    this.timeout(40000);
    const steps: string[] = [];
    const errors: string[] = [];
    const completes: Array<{ disposition: string; bundle: Bundle }> = [];
    // Any same-origin document will do as the frame's page: the test puts the frame page's module into it, so the
    // frame runs mountTriageFrame() with ?parent= from its real URL.
    embedded = embedTriage(container, {
      src: `${location.origin}/packages/triage/test/__triage-frame__`,
      frameOrigin: location.origin,
      title: 'Legevakt: hva gjelder det?',
      protocolId: 'fixture',
      lang: 'nn',
      onStepChange: ({ step }) => steps.push(step),
      onComplete: (detail) => completes.push(detail),
      onError: ({ reason }) => errors.push(reason),
    });
    const { iframe } = embedded;
    await new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    const frameWindow = iframe.contentWindow as (Window & { __targets?: unknown[]; __result?: { ok: boolean; error?: string } }) | null;
    const frameDoc = iframe.contentDocument!;
    expect(new URL(frameDoc.location.href).searchParams.get('parent')).to.equal(location.origin);

    const script = frameDoc.createElement('script');
    script.type = 'module';
    // The spy is made inside the frame's realm, so the messages still come from the frame's window. The protocol
    // is core's test fixture, not shipped clinical content.
    script.textContent = `
      window.__targets = [];
      const post = parent.postMessage.bind(parent);
      parent.postMessage = (message, target) => { window.__targets.push(target); post(message, target); };
      try {
        const { fixtureProtocol } = await import('/packages/core/src/triage/triage.fixtures.ts');
        const { mountTriageFrame } = await import('/packages/triage/src/frame/frame-page.ts');
        window.__result = mountTriageFrame({ container: document.body, configure: (el) => { el.protocols = [fixtureProtocol()]; } });
      } catch (error) {
        window.__result = { ok: false, error: String(error) };
      }
    `;
    frameDoc.body.append(script);

    const result = await until(() => frameWindow?.__result, 'mountTriageFrame', 30000);
    expect(result, JSON.stringify(result)).to.include({ ok: true });
    const el = await until(() => frameDoc.querySelector('hk-triage'), '<hk-triage> in the frame');
    expect(el.getAttribute('protocol-id')).to.equal('fixture');
    expect(frameDoc.documentElement.lang).to.equal('nn');
    const shadow = el.shadowRoot!;

    // Whom it is about, answered in the frame as a person would: then the host's protocol starts.
    await until(() => steps.includes('choosingPerson'), 'hk:step-change choosingPerson');
    for (const value of ['self', '18-64-years', 'male']) {
      (await until(() => shadow.querySelector<HTMLInputElement>(`form.person input[value="${value}"]`), `the who-for option ${value}`)).click();
      await new Promise((r) => setTimeout(r, 20));
    }
    shadow.querySelector<HTMLButtonElement>('[part~="next-button"]')!.click();
    await until(() => steps.includes('redFlags'), 'hk:step-change redFlags');
    // The height follows the content: first the empty page, then the red-flag screen.
    await until(() => Number(iframe.getAttribute('height')) > 300, 'hk:resize to the red-flag screen');

    // A red flag ends at once in an outcome: the Bundle comes back through hk:complete.
    (await until(() => shadow.querySelector<HTMLInputElement>('input[name="red-flag"]'), 'a red-flag box')).click();
    await until(() => shadow.querySelector<HTMLButtonElement>('[part~="next-button"]'), 'the confirm button');
    await new Promise((r) => setTimeout(r, 50));
    shadow.querySelector<HTMLButtonElement>('[part~="next-button"]')!.click();
    await until(() => completes.length > 0, 'hk:complete');
    expect(completes[0]!.disposition).to.match(/^call-(113|116117)$/);
    expect(completes[0]!.bundle.resourceType).to.equal('Bundle');
    expect(steps).to.include('outcome');

    // hk:restart forgets the person's answers, the who-for ones too.
    embedded.restart();
    await until(() => steps.at(-1) === 'choosingPerson', 'the who-for screen after hk:restart');
    expect(errors).to.deep.equal([]);

    // Every message the frame sent went to the exact parent origin.
    const targets = frameWindow!.__targets!;
    expect(targets.length).to.be.greaterThan(4);
    for (const target of targets) expect(target).to.equal(location.origin);
  });
});
