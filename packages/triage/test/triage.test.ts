import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { messages } from '@helsekit/core';
import type { Observation } from 'fhir/r4';
import type { HkTriage, HkTriageCompleteEvent } from '@helsekit/triage';
import type { Protocol } from '@helsekit/core/triage';
import { redFlagFits } from '@helsekit/core/triage/compile';
import { GENERAL_RED_FLAGS } from '@helsekit/core/triage/general-red-flags';
import { deepActiveElement, expectAccessible, expectTextSpacingSafe, fixtureInLang, press, settled, tab, type } from '@helsekit/base/testing/index';
import {
  ADULT,
  answer,
  answerAll,
  chooseReason,
  click,
  field,
  FIXTURE_PATHS,
  fixtureProtocol,
  focusBefore,
  headingHasFocus,
  part,
  root,
  shortProtocol,
  testProtocols,
  text,
  tickRedFlag,
  triage as triageWith,
} from './helpers.js';

// These tests are about the element, not the shipped clinical content: they run the test protocols (helpers.ts).
const triage = (attrs: Parameters<typeof triageWith>[0] = {}) => triageWith({ protocols: testProtocols(), ...attrs });
/** The general red flags asked of an adult, in screen order (core content, read at run time). */
const ADULT_GENERAL_FLAGS = GENERAL_RED_FLAGS.filter((f) => redFlagFits(f, [ADULT.ageBand]));
const FIRST_GENERAL = ADULT_GENERAL_FLAGS[0]!;

