import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Bundle, Reference } from 'fhir/r4';
import { HkElement, MachineController, MessagesController } from '@helsekit/base';
import { triageCatalogsOnDemand } from '@helsekit/core/i18n';
import {
  currentStep,
  questionPath,
  stepNumber,
  createTriageMachine,
  initialTriageSnapshot,
  isHandoffDisposition,
  toPersonView,
  toView,
  type Disposition,
  type Protocol,
  type TriageContext,
  type TriageEvent,
  type TriageMachine,
  type TriagePerson,
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
import { loadAllProtocols, loadProtocol } from '@helsekit/protocols/load';
import { freshScreenState, heading, langOf, nav, notices, type ScreenHost, type ScreenState } from './screens/screen.js';
import { redFlagScreen, type RedFlagActions, type RedFlagScreen } from './screens/red-flags.screen.js';
import { renderPerson } from './screens/person.screen.js';
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


/** How long the default protocols may take before "Laster …" is shown. */
const LOADING_DELAY_MS = 300;
const STEPS: readonly string[] = ['starting', 'choosingPerson', 'choosingReason', 'redFlags', 'questions', 'outcome', 'handoff', 'done'];

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

/**
 * Self-triage for a citizen: say whom it is about (the who-for screen, unless the host sets `person`), choose the
 * reason for contact among the protocols written for that person, or "Noe annet" in one's own words, answer the red
 * flags (one screen: the general 113 list and the protocol's own, in child wording for a child), then one question
 * per screen, and get an outcome in words (ring 113, ring
 * legevakt 116117, GP today, appointment, e-consultation, self-care, or an administrative route) with why,
 * advice, a safety net and what happens next. The result is a FHIR Bundle; with `fhir-base` set, the transaction
 * (with a Task for the GP office inbox) is posted when the person sends it. The flow is the `triageMachine` of
 * `@helsekit/core/triage`; this element renders its view model and holds no triage logic. It never loads the
 * form engine (survey-core). Protocol texts are rendered as text, never as HTML.
 *
 * @tagname hk-triage
 * @summary Self-triage: red flags first, one question per screen, an outcome with why, advice and safety net.
 *
 * @event hk-step-change - The screen changed. `detail`: `{ step, index, total }` (1-based screen number on the path; the who-for and reason screens are 0).
 * @event hk-complete - An outcome was reached. `detail`: `{ disposition, bundle }`, a FHIR `collection` Bundle with the QuestionnaireResponse, red-flag and finding Observations, the disposition Observation and a ServiceRequest or CarePlan. Sent again if the person goes back and reaches another outcome.
 * @event hk-handoff - The person sends the result to the GP office (book, e-consultation, send answers). Cancelable: `preventDefault()` and the host takes over; otherwise the element posts `detail.bundle` (a transaction with a Task) to `fhir-base`. `detail`: `{ disposition, bundle }`.
 * @event hk-analytics - Usage statistics without answers: `{ kind, protocolId, protocolVersion, step, questionId, stepNumber, disposition, decidedBy, durationMs }`. Sent on each outcome and when the page is left mid-way.
 * @event hk-error - Something failed. `detail`: `{ reason: 'fhir-refused' | 'fhir-failed' | 'invalid-protocol' | 'no-protocols' | 'load-failed' | 'machine-failed', message }`.
 *
 * @csspart heading - The heading of each screen; it takes focus when the screen changes.
 * @csspart person-who - The who-for screen's "Hvem svarer du for?" group.
 * @csspart person-age - The age band group.
 * @csspart person-sex - The sex group.
 * @csspart person-pregnant - The pregnancy group (women and "annet" aged 13–64).
 * @csspart emergency - "Haster det?" with 113 and 116117, always on the reason screen.
 * @csspart other - "Noe annet": the hint and button, then the description form.
 * @csspart other-button - The "Noe annet" button.
 * @csspart description - The "Noe annet" description field, and the person's words on the outcome.
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
 * @csspart error - An error message (who-for, "Noe annet" and red-flag screens, error state).
 *
 * @cssproperty --hk-triage-max-width - Widest the element grows (default 42rem).
 * @cssproperty --hk-color-urgent - Border and call button on a 113 outcome (always with words).
 * @cssproperty --hk-color-warning - Border on 116117 and same-day outcomes.
 * @cssproperty --hk-color-ok - Border on non-urgent outcomes.
 * @cssproperty --hk-color-primary - Buttons and chosen options.
 * @cssproperty --hk-color-focus - Focus outline.
 * @cssproperty --hk-target-size - Smallest height of buttons and options.
 *
 * @cssstate choosingPerson - The who-for screen.
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

  /**
   * Who the triage is about, when the host already knows (property): `{ who, ageBand, sex?, pregnant? }`. Set, it
   * skips the who-for screen; unset, the person answers it first.
   */
  @property({ attribute: false }) person: TriagePerson | undefined;

  /** The fetch used to post to FHIR (property), for tests and for hosts that wrap fetch. Default: global fetch. */
  @property({ attribute: false }) fetch: typeof fetch | undefined;

  readonly #localize = new MessagesController(this, triageCatalogsOnDemand);

  readonly #machine: MachineController<TriageMachine> = new MachineController(this, createTriageMachine, {
    input: () => this.#input(),
    // The first screen is painted from the snapshot a fresh actor starts in; the actor (XState's start-up is
    // most of the red-flag screen's script time) is built on the first answer or when the browser is idle.
    preview: () => {
      const snapshot = initialTriageSnapshot(this.#input());
      const event = this.#onStepChanged(currentStep(snapshot.value), snapshot.context);
      if (event) this.dispatchEvent(event);
      return snapshot;
    },
    events: {
      'triage.step-changed': (e) => this.#onStepChanged(e.step, this.#machine.snapshot.context),
      'triage.completed': (e) => {
        this.#fhirModule().then(
          ({ toTriageBundle }) => {
            this.dispatchEvent(new HkTriageCompleteEvent({ disposition: e.disposition, bundle: toTriageBundle(e.fhir.result, e.fhir.options) }));
          },
          // The outcome is on screen already; only the Bundle for the host is missing.
          (error: unknown) => this.dispatchEvent(new HkTriageErrorEvent({ reason: 'load-failed', message: String(error) })),
        );
      },
      'triage.handoff-requested': (e) => {
        this.#fhirModule().then(
          ({ toTriageTransaction }) => this.#onHandoffRequested(e.disposition, toTriageTransaction(e.fhir.result, e.fhir.options)),
          (error: unknown) => {
            this.dispatchEvent(new HkTriageErrorEvent({ reason: 'load-failed', message: String(error) }));
            this.#send({ type: 'HANDOFF.FAILED' });
          },
        );
      },
      'triage.analytics': (e) => new HkTriageAnalyticsEvent(e.analytics),
    },
    onSnapshot: (snapshot) => this.#save(snapshot as unknown as { value: unknown; context: TriageContext; status: string }),
  });

  #protocols: Protocol[] | undefined;
  #defaults: Protocol[] | undefined;
  #defaultsFailed = '';
  /** Why a screen loaded on demand did not come; the flow cannot go on without it. */
  #loadFailed = '';
  /** The first screen's wait: "Laster …" only once it has lasted LOADING_DELAY_MS. */
  #firstWait: 'none' | 'waiting' | 'slow' = 'none';
  #state: ScreenState = freshScreenState();
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
  #questionScreenLoad: Promise<void> | undefined;
  #questionScreen: typeof import('./screens/question.screen.js') | undefined;
  #reasonScreenLoad: Promise<void> | undefined;
  #reasonScreen: typeof import('./screens/reason.screen.js') | undefined;
  #fhir: Promise<typeof import('@helsekit/core/triage/triage.fhir')> | undefined;
  #reportedProblem = '';
  #redFlagScreen: RedFlagScreen | undefined;
  readonly #redFlagActions: RedFlagActions = {
    change: (event) => this.#onFlagChange(event),
    none: () => this.#noneOfThese(),
    confirm: () => this.#confirmRedFlags(),
    back: () => this.#back(),
    restart: () => this.restart(),
  };

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
      const list = one ? [one] : await loadAllProtocols();
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
    if (
      this.hasUpdated &&
      (changed.has('protocols') || changed.has('protocolId') || changed.has('gpOffice') || changed.has('subject') || changed.has('person'))
    ) {
      this.#reconfigure();
    } else if (snapshot.status === 'active' && snapshot.context.locale !== this.#localize.locale) {
      this.#send({ type: 'LOCALE.SET', locale: this.#localize.locale });
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const step = currentStep(this.#machine.snapshot.value);
    if (!this.#loading && step !== 'choosingPerson' && step !== 'choosingReason' && step !== 'redFlags') this.#loadLaterScreens();
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
    // A screen still loading has no heading yet: focus goes to it once it is there.
    const heading = this.#focusHeading ? this.renderRoot.querySelector<HTMLElement>('[part="heading"]') : null;
    if (heading) {
      this.#focusHeading = false;
      heading.focus();
    }
  }

  // ---- machine glue ---------------------------------------------------------------------------------------

  #send(event: TriageEvent): void {
    if (this.#machine.snapshot.status === 'active') this.#machine.send(event);
  }

  #input() {
    return {
      protocols: this.#validProtocols(),
      ...(this.protocolId ? { protocolId: this.protocolId } : {}),
      ...(this.person ? { person: this.person } : {}),
      locale: this.#localize.locale,
      ...this.#bundleOptions(),
    };
  }

  #bundleOptions() {
    const gp = this.gpOffice;
    const gpOffice = gp ? { display: gp.name, ...(gp.reference ? { reference: gp.reference } : {}) } : undefined;
    return { ...(this.subject ? { subject: this.subject } : {}), ...(gpOffice ? { gpOffice } : {}) };
  }

  #validProtocols(): Protocol[] {
    return Array.isArray(this.protocols) ? this.protocols.filter(isUsableProtocol) : [];
  }

  /**
   * New protocols or bundle options from the host: restart an untouched first screen, or keep the person's place.
   * A tick not yet confirmed is progress too: a host setting `subject` or `gpOffice` must not clear it.
   */
  #reconfigure(): void {
    const snapshot = this.#machine.snapshot;
    const step = currentStep(snapshot.value);
    const untouched = step === 'redFlags' && snapshot.context.preselected && !this.#hasProgress(snapshot.context) && this.#checked.size === 0;
    const first = step === 'choosingPerson' || step === 'choosingReason';
    if (snapshot.status !== 'active' || first || untouched) {
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

  /** Whether the person has answered anything yet: the who-for facts the protocol starts with do not count. */
  #hasProgress(context: TriageContext): boolean {
    const fromPerson = new Set(context.protocol?.questions.filter((q) => q.origin === 'person').map((q) => q.id));
    return Object.keys(context.redFlagAnswers).length > 0 || Object.keys(context.answers).some((id) => !fromPerson.has(id));
  }

  #onStepChanged(step: TriageStep, context: TriageContext): Event | void {
    // While the default protocols load, the actor sits on an empty reason screen nobody sees: nothing to tell.
    if (this.#loading) return;
    const onPath = step !== 'choosingPerson' && step !== 'choosingReason' && context.protocol !== null;
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
    return (this.#fhir ??= import('@helsekit/core/triage/triage.fhir').catch((error: unknown) => {
      this.#fhir = undefined; // the next use tries again
      throw error;
    }));
  }

  async #afterHandoff(event: HkTriageHandoffEvent): Promise<void> {
    if (event.defaultPrevented) {
      this.#handledByHost = true;
      this.#send({ type: 'HANDOFF.DONE', sent: true });
      return;
    }
    if (!this.fhirBase) {
      // Nowhere to send it: the person must be told that nothing was sent.
      this.#send({ type: 'HANDOFF.DONE', sent: false });
      return;
    }
    const { postHandoff } = await import('./handoff.js');
    const problem = await postHandoff(this, event.detail.bundle);
    if (problem) this.dispatchEvent(new HkTriageErrorEvent(problem));
    this.#send(problem ? { type: 'HANDOFF.FAILED' } : { type: 'HANDOFF.DONE', sent: true });
  }

  readonly #onPageHide = (): void => {
    const step = currentStep(this.#machine.snapshot.value);
    if (step !== 'outcome' && step !== 'handoff' && step !== 'done') this.#send({ type: 'ABANDON' });
  };

  #resetLocalState(): void {
    this.#state = freshScreenState();
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
    if (this.#loadFailed) return { reason: 'load-failed', message: t.triageInvalidProtocol };
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

  /** One listener for the whole list (the red-flag screen is the first paint: no closure per checkbox). */
  #onFlagChange(event: Event): void {
    const { checked, value: id } = event.target as HTMLInputElement;
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

  #back(): void {
    this.#send({ type: 'STEP.BACK' });
  }

  // ---- rendering ------------------------------------------------------------------------------------------

  /**
   * What the screens after the red flags need (the question inputs, the FHIR builders): loaded when the person
   * starts using the widget, or at once when it resumes past the red flags, so the first screen waits for neither.
   */
  #loadLaterScreens = (): void => {
    this.#questionScreenLoad ??= import('./screens/question.screen.js').then(
      (screen) => {
        this.#questionScreen = screen;
        this.requestUpdate();
      },
      (error: unknown) => this.#onLoadFailed(error),
    );
    this.#fhirModule().catch(() => undefined); // reported where the builders are used
  };

  /** The reason screen, loaded with the protocol list it searches (a page with `protocol-id` never needs it). */
  #loadReasonScreen(): Promise<void> {
    return (this.#reasonScreenLoad ??= import('./screens/reason.screen.js').then(
      (screen) => {
        this.#reasonScreen = screen;
        this.requestUpdate();
      },
      (error: unknown) => this.#onLoadFailed(error),
    ));
  }

  /** A part loaded on demand did not come (the network): the person is told whom to ring instead. */
  #onLoadFailed(error: unknown): void {
    this.#loadFailed = error instanceof Error ? error.message : String(error);
    this.requestUpdate();
  }

  /** Also waits for what the later screens load, once it is being loaded, so a settled element is usable. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    const loads = [this.#questionScreenLoad, this.#reasonScreenLoad, this.#fhir?.catch(() => undefined)];
    await Promise.all(loads);
    // A screen that arrived meanwhile renders once more.
    if (this.isUpdatePending) result = await super.getUpdateComplete();
    return result;
  }

  /** What the person, reason and question screens get from the element. */
  readonly #screenHost: ScreenHost = ((el: HkTriage): ScreenHost => ({
    get t() {
      return el.#localize.t;
    },
    get renderRoot() {
      return el.renderRoot;
    },
    get context() {
      return el.#machine.snapshot.context;
    },
    get state() {
      return el.#state;
    },
    send: (event) => el.#send(event),
    requestUpdate: () => el.requestUpdate(),
    back: () => el.#back(),
    restart: () => el.restart(),
  }))(this);

  /**
   * While the first screen loads (the default protocols, the reason screen): nothing at first, "Laster …" once the
   * wait lasts. A quick load goes straight to the screen, without a flash of the loading text (and the layout and
   * paint it costs). Later waits follow something the person did, so they say "Laster …" at once.
   */
  #renderFirstWait(): TemplateResult | typeof nothing {
    if (this.#firstWait === 'none') {
      this.#firstWait = 'waiting';
      setTimeout(() => {
        this.#firstWait = 'slow';
        this.requestUpdate();
      }, LOADING_DELAY_MS);
    }
    return this.#firstWait === 'slow' ? this.#renderLoading() : nothing;
  }

  #renderLoading(): TemplateResult {
    return html`<section class="screen"><p class="progress" role="status">${this.#localize.t.loading}</p></section>`;
  }

  protected override render(): TemplateResult | HTMLElement | typeof nothing {
    if (this.#loading) return this.#renderFirstWait();
    const problem = this.#problem();
    if (problem) return this.#renderError(problem);
    let view: TriageView;
    try {
      view = this.#view();
    } catch {
      return this.#renderError({ reason: 'machine-failed', message: this.#localize.t.triageInvalidProtocol });
    }
    switch (view.step) {
      case 'choosingPerson':
        // The reason list comes next, unless the host chose the protocol: fetch its screen while the person answers.
        if (!this.protocolId) void this.#loadReasonScreen();
        return renderPerson(this.#screenHost, view, toPersonView(this.#state.personDraft, { locale: this.#localize.locale, messages: this.#localize.t }));
      case 'choosingReason':
        if (this.#reasonScreen) return this.#reasonScreen.renderReasons(this.#screenHost, view);
        void this.#loadReasonScreen();
        return this.#renderFirstWait();
      case 'redFlags':
        return this.#renderRedFlags(view);
      case 'questions':
        if (this.#questionScreen) return this.#questionScreen.renderQuestion(this.#screenHost, view);
        this.#loadLaterScreens();
        return this.#renderLoading();
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

  /** Built with DOM calls and kept while its content is unchanged (`screens/red-flags.screen.ts` says why). */
  #renderRedFlags(view: TriageView): HTMLElement {
    this.#redFlagScreen = redFlagScreen(this.#redFlagScreen, this.ownerDocument, view, this.#localize.t, this.#redFlagActions);
    this.#redFlagScreen.sync(this.#checked, this.#redFlagError);
    return this.#redFlagScreen.root;
  }

  #renderOutcome(view: TriageView): TemplateResult {
    const t = this.#localize.t;
    const outcome = view.outcome;
    if (!outcome) return this.#renderError({ reason: 'machine-failed', message: t.triageInvalidProtocol });
    const shown = this.#handledByHost ? { ...view, notices: [...view.notices.filter((n) => n !== t.triageDone), t.triageHandledByHost] } : view;
    const gp = this.gpOffice;
    const handoff = isHandoffDisposition(outcome.disposition) ? outcome.disposition : null;
    return html`<section class="screen" aria-labelledby="heading">
      <p class="eyebrow">${view.heading}</p>
      ${heading(outcome.title)} ${notices(shown)}
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
        ${view.description
          ? html`<div part="description">
              <h3>${t.triageDescriptionHeading}</h3>
              <p class="description">${view.description}</p>
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
      ${nav(this.#screenHost, view)}
    </section>`;
  }
}
