import { expect, oneEvent } from '@open-wc/testing';
import { html } from 'lit';
import type { Patient, QuestionnaireResponse } from 'fhir/r4';
import { MemoryStore, StoreError, type HealthStore } from '@helsekit/core/store';
import { buildQuestionnaireResponse } from '@helsekit/core/fhir';
import { deepActiveElement, expectAccessible, expectTextSpacingSafe, fixtureInLang, press, settled, tab, type } from '@helsekit/base/testing/index';
import '../src/define.js';
import type { HkHealthForm } from '../src/index.js';
import type { HkErrorEvent, HkSubmitEvent } from '../src/index.js';
import { allTypes, gpForm, hostile, preConsultation, surveyJs, XSS_PAYLOADS } from './fixtures.js';
import { button, choose, click, fill, inputFor, ready, root } from './helpers.js';

declare global {
  interface Window {
    __hkPwned?: number;
  }
}

const patient: Patient = {
  resourceType: 'Patient',
  id: 'p1',
  name: [{ given: ['Kari'], family: 'Nordmann' }],
  birthDate: '1980-05-17',
};

/** A form asking for the person's name, birth date and fødselsnummer (what a Patient can offer), and `more`. */
function personQuestionnaire(...more: Array<{ linkId: string; type: string; text: string }>) {
  return {
    resourceType: 'Questionnaire',
    status: 'active',
    item: [
      { linkId: 'name', type: 'string', text: 'Navn' },
      { linkId: 'birthdate', type: 'date', text: 'Fødselsdato' },
      { linkId: 'fnr', type: 'string', text: 'Fødselsnummer' },
      ...more,
    ],
  };
}

async function form(q: unknown, options: { store?: HealthStore; patient?: Patient; lang?: string; oneQuestion?: boolean } = {}): Promise<HkHealthForm> {
  const el = await fixtureInLang<HkHealthForm>(
    html`<hk-health-form
      .questionnaire=${q}
      .store=${options.store ?? new MemoryStore()}
      .patient=${options.patient}
      ?one-question-per-page=${options.oneQuestion ?? false}
    ></hk-health-form>`,
    options.lang ?? 'nb',
  );
  await ready(el);
  return el;
}

async function toConsent(el: HkHealthForm): Promise<void> {
  await fill(el, 'Hva gjelder timen?', 'Vondt i kneet');
  await click(el, 'Neste');
  await click(el, 'Se over svarene');
  expect(el.step).to.equal('review');
  await click(el, 'Neste');
  expect(el.step).to.equal('consent');
}

