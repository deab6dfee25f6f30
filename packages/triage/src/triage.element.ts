import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import type { Bundle, Reference } from 'fhir/r4';
import { HkElement, LocalizeController, MachineController, type HkChangeEvent } from '@helsekit/base';
import { triageCatalogsOnDemand } from '@helsekit/core/i18n';
import {
  currentStep,
  DONT_KNOW,
  questionPath,
  stepNumber,
  toView,
  triageMachine,
  type Disposition,
  type LocalizedView,
  type Protocol,
  type Question,
  type QuestionView,
  type TriageAnswer,
  type TriageContext,
  type TriageEvent,
  type TriageStep,
  type TriageView,
} from '@helsekit/core/triage';
import {
  HkTriageAnalyticsEvent,
  HkTriageCompleteEvent,
  HkTriageErrorEvent,
  HkTriageHandoffEvent,
  HkTriageStepChangeEvent,
  type HkTriageErrorReason,
} from './triage.events.js';
import { loadProtocol } from '@helsekit/protocols/load';
import { triageStyles } from './triage.styles.js';

/** The GP office that receives the result: shown by name and phone, and the owner of the inbox Task. */
export interface HkTriageGpOffice {
  name: string;
  phone?: string;
  /** A FHIR reference to the office (Organization), for `Task.owner`. */
  reference?: string;
}

export type HkTriagePersist = 'none' | 'session';

type Problem = { reason: HkTriageErrorReason; message: string };

/** What an input primitive offers the element (HkField). */
type Field = HTMLElement & { validate(): boolean; value: unknown; updateComplete: Promise<unknown> };

const HANDOFF_ACTIONS = ['gp-same-day', 'gp-appointment', 'e-consultation', 'admin-service'] as const;
type HandoffAction = (typeof HANDOFF_ACTIONS)[number];
const isHandoffAction = (d: Disposition): d is HandoffAction => (HANDOFF_ACTIONS as readonly string[]).includes(d);
const REFUSED_CODES = new Set(['refused-base-url', 'unauthorized', 'forbidden', 'invalid', 'not-found', 'conflict', 'precondition-failed']);
const STEPS: readonly string[] = ['starting', 'choosingReason', 'redFlags', 'questions', 'outcome', 'handoff', 'done'];

const isText = (t: unknown): boolean => {
  const x = t as Record<string, unknown> | null;
  return !!x && typeof x['nb'] === 'string' && typeof x['nn'] === 'string' && typeof x['en'] === 'string';
};

/**
 * The shape the element needs to render a protocol safely. The full proof (every path ends in a disposition,
 * "vet ikke" never lowers urgency) is the verifier's job in CI; this only stops a broken object from
 * reaching the screen.
 */
export function isUsableProtocol(value: unknown): value is Protocol {
  const p = value as Partial<Protocol> | null;
  return (
    !!p &&
    typeof p.id === 'string' &&
    p.id !== '' &&
    isText(p.title) &&
    Array.isArray(p.redFlags) &&
    p.redFlags.every((f) => !!f && typeof f.id === 'string' && isText(f.text) && isText(f.whatToDoNow)) &&
    Array.isArray(p.questions) &&
    p.questions.every((q) => !!q && typeof q.id === 'string' && isText(q.text)) &&
    Array.isArray(p.rules) &&
    typeof p.dispositions === 'object' &&
    p.dispositions !== null &&
    typeof p.defaultDisposition === 'string'
  );
}

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

/** `lang` for a content text: set only where it differs from the page, that is on a bokmål fallback. */
const langOf = (v: LocalizedView | null | undefined) => (v?.fallback ? v.lang : nothing);

/** hk-yes-no says `dont-know`; triage protocols say `dontknow`. */
const toYesNo = (v: TriageAnswer | null) => (v === DONT_KNOW ? 'dont-know' : v);
const fromYesNo = (v: unknown) => (v === 'dont-know' ? DONT_KNOW : v);

