/**
 * Types of the `<hk-health-form>` flow machine (`form.machine.ts`). Everything in the context is plain JSON, so
 * `actor.getPersistedSnapshot()` survives `JSON.stringify` / `JSON.parse` and a reload resumes on the same page
 * with every answer and every prefill decision.
 */
import type { Coding, Observation, Patient, Questionnaire, QuestionnaireResponse, Reference } from 'fhir/r4';
import type { AnswerData, AnswerValue } from '../fhir/answers.js';
import type { Draft, DraftKey, StoreErrorCode } from '../store/store.types.js';

/** A FHIR reference with the name to show. */
export interface Party {
  /** `Patient/123`, `RelatedPerson/9`, `Practitioner/4`, `Organization/7`. */
  reference: string;
  display?: string;
}

/** Who fills in the form when it is not the patient (pårørende, parent, guardian, health worker). */
export interface Filler extends Party {
  /** How the filler relates to the patient (v3 RoleCode such as `MTH`, `FTH`, `GUARD`), or plain text. */
  relationship?: Coding | string;
}

/** Freshness as a FHIR Duration (UCUM `a`, `mo`, `wk`, `d`, `h`, `min`). */
export interface Freshness {
  value: number;
  unit: 'a' | 'mo' | 'wk' | 'd' | 'h' | 'min';
}

export interface ReuseOptions {
  /** Offer earlier answers at all. Default true. */
  enabled?: boolean;
  /** Window for items without `observationLinkPeriod`. Default 12 months. */
  defaultFreshness?: Freshness;
}

export interface RetryOptions {
  /** First wait after a network failure (ms). Default 2000. */
  baseMs?: number;
  /** Longest wait (ms). Default 60000. */
  maxMs?: number;
}

/** What the host gives the machine (`createActor(formMachine, { input })`). Plain JSON. */
export interface FormInput {
  /** The Questionnaire's canonical URL: the draft key, and what `loadForm` loads when `questionnaire` is absent. */
  questionnaireUrl: string;
  /** The Questionnaire itself, when the host already has it. */
  questionnaire?: Questionnaire;
  /** The patient the form is about (QuestionnaireResponse.subject). */
  subject?: Party;
  /** The Patient resource, when the host gives one: name, birth date, fødselsnummer and GP are offered from it. */
  patient?: Patient;
  /** Set when someone fills in on behalf of the patient: becomes QuestionnaireResponse.author and .source. */
  filler?: Filler;
  /** Who records the answers when it is neither the patient nor the filler (a health worker): QuestionnaireResponse.author. */
  author?: Party;
  /** The service that receives the answers (for the consent text and as the origin of reused answers). */
  recipient?: Party;
  /** One question per page instead of the Questionnaire's pages. */
  onePerPage?: boolean;
  /** Debounce of the autosave (ms). Default 800. */
  autosaveMs?: number;
  reuse?: ReuseOptions;
  retry?: RetryOptions;
  /** Accept synthetic test fødselsnummer (month + 40 / + 80, as in Norwegian test data). Default false. */
  allowTestIdentifiers?: boolean;
}

/** Where an offered earlier answer came from: "Fra skjema hos Haukeland universitetssjukehus, 12.03.2026". */
export interface PrefillOrigin {
  /** `response`: an earlier QuestionnaireResponse; `observation`: a stored Observation; `patient`: the Patient. */
  kind: 'response' | 'observation' | 'patient';
  questionnaireTitle?: string;
  /** The organization (or author) it was given to or recorded by. */
  organization?: string;
  /** When it was given (ISO dateTime or date). */
  date?: string;
  /** `QuestionnaireResponse/12` or `Observation/3`, for traceability; absent for `patient`. */
  reference?: string;
}

/** An earlier answer offered for an item. */
export interface PrefillOffer {
  linkId: string;
  value: AnswerValue | AnswerValue[];
  origin: PrefillOrigin;
}

/**
 * What the person did with an offer. `offered` values are shown but are NOT answers: they are left out of drafts
 * and of the submitted response until kept (PREFILL.KEEP or PREFILL.CONFIRM_SECTION). `changed` is a normal answer
 * marked as changed on review. `cleared` is left out of the response.
 */
export type PrefillState = 'offered' | 'kept' | 'changed' | 'cleared';

export interface PrefillEntry extends PrefillOffer {
  state: PrefillState;
}

