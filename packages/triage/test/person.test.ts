// The who-for screen, "Noe annet", child wording and what the person is told after sending (issue #13).
import { expect } from '@open-wc/testing';
import type { QuestionnaireResponse } from 'fhir/r4';
import type { HkTriage, HkTriageCompleteEvent } from '@helsekit/triage';
import { deepActiveElement, expectAccessible, press, settled, tab, type } from '@helsekit/base/testing/index';
import { answerPerson, chooseReason, click, part, root, text, triage, until } from './helpers.js';

const redFlagTexts = (el: HkTriage) => [...root(el).querySelectorAll('[part="red-flags"] label')].map((l) => l.textContent!.replace(/\s+/g, ' ').trim());

/** Answers every question on the path with "Vet ikke" (or the exclusive option of a multi-choice) until the outcome. */
async function answerUnknownToEnd(el: HkTriage): Promise<void> {
  for (let i = 0; i < 20 && el.matches(':state(questions)'); i++) {
    const dontKnow = root(el).querySelector<HTMLInputElement>('input[data-dont-know]');
    const field = root(el).querySelector<HTMLElement>('[data-answer]')!;
    if (dontKnow) dontKnow.click();
    else {
      const inputs = [...field.shadowRoot!.querySelectorAll<HTMLInputElement>('input')];
      (inputs.find((x) => x.value === 'dont-know' || x.value === 'unsure') ?? inputs.at(-1))!.click();
    }
    await settled(el);
    await click(el, 'next-button');
  }
}

describe('<hk-triage> who is it for', () => {
  it('asks whom it is about first, with a legend per group, and says what is missing on Continue', async () => {
    const el = await triage({ person: null });
    expect(el.matches(':state(choosingPerson)')).to.be.true;
    expect(text(el, 'heading')).to.equal('Hvem gjelder det?');
    const legends = [...root(el).querySelectorAll('form.person legend')].map((l) => l.textContent!.trim());
    expect(legends).to.deep.equal(['Hvem svarer du for?', 'Alder', 'Kjønn']);
    await expectAccessible(el);

    await click(el, 'next-button');
    expect(el.matches(':state(choosingPerson)')).to.be.true;
    expect(text(el, 'error')).to.equal('Svar på spørsmålene over for å gå videre.');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(part(el, 'person-who')!.getAttribute('aria-invalid')).to.equal('true');
    expect(deepActiveElement()).to.equal(part(el, 'person-who')!.querySelector('input'));
    await expectAccessible(el);
  });

  it('asks about pregnancy only for women and "annet" aged 13–64', async () => {
    const el = await triage({ person: null });
    await answerPerson(el, ['Meg selv', '18–64 år', 'Mann / gutt']);
    expect(el.matches(':state(choosingReason)')).to.be.true;
    await click(el, 'back-button');
    expect(el.matches(':state(choosingPerson)')).to.be.true;
    const pick = async (label: string) => {
      [...root(el).querySelectorAll<HTMLLabelElement>('label.option')].find((l) => l.textContent!.trim() === label)!.querySelector('input')!.click();
      await settled(el);
    };
    await pick('Kvinne / jente');
    expect(part(el, 'person-pregnant')).to.exist;
    await pick('65 år eller eldre');
    expect(part(el, 'person-pregnant')).to.equal(null);
  });

  it('a parent answering for a 3-year-old sees child protocols and child wording, and no adult red flags', async () => {
    const el = await triage({ person: null });
    await answerPerson(el, ['En annen (for eksempel et barn eller en forelder)', '1–4 år', 'Mann / gutt']);
    const reasons = [...root(el).querySelectorAll('[part="reason-button"]')].map((b) => b.textContent!.trim());
    expect(reasons).to.include('Feber hos barn under 5 år');
    expect(reasons).not.to.include('Feber hos voksne');
    expect(reasons).not.to.include('Smerter i brystet');
    await chooseReason(el, 'Feber hos barn under 5 år');
    const flags = redFlagTexts(el);
    expect(flags.some((f) => f.startsWith('Puster barnet ikke'))).to.be.true;
    expect(flags.join(' ')).not.to.contain('nitroglyserin');
    expect(flags.join(' ')).not.to.match(/Har du vondt i brystet/);
    await expectAccessible(el);
  });
});

