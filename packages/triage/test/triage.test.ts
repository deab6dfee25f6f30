import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { messages } from '@helsekit/core';
import type { Observation } from 'fhir/r4';
import type { HkTriage, HkTriageCompleteEvent } from '@helsekit/triage';
import { deepActiveElement, expectAccessible, expectTextSpacingSafe, fixtureInLang, press, settled, tab, type } from '@helsekit/base/testing/index';
import { answer, answerAll, chooseReason, click, field, focusBefore, headingHasFocus, part, root, text, tickRedFlag, triage } from './helpers.js';

describe('<hk-triage> accessibility in every state', () => {
  it('choosing a reason, with and without a search', async () => {
    const el = await triage();
    expect(el.matches(':state(choosingReason)')).to.be.true;
    expect(text(el, 'heading')).to.equal('Hva gjelder det?');
    await expectAccessible(el);
    const search = part<HTMLInputElement>(el, 'reason-search')!;
    search.value = 'vondt i brystet';
    search.dispatchEvent(new Event('input'));
    await settled(el);
    expect([...root(el).querySelectorAll('[part="reason-button"]')].map((b) => b.textContent!.trim())).to.deep.equal(['Smerter i brystet']);
    expect(text(el, 'reason-status')).to.equal('1 treff');
    search.value = 'zzz';
    search.dispatchEvent(new Event('input'));
    await settled(el);
    expect(text(el, 'reason-status')).to.equal('Ingen treff. Prøv et annet ord.');
    await expectAccessible(el);
  });

  it('the red-flag screen: the general 113 list first, then the protocol’s own, as one checkbox group', async () => {
    const el = await triage({ protocolId: 'fever-adult' });
    expect(el.matches(':state(redFlags)')).to.be.true;
    const boxes = [...root(el).querySelectorAll<HTMLInputElement>('[part="red-flags"] input[type="checkbox"]')];
    expect(boxes.map((b) => b.value).slice(0, 1)).to.deep.equal(['general-paralysis']);
    expect(boxes.map((b) => b.value)).to.include('fever-rash');
    expect(root(el).querySelector('[part="red-flags"] legend')!.textContent).to.equal('Har du noe av dette nå?');
    expect(text(el, 'none-button')).to.equal('Nei, ingenting av dette');
    await expectAccessible(el);
    // "Ja" with nothing ticked: an error, focus on the first box.
    await click(el, 'next-button');
    expect(text(el, 'error')).to.contain('Kryss av for det som gjelder');
    expect(root(el).activeElement).to.equal(boxes[0]);
    await expectAccessible(el);
  });

  it('a question, and a question with an error (Next without an answer moves focus to the field)', async () => {
    const el = await triage({ protocolId: 'fever-adult' });
    await click(el, 'none-button');
    expect(el.matches(':state(questions)')).to.be.true;
    expect(text(el, 'heading')).to.equal('Har du målt temperaturen med termometer?');
    expect(text(el, 'progress')).to.match(/2.*6|2.*7/);
    await expectAccessible(el);
    await click(el, 'next-button');
    const f = field(el);
    expect(f.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('Velg et svar');
    expect(deepActiveElement()).to.equal(f.shadowRoot!.querySelector('input'));
    await expectAccessible(el);
    // A number out of range shows the primitive's error and does not move on.
    await answer(el, 'yes');
    await answer(el, '50');
    expect(part(el, 'question')!.dataset['question']).to.equal('temperature');
    expect(field(el).shadowRoot!.querySelector('[part="error"]')!.textContent).to.match(/43/);
    await expectAccessible(el);
  });

  const outcomes: Array<[string, string, (el: HkTriage) => Promise<void>, string]> = [
    ['call-113', 'fever-adult', (el) => tickRedFlag(el, 'general-speech').then(() => click(el, 'next-button')), 'Ring 113 nå'],
    ['call-116117', 'fever-adult', (el) => click(el, 'none-button').then(() => answerAll(el, [['measured', 'yes'], ['temperature', '40,2'], ['fever-days', '1'], ['weak-immune', 'no'], ['drinking', 'yes'], ['symptoms', ['none']]])), 'Ring legevakten på 116117 nå'],
    ['gp-same-day', 'fever-adult', (el) => click(el, 'none-button').then(() => answerAll(el, [['measured', 'no'], ['fever-days', '4'], ['weak-immune', 'no'], ['drinking', 'yes'], ['symptoms', ['cough']]])), 'Kontakt fastlegekontoret i dag'],
    ['gp-appointment', 'chest-pain', (el) => click(el, 'none-button').then(() => answerAll(el, [['last-pain', 'over-72h'], ['heart-disease', 'no'], ['exertion', 'no'], ['injury', 'no']])), 'Bestill en vanlig time hos fastlegen'],
    ['e-consultation', 'prescription-renewal', (el) => click(el, 'none-button').then(() => answerAll(el, [['regular-medicine', 'no'], ['new-problems', 'no'], ['habit-forming', 'no'], ['last-review', 'within-12-months']])), 'Send en e-konsultasjon til fastlegen'],
    ['self-care', 'fever-adult', (el) => click(el, 'none-button').then(() => answerAll(el, [['measured', 'yes'], ['temperature', '38,5'], ['fever-days', '1'], ['weak-immune', 'no'], ['drinking', 'yes'], ['symptoms', ['none']]])), 'Du kan trolig ta deg av dette selv'],
    ['admin-service', 'prescription-renewal', (el) => click(el, 'none-button').then(() => answerAll(el, [['regular-medicine', 'yes'], ['new-problems', 'no'], ['habit-forming', 'no'], ['last-review', 'within-12-months']])), 'Send en forespørsel til legekontoret'],
  ];
  for (const [disposition, protocolId, walk, title] of outcomes) {
    it(`the outcome ${disposition}: in words, with urgency, why, advice and safety net`, async () => {
      const el = await triage({ protocolId });
      await walk(el);
      expect(el.matches(':state(outcome)')).to.be.true;
      expect(text(el, 'heading')).to.equal(title);
      expect(part(el, 'outcome')!.classList.contains(disposition)).to.be.true;
      expect(text(el, 'urgency')).to.not.equal('');
      expect(text(el, 'reason')).to.contain('Hvorfor vi anbefaler dette');
      expect(text(el, 'advice')).to.not.equal('');
      expect(text(el, 'safety-net')).to.not.equal('');
      expect(text(el, 'what-next')).to.not.equal('');
      expect(headingHasFocus(el)).to.be.true;
      await expectAccessible(el);
    });
  }

  it('an emergency outcome has a prominent phone link and what to do now', async () => {
    const el = await triage({ protocolId: 'fever-adult' });
    await tickRedFlag(el, 'fever-breathing-moderate');
    await click(el, 'next-button');
    expect(part<HTMLAnchorElement>(el, 'call-link')!.getAttribute('href')).to.equal('tel:116117');
    expect(text(el, 'call-link')).to.equal('Ring 116117');
    expect(text(el, 'urgency')).to.equal('Haster');
    expect(text(el, 'what-to-do-now')).to.not.equal('Gjør dette nå');
    // The answer that decided it is shown.
    expect(text(el, 'reason')).to.contain('Er det tyngre å puste enn vanlig?');
  });

  it('ticks and "none of these" together are refused, never read as none', async () => {
    const el = await triage({ protocolId: 'fever-adult' });
    await tickRedFlag(el, 'fever-limp');
    await click(el, 'none-button');
    expect(el.matches(':state(redFlags)')).to.be.true;
    expect(text(el, 'error')).to.contain('Kryss av');
  });

  it('the error state: no protocols, an invalid protocol, an unknown protocol-id', async () => {
    const errors: string[] = [];
    const el = await fixtureInLang<HkTriage>(html`<hk-triage .protocols=${[]} @hk-error=${(e: CustomEvent) => errors.push(e.detail.reason)}></hk-triage>`);
    expect(el.matches(':state(error)')).to.be.true;
    expect(text(el, 'heading')).to.contain('Ring legekontoret');
    expect(errors).to.deep.equal(['no-protocols']);
    await expectAccessible(el);
    el.protocols = [{ id: 'broken' } as never];
    await settled(el);
    expect(errors).to.deep.equal(['no-protocols', 'invalid-protocol']);
    expect(text(el, 'heading')).to.contain('Spørsmålene kunne ikke vises');
    await expectAccessible(el);
    const unknown = await triage({ protocolId: 'nope' });
    expect(unknown.matches(':state(error)')).to.be.true;
  });
});

describe('<hk-triage> by keyboard alone', () => {
  it('finds "feber" by typing, answers every question and reaches an outcome', async () => {
    const el = await triage();
    const before = focusBefore(el);
    await tab();
    expect(deepActiveElement()).to.equal(part(el, 'reason-search'));
    await type('feber');
    await settled(el);
    expect(text(el, 'reason-status')).to.match(/^\d+ treff$/);
    await tab();
    expect(deepActiveElement()!.textContent!.trim()).to.equal('Feber hos voksne');
    await press('Enter');
    await settled(el);
    expect(el.matches(':state(redFlags)')).to.be.true;
    expect(headingHasFocus(el)).to.be.true;

    // Past every red flag to "Nei, ingenting av dette".
    const flags = root(el).querySelectorAll('[part="red-flags"] input').length;
    await tab(flags + 1);
    expect(deepActiveElement()).to.equal(part(el, 'none-button'));
    await press('Enter');
    await settled(el);
    expect(headingHasFocus(el)).to.be.true;

    // measured: a radio group; arrows choose.
    await tab();
    await press('ArrowDown');
    await tab();
    expect(deepActiveElement()).to.equal(part(el, 'next-button'));
    await press('Enter');
    await settled(el);
    expect(part(el, 'question')!.dataset['question']).to.equal('fever-days');
    expect(headingHasFocus(el)).to.be.true;

    // fever-days: a number, then past "Vet ikke" to Next.
    await tab();
    await type('1');
    await tab(2);
    await press('Enter');
    await settled(el);
    expect(part(el, 'question')!.dataset['question']).to.equal('weak-immune');

    // weak-immune: Nei.
    await tab();
    await press('ArrowRight');
    await tab();
    await press('Enter');
    await settled(el);
    // drinking: Ja (Space on the first radio).
    await tab();
    await press('Space');
    await tab();
    await press('Enter');
    await settled(el);
    expect(part(el, 'question')!.dataset['question']).to.equal('symptoms');

    // symptoms: checkboxes; "Ingen av disse" is the fourth.
    await tab(4);
    await press('Space');
    await tab();
    await press('Enter');
    await settled(el);
    expect(el.matches(':state(outcome)')).to.be.true;
    expect(headingHasFocus(el)).to.be.true;
    expect(text(el, 'heading')).to.equal('Du kan trolig ta deg av dette selv');
    before.remove();
  });

  it('ticks two red flags (113 and 116117) and confirms: 113, both in "why" and both in the hk-complete Bundle', async () => {
    const el = await triage({ protocolId: 'fever-adult' });
    const completed: HkTriageCompleteEvent[] = [];
    el.addEventListener('hk-complete', (e) => completed.push(e as HkTriageCompleteEvent));
    const before = focusBefore(el);
    const boxes = [...root(el).querySelectorAll<HTMLInputElement>('[part="red-flags"] input[type="checkbox"]')];
    const moderate = boxes.findIndex((b) => b.value === 'fever-breathing-moderate');
    expect(moderate).to.be.greaterThan(0);

    await tab();
    expect(deepActiveElement()).to.equal(boxes[0]);
    expect(boxes[0]!.value).to.equal('general-paralysis');
    await press('Space');
    await tab(moderate);
    expect(deepActiveElement()).to.equal(boxes[moderate]);
    await press('Space');
    await settled(el);
    expect(boxes.filter((b) => b.checked).map((b) => b.value)).to.deep.equal(['general-paralysis', 'fever-breathing-moderate']);
    // Past the remaining boxes and "Nei" to "Ja, noe av dette gjelder".
    await tab(boxes.length - moderate + 1);
    expect(deepActiveElement()).to.equal(part(el, 'next-button'));
    await press('Enter');
    await settled(el);

    expect(el.matches(':state(outcome)')).to.be.true;
    expect(headingHasFocus(el)).to.be.true;
    expect(part<HTMLAnchorElement>(el, 'call-link')!.getAttribute('href')).to.equal('tel:113');
    expect(completed.length).to.equal(1);
    const { disposition, bundle } = completed[0]!.detail;
    expect(disposition).to.equal('call-113');
    const observations = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Observation => r?.resourceType === 'Observation');
    const flags = observations.filter((o) => o.code.coding?.[0]?.code !== 'disposition');
    expect(flags.map((o) => o.code.coding?.[0]?.code)).to.deep.equal(['general/general-paralysis', 'fever-adult/fever-breathing-moderate']);
    expect(flags.map((o) => o.valueCodeableConcept?.coding?.[0]?.code)).to.deep.equal(['Y', 'Y']);
    // "Why" lists both, the 113 sign first; what to do now is the 113 advice only.
    const why = text(el, 'reason');
    const paralysis = why.indexOf('fått ny lammelse eller skjevhet i ansiktet');
    const breathing = why.indexOf('Er det tyngre å puste enn vanlig?');
    expect(paralysis).to.be.greaterThan(-1);
    expect(breathing).to.be.greaterThan(paralysis);
    expect(text(el, 'what-to-do-now')).to.contain('Ring 113 nå').and.not.contain('116117');
    await expectAccessible(el);
    before.remove();
  });

  it('moves between reasons with the arrow keys', async () => {
    const el = await triage();
    part<HTMLInputElement>(el, 'reason-search')!.focus();
    await press('ArrowDown');
    const buttons = [...root(el).querySelectorAll('[part="reason-button"]')];
    expect(deepActiveElement()).to.equal(buttons[0]);
    await press('ArrowDown');
    expect(deepActiveElement()).to.equal(buttons[1]);
    await press('End');
    expect(deepActiveElement()).to.equal(buttons.at(-1));
    await press('Home');
    await press('ArrowUp');
    expect(deepActiveElement()).to.equal(part(el, 'reason-search'));
  });
});

