import { expect, oneEvent } from '@open-wc/testing';
import { html } from 'lit';
import '@helsekit/base/define';
import type { HkChangeEvent, HkChoiceGroup, HkDateInput, HkNumberInput, HkYesNo } from '@helsekit/base';
import { deepActiveElement, expectAccessible, fixtureInLang, press, settled, tab, type } from '@helsekit/base/testing/index';

const options = [
  { value: 'fever', label: 'Feber' },
  { value: 'cough', label: 'Hoste', hint: 'Også tørrhoste' },
  { value: 'rash', label: 'Utslett' },
];

const shadow = (el: Element) => el.shadowRoot!;
const errorText = (el: Element) => shadow(el).querySelector('[part="error"]')!.textContent!.trim();

/** Focus an element's first input by keyboard, from a button placed before it. */
async function tabInto(el: Element): Promise<void> {
  const before = document.createElement('button');
  before.textContent = 'before';
  el.before(before);
  before.focus();
  await tab();
}

describe('<hk-choice-group>', () => {
  it('is accessible empty, with an error, and answered', async () => {
    const el = await fixtureInLang<HkChoiceGroup>(
      html`<hk-choice-group label="Hva plager deg?" hint="Velg det som passer best" .options=${options} required></hk-choice-group>`,
    );
    await expectAccessible(el);
    expect(el.validate()).to.be.false;
    await settled(el);
    expect(errorText(el)).to.equal('Feil: Velg et svar.');
    expect(shadow(el).querySelector('fieldset')!.getAttribute('aria-describedby')).to.equal('hint error');
    expect(shadow(el).querySelector('input')!.getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el);
    el.value = 'cough';
    await settled(el);
    expect(el.validate()).to.be.true;
    await settled(el);
    await expectAccessible(el);
  });

  it('labels its inputs in its own root, with the legend as the question', async () => {
    const el = await fixtureInLang<HkChoiceGroup>(html`<hk-choice-group label="Hva plager deg?" .options=${options}></hk-choice-group>`);
    const inputs = [...shadow(el).querySelectorAll('input')];
    expect(inputs.map((input) => input.labels![0]!.textContent!.trim())).to.deep.equal(['Feber', 'HosteOgså tørrhoste', 'Utslett']);
    expect(shadow(el).querySelector('legend')!.textContent).to.equal('Hva plager deg? (valgfritt)');
  });

  it('is answered by keyboard alone: Tab in, arrows to choose', async () => {
    const el = await fixtureInLang<HkChoiceGroup>(html`<hk-choice-group label="Hva plager deg?" .options=${options}></hk-choice-group>`);
    await tabInto(el);
    expect((deepActiveElement() as HTMLInputElement).value).to.equal('fever');
    const changed = oneEvent(el, 'hk-change') as Promise<HkChangeEvent<string>>;
    await press('ArrowDown');
    expect((await changed).detail.value).to.equal('cough');
    expect(el.value).to.equal('cough');
  });

  it('collects several answers in option order with `multiple`', async () => {
    const el = await fixtureInLang<HkChoiceGroup>(html`<hk-choice-group label="Hva plager deg?" multiple .options=${options}></hk-choice-group>`);
    await tabInto(el);
    await tab(2);
    await press('Space');
    await shiftTabAndSpace();
    expect(el.value).to.deep.equal(['fever', 'rash']);
    await expectAccessible(el);

    async function shiftTabAndSpace() {
      await press('Shift+Tab', 2);
      await press('Space');
    }
  });

  it('shows its own error only after the person leaves the group', async () => {
    const el = await fixtureInLang<HkChoiceGroup>(html`<hk-choice-group label="Hva plager deg?" required .options=${options}></hk-choice-group>`);
    await tabInto(el);
    await settled(el);
    expect(errorText(el)).to.equal('');
    await tab();
    await settled(el);
    expect(errorText(el)).to.contain('Velg et svar.');
  });
});

describe('<hk-yes-no>', () => {
  it('offers yes, no and "vet ikke" in the page language', async () => {
    const el = await fixtureInLang<HkYesNo>(html`<hk-yes-no label="Har du feber?"></hk-yes-no>`, 'nn');
    const labels = [...shadow(el).querySelectorAll('label')].map((l) => l.textContent!.trim());
    expect(labels).to.deep.equal(['Ja', 'Nei', 'Veit ikkje']);
    await expectAccessible(el);
    el.parentElement!.setAttribute('lang', 'en');
    await settled(el);
    expect([...shadow(el).querySelectorAll('label')].map((l) => l.textContent!.trim())).to.deep.equal(['Yes', 'No', "Don't know"]);
  });

  it('answers "vet ikke" by keyboard', async () => {
    const el = await fixtureInLang<HkYesNo>(html`<hk-yes-no label="Har du feber?" required></hk-yes-no>`);
    await tabInto(el);
    await press('ArrowRight', 2);
    expect(el.value).to.equal('dont-know');
    el.validate();
    await settled(el);
    await expectAccessible(el);
  });

  it('can leave out "vet ikke"', async () => {
    const el = await fixtureInLang<HkYesNo>(html`<hk-yes-no label="Er du over 18 år?" without-dont-know></hk-yes-no>`);
    expect(shadow(el).querySelectorAll('input')).to.have.length(2);
  });
});