describe('<hk-triage> accessibility in every state', () => {
  it('choosing a reason, with and without a search', async () => {
    const el = await triage();
    expect(el.matches(':state(choosingReason)')).to.be.true;
    expect(text(el, 'heading')).to.equal('Hva gjelder det?');
    await expectAccessible(el);
    const search = part<HTMLInputElement>(el, 'reason-search')!;
    expect([...root(el).querySelectorAll('[part="reason-button"]')].map((b) => b.textContent!.trim())).to.deep.equal(['Fixture (nb)', 'Short (nb)', 'Admin (nb)']);
    search.value = 'kort';
    search.dispatchEvent(new Event('input'));
    await settled(el);
    expect([...root(el).querySelectorAll('[part="reason-button"]')].map((b) => b.textContent!.trim())).to.deep.equal(['Short (nb)']);
    expect(text(el, 'reason-status')).to.equal('1 treff');
    search.value = 'zzz';
    search.dispatchEvent(new Event('input'));
    await settled(el);
    expect(text(el, 'reason-status')).to.equal('Ingen treff. Prøv et annet ord.');
    await expectAccessible(el);
  });

  it('the who-for screen with the pregnancy question shown', async () => {
    const el = await triage({ person: null });
    expect(el.matches(':state(choosingPerson)')).to.be.true;
    for (const value of ['self', '18-64-years', 'female']) {
      root(el).querySelector<HTMLInputElement>(`form.person input[value="${value}"]`)!.click();
      await settled(el);
    }
    expect(part(el, 'person-pregnant')).to.exist;
    await expectAccessible(el);
    await click(el, 'next-button');
    expect(el.matches(':state(choosingPerson)'), 'pregnancy is still unanswered').to.be.true;
    expect(part(el, 'person-pregnant')!.getAttribute('aria-invalid')).to.equal('true');
    expect(part(el, 'person-who')!.getAttribute('aria-invalid')).to.equal('false');
    expect(deepActiveElement()).to.equal(part(el, 'person-pregnant')!.querySelector('input'));
    await expectAccessible(el);
  });

  it('the red-flag screen: the general 113 list first, then the protocol’s own, as one checkbox group', async () => {
    const el = await triage({ protocolId: 'fixture' });
    expect(el.matches(':state(redFlags)')).to.be.true;
    const boxes = [...root(el).querySelectorAll<HTMLInputElement>('[part="red-flags"] input[type="checkbox"]')];
    expect(boxes.map((b) => b.value)).to.deep.equal([...ADULT_GENERAL_FLAGS.map((f) => f.id), 'rf-bleeding', 'rf-breathing']);
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
    const el = await triage({ protocolId: 'fixture' });
    await click(el, 'none-button');
    expect(el.matches(':state(questions)')).to.be.true;
    expect(text(el, 'heading')).to.equal('Fever? (nb)');
    // The red flags, five questions (temp is not on the path yet) and the outcome.
    expect(text(el, 'progress')).to.equal('Steg 2 av 7');
    await expectAccessible(el);
    await click(el, 'next-button');
    const f = field(el);
    expect(f.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('Velg et svar');
    expect(deepActiveElement()).to.equal(f.shadowRoot!.querySelector('input'));
    await expectAccessible(el);
    // A number out of range shows the primitive's error and does not move on.
    await answer(el, 'yes');
    expect(part(el, 'question')!.dataset['question']).to.equal('temp');
    expect(text(el, 'progress'), 'the path grows with the answer').to.equal('Steg 3 av 8');
    await answer(el, '50');
    expect(part(el, 'question')!.dataset['question']).to.equal('temp');
    expect(field(el).shadowRoot!.querySelector('[part="error"]')!.textContent).to.match(/42/);
    await expectAccessible(el);
  });

  const outcomes: Array<[string, string, (el: HkTriage) => Promise<void>, string]> = [
    ['call-113', 'fixture', (el) => tickRedFlag(el, FIRST_GENERAL.id).then(() => click(el, 'next-button')), 'Ring 113 nå'],
    ['call-116117', 'fixture', (el) => click(el, 'none-button').then(() => answerAll(el, FIXTURE_PATHS.call116117)), 'Ring legevakten på 116117 nå'],
    ['gp-same-day', 'fixture', (el) => click(el, 'none-button').then(() => answerAll(el, FIXTURE_PATHS.gpSameDay)), 'Kontakt fastlegekontoret i dag'],
    ['gp-appointment', 'fixture', (el) => click(el, 'none-button').then(() => answerAll(el, FIXTURE_PATHS.gpAppointment)), 'Bestill en vanlig time hos fastlegen'],
    ['e-consultation', 'fixture', (el) => click(el, 'none-button').then(() => answerAll(el, FIXTURE_PATHS.eConsultation)), 'Send en e-konsultasjon til fastlegen'],
    ['self-care', 'fixture', (el) => click(el, 'none-button').then(() => answerAll(el, FIXTURE_PATHS.selfCare)), 'Du kan trolig ta deg av dette selv'],
    ['admin-service', 'admin', (el) => click(el, 'none-button').then(() => answerAll(el, [['renewal', 'yes']])), 'Send en forespørsel til legekontoret'],
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
    const el = await triage({ protocolId: 'fixture' });
    await tickRedFlag(el, 'rf-breathing');
    await click(el, 'next-button');
    expect(part<HTMLAnchorElement>(el, 'call-link')!.getAttribute('href')).to.equal('tel:116117');
    expect(text(el, 'call-link')).to.equal('Ring 116117');
    expect(text(el, 'urgency')).to.equal('Haster');
    expect(text(el, 'what-to-do-now')).to.not.equal('Gjør dette nå');
    // The answer that decided it is shown.
    expect(text(el, 'reason')).to.contain('Harder to breathe? (nb)');
    await expectAccessible(el);
  });

  it('ticks and "none of these" together are refused, never read as none', async () => {
    const el = await triage({ protocolId: 'fixture' });
    await tickRedFlag(el, 'rf-breathing');
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
  it('answers the who-for screen with Tab, arrows and Space, and moves on to the reasons', async () => {
    const el = await triage({ person: null });
    const before = focusBefore(el);
    const radio = (name: string, value: string) => root(el).querySelector<HTMLInputElement>(`form.person input[name="${name}"][value="${value}"]`)!;
    await tab();
    expect(deepActiveElement()).to.equal(radio('who', 'self'));
    await press('Space');
    await settled(el);
    expect(radio('who', 'self').checked).to.be.true;
    // The age bands: the arrows move and choose; 18–64 is the sixth.
    await tab();
    expect(deepActiveElement()).to.equal(radio('ageBand', 'under-3-months'));
    await press('ArrowDown', 5);
    await settled(el);
    expect(radio('ageBand', '18-64-years').checked).to.be.true;
    await tab();
    await press('Space');
    await settled(el);
    expect(radio('sex', 'female').checked).to.be.true;
    // Pregnancy is asked now, right after the sex.
    await tab();
    expect(deepActiveElement()).to.equal(radio('pregnant', 'yes'));
    await press('ArrowRight');
    await settled(el);
    expect(radio('pregnant', 'no').checked).to.be.true;
    await tab();
    expect(deepActiveElement()).to.equal(part(el, 'next-button'));
    await press('Enter');
    await settled(el);
    expect(el.matches(':state(choosingReason)')).to.be.true;
    expect(headingHasFocus(el)).to.be.true;
    // The person answered it, so they may go back to it.
    expect(part(el, 'back-button')).to.exist;
    before.remove();
  });

  it('finds a reason by typing, answers every question and reaches an outcome', async () => {
    const el = await triage();
    const before = focusBefore(el);
    // 113 and 116117 come first, then the search.
    await tab();
    expect(deepActiveElement()!.getAttribute('href')).to.equal('tel:113');
    await tab();
    expect(deepActiveElement()!.getAttribute('href')).to.equal('tel:116117');
    await tab();
    expect(deepActiveElement()).to.equal(part(el, 'reason-search'));
    await type('test');
    await settled(el);
    expect(text(el, 'reason-status')).to.match(/^\d+ treff$/);
    await tab();
    expect(deepActiveElement()!.textContent!.trim()).to.equal('Fixture (nb)');
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

    // has-fever: a radio group; arrows choose ("Nei").
    expect(part(el, 'question')!.dataset['question']).to.equal('has-fever');
    await tab();
    await press('ArrowDown');
    await tab();
    expect(deepActiveElement()).to.equal(part(el, 'next-button'));
    await press('Enter');
    await settled(el);
    expect(part(el, 'question')!.dataset['question']).to.equal('days');
    expect(headingHasFocus(el)).to.be.true;

    // days: a number, then past "Vet ikke" to Next.
    await tab();
    await type('1');
    await tab(2);
    expect(deepActiveElement()).to.equal(part(el, 'next-button'));
    await press('Enter');
    await settled(el);
    expect(part(el, 'question')!.dataset['question']).to.equal('age');

    // age: a number without "Vet ikke".
    await tab();
    await type('30');
    await tab();
    expect(deepActiveElement()).to.equal(part(el, 'next-button'));
    await press('Enter');
    await settled(el);
    expect(part(el, 'question')!.dataset['question']).to.equal('where');

    // where: a single choice; Space on the first radio ("Home").
    await tab();
    await press('Space');
    await tab();
    expect(deepActiveElement()).to.equal(part(el, 'next-button'));
    await press('Enter');
    await settled(el);
    expect(part(el, 'question')!.dataset['question']).to.equal('symptoms');

    // symptoms: checkboxes; "None" is the third.
    await tab(3);
    await press('Space');
    await tab();
    expect(deepActiveElement()).to.equal(part(el, 'next-button'));
    await press('Enter');
    await settled(el);
    expect(el.matches(':state(outcome)')).to.be.true;
    expect(headingHasFocus(el)).to.be.true;
    expect(text(el, 'heading')).to.equal('Du kan trolig ta deg av dette selv');
    before.remove();
  });

  it('ticks two red flags (113 and 116117) and confirms: 113, both in "why" and both in the hk-complete Bundle', async () => {
    const el = await triage({ protocolId: 'fixture' });
    const completed: HkTriageCompleteEvent[] = [];
    el.addEventListener('hk-complete', (e) => completed.push(e as HkTriageCompleteEvent));
    const before = focusBefore(el);
    const boxes = [...root(el).querySelectorAll<HTMLInputElement>('[part="red-flags"] input[type="checkbox"]')];
    const breathing = boxes.findIndex((b) => b.value === 'rf-breathing');
    expect(breathing).to.be.greaterThan(0);

    await tab();
    expect(deepActiveElement()).to.equal(boxes[0]);
    expect(boxes[0]!.value).to.equal(FIRST_GENERAL.id);
    await press('Space');
    await tab(breathing);
    expect(deepActiveElement()).to.equal(boxes[breathing]);
    await press('Space');
    await settled(el);
    expect(boxes.filter((b) => b.checked).map((b) => b.value)).to.deep.equal([FIRST_GENERAL.id, 'rf-breathing']);
    // Past the remaining boxes and "Nei" to "Ja, noe av dette gjelder".
    await tab(boxes.length - breathing + 1);
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
    expect(flags.map((o) => o.code.coding?.[0]?.code)).to.deep.equal([`general/${FIRST_GENERAL.id}`, 'fixture/rf-breathing']);
    expect(flags.map((o) => o.valueCodeableConcept?.coding?.[0]?.code)).to.deep.equal(['Y', 'Y']);
    // "Why" lists both, the 113 sign first; what to do now is the 113 advice only.
    const why = text(el, 'reason');
    const general = why.indexOf(FIRST_GENERAL.text.nb);
    const breathingText = why.indexOf('Harder to breathe? (nb)');
    expect(general).to.be.greaterThan(-1);
    expect(breathingText).to.be.greaterThan(general);
    expect(text(el, 'what-to-do-now')).to.contain('Ring 113 nå').and.not.contain('116117');
    await expectAccessible(el);
    before.remove();
  });

  it('moves between reasons with the arrow keys', async () => {
    const el = await triage();
    part<HTMLInputElement>(el, 'reason-search')!.focus();
    await press('ArrowDown');
    const buttons = [...root(el).querySelectorAll('[part="reason-button"]')];
    expect(buttons.length).to.be.greaterThan(2);
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
    const el = await triage({ protocolId: 'short' });
    expect(headingHasFocus(el)).to.be.false;
    await click(el, 'none-button');
    expect(headingHasFocus(el)).to.be.true;
    await answer(el, 'no');
    expect(headingHasFocus(el)).to.be.true;
    await answer(el, 'home');
    expect(el.matches(':state(outcome)')).to.be.true;
    expect(headingHasFocus(el)).to.be.true;
    await click(el, 'back-button');
    expect(el.matches(':state(questions)')).to.be.true;
    expect(headingHasFocus(el)).to.be.true;
    // Back keeps the answers.
    expect(field(el).value).to.equal('home');
    await click(el, 'back-button');
    expect(field(el).value).to.equal('no');
    expect(headingHasFocus(el)).to.be.true;
    await click(el, 'back-button');
    expect(el.matches(':state(redFlags)')).to.be.true;
    expect(headingHasFocus(el)).to.be.true;
  });

  it('the red-flag screen keeps its boxes, ticks and focus when the element renders again', async () => {
    const el = await triage({ protocolId: 'fixture' });
    const before = focusBefore(el);
    const boxes = [...root(el).querySelectorAll<HTMLInputElement>('[part="red-flags"] input')];
    const bleeding = boxes.findIndex((b) => b.value === 'rf-bleeding');
    await tab(bleeding + 1);
    await press('Space');

    await settled(el);
    const box = boxes[bleeding]!;
    expect(box.checked, 'ticked by keyboard').to.be.true;
    // The machine starts when the browser is idle; a host that sets the office or the subject renders again (and
    // a tick not yet confirmed is kept: it is what the person has said so far).
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
    el.gpOffice = { name: 'Legesenteret', phone: '22 00 00 00' };
    el.subject = { reference: 'Patient/1' };
    await settled(el);
    expect(root(el).querySelector('input[value="rf-bleeding"]'), 'the same box').to.equal(box);
    expect(box.checked).to.be.true;
    expect(deepActiveElement()).to.equal(box);
    // And the tick counts: "Ja" ends in the red flag's disposition.
    await click(el, 'next-button');
    expect(el.matches(':state(outcome)')).to.be.true;
    expect(part<HTMLAnchorElement>(el, 'call-link')!.getAttribute('href')).to.equal('tel:113');
    before.remove();
  });

  it('the red-flag error: shown on "Ja" with nothing ticked, cleared by a tick, and never a stale tick', async () => {
    const el = await triage({ protocolId: 'fixture' });
    const boxes = (): HTMLInputElement[] => [...root(el).querySelectorAll<HTMLInputElement>('[part="red-flags"] input')];
    await click(el, 'next-button');
    expect(part(el, 'error')!.hidden).to.be.false;
    expect(part(el, 'red-flags')!.getAttribute('aria-describedby')).to.equal('flags-hint flags-error');
    expect(boxes().every((b) => b.getAttribute('aria-invalid') === 'true')).to.be.true;
    await tickRedFlag(el, 'rf-bleeding');
    expect(part(el, 'error')!.hidden).to.be.true;
    expect(text(el, 'error')).to.equal('');
    expect(part(el, 'red-flags')!.getAttribute('aria-describedby')).to.equal('flags-hint');
    expect(boxes().every((b) => b.getAttribute('aria-invalid') === 'false')).to.be.true;
    // Untick, and go back to the screen from a red-flag outcome: the boxes show what the machine holds.
    await tickRedFlag(el, 'rf-bleeding');
    await tickRedFlag(el, 'rf-breathing');
    await click(el, 'next-button');
    expect(el.matches(':state(outcome)')).to.be.true;
    expect(part<HTMLAnchorElement>(el, 'call-link')!.getAttribute('href'), 'the unticked 113 flag does not decide').to.equal('tel:116117');
    await click(el, 'back-button');
    expect(el.matches(':state(redFlags)')).to.be.true;
    expect(boxes().filter((b) => b.checked).map((b) => b.value)).to.deep.equal(['rf-breathing']);
  });

  it('restart() goes back to the first screen without answers', async () => {
    const el = await triage();
    await chooseReason(el, 'Fixture (nb)');
    await click(el, 'none-button');
    await answer(el, 'yes', false);
    el.restart();
    await settled(el);
    expect(el.matches(':state(choosingReason)')).to.be.true;
    expect(headingHasFocus(el)).to.be.true;
    await chooseReason(el, 'Fixture (nb)');
    await click(el, 'none-button');
    expect(field(el).value, 'the answer is gone').to.equal(null);
  });

  it('restart() after a who-for screen the person answered goes back to it, with nothing chosen', async () => {
    const el = await triage({ person: null });
    for (const value of ['other', '5-12-years', 'male']) {
      root(el).querySelector<HTMLInputElement>(`form.person input[value="${value}"]`)!.click();
      await settled(el);
    }
    await click(el, 'next-button');
    expect(el.matches(':state(choosingReason)')).to.be.true;
    el.restart();
    await settled(el);
    expect(el.matches(':state(choosingPerson)')).to.be.true;
    expect([...root(el).querySelectorAll<HTMLInputElement>('form.person input')].some((i) => i.checked)).to.be.false;
    expect(headingHasFocus(el)).to.be.true;
  });
});

describe('<hk-triage> when the host changes its settings', () => {
  it('a new protocol-id replaces an untouched red-flag screen, also when the protocol reads the who-for answers', async () => {
    const aged: Protocol = { ...fixtureProtocol(), id: 'aged', riskModifiers: { 'age-65-plus': 'gp-same-day' } };
    const el = await triage({ protocols: [aged, shortProtocol()], protocolId: 'aged', person: { ...ADULT, ageBand: '65-plus-years' } });
    expect(root(el).querySelector('input[value="rf-bleeding"]')).to.exist;
    el.protocolId = 'short';
    await settled(el);
    expect(el.matches(':state(redFlags)')).to.be.true;
    expect(root(el).querySelector('input[value="rf-fainted"]'), 'the new protocol’s red flags').to.exist;
    expect(root(el).querySelector('input[value="rf-bleeding"]')).to.equal(null);
  });

  it('setting the person on the who-for screen skips it', async () => {
    const el = await triage({ person: null });
    expect(el.matches(':state(choosingPerson)')).to.be.true;
    el.person = ADULT;
    await settled(el);
    expect(el.matches(':state(choosingReason)')).to.be.true;
    expect(part(el, 'back-button'), 'no who-for screen to go back to').to.equal(null);
  });
});

describe('<hk-triage> the shared risk question', () => {
  const risky = (): Protocol => ({ ...fixtureProtocol(), id: 'risky', riskModifiers: { immunosuppression: 'gp-same-day', diabetes: 'gp-appointment' } });

  it('comes first when a protocol declares asked risk factors; "Vet ikke" stands alone and never lowers the urgency', async () => {
    const el = await triage({ protocols: [risky()], protocolId: 'risky' });
    await click(el, 'none-button');
    expect(part(el, 'question')!.dataset['question']).to.equal('risk-factors');
    expect(text(el, 'heading')).to.equal('Gjelder noe av dette deg?');
    // The red flags, the risk question, the fixture's five questions and the outcome.
    expect(text(el, 'progress')).to.equal('Steg 2 av 8');
    const values = [...field(el).shadowRoot!.querySelectorAll<HTMLInputElement>('input')].map((i) => i.value);
    expect(values).to.deep.equal(['immunosuppression', 'diabetes', 'none', 'unsure']);
    await expectAccessible(el);
    await answer(el, ['immunosuppression', 'unsure'], false);
    expect(field(el).value, '"Vet ikke" clears the other ticks').to.deep.equal(['unsure']);
    await click(el, 'next-button');
    expect(part(el, 'question')!.dataset['question']).to.equal('has-fever');
    // The answers that lead to self-care without the risk question.
    await answerAll(el, FIXTURE_PATHS.selfCare);
    expect(el.matches(':state(outcome)')).to.be.true;
    expect(text(el, 'heading')).to.equal('Kontakt fastlegekontoret i dag');
  });

  it('"Ingen av disse" leaves the protocol’s own outcome', async () => {
    const el = await triage({ protocols: [risky()], protocolId: 'risky' });
    await click(el, 'none-button');
    await answer(el, ['none']);
    await answerAll(el, FIXTURE_PATHS.selfCare);
    expect(text(el, 'heading')).to.equal('Du kan trolig ta deg av dette selv');
  });
});

describe('<hk-triage> languages', () => {
  it('re-renders protocol texts and the UI when lang changes: nb → nn → en', async () => {
    const el = await triage({ protocolId: 'fixture' });
    const wrapper = el.parentElement!;
    await click(el, 'none-button');
    expect(text(el, 'heading')).to.equal('Fever? (nb)');
    expect(text(el, 'next-button')).to.equal('Neste');
    wrapper.lang = 'nn';
    await settled(el);
    expect(text(el, 'heading')).to.equal('Fever? (nn)');
    expect(text(el, 'next-button')).to.equal('Neste');
    wrapper.lang = 'en';
    await settled(el);
    expect(text(el, 'heading')).to.equal('Fever?');
    expect(text(el, 'next-button')).to.equal('Next');
  });

  it('the red-flag screen follows a lang change and keeps the ticks', async () => {
    const el = await triage({ protocolId: 'fixture' });
    await tickRedFlag(el, 'rf-bleeding');
    el.parentElement!.lang = 'en';
    await settled(el);
    expect(root(el).querySelector('[part="red-flags"] legend')!.textContent).to.equal(messages('en-GB').triageRedFlagsLegend);
    expect(text(el, 'none-button')).to.equal(messages('en-GB').triageNoneOfThese);
    expect(root(el).querySelector('[part="red-flags"]')!.textContent).to.contain('Heavy bleeding?').and.not.contain('(nb)');
    expect(root(el).querySelector<HTMLInputElement>('input[value="rf-bleeding"]')!.checked).to.be.true;
    await expectAccessible(el);
  });

  it('nn has its own wording on the red-flag screen', async () => {
    const el = await triage({ protocolId: 'fixture', lang: 'nn' });
    expect(root(el).querySelector('[part="red-flags"] legend')!.textContent).to.equal('Har du noko av dette no?');
    expect(root(el).querySelector('[part="red-flags"]')!.textContent).to.contain(FIRST_GENERAL.text.nn).and.contain('Heavy bleeding? (nn)');
  });

  it('se shows bokmål where a protocol has no Sami, marked lang="nb", with the fallback notice', async () => {
    const el = await triage({ protocolId: 'fixture', lang: 'se' });
    const spans = [...root(el).querySelectorAll<HTMLElement>('[part="red-flags"] label span')];
    const general = spans.find((s) => s.textContent === FIRST_GENERAL.text.se)!;
    expect(general, 'the general red flags have Sami').to.exist;
    expect(general.hasAttribute('lang')).to.be.false;
    const fallback = spans.find((s) => s.textContent === 'Heavy bleeding? (nb)')!;
    expect(fallback, 'the fixture has no Sami').to.exist;
    expect(fallback.getAttribute('lang')).to.equal('nb');
    expect(text(el, 'notices')).to.contain(messages('se-NO').triageFallbackNotice);
    await expectAccessible(el);
  });
});

describe('<hk-triage> never loads the form engine', () => {
  it('requests no survey-core (nor core/survey, core/fhir) module during a whole flow', async () => {
    const el = await triage();
    await chooseReason(el, 'Fixture (nb)');
    await click(el, 'none-button');
    await answerAll(el, FIXTURE_PATHS.selfCare);
    expect(el.matches(':state(outcome)')).to.be.true;
    const names = performance.getEntriesByType('resource').map((e) => e.name);
    expect(names.some((n) => n.includes('/packages/triage/src/triage.element.ts')), 'the entries list modules').to.be.true;
    const forbidden = names.filter((n) => /survey-core|\/core\/src\/survey\/|\/core\/src\/fhir\//.test(n));
    expect(forbidden).to.deep.equal([]);
  });
});

describe('<hk-triage> with the text spacing a reader may set (WCAG 1.4.12)', () => {
  it('loses no text on the who-for screen, the red flags, a question and an outcome, in a 320 px column', async () => {
    const el = await triage({ person: null });
    el.parentElement!.style.width = '320px';
    await expectTextSpacingSafe(el);
    for (const value of ['self', '18-64-years', 'male']) {
      root(el).querySelector<HTMLInputElement>(`form.person input[value="${value}"]`)!.click();
      await settled(el);
    }
    await click(el, 'next-button');
    await expectTextSpacingSafe(el);
    await chooseReason(el, 'Fixture (nb)');
    await expectTextSpacingSafe(el);
    await click(el, 'none-button');
    await expectTextSpacingSafe(el);
    await answerAll(el, FIXTURE_PATHS.selfCare);
    expect(el.matches(':state(outcome)')).to.be.true;
    await expectTextSpacingSafe(el);
  });
});
