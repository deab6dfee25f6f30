// The reason screen: a search with everyday synonyms over the protocols' titles. Loaded with the protocol list
// (a page with `protocol-id` never shows it, so never loads it).
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Protocol, TriageView } from '@helsekit/core/triage';
import { heading, langOf, notices, type ScreenHost } from './screen.js';

const normalize = (text: string) => text.toLocaleLowerCase('nb').normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * The protocols whose title (any language) or everyday synonyms (any language) match what the person typed.
 * A word in the query that contains a synonym matches too ("jeg har feber" finds "feber").
 */
export function matchReasons(protocols: readonly Protocol[], query: string): Protocol[] {
  const q = normalize(query);
  if (q === '') return [...protocols];
  return protocols.filter((p) => {
    const terms = [...Object.values(p.title), ...Object.values(p.synonyms ?? {}).flat()]
      .filter((t): t is string => typeof t === 'string')
      .map(normalize);
    return terms.some((t) => t.includes(q) || (t.length >= 3 && q.includes(t)));
  });
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

export function renderReasons(host: ScreenHost, view: TriageView): TemplateResult {
  const t = host.t;
  const matching = new Set(matchReasons(host.context.protocols, host.query).map((p) => p.id));
  const reasons = view.reasons.filter((r) => matching.has(r.id));
  const status = host.query.trim() === '' ? '' : reasons.length === 0 ? t.triageReasonNoMatches : t.triageReasonMatches(reasons.length);
  return html`<section class="screen" aria-labelledby="heading">
    ${heading(view.heading)} ${notices(view)}
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
      .value=${live(host.query)}
      @input=${(e: Event) => {
        host.query = (e.target as HTMLInputElement).value;
        host.requestUpdate();
      }}
      @keydown=${(e: KeyboardEvent) => onSearchKey(host, e)}
    />
    <p id="search-status" class="hint" part="reason-status" role="status">${status}</p>
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
  </section>`;
}