/**
 * Self-triage for a citizen: choose the reason for contact, answer the red flags (one screen: the general 113
 * list and the protocol's own), then one question per screen, and get an outcome in words (ring 113, ring
 * legevakt 116117, GP today, appointment, e-consultation, self-care, or an administrative route) with why,
 * advice, a safety net and what happens next. The result is a FHIR Bundle; with `fhir-base` set, the transaction
 * (with a Task for the GP office inbox) is posted when the person sends it. The flow is the `triageMachine` of
 * `@helsekit/core/triage`; this element renders its view model and holds no triage logic. It never loads the
 * form engine (survey-core). Protocol texts are rendered as text, never as HTML.
 *
 * @tagname hk-triage
 * @summary Self-triage: red flags first, one question per screen, an outcome with why, advice and safety net.
 *
 * @event hk-step-change - The screen changed. `detail`: `{ step, index, total }` (1-based screen number on the path; the reason screen is 0).
 * @event hk-complete - An outcome was reached. `detail`: `{ disposition, bundle }`, a FHIR `collection` Bundle with the QuestionnaireResponse, red-flag and finding Observations, the disposition Observation and a ServiceRequest or CarePlan. Sent again if the person goes back and reaches another outcome.
 * @event hk-handoff - The person sends the result to the GP office (book, e-consultation, send answers). Cancelable: `preventDefault()` and the host takes over; otherwise the element posts `detail.bundle` (a transaction with a Task) to `fhir-base`. `detail`: `{ disposition, bundle }`.
 * @event hk-analytics - Usage statistics without answers: `{ kind, protocolId, protocolVersion, step, questionId, stepNumber, disposition, decidedBy, durationMs }`. Sent on each outcome and when the page is left mid-way.
 * @event hk-error - Something failed. `detail`: `{ reason: 'fhir-refused' | 'fhir-failed' | 'invalid-protocol' | 'no-protocols' | 'machine-failed', message }`.
 *
 * @csspart heading - The heading of each screen; it takes focus when the screen changes.
 * @csspart progress - "Steg 2 av 6" on the red-flag and question screens.
 * @csspart notices - Draft, fallback language and sending notices.
 * @csspart reason-search - The search box on the reason screen.
 * @csspart reason-list - The list of reasons for contact.
 * @csspart reason-button - One reason in the list.
 * @csspart reason-status - How many reasons match the search (a polite live region).
 * @csspart red-flags - The red-flag checkbox group.
 * @csspart question - The box around the question's field.
 * @csspart outcome - The outcome box.
 * @csspart urgency - The urgency in words ("Akutt", "Haster", "I dag" …).
 * @csspart call-link - The `tel:113` / `tel:116117` link on an emergency outcome.
 * @csspart what-to-do-now - What to do now, on a red-flag outcome.
 * @csspart reason - Why: the rule and the answers that decided it, or every red flag the person ticked.
 * @csspart advice - What you can do.
 * @csspart safety-net - When to ring 116117 or 113.
 * @csspart what-next - What happens next.
 * @csspart handoff-button - The button that hands the result to the GP office.
 * @csspart next-button - Next, and "Ja, noe av dette gjelder" on the red-flag screen.
 * @csspart none-button - "Nei, ingenting av dette" on the red-flag screen.
 * @csspart back-button - Back (answers are kept).
 * @csspart finish-button - Finish on the outcome screen.
 * @csspart restart-button - Start again.
 * @csspart error - An error message (red-flag screen, error state).
 *
 * @cssproperty --hk-triage-max-width - Widest the element grows (default 42rem).
 * @cssproperty --hk-color-urgent - Border and call button on a 113 outcome (always with words).
 * @cssproperty --hk-color-warning - Border on 116117 and same-day outcomes.
 * @cssproperty --hk-color-ok - Border on non-urgent outcomes.
 * @cssproperty --hk-color-primary - Buttons and chosen options.
 * @cssproperty --hk-color-focus - Focus outline.
 * @cssproperty --hk-target-size - Smallest height of buttons and options.
 *
 * @cssstate choosingReason - The reason screen.
 * @cssstate redFlags - The red-flag screen.
 * @cssstate questions - A question screen.
 * @cssstate outcome - The outcome.
 * @cssstate handoff - Sending to the GP office (or the host is handling it).
 * @cssstate done - Finished.
 * @cssstate loading - The default protocols are being loaded.
 * @cssstate error - The protocols are missing or invalid, or the flow failed.
 */
export class HkTriage extends HkElement {
  static override styles = [HkElement.styles, triageStyles];

  /**
   * The protocols offered on the reason screen (property). Default: the shipped protocols in `@helsekit/protocols`,
   * loaded on demand when the host sets none: only the `protocol-id` one when that is set (its own small chunk),
   * else the whole list. Set it to skip that request and the loading state.
   */
  @property({ attribute: false })
  get protocols(): Protocol[] {
    return this.#protocols ?? this.#defaults ?? [];
  }
  set protocols(value: Protocol[]) {
    this.#protocols = value;
  }

  /** Run this protocol at once, without the reason screen. */
  @property({ attribute: 'protocol-id' }) protocolId = '';

  /**
   * `none` (default): nothing is kept in the browser. `session`: the flow is kept in sessionStorage (key
   * `hk-triage:<persist-key>`), so a reload resumes on the same screen; removed when finished or restarted.
   */
  @property() persist: HkTriagePersist = 'none';

  /** Names the sessionStorage entry, for pages with more than one triage. */
  @property({ attribute: 'persist-key' }) persistKey = 'hk-triage';

  /** FHIR R4 base to post the result to when the person sends it. Unset: nothing is posted. */
  @property({ attribute: 'fhir-base' }) fhirBase = '';

  /** Allowed FHIR bases (property). Default: `[fhirBase]`. The store refuses any other. */
  @property({ attribute: false }) allowedFhirBases: string[] | undefined;

  /** Called for every FHIR request; return the bearer token, or nothing (property). */
  @property({ attribute: false }) getAccessToken: (() => Promise<string | undefined>) | undefined;

  /** The GP office (property): its name and phone are shown, and its reference owns the inbox Task. */
  @property({ attribute: false }) gpOffice: HkTriageGpOffice | undefined;

