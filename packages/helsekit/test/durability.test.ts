// Issue 7, item 6: durability against the real local FHIR server (examples/fhir-server), started by the `hk-fhir`
// plugin in web-test-runner.config.mjs. A "reload" removes the element and creates a new one with the same
// configuration; nothing is kept in the browser, so whatever comes back came from the server's draft.
// The triage half (persist="session" across a reload) is packages/triage/test/triage.persist.test.ts.
import { expect, oneEvent } from '@open-wc/testing';
import { html } from 'lit';
import type { Bundle, Questionnaire, QuestionnaireResponse } from 'fhir/r4';
import { executeServerCommand } from '@web/test-runner-commands';
import '@helsekit/health-form/define';
import type { HkErrorEvent, HkHealthForm } from '@helsekit/health-form';
import { fixtureInLang, settled } from '@helsekit/base/testing/index';
import { choose, click, fill, inputFor, ready, root } from '../../health-form/test/helpers.js';

const CONTROL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';
const QUESTIONNAIRE_URL = 'https://helsekit.test/Questionnaire/durability';
const page = [{ url: CONTROL, valueCodeableConcept: { coding: [{ code: 'page' }] } }];

/** Two pages; the second question of page 1 shows a third when answered "Ja". */
function questionnaire(): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    url: QUESTIONNAIRE_URL,
    title: 'Før timen',
    status: 'active',
    item: [
      {
        linkId: 'p1',
        type: 'group',
        text: 'Om deg',
        extension: page,
        item: [
          { linkId: 'reason', type: 'string', text: 'Hva gjelder timen?', required: true },
          { linkId: 'smoking', type: 'boolean', text: 'Røyker du?' },
          { linkId: 'smoking-amount', type: 'integer', text: 'Hvor mange sigaretter om dagen?', enableWhen: [{ question: 'smoking', operator: '=', answerBoolean: true }] },
        ],
      },
      {
        linkId: 'p2',
        type: 'group',
        text: 'Helse',
        extension: page,
        item: [
          { linkId: 'weight', type: 'decimal', text: 'Vekt' },
          {
            linkId: 'pain',
            type: 'choice',
            text: 'Hvor sterke smerter har du nå?',
            answerOption: [{ valueCoding: { code: 'none', display: 'Ingen' } }, { valueCoding: { code: 'some', display: 'Noe' } }],
          },
        ],
      },
    ],
  };
}

let base = '';
before(async () => {
  ({ base } = await executeServerCommand<{ base: string }, undefined>('hk-fhir'));
});
// A test that fails half-way must not leave the server stopped for the next one.
afterEach(async () => {
  await executeServerCommand('hk-fhir-start');
});

const run = Math.random().toString(36).slice(2, 8);
let people = 0;
/** A subject of its own for each test: drafts are keyed by Questionnaire and subject. */
const newSubject = () => `Patient/durability-${run}-${++people}`;

/** The same configuration every time: a page load, as far as the element can tell. */
async function open(subject: string): Promise<HkHealthForm> {
  const el = await fixtureInLang<HkHealthForm>(
    html`<hk-health-form fhir-base=${base} .allowedFhirBases=${[base]} subject=${subject} .questionnaire=${questionnaire()}></hk-health-form>`,
    'nb',
  );
  await ready(el);
  return el;
}

async function reload(el: HkHealthForm, subject: string): Promise<HkHealthForm> {
  el.parentElement!.remove();
  return open(subject);
}

/** Runs `action` and waits until the draft it causes is on the server. */
async function saved(el: HkHealthForm, action: () => Promise<void>): Promise<void> {
  const done = oneEvent(el, 'hk-draft-saved');
  await action();
  await done;
}

async function responsesOnServer(subject: string, status: 'in-progress' | 'completed'): Promise<QuestionnaireResponse[]> {
  const params = new URLSearchParams({ subject, questionnaire: QUESTIONNAIRE_URL, status, _count: '100' });
  const res = await fetch(`${base}/QuestionnaireResponse?${params}`, { headers: { Accept: 'application/fhir+json' } });
  expect(res.status).to.equal(200);
  const bundle = (await res.json()) as Bundle<QuestionnaireResponse>;
  return (bundle.entry ?? []).map((e) => e.resource!);
}

const ALL = { reason: 'Vondt i kneet', smoking: true, 'smoking-amount': 10, weight: 64 };

