import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import { HkElement, LocalizeController } from '@helsekit/base';
import { catalogs, commonCatalogsOnDemand, type CatalogsOnDemand, type CommonMessages } from '@helsekit/core';
import { fixtureInLang, settled } from '@helsekit/base/testing/index';

class TestLocalized extends HkElement {
  localize = new LocalizeController(this, commonCatalogsOnDemand);
  override render() {
    const { t, format } = this.localize;
    return html`<span id="word">${t.dontKnow}</span> <span id="date">${format.date(new Date(2026, 4, 17))}</span>
      <span id="long">${format.date(new Date(2026, 4, 17), 'long')}</span> <span id="number">${format.number(37.5)}</span>`;
  }
}
customElements.define('test-localized', TestLocalized);

class TestOuter extends HkElement {
  override render() {
    return html`<test-localized></test-localized>`;
  }
}
customElements.define('test-outer', TestOuter);

// Catalogs whose nynorsk arrives when the test says so, and whose Sami never does.
let deliverNynorsk: () => void = () => {};
const slowCatalogs: CatalogsOnDemand<CommonMessages> = {
  'nb-NO': catalogs['nb-NO'],
  'nn-NO': () => new Promise((resolve) => (deliverNynorsk = () => resolve(catalogs['nn-NO']))),
  'en-GB': async () => catalogs['en-GB'],
  'se-NO': () => Promise.reject(new Error('offline')),
};
class TestSlow extends HkElement {
  localize = new LocalizeController(this, slowCatalogs);
  override render() {
    return html`<span id="word">${this.localize.t.dontKnow}</span>`;
  }
}
customElements.define('test-slow', TestSlow);

const text = (el: Element, id: string) => el.shadowRoot!.getElementById(id)!.textContent;

describe('LocalizeController', () => {
  it('follows the nearest lang and re-renders when an ancestor changes it', async () => {
    const el = await fixtureInLang<TestLocalized>(html`<test-localized></test-localized>`, 'nb');
    expect(text(el, 'word')).to.equal('Vet ikke');
    el.parentElement!.setAttribute('lang', 'nn');
    await settled(el);
    expect(text(el, 'word')).to.equal('Veit ikkje');
    el.parentElement!.setAttribute('lang', 'en-GB');
    await settled(el);
    expect(text(el, 'word')).to.equal("Don't know");
    el.parentElement!.setAttribute('lang', 'se');
    await settled(el);
    expect(text(el, 'word')).to.equal('In dieđe');
  });

  it("prefers the element's own lang over an ancestor's", async () => {
    const el = await fixtureInLang<TestLocalized>(html`<test-localized lang="en"></test-localized>`, 'nn');
    expect(text(el, 'word')).to.equal("Don't know");
    el.removeAttribute('lang');
    await settled(el);
    expect(text(el, 'word')).to.equal('Veit ikkje');
  });

  it('crosses shadow roots: an element inside another component follows the page', async () => {
    const outer = await fixtureInLang<TestOuter>(html`<test-outer></test-outer>`, 'nn');
    const inner = outer.shadowRoot!.querySelector('test-localized')!;
    await settled(inner);
    expect(text(inner, 'word')).to.equal('Veit ikkje');
    outer.parentElement!.setAttribute('lang', 'en');
    await settled(inner);
    expect(text(inner, 'word')).to.equal("Don't know");
  });

  for (const lang of ['nn', 'se']) {
    it(`does not format ${lang} dates and numbers in English`, async () => {
      const el = await fixtureInLang<TestLocalized>(html`<test-localized></test-localized>`, lang);
      expect(text(el, 'date')).to.equal('17.05.2026');
      expect(text(el, 'number')).to.equal('37,5');
      expect(text(el, 'long')).to.match(/17\. mai 2026/);
    });
  }

  it('renders nothing until the catalog of its language has loaded: never a screen in the wrong language', async () => {
    const holder = document.createElement('div');
    holder.setAttribute('lang', 'nn');
    const el = document.createElement('test-slow') as TestSlow;
    holder.append(el);
    document.body.append(holder);
    try {
      let settledYet = false;
      void el.updateComplete.then(() => (settledYet = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(el.shadowRoot?.getElementById('word') ?? null, 'nothing rendered in bokmål meanwhile').to.equal(null);
      expect(settledYet, 'updateComplete waits for the catalog').to.be.false;
      deliverNynorsk();
      await el.updateComplete;
      expect(text(el, 'word')).to.equal('Veit ikkje');
    } finally {
      holder.remove();
    }
  });

  it('falls back to bokmål when a catalog cannot be loaded', async () => {
    const el = await fixtureInLang<TestSlow>(html`<test-slow></test-slow>`, 'se');
    expect(text(el, 'word')).to.equal('Vet ikke');
  });

  it('reads a page without any lang as bokmål', async () => {
    const html_ = document.documentElement;
    const saved = html_.getAttribute('lang');
    html_.removeAttribute('lang');
    try {
      const el = await fixture<TestLocalized>(html`<test-localized></test-localized>`);
      expect(text(el, 'word')).to.equal('Vet ikke');
    } finally {
      if (saved) html_.setAttribute('lang', saved);
    }
  });
});
