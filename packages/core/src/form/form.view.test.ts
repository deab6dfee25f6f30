import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { preConsultationForm } from './form.fixtures.js';
import type { FormContext } from './form.types.js';
import { catalogs } from '../i18n/catalogs.js';
import { answerRows, toFormView } from './form.view.js';
import { examplePatient } from './form.fixtures.js';

const HAUKELAND = { kind: 'response' as const, questionnaireTitle: 'Egenerklæring', organization: 'Haukeland universitetssjukehus', date: '2026-03-12T09:00:00+01:00' };

function ctx(over: Partial<FormContext> = {}): FormContext {
  return {
    input: { questionnaireUrl: preConsultationForm.url!, subject: { reference: 'Patient/p1', display: 'Kari Nordmann' } },
    questionnaire: preConsultationForm,
    answers: {},
    prefill: {},
    touched: {},
    showErrors: false,
    pageIndex: 0,
    returnToReview: false,
    draft: { version: null, dirty: false, failures: 0 },
    submitFailures: 0,
    ...over,
  };
}

const view = (flow: string, c: FormContext, autosave: unknown = 'idle', locale: 'nb-NO' | 'nn-NO' | 'en-GB' | 'se-NO' = 'nb-NO') => toFormView({ value: { flow, autosave }, context: c }, { locale, messages: catalogs[locale] });

