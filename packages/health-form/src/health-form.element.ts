import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Observation, Patient, Questionnaire, QuestionnaireResponse, Reference } from 'fhir/r4';
import { HkElement, LocalizeController } from '@helsekit/base';
import {
  answersToSurveyData,
  buildQuestionnaireResponse,
  createExpressionEngine,
  extractObservations,
  questionnaireToSurvey,
  responseToAnswers,
  surveyDataToAnswers,
  type AnswerData,
  type ConversionResult,
  type ExpressionEngine,
  type ExpressionResults,
  type ItemInfo,
} from '@helsekit/core/fhir';
import { prepareSurveyCore, surveyLocale, type SurveyCoreModule } from '@helsekit/core/survey';
import { checkBaseUrl, FhirRestStore, isStoreError, MemoryStore, type HealthStore, type AccessTokenCallback } from '@helsekit/core/store';
import { PROM_INSTRUMENTS, scoreQuestionnaireResponse, type PromScore } from '@helsekit/core/scoring';
import { HkDraftSavedEvent, HkErrorEvent, HkStepChangeEvent, HkSubmitEvent, type HealthFormErrorReason, type HealthFormStep } from './health-form.events.js';
import { healthFormStyles } from './health-form.styles.js';
import { renderElements, type PrefillMark, type QuestionContext } from './questions.js';
import { isAnswered, titleOf, type SurveyElement, type SurveyModel, type SurveyPanel, type SurveyQuestion } from './survey-model.js';

/** Extension on a draft QuestionnaireResponse: the page the person was on. */
export const DRAFT_PAGE_EXTENSION = 'https://helsekit.no/fhir/StructureDefinition/draft-page';
const FNR_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.1';
const DNR_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.2';
/** Tag on a stored response whose answers must not be offered again (the person said so at consent). */
const REUSE_TAG_SYSTEM = 'https://helsekit.no/fhir/CodeSystem/reuse';
/** Earlier answers older than this are not offered again (when the item sets no observationLinkPeriod). */
const DEFAULT_REUSE_DAYS = 365;

interface Offer extends PrefillMark {
  linkId: string;
  value: unknown;
  section: string;
}

