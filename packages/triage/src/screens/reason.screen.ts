// The reason screen: a search over the protocols offered to this person (core's `searchProtocols`: whole words,
// typos, compounds, every language's everyday words), the list, "Noe annet" always beside it, and 113 / 116117
// always on screen. Loaded with the protocol list (a page with `protocol-id` never shows it, so never loads it).
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { MAX_DESCRIPTION_LENGTH, searchProtocols, type TriageView } from '@helsekit/core/triage';
import { heading, langOf, nav, notices, type ScreenHost } from './screen.js';

/** The reasons to list: all offered ones for an empty search, else the hits, best first. */
export function matchingReasons(host: ScreenHost, view: TriageView): TriageView['reasons'] {
  if (host.state.query.trim() === '') return view.reasons;
  const offered = host.context.protocols.filter((p) => view.reasons.some((r) => r.id === p.id));
  const order = searchProtocols(offered, host.state.query).map((hit) => hit.protocol.id);
  return order.map((id) => view.reasons.find((r) => r.id === id)!);
}

const reasonButtons = (host: ScreenHost): HTMLButtonElement[] => [
  ...host.renderRoot.querySelectorAll<HTMLButtonElement>('button[part="reason-button"]'),
];

function onSearchKey(host: ScreenHost, event: KeyboardEvent): void {
  const buttons = reasonButtons(host);
  if (event.key === 'ArrowDown' && buttons.length > 0) {
    event.preventDefault();
    buttons[0]!.focus();
  } else if (event.key === 'Enter' && buttons.length === 1) {
    event.preventDefault();
    buttons[0]!.click();
  }
}

function onReasonKey(host: ScreenHost, event: KeyboardEvent): void {
  const buttons = reasonButtons(host);
  const at = buttons.indexOf(event.target as HTMLButtonElement);
  const to =
    event.key === 'ArrowDown' ? at + 1 : event.key === 'ArrowUp' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : null;
  if (to === null) return;
  event.preventDefault();
  if (to < 0) host.renderRoot.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  else buttons[Math.min(to, buttons.length - 1)]!.focus();
}

function emergencyBox(host: ScreenHost): TemplateResult {
  const t = host.t;
  return html`<aside class="emergency" part="emergency" aria-labelledby="emergency-heading">
    <h3 id="emergency-heading">${t.triageEmergencyHeading}</h3>
    <p><a class="call" href="tel:113">${t.triageEmergency113}</a></p>
    <p><a class="phone" href="tel:116117">${t.triageEmergency116117}</a></p>
  </aside>`;
}

function startOther(host: ScreenHost): void {
  host.state.describing = true;
  host.requestUpdate();
  void Promise.resolve().then(() => host.renderRoot.querySelector<HTMLTextAreaElement>('#description')?.focus());
}

function submitOther(host: ScreenHost, id: string): void {
  const description = host.state.description.trim();
  if (description === '') {
    host.state.descriptionError = host.t.triageOtherDescribeMissing;
    host.requestUpdate();
    void Promise.resolve().then(() => host.renderRoot.querySelector<HTMLTextAreaElement>('#description')?.focus());
    return;
  }
  host.send({ type: 'REASON.SELECT', protocolId: id, description });
}

function otherEntry(host: ScreenHost, view: TriageView): TemplateResult | typeof nothing {
  const other = view.otherReason;
  if (!other) return nothing;
  const t = host.t;
  if (!host.state.describing) {
    return html`<div class="other" part="other">
      <p class="hint">${t.triageOtherHint}</p>
      <button type="button" class="reason-button" part="other-button" lang=${langOf(other.title)} @click=${() => startOther(host)}>
        ${other.title.text}
      </button>
    </div>`;
  }
  const invalid = host.state.descriptionError !== '';
  return html`<form
    class="other"
    part="other"
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      submitOther(host, other.id);
    }}
  >
    <label class="search-label" for="description">${t.triageOtherDescribeLabel}</label>
    <p class="hint" id="description-hint">${t.triageOtherDescribeHint}</p>
    <textarea
      id="description"
      part="description"
      rows="4"
      maxlength=${MAX_DESCRIPTION_LENGTH}
      aria-describedby="description-hint description-error"
      aria-invalid=${invalid ? 'true' : 'false'}
      .value=${live(host.state.description)}
      @input=${(e: Event) => {
        host.state.description = (e.target as HTMLTextAreaElement).value;
        if (invalid) host.state.descriptionError = '';
        host.requestUpdate();
      }}
    ></textarea>
    <p class="error" id="description-error" part="error" role="alert" ?hidden=${!invalid}>${host.state.descriptionError}</p>
    <div class="actions"><button type="submit" class="primary" part="next-button">${t.triageOtherReason}: ${t.next}</button></div>
  </form>`;
}

export function renderReasons(host: ScreenHost, view: TriageView): TemplateResult {
  const t = host.t;
  const reasons = matchingReasons(host, view);
  const searching = host.state.query.trim() !== '';
  const status = !searching ? '' : reasons.length === 0 ? t.triageReasonNoMatches : t.triageReasonMatches(reasons.length);
  return html`<section class="screen" aria-labelledby="heading">
    ${heading(view.heading)} ${notices(view)} ${emergencyBox(host)}
    <div>
      <label class="search-label" for="search">${t.triageReasonSearchLabel}</label>
      <p class="hint" id="search-hint">${t.triageReasonSearchHint}</p>
    </div>
    <input
      id="search"
      part="reason-search"
      type="search"
      autocomplete="off"
      spellcheck="false"
      aria-describedby="search-hint search-status"
      aria-controls="reasons"
      .value=${live(host.state.query)}
      @input=${(e: Event) => {
        host.state.query = (e.target as HTMLInputElement).value;
        host.requestUpdate();
      }}
      @keydown=${(e: KeyboardEvent) => onSearchKey(host, e)}
    />
    <p id="search-status" class="hint" part="reason-status" role="status">${status}</p>
    ${view.reasons.length === 0 ? html`<p class="hint">${t.triageReasonNoneFit}</p>` : nothing}
    <ul id="reasons" class="reasons" part="reason-list" aria-labelledby="heading">
      ${reasons.map(
        (r) => html`<li>
          <button
            type="button"
            class="reason-button"
            part="reason-button"
            lang=${langOf(r.title)}
            @click=${() => host.send({ type: 'REASON.SELECT', protocolId: r.id })}
            @keydown=${(e: KeyboardEvent) => onReasonKey(host, e)}
          >
            ${r.title.text}
          </button>
        </li>`,
      )}
    </ul>
    ${otherEntry(host, view)} ${nav(host, view)}
  </section>`;
}