  /** The person, as a FHIR Reference (property). Without it the Bundle names an unidentified citizen. */
  @property({ attribute: false }) subject: Reference | undefined;

  /** The fetch used to post to FHIR (property), for tests and for hosts that wrap fetch. Default: global fetch. */
  @property({ attribute: false }) fetch: typeof fetch | undefined;

  readonly #localize = new LocalizeController(this, triageCatalogsOnDemand);

  readonly #machine = new MachineController(this, triageMachine, {
    input: () => ({
      protocols: this.#validProtocols(),
      ...(this.protocolId ? { protocolId: this.protocolId } : {}),
      locale: this.#localize.locale,
      ...this.#bundleOptions(),
    }),
    events: {
      'triage.step-changed': (e) => this.#onStepChanged(e.step),
      'triage.completed': (e) => {
        void this.#fhirModule().then(({ toTriageBundle }) => {
          this.dispatchEvent(new HkTriageCompleteEvent({ disposition: e.disposition, bundle: toTriageBundle(e.fhir.result, e.fhir.options) }));
        });
      },
      'triage.handoff-requested': (e) => {
        void this.#fhirModule().then(({ toTriageTransaction }) => this.#onHandoffRequested(e.disposition, toTriageTransaction(e.fhir.result, e.fhir.options)));
      },
      'triage.analytics': (e) => new HkTriageAnalyticsEvent(e.analytics),
    },
    onSnapshot: (snapshot) => this.#save(snapshot as unknown as { value: unknown; context: TriageContext; status: string }),
  });

  #protocols: Protocol[] | undefined;
  #defaults: Protocol[] | undefined;
  #defaultsFailed = '';
  #query = '';
  #checked = new Set<string>();
  #redFlagError = '';
  #handledByHost = false;
  #focusHeading = false;
  #restored = false;
  #quiet = false;
  #defaultsRequested = false;
  /** The defaults hold only the `protocol-id` protocol, not the whole list. */
  #defaultsPartial = false;
  #defaultsLoad = 0;
  #questionInputs: Promise<unknown> | undefined;
  #fhir: Promise<typeof import('@helsekit/core/triage/triage.fhir')> | undefined;
  #reportedProblem = '';

  // ---- lifecycle ------------------------------------------------------------------------------------------

  /** True while the default protocols are being fetched (the host set none). */
  get #loading(): boolean {
    return this.#protocols === undefined && this.#defaults === undefined && this.#defaultsFailed === '';
  }

  #requestDefaults(): void {
    this.#defaultsRequested = true;
    void this.#loadDefaults();
  }

  async #loadDefaults(): Promise<void> {
    try {
      // With `protocol-id` there is no reason screen (the flow cannot go back to one), so that protocol is all
      // the flow needs: load it alone, its own small chunk. The whole list only without an id, or for an id
      // that no shipped protocol has (the list then shows the reason screen's "invalid protocol" message).
      const load = ++this.#defaultsLoad;
      const one = this.protocolId ? await loadProtocol(this.protocolId) : undefined;
      const list = one ? [one] : [...(await import('@helsekit/protocols')).protocols];
      if (load !== this.#defaultsLoad) return; // a newer `protocol-id` asked again meanwhile
      this.#defaults = list;
      this.#defaultsPartial = one !== undefined;
    } catch (error) {
      this.#defaultsFailed = error instanceof Error ? error.message : String(error);
    }
    // The host may have set its own list meanwhile; then nothing changes.
    if (this.#protocols === undefined) {
      this.#quiet = true;
      this.#reconfigure();
      this.#quiet = false;
      this.requestUpdate();
    }
  }

  override connectedCallback(): void {
    if (this.#protocols === undefined && this.#defaults === undefined && !this.#defaultsRequested) this.#requestDefaults();
    // Before the controllers start: the actor resumes from the stored snapshot instead of starting afresh.
    if (!this.#restored) {
      this.#restored = true;
      const saved = this.#load();
      if (saved) this.#machine.restore(saved);
    }
    super.connectedCallback();
    globalThis.addEventListener?.('pagehide', this.#onPageHide);
    for (const type of ['focusin', 'pointerdown']) this.addEventListener(type, this.#loadLaterScreens, { once: true });
  }

  override disconnectedCallback(): void {
    globalThis.removeEventListener?.('pagehide', this.#onPageHide);
    super.disconnectedCallback();
  }

  /** Starts again from the first screen, forgetting every answer (and the stored flow with `persist="session"`). */
  restart(): void {
    this.#clearStored();
    this.#resetLocalState();
    this.#send({ type: 'RESTART' });
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const snapshot = this.#machine.snapshot;
    // A new `protocol-id` that the defaults loaded so far lack, or none when only one protocol was loaded: load again.
    const stale = this.protocolId ? !this.#defaults?.some((p) => p.id === this.protocolId) : this.#defaultsPartial;
    if (changed.has('protocolId') && this.#protocols === undefined && this.#defaults && stale) {
      this.#defaults = undefined;
      this.#requestDefaults();
    }
    if (this.hasUpdated && (changed.has('protocols') || changed.has('protocolId') || changed.has('gpOffice') || changed.has('subject'))) {
      this.#reconfigure();
    } else if (snapshot.status === 'active' && snapshot.context.locale !== this.#localize.locale) {
      this.#send({ type: 'LOCALE.SET', locale: this.#localize.locale });
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const step = currentStep(this.#machine.snapshot.value);
    if (!this.#loading && step !== 'choosingReason' && step !== 'redFlags') this.#loadLaterScreens();
    const problem = this.#problem();
    if (problem) this.internals.states.add('error');
    else this.internals.states.delete('error');
    if (this.#loading) this.internals.states.add('loading');
    else this.internals.states.delete('loading');
    const key = problem ? `${problem.reason}:${problem.message}` : '';
    if (key !== this.#reportedProblem) {
      this.#reportedProblem = key;
      if (problem) this.dispatchEvent(new HkTriageErrorEvent(problem));
    }
    if (this.#focusHeading) {
      this.#focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('[part="heading"]')?.focus();
    }
  }

  // ---- machine glue ---------------------------------------------------------------------------------------

  #send(event: TriageEvent): void {
    if (this.#machine.snapshot.status === 'active') this.#machine.send(event);
  }

  #bundleOptions() {
    const gp = this.gpOffice;
    const gpOffice = gp ? { display: gp.name, ...(gp.reference ? { reference: gp.reference } : {}) } : undefined;
    return { ...(this.subject ? { subject: this.subject } : {}), ...(gpOffice ? { gpOffice } : {}) };
  }

  #validProtocols(): Protocol[] {
    return Array.isArray(this.protocols) ? this.protocols.filter(isUsableProtocol) : [];
  }

  /** New protocols or bundle options from the host: restart the reason screen, or keep the person's place. */
  #reconfigure(): void {
    const snapshot = this.#machine.snapshot;
    const step = currentStep(snapshot.value);
    if (snapshot.status !== 'active' || step === 'choosingReason' || (step === 'redFlags' && snapshot.context.preselected && !this.#hasProgress(snapshot.context))) {
      this.#resetLocalState();
      this.#machine.restore(undefined);
      return;
    }
    const persisted = this.#machine.persist() as { context: TriageContext };
    this.#machine.restore({
      ...persisted,
      context: { ...persisted.context, protocols: this.#validProtocols(), bundleOptions: this.#bundleOptions() },
    });
  }

  #hasProgress(context: TriageContext): boolean {
    return Object.keys(context.redFlagAnswers).length > 0 || Object.keys(context.answers).length > 0;
  }

  #onStepChanged(step: TriageStep): Event {
    // While the default protocols load, the actor sits on an empty reason screen nobody sees: nothing to tell.
    if (this.#loading) return new Event('hk-triage-loading');
    const context = this.#machine.snapshot.context;
    const onPath = step !== 'choosingReason' && context.protocol !== null;
    const total = onPath ? 2 + questionPath(context).length : 0;
    const index = onPath ? Math.min(stepNumber(context, step), total) : 0;
    if (step === 'redFlags') {
      // The checkboxes show what the machine holds (going back from a red-flag outcome keeps the tick).
      this.#checked = new Set(Object.entries(context.redFlagAnswers).filter(([, v]) => v !== 'no').map(([id]) => id));
      this.#redFlagError = '';
    }
    if (step !== 'handoff' && step !== 'done') this.#handledByHost = false;
    // Not on the first screen of a page load: focus must not jump into a widget the person has not used yet.
    if (this.hasUpdated && !this.#quiet) this.#focusHeading = true;
    return new HkTriageStepChangeEvent({ step, index, total });
  }

  #onHandoffRequested(disposition: Disposition, bundle: Bundle): void {
    const event = new HkTriageHandoffEvent({ disposition, bundle });
    this.dispatchEvent(event);
    void this.#afterHandoff(event);
  }

  /**
   * The FHIR Bundle builders, loaded when first needed (an outcome) or when the person starts using the widget:
   * the red-flag screen does not wait for them. One promise, so the events it carries keep their order.
   */
  #fhirModule(): Promise<typeof import('@helsekit/core/triage/triage.fhir')> {
    return (this.#fhir ??= import('@helsekit/core/triage/triage.fhir'));
  }

  async #afterHandoff(event: HkTriageHandoffEvent): Promise<void> {
    if (event.defaultPrevented) {
      this.#handledByHost = true;
      this.#send({ type: 'HANDOFF.DONE' });
      return;
    }
    if (!this.fhirBase) {
      this.#send({ type: 'HANDOFF.DONE' });
      return;
    }
    try {
      // Loaded on first send only: the red-flag screen must not wait for the store.
      const { FhirRestStore } = await import('@helsekit/core/store');
      const store = new FhirRestStore({
        baseUrl: this.fhirBase,
        allowedBaseUrls: this.allowedFhirBases ?? [this.fhirBase],
        ...(this.getAccessToken ? { getAccessToken: this.getAccessToken } : {}),
        ...(this.fetch ? { fetch: this.fetch } : {}),
      });
      await store.transaction(event.detail.bundle);
      this.#send({ type: 'HANDOFF.DONE' });
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      const reason: HkTriageErrorReason = REFUSED_CODES.has(code) ? 'fhir-refused' : 'fhir-failed';
      this.dispatchEvent(new HkTriageErrorEvent({ reason, message: error instanceof Error ? error.message : String(error) }));
      this.#send({ type: 'HANDOFF.FAILED' });
    }
  }

  readonly #onPageHide = (): void => {
    const step = currentStep(this.#machine.snapshot.value);
    if (step !== 'outcome' && step !== 'handoff' && step !== 'done') this.#send({ type: 'ABANDON' });
  };

  #resetLocalState(): void {
    this.#query = '';
    this.#checked = new Set();
    this.#redFlagError = '';
    this.#handledByHost = false;
  }

  // ---- persistence ----------------------------------------------------------------------------------------

  get #storageKey(): string {
    return `hk-triage:${this.persistKey || 'hk-triage'}`;
  }

  #storage(): Storage | undefined {
    if (this.persist !== 'session') return undefined;
    try {
      return globalThis.sessionStorage;
    } catch {
      // A sandboxed frame may refuse storage; the flow then simply does not survive a reload.
      return undefined;
    }
  }

  #save(snapshot: { value: unknown; context: TriageContext; status: string }): void {
    const storage = this.#storage();
    if (!storage) return;
    const step = currentStep(snapshot.value);
    const initial =
      step === 'choosingReason' || (step === 'redFlags' && snapshot.context.preselected && !this.#hasProgress(snapshot.context));
    try {
      if (snapshot.status !== 'active' || step === 'done' || initial) {
        storage.removeItem(this.#storageKey);
        return;
      }
      const persisted = this.#machine.persist() as { context: TriageContext };
      // The protocol list is content the page supplies again; only the chosen protocol travels with the answers.
      storage.setItem(this.#storageKey, JSON.stringify({ ...persisted, context: { ...persisted.context, protocols: [] } }));
    } catch {
      // Storage full or refused: keep going without it.
    }
  }

  #load(): unknown {
    const storage = this.#storage();
    const text = storage?.getItem(this.#storageKey);
    if (!storage || !text) return undefined;
    try {
      const saved = JSON.parse(text) as { value?: unknown; context?: TriageContext };
      if (typeof saved.value !== 'string' || !STEPS.includes(saved.value) || !saved.context || typeof saved.context.answers !== 'object') {
        throw new Error('not a triage snapshot');
      }
      if (saved.context.protocol && !isUsableProtocol(saved.context.protocol)) throw new Error('not a protocol');
      return { ...saved, context: { ...saved.context, protocols: this.#validProtocols(), bundleOptions: this.#bundleOptions() } };
    } catch {
      storage.removeItem(this.#storageKey);
      return undefined;
    }
  }

  #clearStored(): void {
    try {
      this.#storage()?.removeItem(this.#storageKey);
    } catch {
      // ignore
    }
  }

  // ---- state of the screen --------------------------------------------------------------------------------

  #problem(): Problem | null {
    const t = this.#localize.t;
    if (this.#loading) return null;
    if (this.#protocols === undefined && this.#defaultsFailed) return { reason: 'no-protocols', message: t.triageNoProtocols };
    if (!Array.isArray(this.protocols) || this.protocols.length === 0) return { reason: 'no-protocols', message: t.triageNoProtocols };
    if (!this.protocols.every(isUsableProtocol)) return { reason: 'invalid-protocol', message: t.triageInvalidProtocol };
    if (this.protocolId && !this.protocols.some((p) => p.id === this.protocolId)) {
      return { reason: 'invalid-protocol', message: t.triageInvalidProtocol };
    }
    if (this.#machine.snapshot.status === 'error') return { reason: 'machine-failed', message: t.triageInvalidProtocol };
    return null;
  }

  #view(): TriageView {
    return toView(this.#machine.snapshot, { locale: this.#localize.locale, messages: this.#localize.t });
  }

  // ---- actions --------------------------------------------------------------------------------------------

  #onSearch(event: Event): void {
    this.#query = (event.target as HTMLInputElement).value;
    this.requestUpdate();
  }

  #onSearchKey(event: KeyboardEvent): void {
    const buttons = this.#reasonButtons();
    if (event.key === 'ArrowDown' && buttons.length > 0) {
      event.preventDefault();
      buttons[0]!.focus();
    } else if (event.key === 'Enter' && buttons.length === 1) {
      event.preventDefault();
      buttons[0]!.click();
    }
  }

  #onReasonKey(event: KeyboardEvent): void {
    const buttons = this.#reasonButtons();
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    const to =
      event.key === 'ArrowDown' ? at + 1 : event.key === 'ArrowUp' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : null;
    if (to === null) return;
    event.preventDefault();
    if (to < 0) this.renderRoot.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
    else buttons[Math.min(to, buttons.length - 1)]!.focus();
  }

  #reasonButtons(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button[part="reason-button"]')];
  }

  #selectReason(id: string): void {
    this.#send({ type: 'REASON.SELECT', protocolId: id });
  }

  #onFlagChange(id: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    if (checked) this.#checked.add(id);
    else {
      this.#checked.delete(id);
      // An earlier tick (kept when the person came back) must not decide any more, also not after "Nei,
      // ingenting av dette" (REDFLAGS.NONE keeps an earlier positive answer).
      this.#send({ type: 'ANSWER.SET', questionId: id, value: 'no' });
    }
    this.#redFlagError = '';
    this.requestUpdate();
  }

  #confirmRedFlags(): void {
    const ids = this.#view().redFlags.map((f) => f.id).filter((id) => this.#checked.has(id));
    if (ids.length === 0) {
      this.#showRedFlagError(this.#localize.t.triageRedFlagsNothingChecked);
      return;
    }
    // Every tick goes to the machine, which ends the triage at once in the most urgent one's disposition and
    // reports them all (the reason, the Bundle): the GP office and AMK see every red flag the person ticked.
    this.#send({ type: 'REDFLAGS.SET', ids });
  }

  #noneOfThese(): void {
    if (this.#checked.size > 0) {
      // Ticks and "none of these" contradict each other: never assume the benign reading.
      this.#showRedFlagError(this.#localize.t.triageRedFlagsNothingChecked);
      return;
    }
    this.#send({ type: 'REDFLAGS.NONE' });
  }

  #showRedFlagError(message: string): void {
    this.#redFlagError = message;
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('[part="red-flags"] input')?.focus());
  }

  #field(): Field | null {
    return this.renderRoot.querySelector<Field>('[data-answer]');
  }

  #dontKnowBox(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('input[data-dont-know]');
  }

  /** The answer the field holds now, in the machine's terms, or undefined when it holds none. */
  #fieldAnswer(question: QuestionView): TriageAnswer | undefined {
    if (this.#dontKnowBox()?.checked) return DONT_KNOW;
    const value = this.#field()?.value;
    if (value === null || value === undefined || value === '') return undefined;
    if (question.kind === 'yes-no-dontknow') return fromYesNo(value) as TriageAnswer;
    if (question.kind === 'multi-choice') {
      const list = value as string[];
      if (list.length === 0) return undefined;
      return list.includes(DONT_KNOW) ? DONT_KNOW : list;
    }
    return value as TriageAnswer;
  }

  #onAnswer(question: QuestionView, event: HkChangeEvent<unknown>): void {
    if (question.kind === 'multi-choice') {
      const field = event.target as Field;
      const next = (event.detail.value as string[]) ?? [];
      const before = Array.isArray(question.value) ? question.value : question.value === DONT_KNOW ? [DONT_KNOW] : [];
      const added = next.filter((v) => !before.includes(v));
      const exclusive = new Set(question.options.filter((o) => o.exclusive).map((o) => o.value));
      const addedExclusive = added.find((v) => exclusive.has(v));
      // "Ingen av disse" and "vet ikke" stand alone: choosing one clears the others, and the other way round.
      const value = addedExclusive !== undefined ? [addedExclusive] : added.length > 0 ? next.filter((v) => !exclusive.has(v)) : next;
      field.value = value;
    }
    const answer = this.#fieldAnswer(question);
    if (answer !== undefined) this.#send({ type: 'ANSWER.SET', questionId: question.id, value: answer });
    this.requestUpdate();
  }

  #onDontKnow(question: QuestionView, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    const answer = checked ? DONT_KNOW : this.#fieldAnswer(question);
    if (answer !== undefined) this.#send({ type: 'ANSWER.SET', questionId: question.id, value: answer });
    this.requestUpdate();
  }

  async #next(question: QuestionView): Promise<void> {
    const field = this.#field();
    const dontKnow = this.#dontKnowBox()?.checked === true;
    if (!dontKnow && field && !field.validate()) {
      await field.updateComplete;
      field.focus();
      return;
    }
    const answer = this.#fieldAnswer(question);
    if (answer !== undefined) this.#send({ type: 'ANSWER.SET', questionId: question.id, value: answer });
    const context = this.#machine.snapshot.context;
    if (context.answers[question.id] === undefined) {
      field?.validate();
      await field?.updateComplete;
      field?.focus();
      return;
    }
    this.#send({ type: 'STEP.NEXT' });
  }

  #back(): void {
    this.#send({ type: 'STEP.BACK' });
  }

  // ---- rendering ------------------------------------------------------------------------------------------

  /**
   * What the screens after the red flags need (the question inputs, the FHIR builders): loaded when the person
   * starts using the widget, or at once when it resumes past the red flags, so the first screen waits for neither.
   */
  #loadLaterScreens = (): void => {
    this.#questionInputs ??= import('./question-inputs.js');
    void this.#fhirModule();
  };

  /** Also waits for what the later screens load, once it is being loaded, so a settled element is usable. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await Promise.all([this.#questionInputs, this.#fhir]);
    return result;
  }

  protected override render(): TemplateResult {
    if (this.#loading) {
      return html`<section class="screen"><p class="progress" role="status">${this.#localize.t.loading}</p></section>`;
    }
    const problem = this.#problem();
    if (problem) return this.#renderError(problem);
    let view: TriageView;
    try {
      view = this.#view();
    } catch {
      return this.#renderError({ reason: 'machine-failed', message: this.#localize.t.triageInvalidProtocol });
    }
    switch (view.step) {
      case 'choosingReason':
        return this.#renderReasons(view);
      case 'redFlags':
        return this.#renderRedFlags(view);
      case 'questions':
        return this.#renderQuestion(view);
      default:
        return this.#renderOutcome(view);
    }
  }

  #renderError(problem: Problem): TemplateResult {
    return html`<section class="screen" aria-labelledby="heading">
      <div class="error-state" part="error" role="alert">
        <h2 id="heading" part="heading" tabindex="-1">${problem.message}</h2>
      </div>
    </section>`;
  }

  #heading(text: string, view: LocalizedView | null = null): TemplateResult {
    return html`<h2 id="heading" part="heading" tabindex="-1" lang=${langOf(view)}>${text}</h2>`;
  }

  #renderNotices(view: TriageView): TemplateResult | typeof nothing {
    const notices = [...view.notices, ...(view.fallbackNotice ? [view.fallbackNotice] : [])];
    if (notices.length === 0) return nothing;
    return html`<div class="notices" part="notices">${notices.map((n) => html`<p>${n}</p>`)}</div>`;
  }

  #renderProgress(view: TriageView): TemplateResult | typeof nothing {
    return view.progress ? html`<p class="progress" part="progress">${view.progress.label}</p>` : nothing;
  }

  #renderReasons(view: TriageView): TemplateResult {
    const t = this.#localize.t;
    const matching = new Set(matchReasons(this.#machine.snapshot.context.protocols, this.#query).map((p) => p.id));
    const reasons = view.reasons.filter((r) => matching.has(r.id));
    const status = this.#query.trim() === '' ? '' : reasons.length === 0 ? t.triageReasonNoMatches : t.triageReasonMatches(reasons.length);
    return html`<section class="screen" aria-labelledby="heading">
      ${this.#heading(view.heading)} ${this.#renderNotices(view)}
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
        .value=${live(this.#query)}
        @input=${this.#onSearch}
        @keydown=${this.#onSearchKey}
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
              @click=${() => this.#selectReason(r.id)}
              @keydown=${this.#onReasonKey}
            >
              ${r.title.text}
            </button>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  #renderRedFlags(view: TriageView): TemplateResult {
    const t = this.#localize.t;
    const error = this.#redFlagError;
    return html`<section class="screen" aria-labelledby="heading">
      ${view.protocol ? html`<p class="eyebrow" lang=${langOf(view.protocol.title)}>${view.protocol.title.text}</p>` : nothing}
      ${this.#heading(view.heading)} ${this.#renderProgress(view)} ${this.#renderNotices(view)}
      <fieldset part="red-flags" aria-describedby=${error ? 'flags-hint flags-error' : 'flags-hint'}>
        <legend>${t.triageRedFlagsLegend}</legend>
        <p id="flags-hint" class="hint">${t.triageRedFlagsCheckHint}</p>
        <p id="flags-error" class="error" part="error" ?hidden=${!error}>
          ${error ? html`<span class="visually-hidden">${t.errorPrefix} </span>${error}` : nothing}
        </p>
        <ul class="flags">
          ${view.redFlags.map(
            (f) => html`<li>
              <label class="option">
                <input
                  type="checkbox"
                  name="red-flag"
                  .value=${f.id}
                  .checked=${live(this.#checked.has(f.id))}
                  aria-invalid=${error ? 'true' : 'false'}
                  @change=${(e: Event) => this.#onFlagChange(f.id, e)}
                />
                <span lang=${langOf(f.text)}>${f.text.text}</span>
              </label>
            </li>`,
          )}
        </ul>
      </fieldset>
      <div class="actions">
        <button type="button" class="primary" part="none-button" @click=${this.#noneOfThese}>${view.labels.noneOfThese}</button>
        <button type="button" part="next-button" @click=${this.#confirmRedFlags}>${t.triageRedFlagsConfirm}</button>
      </div>
      ${this.#renderNav(view)}
    </section>`;
  }

  #renderQuestion(view: TriageView): TemplateResult {
    const question = view.question!;
    return html`<section class="screen" aria-labelledby="heading">
      ${view.protocol ? html`<p class="eyebrow" lang=${langOf(view.protocol.title)}>${view.protocol.title.text}</p>` : nothing}
      ${this.#heading(question.text.text, question.text)} ${this.#renderProgress(view)} ${this.#renderNotices(view)}
      <div part="question" data-question=${question.id}>${keyed(question.id, this.#renderField(question))}</div>
      <div class="actions">
        <button type="button" class="primary" part="next-button" @click=${() => void this.#next(question)}>${view.labels.next}</button>
      </div>
      ${this.#renderNav(view)}
    </section>`;
  }

  /** The protocol's question behind the view (for the unit of a duration). */
  #question(id: string): Question | undefined {
    return this.#machine.snapshot.context.protocol?.questions.find((q) => q.id === id);
  }

  #renderField(question: QuestionView): TemplateResult {
    const t = this.#localize.t;
    const hint = [question.help?.text, question.kind === 'multi-choice' ? question.hint : null].filter(Boolean).join(' ');
    const onChange = (e: HkChangeEvent<unknown>) => this.#onAnswer(question, e);
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
        const source = this.#question(question.id);
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
                <input type="checkbox" data-dont-know .checked=${live(dontKnow)} @change=${(e: Event) => this.#onDontKnow(question, e)} />
                <span>${t.dontKnow}</span>
              </label>`
            : nothing}`;
      }
    }
  }

  #renderNav(view: TriageView): TemplateResult {
    return html`<div class="actions">
      ${view.can.back ? html`<button type="button" part="back-button" @click=${this.#back}>${view.labels.back}</button>` : nothing}
      ${view.can.restart ? html`<button type="button" part="restart-button" @click=${() => this.restart()}>${view.labels.restart}</button>` : nothing}
    </div>`;
  }

  #renderOutcome(view: TriageView): TemplateResult {
    const t = this.#localize.t;
    const outcome = view.outcome;
    if (!outcome) return this.#renderError({ reason: 'machine-failed', message: t.triageInvalidProtocol });
    const notices = this.#handledByHost ? { ...view, notices: [...view.notices.filter((n) => n !== t.triageDone), t.triageHandledByHost] } : view;
    const gp = this.gpOffice;
    const handoff = isHandoffAction(outcome.disposition) ? outcome.disposition : null;
    return html`<section class="screen" aria-labelledby="heading">
      <p class="eyebrow">${view.heading}</p>
      ${this.#heading(outcome.title)} ${this.#renderNotices(notices)}
      <div class="outcome ${outcome.disposition}" part="outcome">
        <p class="urgency" part="urgency">${outcome.urgency}</p>
        ${outcome.callNumber
          ? html`<a class="call" part="call-link" href=${`tel:${outcome.callNumber}`}>${t.triageCallNumber(outcome.callNumber)}</a>`
          : nothing}
        ${outcome.whatToDoNow.length > 0
          ? html`<div part="what-to-do-now">
              <h3>${t.triageWhatToDoNowHeading}</h3>
              ${outcome.whatToDoNow.map((w) => html`<p lang=${langOf(w)}>${w.text}</p>`)}
            </div>`
          : nothing}
        <div part="reason">
          <h3>${t.triageReasonHeading}</h3>
          ${outcome.reason.texts
            .filter((r) => !outcome.reason.answers.some((a) => a.question.text === r.text))
            .map((r) => html`<p lang=${langOf(r)}>${r.text}</p>`)}
          ${outcome.reason.answers.length > 0
            ? html`<dl class="answers">
                ${outcome.reason.answers.map(
                  (a) => html`<dt lang=${langOf(a.question)}>${a.question.text}</dt>
                    <dd>${a.answer}</dd>`,
                )}
              </dl>`
            : nothing}
          ${outcome.reason.dontKnowNote && !outcome.reason.texts.some((r) => r.text === outcome.reason.dontKnowNote)
            ? html`<p>${outcome.reason.dontKnowNote}</p>`
            : nothing}
        </div>
        ${outcome.advice
          ? html`<div part="advice">
              <h3>${t.triageAdviceHeading}</h3>
              <p lang=${langOf(outcome.advice)}>${outcome.advice.text}</p>
            </div>`
          : nothing}
        ${outcome.safetyNet
          ? html`<div part="safety-net">
              <h3>${t.triageSafetyNetHeading}</h3>
              <p lang=${langOf(outcome.safetyNet)}>${outcome.safetyNet.text}</p>
            </div>`
          : nothing}
        <div part="what-next">
          <h3>${t.triageWhatNextHeading}</h3>
          <p>${t.triageWhatNext[outcome.disposition]}</p>
          ${gp?.phone && handoff ? html`<p><a class="phone" href=${`tel:${gp.phone.replace(/[^\d+]/g, '')}`}>${t.triageGpPhone(gp.name, gp.phone)}</a></p>` : nothing}
        </div>
      </div>
      <div class="actions">
        ${view.can.submit && handoff
          ? html`<button type="button" class="primary" part="handoff-button" @click=${() => this.#send({ type: 'SUBMIT' })}>
              ${view.step === 'handoff' ? t.retry : t.triageHandoffAction[handoff]}
            </button>`
          : nothing}
        ${view.can.finish ? html`<button type="button" part="finish-button" @click=${() => this.#send({ type: 'FINISH' })}>${view.labels.finish}</button>` : nothing}
      </div>
      ${this.#renderNav(view)}
    </section>`;
  }
}