describe('<hk-health-form>', () => {
  it('is accessible while filling, with errors, in review, consent and submitted', async () => {
    const el = await form(preConsultation(), { patient });
    expect(el.step).to.equal('filling');
    expect(root(el).querySelector('.form-title')!.textContent).to.equal('Før timen');
    expect(root(el).querySelector('.whose')!.textContent).to.contain('Kari Nordmann');
    await expectAccessible(el);

    await click(el, 'Neste');
    const summary = root(el).querySelector('#error-summary')!;
    expect(summary).to.exist;
    expect(root(el).activeElement).to.equal(summary);
    expect(summary.textContent).to.contain('Hva gjelder timen?');
    expect(inputFor(el, 'Hva gjelder timen?').getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el);
    // the link in the summary goes to the field
    summary.querySelector('a')!.click();
    await settled(el);
    expect(root(el).activeElement).to.equal(inputFor(el, 'Hva gjelder timen?'));

    await toConsent(el);
    await expectAccessible(el);
    // sending without consent says why
    await click(el, 'Send');
    expect(root(el).querySelector('#consent-error')!.textContent).to.contain('Kryss av');
    await expectAccessible(el);
    (root(el).querySelector('#consent-check') as HTMLInputElement).click();
    await settled(el);
    const submitted = oneEvent(el, 'hk-submit') as Promise<HkSubmitEvent>;
    await click(el, 'Send');
    const event = await submitted;
    expect(event.cancelable).to.be.true;
    expect(event.detail.response.status).to.equal('completed');
    expect(event.detail.response.subject?.reference).to.equal('Patient/p1');
    await ready(el, 'submitted');
    expect(root(el).querySelector('#page-heading')!.textContent).to.equal('Skjemaet er sendt');
    expect(root(el).activeElement?.id).to.equal('page-heading');
    await expectAccessible(el);
  });

  it('is completed by keyboard alone', async () => {
    const el = await form(preConsultation());
    const before = document.createElement('button');
    before.textContent = 'før';
    el.before(before);
    before.focus();
    await tab();
    expect(deepActiveElement()?.id).to.equal(inputFor(el, 'Hva gjelder timen?').id);
    await type('Vondt i kneet');
    await tab(); // smoking: Ja
    await press('ArrowDown'); // Nei
    await tab(); // Neste
    await press('Enter');
    await settled(el);
    expect(el.pageIndex).to.equal(1);
    expect(deepActiveElement()?.id).to.equal('page-heading');
    await tab();
    await type('72');
    await tab(); // pain: Ingen
    await press('Space');
    await tab(2); // Forrige, Se over svarene
    await press('Enter');
    await settled(el);
    expect(el.step).to.equal('review');
    await tab(6); // four "Endre", Forrige, Neste
    await press('Enter');
    await settled(el);
    expect(el.step).to.equal('consent');
    await tab();
    await press('Space');
    await tab(3); // reuse, Forrige, Send inn
    const submitted = oneEvent(el, 'hk-submit') as Promise<HkSubmitEvent>;
    await press('Enter');
    const { detail } = await submitted;
    const items = JSON.stringify(detail.response.item);
    expect(items).to.contain('Vondt i kneet');
    expect(items).to.contain('"valueBoolean":false');
    expect(items).to.contain('72');
    await ready(el, 'submitted');
  });

  it('never sends answers to questions that were hidden again', async () => {
    const el = await form(preConsultation());
    await fill(el, 'Hva gjelder timen?', 'Kontroll');
    await choose(el, 'Røyker du?', 'Ja');
    await fill(el, 'Hvor mange sigaretter om dagen?', '10');
    expect(el.answers['smoking-amount']).to.equal(10);
    await choose(el, 'Røyker du?', 'Nei');
    expect(root(el).textContent).not.to.contain('Hvor mange sigaretter');
    await click(el, 'Neste');
    await click(el, 'Se over svarene');
    expect(root(el).textContent).not.to.contain('Hvor mange sigaretter');
    await click(el, 'Neste');
    (root(el).querySelector('#consent-check') as HTMLInputElement).click();
    const submitted = oneEvent(el, 'hk-submit') as Promise<HkSubmitEvent>;
    await click(el, 'Send');
    const { detail } = await submitted;
    expect(JSON.stringify(detail.response)).not.to.contain('smoking-amount');
  });

  it('renders markup in titles, descriptions, choices, help and piped answers as text; nothing executes', async () => {
    window.__hkPwned = undefined;
    expect(XSS_PAYLOADS.length).to.be.at.least(20);
    for (const payload of XSS_PAYLOADS) {
      const el = await form(hostile(payload));
      const r = root(el);
      expect(r.querySelector('.form-title')!.textContent).to.equal(payload);
      expect(r.querySelector('[part="display"]')!.textContent).to.equal(payload);
      expect(r.querySelector('legend')!.textContent).to.contain(payload);
      expect(r.querySelector('.option span')!.textContent).to.equal(payload);
      expect(r.querySelector('.hint')!.textContent).to.equal(payload);
      expect(r.querySelectorAll('img, svg, script, iframe, object, embed, video, audio, details, marquee, template, math, style:not([data-lit])').length).to.equal(0);
      el.parentElement!.remove();
    }
    // piped answers: the answer to one question inside the title of the next
    for (const payload of XSS_PAYLOADS.slice(0, 5)) {
      const el = await form({
        title: 'Piping',
        elements: [
          { type: 'text', name: 'who', title: 'Hvem?' },
          { type: 'text', name: 'more', title: 'Fortell mer om {who}', description: 'Om {who}' },
        ],
      });
      await fill(el, 'Hvem?', payload);
      const label = [...root(el).querySelectorAll('label')].find((l) => l.textContent!.startsWith('Fortell mer'))!;
      expect(label.textContent).to.contain(payload);
      expect(root(el).querySelectorAll('img, svg, script, iframe').length).to.equal(0);
      el.parentElement!.remove();
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(window.__hkPwned).to.equal(undefined);
  });

  it('offers earlier answers with their origin; keep, change and clear are marked', async () => {
    const store = new MemoryStore();
    const earlier = buildQuestionnaireResponse(gpForm(), { 'g-smoking': true, 'g-weight': 80 }, {
      status: 'completed',
      subject: { reference: 'Patient/p1' },
      authored: '2026-03-12T10:00:00Z',
    });
    if (!earlier.ok) throw new Error(earlier.error.message);
    await store.put(earlier.value.response as QuestionnaireResponse);
    const el = await fixtureInLang<HkHealthForm>(
      html`<hk-health-form .questionnaire=${preConsultation()} .store=${store} .patient=${patient} .resolveQuestionnaire=${async () => gpForm()}></hk-health-form>`,
    );
    await ready(el);
    expect(el.step).to.equal('prefillReview');
    const text = root(el).textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Fra skjemaet «Helseopplysninger til fastlegen», 12.03.2026');
    expect(text).to.contain('80 kg');
    expect(root(el).activeElement?.id).to.equal('page-heading');
    await expectAccessible(el);
    // confirm one section in one action
    await click(el, 'Alt stemmer');
    expect(root(el).textContent).to.contain('Beholdt');
    // clear the weight
    const clearWeight = [...root(el).querySelectorAll('button')].filter((b) => b.textContent!.includes('Fjern'))[1]!;
    clearWeight.click();
    await settled(el);
    await click(el, 'Gå videre');
    expect(el.step).to.equal('filling');
    expect(el.answers.smoking).to.equal(true);
    expect(el.answers.weight).to.equal(undefined);
    expect(root(el).textContent).to.contain('Fylt ut fra før');
    // change the smoking answer: marked as changed on review
    await fill(el, 'Hva gjelder timen?', 'Kontroll');
    await choose(el, 'Røyker du?', 'Nei');
    await click(el, 'Neste');
    await click(el, 'Se over svarene');
    const row = [...root(el).querySelectorAll('.answer-row')].find((r) => r.textContent!.includes('Røyker du?'))!;
    expect(row.textContent).to.contain('Endret');
    await expectAccessible(el);
    await click(el, 'Neste');
    (root(el).querySelector('#consent-check') as HTMLInputElement).click();
    const submitted = oneEvent(el, 'hk-submit') as Promise<HkSubmitEvent>;
    await click(el, 'Send');
    expect(JSON.stringify((await submitted).detail.response)).not.to.contain('"weight"');
  });

  it('restores answers and page after a reload, from the same store', async () => {
    const store = new MemoryStore();
    const el = await form(preConsultation(), { store, patient });
    await fill(el, 'Hva gjelder timen?', 'Vondt i ryggen');
    await choose(el, 'Røyker du?', 'Ja');
    await click(el, 'Neste');
    const saved = oneEvent(el, 'hk-draft-saved');
    await fill(el, 'Vekt', '64');
    expect((await saved).detail.version).to.be.a('string');
    el.parentElement!.remove();

    const again = await form(preConsultation(), { store, patient });
    expect(again.step).to.equal('filling');
    expect(again.pageIndex).to.equal(1);
    expect(inputFor(again, 'Vekt').value).to.equal('64');
    expect(again.answers).to.include({ reason: 'Vondt i ryggen', smoking: true, weight: 64 });
  });

  it('keeps the answers when sending fails, retries, and sends by itself when back online', async () => {
    const store = new MemoryStore();
    let fail = true;
    const put = store.put.bind(store);
    store.put = (async (r: never, o?: never) => {
      if (fail) throw new StoreError('network', 'offline');
      return put(r, o);
    }) as typeof store.put;
    const el = await form(preConsultation(), { store });
    await toConsent(el);
    (root(el).querySelector('#consent-check') as HTMLInputElement).click();
    const error = oneEvent(el, 'hk-error') as Promise<HkErrorEvent>;
    await click(el, 'Send');
    expect((await error).detail.reason).to.equal('submit-failed');
    await ready(el, 'failed');
    expect(root(el).textContent).to.contain('Svarene dine er tatt vare på');
    await expectAccessible(el);
    expect(el.answers.reason).to.equal('Vondt i kneet');
    // still offline: the retry fails again, answers intact
    await click(el, 'Prøv igjen');
    await ready(el, 'failed');
    expect(el.answers.reason).to.equal('Vondt i kneet');
    // back online: it sends by itself
    fail = false;
    window.dispatchEvent(new Event('online'));
    await ready(el, 'submitted');
    const saved = await store.search('QuestionnaireResponse', {});
    expect(saved.items.length).to.equal(1);
  });

  it('stores a response once when the reply to a send is lost and the person retries', async () => {
    const store = new MemoryStore();
    const put = store.put.bind(store);
    let loseReply = true;
    // The server stores the response, but the reply never arrives: the form must report failure, keep the
    // answers, and a retry must not create a second response.
    store.put = (async (r: never, o?: never) => {
      const stored = await put(r, o);
      if (loseReply && (r as { resourceType: string }).resourceType === 'QuestionnaireResponse') {
        loseReply = false;
        throw new StoreError('network', 'reply lost');
      }
      return stored;
    }) as typeof store.put;
    const el = await form(preConsultation(), { store });
    await toConsent(el);
    (root(el).querySelector('#consent-check') as HTMLInputElement).click();
    await click(el, 'Send');
    await ready(el, 'failed');
    expect(el.answers.reason).to.equal('Vondt i kneet');
    await click(el, 'Prøv igjen');
    await ready(el, 'submitted');
    const saved = await store.search('QuestionnaireResponse', {});
    expect(saved.items.filter((r) => r.status === 'completed')).to.have.length(1);
  });

  it('a cancelled hk-submit keeps the response out of the store', async () => {
    const store = new MemoryStore();
    const el = await form(preConsultation(), { store });
    el.addEventListener('hk-submit', (e) => e.preventDefault());
    await toConsent(el);
    (root(el).querySelector('#consent-check') as HTMLInputElement).click();
    await click(el, 'Send');
    await ready(el, 'submitted');
    expect((await store.search('QuestionnaireResponse', {})).items.length).to.equal(0);
  });

  it('follows the nearest lang', async () => {
    const el = await form(preConsultation());
    expect(button(el, 'Neste')).to.exist;
    el.parentElement!.setAttribute('lang', 'en');
    await settled(el);
    await settled(el);
    expect(button(el, 'Next')).to.exist;
    el.parentElement!.setAttribute('lang', 'nn');
    await settled(el);
    await settled(el);
    expect(root(el).textContent).to.contain('valfritt');
  });

  it('renders every question type accessibly; a repeating group moves focus on add and remove', async () => {
    const el = await form(allTypes());
    await expectAccessible(el);
    const r = root(el);
    expect(r.querySelector('[part="unit"]')!.textContent).to.equal('cm');
    expect(r.querySelector('input[type="date"]')).to.exist;
    expect(r.querySelector('input[type="time"]')).to.exist;
    expect(r.querySelector('textarea')).to.exist;
    expect(r.querySelector('select')).to.exist;
    expect(r.querySelector('input[type="search"]')).to.exist;
    expect(r.querySelector('input[type="file"]')).to.exist;
    expect(r.querySelectorAll('.scale input[type="radio"]').length).to.equal(11);
    // the filter narrows the select
    const filter = r.querySelector<HTMLInputElement>('input[type="search"]')!;
    filter.value = 'sve';
    filter.dispatchEvent(new Event('input'));
    await settled(el);
    expect([...r.querySelectorAll('select option')].map((o) => o.textContent)).to.deep.equal(['Velg …', 'Sverige']);
    await click(el, 'Legg til');
    expect(r.activeElement?.textContent).to.equal('Legemiddel nr. 2');
    await expectAccessible(el);
    const removes = [...r.querySelectorAll('[part="remove-button"]')] as HTMLButtonElement[];
    removes[1]!.click();
    await settled(el);
    expect(r.activeElement?.textContent).to.equal('Legemiddel nr. 1');
  });

  it('a Questionnaire without survey-core logic: required, optional, help, hidden items and read-only groups render as before', async () => {
    const help = { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl', valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'help' }] } };
    const hidden = { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden', valueBoolean: true };
    const el = await form({
      resourceType: 'Questionnaire',
      url: 'https://helsekit.no/fhir/Questionnaire/static-test',
      status: 'active',
      item: [
        { linkId: 'days', text: 'Antall dager', type: 'integer', required: true },
        { linkId: 'note', text: 'Kommentar', type: 'string', item: [{ linkId: 'note-help', text: 'Skriv kort', type: 'display', extension: [help] }] },
        { linkId: 'source', text: 'Kilde', type: 'string', extension: [hidden], initial: [{ valueString: 'app' }] },
        { linkId: 'record', text: 'Fra journalen', type: 'group', readOnly: true, item: [{ linkId: 'gp', text: 'Fastlege', type: 'string', initial: [{ valueString: 'Dr. Hansen' }] }] },
      ],
    });
    const r = root(el);
    const labels = () => [...r.querySelectorAll('[part~="label"]')].map((l) => l.textContent!.trim());
    expect(labels()).to.deep.equal(['Antall dager', 'Kommentar (valgfritt)', 'Fastlege']);
    expect(inputFor(el, 'Antall dager').required).to.equal(true);
    const note = inputFor(el, 'Kommentar');
    expect(note.required).to.equal(false);
    expect(r.getElementById(note.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent).to.equal('Skriv kort');
    // a question in a read-only group is shown, not asked
    expect(r.querySelector('[data-name="gp"] output')!.textContent).to.equal('Dr. Hansen');
    expect(r.querySelector('[data-name="gp"] input')).to.equal(null);
    await expectAccessible(el);

    await fill(el, 'Antall dager', '7');
    await fill(el, 'Kommentar', 'Verre om morgenen');
    expect(labels()).to.deep.equal(['Antall dager', 'Kommentar (valgfritt)', 'Fastlege']);
    expect(el.answers).to.deep.equal({ days: 7, note: 'Verre om morgenen', source: 'app', gp: 'Dr. Hansen' });
  });

  it('a long page: answers, a calculated total, field errors and a shown item reach questions in every block', async () => {
    const expression = (url: string, text: string) => ({ url: `http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-${url}`, valueExpression: { language: 'text/fhirpath', expression: text } });
    const el = await form({
      resourceType: 'Questionnaire',
      url: 'https://helsekit.no/fhir/Questionnaire/long',
      status: 'active',
      item: [
        ...Array.from({ length: 45 }, (_, i) => ({ linkId: `q${i + 1}`, text: `Spørsmål ${i + 1}:`, type: 'integer', required: i % 2 === 1 })),
        { linkId: 'more', text: 'Mer enn ti dager:', type: 'boolean', extension: [expression('enableWhenExpression', "%resource.item.where(linkId != 'total').answer.value.sum() > 10")] },
        { linkId: 'total', text: 'Sum', type: 'integer', readOnly: true, extension: [expression('calculatedExpression', "%resource.item.where(linkId != 'total' and linkId != 'more').answer.value.sum()")] },
      ],
    });
    const r = root(el);
    const total = async (text: string) => {
      for (let i = 0; i < 50 && r.querySelector('[data-name="total"] output')?.textContent !== text; i++) await new Promise((res) => setTimeout(res, 20));
      return r.querySelector('[data-name="total"] output')?.textContent;
    };
    const shown = () => [...r.querySelectorAll('legend')].some((l) => l.textContent!.trim().startsWith('Mer enn ti dager:'));
    expect(r.querySelectorAll('input[inputmode="decimal"]').length).to.equal(45);
    expect(r.querySelectorAll('.block').length).to.be.greaterThan(1);
    await fill(el, 'Spørsmål 33:', '4');
    expect(await total('4')).to.equal('4');
    expect(shown(), 'not before the sum is over ten').to.be.false;
    await fill(el, 'Spørsmål 2:', '9');
    expect(await total('13')).to.equal('13');
    expect(shown(), 'the sum is over ten').to.be.true;
    expect(el.answers).to.include({ q2: 9, q33: 4, total: 13 });

    const q40 = inputFor(el, 'Spørsmål 40:');
    q40.focus();
    q40.blur();
    await settled(el);
    const error = r.getElementById(`${q40.id}-error`)!;
    expect(error.textContent!.trim()).to.not.equal('');
    expect(inputFor(el, 'Spørsmål 40:').getAttribute('aria-invalid')).to.equal('true');
    expect(inputFor(el, 'Spørsmål 38:').getAttribute('aria-invalid'), 'an untouched question in the same block').to.equal('false');
    await expectAccessible(el);
    await fill(el, 'Spørsmål 40:', '1');
    expect(r.getElementById(`${q40.id}-error`), 'answered: no error').to.equal(null);
    expect(await total('14')).to.equal('14');
  });

  it('renders SurveyJS JSON: matrix, rating with end labels, multiple text, a calculated value announced politely', async () => {
    const el = await form(surveyJs);
    await expectAccessible(el);
    const r = root(el);
    expect(r.querySelectorAll('.matrix-row').length).to.equal(2);
    expect(r.querySelector('.scale-ends')!.textContent).to.contain('Svært dårlig');
    await fill(el, 'Tall A', '21');
    const output = r.querySelector('output')!;
    expect(output.getAttribute('aria-live')).to.equal('polite');
    expect(output.textContent).to.equal('42');
    const radio = r.querySelector<HTMLInputElement>('.matrix-row input')!;
    radio.click();
    await settled(el);
    expect(el.answers.phq).to.deep.equal({ interest: 0 });
  });

  it('runs SDC expressions in the browser: a calculated value follows the answers and an enableWhenExpression shows a question', async () => {
    const expression = (url: string, text: string) => ({ url: `http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-${url}`, valueExpression: { language: 'text/fhirpath', expression: text } });
    const el = await form({
      resourceType: 'Questionnaire',
      status: 'active',
      item: [
        { linkId: 'weight', type: 'decimal', text: 'Vekt i kg' },
        { linkId: 'height', type: 'decimal', text: 'Høyde i meter' },
        { linkId: 'bmi', type: 'decimal', text: 'KMI', readOnly: true, extension: [expression('calculatedExpression', "(%resource.item.where(linkId='weight').answer.value / %resource.item.where(linkId='height').answer.value.power(2)).round(1)")] },
        { linkId: 'advice', type: 'boolean', text: 'Vil du ha råd om vekt?', extension: [expression('enableWhenExpression', "%resource.item.where(linkId='weight').answer.value > 100")] },
      ],
    });
    expect(el.step).to.not.equal('failed');
    const advice = () => [...root(el).querySelectorAll('legend, label')].some((l) => l.textContent!.trim().startsWith('Vil du ha råd om vekt?'));
    expect(advice(), 'hidden until the expression holds').to.be.false;
    await fill(el, 'Vekt i kg', '110');
    await fill(el, 'Høyde i meter', '2');
    for (let i = 0; i < 50 && root(el).querySelector('output')?.textContent !== '27,5'; i++) await new Promise((r) => setTimeout(r, 20));
    const output = root(el).querySelector('output')!;
    expect(output.textContent).to.equal('27,5');
    expect(output.getAttribute('aria-live')).to.equal('polite');
    expect(advice(), 'shown once the weight is over 100').to.be.true;
    await expectAccessible(el);
  });

  it('loses no text with the text spacing a reader may set (WCAG 1.4.12), filling in and on review, 320 px wide', async () => {
    const el = await form(allTypes());
    el.parentElement!.style.width = '320px';
    await settled(el);
    await expectTextSpacingSafe(el);
  });

  it('does not repeat the form title as the heading of its only page', async () => {
    for (const item of [
      [{ linkId: 'a', type: 'string', text: 'Hva heter du?' }],
      [{ linkId: 'g', type: 'group', text: 'Kort skjema', item: [{ linkId: 'a', type: 'string', text: 'Hva heter du?' }] }],
    ]) {
      const el = await form({ resourceType: 'Questionnaire', status: 'active', title: 'Kort skjema', item });
      const headings = [...root(el).querySelectorAll('h2, h3')].map((h) => h.textContent!.trim());
      expect(headings).to.deep.equal(['Kort skjema', 'Spørsmål']);
    }
  });

  it('shows one question per page', async () => {
    const el = await form(preConsultation(), { oneQuestion: true });
    expect(root(el).querySelectorAll('[part~="question"]').length).to.equal(1);
    expect(root(el).textContent).to.contain('Spørsmål 1 av');
  });

  it('shows a submitted response read-only', async () => {
    const built = buildQuestionnaireResponse(preConsultation(), { reason: 'Kontroll', weight: 70 }, { status: 'completed' });
    if (!built.ok) throw new Error('build');
    const el = await fixtureInLang<HkHealthForm>(
      html`<hk-health-form read-only .questionnaire=${preConsultation()} .response=${built.value.response}></hk-health-form>`,
    );
    await ready(el, 'readOnly');
    expect(root(el).textContent).to.contain('Kontroll');
    expect(root(el).querySelector('input')).to.equal(null);
    await expectAccessible(el);
  });

  it('says whose form it is when someone fills in on behalf', async () => {
    const el = await fixtureInLang<HkHealthForm>(
      html`<hk-health-form .questionnaire=${preConsultation()} .patient=${patient} .filledInBy=${{ reference: 'RelatedPerson/r1', display: 'Ola Nordmann' }}></hk-health-form>`,
    );
    await ready(el);
    expect(root(el).querySelector('.on-behalf')!.textContent).to.contain('Ola Nordmann fyller ut skjemaet på vegne av Kari Nordmann');
  });
  it('shows the PHQ-9 score on the receipt', async () => {
    // The dev server may serve the fixture as JSON or, once esbuild has seen it, as a JS module.
    const url = '/packages/core/src/fhir/fixtures/phq9.questionnaire.json';
    const text = await (await fetch(url)).text();
    const phq9: unknown = text.trimStart().startsWith('{') ? JSON.parse(text) : ((await import(/* @vite-ignore */ url)) as { default: unknown }).default;
    const el = await form(phq9, { patient });
    const groups = [...root(el).querySelectorAll('fieldset')].slice(0, 9);
    expect(groups.length).to.equal(9);
    // 2 on every item: 18
    for (const g of groups) g.querySelectorAll('input')[2]!.click();
    await settled(el);
    while (el.step === 'filling') {
      const next = root(el).querySelector<HTMLButtonElement>('[part~="next-button"]')!;
      next.click();
      await settled(el);
      if (root(el).querySelector('#error-summary')) break;
    }
    expect(el.step).to.equal('review');
    await click(el, 'Neste');
    (root(el).querySelector('#consent-check') as HTMLInputElement).click();
    await click(el, 'Send');
    await ready(el, 'submitted');
    const score = root(el).querySelector('[part="score"]')!.textContent!.replace(/\s+/g, ' ');
    expect(score).to.contain('PHQ-9: 18 av 27 poeng');
    expect(score).to.contain('selvskading');
    await expectAccessible(el);
  });

  it('offers name, birth date and a valid fødselsnummer from the Patient, and never an invalid one', async () => {
    const q = { ...personQuestionnaire(), url: 'https://helsekit.test/Questionnaire/id' };
    const withFnr = (value: string): Patient => ({ ...patient, identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.1', value }] });
    const el = await form(q, { patient: withFnr('17058012345') });
    expect(el.step).to.equal('prefillReview');
    const text = root(el).textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Kari Nordmann');
    expect(text).to.contain('17.05.1980');
    expect(text).to.contain('Fra opplysningene vi har om deg');
    // checksum fails: not offered
    expect(text).not.to.contain('17058012345');
    // offered is not answered: nothing is prefilled without the person seeing and keeping it
    expect(el.answers).to.deep.equal({});
    await expectAccessible(el);
    await click(el, 'Behold');
    expect(el.answers.name).to.equal('Kari Nordmann');
    expect(el.answers.birthdate).to.equal(undefined);
    el.parentElement!.remove();
    const ok = await form(q, { patient: withFnr('01010012356') });
    expect(root(ok).textContent).to.contain('01010012356');
    const keepFnr = [...root(ok).querySelectorAll('button')].filter((b) => b.textContent!.includes('Behold'))[2]!;
    keepFnr.click();
    await settled(ok);
    expect(ok.answers.fnr).to.equal('01010012356');
  });

  it('marks the person\'s own name and birth date for autofill (WCAG 1.3.5), but not when filling in for someone else', async () => {
    const q = personQuestionnaire({ linkId: 'reason', type: 'string', text: 'Hva gjelder det?' });
    const tokens = (el: HkHealthForm) => ['Navn', 'Fødselsdato', 'Fødselsnummer', 'Hva gjelder det?'].map((l) => inputFor(el, l).getAttribute('autocomplete'));
    const own = await form(q);
    expect(tokens(own)).to.deep.equal(['name', 'bday', 'off', 'off']);
    const forOther = await fixtureInLang<HkHealthForm>(
      html`<hk-health-form .questionnaire=${q} .store=${new MemoryStore()} .filledInBy=${{ reference: 'RelatedPerson/mor', display: 'Mor' }}></hk-health-form>`,
      'nb',
    );
    await ready(forOther);
    expect(tokens(forOther)).to.deep.equal(['off', 'off', 'off', 'off']);
  });

  it('never overwrites a newer draft from another tab', async () => {
    const store = new MemoryStore();
    const first = await form(preConsultation(), { store, patient });
    const second = await form(preConsultation(), { store, patient });
    const saved = oneEvent(first, 'hk-draft-saved');
    await fill(first, 'Hva gjelder timen?', 'Fra fane 1');
    await saved;
    const conflict = oneEvent(second, 'hk-error') as Promise<HkErrorEvent>;
    await fill(second, 'Hva gjelder timen?', 'Fra fane 2');
    expect((await conflict).detail.reason).to.equal('draft-conflict');
    await settled(second);
    expect(root(second).querySelector('[part="status"]')!.textContent).to.contain('endret et annet sted');
    const draft = await store.loadDraft({ questionnaire: 'https://helsekit.test/Questionnaire/pre', subject: 'Patient/p1' });
    expect(JSON.stringify(draft!.response)).to.contain('Fra fane 1');
  });
});