describe('durability against the local FHIR server', () => {
  it('a form survives a reload while filling page 1, page 2, in review and at consent', async () => {
    const subject = newSubject();
    let el = await open(subject);
    expect(el.step).to.equal('filling');

    // page 1
    await saved(el, () => fill(el, 'Hva gjelder timen?', 'Vondt i kneet'));
    await choose(el, 'Røyker du?', 'Ja');
    await saved(el, () => fill(el, 'Hvor mange sigaretter om dagen?', '10'));
    el = await reload(el, subject);
    expect(el.step).to.equal('filling');
    expect(el.pageIndex).to.equal(0);
    expect(el.answers).to.deep.include({ reason: 'Vondt i kneet', smoking: true, 'smoking-amount': 10 });
    expect(inputFor(el, 'Hva gjelder timen?').value).to.equal('Vondt i kneet');

    // page 2
    await saved(el, () => click(el, 'Neste'));
    expect(el.pageIndex).to.equal(1);
    await saved(el, () => fill(el, 'Vekt', '64'));
    el = await reload(el, subject);
    expect(el.step).to.equal('filling');
    expect(el.pageIndex).to.equal(1);
    expect(inputFor(el, 'Vekt').value).to.equal('64');
    expect(el.answers).to.deep.include(ALL);

    // review: the draft keeps the answers and the last page; review itself is one click away again
    await saved(el, () => choose(el, 'Hvor sterke smerter har du nå?', 'Noe'));
    await click(el, 'Se over svarene');
    expect(el.step).to.equal('review');
    el = await reload(el, subject);
    expect(el.step).to.equal('filling');
    expect(el.pageIndex).to.equal(1);
    expect(el.answers).to.deep.include(ALL);
    expect(el.answers.pain).to.equal('some');
    await click(el, 'Se over svarene');
    expect(el.step).to.equal('review');
    expect(root(el).textContent).to.contain('Vondt i kneet');

    // consent (not ticked yet): the same
    await click(el, 'Neste');
    expect(el.step).to.equal('consent');
    el = await reload(el, subject);
    expect(el.pageIndex).to.equal(1);
    expect(el.answers).to.deep.include(ALL);

    // and it can still be sent: one completed response with every answer, the draft gone
    await click(el, 'Se over svarene');
    await click(el, 'Neste');
    (root(el).querySelector('#consent-check') as HTMLInputElement).click();
    await click(el, 'Send');
    await ready(el, 'submitted');
    const completed = await responsesOnServer(subject, 'completed');
    expect(completed.length).to.equal(1);
    const sent = JSON.stringify(completed[0]!.item);
    for (const text of ['Vondt i kneet', '"valueBoolean":true', '"valueInteger":10', '64', '"some"']) expect(sent).to.contain(text);
    expect(await responsesOnServer(subject, 'in-progress')).to.deep.equal([]);
  });

  it('a server restart during submit: answers kept, a retry sends once', async () => {
    const subject = newSubject();
    const el = await open(subject);
    await fill(el, 'Hva gjelder timen?', 'Vondt i kneet');
    await click(el, 'Neste');
    await saved(el, () => fill(el, 'Vekt', '64'));
    await click(el, 'Se over svarene');
    await click(el, 'Neste');
    (root(el).querySelector('#consent-check') as HTMLInputElement).click();
    await settled(el);

    await executeServerCommand('hk-fhir-stop');
    const error = oneEvent(el, 'hk-error') as Promise<HkErrorEvent>;
    await click(el, 'Send');
    expect((await error).detail.reason).to.equal('submit-failed');
    await ready(el, 'failed');
    expect(root(el).textContent).to.contain('Svarene dine er tatt vare på');
    expect(el.answers).to.deep.include({ reason: 'Vondt i kneet', weight: 64 });
    // still down: a retry fails again, nothing lost
    await click(el, 'Prøv igjen');
    await ready(el, 'failed');
    expect(el.answers).to.deep.include({ reason: 'Vondt i kneet', weight: 64 });

    await executeServerCommand('hk-fhir-start');
    await click(el, 'Prøv igjen');
    await ready(el, 'submitted');
    // and the browser's "online" afterwards does not send it again
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 200));
    const completed = await responsesOnServer(subject, 'completed');
    expect(completed.length).to.equal(1);
    expect(JSON.stringify(completed[0]!.item)).to.contain('Vondt i kneet');
    expect(await responsesOnServer(subject, 'in-progress')).to.deep.equal([]);
  });

  it('two tabs on one draft: the later writer gets a conflict, never overwrites, and loses nothing', async () => {
    const subject = newSubject();
    // Both start with no draft: the second one's first save would create a second draft.
    const first = await open(subject);
    const second = await open(subject);
    await saved(first, () => fill(first, 'Hva gjelder timen?', 'Fra fane 1'));
    let conflict = oneEvent(second, 'hk-error') as Promise<HkErrorEvent>;
    await fill(second, 'Hva gjelder timen?', 'Fra fane 2');
    expect((await conflict).detail.reason).to.equal('draft-conflict');
    await settled(second);
    expect(root(second).querySelector('[part="status"]')!.textContent).to.contain('endret et annet sted');
    // the second tab's answer is still on its screen, not silently dropped
    expect(second.answers.reason).to.equal('Fra fane 2');
    let drafts = await responsesOnServer(subject, 'in-progress');
    expect(drafts.length).to.equal(1);
    expect(JSON.stringify(drafts[0]!.item)).to.contain('Fra fane 1');

    // Both on the same saved version: the first saves a newer one, the second's stale If-Match is refused.
    const third = await reload(second, subject);
    expect(third.answers.reason).to.equal('Fra fane 1');
    await saved(first, () => fill(first, 'Hva gjelder timen?', 'Fra fane 1, nyere'));
    conflict = oneEvent(third, 'hk-error') as Promise<HkErrorEvent>;
    await fill(third, 'Hva gjelder timen?', 'Fra fane 2, eldre grunnlag');
    expect((await conflict).detail.reason).to.equal('draft-conflict');
    await settled(third);
    expect(root(third).querySelector('[part="status"]')!.textContent).to.contain('endret et annet sted');
    expect(third.answers.reason).to.equal('Fra fane 2, eldre grunnlag');
    drafts = await responsesOnServer(subject, 'in-progress');
    expect(drafts.length).to.equal(1);
    expect(JSON.stringify(drafts[0]!.item)).to.contain('Fra fane 1, nyere');
  });
});
