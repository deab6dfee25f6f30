// Issue 7, item 2 (forms): every payload of the shared XSS corpus in a FHIR Questionnaire's title, description,
// display text, question text, choice labels and help, in a SurveyJS form's titles, descriptions, choices and
// matrix rows, and piped as an answer (`{who}`) into the next question's title and description.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { Questionnaire } from 'fhir/r4';
import { MemoryStore } from '@helsekit/core/store';
import '@helsekit/health-form/define';
import type { HkHealthForm } from '@helsekit/health-form';
import { fixtureInLang, settled } from '@helsekit/base/testing/index';
import { inputFor, ready, root } from '../../health-form/test/helpers.js';
import { collapse, deepText, resetXssCanary, XSS_CORPUS, xssCanaryFired, xssFindings } from '@helsekit/base/testing/xss-corpus';

/** Gives a late onerror/onload (an image that fails to load, a frame) time to fire, then checks the canary. */
async function canaryStaysUnset(): Promise<void> {
  await new Promise((r) => setTimeout(r, 30));
  expect(xssCanaryFired(), 'the canary fired').to.equal(false);
}

const CONTROL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';

/** Every text of a FHIR Questionnaire is `payload`. */
function hostileQuestionnaire(payload: string): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    url: 'https://helsekit.test/Questionnaire/xss',
    title: payload,
    description: payload,
    status: 'active',
    item: [
      { linkId: 'd', type: 'display', text: payload },
      {
        linkId: 'q',
        type: 'choice',
        text: payload,
        answerOption: [{ valueString: payload }, { valueCoding: { code: 'c', display: payload } }, { valueString: 'trygt' }],
        item: [{ linkId: 'q-help', type: 'display', text: payload, extension: [{ url: CONTROL, valueCodeableConcept: { coding: [{ code: 'help' }] } }] }],
      },
      { linkId: 'multi', type: 'choice', repeats: true, text: payload, answerOption: [{ valueString: payload }, { valueString: 'annet' }] },
      { linkId: 's', type: 'string', text: payload, prefix: payload },
      { linkId: 'n', type: 'decimal', text: payload },
    ],
  };
}

/** Every text of a SurveyJS form is `payload`. */
function hostileSurvey(payload: string): Record<string, unknown> {
  return {
    title: payload,
    description: payload,
    pages: [
      {
        name: 'p1',
        title: payload,
        description: payload,
        elements: [
          { type: 'radiogroup', name: 'r', title: payload, description: payload, choices: [{ value: 'a', text: payload }, 'b'] },
          { type: 'checkbox', name: 'c', title: payload, choices: [{ value: 'a', text: payload }, 'b'] },
          { type: 'matrix', name: 'm', title: payload, columns: [{ value: 0, text: payload }], rows: [{ value: 'r1', text: payload }] },
          { type: 'html', name: 'h', html: payload },
        ],
      },
    ],
  };
}

async function form(q: unknown): Promise<HkHealthForm> {
  const el = await fixtureInLang<HkHealthForm>(html`<hk-health-form .questionnaire=${q} .store=${new MemoryStore()}></hk-health-form>`, 'nb');
  await ready(el);
  return el;
}

function clean(el: HkHealthForm, what: string): void {
  expect(xssFindings(root(el)), `${what}: markup from the payload in the shadow DOM`).to.deep.equal([]);
  expect(xssCanaryFired(), `${what}: the canary fired`).to.equal(false);
}

/**
 * The payload is shown as text. survey-core processes `{name}` in every text (piping; `{locale}` becomes `nb`, an
 * unknown name becomes empty), also in texts that came from a FHIR Questionnaire: that is text substitution, not
 * markup, so for those payloads the parts outside braces must be shown literally.
 */
function shows(scope: ParentNode | null, payload: string, what: string): void {
  expect(scope, `${what}: not rendered`).to.not.equal(null);
  const text = deepText(scope!);
  for (const fragment of payload.split(/\{+[^{}]*\}+/)) {
    if (collapse(fragment) !== '') expect(text, `${what}: payload not shown literally`).to.contain(collapse(fragment));
  }
}

describe('XSS corpus in <hk-health-form>', () => {
  beforeEach(async () => {
    // A late error event from an earlier (failed) test must not be counted against this one.
    await new Promise((r) => setTimeout(r, 30));
    resetXssCanary();
  });

  for (const { id, payload } of XSS_CORPUS) {
    it(`${id}: FHIR Questionnaire title, description, texts, choices and help are text`, async () => {
      const el = await form(hostileQuestionnaire(payload));
      const r = root(el);
      clean(el, 'Questionnaire');
      shows(r.querySelector('.form-title'), payload, 'title');
      shows(r.querySelector('[part="display"]'), payload, 'display item');
      shows(r.querySelector('legend'), payload, 'question text');
      shows(r.querySelector('.option'), payload, 'choice label');
      shows(r.querySelector('.hint'), payload, 'help text');
      const labels = [...r.querySelectorAll('label, legend')].map((l) => collapse(l.textContent ?? ''));
      const literal = collapse(payload.split(/\{+[^{}]*\}+/).join(' ').split(' ').filter(Boolean).pop() ?? '');
      expect(labels.filter((l) => l.includes(literal)).length, 'labels with the payload').to.be.at.least(4);
      el.parentElement!.remove();
      await canaryStaysUnset();
    });

    it(`${id}: SurveyJS titles, descriptions, choices, matrix and html are text`, async () => {
      const el = await form(hostileSurvey(payload));
      clean(el, 'SurveyJS');
      shows(root(el).querySelector('.form-title'), payload, 'title');
      shows(root(el).querySelector('legend'), payload, 'question title');
      shows(root(el).querySelector('.option'), payload, 'choice');
      el.parentElement!.remove();
      await canaryStaysUnset();
    });

    it(`${id}: piped into the next title and description ({who}) as text`, async () => {
      const el = await form({
        title: 'Piping',
        elements: [
          { type: 'text', name: 'who', title: 'Hvem?' },
          { type: 'text', name: 'more', title: 'Fortell mer om {who}', description: 'Om {who}' },
          { type: 'radiogroup', name: 'pick', title: 'Velg for {who}', choices: [{ value: 'a', text: '{who}' }, 'b'] },
        ],
      });
      const input = inputFor(el, 'Hvem?');
      input.value = payload;
      // What the person could type: a one-line input drops line breaks.
      const typed = input.value;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await settled(el);
      await settled(el);
      clean(el, 'piped answer');
      const more = [...root(el).querySelectorAll('label')].find((l) => l.textContent!.startsWith('Fortell mer'))!;
      expect(collapse(more.textContent!), 'piped title').to.contain(collapse(typed));
      expect(deepText(root(el)), 'piped choice question').to.contain(collapse(`Velg for ${typed}`));
      // (Descriptions are not piped by the renderer: "Om {who}" stays as written.)
      el.parentElement!.remove();
      await canaryStaysUnset();
    });
  }
});