describe('<hk-number-input>', () => {
  const temperature = html`<hk-number-input
    label="Temperatur"
    unit="°C"
    unit-label="grader celsius"
    min="34"
    max="43"
    decimals="1"
    required
  ></hk-number-input>`;

  it('is accessible empty, with an error and filled, and states unit and range', async () => {
    const el = await fixtureInLang<HkNumberInput>(temperature);
    await expectAccessible(el);
    const input = shadow(el).querySelector('input')!;
    expect(input.getAttribute('aria-describedby')).to.equal('unit hint');
    expect(shadow(el).getElementById('hint')!.textContent).to.equal('Mellom 34 og 43 °C.');
    expect(input.getAttribute('inputmode')).to.equal('decimal');
    expect(el.validate()).to.be.false;
    await settled(el);
    expect(errorText(el)).to.equal('Feil: Du må svare på dette spørsmålet.');
    await expectAccessible(el);
  });

  it('takes a decimal comma typed by keyboard and reports the number', async () => {
    const el = await fixtureInLang<HkNumberInput>(temperature);
    await tabInto(el);
    await type('38,5');
    const changed = oneEvent(el, 'hk-change') as Promise<HkChangeEvent<number | null>>;
    await tab();
    expect((await changed).detail.value).to.equal(38.5);
    expect(el.value).to.equal(38.5);
    await settled(el);
    expect(errorText(el)).to.equal('');
    await expectAccessible(el);
  });

  it('says what is wrong with a value out of range, after blur', async () => {
    const el = await fixtureInLang<HkNumberInput>(temperature);
    await tabInto(el);
    await type('45');
    await settled(el);
    expect(errorText(el)).to.equal('');
    await tab();
    await settled(el);
    expect(errorText(el)).to.equal('Feil: Tallet må være 43 °C eller mindre.');
    expect(shadow(el).querySelector('input')!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.hasAttribute('invalid')).to.be.true;
    await expectAccessible(el);
  });

  it('keeps what was typed when it cannot be read, and says so', async () => {
    const el = await fixtureInLang<HkNumberInput>(temperature, 'en');
    await tabInto(el);
    await type('38,5,');
    await tab();
    await settled(el);
    expect(shadow(el).querySelector('input')!.value).to.equal('38,5,');
    expect(el.value).to.equal(null);
    expect(errorText(el)).to.equal('Error: Enter a number, for example 37.5.');
  });

  it('shows a value set by the host in the locale', async () => {
    const el = await fixtureInLang<HkNumberInput>(html`<hk-number-input label="Vekt" unit="kg" .value=${72.4}></hk-number-input>`, 'nn');
    expect(shadow(el).querySelector('input')!.value).to.equal('72,4');
  });

  it('shows an error set by the host at once', async () => {
    const el = await fixtureInLang<HkNumberInput>(html`<hk-number-input label="Vekt" error="Sjekk vekten"></hk-number-input>`);
    expect(errorText(el)).to.equal('Feil: Sjekk vekten');
    await expectAccessible(el);
  });
});

describe('<hk-date-input>', () => {
  it('is accessible empty, with an error and filled, one label per box', async () => {
    const el = await fixtureInLang<HkDateInput>(html`<hk-date-input label="Når begynte det?" max="2026-11-22" required></hk-date-input>`);
    await expectAccessible(el);
    expect([...shadow(el).querySelectorAll('input')].map((i) => i.labels![0]!.textContent)).to.deep.equal(['Dag', 'Måned', 'År']);
    expect(el.validate()).to.be.false;
    await settled(el);
    await expectAccessible(el);
  });

  it('is filled by keyboard and gives an ISO date', async () => {
    const el = await fixtureInLang<HkDateInput>(html`<hk-date-input label="Når begynte det?"></hk-date-input>`);
    await tabInto(el);
    await type('7');
    await tab();
    await type('5');
    await tab();
    await type('2026');
    const changed = oneEvent(el, 'hk-change') as Promise<HkChangeEvent<string | null>>;
    await tab();
    expect((await changed).detail.value).to.equal('2026-05-07');
    await settled(el);
    expect(errorText(el)).to.equal('');
  });

  it('rejects a date that does not exist, and one after the limit', async () => {
    const el = await fixtureInLang<HkDateInput>(html`<hk-date-input label="Når begynte det?" max="2026-11-22"></hk-date-input>`);
    el.value = '2026-02-30';
    await settled(el);
    el.validate();
    await settled(el);
    expect(errorText(el)).to.equal('Feil: Skriv en dato som finnes, som dag, måned og år.');
    el.value = '2026-12-01';
    await settled(el);
    expect(errorText(el)).to.equal('Feil: Datoen kan ikke være etter 22. november 2026.');
    await expectAccessible(el);
  });
});