/** A validation problem of one field; the view turns `code` into words. */
export interface FormFieldError {
  linkId: string;
  code: 'required' | 'numberInvalid' | 'integerInvalid' | 'tooLow' | 'tooHigh' | 'dateInvalid' | 'tooLong' | 'fodselsnummerInvalid' | 'invalid';
  /** For tooLow / tooHigh / tooLong. */
  limit?: number;
}

export interface FormPage {
  /** Stable id: the page group's linkId, the question's linkId in one-per-page mode, or `page_N`. */
  id: string;
  /** The group's linkId when the page is a Questionnaire group. */
  groupLinkId?: string;
  title?: string;
  /** Question linkIds on this page (enabled, not hidden), in order. */
  linkIds: string[];
}

export type DraftStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'offline' | 'conflict' | 'error';

export interface DraftInfo {
  /** The version to pass to the next saveDraft; null when no draft exists yet. */
  version: string | null;
  savedAt?: string;
  /** A change arrived while saving: save again when this one is done. */
  dirty: boolean;
  /** Autosave failures in a row (for backoff). */
  failures: number;
}

/** The newer draft met on a conflict, so the person can choose. */
export interface ConflictInfo {
  /** null when the other writer deleted the draft (submitted it, for example). */
  version: string | null;
  savedAt?: string;
  answers: AnswerData;
  /** Their prefill decisions (from the draft's form-state extension). */
  prefill?: Record<string, PrefillState>;
}

export interface ConsentChoice {
  /** Send the answers to the recipient. Required to submit. */
  share: boolean;
  /** Keep the answers so later forms may offer them again (stored responses without this are tagged no-reuse). */
  keepForReuse: boolean;
}

export type FormFailureReason = 'load' | 'invalid-questionnaire' | 'network' | 'unauthorized' | 'forbidden' | 'invalid' | 'server' | 'locked' | 'conflict' | 'cancelled' | 'unknown';

export interface FormFailure {
  reason: FormFailureReason;
  /** For developers; never contains answers. */
  message?: string;
  storeCode?: StoreErrorCode;
}

export interface Receipt {
  responseId: string;
  /** ISO dateTime of the stored response. */
  submittedAt: string;
}

export interface FormContext {
  input: FormInput;
  questionnaire?: Questionnaire;
  /** Answers keyed by linkId (only what the person gave or kept; never unconfirmed offers). */
  answers: AnswerData;
  /** Offers and decisions, keyed by linkId. */
  prefill: Record<string, PrefillEntry>;
  /** Items edited since load (shown as changed on review when they had an offer). */
  touched: Record<string, true>;
  /** Show every error on the current page (after PAGE.NEXT or submit), not only touched ones. */
  showErrors: boolean;
  pageIndex: number;
  /** Came to the page from review with REVIEW.EDIT: the view offers "back to review". */
  returnToReview: boolean;
  draft: DraftInfo;
  conflict?: ConflictInfo;
  consent?: ConsentChoice;
  /** The response built for submit (status completed), with the preview of extracted Observations. */
  pending?: { response: QuestionnaireResponse; observations: Observation[] };
  receipt?: Receipt;
  submitted?: { response: QuestionnaireResponse; observations: Observation[] };
  failure?: FormFailure;
  /** Submit attempts that failed on the network, in a row (for backoff). */
  submitFailures: number;
}