describe('<hk-triage> "Noe annet"', () => {
  it('is always offered, also under a search with no hits, with 113 and 116117 beside it', async () => {
    const el = await triage();
    expect(part(el, 'other-button')).to.exist;
    expect(root(el).querySelector('[part="emergency"] a[href="tel:113"]')).to.exist;
    expect(root(el).querySelector('[part="emergency"] a[href="tel:116117"]')).to.exist;
    const search = part<HTMLInputElement>(el, 'reason-search')!;
    search.value = 'zzqx hikke';
    search.dispatchEvent(new Event('input'));
    await settled(el);
    expect(root(el).querySelectorAll('[part="reason-button"]').length).to.equal(0);
    expect(text(el, 'reason-status')).to.equal('Ingen treff. Prøv et annet ord.');
    expect(part(el, 'other-button')).to.exist;
    expect(root(el).querySelector('[part="emergency"] a[href="tel:113"]')).to.exist;
    await expectAccessible(el);
  });

  it('by keyboard for an adult: own words (kept as text), the red flags, a short protocol, an outcome with the words shown', async () => {
    const el = await triage();
    const completed: HkTriageCompleteEvent[] = [];
    el.addEventListener('hk-complete', (e) => completed.push(e as HkTriageCompleteEvent));
    part(el, 'other-button')!.focus();
    await press('Enter');
    await settled(el);
    expect(deepActiveElement()).to.equal(part(el, 'description'));
    // Continue with nothing written: a message, focus stays in the field.
    await tab();
    await press('Enter');
    await settled(el);
    expect(text(el, 'error')).to.equal('Skriv kort hva det gjelder, så går vi videre.');
    await expectAccessible(el);
    part(el, 'description')!.focus();
    const words = 'Hikke i tre dager <img src=x onerror="window.pwned=1">';
    await type(words);
    await tab();
    await press('Enter');
    await settled(el);
    expect(el.matches(':state(redFlags)')).to.be.true;
    await click(el, 'none-button');
    await answerUnknownToEnd(el);
    expect(el.matches(':state(outcome)')).to.be.true;
    // All "vet ikke": never self-care.
    expect(text(el, 'heading')).not.to.equal('Du kan trolig ta deg av dette selv');
    expect(text(el, 'description')).to.contain(words);
    expect(root(el).querySelector('[part="description"] img')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
    await expectAccessible(el);
    await until(() => completed.length > 0, 'hk-complete');
    const qr = completed.at(-1)!.detail.bundle.entry!.map((e) => e.resource!).find((r) => r.resourceType === 'QuestionnaireResponse') as QuestionnaireResponse;
    expect(qr.item![0]).to.deep.include({ linkId: 'description' });
    expect(qr.item![0]!.answer![0]!.valueString).to.equal(words);
  });

  it('for a child: child wording, and the Bundle says someone else answered', async () => {
    const el = await triage({ person: { who: 'other', ageBand: '5-12-years', sex: 'female' } });
    const completed: HkTriageCompleteEvent[] = [];
    el.addEventListener('hk-complete', (e) => completed.push(e as HkTriageCompleteEvent));
    await click(el, 'other-button');
    const area = part<HTMLTextAreaElement>(el, 'description')!;
    area.value = 'Neseblod som stoppet av seg selv';
    area.dispatchEvent(new Event('input'));
    await settled(el);
    await click(el, 'next-button');
    expect(redFlagTexts(el).some((f) => f.includes('barnet'))).to.be.true;
    await click(el, 'none-button');
    expect(text(el, 'heading')).to.match(/barnet/i);
    await answerUnknownToEnd(el);
    await until(() => completed.length > 0, 'hk-complete');
    const qr = completed.at(-1)!.detail.bundle.entry!.map((e) => e.resource!).find((r) => r.resourceType === 'QuestionnaireResponse') as QuestionnaireResponse;
    expect(qr.source?.type).to.equal('RelatedPerson');
  });
});

describe('<hk-triage> after the outcome', () => {
  it('says that nothing was sent when there is nowhere to send it, and "Start på nytt" works on that last screen', async () => {
    const el = await triage();
    await chooseReason(el, 'Fornye resept');
    await click(el, 'none-button');
    await answerUnknownToEnd(el);
    expect(el.matches(':state(outcome)')).to.be.true;
    if (part(el, 'handoff-button')) {
      await click(el, 'handoff-button');
      await until(() => el.matches(':state(done)'), 'done');
      expect(text(el, 'notices')).to.contain('Ingenting er sendt');
      expect(text(el, 'notices')).not.to.contain('er sendt til legekontoret');
    }
    await expectAccessible(el);
    await click(el, 'restart-button');
    expect(el.matches(':state(choosingReason)')).to.be.true;
  });
});