describe('<hk-triage> focus and steps', () => {
  it('moves focus to the new heading on every step, forward and back, but not on first load', async () => {
    const el = await triage({ protocolId: 'chest-pain' });
    expect(headingHasFocus(el)).to.be.false;
    await click(el, 'none-button');
    expect(headingHasFocus(el)).to.be.true;
    await answer(el, 'now');
    expect(headingHasFocus(el)).to.be.true;
    await answer(el, 'no');
    expect(el.matches(':state(outcome)')).to.be.true;
    expect(headingHasFocus(el)).to.be.true;
    await click(el, 'back-button');
    expect(el.matches(':state(questions)')).to.be.true;
    expect(headingHasFocus(el)).to.be.true;
    // Back keeps the answers.
    expect(field(el).value).to.equal('no');
    await click(el, 'back-button');
    expect(field(el).value).to.equal('now');
    expect(headingHasFocus(el)).to.be.true;
    await click(el, 'back-button');
    expect(el.matches(':state(redFlags)')).to.be.true;
    expect(headingHasFocus(el)).to.be.true;
  });

  it('the red-flag screen keeps its boxes, ticks and focus when the element renders again', async () => {
    const el = await triage({ protocolId: 'fever-adult' });
    const before = focusBefore(el);
    const boxes = [...root(el).querySelectorAll<HTMLInputElement>('[part="red-flags"] input')];
    const rash = boxes.findIndex((b) => b.value === 'fever-rash');
    await tab(rash + 1);
    await press('Space');

    await settled(el);
    const box = boxes[rash]!;
    expect(box.checked, 'ticked by keyboard').to.be.true;
    // The machine starts when the browser is idle; a host that sets the person or the office renders again (and
    // a tick not yet confirmed is kept: it is what the person has said so far).
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
    el.gpOffice = { name: 'Legesenteret', phone: '22 00 00 00' };
    el.subject = { reference: 'Patient/1' };
    await settled(el);
    expect(root(el).querySelector('input[value="fever-rash"]'), 'the same box').to.equal(box);
    expect(box.checked).to.be.true;
    expect(deepActiveElement()).to.equal(box);
    // And the tick counts: "Ja" ends in the red flag's disposition.
    await click(el, 'next-button');
    expect(el.matches(':state(outcome)')).to.be.true;
    before.remove();
  });

  it('the red-flag error: shown on "Ja" with nothing ticked, cleared by a tick, and never a stale tick', async () => {
    const el = await triage({ protocolId: 'fever-adult' });
    const boxes = (): HTMLInputElement[] => [...root(el).querySelectorAll<HTMLInputElement>('[part="red-flags"] input')];
    await click(el, 'next-button');
    expect(part(el, 'error')!.hidden).to.be.false;
    expect(part(el, 'red-flags')!.getAttribute('aria-describedby')).to.equal('flags-hint flags-error');
    expect(boxes().every((b) => b.getAttribute('aria-invalid') === 'true')).to.be.true;
    await tickRedFlag(el, 'fever-rash');
    expect(part(el, 'error')!.hidden).to.be.true;
    expect(text(el, 'error')).to.equal('');
    expect(part(el, 'red-flags')!.getAttribute('aria-describedby')).to.equal('flags-hint');
    expect(boxes().every((b) => b.getAttribute('aria-invalid') === 'false')).to.be.true;
    // Untick, and go back to the screen from a red-flag outcome: the boxes show what the machine holds.
    await tickRedFlag(el, 'fever-rash');
    await tickRedFlag(el, 'fever-breathing-moderate');
    await click(el, 'next-button');
    expect(el.matches(':state(outcome)')).to.be.true;
    await click(el, 'back-button');
    expect(el.matches(':state(redFlags)')).to.be.true;
    expect(boxes().filter((b) => b.checked).map((b) => b.value)).to.deep.equal(['fever-breathing-moderate']);
  });

  it('restart() goes back to the first screen without answers', async () => {
    const el = await triage();
    await chooseReason(el, 'Smerter i brystet');
    await click(el, 'none-button');
    await answer(el, 'now', false);
    el.restart();
    await settled(el);
    expect(el.matches(':state(choosingReason)')).to.be.true;
    expect(headingHasFocus(el)).to.be.true;
  });
});