describe('form view', () => {
  it('progress, questions, and errors only after blur or a submit attempt', () => {
    const c = ctx({ answers: { fodselsnummer: '01018099958' } });
    const v = view('filling', c);
    assert.deepEqual(v.progress, { current: 1, total: 3, text: 'Side 1 av 3' });
    assert.deepEqual(v.page?.questions.map((q) => q.linkId), ['name', 'fodselsnummer', 'gp']);
    assert.equal(v.page?.title, 'Om deg');
    assert.equal(v.page?.heading, 'Om deg');
    assert.equal(v.page?.questions[1]!.error, null, 'not touched yet');
    assert.equal(v.errorSummary, null);
    const touched = view('filling', { ...c, touched: { fodselsnummer: true } });
    assert.match(touched.page!.questions[1]!.error!, /Fødselsnummeret stemmer ikke/);
    const attempted = view('filling', { ...c, answers: {}, showErrors: true });
    assert.deepEqual(attempted.errorSummary?.errors.map((e) => e.linkId), ['fodselsnummer']);
    assert.ok(attempted.errorSummary?.errors[0]!.message);
    assert.equal(attempted.page?.questions[1]!.error, attempted.errorSummary?.errors[0]!.message);
  });

  it('marked: only the questions with an error shown or a prefill mark; untouched questions are not checked until a submit attempt', () => {
    const offer = { value: 'Dr. Hansen', origin: HAUKELAND, state: 'offered' as const };
    const c = ctx({ answers: { fodselsnummer: '123' }, prefill: { gp: offer }, touched: {} });
    assert.deepEqual(view('filling', c).page?.marked.map((q) => q.linkId), ['gp']);
    const touched = view('filling', { ...c, touched: { fodselsnummer: true, complaint: true } });
    assert.deepEqual(touched.page?.marked.map((q) => q.linkId).sort(), ['fodselsnummer', 'gp'], 'a touched question on another page is not on this one');
    assert.equal(touched.page?.marked.find((q) => q.linkId === 'fodselsnummer')?.error, touched.page?.questions[1]!.error);
    const attempted = view('filling', { ...c, answers: {}, showErrors: true });
    assert.deepEqual(attempted.page?.marked.map((q) => q.linkId).sort(), ['fodselsnummer', 'gp']);
    assert.equal(attempted.page?.marked.find((q) => q.linkId === 'fodselsnummer')?.error, attempted.errorSummary?.errors[0]!.message);
  });

  it('the heading of a form\'s only page never repeats the form title (a titled page says its title, above)', () => {
    const one = (item: NonNullable<typeof preConsultationForm.item>) => view('filling', ctx({ questionnaire: { ...preConsultationForm, title: 'Kort skjema', item } }));
    const question = { linkId: 'a', type: 'string' as const, text: 'Hva heter du?' };
    assert.equal(one([question]).page?.heading, 'Spørsmål');
    assert.equal(one([{ linkId: 'g', type: 'group', text: 'Kort skjema', item: [question] }]).page?.heading, 'Spørsmål');
  });

  it("a question's answer as text, formatted for the locale when it is read (and when the view is copied)", () => {
    const c = ctx({ pageIndex: 1, answers: { height: 172.5 } });
    const height = view('filling', c).page!.questions.find((q) => q.linkId === 'height')!;
    assert.equal(height.answerText, '172,5');
    assert.equal((JSON.parse(JSON.stringify(height)) as { answerText: string }).answerText, '172,5');
    const english = view('filling', c, 'idle', 'en-GB').page!.questions.find((q) => q.linkId === 'height')!;
    assert.equal(english.answerText, '172.5');
    assert.equal(view('filling', ctx({ pageIndex: 1 })).page!.questions.find((q) => q.linkId === 'height')!.answerText, '');
  });

  it('says where and when a prefilled answer came from, and its state', () => {
    const c = ctx({
      pageIndex: 1,
      prefill: {
        smoker: { linkId: 'smoker', value: 'former', origin: HAUKELAND, state: 'offered' },
        height: { linkId: 'height', value: 172, origin: { kind: 'observation', date: '2026-05-01' }, state: 'changed' },
        name: { linkId: 'name', value: 'Kari Nordmann', origin: { kind: 'patient' }, state: 'kept' },
      },
      answers: { height: 173, name: 'Kari Nordmann' },
    });
    const v = view('filling', c);
    const smoker = v.page!.questions.find((q) => q.linkId === 'smoker')!;
    assert.equal(smoker.prefill?.origin, 'Fra skjema hos Haukeland universitetssjukehus, 12.03.2026');
    assert.equal(smoker.prefill?.offered, 'Har sluttet');
    assert.equal(smoker.value, null, 'an offer is not an answer');
    assert.match(smoker.prefill!.stateText!, /Ikke bekreftet/);
    const height = v.page!.questions.find((q) => q.linkId === 'height')!;
    assert.equal(height.changed, true);
    assert.equal(height.prefill?.origin, 'Fra en måling, 01.05.2026');
    const review = view('prefillReview', c);
    assert.deepEqual(review.prefillReview?.sections.map((s) => [s.groupLinkId, s.items.map((i) => i.linkId)]), [['about', ['name']], ['health', ['smoker', 'height']]]);
    assert.equal(review.prefillReview?.sections[0]!.items[0]!.prefill?.origin, 'Fra opplysningene vi har om deg');
    assert.match(review.prefillReview!.sections[1]!.confirmLabel!, /Helse/);
  });

  it('review rows: every answer, unanswered ones, and changed marks', () => {
    const c = ctx({
      answers: { fodselsnummer: '01018099957', smoker: 'former', height: 173, allergies: false, complaint: 'Kne' },
      prefill: { height: { linkId: 'height', value: 172, origin: HAUKELAND, state: 'changed' } },
    });
    const v = view('review', c);
    const rows = Object.fromEntries(v.review!.rows.map((r) => [r.linkId, r]));
    assert.equal(rows.smoker!.answer, 'Har sluttet');
    assert.equal(rows.allergies!.answer, 'Nei');
    assert.equal(rows.name!.answer, 'Ikke besvart');
    assert.equal(rows.name!.answered, false);
    assert.equal(rows.height!.changed, true);
    assert.equal(rows.smoker!.changed, false);
    assert.equal(rows.complaint!.pageIndex, 2);
    assert.equal(rows.internalNote, undefined, 'hidden items are not shown');
    assert.match(rows.smoker!.changeLabel, /Endre svaret på «Røyker du\?»/);
  });

  it('whose form, on behalf', () => {
    assert.equal(view('filling', ctx()).whose, 'Skjema for Kari Nordmann');
    const c = ctx();
    c.input = { ...c.input, filler: { reference: 'RelatedPerson/1', display: 'Ola Nordmann' } };
    assert.equal(view('filling', c).whose, 'Ola Nordmann fyller ut skjemaet på vegne av Kari Nordmann');
  });

  it('status, conflict, consent, receipt', () => {
    assert.equal(view('filling', ctx(), 'saving').status?.kind, 'saving');
    assert.match(view('filling', ctx({ draft: { version: '1', savedAt: '2026-06-01T08:30:00Z', dirty: false, failures: 0 } }), 'saved').status!.text, /^Utkast lagret kl\./);
    assert.equal(view('filling', ctx(), 'offline').status?.kind, 'offline');
    assert.equal(view('waitingForConnection', ctx(), 'idle').status?.kind, 'waiting');
    const conflict = view('filling', ctx({ conflict: { version: '3', savedAt: '2026-06-01T08:30:00Z', answers: {} } }), { conflict: 'deciding' });
    assert.equal(conflict.status?.kind, 'conflict');
    assert.equal(conflict.conflict?.loadTheirs, 'Bruk svarene som ble lagret sist');
    const consent = view('consent', ctx({ consent: { share: false, keepForReuse: true } }));
    assert.equal(consent.consent?.canSubmit, false);
    assert.ok(consent.consent?.required);
    const c = ctx({ consent: { share: true, keepForReuse: true } });
    c.input = { ...c.input, recipient: { reference: 'Organization/1', display: 'Haukeland universitetssjukehus' } };
    assert.match(view('consent', c).consent!.shareText, /Haukeland/);
    const done = view('submitted', ctx({ receipt: { responseId: 'r1', submittedAt: '2026-06-01T08:30:00Z' } }));
    assert.equal(done.receipt?.reference, 'Referanse: r1');
    assert.equal(done.status, null);
  });

  it('one question per page says "Spørsmål 2 av 8"', () => {
    const c = ctx({ pageIndex: 1 });
    c.input = { ...c.input, onePerPage: true };
    assert.equal(view('filling', c).progress?.text, 'Spørsmål 2 av 8');
  });

  it('every locale fills every text', () => {
    for (const locale of ['nb-NO', 'nn-NO', 'en-GB', 'se-NO'] as const) {
      const c = ctx({ pageIndex: 1, showErrors: true, prefill: { smoker: { linkId: 'smoker', value: 'former', origin: HAUKELAND, state: 'offered' } } });
      const v = view('filling', c, { conflict: 'deciding' }, locale);
      assert.ok(v.progress?.text);
      assert.ok(v.page?.questions[0]?.prefill?.origin.includes('Haukeland'));
      assert.ok(v.errorSummary?.errors.every((e) => e.message.length > 0));
      assert.ok(v.status?.text);
    }
  });

  it('the consent error shows only after an attempt to send; the summary names the question', () => {
    assert.equal(view('consent', ctx({ consent: { share: false, keepForReuse: false } })).consent?.error, null);
    assert.match(view('consent', ctx({ consent: { share: false, keepForReuse: false }, showErrors: true })).consent!.error!, /Kryss av/);
    assert.equal(view('consent', ctx({ consent: { share: true, keepForReuse: false }, showErrors: true })).consent?.error, null);
    const attempted = view('filling', ctx({ showErrors: true }));
    assert.equal(attempted.errorSummary?.errors[0]!.question, 'Fødselsnummer');
  });

  it('the header line: whose form and born; on behalf on its own line', () => {
    const c = ctx();
    c.input = { ...c.input, patient: examplePatient };
    assert.equal(view('filling', c).subjectLine, 'Skjema for Kari Nordmann, født 1. januar 1980');
    assert.equal(view('filling', c).onBehalf, null);
    c.input = { ...c.input, filler: { reference: 'RelatedPerson/1', display: 'Ola Nordmann' } };
    assert.equal(view('filling', c).onBehalf, 'Ola Nordmann fyller ut skjemaet på vegne av Kari Nordmann');
  });

  it('the receipt lists every answer sent; read-only rows are in the reader\'s language', () => {
    const answers = { fodselsnummer: '01018099957', allergies: false, complaint: 'Kne' };
    const done = view('submitted', ctx({ answers, receipt: { responseId: 'r1', submittedAt: '2026-06-01T08:30:00Z' } }));
    assert.equal(done.receipt?.score, null);
    assert.deepEqual(
      done.receipt?.rows.filter((r) => r.answered).map((r) => [r.linkId, r.answer]),
      [['fodselsnummer', '01018099957'], ['allergies', 'Nei'], ['complaint', 'Kne']],
    );
    const rows = answerRows(preConsultationForm, answers, { locale: 'en-GB', messages: catalogs['en-GB'] });
    assert.equal(rows.find((r) => r.linkId === 'allergies')?.answer, 'No');
    assert.equal(rows.find((r) => r.linkId === 'name')?.answered, false);
  });
});
