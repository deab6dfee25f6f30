/**
 * Every element on a host page with a strict CSP and Trusted Types (support/strict-csp.html), through its main
 * flow against a FHIR server on another origin (support/fake-fhir.ts): no policy violation, no request except to
 * the configured FHIR base, and nothing left in the browser's storage afterwards (issue 7, items 1, 4 and 5).
 */
import { expect } from '@open-wc/testing';
import type { FlowName } from './support/flows.js';
import { openHost, storageSnapshot, type Host } from './support/host.js';
import { documentedEvents } from './support/documented-events.js';

const components: Array<[string, FlowName]> = [
  ['hk-triage', 'triage'],
  ['hk-health-form', 'healthForm'],
  ['hk-measurement-dashboard', 'dashboard'],
  ['hk-clinic-worklist', 'worklist'],
];
const manifests = documentedEvents(['triage', 'health-form', 'measurement-dashboard']);

describe('the strict host page itself', () => {
  it('enforces its policy: an inline style attribute and an HTML string into innerHTML are reported', async function () {
    this.timeout(40000);
    const host = await openHost();
    try {
      const doc = host.win.document;
      expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).to.contain("require-trusted-types-for 'script'");
      // The page the test server sent has no inline script of its own (nothing the policy would have to allow).
      const served = await (await fetch(host.iframe.src)).text();
      expect(/<script(?![^>]*\bsrc=)[^>]*>/i.test(served), 'an inline <script> in the served page').to.be.false;
      const div = doc.createElement('div');
      doc.body.append(div);
      div.setAttribute('style', 'color: red');
      expect(() => {
        // eslint-disable-next-line no-restricted-syntax -- the point: the page's Trusted Types refuse a markup string
        div.innerHTML = '<b>x</b>';
      }).to.throw(/TrustedHTML/);
      await new Promise((r) => setTimeout(r, 50));
      const directives = host.violations().map((v) => v.directive);
      expect(directives).to.include('style-src-attr');
      expect(directives).to.include('require-trusted-types-for');
    } finally {
      host.close();
    }
  });
});

for (const [name, flow] of components) {
  describe(`<${name}> on a strict host page`, () => {
    let host: Host;
    let baseline: Awaited<ReturnType<typeof storageSnapshot>>;
    let result: string;

    before(async function () {
      this.timeout(60000);
      host = await openHost();
      baseline = await storageSnapshot(host.win);
      result = await host.win.hk!.run(flow);
      // Anything late (a draft timer, a poll) has its chance to misbehave before the checks.
      await new Promise((r) => setTimeout(r, 600));
    });
    after(() => host?.close());

    it('completes its main flow with zero CSP or Trusted Types violations', () => {
      expect(result).to.match(/^(done|submitted)$/);
      expect(host.violations(), JSON.stringify(host.violations(), null, 2)).to.deep.equal([]);
    });

    it('contacts only the configured FHIR base: no fonts, CDNs or beacons', () => {
      const { calls, fhirBase } = host.win.hk!;
      const fhirCalls = calls.filter((c) => c.kind === 'fetch' && (c.url === fhirBase || c.url.startsWith(`${fhirBase}/`)));
      expect(fhirCalls.length, 'requests to the FHIR base').to.be.greaterThan(0);
      expect(calls.filter((c) => !fhirCalls.includes(c)), 'requests elsewhere').to.deep.equal([]);
      // Everything the page loaded itself (modules, styles, fonts, images, beacons) came from the test server.
      const resources = host.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      expect(resources.length).to.be.greaterThan(0);
      const foreign = resources.filter((r) => new URL(r.name).origin !== location.origin).map((r) => `${r.initiatorType} ${r.name}`);
      expect(foreign).to.deep.equal([]);
      const kinds = new Set(resources.map((r) => r.initiatorType));
      for (const kind of ['css', 'link', 'img', 'beacon', 'other']) expect(kinds.has(kind), `a resource of type ${kind}`).to.be.false;
    });

    it('sends the host page only documented events, each with only documented detail fields', async () => {
      const documented = (await manifests).get(name)!;
      expect(documented, `events of <${name}> in custom-elements.json`).to.exist;
      const seen = host.win.hk!.seen;
      expect(seen.length).to.be.greaterThan(0);
      const problems: string[] = [];
      for (const event of seen) {
        // An element the page can see (a nested <hk-measurement-dashboard> in the worklist) answers for its own.
        const fields = (event.from === name ? documented : (await manifests).get(event.from))?.get(event.type);
        if (!fields) problems.push(`<${event.from}> sent ${event.type}, not documented for <${name}>`);
        else for (const key of event.detailKeys ?? []) if (!fields.has(key)) problems.push(`${event.type}: detail.${key} is not documented`);
      }
      expect(problems).to.deep.equal([]);
      // Answers leave only in the events documented to carry them.
      for (const event of seen.filter((e) => e.detailJson.includes(host.win.hk!.secret))) expect(event.type).to.equal('hk-submit');
    });

    it('leaves nothing in localStorage, sessionStorage, IndexedDB, Cache Storage or cookies', async () => {
      const after = await storageSnapshot(host.win);
      expect(after).to.deep.equal(baseline);
      expect(after.local).to.deep.equal([]);
      expect(after.session).to.deep.equal([]);
      expect(after.caches).to.deep.equal([]);
      expect(after.cookies).to.equal('');
      expect(after.indexedDB.filter((n) => /helsekit|hk-/i.test(n))).to.deep.equal([]);
    });
  });
}