describe('<hk-triage> languages', () => {
  it('re-renders protocol texts and the UI when lang changes: nb → nn → en', async () => {
    const el = await triage({ protocolId: 'fever-adult' });
    const wrapper = el.parentElement!;
    await click(el, 'none-button');
    expect(text(el, 'heading')).to.equal('Har du målt temperaturen med termometer?');
    expect(text(el, 'next-button')).to.equal('Neste');
    wrapper.lang = 'nn';
    await settled(el);
    expect(text(el, 'heading')).to.equal('Har du målt temperaturen med termometer?'.replace('Har du målt', 'Har du målt'));
    expect(text(el, 'next-button')).to.equal('Neste');
    const nnHeading = text(el, 'heading');
    wrapper.lang = 'en';
    await settled(el);
    expect(text(el, 'heading')).to.not.equal(nnHeading);
    expect(text(el, 'heading')).to.match(/thermometer/i);
    expect(text(el, 'next-button')).to.equal('Next');
  });

  it('the red-flag screen follows a lang change and keeps the ticks', async () => {
    const el = await triage({ protocolId: 'fever-adult' });
    await tickRedFlag(el, 'fever-rash');
    el.parentElement!.lang = 'en';
    await settled(el);
    expect(root(el).querySelector('[part="red-flags"] legend')!.textContent).to.equal(messages('en-GB').triageRedFlagsLegend);
    expect(text(el, 'none-button')).to.equal(messages('en-GB').triageNoneOfThese);
    expect(root(el).querySelector<HTMLInputElement>('input[value="fever-rash"]')!.checked).to.be.true;
    await expectAccessible(el);
  });

  it('nn has its own wording on the red-flag screen', async () => {
    const el = await triage({ protocolId: 'fever-adult', lang: 'nn' });
    expect(root(el).querySelector('[part="red-flags"] legend')!.textContent).to.equal('Har du noko av dette no?');
    expect(root(el).querySelector('[part="red-flags"]')!.textContent).to.contain('Har du (eller den du svarar for)');
  });

  it('se shows bokmål where a protocol has no Sami, marked lang="nb", with the fallback notice', async () => {
    const el = await triage({ protocolId: 'fever-adult', lang: 'se' });
    const spans = [...root(el).querySelectorAll<HTMLElement>('[part="red-flags"] label span')];
    const general = spans.find((s) => s.textContent!.startsWith('Leatgo dus (dahje'))!;
    expect(general, 'the general red flags have Sami').to.exist;
    expect(general.hasAttribute('lang')).to.be.false;
    const fallback = spans.find((s) => s.textContent!.startsWith('Har du utslett'))!;
    expect(fallback.getAttribute('lang')).to.equal('nb');
    expect(text(el, 'notices')).to.contain(messages('se-NO').triageFallbackNotice);
    await expectAccessible(el);
  });
});

