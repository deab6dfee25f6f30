// The who-for screen: whom it is about, the age band, sex and (for women and "annet" aged 13–64) pregnancy, as
// native radio groups with legends. It is the first screen on most pages, so it is part of the element's chunk.
// The choices are a draft the element keeps until "Gå videre" sends PERSON.SET; the view model comes from core
// (`toPersonView`).
import { html, nothing, type TemplateResult } from 'lit';
import type { OptionView, PersonDraft, PersonView, TriageView } from '@helsekit/core/triage';
import { heading, langOf, notices, type ScreenHost } from './screen.js';

type Field = keyof PersonDraft;
const PART: Record<Field, string> = { who: 'person-who', ageBand: 'person-age', sex: 'person-sex', pregnant: 'person-pregnant' };

function group(host: ScreenHost, field: Field, legend: string, options: OptionView[], hint?: string): TemplateResult {
  const missing = host.state.personError !== '' && !options.some((o) => o.selected);
  return html`<fieldset part=${PART[field]} aria-invalid=${missing ? 'true' : 'false'} aria-describedby=${hint ? `${field}-hint` : nothing}>
    <legend>${legend}</legend>
    ${hint ? html`<p class="hint" id="${field}-hint">${hint}</p>` : nothing}
    <div class="options">
      ${options.map(
        (o) => html`<label class="option" lang=${langOf(o.label)}>
          <input
            type="radio"
            name=${field}
            .value=${o.value}
            .checked=${o.selected}
            @change=${() => {
              host.state.personDraft = { ...host.state.personDraft, [field]: o.value };
              host.state.personError = '';
              host.requestUpdate();
            }}
          />
          <span>${o.label.text}</span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}

function onContinue(host: ScreenHost, view: PersonView): void {
  if (view.person) {
    host.send({ type: 'PERSON.SET', person: view.person });
    return;
  }
  host.state.personError = host.t.triagePersonMissing;
  host.requestUpdate();
  // The first question still unanswered takes focus, so a keyboard or screen-reader user lands where to act.
  void Promise.resolve().then(() => {
    const first = host.renderRoot.querySelector<HTMLElement>('fieldset[aria-invalid="true"] input');
    first?.focus();
  });
}

export function renderPerson(host: ScreenHost, view: TriageView, person: PersonView): TemplateResult {
  const t = host.t;
  return html`<section class="screen" aria-labelledby="heading">
    ${heading(view.heading)} ${notices(view)}
    <form
      class="person"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        onContinue(host, person);
      }}
    >
      ${group(host, 'who', person.who.legend, person.who.options)} ${group(host, 'ageBand', person.age.legend, person.age.options)}
      ${group(host, 'sex', person.sex.legend, person.sex.options, person.sex.hint)}
      ${person.pregnant ? group(host, 'pregnant', person.pregnant.legend, person.pregnant.options) : nothing}
      <p class="error" part="error" role="alert" ?hidden=${host.state.personError === ''}>${host.state.personError}</p>
      <div class="actions">
        <button type="submit" class="primary" part="next-button">${t.triagePersonContinue}</button>
      </div>
    </form>
  </section>`;
}
