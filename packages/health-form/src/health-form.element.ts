import { html, nothing, render as renderInto, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { fromPromise } from 'xstate';
import type { Patient, Questionnaire, QuestionnaireResponse, Reference } from 'fhir/r4';
import { HkElement, LocalizeController, MachineController } from '@helsekit/base';
import { formCatalogsOnDemand } from '@helsekit/core/i18n';
import {
  answersToSurveyData,
  createExpressionEngine,
  questionnaireToSurvey,
  responseToAnswers,
  surveyDataToAnswers,
  type AnswerData,
  type ConversionResult,
  type ExpressionEngine,
  type ExpressionResults,
  type ItemInfo,
} from '@helsekit/core/fhir';
import {
  answerRows,
  autocompleteFor,
  computePages,
  formMachine,
  loadFormFromStore,
  patientValues,
  questionnaireFromSurveyJson,
  submitToStore,
  toFormView,
  type Draft,
  type FormEvent,
  type FormFailureReason,
  type FormInput,
  type FormView,
  type LoadDraftInput,
  type LoadFormInput,
  type LoadFormOutput,
  type QuestionView,
  type ReviewRow,
  type SaveDraftInput,
  type SaveDraftOutput,
  type SubmitInput,
  type SubmitOutput,
} from '@helsekit/core/form';
import { createHeadlessModel, hasSurveyLogic, prepareSurveyCore, skipLogicPasses, surveyLocale, type SurveyCoreModule } from '@helsekit/core/survey';
import { FhirRestStore, MemoryStore, type HealthStore, type AccessTokenCallback } from '@helsekit/core/store';
import { HkDraftSavedEvent, HkErrorEvent, HkStepChangeEvent, HkSubmitEvent, type HealthFormErrorReason, type HealthFormStep } from './health-form.events.js';
import { healthFormStyles } from './health-form.styles.js';
import { questionData } from './question-data.js';
import { staticModel } from './static-model.js';
import { renderPage, type QuestionContext, type QuestionData } from './questions.js';
import { type SurveyElement, type SurveyModel, type SurveyPanel, type SurveyQuestion } from './survey-model.js';

/** Which page: what `#pageElements` needs of the view's page. */
type PageRef = Pick<NonNullable<FormView['page']>, 'id' | 'groupLinkId'>;

/** Autosave debounce (ms). */
const AUTOSAVE_MS = 400;

/** The form as the element prepared it: the converted form, the survey-core model that renders it, and its index. */
interface Prepared {
  conv: ConversionResult;
  /** The FHIR Questionnaire (for SurveyJS input, one built from it) the flow machine runs on. */
  questionnaire: Questionnaire;
  model: SurveyModel;
  engine: ExpressionEngine | undefined;
  /** Element name → item. */
  byName: Map<string, ItemInfo>;
  /** The answers the model starts with (the Questionnaire's initial values). */
  initial: AnswerData;
  /** survey-core has no logic of its own here (no conditions, expressions, piping): an answer changes nothing else. */
  static: boolean;
  /** Each question's fixed texts and flags from the converted form, for a static FHIR form (else empty). */
  data: WeakMap<object, QuestionData>;
}

class LoadError extends Error {
  constructor(
    readonly code: FormFailureReason,
    message: string,
    readonly shown: 'formLoadFailed' | 'formEngineUnavailable' | 'formInvalid' | 'formTooLarge',
  ) {
    super(message);
  }
}

/** The element's step (its custom state) for the machine's flow state. */
function stepOf(flow: FormView['flow']): HealthFormStep {
  switch (flow) {
    case 'loading':
    case 'loaded':
      return 'loading';
    case 'loadFailed':
      return 'unavailable';
    case 'confirmingSubmit':
    case 'submitting':
      return 'submitting';
    case 'waitingForConnection':
    case 'failed':
      return 'failed';
    default:
      return flow;
  }
}

/** The initial and calculated values of expression results, as answers (items outside repeating groups only). */
function expressionAnswers(p: Prepared, r: ExpressionResults): Array<{ linkId: string; info: ItemInfo; value: unknown }> {
  const out: Array<{ linkId: string; info: ItemInfo; value: unknown }> = [];
  for (const [linkId, values] of [...r.initial, ...r.calculated]) {
    const info = p.conv.index.get(linkId);
    if (!info || info.repeatingGroups.length > 0) continue;
    out.push({ linkId, info, value: values.length === 0 ? undefined : info.repeats ? values : values[0] });
  }
  return out;
}

const errorReasonOf = (reason: FormFailureReason): HealthFormErrorReason =>
  reason === 'load' ? 'load-failed' : reason === 'invalid-questionnaire' ? 'invalid-questionnaire' : 'submit-failed';

/**
 * A patient-reported form (pre-consultation form, PROM, follow-up form) from a FHIR Questionnaire or SurveyJS
 * JSON, rendered with helsekit's own templates in Shadow DOM. Earlier answers are offered again with where and when
 * they were given; every change is saved as a draft in the configured store; the person reviews, consents and
 * sends. The QuestionnaireResponse (hidden answers left out) and the Observations extracted from coded items leave
 * only through `hk-submit` and the store.
 *
 * The flow (prefill review, pages, review, consent, submit, drafts, retries) is the core form machine
 * (`@helsekit/core/form`); the element renders its view model and the model that holds the questions: survey-core's,
 * or for a FHIR form that needs nothing of survey-core, helsekit's own (survey-core is then not loaded).
 *
 * @tagname hk-health-form
 * @summary Accessible patient-reported forms that are filled once, reused and never lost.
 *
 * @event hk-submit - Cancelable. The person sends the form. `detail.response`: the QuestionnaireResponse; `detail.observations`: Observations extracted from coded items. Not cancelled: both are written to the store. Cancelled: the host sends them itself; the form shows its receipt.
 * @event hk-draft-saved - A draft was saved. `detail.version`, `detail.savedAt` (ISO). No answers.
 * @event hk-error - Something failed. `detail.reason`: `load-failed`, `invalid-questionnaire`, `store-failed`, `draft-conflict`, `submit-failed` or `validation`; `detail.message`: English, for logs.
 * @event hk-step-change - The person moved to another step or page. `detail.step`, `detail.pageIndex`, `detail.pageCount`.
 *
 * @csspart form - The whole form.
 * @csspart header - The form's title, whose form it is and who fills it in.
 * @csspart on-behalf - Who fills in the form on behalf of whom.
 * @csspart progress - The progress bar and "Side 1 av 3".
 * @csspart error-summary - The list of errors at the top, after an attempt to go on.
 * @csspart page-heading - The heading of the current page or step.
 * @csspart question - One question with its label, hint and error.
 * @csspart label - A question's text.
 * @csspart hint - Help under a question.
 * @csspart error - A field's error message.
 * @csspart input - A native input, textarea or select.
 * @csspart unit - The unit after a number field.
 * @csspart options - The box around a question's choices.
 * @csspart option - One choice.
 * @csspart matrix - A grid of questions with the same answers (PHQ-9 style).
 * @csspart matrix-row - One row of the grid.
 * @csspart panel - A group of questions.
 * @csspart panel-title - The heading of a group.
 * @csspart repeating - A group that can be added more than once.
 * @csspart instance - One instance of a repeating group.
 * @csspart add-button - Adds an instance of a repeating group.
 * @csspart remove-button - Removes an instance.
 * @csspart calculated - A calculated, read-only value.
 * @csspart display - Display text.
 * @csspart origin - Where and when a prefilled answer came from.
 * @csspart keep-button - Keeps an offered earlier answer.
 * @csspart prefill - The prefill review.
 * @csspart review - The list of answers before sending.
 * @csspart change-button - Goes from review to a question to change it.
 * @csspart consent - The consent step.
 * @csspart conflict - The choice when the draft was changed in another tab.
 * @csspart receipt - The receipt after sending.
 * @csspart score - A PROM score on the receipt.
 * @csspart status - Draft and connection status.
 * @csspart button - Every button.
 * @csspart next-button - The button that goes on.
 * @csspart back-button - The button that goes back.
 * @csspart submit-button - The button that sends.
 *
 * @cssproperty --hk-color-primary - Buttons, chosen options, progress.
 * @cssproperty --hk-color-error - Errors and the error summary.
 * @cssproperty --hk-color-focus - Focus outline.
 * @cssproperty --hk-color-surface - Background of panels and the receipt.
 * @cssproperty --hk-color-border - Borders of fields and options.
 * @cssproperty --hk-target-size - Smallest height of a control.
 * @cssproperty --hk-health-form-max-width - Widest the form grows (default 48rem).
 *
 * @cssstate loading - The form is loading.
 * @cssstate prefillReview - Earlier answers are shown for review.
 * @cssstate filling - The person is answering.
 * @cssstate review - The person checks every answer.
 * @cssstate consent - The person consents before sending.
 * @cssstate submitting - Sending.
 * @cssstate submitted - Sent; the receipt is shown.
 * @cssstate failed - Sending failed or waits for the connection; the answers are kept.
 * @cssstate readOnly - Showing a submitted response.
 * @cssstate unavailable - The form could not be opened.
 */
export class HkHealthForm extends HkElement {
  static override styles = [HkElement.styles, healthFormStyles];

  /** The form: a FHIR R4 Questionnaire or SurveyJS JSON (object or JSON text). Set as a property. */
  @property({ attribute: false }) questionnaire: unknown;

  /** Canonical URL of a Questionnaire to load from `fhir-base` (when `questionnaire` is not set). */
  @property({ attribute: 'questionnaire-url' }) questionnaireUrl = '';

  /** The person the form is about. Name and birth date are shown at the top; name, birth date and fødselsnummer prefill matching items. */
  @property({ attribute: false }) patient: Patient | undefined;

  /** Reference to the person the form is about, when no `patient` is given (for example `Patient/123`). */
  @property() subject = '';

  /** Who records the answers (QuestionnaireResponse.author), for example a Practitioner. */
  @property({ attribute: false }) author: Reference | undefined;

  /** Who fills in on behalf of the patient (a RelatedPerson: parent, next of kin). Becomes QuestionnaireResponse.source and is shown at the top. */
  @property({ attribute: false }) filledInBy: Reference | undefined;

  /** Where drafts, earlier answers and the response go. Default: in memory only (nothing kept in the browser). */
  @property({ attribute: false }) store: HealthStore | undefined;

  /** A FHIR R4 base URL. With `allowedFhirBases`, the element creates a FhirRestStore for it. */
  @property({ attribute: 'fhir-base' }) fhirBase = '';

  /** Allowlist for `fhir-base`. A base not on the list is refused. */
  @property({ attribute: false }) allowedFhirBases: string[] = [];

  /** Asked for a token before every request to `fhir-base`. */
  @property({ attribute: false }) getAccessToken: AccessTokenCallback | undefined;

  /**
   * Finds an earlier form's Questionnaire by canonical URL, to match its coded items for reuse. Default: a search
   * on `fhir-base`; without one, only answers to this same Questionnaire are reused.
   */
  @property({ attribute: false }) resolveQuestionnaire: ((url: string) => Promise<Questionnaire | undefined>) | undefined;

  /** Who receives the answers, in words, for the consent step (for example "Nevrologisk poliklinikk, Haukeland"). */
  @property() recipient = '';

  /** Show `response` instead of a form to fill in. */
  @property({ type: Boolean, attribute: 'read-only', reflect: true }) readOnly = false;

  /** A submitted QuestionnaireResponse to show with `read-only`. */
  @property({ attribute: false }) response: QuestionnaireResponse | undefined;

  /** Do not offer earlier answers again. Scored instruments (PHQ-9, GAD-7) never are: they measure how it is now. */
  @property({ type: Boolean, attribute: 'no-reuse' }) noReuse = false;

  /** One question per page. */
  @property({ type: Boolean, attribute: 'one-question-per-page', reflect: true }) oneQuestionPerPage = false;

  protected readonly localize = new LocalizeController(this, formCatalogsOnDemand);

  readonly #machine = new MachineController(
    this,
    formMachine.provide({
      actors: {
        loadForm: fromPromise<LoadFormOutput, LoadFormInput>(({ input }) => this.#loadForm(input)),
        saveDraft: fromPromise<SaveDraftOutput, SaveDraftInput>(async ({ input }) => {
          const version = await this.effectiveStore.saveDraft(input.key, input.response, input.expectedVersion);
          return { version, savedAt: new Date().toISOString() };
        }),
        loadDraft: fromPromise<Draft | undefined, LoadDraftInput>(({ input }) => this.effectiveStore.loadDraft(input.key)),
        submit: fromPromise<SubmitOutput, SubmitInput>(({ input }) => submitToStore(this.effectiveStore, input)),
      } as never,
    }),
    {
      input: () => this.#input(),
      events: {
        'form.draft-saved': (e) => new HkDraftSavedEvent(e.version, e.savedAt),
        'form.conflict': () => new HkErrorEvent('draft-conflict', 'a newer draft was saved elsewhere; nothing was overwritten'),
        'form.draft-failed': (e) => new HkErrorEvent('store-failed', e.message ?? `draft not saved: ${e.reason}`),
        'form.failed': (e) => new HkErrorEvent(errorReasonOf(e.reason), e.message ?? e.reason),
        'form.waiting-for-connection': (e) => new HkErrorEvent('submit-failed', `no connection; sending again in ${e.retryInMs} ms`),
        'form.invalid': (e) => new HkErrorEvent('validation', e.count > 0 ? `${e.count} field(s) need attention` : 'consent to share is missing'),
        'form.submit-requested': (e) => {
          const event = new HkSubmitEvent(e.response, e.observations);
          // The controller dispatches it synchronously; the host's listeners have run by the next microtask.
          queueMicrotask(() => this.#send(event.defaultPrevented ? { type: 'SUBMIT.HANDLED' } : { type: 'SUBMIT.CONFIRM' }));
          return event;
        },
      },
      onSnapshot: () => this.#onSnapshot(),
    },
  );

  #prepared: Promise<Prepared> | undefined;
  #current: Prepared | undefined;
  #unavailable: LoadError | undefined;
  /** Bumped whenever the actor is replaced: a load started for an older actor stops. */
  #generation = 0;
  /** The answers the survey-core model holds, by linkId, as last synced with the machine. */
  #synced: AnswerData = {};
  #applying = false;
  /** Bumped on every change in the survey-core model: with logic in survey-core, any answer may change any question. */
  #modelVersion = 0;
  /** Bumped when a question's rendering changes other than by its answer or marks: visibility, a choice filter. */
  #renderVersion = 0;
  #ids = new WeakMap<object, string>();
  #nextId = 0;
  #filters = new WeakMap<object, string>();
  #fileErrors = new Map<string, string>();
  #focusTarget: string | undefined;
  #storeCache: HealthStore | undefined;
  #last: { step: HealthFormStep; page: number; flow: string } | undefined;
  #view: FormView | undefined;

  /**
   * The element's custom states are its steps (documented above), not the machine's state names that the machine
   * controller would set on every snapshot: one state, changed only when the step changes.
   */
  override setCustomStates(_states: Iterable<string>): void {
    super.setCustomStates([this.step]);
  }

  /** The store in use: the one given, a FhirRestStore for `fhir-base`, or a MemoryStore. */
  get effectiveStore(): HealthStore {
    if (this.store) return this.store;
    if (!this.#storeCache) {
      this.#storeCache = this.fhirBase
        ? new FhirRestStore({ baseUrl: this.fhirBase, allowedBaseUrls: this.allowedFhirBases, getAccessToken: this.getAccessToken })
        : new MemoryStore();
    }
    return this.#storeCache;
  }

  /** Where the person is. */
  get step(): HealthFormStep {
    if (this.#unavailable) return 'unavailable';
    const flow = this.#flow();
    if (this.readOnly && flow !== 'loading' && flow !== 'loaded' && flow !== 'loadFailed') return 'readOnly';
    return stepOf(flow);
  }

  /**
   * The answers now, keyed by linkId. An offered earlier answer is not one until the person keeps it. The
   * QuestionnaireResponse leaves out what is not shown (disabled or `questionnaire-hidden` items); this does not.
   */
  get answers(): AnswerData {
    return { ...this.#context().answers };
  }

  /** The current page (0-based) while filling in; with `one-question-per-page`, the current question. */
  get pageIndex(): number {
    return this.#context().pageIndex;
  }

  get pageCount(): number {
    const ctx = this.#context();
    return ctx.questionnaire ? computePages(ctx.questionnaire, ctx.answers, this.oneQuestionPerPage).length : 0;
  }

  #context() {
    return this.#machine.snapshot.context;
  }

  #flow(): FormView['flow'] {
    const v = this.#machine.snapshot.value as { flow?: string };
    return (v?.flow ?? 'loading') as FormView['flow'];
  }

  #send(event: FormEvent): void {
    if (this.#machine.snapshot.status === 'active') this.#machine.send(event);
  }

  // ---- input and loading -----------------------------------------------------------------------------------

  #patientName(): string {
    return this.patient ? (patientValues(this.patient).name ?? '') : '';
  }

  #subjectRef(): Reference | undefined {
    const display = this.#patientName();
    if (this.subject) return { reference: this.subject, ...(display ? { display } : {}) };
    if (this.patient?.id) return { reference: `Patient/${this.patient.id}`, ...(display ? { display } : {}) };
    return undefined;
  }

  /** The draft key's form URL, known before the form is converted. */
  #formUrl(): string {
    let source = this.questionnaire;
    if (typeof source === 'string') {
      try {
        source = JSON.parse(source) as unknown;
      } catch {
        source = undefined;
      }
    }
    const doc = source && typeof source === 'object' ? (source as { url?: unknown; title?: unknown; resourceType?: unknown }) : undefined;
    if (typeof doc?.url === 'string' && doc.url) return doc.url;
    if (this.questionnaireUrl) return this.questionnaireUrl;
    return `urn:helsekit:form:${typeof doc?.title === 'string' ? encodeURIComponent(doc.title) : 'untitled'}`;
  }

  #input(): FormInput {
    const subject = this.#subjectRef();
    const filler = this.filledInBy?.reference ? { reference: this.filledInBy.reference, ...(this.filledInBy.display ? { display: this.filledInBy.display } : {}) } : undefined;
    const author = this.author?.reference ? { reference: this.author.reference, ...(this.author.display ? { display: this.author.display } : {}) } : undefined;
    return {
      questionnaireUrl: this.#formUrl(),
      ...(subject ? { subject: { reference: subject.reference!, ...(subject.display ? { display: subject.display } : {}) } } : {}),
      ...(this.patient ? { patient: this.patient } : {}),
      ...(filler ? { filler } : {}),
      ...(author ? { author } : {}),
      ...(this.recipient ? { recipient: { reference: '', display: this.recipient } } : {}),
      onePerPage: this.oneQuestionPerPage,
      autosaveMs: AUTOSAVE_MS,
      reuse: { enabled: !this.noReuse && !this.readOnly },
    };
  }

  /** The form named by `questionnaire-url`, from `fhir-base` (the same guarded request path as every store call). */
  async #fetchQuestionnaire(url: string): Promise<unknown> {
    const store = new FhirRestStore({ baseUrl: this.fhirBase, allowedBaseUrls: this.allowedFhirBases, getAccessToken: this.getAccessToken });
    const found = await store.findQuestionnaire(url);
    if (!found) throw new Error('Questionnaire not found');
    return found;
  }

  #resolver(): ((url: string) => Promise<Questionnaire | undefined>) | undefined {
    if (this.resolveQuestionnaire) return this.resolveQuestionnaire;
    if (this.fhirBase) return async (url) => (await this.#fetchQuestionnaire(url)) as Questionnaire;
    return undefined;
  }

  /** Converts the form and builds the survey-core model that renders it. */
  async #prepare(): Promise<Prepared> {
    let source = this.questionnaire;
    if (source === undefined && this.questionnaireUrl) {
      try {
        source = await this.#fetchQuestionnaire(this.questionnaireUrl);
      } catch (e) {
        throw new LoadError('load', e instanceof Error ? e.message : String(e), 'formLoadFailed');
      }
    }
    if (source === undefined) return new Promise<never>(() => undefined); // nothing to show until a form is set
    const conv = questionnaireToSurvey(source);
    if (!conv.ok) throw new LoadError('invalid-questionnaire', conv.error.message, conv.error.code === 'too-large' ? 'formTooLarge' : 'formInvalid');
    // fhirpath (only when the form has SDC expressions) loads while survey-core (only when needed) loads or the
    // static model is built
    const expressions = conv.value.hasExpressions && conv.value.questionnaire ? createExpressionEngine(conv.value.questionnaire) : undefined;
    const isStatic = !hasSurveyLogic(conv.value.survey);
    // a FHIR form with nothing for survey-core to do (see static-model.ts) is rendered without loading it
    let model = isStatic && conv.value.source === 'fhir' ? staticModel(conv.value.survey) : undefined;
    if (!model) {
      let core: SurveyCoreModule;
      try {
        core = await import('survey-core');
      } catch (e) {
        throw new LoadError('load', e instanceof Error ? e.message : String(e), 'formEngineUnavailable');
      }
      prepareSurveyCore(core);
      // from a FHIR Questionnaire: survey-core's own first-render work for its UI (rows) is skipped; SurveyJS JSON may
      // rely on it (randomized question order), so it gets a plain model
      model = (conv.value.source === 'fhir' ? createHeadlessModel(core, conv.value.survey) : new core.Model(conv.value.survey)) as unknown as SurveyModel;
      if (isStatic) skipLogicPasses(model);
    }
    model.locale = surveyLocale(this.localize.locale);
    // Hidden answers go as soon as their question is hidden: they are never saved in a draft nor sent.
    model.clearInvisibleValues = 'onHidden';
    const questionnaire = conv.value.questionnaire ?? questionnaireFromSurveyJson(conv.value.survey as Record<string, unknown>, conv.value.index, this.#formUrl());
    const byName = new Map<string, ItemInfo>();
    for (const info of conv.value.index.values()) byName.set(info.name, info);
    const data = new WeakMap<object, QuestionData>();
    if (isStatic && conv.value.source === 'fhir') {
      const byQuestionName = questionData(conv.value.survey);
      for (const q of model.getAllQuestions()) {
        const d = byQuestionName.get(q.name);
        if (d) data.set(q, d);
      }
    }
    const prepared: Prepared = { conv: conv.value, questionnaire, model, engine: undefined, byName, initial: {}, static: isStatic, data };
    model.onValueChanged.add((_s, o) => this.#onModelChanged(prepared, o.name));
    model.onDynamicPanelItemValueChanged.add((_s, o) => {
      if (o.question?.name) this.#onModelChanged(prepared, o.question.name);
    });
    if (expressions) {
      // fhirpath is the longest wait: meanwhile the first page's questions are built, off the document, so that the
      // render that shows them (once expressions have run) only updates what the expressions set. A module's
      // download starts from a task of its own: the main thread lets it go out first.
      await new Promise((resolve) => setTimeout(resolve, 0));
      this.#prerender(prepared);
      const created = await expressions;
      if (created.ok) prepared.engine = created.value;
    }
    const engine = prepared.engine;
    if (engine) this.#apply(prepared, engine.evaluateAll(surveyDataToAnswers(model.data, conv.value.index)));
    prepared.initial = surveyDataToAnswers(model.data, conv.value.index);
    return prepared;
  }

  /** The machine's `loadForm`: the prepared form, then the draft and earlier answers from the store. */
  async #loadForm(input: LoadFormInput): Promise<LoadFormOutput> {
    const generation = this.#generation;
    // Properties set right after the element was added are seen: wait for the first update.
    await this.updateComplete;
    if (generation !== this.#generation) return new Promise<never>(() => undefined);
    this.#prepared ??= this.#prepare();
    let prepared: Prepared;
    try {
      prepared = await this.#prepared;
    } catch (e) {
      if (generation === this.#generation && e instanceof LoadError) this.#unavailable = e;
      throw e;
    }
    if (generation !== this.#generation) return new Promise<never>(() => undefined);
    this.#current = prepared;
    this.#synced = surveyDataToAnswers(prepared.model.data, prepared.conv.index);
    const questionnaire = prepared.questionnaire;
    if (this.readOnly) {
      const read = this.response ? responseToAnswers(questionnaire, this.response) : undefined;
      return { questionnaire, responses: [], observations: [], questionnaires: {}, initialAnswers: read?.ok ? read.value.answers : {}, now: Date.now() };
    }
    const resolver = this.#resolver();
    const out = await loadFormFromStore(this.effectiveStore, { ...(resolver ? { resolveQuestionnaire: resolver } : {}) }, { ...input, input: { ...input.input, questionnaire } });
    return { ...out, initialAnswers: prepared.initial };
  }

  /** Starts the flow again from the current properties. */
  #restart(): void {
    this.#generation++;
    this.#prepared = undefined;
    this.#current = undefined;
    this.#unavailable = undefined;
    this.#synced = {};
    this.#fileErrors.clear();
    this.#last = undefined;
    this.#machine.restore(undefined);
  }

  // ---- lifecycle -------------------------------------------------------------------------------------------

  readonly #online = () => this.#send({ type: 'CONNECTION.ONLINE' });
  readonly #offline = () => this.#send({ type: 'CONNECTION.OFFLINE' });
  readonly #flush = () => {
    if (document.visibilityState === 'hidden') this.#send({ type: 'DRAFT.FLUSH' });
  };
  readonly #pagehide = () => this.#send({ type: 'DRAFT.FLUSH' });

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener('online', this.#online);
    globalThis.addEventListener('offline', this.#offline);
    globalThis.addEventListener('pagehide', this.#pagehide);
    document.addEventListener('visibilitychange', this.#flush);
    // numbers (calculated values, answers on review) and the draft's time are formatted soon: the first Intl object
    // loads the locale data, in idle time while the form's engine is still on its way rather than on an answer
    this.localize.prewarmFormats();
  }

  override disconnectedCallback(): void {
    // a pending autosave is written now, before the actor stops
    this.#send({ type: 'DRAFT.FLUSH' });
    globalThis.removeEventListener('online', this.#online);
    globalThis.removeEventListener('offline', this.#offline);
    globalThis.removeEventListener('pagehide', this.#pagehide);
    document.removeEventListener('visibilitychange', this.#flush);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('store') || changed.has('fhirBase') || changed.has('allowedFhirBases')) this.#storeCache = undefined;
    const defining = ['questionnaire', 'questionnaireUrl', 'response', 'readOnly', 'oneQuestionPerPage'].some((k) => changed.has(k));
    const input = ['patient', 'subject', 'author', 'filledInBy', 'recipient', 'noReuse', 'store', 'fhirBase'].some((k) => changed.has(k));
    // the first update always starts afresh: properties set before connecting are all in `changed`
    if (!this.hasUpdated || defining || (input && this.#flow() === 'loading')) this.#restart();
    const model = this.#current?.model;
    if (model) {
      const loc = surveyLocale(this.localize.locale);
      if (model.locale !== loc) model.locale = loc;
    }
    this.#view = this.#makeView();
    this.setCustomStates([this.step]);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const selector = this.#focusTarget;
    if (selector) {
      this.#focusTarget = undefined;
      // After the update has completed: moving focus may blur a field, which updates the element again.
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
    }
  }

  #makeView(): FormView | undefined {
    const snapshot = this.#machine.snapshot;
    return snapshot.status === 'active' || snapshot.status === 'done' ? toFormView(snapshot, { locale: this.localize.locale, messages: this.localize.t }) : undefined;
  }

  /** After every machine change: keep the survey-core model in step, say where the person is, move focus. */
  #onSnapshot(): void {
    this.#syncModel();
    const step = this.step;
    const flow = this.#flow();
    const page = this.pageIndex;
    const last = this.#last;
    this.#last = { step, page, flow };
    if (!last || (last.step === step && last.page === page)) {
      if (!last && step !== 'loading') this.#stepChanged(step, undefined);
      return;
    }
    this.#stepChanged(step, last);
  }

  #stepChanged(step: HealthFormStep, last: { step: HealthFormStep; page: number; flow: string } | undefined): void {
    this.#view = this.#makeView();
    this.dispatchEvent(new HkStepChangeEvent(step, this.pageIndex, this.pageCount));
    if (step === 'loading' || step === 'readOnly') return;
    // a fresh form keeps the page's focus where it is; a resumed one, and every later step, starts at its heading
    const fresh = last?.step === 'loading' && step === 'filling' && this.#context().draft.version === null;
    if (!fresh && !this.#focusTarget) this.#focusTarget = '#page-heading';
  }

  /** Machine answers → survey-core model, for what changed outside the model (kept offers, a draft, the other tab's answers). */
  #syncModel(): void {
    const p = this.#current;
    if (!p) return;
    const answers = this.#context().answers;
    const synced = this.#synced;
    const keys = new Set([...Object.keys(answers), ...Object.keys(synced)]);
    const changed: string[] = [];
    for (const linkId of keys) {
      const mine = answers[linkId];
      const theirs = synced[linkId];
      if (mine === theirs || JSON.stringify(mine) === JSON.stringify(theirs)) continue;
      const info = p.conv.index.get(linkId);
      if (!info || info.repeatingGroups.length > 0) continue;
      changed.push(linkId);
      const data = mine === undefined || mine === null ? undefined : answersToSurveyData({ [linkId]: mine }, p.conv.index)[info.name];
      this.#applying = true;
      try {
        p.model.setValue(info.name, data);
      } finally {
        this.#applying = false;
      }
      if (mine === undefined) delete synced[linkId];
      else synced[linkId] = mine;
    }
    if (changed.length && p.engine) this.#applyResults(p, p.engine.update(changed, answers));
    if (changed.length) this.#modelVersion++;
  }

  /** survey-core model → machine: the person (or survey-core: a hidden answer cleared, a calculated value) changed `name`. */
  #onModelChanged(p: Prepared, name: string): void {
    if (this.#applying || p !== this.#current) return;
    const info = p.byName.get(name);
    if (!info) return;
    const value = surveyDataToAnswers({ [name]: p.model.getValue(name) }, p.conv.index)[info.linkId];
    this.#fileErrors.delete(info.linkId);
    if (value === undefined) delete this.#synced[info.linkId];
    else this.#synced[info.linkId] = value;
    this.#modelVersion++;
    this.#send({ type: 'SET.VALUE', linkId: info.linkId, value: (value ?? null) as never });
    if (p.engine) this.#applyResults(p, p.engine.update([info.linkId], this.#context().answers));
  }

  /** Expression results (calculated, initial, enableWhenExpression) into the model, and calculated values to the machine. */
  #applyResults(p: Prepared, r: ExpressionResults): void {
    this.#apply(p, r);
    // calculated and initial values are answers too: to the machine, when they differ from what it has
    for (const { linkId, value: v } of expressionAnswers(p, r)) {
      const now = this.#context().answers[linkId];
      if (JSON.stringify(v) === JSON.stringify(now)) continue;
      if (v === undefined) delete this.#synced[linkId];
      else this.#synced[linkId] = v as never;
      this.#send({ type: 'SET.VALUE', linkId, value: (v ?? null) as never });
    }
  }

  #apply(p: Prepared, r: ExpressionResults): void {
    this.#applying = true;
    try {
      for (const { linkId, info, value: v } of expressionAnswers(p, r)) {
        p.model.setValue(info.name, v === undefined ? undefined : answersToSurveyData({ [linkId]: v as never }, p.conv.index)[info.name]);
      }
      for (const [linkId, enabled] of r.enabled) {
        const info = p.conv.index.get(linkId);
        const el = info && p.model.getQuestionByName(info.name);
        if (el && !info.hidden) {
          const q = el as unknown as { visible: boolean };
          const d = p.data.get(el);
          if ((d?.visible ?? q.visible) !== enabled) this.#renderVersion++;
          q.visible = enabled;
          if (d) d.visible = enabled;
        }
      }
    } finally {
      this.#applying = false;
    }
  }

  // ---- question rendering ----------------------------------------------------------------------------------

  #linkIds = new WeakMap<SurveyElement, string>();
  /** Each item's `autocomplete` token (matching it against the patient fields, per question, added up on a long page). */
  #autocomplete = new WeakMap<ItemInfo, string>();

  #linkIdOf(q: SurveyElement): string {
    // survey-core's property getters are slow for something read for every question on every render
    let linkId = this.#linkIds.get(q);
    if (linkId === undefined) {
      linkId = q.hkLinkId ?? this.#current?.byName.get(q.name)?.linkId ?? q.name;
      this.#linkIds.set(q, linkId);
    }
    return linkId;
  }

  #questionViews = new WeakMap<FormView, Map<string, QuestionView>>();

  #questionView(q: SurveyElement): QuestionView | undefined {
    const v = this.#view;
    if (!v?.page) return undefined;
    let byLinkId = this.#questionViews.get(v);
    if (!byLinkId) {
      // only what the templates read from it (an error, a prefill mark): on a long page, most questions have neither
      byLinkId = new Map();
      for (const qv of v.page.marked) byLinkId.set(qv.linkId, qv);
      this.#questionViews.set(v, byLinkId);
    }
    return byLinkId.get(this.#linkIdOf(q));
  }

  #idOf(el: object): string {
    let id = this.#ids.get(el);
    if (!id) {
      id = `hf-${++this.#nextId}`;
      this.#ids.set(el, id);
    }
    return id;
  }

  #questionId(linkId: string): string | undefined {
    const p = this.#current;
    const info = p?.conv.index.get(linkId);
    const q = info && p?.model.getQuestionByName(info.name);
    return q ? this.#idOf(q) : undefined;
  }

  #questionContext(level: number, p = this.#current): QuestionContext {
    // read once per render, not once per question (a page may hold hundreds)
    const answers = this.#context().answers;
    const t = this.localize.t;
    const readOnly = this.readOnly;
    const anyAnswer = p?.static ? 0 : this.#modelVersion;
    // every error, prefill mark and file error on the page, as one value for the blocks' keys
    const page = this.#view?.page;
    const marks = [
      ...(page?.marked ?? []).map((v) => `${v.linkId}\u0000${v.error ?? ''}\u0000${v.prefill ? `${v.prefill.state}\u0000${v.prefill.origin}\u0000${v.prefill.offered}` : ''}`),
      ...[...this.#fileErrors].map(([linkId, e]) => `${linkId}\u0000${e}`),
    ].join('\u0001');
    return {
      t,
      locale: surveyLocale(this.localize.locale),
      readOnly,
      level,
      data: (q) => p?.data.get(q),
      id: (q) => this.#idOf(q),
      error: (q) => this.#questionView(q)?.error ?? this.#fileErrors.get(this.#linkIdOf(q)) ?? '',
      set: (q, value) => {
        q.value = value;
        this.requestUpdate();
      },
      blur: (q) => this.#send({ type: 'FIELD.BLUR', linkId: this.#linkIdOf(q) }),
      prefill: (q) => {
        const p = this.#questionView(q)?.prefill;
        return p ? { origin: p.origin, status: p.state, offered: p.offered, stateText: p.stateText } : undefined;
      },
      keep: (q) => this.#send({ type: 'PREFILL.KEEP', linkId: this.#linkIdOf(q) }),
      filter: (q) => this.#filters.get(q) ?? '',
      setFilter: (q, text) => {
        this.#filters.set(q, text);
        this.#renderVersion++;
        this.requestUpdate();
      },
      addPanel: (q) => {
        q.addPanel?.();
        const index = (q.panels?.length ?? 1) - 1;
        this.#focusTarget = `#${this.#idOf(q)}-i${index}`;
        if (this.#current) this.#onModelChanged(this.#current, q.name);
      },
      removePanel: (q, panel, index) => {
        q.removePanel?.(panel);
        const left = q.panels?.length ?? 0;
        this.#focusTarget = left > 0 ? `#${this.#idOf(q)}-i${Math.min(index, left - 1)}` : `[data-add="${this.#idOf(q)}"]`;
        if (this.#current) this.#onModelChanged(this.#current, q.name);
      },
      attach: (q, files) => void this.#attach(q, files),
      blockKey: (questions) => {
        const out: unknown[] = [marks, t, readOnly, anyAnswer, this.#renderVersion];
        for (const q of questions) {
          const value = answers[this.#linkIdOf(q)];
          out.push(value, value !== null && typeof value === 'object' ? this.#modelVersion : 0);
        }
        return out;
      },
      key: (q) => {
        const linkId = this.#linkIdOf(q);
        const v = this.#questionView(q);
        const p = v?.prefill;
        // the machine's answer (what the model holds, kept in step): cheaper to read than survey-core's getter
        const value = answers[linkId];
        return [
          value,
          // an object answer (matrix, multiple text, repeating group) may change inside the same object
          value !== null && typeof value === 'object' ? this.#modelVersion : 0,
          v?.error ?? null,
          this.#fileErrors.get(linkId) ?? null,
          p ? `${p.state}|${p.origin}|${p.offered}` : null,
          this.#filters.get(q) ?? '',
          (q as SurveyQuestion).panels?.length ?? 0,
          t,
          readOnly,
          // with logic in survey-core (conditions, piping), any answer may change any question's texts or choices
          anyAnswer,
        ];
      },
      unit: (q) => {
        const unit = p?.conv.index.get(this.#linkIdOf(q))?.unit;
        return unit?.display ?? unit?.code ?? '';
      },
      formatNumber: (value) => this.localize.format.number(value),
      autocomplete: (q) => {
        // Filled in on someone's behalf, the fields are not about the person typing: no autofill of their own data.
        const info = this.filledInBy ? undefined : p?.conv.index.get(this.#linkIdOf(q));
        if (!info) return 'off';
        let token = this.#autocomplete.get(info);
        if (token === undefined) this.#autocomplete.set(info, (token = autocompleteFor(info)));
        return token;
      },
    };
  }

  async #attach(q: SurveyQuestion, files: FileList | null): Promise<void> {
    const t = this.localize.t;
    const list = [...(files ?? [])];
    const accepted = (q.acceptedTypes ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    const okType = (f: File) =>
      accepted.length === 0 ||
      accepted.some((a) => (a.startsWith('.') ? f.name.toLowerCase().endsWith(a) : a.endsWith('/*') ? f.type.startsWith(a.slice(0, -1)) : f.type === a));
    const bad = list.find((f) => !okType(f) || (q.maxSize && f.size > q.maxSize));
    const linkId = this.#linkIdOf(q);
    if (bad) {
      q.value = undefined;
      this.#fileErrors.set(linkId, !okType(bad) ? t.healthFormFileWrongType : t.healthFormFileTooLarge);
      this.requestUpdate();
      return;
    }
    // Kept in the answers only; it leaves with the response, through the store, never uploaded on its own.
    const read = await Promise.all(
      list.map(
        (f) =>
          new Promise<{ name: string; type: string; content: string }>((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () => resolve({ name: f.name, type: f.type, content: String(reader.result) });
            reader.onerror = () => reject(reader.error ?? new Error('read failed'));
            reader.readAsDataURL(f);
          }),
      ),
    );
    q.value = read.length ? read : undefined;
    this.requestUpdate();
  }

  /**
   * The survey-core elements of the machine's current page: the page's group, the whole form on one page, or (one
   * question per page) the question with the display text just before it.
   */
  #pageElements(page: PageRef, p = this.#current): SurveyElement[] {
    if (!p) return [];
    const model = p.model;
    const questionnaire = p.questionnaire;
    if (this.oneQuestionPerPage) {
      const linkId = page.id;
      const out: SurveyElement[] = [];
      let pending: SurveyElement[] = [];
      const walk = (elements: SurveyElement[]): boolean => {
        for (const el of elements) {
          if (!el.isVisible) continue;
          if (el.isPanel && !(el as SurveyQuestion).panels) {
            if (walk((el as SurveyPanel).elements)) return true;
          } else if (el.getType() === 'html') pending.push(el);
          else if (this.#linkIdOf(el) === linkId) {
            out.push(...pending, el);
            return true;
          } else pending = [];
        }
        return false;
      };
      for (const pg of model.pages) if (walk(pg.elements)) break;
      return out;
    }
    const top = questionnaire.item ?? [];
    const paged = page.groupLinkId !== null || /^page_\d+$/.test(page.id);
    if (!paged || model.pages.length === 1) return model.pages.flatMap((pg) => pg.elements);
    const n = page.groupLinkId !== null ? top.findIndex((i) => i.linkId === page.groupLinkId) : Number(page.id.slice(5)) - 1;
    if (n < 0) return [];
    if (p.conv.source === 'surveyjs') return model.pages[n]?.elements ?? [];
    return model.pages.filter((pg) => pg.name === `page_${n + 1}` || pg.name === `page_${n + 1}_after`).flatMap((pg) => pg.elements);
  }

  // ---- actions ---------------------------------------------------------------------------------------------

  #next(): void {
    this.#send(this.#view?.backToReview ? { type: 'REVIEW.RETURN' } : { type: 'PAGE.NEXT' });
    if (this.#flow() === 'filling' && this.#freshView().errorSummary) this.#focusTarget = '#error-summary';
  }

  #freshView(): FormView {
    this.#view = this.#makeView();
    return this.#view!;
  }

  #edit(linkId: string): void {
    this.#send({ type: 'REVIEW.EDIT', linkId });
    this.#focusQuestion(linkId);
  }

  #focusQuestion(linkId: string): void {
    const id = this.#questionId(linkId);
    if (id) this.#focusTarget = `#${id}`;
    this.requestUpdate();
  }

  #submit(): void {
    this.#send({ type: 'SUBMIT' });
    if (this.#flow() === 'consent') this.#focusTarget = '#consent-check';
    this.requestUpdate();
  }

  // ---- rendering -------------------------------------------------------------------------------------------

  #renderHeader(v: FormView): TemplateResult {
    const title = this.#current?.model.processedTitle ?? this.#current?.model.title ?? v.title;
    return html`<header part="header">
      ${title ? html`<h2 class="form-title">${title}</h2>` : nothing}
      ${v.subjectLine ? html`<p class="whose">${v.subjectLine}</p>` : nothing}
      ${v.onBehalf ? html`<p class="on-behalf" part="on-behalf"><strong>${v.onBehalf}</strong></p>` : nothing}
    </header>`;
  }

  #renderErrorSummary(v: FormView): TemplateResult | typeof nothing {
    const summary = v.errorSummary;
    if (!summary) return nothing;
    return html`<div id="error-summary" class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <h3 id="error-summary-title">${summary.title}</h3>
      <ul>
        ${summary.errors.map(
          (e) => html`<li>
            <a
              href=${`#${this.#questionId(e.linkId) ?? ''}`}
              @click=${(ev: Event) => {
                ev.preventDefault();
                this.#focusQuestion(e.linkId);
              }}
              >${e.question ? `${e.question}: ${e.message}` : e.message}</a
            >
          </li>`,
        )}
      </ul>
    </div>`;
  }

  #renderStatus(v: FormView): TemplateResult {
    return html`<p class="status" part="status" role="status">${v.status?.text ?? ''}</p>`;
  }

  #renderConflict(v: FormView): TemplateResult | typeof nothing {
    const c = v.conflict;
    if (!c) return nothing;
    return html`<section class="conflict" part="conflict" aria-labelledby="conflict-title">
      <h3 id="conflict-title">${c.title}</h3>
      <p>${c.text}</p>
      <div class="actions">
        <button type="button" class="secondary" part="button" @click=${() => this.#send({ type: 'CONFLICT.LOAD_THEIRS' })}>${c.loadTheirs}</button>
        <button type="button" class="secondary" part="button" @click=${() => this.#send({ type: 'CONFLICT.KEEP_MINE' })}>${c.keepMine}</button>
      </div>
    </section>`;
  }

  #renderFilling(v: FormView): TemplateResult {
    const t = this.localize.t;
    const page = v.page;
    const progress = v.progress;
    const last = !progress || progress.current >= progress.total || v.backToReview !== null;
    return html`${this.#renderErrorSummary(v)}
      ${progress
        ? html`<div class="progress" part="progress">
            <progress max=${progress.total} value=${progress.current} aria-labelledby="progress-label"></progress>
            <span id="progress-label">${progress.text}</span>
          </div>`
        : nothing}
      <h3 id="page-heading" part="page-heading" tabindex="-1">${page?.heading ?? t.formQuestionsHeading}</h3>
      <form
        novalidate
        @submit=${(e: Event) => {
          e.preventDefault();
          this.#next();
        }}
      >
        ${page ? this.#renderQuestions(page) : nothing}
        <div class="actions">
          ${v.can.previous && !v.backToReview
            ? html`<button type="button" class="secondary" part="button back-button" @click=${() => this.#send({ type: 'PAGE.PREV' })}>${t.back}</button>`
            : nothing}
          <button type="submit" part="button next-button">${last ? t.healthFormToReview : t.next}</button>
        </div>
      </form>`;
  }

  /**
   * The page's questions go into a container of their own, rendered before it is put in the document: a page of
   * hundreds of questions is built detached and inserted once, instead of one insertion into the live tree per
   * question (which costs more than building them). Later renders update it in place.
   */
  #questionsHost: HTMLDivElement | undefined;

  #renderQuestions(page: PageRef, p = this.#current): HTMLDivElement {
    if (!this.#questionsHost) {
      this.#questionsHost = document.createElement('div');
      this.#questionsHost.className = 'questions';
    }
    renderInto(renderPage(this.#questionContext(4, p), this.#pageElements(page, p)), this.#questionsHost, { host: this });
    return this.#questionsHost;
  }

  /** The first page's questions, rendered off the document while the form still loads (see #prepare). */
  #prerender(p: Prepared): void {
    // a page on screen is never rendered over; a draft may resume elsewhere, and one question per page is small
    if (this.readOnly || this.oneQuestionPerPage || this.#questionsHost?.isConnected) return;
    const first = computePages(p.questionnaire, p.initial)[0];
    if (first) this.#renderQuestions({ id: first.id, groupLinkId: first.groupLinkId ?? null }, p);
  }

  #renderRows(rows: ReviewRow[], withLinks: boolean): TemplateResult {
    const t = this.localize.t;
    return html`<dl class="answers" part="review">
      ${rows.map(
        (r) => html`<div class="answer-row">
          <dt>${r.question}</dt>
          <dd>
            <span class="answer-value">${r.answer}</span>
            ${r.changed ? html`<strong class="mark changed">${t.healthFormChangedMark}</strong>` : nothing}
            ${withLinks
              ? html`<button type="button" class="link" part="button change-button" @click=${() => this.#edit(r.linkId)}>
                  ${t.healthFormChange}<span class="visually-hidden"> ${t.healthFormChangeWhat(r.question)}</span>
                </button>`
              : nothing}
          </dd>
        </div>`,
      )}
    </dl>`;
  }

  #renderReview(v: FormView): TemplateResult {
    const t = this.localize.t;
    return html`<h3 id="page-heading" part="page-heading" tabindex="-1">${v.review?.title ?? t.healthFormReviewTitle}</h3>
      ${this.#renderRows(v.review?.rows ?? [], true)}
      <div class="actions">
        <button type="button" class="secondary" part="button back-button" @click=${() => this.#send({ type: 'BACK' })}>${t.back}</button>
        <button type="button" part="button next-button" @click=${() => this.#send({ type: 'REVIEW.CONFIRM' })}>${t.next}</button>
      </div>`;
  }

  #renderConsent(v: FormView): TemplateResult {
    const t = this.localize.t;
    const c = v.consent!;
    const error = c.error;
    return html`<h3 id="page-heading" part="page-heading" tabindex="-1">${c.title}</h3>
      <div part="consent" class="consent">
        <p>${c.shareText}</p>
        <p class="error" part="error" id="consent-error" ?hidden=${!error}>
          ${error ? html`<span class="visually-hidden">${t.errorPrefix} </span>${error}` : nothing}
        </p>
        <label class="option" part="option">
          <input
            id="consent-check"
            type="checkbox"
            .checked=${live(c.share)}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? 'consent-error' : nothing}
            @change=${(e: Event) => this.#send({ type: 'CONSENT.SET', share: (e.target as HTMLInputElement).checked, keepForReuse: c.keepForReuse })}
          />
          <span>${c.shareLabel}</span>
        </label>
        <label class="option" part="option">
          <input
            id="reuse-check"
            type="checkbox"
            .checked=${live(c.keepForReuse)}
            @change=${(e: Event) => this.#send({ type: 'CONSENT.SET', share: this.#freshView().consent?.share ?? false, keepForReuse: (e.target as HTMLInputElement).checked })}
          />
          <span>${c.reuseLabel}</span>
        </label>
      </div>
      <div class="actions">
        <button type="button" class="secondary" part="button back-button" @click=${() => this.#send({ type: 'BACK' })}>${t.back}</button>
        <button type="button" part="button submit-button" @click=${() => this.#submit()}>${t.submit}</button>
      </div>`;
  }

  #renderPrefill(v: FormView): TemplateResult {
    const t = this.localize.t;
    const r = v.prefillReview!;
    let n = 0;
    return html`<h3 id="page-heading" part="page-heading" tabindex="-1">${r.title}</h3>
      <p>${r.intro}</p>
      <div part="prefill" class="prefill">
        ${r.sections.map((section) => {
          const sid = `prefill-section-${++n}`;
          return html`<section class="prefill-section" aria-labelledby=${sid}>
            <h4 id=${sid}>${section.title}</h4>
            <ul class="prefill-list">
              ${section.items.map((item) => {
                const p = item.prefill!;
                const status = p.state === 'changed' ? t.healthFormChangedMark : p.state === 'offered' ? '' : (p.stateText ?? '');
                return html`<li class="prefill-item">
                  <p class="prefill-question">${item.text}</p>
                  <p class="prefill-value"><strong>${p.state === 'cleared' ? t.healthFormNoAnswer : p.state === 'changed' ? item.answerText || t.healthFormNoAnswer : p.offered}</strong></p>
                  <p class="origin" part="origin">${p.origin}</p>
                  ${status ? html`<p class="mark">${status}</p>` : nothing}
                  <div class="prefill-actions" role="group" aria-label=${item.text}>
                    <button type="button" class="secondary" part="button" aria-pressed=${p.state === 'kept' ? 'true' : 'false'} @click=${() => this.#send({ type: 'PREFILL.KEEP', linkId: item.linkId })}>
                      ${t.healthFormPrefillKeep}<span class="visually-hidden"> ${t.healthFormChangeWhat(item.text)}</span>
                    </button>
                    <button
                      type="button"
                      class="secondary"
                      part="button"
                      @click=${() => {
                        this.#send({ type: 'PREFILL.CHANGE', linkId: item.linkId });
                        this.#focusQuestion(item.linkId);
                      }}
                    >
                      ${t.healthFormChange}<span class="visually-hidden"> ${t.healthFormChangeWhat(item.text)}</span>
                    </button>
                    <button type="button" class="secondary" part="button" aria-pressed=${p.state === 'cleared' ? 'true' : 'false'} @click=${() => this.#send({ type: 'PREFILL.CLEAR', linkId: item.linkId })}>
                      ${t.healthFormPrefillClear}<span class="visually-hidden"> ${t.healthFormChangeWhat(item.text)}</span>
                    </button>
                  </div>
                </li>`;
              })}
            </ul>
            ${section.groupLinkId !== null
              ? html`<button type="button" class="secondary" part="button" @click=${() => this.#send({ type: 'PREFILL.CONFIRM_SECTION', groupLinkId: section.groupLinkId! })}>
                  ${section.confirmLabel}
                </button>`
              : nothing}
          </section>`;
        })}
      </div>
      <div class="actions">
        <button type="button" part="button next-button" @click=${() => this.#send({ type: 'PREFILL.DONE' })}>${r.continueLabel}</button>
      </div>`;
  }

  #renderSubmitted(v: FormView): TemplateResult {
    const r = v.receipt;
    if (!r) return html``;
    return html`<div part="receipt" class="receipt">
      <h3 id="page-heading" part="page-heading" tabindex="-1">${r.title}</h3>
      <p>${r.text}</p>
      ${r.reference ? html`<p>${r.reference}</p>` : nothing}
      ${r.score
        ? html`<div part="score" class="score">
            <p><strong>${r.score.text}</strong></p>
            ${r.score.band ? html`<p>${r.score.band}</p>` : nothing}
            ${r.score.selfHarm ? html`<p class="important"><strong>${r.score.selfHarm}</strong></p>` : nothing}
          </div>`
        : nothing}
      ${this.#renderRows(r.rows, false)}
    </div>`;
  }

  #renderFailed(v: FormView): TemplateResult {
    const t = this.localize.t;
    const waiting = v.flow === 'waitingForConnection';
    return html`<div class="failed" role="alert">
        <h3 id="page-heading" part="page-heading" tabindex="-1">${v.failure?.title ?? t.healthFormFailedTitle}</h3>
        <p>${waiting ? t.healthFormOffline : (v.failure?.text ?? t.healthFormFailedText)}</p>
      </div>
      <div class="actions">
        <button type="button" class="secondary" part="button back-button" @click=${() => this.#send({ type: 'BACK' })}>${t.healthFormBackToReview}</button>
        <button type="button" part="button submit-button" @click=${() => this.#send({ type: 'RETRY' })}>${t.retry}</button>
      </div>`;
  }

  #renderReadOnly(): TemplateResult {
    const p = this.#current;
    if (!p) return html``;
    return this.#renderRows(answerRows(p.questionnaire, this.#context().answers, { locale: this.localize.locale, messages: this.localize.t }), false);
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const v = this.#view;
    const step = this.step;
    if (step === 'unavailable' || !v) {
      const shown = this.#unavailable?.shown ?? 'formLoadFailed';
      return html`<div class="form" part="form">
        <div role="alert" class="failed"><h3 id="page-heading" tabindex="-1">${step === 'unavailable' ? t[shown] : t.loading}</h3></div>
      </div>`;
    }
    let body: TemplateResult;
    switch (step) {
      case 'loading':
        return html`<div class="form" part="form"><p class="loading" role="status">${t.loading}</p></div>`;
      case 'prefillReview':
        body = this.#renderPrefill(v);
        break;
      case 'filling':
        body = this.#renderFilling(v);
        break;
      case 'review':
        body = this.#renderReview(v);
        break;
      case 'consent':
        body = this.#renderConsent(v);
        break;
      case 'submitting':
        body = html`<h3 id="page-heading" tabindex="-1">${t.healthFormSubmitting}</h3>
          <p role="status">${t.healthFormSubmitting}</p>`;
        break;
      case 'submitted':
        body = this.#renderSubmitted(v);
        break;
      case 'failed':
        body = this.#renderFailed(v);
        break;
      default:
        body = this.#renderReadOnly();
    }
    const withStatus = step === 'filling' || step === 'review' || step === 'consent' || step === 'failed' || step === 'prefillReview';
    return html`<div class="form" part="form">
      ${this.#renderHeader(v)} ${this.#renderConflict(v)} ${body} ${withStatus ? this.#renderStatus(v) : nothing}
    </div>`;
  }
}