describe('<hk-triage> never loads the form engine', () => {
  it('requests no survey-core (nor core/survey, core/fhir) module during a whole flow', async () => {
    const el = await triage();
    await chooseReason(el, 'Feber hos voksne');
    await click(el, 'none-button');
    await answerAll(el, [['measured', 'no'], ['fever-days', '1'], ['weak-immune', 'no'], ['drinking', 'yes'], ['symptoms', ['none']]]);
    expect(el.matches(':state(outcome)')).to.be.true;
    const names = performance.getEntriesByType('resource').map((e) => e.name);
    expect(names.some((n) => n.includes('/packages/triage/src/triage.element.ts')), 'the entries list modules').to.be.true;
    const forbidden = names.filter((n) => /survey-core|\/core\/src\/survey\/|\/core\/src\/fhir\//.test(n));
    expect(forbidden).to.deep.equal([]);
  });
});

describe('<hk-triage> with the text spacing a reader may set (WCAG 1.4.12)', () => {
  it('loses no text on the red flags, a question and an outcome, in a 320 px column', async () => {
    const el = await triage();
    el.parentElement!.style.width = '320px';
    await chooseReason(el, 'Feber hos voksne');
    await expectTextSpacingSafe(el);
    await click(el, 'none-button');
    await expectTextSpacingSafe(el);
    await answerAll(el, [['measured', 'no'], ['fever-days', '1'], ['weak-immune', 'no'], ['drinking', 'yes'], ['symptoms', ['none']]]);
    expect(el.matches(':state(outcome)')).to.be.true;
    await expectTextSpacingSafe(el);
  });
});
