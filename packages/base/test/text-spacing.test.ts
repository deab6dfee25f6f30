// The text-spacing check itself: it must fail where text is lost, or the components' checks prove nothing.
import { expect, fixture } from '@open-wc/testing';
import { html, LitElement, css } from 'lit';
import { expectTextSpacingSafe } from '@helsekit/base/testing/index';

class TestTightBox extends LitElement {
  static override styles = css`
    .box { height: 1.2em; overflow: hidden; line-height: 1.2; }
    :host([roomy]) .box { height: auto; }
  `;
  override render() {
    return html`<p class="box">Har du smerter i brystet som har vart i mer enn 5 minutter?</p>`;
  }
}
customElements.define('test-tight-box', TestTightBox);

describe('expectTextSpacingSafe', () => {
  it('fails when a box of fixed height hides text once lines are 1.5 high', async () => {
    const el = await fixture<HTMLElement>(html`<div style="width: 320px"><test-tight-box></test-tight-box></div>`);
    const box = el.querySelector('test-tight-box') as HTMLElement;
    let error: Error | undefined;
    try {
      await expectTextSpacingSafe(box);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).to.contain('clips its text vertically');
    // And it undoes its metrics.
    expect(box.style.length).to.equal(0);
    expect(box.shadowRoot!.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r.cssText.includes('word-spacing')))).to.be.false;
  });

  it('passes when the box grows with its text', async () => {
    const el = await fixture<HTMLElement>(html`<div style="width: 320px"><test-tight-box roomy></test-tight-box></div>`);
    await expectTextSpacingSafe(el.querySelector('test-tight-box') as HTMLElement);
  });
});
