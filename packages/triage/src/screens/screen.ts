// What the lit-rendered screens of <hk-triage> share. The red-flag screen (`red-flags.screen.ts`, built with DOM
// calls: it is the budgeted first paint) and the outcome are part of the element's own chunk, since a red flag
// must reach "Ring 113 nå" without waiting for the network; the reason and question screens are modules of
// their own, loaded when first needed (`reason.screen.ts`, `question.screen.ts`).
import { html, nothing, type TemplateResult } from 'lit';
import type { CommonMessages, TriageMessages } from '@helsekit/core/i18n';
import type { LocalizedView, PersonDraft, TriageContext, TriageEvent, TriageView } from '@helsekit/core/triage';

/** What the screens keep between renders that is not yet the machine's: drafts, typed text, errors shown. */
export interface ScreenState {
  /** What the person typed in the reason search. */
  query: string;
  /** The who-for choices until "Gå videre". */
  personDraft: PersonDraft;
  personError: string;
  /** True once "Noe annet" is chosen: the description field is shown. */
  describing: boolean;
  description: string;
  descriptionError: string;
}

export const freshScreenState = (): ScreenState => ({
  query: '',
  personDraft: {},
  personError: '',
  describing: false,
  description: '',
  descriptionError: '',
});

/** What a screen module gets from the element: what to render from, and the way back into the flow. */
export interface ScreenHost {
  readonly t: CommonMessages & TriageMessages;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The flow's context now (the protocol, the answers). */
  readonly context: TriageContext;
  /** Kept by the element across renders; reset on restart. */
  readonly state: ScreenState;
  send(event: TriageEvent): void;
  requestUpdate(): void;
  back(): void;
  restart(): void;
}

/** `lang` for a content text: set only where it differs from the page, that is on a bokmål fallback. */
export const langOf = (v: LocalizedView | null | undefined) => (v?.fallback ? v.lang : nothing);

/** The screen's heading; it takes focus when the screen changes. */
export function heading(text: string, view: LocalizedView | null = null): TemplateResult {
  return html`<h2 id="heading" part="heading" tabindex="-1" lang=${langOf(view)}>${text}</h2>`;
}

export function notices(view: TriageView): TemplateResult | typeof nothing {
  const list = [...view.notices, ...(view.fallbackNotice ? [view.fallbackNotice] : [])];
  if (list.length === 0) return nothing;
  return html`<div class="notices" part="notices">${list.map((n) => html`<p>${n}</p>`)}</div>`;
}

export function nav(host: ScreenHost, view: TriageView): TemplateResult {
  return html`<div class="actions">
    ${view.can.back ? html`<button type="button" part="back-button" @click=${() => host.back()}>${view.labels.back}</button>` : nothing}
    ${view.can.restart ? html`<button type="button" part="restart-button" @click=${() => host.restart()}>${view.labels.restart}</button>` : nothing}
  </div>`;
}
