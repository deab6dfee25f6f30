// The shipped protocols as the element loads them when the host sets none. Its own file (its own page), so that
// the list of requested modules is this file's alone: helpers.ts's shippedProtocols() would load them all.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import '@helsekit/triage/define';
import type { HkTriage } from '@helsekit/triage';
import type { Protocol, TriagePerson } from '@helsekit/core/triage';
import { redFlagFits } from '@helsekit/core/triage/compile';
import { fitsAudience } from '@helsekit/core/triage/person';
import { expectAccessible, fixtureInLang, settled } from '@helsekit/base/testing/index';

/** The person the host names, so the who-for screen is skipped (helpers.ts's ADULT; that module loads every protocol). */
const ADULT: TriagePerson = { who: 'self', ageBand: '18-64-years', sex: 'female', pregnant: 'no' };
/** The reasons listed for the person: the protocols written for them, without "Noe annet" (a button of its own). */
const listedFor = (protocols: readonly Protocol[], person: TriagePerson): number => protocols.filter((p) => p.id !== 'other' && fitsAudience(p, person)).length;
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
    const el = await fixtureInLang<HkTriage>(html`<hk-triage protocol-id="fever-adult" .person=${ADULT}></hk-triage>`, 'nb');
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
    const el = await fixtureInLang<HkTriage>(html`<hk-triage .person=${ADULT}></hk-triage>`, 'nb');
    await until(() => el.matches(':state(choosingReason)') && !el.matches(':state(loading)'), 'the reason screen');
    await settled(el);
    const listed = listedFor(el.protocols, ADULT);
    expect(listed, 'protocols for an adult').to.be.greaterThan(10);
    expect(listed, 'some are not for an adult').to.be.lessThan(el.protocols.length);
    expect(root(el).querySelectorAll('button[part="reason-button"]').length).to.equal(listed);
    expect(root(el).querySelector('[part="other-button"]'), '"Noe annet"').to.exist;
  });

  it('without a person, asks whom it is about first, then lists the protocols for them', async () => {
    const el = await fixtureInLang<HkTriage>(html`<hk-triage></hk-triage>`, 'nb');
    await until(() => el.matches(':state(choosingPerson)') && !el.matches(':state(loading)'), 'the who-for screen');
    await settled(el);
    await expectAccessible(el);
    const child: TriagePerson = { who: 'other', ageBand: '1-4-years', sex: 'male' };
    for (const value of [child.who, child.ageBand, child.sex]) {
      root(el).querySelector<HTMLInputElement>(`form.person input[value="${value}"]`)!.click();
      await settled(el);
    }
    root(el).querySelector<HTMLButtonElement>('[part~="next-button"]')!.click();
    await until(() => el.matches(':state(choosingReason)') && root(el).querySelector('[part="reason-list"]') !== null, 'the reason screen');
    await settled(el);
    expect(root(el).querySelectorAll('button[part="reason-button"]').length).to.equal(listedFor(el.protocols, child));
    expect(listedFor(el.protocols, child)).to.be.lessThan(listedFor(el.protocols, ADULT));
  });

  it('says so when protocol-id names no shipped protocol', async () => {
    const el = await fixtureInLang<HkTriage>(html`<hk-triage protocol-id="no-such-protocol" .person=${ADULT}></hk-triage>`, 'nb');
    await until(() => !el.matches(':state(loading)'), 'loading to end');
    await settled(el);
    expect(el.matches(':state(error)')).to.be.true;
    expect(root(el).querySelector('[part="heading"]')?.textContent).to.contain('kunne ikke vises');
  });

  it('loads again when protocol-id changes to one it has not loaded', async () => {
    const el = await fixtureInLang<HkTriage>(html`<hk-triage protocol-id="fever-adult" .person=${ADULT}></hk-triage>`, 'nb');
    await until(() => el.matches(':state(redFlags)'), 'the red-flag screen');
    el.protocolId = 'chest-pain';
    await until(() => el.protocols.some((p) => p.id === 'chest-pain'), 'the chest-pain protocol');
    // chest-pain's own first red flag for this person, in bokmål.
    const first = el.protocols.find((p) => p.id === 'chest-pain')!.redFlags.find((f) => redFlagFits(f, [ADULT.ageBand]))!.text.nb;
    const flags = (): string => root(el).querySelector('[part="red-flags"]')?.textContent ?? '';
    await until(() => flags().includes(first), 'the chest-pain red flags');
    expect(protocolFiles()).to.include('chest-pain.json');
  });
});

// Last in this file: it loads every protocol.
describe('<hk-triage> with protocols set by the host', () => {
  it('shows the reason screen without a "Laster" flash while the screen loads', async () => {
    const { loadAllProtocols } = await import('@helsekit/protocols/load');
    const el = document.createElement('hk-triage');
    el.protocols = await loadAllProtocols();
    el.person = ADULT;
    el.lang = 'nb';
    const texts: string[] = [];
    const seen = new MutationObserver(() => texts.push(root(el).textContent ?? ''));
    document.body.append(el);
    seen.observe(root(el), { subtree: true, childList: true, characterData: true });
    try {
      await until(() => root(el).querySelectorAll('button[part="reason-button"]').length === listedFor(el.protocols, ADULT), 'the reason screen');
      expect(texts.some((t) => t.includes('Laster'))).to.be.false;
    } finally {
      seen.disconnect();
      el.remove();
    }
  });
});
