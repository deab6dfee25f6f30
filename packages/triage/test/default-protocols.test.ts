// The shipped protocols as the element loads them when the host sets none. Its own file (its own page), so that
// the list of requested modules is this file's alone: helpers.ts's shippedProtocols() would load them all.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import '@helsekit/triage/define';
import type { HkTriage } from '@helsekit/triage';
import { expectAccessible, fixtureInLang, settled } from '@helsekit/base/testing/index';

// chest-pain.json's first red flag, in bokmål.
const CHEST_PAIN_FIRST_RED_FLAG = 'Stråler smerten ut i armen, ryggen, halsen eller kjeven';
const root = (el: Element): ShadowRoot => el.shadowRoot!;
const requested = (): string[] => performance.getEntriesByType('resource').map((e) => e.name);
const protocolFiles = (): string[] => requested().filter((n) => /\/packages\/protocols\/src\/[^/]+\.json/.test(n)).map((n) => n.replace(/^.*\/src\/|\?.*$/g, ''));

async function until(check: () => boolean, what: string): Promise<void> {
  const end = performance.now() + 5000;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('<hk-triage> without protocols set by the host', () => {
  // First in this file: nothing has loaded a protocol yet.
  it('with protocol-id, loads only that protocol and shows its red flags', async () => {
    const el = await fixtureInLang<HkTriage>(html`<hk-triage protocol-id="fever-adult"></hk-triage>`, 'nb');
    // A quick load shows no "Laster …" (it would only flash): the loading text waits 300 ms.
    expect(el.matches(':state(loading)'), 'still loading the protocol').to.be.true;
    expect(root(el).textContent!.trim()).to.equal('');
    await until(() => el.matches(':state(redFlags)') && !el.matches(':state(loading)'), 'the red-flag screen');
    await settled(el);
    expect(root(el).querySelector('[part="red-flags"]'), 'red flags shown').to.exist;
    expect(protocolFiles()).to.deep.equal(['fever-adult.json']);
    expect(requested().some((n) => n.includes('/packages/protocols/src/index.ts')), 'the whole list is not requested').to.be.false;
    await expectAccessible(el);
  });

  it('without protocol-id, loads the whole list for the reason screen', async () => {
    const el = await fixtureInLang<HkTriage>(html`<hk-triage></hk-triage>`, 'nb');
    await until(() => el.matches(':state(choosingReason)') && !el.matches(':state(loading)'), 'the reason screen');
    await settled(el);
    expect(root(el).querySelectorAll('button[part="reason-button"]').length).to.equal(17);
  });

  it('says so when protocol-id names no shipped protocol', async () => {
    const el = await fixtureInLang<HkTriage>(html`<hk-triage protocol-id="no-such-protocol"></hk-triage>`, 'nb');
    await until(() => !el.matches(':state(loading)'), 'loading to end');
    await settled(el);
    expect(el.matches(':state(error)')).to.be.true;
    expect(root(el).querySelector('[part="heading"]')?.textContent).to.contain('kunne ikke vises');
  });

  it('loads again when protocol-id changes to one it has not loaded', async () => {
    const el = await fixtureInLang<HkTriage>(html`<hk-triage protocol-id="fever-adult"></hk-triage>`, 'nb');
    await until(() => el.matches(':state(redFlags)'), 'the red-flag screen');
    el.protocolId = 'chest-pain';
    const flags = (): string => root(el).querySelector('[part="red-flags"]')?.textContent ?? '';
    await until(() => flags().includes(CHEST_PAIN_FIRST_RED_FLAG), 'the chest-pain red flags');
    expect(protocolFiles()).to.include('chest-pain.json');
  });
});

// Last in this file: it loads every protocol.
describe('<hk-triage> with protocols set by the host', () => {
  it('shows the reason screen without a "Laster" flash while the screen loads', async () => {
    const { loadAllProtocols } = await import('@helsekit/protocols/load');
    const el = document.createElement('hk-triage');
    el.protocols = await loadAllProtocols();
    el.lang = 'nb';
    const texts: string[] = [];
    const seen = new MutationObserver(() => texts.push(root(el).textContent ?? ''));
    document.body.append(el);
    seen.observe(root(el), { subtree: true, childList: true, characterData: true });
    try {
      await until(() => root(el).querySelectorAll('button[part="reason-button"]').length === 17, 'the reason screen');
      expect(texts.some((t) => t.includes('Laster'))).to.be.false;
    } finally {
      seen.disconnect();
      el.remove();
    }
  });
});
