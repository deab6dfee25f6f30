/**
 * Registration on a page we do not own (issue 7, item 7): another helsekit version registered a tag first, then our
 * define modules run, then the umbrella's self-registering module is loaded twice. Nothing throws, one warning
 * names the clash, and the first registration is kept. This file imports no define module statically: the
 * order of registration is the test.
 */
import { expect } from '@open-wc/testing';
import type { HkHealthForm } from '@helsekit/health-form';

describe('loading helsekit twice, or next to another version', () => {
  const warnings: string[] = [];
  const errors: string[] = [];
  let warn: typeof console.warn;
  let error: typeof console.error;
  const pageErrors: string[] = [];
  const onError = (e: ErrorEvent | PromiseRejectionEvent) => pageErrors.push(String('reason' in e ? e.reason : e.message));

  before(() => {
    warn = console.warn;
    error = console.error;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
  });
  after(() => {
    console.warn = warn;
    console.error = error;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
  });

  it('keeps a tag another version registered, warns once, and throws nothing', async () => {
    class OtherHelsekitTriage extends HTMLElement {
      static version = '0.0.9';
    }
    customElements.define('hk-triage', OtherHelsekitTriage);
    await import('@helsekit/triage/define');
    expect(customElements.get('hk-triage')).to.equal(OtherHelsekitTriage);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<hk-triage>').and.contain('0.0.9').and.contain('0.1.0');
  });

  it('the umbrella module loaded twice registers each element once, silently, and loads chunks on first sight', async () => {
    const form = document.createElement('hk-health-form');
    document.body.append(form);
    await import('helsekit/auto');
    // A second copy of the self-registering module (another URL: a second <script type="module"> from another path).
    await import(/* @vite-ignore */ `${new URL('../src/auto.ts', import.meta.url).pathname}?copy=2`);
    const end = performance.now() + 15000;
    while (!customElements.get('hk-health-form') || !customElements.get('hk-measurement-dashboard')) {
      if (customElements.get('hk-health-form') && !document.querySelector('hk-measurement-dashboard')) document.body.append(document.createElement('hk-measurement-dashboard'));
      if (performance.now() > end) throw new Error('the umbrella did not register the elements on the page');
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(customElements.get('hk-triage')!.name).to.equal('OtherHelsekitTriage');
    // The same version again, from another copy of the class: left alone without a word.
    const Registered = customElements.get('hk-health-form') as unknown as typeof HkHealthForm;
    class SameVersionCopy extends Registered {}
    expect(() => SameVersionCopy.define('hk-health-form')).not.to.throw();
    expect(customElements.get('hk-health-form')).to.equal(Registered);
    expect(warnings, 'still only the one warning about the other version').to.have.length(1);
    expect(errors).to.deep.equal([]);
    expect(pageErrors).to.deep.equal([]);
    form.remove();
    document.querySelector('hk-measurement-dashboard')?.remove();
  });
});
