// The question screens: one question per screen, on the input primitives, which this module registers. Loaded
// when the person starts using the widget (or at once when the flow resumes past the red flags), so the red-flag
// screen neither downloads nor waits for it.
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { HkChoiceGroup, HkNumberInput, HkYesNo, type HkChangeEvent } from '@helsekit/base';
import { DONT_KNOW, nextMultiChoice, type QuestionView, type TriageAnswer, type TriageView } from '@helsekit/core/triage';
import { heading, langOf, nav, notices, type ScreenHost } from './screen.js';

HkChoiceGroup.define('hk-choice-group');
HkYesNo.define('hk-yes-no');
HkNumberInput.define('hk-number-input');

function progress(view: TriageView): TemplateResult | typeof nothing {
  return view.progress ? html`<p class="progress" part="progress">${view.progress.label}</p>` : nothing;
}

/** The protocol's title above the heading. */
function eyebrow(view: TriageView): TemplateResult | typeof nothing {
  return view.protocol ? html`<p class="eyebrow" lang=${langOf(view.protocol.title)}>${view.protocol.title.text}</p>` : nothing;
}

/** What an input primitive offers (HkField). */
type Field = HTMLElement & { validate(): boolean; value: unknown; updateComplete: Promise<unknown> };

/** hk-yes-no says `dont-know`; triage protocols say `dontknow`. */
const toYesNo = (v: TriageAnswer | null) => (v === DONT_KNOW ? 'dont-know' : v);
const fromYesNo = (v: unknown) => (v === 'dont-know' ? DONT_KNOW : v);

const fieldOf = (host: ScreenHost) => host.renderRoot.querySelector<Field>('[data-answer]');
const dontKnowBox = (host: ScreenHost) => host.renderRoot.querySelector<HTMLInputElement>('input[data-dont-know]');

/** The answer the field holds now, in the machine's terms, or undefined when it holds none. */
function fieldAnswer(host: ScreenHost, question: QuestionView): TriageAnswer | undefined {
  if (dontKnowBox(host)?.checked) return DONT_KNOW;
  const value = fieldOf(host)?.value;
  if (value === null || value === undefined || value === '') return undefined;
  if (question.kind === 'yes-no-dontknow') return fromYesNo(value) as TriageAnswer;
  if (question.kind === 'multi-choice') {
    const list = value as string[];
    if (list.length === 0) return undefined;
    return list.includes(DONT_KNOW) ? DONT_KNOW : list;
  }
  return value as TriageAnswer;
}

function onAnswer(host: ScreenHost, question: QuestionView, event: HkChangeEvent<unknown>): void {
  if (question.kind === 'multi-choice') {
    (event.target as Field).value = nextMultiChoice(question, (event.detail.value as string[]) ?? []);
  }
  const answer = fieldAnswer(host, question);
  if (answer !== undefined) host.send({ type: 'ANSWER.SET', questionId: question.id, value: answer });
  host.requestUpdate();
}

function onDontKnow(host: ScreenHost, question: QuestionView, event: Event): void {
  const answer = (event.target as HTMLInputElement).checked ? DONT_KNOW : fieldAnswer(host, question);
  if (answer !== undefined) host.send({ type: 'ANSWER.SET', questionId: question.id, value: answer });
  host.requestUpdate();
}

async function next(host: ScreenHost, question: QuestionView): Promise<void> {
  const field = fieldOf(host);
  const dontKnow = dontKnowBox(host)?.checked === true;
  if (!dontKnow && field && !field.validate()) {
    await field.updateComplete;
    field.focus();
    return;
  }
  const answer = fieldAnswer(host, question);
  if (answer !== undefined) host.send({ type: 'ANSWER.SET', questionId: question.id, value: answer });
  if (host.context.answers[question.id] === undefined) {
    field?.validate();
    await field?.updateComplete;
    field?.focus();
    return;
  }
  host.send({ type: 'STEP.NEXT' });
}

function renderField(host: ScreenHost, question: QuestionView): TemplateResult {
  const t = host.t;
  const hint = [question.help?.text, question.kind === 'multi-choice' ? question.hint : null].filter(Boolean).join(' ');
  const onChange = (e: HkChangeEvent<unknown>) => onAnswer(host, question, e);
  switch (question.kind) {
    case 'yes-no-dontknow':
      return html`<hk-yes-no class="field" data-answer required label=${question.text.text} hint=${hint} .value=${toYesNo(question.value)} @hk-change=${onChange}></hk-yes-no>`;
    case 'single-choice':
    case 'multi-choice': {
      const options = question.options.map((o) => ({ value: o.value, label: o.label.text }));
      const value = question.kind === 'multi-choice' ? (Array.isArray(question.value) ? question.value : question.value === DONT_KNOW ? [DONT_KNOW] : []) : question.value;
      return html`<hk-choice-group
        class="field"
        data-answer
        required
        ?multiple=${question.kind === 'multi-choice'}
        label=${question.text.text}
        hint=${hint}
        .options=${options}
        .value=${value}
        @hk-change=${onChange}
      ></hk-choice-group>`;
    }
    default: {
      // The protocol's question behind the view, for the unit of a duration or an age.
      const source = host.context.protocol?.questions.find((q) => q.id === question.id);
      const unit = question.unit?.text ?? (source?.kind === 'duration' ? t.triageDurationUnits[source.unit] : source?.kind === 'age' ? t.triageAgeUnit : '');
      const dontKnow = question.value === DONT_KNOW;
      return html`<hk-number-input
          class="field"
          data-answer
          ?required=${!dontKnow}
          ?disabled=${dontKnow}
          label=${question.text.text}
          hint=${question.help?.text ?? ''}
          .min=${question.min ?? undefined}
          .max=${question.max ?? undefined}
          .decimals=${question.decimals ?? undefined}
          unit=${unit}
          .value=${typeof question.value === 'number' ? question.value : null}
          @hk-change=${onChange}
        ></hk-number-input>
        ${question.allowDontKnow
          ? html`<label class="option">
              <input type="checkbox" data-dont-know .checked=${live(dontKnow)} @change=${(e: Event) => onDontKnow(host, question, e)} />
              <span>${t.dontKnow}</span>
            </label>`
          : nothing}`;
    }
  }
}

export function renderQuestion(host: ScreenHost, view: TriageView): TemplateResult {
  const question = view.question!;
  return html`<section class="screen" aria-labelledby="heading">
    ${eyebrow(view)} ${heading(question.text.text, question.text)} ${progress(view)} ${notices(view)}
    <div part="question" data-question=${question.id}>${keyed(question.id, renderField(host, question))}</div>
    <div class="actions">
      <button type="button" class="primary" part="next-button" @click=${() => void next(host, question)}>${view.labels.next}</button>
    </div>
    ${nav(host, view)}
  </section>`;
}