/** Events the element sends. */
export type FormEvent =
  | { type: 'SET.VALUE'; linkId: string; value: AnswerValue | AnswerValue[] | AnswerData[] | null }
  | { type: 'FIELD.BLUR'; linkId: string }
  | { type: 'PAGE.NEXT' }
  | { type: 'PAGE.PREV' }
  | { type: 'PAGE.GOTO'; index: number }
  | { type: 'PREFILL.KEEP'; linkId: string }
  /** Start editing an offered value; with `value`, set it at once. The answer is marked changed. */
  | { type: 'PREFILL.CHANGE'; linkId: string; value?: AnswerValue | AnswerValue[] | null }
  | { type: 'PREFILL.CLEAR'; linkId: string }
  /** Keep every offered value inside the group (a page or section) unchanged. */
  | { type: 'PREFILL.CONFIRM_SECTION'; groupLinkId: string }
  /** Leave prefill review (offers not decided stay offered, and are not answers). */
  | { type: 'PREFILL.DONE' }
  | { type: 'REVIEW.EDIT'; linkId: string }
  /** From a page reached by REVIEW.EDIT, back to review. */
  | { type: 'REVIEW.RETURN' }
  | { type: 'REVIEW.CONFIRM' }
  | { type: 'CONSENT.SET'; share: boolean; keepForReuse: boolean }
  /** From consent: build the response and emit `form.submit-requested`. */
  | { type: 'SUBMIT' }
  /** The host did not veto `hk-submit`: store it. */
  | { type: 'SUBMIT.CONFIRM' }
  /** The host vetoed the submit (for example its own validation failed): back to consent, nothing stored. */
  | { type: 'SUBMIT.CANCEL'; reason?: string }
  /**
   * The host called preventDefault() on `hk-submit` and sends the response itself: nothing is stored by the form,
   * and the flow ends with a receipt for the response as built.
   */
  | { type: 'SUBMIT.HANDLED' }
  | { type: 'BACK' }
  | { type: 'RETRY' }
  /**
   * Save the draft now, without waiting for the debounce. Send it on `pagehide` / `visibilitychange` to hidden, and
   * after restoring a persisted snapshot (timers are not part of a snapshot, so a pending autosave would otherwise
   * wait for the next change).
   */
  | { type: 'DRAFT.FLUSH' }
  | { type: 'CONNECTION.ONLINE' }
  | { type: 'CONNECTION.OFFLINE' }
  /** Conflict: take the newer draft from the other tab. */
  | { type: 'CONFLICT.LOAD_THEIRS' }
  /** Conflict: overwrite the newer draft with mine, knowingly. */
  | { type: 'CONFLICT.KEEP_MINE' };

/** Internal events (raised by the machine itself). */
export type FormInternalEvent = { type: 'DRAFT.CHANGED' } | { type: 'DRAFT.STOP' };

/** Emitted events (lower.dotted); the element maps each to one DOM event. */
export type FormEmitted =
  | { type: 'form.loaded'; pageCount: number; prefillCount: number; resumed: boolean }
  | { type: 'form.draft-saved'; version: string; savedAt: string }
  /** Becomes the cancelable `hk-submit`; answer with SUBMIT.CONFIRM (not prevented) or SUBMIT.CANCEL. */
  | { type: 'form.submit-requested'; response: QuestionnaireResponse; observations: Observation[] }
  | { type: 'form.submitted'; response: QuestionnaireResponse; observations: Observation[]; receipt: Receipt }
  | { type: 'form.failed'; reason: FormFailureReason; message?: string }
  | { type: 'form.conflict'; theirVersion: string | null; theirSavedAt?: string }
  | { type: 'form.waiting-for-connection'; attempt: number; retryInMs: number }
  /** Going on was refused: `count` fields need attention (or consent is missing, count 0). */
  | { type: 'form.invalid'; count: number }
  /** An autosave failed (not a conflict: that is `form.conflict`). The answers stay here; it is retried. */
  | { type: 'form.draft-failed'; reason: FormFailureReason; message?: string };

// ---- actors (given with `.provide({ actors })`, or built from a HealthStore by `formActorsFromStore`) ----

export interface LoadFormInput {
  input: FormInput;
  draftKey: DraftKey;
}

export interface LoadFormOutput {
  questionnaire: Questionnaire;
  /** Earlier completed responses of the subject (any Questionnaire), any order. */
  responses: QuestionnaireResponse[];
  /** Earlier Observations of the subject, any order. */
  observations: Observation[];
  /** The Questionnaires of those responses, by canonical URL (needed to match by item code). */
  questionnaires: Record<string, Questionnaire>;
  draft?: Draft;
  /**
   * Answers the form starts with when there is no draft (the Questionnaire's `initial` values, as the form engine
   * set them). Never offers: these are the form's own defaults.
   */
  initialAnswers?: AnswerData;
  /** `Date.now()` when loaded (for freshness). */
  now: number;
}

export interface SaveDraftInput {
  key: DraftKey;
  response: QuestionnaireResponse;
  expectedVersion: string | null;
}

export interface SaveDraftOutput {
  version: string;
  savedAt: string;
}

export interface LoadDraftInput {
  key: DraftKey;
}

export interface SubmitInput {
  questionnaire: Questionnaire;
  response: QuestionnaireResponse;
  consent: ConsentChoice;
  draftKey: DraftKey;
  draftVersion: string | null;
}

export interface SubmitOutput {
  /** As stored (with id and meta.versionId). */
  response: QuestionnaireResponse;
  observations: Observation[];
}

export type { Draft, DraftKey, Reference };