/**
 * A patient-reported form (pre-consultation form, PROM, follow-up form) from a FHIR Questionnaire or SurveyJS
 * JSON, rendered with helsekit's own templates in Shadow DOM. Earlier answers are offered again with where and when
 * they were given; every change is saved as a draft in the configured store; the person reviews, consents and
 * sends. The QuestionnaireResponse (hidden answers left out) and the Observations extracted from coded items leave
 * only through `hk-submit` and the store.
 *
 * @tagname hk-health-form
 * @summary Accessible patient-reported forms that are filled once, reused and never lost.
 *
 * @event hk-submit - Cancelable. The person sends the form. `detail.response`: the QuestionnaireResponse; `detail.observations`: Observations extracted from coded items. Not cancelled: both are written to the store.
 * @event hk-draft-saved - A draft was saved. `detail.version`, `detail.savedAt` (ISO). No answers.
 * @event hk-error - Something failed. `detail.reason`: `load-failed`, `invalid-questionnaire`, `store-failed`, `draft-conflict`, `submit-failed` or `validation`; `detail.message`: English, for logs.
 * @event hk-step-change - The person moved to another step or page. `detail.step`, `detail.pageIndex`, `detail.pageCount`.
 *
 * @csspart header - The form's title, whose form it is and who fills it in.
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
 * @csspart prefill - The prefill review.
 * @csspart review - The list of answers before sending.
 * @csspart consent - The consent step.
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
 * @cssstate failed - Sending failed; the answers are kept.
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

  /** Where the person is. */
  @state() step: HealthFormStep = 'loading';

  protected readonly localize = new LocalizeController(this);

  #model: SurveyModel | undefined;
  #conv: ConversionResult | undefined;
  #engine: ExpressionEngine | undefined;
  #applying = false;
  #loadToken = 0;
  #ids = new WeakMap<object, string>();
  #nextId = 0;
  #touched = new WeakSet<object>();
  #showAllErrors = false;
  #errorSummary: Array<{ id: string; text: string; question: SurveyQuestion }> = [];
  #filters = new WeakMap<object, string>();
  #offers = new Map<string, Offer>();
  #draftVersion: string | null = null;
  #draftTimer: ReturnType<typeof setTimeout> | undefined;
  #draftStatus = '';
  #loadMessage = '';
  #returnToReview = false;
  #focusTarget: string | undefined;
  #consented = false;
  #keepForReuse = true;
  #submitted: { response: QuestionnaireResponse; when: string; score?: PromScore } | undefined;
  /**
   * One identifier per submission, kept across retries: when the server stored the response but the reply was
   * lost, the retry's conditional create (If-None-Exist on it) finds that response instead of making a second.
   */
  #submissionId: string | undefined;
  #failure = '';
  #storeCache: HealthStore | undefined;
  #screenIndex = 0;

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

  /** The answers now, keyed by linkId (hidden answers left out). */
  get answers(): AnswerData {
    if (!this.#model || !this.#conv) return {};
    return surveyDataToAnswers(this.#model.data, this.#conv.index);
  }

  /** The current page (0-based) while filling in; with `one-question-per-page`, the current question. */
  get pageIndex(): number {
    return Math.min(this.#screenIndex, Math.max(this.pageCount - 1, 0));
  }

  get pageCount(): number {
    return this.#screens().length;
  }

  /**
   * What is shown one at a time: the visible pages, or with `one-question-per-page` each visible question
   * (panels flattened; display text goes with the question after it).
   */
  #screens(): Array<{ title: string; elements: SurveyElement[] }> {
    const model = this.#model;
    if (!model) return [];
    const locale = surveyLocale(this.localize.locale);
    if (!this.oneQuestionPerPage) return model.visiblePages.map((p) => ({ title: titleOf(p as unknown as SurveyElement, locale), elements: p.elements }));
    const out: Array<{ title: string; elements: SurveyElement[] }> = [];
    let pending: SurveyElement[] = [];
    const walk = (elements: SurveyElement[]) => {
      for (const el of elements) {
        if (!el.isVisible) continue;
        if (el.isPanel) walk((el as SurveyPanel).elements);
        else if (el.getType() === 'html') pending.push(el);
        else {
          out.push({ title: '', elements: [...pending, el] });
          pending = [];
        }
      }
    };
    for (const page of model.visiblePages) walk(page.elements);
    if (pending.length) out.push({ title: '', elements: pending });
    return out;
  }

  #questionsIn(elements: SurveyElement[]): SurveyQuestion[] {
    const out: SurveyQuestion[] = [];
    for (const el of elements) {
      if (!el.isVisible) continue;
      if (el.isPanel) out.push(...this.#questionsIn((el as SurveyPanel).elements));
      else if (el.getType() !== 'html') out.push(el as SurveyQuestion);
    }
    return out;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#flushDraft();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('store') || changed.has('fhirBase') || changed.has('allowedFhirBases')) this.#storeCache = undefined;
    if (
      changed.has('questionnaire') ||
      changed.has('questionnaireUrl') ||
      changed.has('response') ||
      changed.has('readOnly') ||
      changed.has('oneQuestionPerPage')
    ) {
      void this.#load();
    }
    if (this.#model) {
      const loc = surveyLocale(this.localize.locale);
      if (this.#model.locale !== loc) this.#model.locale = loc;
    }
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

  // ---- loading ------------------------------------------------------------------------------------------

  async #fetchQuestionnaire(url: string): Promise<unknown> {
    const base = checkBaseUrl(this.fhirBase, this.allowedFhirBases);
    const token = await this.getAccessToken?.();
    const res = await fetch(`${base}/Questionnaire?url=${encodeURIComponent(url)}`, {
      headers: { Accept: 'application/fhir+json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    });
    if (!res.ok) throw new Error(`Questionnaire search failed with HTTP ${res.status}`);
    const bundle = (await res.json()) as { entry?: Array<{ resource?: unknown }> };
    const found = bundle.entry?.[0]?.resource;
    if (!found) throw new Error('Questionnaire not found');
    return found;
  }

  #fail(reason: HealthFormErrorReason, message: string, shown: string): void {
    this.#loadMessage = shown;
    this.#goTo('unavailable');
    this.dispatchEvent(new HkErrorEvent(reason, message));
  }

  async #load(): Promise<void> {
    const token = ++this.#loadToken;
    this.#model?.dispose?.();
    this.#model = undefined;
    this.#offers.clear();
    this.#submitted = undefined;
    this.#submissionId = undefined;
    this.#screenIndex = 0;
    this.#draftVersion = null;
    this.#errorSummary = [];
    this.step = 'loading';
    const t = this.localize.t;
    await Promise.resolve();
    if (token !== this.#loadToken) return;
    let source = this.questionnaire;
    if (source === undefined && this.questionnaireUrl) {
      try {
        source = await this.#fetchQuestionnaire(this.questionnaireUrl);
      } catch (e) {
        if (token === this.#loadToken) this.#fail('load-failed', e instanceof Error ? e.message : String(e), t.formLoadFailed);
        return;
      }
    }
    if (source === undefined) return;
    const conv = questionnaireToSurvey(source);
    if (!conv.ok) {
      this.#fail('invalid-questionnaire', conv.error.message, conv.error.code === 'too-large' ? t.formTooLarge : t.formInvalid);
      return;
    }
    let core: SurveyCoreModule;
    try {
      core = await import('survey-core');
    } catch (e) {
      if (token === this.#loadToken) this.#fail('load-failed', e instanceof Error ? e.message : String(e), t.formEngineUnavailable);
      return;
    }
    if (token !== this.#loadToken) return;
    prepareSurveyCore(core);
    const json = this.oneQuestionPerPage ? { ...conv.value.survey, questionsOnPageMode: 'questionPerPage' } : conv.value.survey;
    const model = new core.Model(json) as unknown as SurveyModel;
    model.locale = surveyLocale(this.localize.locale);
    // Hidden answers go as soon as their question is hidden: they are never saved in a draft nor sent.
    model.clearInvisibleValues = 'onHidden';
    this.#conv = conv.value;
    this.#engine = undefined;
    if (conv.value.hasExpressions && conv.value.questionnaire) {
      const created = await createExpressionEngine(conv.value.questionnaire);
      if (token !== this.#loadToken) return;
      if (created.ok) this.#engine = created.value;
    }
    model.onValueChanged.add((_s, o) => this.#onValueChanged(o.name));
    model.onDynamicPanelItemValueChanged.add(() => this.#onValueChanged(''));
    this.#model = model;

    if (this.readOnly) {
      if (this.response && conv.value.questionnaire) {
        const read = responseToAnswers(conv.value.questionnaire, this.response);
        if (read.ok) model.mergeData(answersToSurveyData(read.value.answers, conv.value.index));
      }
      this.#goTo('readOnly');
      return;
    }

    let resumedPage: number | undefined;
    try {
      resumedPage = await this.#loadDraft();
    } catch (e) {
      this.dispatchEvent(new HkErrorEvent('store-failed', e instanceof Error ? e.message : String(e)));
    }
    if (token !== this.#loadToken) return;
    if (resumedPage === undefined) {
      this.#prefillFromPatient();
      try {
        await this.#prefillFromStore();
      } catch (e) {
        this.dispatchEvent(new HkErrorEvent('store-failed', e instanceof Error ? e.message : String(e)));
      }
      if (token !== this.#loadToken) return;
    }
    if (this.#engine) this.#apply(this.#engine.evaluateAll(this.answers));
    if (resumedPage !== undefined) {
      this.#screenIndex = Math.max(0, Math.min(resumedPage, this.pageCount - 1));
      this.#goTo('filling', '#page-heading');
    } else if (this.#offers.size > 0) {
      this.#goTo('prefillReview', '#page-heading');
    } else {
      this.#goTo('filling');
    }
  }

  #apply(r: ExpressionResults): void {
    const model = this.#model;
    const conv = this.#conv;
    if (!model || !conv) return;
    this.#applying = true;
    try {
      for (const [linkId, values] of [...r.initial, ...r.calculated]) {
        const info = conv.index.get(linkId);
        if (!info || info.repeatingGroups.length > 0) continue;
        const v = values.length === 0 ? undefined : info.repeats ? values : values[0];
        model.setValue(info.name, v === undefined ? undefined : answersToSurveyData({ [linkId]: v as never }, conv.index)[info.name]);
      }
      for (const [linkId, enabled] of r.enabled) {
        const info = conv.index.get(linkId);
        const el = info && model.getQuestionByName(info.name);
        if (el && !info.hidden) (el as unknown as { visible: boolean }).visible = enabled;
      }
    } finally {
      this.#applying = false;
    }
  }

  #subjectRef(): Reference | undefined {
    if (this.subject) return { reference: this.subject, ...(this.patient ? { display: this.#patientName() } : {}) };
    if (this.patient?.id) return { reference: `Patient/${this.patient.id}`, display: this.#patientName() };
    return undefined;
  }

  #patientName(): string {
    const name = this.patient?.name?.[0];
    if (!name) return '';
    return name.text ?? [...(name.given ?? []), name.family ?? ''].join(' ').trim();
  }

  #draftKey(): { questionnaire: string; subject?: string } | undefined {
    const url = this.#conv?.questionnaire?.url;
    if (!url) return undefined;
    const subject = this.#subjectRef()?.reference;
    return { questionnaire: url, ...(subject ? { subject } : {}) };
  }

  async #loadDraft(): Promise<number | undefined> {
    const key = this.#draftKey();
    const conv = this.#conv;
    if (!key || !conv?.questionnaire || !this.#model) return undefined;
    const draft = await this.effectiveStore.loadDraft(key);
    if (!draft) return undefined;
    this.#draftVersion = draft.version;
    const read = responseToAnswers(conv.questionnaire, draft.response);
    if (read.ok) this.#model.mergeData(answersToSurveyData(read.value.answers, conv.index));
    const page = draft.response.extension?.find((e) => e.url === DRAFT_PAGE_EXTENSION)?.valueInteger;
    return typeof page === 'number' ? page : 0;
  }

  // ---- prefill --------------------------------------------------------------------------------------------

  #sectionOf(info: ItemInfo): string {
    const parent = info.parentLinkId ? this.#conv?.index.get(info.parentLinkId) : undefined;
    return parent?.text ?? '';
  }

  #offer(info: ItemInfo, value: unknown, source: string, when: string | undefined): void {
    const model = this.#model;
    if (!model || this.#offers.has(info.linkId) || info.readOnly || info.hidden || info.repeatingGroups.length > 0) return;
    const data = answersToSurveyData({ [info.linkId]: value as never }, this.#conv!.index);
    if (!isAnswered(data[info.name])) return;
    this.#applying = true;
    try {
      model.setValue(info.name, data[info.name]);
    } finally {
      this.#applying = false;
    }
    this.#offers.set(info.linkId, {
      linkId: info.linkId,
      value: data[info.name],
      source,
      date: when ? this.localize.format.date(when, 'short') : '',
      status: 'offered',
      section: this.#sectionOf(info),
    });
  }

  #prefillFromPatient(): void {
    const p = this.patient;
    const conv = this.#conv;
    if (!p || !conv) return;
    const source = this.localize.t.healthFormPatientRecord;
    const fnr = p.identifier?.find((i) => i.system === FNR_SYSTEM || i.system === DNR_SYSTEM)?.value;
    for (const info of conv.index.values()) {
      const codes = info.code.map((c) => c.code);
      const id = info.linkId.toLowerCase();
      if ((codes.includes('21112-8') || /birth-?date|fodselsdato/.test(id)) && p.birthDate) this.#offer(info, p.birthDate, source, undefined);
      else if ((codes.includes('54125-0') || /^(patient-)?name$|^navn$/.test(id)) && this.#patientName()) this.#offer(info, this.#patientName(), source, undefined);
      else if ((info.code.some((c) => c.system === FNR_SYSTEM) || /fnr|fodselsnummer/.test(id)) && fnr && validFnr(fnr)) this.#offer(info, fnr, source, undefined);
      else if (/(^|-)gp$|fastlege$/.test(id)) {
        const gp = p.generalPractitioner?.[0]?.display;
        if (gp) this.#offer(info, gp, source, undefined);
      }
    }
  }

  /** Earlier answers of this person: the same item of the same Questionnaire, or an item with the same code. */
  async #prefillFromStore(): Promise<void> {
    const conv = this.#conv;
    const subject = this.#subjectRef()?.reference;
    if (!conv?.questionnaire || !subject || this.noReuse || this.#promId()) return;
    const store = this.effectiveStore;
    const page = await store.search('QuestionnaireResponse', { subject, count: 20 });
    const oldest = new Date(Date.now() - DEFAULT_REUSE_DAYS * 86400000).toISOString();
    const byCode = new Map<string, ItemInfo[]>();
    for (const info of conv.index.values()) {
      for (const c of info.code) byCode.set(`${c.system ?? ''}|${c.code}`, [...(byCode.get(`${c.system ?? ''}|${c.code}`) ?? []), info]);
    }
    const current = conv.questionnaire.url;
    const questionnaires = new Map<string, Questionnaire | undefined>();
    for (const response of page.items) {
      if (response.authored && response.authored < oldest) continue;
      // the person said these answers were not to be offered again
      if (response.meta?.tag?.some((t) => t.system === REUSE_TAG_SYSTEM && t.code === 'no-reuse')) continue;
      const url = response.questionnaire?.split('|')[0];
      if (!url) continue;
      let source: Questionnaire | undefined;
      if (url === current) source = conv.questionnaire;
      else {
        if (!questionnaires.has(url)) {
          try {
            const resolved = this.resolveQuestionnaire
              ? await this.resolveQuestionnaire(url)
              : this.fhirBase
                ? ((await this.#fetchQuestionnaire(url)) as Questionnaire)
                : undefined;
            questionnaires.set(url, resolved);
          } catch {
            questionnaires.set(url, undefined);
          }
        }
        source = questionnaires.get(url);
      }
      if (!source) continue;
      const read = responseToAnswers(source, response);
      if (!read.ok) continue;
      const label = this.localize.t.healthFormFromForm(source.title ?? source.name ?? url);
      if (source === conv.questionnaire) {
        for (const [linkId, value] of Object.entries(read.value.answers)) {
          const info = conv.index.get(linkId);
          if (info) this.#offer(info, value, label, response.authored);
        }
        continue;
      }
      const sourceConv = questionnaireToSurvey(source);
      if (!sourceConv.ok) continue;
      for (const [linkId, value] of Object.entries(read.value.answers)) {
        const from = sourceConv.value.index.get(linkId);
        for (const c of from?.code ?? []) {
          for (const info of byCode.get(`${c.system ?? ''}|${c.code}`) ?? []) this.#offer(info, value, label, response.authored);
        }
      }
    }
  }

  // ---- answers ---------------------------------------------------------------------------------------------

  #onValueChanged(name: string): void {
    if (this.#applying) return;
    const conv = this.#conv;
    if (this.#engine && conv) {
      const info = [...conv.index.values()].find((i) => i.name === name);
      if (info) this.#apply(this.#engine.update([info.linkId], this.answers));
    }
    for (const offer of this.#offers.values()) {
      const info = conv?.index.get(offer.linkId);
      if (!info || info.name !== name || offer.status === 'cleared') continue;
      const now = this.#model?.getValue(info.name);
      offer.status = JSON.stringify(now) === JSON.stringify(offer.value) ? offer.status : isAnswered(now) ? 'changed' : 'cleared';
    }
    this.#scheduleDraft();
    this.requestUpdate();
  }

  #scheduleDraft(): void {
    if (this.readOnly || this.step === 'submitted') return;
    clearTimeout(this.#draftTimer);
    this.#draftTimer = setTimeout(() => void this.#saveDraft(), 400);
  }

  #flushDraft(): void {
    if (this.#draftTimer === undefined) return;
    clearTimeout(this.#draftTimer);
    this.#draftTimer = undefined;
    void this.#saveDraft();
  }

  async #saveDraft(): Promise<void> {
    this.#draftTimer = undefined;
    const key = this.#draftKey();
    const conv = this.#conv;
    if (!key || !conv?.questionnaire || !this.#model) return;
    const built = buildQuestionnaireResponse(conv.questionnaire, this.answers, { ...this.#responseOptions(), status: 'in-progress' });
    if (!built.ok) return;
    const response = {
      ...built.value.response,
      extension: [...(built.value.response.extension ?? []), { url: DRAFT_PAGE_EXTENSION, valueInteger: this.pageIndex }],
    };
    try {
      const version = await this.effectiveStore.saveDraft(key, response, this.#draftVersion);
      this.#draftVersion = version;
      const savedAt = new Date().toISOString();
      this.#draftStatus = this.localize.t.healthFormDraftSaved(this.localize.format.time(savedAt));
      this.dispatchEvent(new HkDraftSavedEvent(version, savedAt));
    } catch (e) {
      const conflict = isStoreError(e) && e.code === 'conflict';
      this.#draftStatus = conflict ? this.localize.t.healthFormDraftConflict : this.localize.t.healthFormDraftFailed;
      this.dispatchEvent(new HkErrorEvent(conflict ? 'draft-conflict' : 'store-failed', e instanceof Error ? e.message : String(e)));
    }
    this.requestUpdate();
  }

  #responseOptions() {
    const subject = this.#subjectRef();
    return {
      ...(subject ? { subject } : {}),
      ...(this.author ? { author: this.author } : {}),
      ...(this.filledInBy ? { source: this.filledInBy } : subject ? { source: subject } : {}),
    };
  }

  // ---- navigation ------------------------------------------------------------------------------------------

  #goTo(step: HealthFormStep, focus?: string): void {
    this.step = step;
    this.#focusTarget = focus;
    this.dispatchEvent(new HkStepChangeEvent(step, this.pageIndex, this.pageCount));
    this.requestUpdate();
  }

  /** Validates the questions of the current page (or all pages); fills the error summary. */
  #validate(questions: SurveyQuestion[]): boolean {
    this.#showAllErrors = true;
    this.#errorSummary = [];
    for (const q of questions) {
      if (!q.isVisible) continue;
      q.validate(true);
      for (const e of q.errors) this.#errorSummary.push({ id: this.#idOf(q), text: `${titleOf(q, this.localize.locale)}: ${e.getText()}`, question: q });
    }
    if (this.#errorSummary.length > 0) {
      this.#focusTarget = '#error-summary';
      this.dispatchEvent(new HkErrorEvent('validation', `${this.#errorSummary.length} field(s) need attention`));
      this.requestUpdate();
      return false;
    }
    return true;
  }

  #next(): void {
    const model = this.#model;
    if (!model) return;
    const screens = this.#screens();
    const index = this.pageIndex;
    if (!this.#validate(this.#questionsIn(screens[index]?.elements ?? []))) return;
    this.#showAllErrors = false;
    if (this.#returnToReview || index >= screens.length - 1) {
      if (!this.#validate(model.getAllQuestions(true))) {
        const first = this.#errorSummary[0];
        if (first) this.#showQuestion(first.question, '#error-summary');
        return;
      }
      this.#showAllErrors = false;
      this.#returnToReview = false;
      this.#goTo('review', '#page-heading');
      return;
    }
    this.#screenIndex = index + 1;
    this.#flushOrSave();
    this.#goTo('filling', '#page-heading');
  }

  #prev(): void {
    const model = this.#model;
    if (!model) return;
    this.#errorSummary = [];
    this.#showAllErrors = false;
    this.#screenIndex = Math.max(0, this.pageIndex - 1);
    this.#flushOrSave();
    this.#goTo('filling', '#page-heading');
  }

  #flushOrSave(): void {
    this.#scheduleDraft();
  }

  /** Goes to the page of `q` and focuses it. */
  #showQuestion(q: SurveyQuestion, focus?: string): void {
    const model = this.#model;
    if (!model) return;
    const pageNo = this.#screens().findIndex((p) => containsDeep(p.elements, q));
    if (pageNo >= 0) this.#screenIndex = pageNo;
    this.#goTo('filling', focus ?? `#${this.#idOf(q)}`);
  }

  #idOf(el: object): string {
    let id = this.#ids.get(el);
    if (!id) {
      id = `hf-${++this.#nextId}`;
      this.#ids.set(el, id);
    }
    return id;
  }

  #context(level: number): QuestionContext {
    return {
      t: this.localize.t,
      locale: surveyLocale(this.localize.locale),
      readOnly: this.readOnly,
      level,
      id: (q) => this.#idOf(q),
      error: (q) => (this.#showAllErrors || this.#touched.has(q) ? (q.errors[0]?.getText() ?? '') : ''),
      set: (q, value) => {
        q.value = value;
        if (this.#touched.has(q) || this.#showAllErrors) q.validate(true);
        this.#refreshSummary();
        this.requestUpdate();
      },
      blur: (q) => {
        this.#touched.add(q);
        q.validate(true);
        this.requestUpdate();
      },
      prefill: (q) => {
        const linkId = q.hkLinkId;
        return linkId ? this.#offers.get(linkId) : undefined;
      },
      filter: (q) => this.#filters.get(q) ?? '',
      setFilter: (q, text) => {
        this.#filters.set(q, text);
        this.requestUpdate();
      },
      addPanel: (q) => {
        q.addPanel?.();
        const index = (q.panels?.length ?? 1) - 1;
        this.#focusTarget = `#${this.#idOf(q)}-i${index}`;
        this.#onValueChanged(q.name);
      },
      removePanel: (q, panel, index) => {
        q.removePanel?.(panel);
        const left = q.panels?.length ?? 0;
        this.#focusTarget = left > 0 ? `#${this.#idOf(q)}-i${Math.min(index, left - 1)}` : `[data-add="${this.#idOf(q)}"]`;
        this.#onValueChanged(q.name);
      },
      attach: (q, files) => void this.#attach(q, files),
      unit: (q) => this.#unit(q),
    };
  }

  #unit(q: SurveyQuestion): string {
    const unit = q.hkLinkId ? this.#conv?.index.get(q.hkLinkId)?.unit : undefined;
    return unit?.display ?? unit?.code ?? '';
  }

  #refreshSummary(): void {
    if (this.#errorSummary.length === 0) return;
    // An error the person has fixed leaves the summary at once.
    this.#errorSummary = this.#errorSummary.filter((e) => !e.question.validate(true));
  }

  async #attach(q: SurveyQuestion, files: FileList | null): Promise<void> {
    const t = this.localize.t;
    const list = [...(files ?? [])];
    const accepted = (q.acceptedTypes ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    const okType = (f: File) =>
      accepted.length === 0 ||
      accepted.some((a) => (a.startsWith('.') ? f.name.toLowerCase().endsWith(a) : a.endsWith('/*') ? f.type.startsWith(a.slice(0, -1)) : f.type === a));
    const bad = list.find((f) => !okType(f) || (q.maxSize && f.size > q.maxSize));
    if (bad) {
      this.#touched.add(q);
      q.value = undefined;
      (q as unknown as { errors: Array<{ getText(): string }> }).errors = [
        { getText: () => (!okType(bad) ? t.healthFormFileWrongType : t.healthFormFileTooLarge) },
      ];
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

  // ---- prefill review actions -----------------------------------------------------------------------------

  #prefillAction(offer: Offer, action: 'keep' | 'change' | 'clear'): void {
    const info = this.#conv?.index.get(offer.linkId);
    const q = info && this.#model?.getQuestionByName(info.name);
    if (!q) return;
    if (action === 'keep') offer.status = 'kept';
    if (action === 'clear') {
      offer.status = 'cleared';
      this.#applying = true;
      q.value = undefined;
      this.#applying = false;
      this.#scheduleDraft();
    }
    if (action === 'change') {
      offer.status = 'kept';
      this.#showQuestion(q);
      return;
    }
    this.requestUpdate();
  }

  #confirmSection(section: string): void {
    for (const offer of this.#offers.values()) if (offer.section === section && offer.status === 'offered') offer.status = 'kept';
    this.requestUpdate();
  }

  // ---- submit ---------------------------------------------------------------------------------------------

  #buildResponse(): { response: QuestionnaireResponse; observations: Observation[] } | undefined {
    const conv = this.#conv;
    if (!conv?.questionnaire) return undefined;
    const built = buildQuestionnaireResponse(conv.questionnaire, this.answers, { ...this.#responseOptions(), status: 'completed' });
    if (!built.ok) return undefined;
    const response = built.value.response;
    this.#submissionId ??= crypto.randomUUID();
    response.identifier = { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${this.#submissionId}` };
    if (!this.#keepForReuse) response.meta = { ...response.meta, tag: [...(response.meta?.tag ?? []), { system: REUSE_TAG_SYSTEM, code: 'no-reuse' }] };
    const extracted = extractObservations(conv.questionnaire, response);
    return { response, observations: extracted.ok ? extracted.value.observations : [] };
  }

  async #submit(): Promise<void> {
    if (!this.#consented) {
      this.#errorSummary = [];
      this.#showAllErrors = true;
      this.#focusTarget = '#consent-check';
      this.requestUpdate();
      return;
    }
    const built = this.#buildResponse();
    if (!built) {
      this.#failure = this.localize.t.formInvalid;
      this.#goTo('failed', '#page-heading');
      this.dispatchEvent(new HkErrorEvent('submit-failed', 'response could not be built'));
      return;
    }
    const event = new HkSubmitEvent(built.response, built.observations);
    this.dispatchEvent(event);
    this.#goTo('submitting');
    clearTimeout(this.#draftTimer);
    this.#draftTimer = undefined;
    let stored = built.response;
    if (!event.defaultPrevented) {
      try {
        const store = this.effectiveStore;
        stored = await store.put(built.response, built.response.identifier ? { ifNoneExist: { identifier: `${built.response.identifier.system}|${built.response.identifier.value}` } } : undefined);
        for (const o of built.observations) await store.put({ ...o, ...(stored.id ? { derivedFrom: [{ reference: `QuestionnaireResponse/${stored.id}` }] } : {}) });
        const key = this.#draftKey();
        if (key) await store.deleteDraft(key).catch(() => undefined);
        this.#draftVersion = null;
      } catch (e) {
        const offline = isStoreError(e) && e.code === 'network';
        this.#failure = offline ? this.localize.t.healthFormOffline : this.localize.t.healthFormFailedText;
        // Offline: send again by itself when the connection is back (the retry button works meanwhile).
        if (offline) {
          globalThis.addEventListener?.(
            'online',
            () => {
              if (this.step === 'failed' && this.isConnected) void this.#submit();
            },
            { once: true },
          );
        }
        this.#goTo('failed', '#page-heading');
        this.dispatchEvent(new HkErrorEvent('submit-failed', e instanceof Error ? e.message : String(e)));
        return;
      }
    }
    this.#submitted = { response: stored, when: stored.authored ?? new Date().toISOString(), score: this.#score(stored) };
    this.#goTo('submitted', '#page-heading');
  }

  /** The scored instrument this Questionnaire is, by its LOINC panel code. */
  #promId(): 'phq9' | 'gad7' | undefined {
    const codes = (this.#conv?.questionnaire?.code ?? []).map((c) => c.code);
    return (['phq9', 'gad7'] as const).find((i) => codes.includes(PROM_INSTRUMENTS[i].panel?.code));
  }

  #score(response: QuestionnaireResponse): PromScore | undefined {
    const conv = this.#conv;
    const id = this.#promId();
    if (!id || !conv) return undefined;
    // The instrument's items are its first scored choice items, in order.
    const linkIds = [...conv.index.values()].filter((i) => i.type === 'choice').map((i) => i.linkId);
    try {
      // The score of a coded answer is its option's ordinalValue / itemWeight in the Questionnaire.
      const scores = new Map<string, number>();
      for (const info of conv.index.values()) {
        for (const o of info.options) if (o.coding?.code && o.score !== undefined) scores.set(`${o.coding.system ?? ''}|${o.coding.code}`, o.score);
      }
      const answerScore = (c: { system?: string; code?: string }) => scores.get(`${c.system ?? ''}|${c.code ?? ''}`) ?? (/^[0-3]$/.test(c.code ?? '') ? Number(c.code) : undefined);
      return scoreQuestionnaireResponse(response, id, { by: 'linkId', linkIds: linkIds.slice(0, PROM_INSTRUMENTS[id].itemCount) }, { answerScore }).score;
    } catch {
      return undefined;
    }
  }

  // ---- rendering ------------------------------------------------------------------------------------------

  #formTitle(): string {
    const model = this.#model;
    return model ? (model.processedTitle ?? model.title ?? '') : '';
  }

  #renderHeader(): TemplateResult {
    const t = this.localize.t;
    const model = this.#model;
    const title = model ? (model.processedTitle ?? model.title ?? '') : '';
    const whose = this.#patientName() || this.#subjectRef()?.display || '';
    const birth = this.patient?.birthDate ? this.localize.format.date(`${this.patient.birthDate}T12:00:00`, 'long') : '';
    const by = this.filledInBy?.display;
    return html`<header part="header">
      ${title ? html`<h2 class="form-title">${title}</h2>` : nothing}
      ${whose ? html`<p class="whose">${t.healthFormFormFor(whose)}${birth ? `, ${t.healthFormBorn(birth)}` : ''}</p>` : nothing}
      ${by && whose ? html`<p class="on-behalf" part="on-behalf"><strong>${t.healthFormOnBehalf(by, whose)}</strong></p>` : nothing}
    </header>`;
  }

  #renderErrorSummary(): TemplateResult | typeof nothing {
    if (this.#errorSummary.length === 0) return nothing;
    const t = this.localize.t;
    return html`<div id="error-summary" class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <h3 id="error-summary-title">${t.errorSummaryTitle(this.#errorSummary.length)}</h3>
      <ul>
        ${this.#errorSummary.map(
          (e) => html`<li>
            <a
              href=${`#${e.id}`}
              @click=${(ev: Event) => {
                ev.preventDefault();
                this.#showQuestion(e.question);
              }}
              >${e.text}</a
            >
          </li>`,
        )}
      </ul>
    </div>`;
  }

  #renderStatus(): TemplateResult {
    return html`<p class="status" part="status" role="status">${this.#draftStatus}</p>`;
  }

  #renderFilling(): TemplateResult {
    const model = this.#model!;
    const t = this.localize.t;
    void model;
    const screens = this.#screens();
    const pageNo = this.pageIndex;
    const count = screens.length;
    const page = screens[pageNo];
    const pageTitle = page?.title ?? '';
    const questionMode = this.oneQuestionPerPage;
    const progressLabel = questionMode ? t.healthFormQuestionOf(pageNo + 1, count) : t.stepOf(pageNo + 1, count);
    const last = pageNo >= count - 1 || this.#returnToReview;
    return html`${this.#renderErrorSummary()}
      ${count > 1
        ? html`<div class="progress" part="progress">
            <progress max=${count} value=${pageNo + 1} aria-labelledby="progress-label"></progress>
            <span id="progress-label">${progressLabel}</span>
          </div>`
        : nothing}
      <h3 id="page-heading" part="page-heading" tabindex="-1">${pageTitle || (count > 1 ? progressLabel : this.#formTitle())}</h3>
      <form novalidate @submit=${(e: Event) => {
        e.preventDefault();
        this.#next();
      }}>
        ${page ? renderElements(this.#context(4), page.elements) : nothing}
        <div class="actions">
          ${pageNo > 0 && !this.#returnToReview
            ? html`<button type="button" class="secondary" part="button back-button" @click=${() => this.#prev()}>${t.back}</button>`
            : nothing}
          <button type="submit" part="button next-button">${last ? t.healthFormToReview : t.next}</button>
        </div>
      </form>
      ${this.#renderStatus()}`;
  }

  #answerText(q: SurveyQuestion): string {
    const t = this.localize.t;
    if (!isAnswered(q.value)) return t.healthFormNoAnswer;
    if (q.getType() === 'boolean') return q.value ? t.yes : t.no;
    if (q.getType() === 'file') return (q.value as Array<{ name?: string }>).map((f) => f.name ?? '').join(', ');
    const shown = q.displayValue;
    if (shown === undefined || shown === null) return String(q.value);
    if (typeof shown === 'object') {
      return Object.entries(shown as Record<string, unknown>)
        .filter(([, v]) => isAnswered(v))
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join('; ');
    }
    const unit = this.#unit(q);
    return unit ? `${String(shown)} ${unit}` : String(shown);
  }

  /** Every visible question in order, panels flattened (repeating groups as one entry). */
  #allQuestions(): SurveyQuestion[] {
    const model = this.#model;
    if (!model) return [];
    const out: SurveyQuestion[] = [];
    const walk = (elements: SurveyElement[]) => {
      for (const el of elements) {
        if (!el.isVisible) continue;
        if (el.isPanel) walk((el as SurveyPanel).elements);
        // calculated or fixed items without a value say nothing to the person
        else if (el.getType() !== 'html' && !((el as SurveyQuestion).isReadOnly && !isAnswered((el as SurveyQuestion).value))) out.push(el as SurveyQuestion);
      }
    };
    for (const page of model.visiblePages) walk(page.elements);
    return out;
  }

  #renderAnswerList(withLinks: boolean): TemplateResult {
    const t = this.localize.t;
    const locale = surveyLocale(this.localize.locale);
    return html`<dl class="answers" part="review">
      ${this.#allQuestions().map((q) => {
        const offer = q.hkLinkId ? this.#offers.get(q.hkLinkId) : undefined;
        const title = titleOf(q, locale);
        return html`<div class="answer-row">
          <dt>${title}</dt>
          <dd>
            <span class="answer-value">${this.#answerText(q)}</span>
            ${offer?.status === 'changed' ? html`<strong class="mark changed">${t.healthFormChangedMark}</strong>` : nothing}
            ${offer && offer.status !== 'changed' && offer.status !== 'cleared' ? html`<span class="mark">${t.healthFormPrefilledMark}</span>` : nothing}
            ${withLinks
              ? html`<button
                  type="button"
                  class="link"
                  part="button change-button"
                  @click=${() => {
                    this.#returnToReview = true;
                    this.#showQuestion(q);
                  }}
                >
                  ${t.healthFormChange}<span class="visually-hidden"> ${t.healthFormChangeWhat(title)}</span>
                </button>`
              : nothing}
          </dd>
        </div>`;
      })}
    </dl>`;
  }

  #renderReview(): TemplateResult {
    const t = this.localize.t;
    return html`<h3 id="page-heading" part="page-heading" tabindex="-1">${t.healthFormReviewTitle}</h3>
      ${this.#renderAnswerList(true)}
      <div class="actions">
        <button type="button" class="secondary" part="button back-button" @click=${() => this.#showQuestion(this.#allQuestions().at(-1)!, '#page-heading')}>${t.back}</button>
        <button type="button" part="button next-button" @click=${() => this.#goTo('consent', '#page-heading')}>${t.next}</button>
      </div>
      ${this.#renderStatus()}`;
  }

  #renderConsent(): TemplateResult {
    const t = this.localize.t;
    const missing = this.#showAllErrors && !this.#consented;
    return html`<h3 id="page-heading" part="page-heading" tabindex="-1">${t.healthFormConsentTitle}</h3>
      <div part="consent" class="consent">
        <p>${this.recipient ? t.healthFormConsentShare(this.recipient) : t.healthFormConsentShareDefault}</p>
        <p class="error" part="error" id="consent-error" ?hidden=${!missing}>
          ${missing ? html`<span class="visually-hidden">${t.errorPrefix} </span>${t.healthFormConsentRequired}` : nothing}
        </p>
        <label class="option" part="option">
          <input
            id="consent-check"
            type="checkbox"
            .checked=${live(this.#consented)}
            aria-invalid=${missing ? 'true' : 'false'}
            aria-describedby=${missing ? 'consent-error' : nothing}
            @change=${(e: Event) => {
              this.#consented = (e.target as HTMLInputElement).checked;
              this.requestUpdate();
            }}
          />
          <span>${t.healthFormConsentConfirm}</span>
        </label>
        <label class="option" part="option">
          <input
            id="reuse-check"
            type="checkbox"
            .checked=${live(this.#keepForReuse)}
            @change=${(e: Event) => {
              this.#keepForReuse = (e.target as HTMLInputElement).checked;
            }}
          />
          <span>${t.healthFormConsentReuse}</span>
        </label>
      </div>
      <div class="actions">
        <button type="button" class="secondary" part="button back-button" @click=${() => this.#goTo('review', '#page-heading')}>${t.back}</button>
        <button type="button" part="button submit-button" @click=${() => void this.#submit()}>${t.submit}</button>
      </div>`;
  }

  #renderPrefill(): TemplateResult {
    const t = this.localize.t;
    const locale = surveyLocale(this.localize.locale);
    const sections = new Map<string, Offer[]>();
    for (const offer of this.#offers.values()) sections.set(offer.section, [...(sections.get(offer.section) ?? []), offer]);
    const questionOf = (offer: Offer) => {
      const info = this.#conv?.index.get(offer.linkId);
      return info ? this.#model?.getQuestionByName(info.name) ?? undefined : undefined;
    };
    let n = 0;
    return html`<h3 id="page-heading" part="page-heading" tabindex="-1">${t.healthFormPrefillTitle}</h3>
      <p>${t.healthFormPrefillIntro}</p>
      <div part="prefill" class="prefill">
        ${[...sections].map(([section, offers]) => {
          const sid = `prefill-section-${++n}`;
          return html`<section class="prefill-section" aria-labelledby=${sid}>
            <h4 id=${sid}>${section || t.healthFormPrefillOther}</h4>
            <ul class="prefill-list">
              ${offers.map((offer) => {
                const q = questionOf(offer);
                if (!q) return nothing;
                const title = titleOf(q, locale);
                const status =
                  offer.status === 'kept' ? t.healthFormPrefillKept : offer.status === 'cleared' ? t.healthFormPrefillCleared : offer.status === 'changed' ? t.healthFormChangedMark : '';
                return html`<li class="prefill-item">
                  <p class="prefill-question">${title}</p>
                  <p class="prefill-value"><strong>${offer.status === 'cleared' ? t.healthFormNoAnswer : this.#answerText(q)}</strong></p>
                  <p class="origin" part="origin">${t.healthFormPrefillOrigin(offer.source, offer.date)}</p>
                  ${status ? html`<p class="mark">${status}</p>` : nothing}
                  <div class="prefill-actions" role="group" aria-label=${title}>
                    <button type="button" class="secondary" part="button" aria-pressed=${offer.status === 'kept' ? 'true' : 'false'} @click=${() => this.#prefillAction(offer, 'keep')}>
                      ${t.healthFormPrefillKeep}<span class="visually-hidden"> ${t.healthFormChangeWhat(title)}</span>
                    </button>
                    <button type="button" class="secondary" part="button" @click=${() => this.#prefillAction(offer, 'change')}>
                      ${t.healthFormChange}<span class="visually-hidden"> ${t.healthFormChangeWhat(title)}</span>
                    </button>
                    <button type="button" class="secondary" part="button" aria-pressed=${offer.status === 'cleared' ? 'true' : 'false'} @click=${() => this.#prefillAction(offer, 'clear')}>
                      ${t.healthFormPrefillClear}<span class="visually-hidden"> ${t.healthFormChangeWhat(title)}</span>
                    </button>
                  </div>
                </li>`;
              })}
            </ul>
            <button type="button" class="secondary" part="button" @click=${() => this.#confirmSection(section)}>
              ${t.healthFormPrefillConfirmSection} ${section || t.healthFormPrefillOther}
            </button>
          </section>`;
        })}
      </div>
      <div class="actions">
        <button type="button" part="button next-button" @click=${() => this.#goTo('filling', '#page-heading')}>${t.healthFormPrefillContinue}</button>
      </div>`;
  }

  #renderSubmitted(): TemplateResult {
    const t = this.localize.t;
    const s = this.#submitted;
    const score = s?.score;
    const bandName = score && score.status === 'scored' ? t.promBands[score.band] : '';
    return html`<div part="receipt" class="receipt">
      <h3 id="page-heading" part="page-heading" tabindex="-1">${t.healthFormSubmittedTitle}</h3>
      ${s ? html`<p>${t.healthFormReceipt(this.localize.format.date(s.when, 'long'))}</p>` : nothing}
      ${s?.response.id ? html`<p>${t.healthFormReference(s.response.id)}</p>` : nothing}
      ${score
        ? html`<div part="score" class="score">
            ${score.status === 'scored'
              ? html`<p><strong>${t.healthFormScore(PROM_INSTRUMENTS[score.instrument].name, score.total, PROM_INSTRUMENTS[score.instrument].maxTotal)}</strong></p>
                  <p>${bandName}</p>`
              : html`<p>${t.promNotScored}</p>`}
            ${score.selfHarm === 'positive' ? html`<p class="important"><strong>${t.promSelfHarmFlag}</strong></p>` : nothing}
          </div>`
        : nothing}
      ${this.#renderAnswerList(false)}
    </div>`;
  }

  #renderFailed(): TemplateResult {
    const t = this.localize.t;
    return html`<div class="failed" role="alert">
        <h3 id="page-heading" part="page-heading" tabindex="-1">${t.healthFormFailedTitle}</h3>
        <p>${this.#failure || t.healthFormFailedText}</p>
      </div>
      <div class="actions">
        <button type="button" class="secondary" part="button back-button" @click=${() => this.#goTo('review', '#page-heading')}>${t.healthFormBackToReview}</button>
        <button type="button" part="button submit-button" @click=${() => void this.#submit()}>${t.retry}</button>
      </div>`;
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    let body: TemplateResult;
    switch (this.step) {
      case 'loading':
        body = html`<p class="loading" role="status">${t.loading}</p>`;
        break;
      case 'unavailable':
        body = html`<div role="alert" class="failed"><h3 id="page-heading" tabindex="-1">${this.#loadMessage || t.formLoadFailed}</h3></div>`;
        break;
      case 'prefillReview':
        body = this.#renderPrefill();
        break;
      case 'filling':
        body = this.#model ? this.#renderFilling() : html``;
        break;
      case 'review':
        body = this.#renderReview();
        break;
      case 'consent':
        body = this.#renderConsent();
        break;
      case 'submitting':
        body = html`<h3 id="page-heading" tabindex="-1">${t.healthFormSubmitting}</h3>
          <p role="status">${t.healthFormSubmitting}</p>`;
        break;
      case 'submitted':
        body = this.#renderSubmitted();
        break;
      case 'failed':
        body = this.#renderFailed();
        break;
      case 'readOnly':
        body = this.#renderAnswerList(false);
        break;
    }
    return html`<div class="form" part="form">${this.step === 'loading' || this.step === 'unavailable' ? nothing : this.#renderHeader()} ${body}</div>`;
  }
}

function containsDeep(elements: SurveyElement[], target: SurveyElement): boolean {
  for (const el of elements) {
    if (el === target) return true;
    if (el.isPanel && containsDeep((el as SurveyPanel).elements, target)) return true;
    const panels = (el as SurveyQuestion).panels;
    if (panels?.some((p) => containsDeep(p.elements, target))) return true;
  }
  return false;
}

/** Norwegian fødselsnummer / D-nummer: 11 digits with two mod-11 check digits. */
export function validFnr(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const d = [...value].map(Number);
  const k1w = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const k2w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const mod = (w: number[]) => {
    const sum = w.reduce((acc, weight, i) => acc + weight * d[i]!, 0);
    const r = 11 - (sum % 11);
    return r === 11 ? 0 : r;
  };
  const k1 = mod(k1w);
  if (k1 === 10 || k1 !== d[9]) return false;
  const k2 = mod(k2w);
  return k2 !== 10 && k2 === d[10];
}

