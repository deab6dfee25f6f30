import type { Questionnaire } from 'fhir/r4';
import { assign, emit, enqueueActions, fromPromise, not, raise, setup } from 'xstate';
import type { AnswerData } from '../fhir/answers.js';
import type { Draft } from '../store/store.types.js';
import {
  backoffMs,
  buildDraftResponse,
  buildSubmission,
  canSubmitWith,
  computePages,
  DEFAULT_AUTOSAVE_MS,
  draftKeyOf,
  isScoredInstrument,
  itemIndex,
  pageOf,
  readDraft,
  validateAll,
  validateLinkIds,
} from './form.rules.js';
import type {
  FormContext,
  FormEmitted,
  FormEvent,
  FormFailure,
  FormFailureReason,
  FormInput,
  FormInternalEvent,
  LoadDraftInput,
  LoadFormInput,
  LoadFormOutput,
  PrefillEntry,
  SaveDraftInput,
  SaveDraftOutput,
  SubmitInput,
  SubmitOutput,
} from './form.types.js';
import { patientPrefill } from './patient.rules.js';
import { findReusableAnswers } from './reuse.rules.js';

/**
 * The `<hk-health-form>` flow. Two parallel regions:
 *
 * - `flow`: loading → prefillReview (only with offers) → filling → review → consent → confirmingSubmit →
 *   submitting → submitted; submitting → waitingForConnection (network: retries with backoff, and at once on
 *   CONNECTION.ONLINE or RETRY) or failed (RETRY; answers intact). loading → loadFailed (RETRY).
 * - `autosave`: idle → pending (debounce, `autosaveMs`) → saving → saved; offline (retries with backoff and on
 *   CONNECTION.ONLINE); conflict (a newer draft exists: CONFLICT.LOAD_THEIRS or CONFLICT.KEEP_MINE); error.
 *
 * Every answer change raises DRAFT.CHANGED for the autosave region. The store is reached only through four actors
 * given with `.provide({ actors })` (see `formActorsFromStore`): `loadForm`, `saveDraft`, `loadDraft`, `submit`.
 *
 * Submit is a handshake with the host: SUBMIT (from consent) builds the response and emits
 * `form.submit-requested`; the element dispatches the cancelable `hk-submit` and answers SUBMIT.CONFIRM (not
 * prevented) or SUBMIT.CANCEL (prevented: back to consent, nothing stored).
 */

type Ev = FormEvent | FormInternalEvent;

/** Failure code of a store error (or a stub that looks like one). */
export function storeCodeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : undefined;
}

function failureOf(error: unknown, fallback: FormFailureReason): FormFailure {
  const code = storeCodeOf(error);
  const known: Record<string, FormFailureReason> = {
    network: 'network',
    'rate-limited': 'network',
    unauthorized: 'unauthorized',
    forbidden: 'forbidden',
    invalid: 'invalid',
    server: 'server',
    locked: 'locked',
    conflict: 'conflict',
    'invalid-questionnaire': 'invalid-questionnaire',
    load: 'load',
  };
  const reason = (code && known[code]) || fallback;
  const message = error instanceof Error ? error.message : undefined;
  return { reason, ...(message ? { message } : {}), ...(code ? { storeCode: code as FormFailure['storeCode'] } : {}) };
}

const notProvided = (name: string) =>
  fromPromise<never, unknown>(() => Promise.reject(new Error(`form machine: actor "${name}" not provided (use .provide({ actors }) or formActorsFromStore)`)));

function pagesOf(ctx: FormContext) {
  return ctx.questionnaire ? computePages(ctx.questionnaire, ctx.answers, ctx.input.onePerPage) : [];
}

function currentPageErrors(ctx: FormContext) {
  if (!ctx.questionnaire) return [];
  const page = pagesOf(ctx)[ctx.pageIndex];
  return page ? validateLinkIds(ctx.questionnaire, ctx.answers, page.linkIds, { allowTestIdentifiers: ctx.input.allowTestIdentifiers }) : [];
}

function allErrors(ctx: FormContext) {
  return ctx.questionnaire ? validateAll(ctx.questionnaire, ctx.answers, { allowTestIdentifiers: ctx.input.allowTestIdentifiers }) : [];
}

function clampPage(ctx: FormContext, index: number): number {
  const count = pagesOf(ctx).length;
  return Math.max(0, Math.min(index, count - 1));
}

/** Offers from earlier answers and from the Patient, for items not answered (or decided) yet. */
function offersFor(input: FormInput, loaded: LoadFormOutput, answers: AnswerData, decided: Record<string, string>): Record<string, PrefillEntry> {
  const out: Record<string, PrefillEntry> = {};
  const q = loaded.questionnaire;
  // a scored instrument (PHQ-9, GAD-7) measures how it is now: its answers are never offered again
  const reuse = input.reuse?.enabled === false || isScoredInstrument(q) ? [] : findReusableAnswers(q, {
    responses: loaded.responses,
    observations: loaded.observations,
    questionnaires: loaded.questionnaires,
    now: loaded.now,
    ...(input.reuse?.defaultFreshness ? { defaultFreshness: input.reuse.defaultFreshness } : {}),
  });
  const patient = input.patient ? patientPrefill(q, input.patient, { allowTestIdentifiers: input.allowTestIdentifiers }) : [];
  // the Patient resource is the better source for who the person is; earlier answers for the rest
  for (const offer of [...patient, ...reuse]) {
    if (out[offer.linkId]) continue;
    const state = decided[offer.linkId];
    if (state === 'kept' || state === 'changed' || state === 'cleared') {
      out[offer.linkId] = { ...offer, state };
      continue;
    }
    if (answers[offer.linkId] !== undefined && answers[offer.linkId] !== null) continue;
    out[offer.linkId] = { ...offer, state: 'offered' };
  }
  return out;
}

export const formMachine = setup({
  types: {
    context: {} as FormContext,
    events: {} as Ev,
    input: {} as FormInput,
    emitted: {} as FormEmitted,
  },
  actors: {
    loadForm: notProvided('loadForm') as unknown as ReturnType<typeof fromPromise<LoadFormOutput, LoadFormInput>>,
    saveDraft: notProvided('saveDraft') as unknown as ReturnType<typeof fromPromise<SaveDraftOutput, SaveDraftInput>>,
    loadDraft: notProvided('loadDraft') as unknown as ReturnType<typeof fromPromise<Draft | undefined, LoadDraftInput>>,
    submit: notProvided('submit') as unknown as ReturnType<typeof fromPromise<SubmitOutput, SubmitInput>>,
  },
  delays: {
    autosave: ({ context }) => context.input.autosaveMs ?? DEFAULT_AUTOSAVE_MS,
    draftRetry: ({ context }) => backoffMs(context.draft.failures, context.input.retry),
    submitRetry: ({ context }) => backoffMs(context.submitFailures, context.input.retry),
  },
  guards: {
    hasOffers: ({ context }) => Object.values(context.prefill).some((p) => p.state === 'offered'),
    hasNextPage: ({ context }) => context.pageIndex < pagesOf(context).length - 1,
    hasPreviousPage: ({ context }) => context.pageIndex > 0,
    isPageValid: ({ context }) => currentPageErrors(context).length === 0,
    isFormValid: ({ context }) => allErrors(context).length === 0,
    isReturningToReview: ({ context }) => context.returnToReview,
    hasShareConsent: ({ context }) => canSubmitWith(context.consent) && !context.conflict,
    hasPending: ({ context }) => context.pending !== undefined,
    isNetworkError: ({ event }) => {
      const code = storeCodeOf((event as { error?: unknown }).error);
      return code === 'network' || code === 'rate-limited';
    },
    isConflictError: ({ event }) => storeCodeOf((event as { error?: unknown }).error) === 'conflict',
    isDirty: ({ context }) => context.draft.dirty,
    isNotTouched: ({ context, event }) => event.type === 'FIELD.BLUR' && context.touched[event.linkId] !== true,
    isKnownPage: ({ context, event }) => event.type === 'PAGE.GOTO' && event.index >= 0 && event.index < pagesOf(context).length && event.index <= context.pageIndex,
    hasReviewTarget: ({ context, event }) => event.type === 'REVIEW.EDIT' && context.questionnaire !== undefined && pageOf(pagesOf(context), itemIndex(context.questionnaire), event.linkId) >= 0,
  },
  actions: {
    assignLoaded: assign(({ context, event }) => {
      const out = (event as unknown as { output: LoadFormOutput }).output;
      const q: Questionnaire = out.questionnaire;
      const fromDraft = out.draft ? readDraft(q, out.draft) : undefined;
      const answers = fromDraft?.answers ?? out.initialAnswers ?? {};
      const prefill = offersFor(context.input, out, answers, fromDraft?.prefill ?? {});
      const next: Partial<FormContext> = {
        questionnaire: q,
        answers,
        prefill,
        pageIndex: 0,
        draft: { version: out.draft?.version ?? null, ...(out.draft ? { savedAt: out.draft.savedAt } : {}), dirty: false, failures: 0 },
      };
      next.pageIndex = Math.max(0, Math.min(fromDraft?.page ?? 0, computePages(q, answers, context.input.onePerPage).length - 1));
      return next;
    }),
    emitLoaded: emit(({ context }) => ({
      type: 'form.loaded' as const,
      pageCount: pagesOf(context).length,
      prefillCount: Object.values(context.prefill).filter((p) => p.state === 'offered').length,
      resumed: context.draft.version !== null,
    })),
    assignLoadFailure: assign(({ event }) => ({ failure: failureOf((event as { error?: unknown }).error, 'load') })),
    emitFailed: emit(({ context }) => ({ type: 'form.failed' as const, reason: context.failure?.reason ?? 'unknown', ...(context.failure?.message ? { message: context.failure.message } : {}) })),

    setValue: assign(({ context, event }) => {
      if (event.type !== 'SET.VALUE') return {};
      const answers = { ...context.answers };
      if (event.value === null || (Array.isArray(event.value) && event.value.length === 0)) delete answers[event.linkId];
      else answers[event.linkId] = event.value;
      const entry = context.prefill[event.linkId];
      // typing the offered value again keeps it; anything else is a change; emptying it clears it
      const same = JSON.stringify(event.value) === JSON.stringify(entry?.value);
      const state = event.value === null ? ('cleared' as const) : same ? ('kept' as const) : ('changed' as const);
      const prefill = entry ? { ...context.prefill, [event.linkId]: { ...entry, state } } : context.prefill;
      return { answers, prefill, touched: { ...context.touched, [event.linkId]: true as const } };
    }),
    markBlurred: assign(({ context, event }) => (event.type === 'FIELD.BLUR' ? { touched: { ...context.touched, [event.linkId]: true as const } } : {})),
    keepPrefill: assign(({ context, event }) => {
      if (event.type !== 'PREFILL.KEEP') return {};
      const entry = context.prefill[event.linkId];
      if (!entry) return {};
      return { answers: { ...context.answers, [event.linkId]: entry.value }, prefill: { ...context.prefill, [event.linkId]: { ...entry, state: 'kept' as const } } };
    }),
    changePrefill: assign(({ context, event }) => {
      if (event.type !== 'PREFILL.CHANGE') return {};
      const entry = context.prefill[event.linkId];
      if (!entry) return {};
      const answers = { ...context.answers };
      const value = event.value === undefined ? entry.value : event.value;
      if (value === null) delete answers[event.linkId];
      else answers[event.linkId] = value;
      return { answers, prefill: { ...context.prefill, [event.linkId]: { ...entry, state: 'changed' as const } }, touched: { ...context.touched, [event.linkId]: true as const } };
    }),
    clearPrefill: assign(({ context, event }) => {
      if (event.type !== 'PREFILL.CLEAR') return {};
      const entry = context.prefill[event.linkId];
      if (!entry) return {};
      const answers = { ...context.answers };
      delete answers[event.linkId];
      return { answers, prefill: { ...context.prefill, [event.linkId]: { ...entry, state: 'cleared' as const } } };
    }),
    confirmSection: assign(({ context, event }) => {
      if (event.type !== 'PREFILL.CONFIRM_SECTION' || !context.questionnaire) return {};
      const index = itemIndex(context.questionnaire);
      const answers = { ...context.answers };
      const prefill = { ...context.prefill };
      for (const [linkId, entry] of Object.entries(prefill)) {
        if (entry.state !== 'offered') continue;
        const info = index.get(linkId);
        if (!info || !(info.ancestors.includes(event.groupLinkId) || linkId === event.groupLinkId)) continue;
        answers[linkId] = entry.value;
        prefill[linkId] = { ...entry, state: 'kept' };
      }
      return { answers, prefill };
    }),
    raiseDraftChanged: raise({ type: 'DRAFT.CHANGED' }),
    raiseDraftStop: raise({ type: 'DRAFT.STOP' }),

    nextPage: assign(({ context }) => ({ pageIndex: context.pageIndex + 1, showErrors: false, returnToReview: false })),
    previousPage: assign(({ context }) => ({ pageIndex: Math.max(0, context.pageIndex - 1), showErrors: false, returnToReview: false })),
    gotoPage: assign(({ event }) => (event.type === 'PAGE.GOTO' ? { pageIndex: event.index, showErrors: false, returnToReview: false } : {})),
    lastPage: assign(({ context }) => ({ pageIndex: clampPage(context, Number.MAX_SAFE_INTEGER), showErrors: false, returnToReview: false })),
    showPageErrors: assign({ showErrors: true }),
    emitInvalid: emit(({ context }) => ({ type: 'form.invalid' as const, count: currentPageErrors(context).length })),
    emitInvalidAll: emit(({ context }) => ({ type: 'form.invalid' as const, count: allErrors(context).length })),
    emitConsentMissing: emit({ type: 'form.invalid' as const, count: 0 }),
    gotoFirstInvalid: assign(({ context }) => {
      const first = allErrors(context)[0];
      if (!first || !context.questionnaire) return { showErrors: true };
      const i = pageOf(pagesOf(context), itemIndex(context.questionnaire), first.linkId);
      return { pageIndex: i >= 0 ? i : context.pageIndex, showErrors: true };
    }),
    editFromReview: assign(({ context, event }) => {
      if (event.type !== 'REVIEW.EDIT' || !context.questionnaire) return {};
      const i = pageOf(pagesOf(context), itemIndex(context.questionnaire), event.linkId);
      return { pageIndex: i, returnToReview: true, showErrors: false };
    }),
    clearReturn: assign({ returnToReview: false, showErrors: false }),
    gotoItemPage: assign(({ context, event }) => {
      if (event.type !== 'PREFILL.CHANGE' || !context.questionnaire) return {};
      const i = pageOf(pagesOf(context), itemIndex(context.questionnaire), event.linkId);
      return i >= 0 ? { pageIndex: i, showErrors: false, returnToReview: false } : {};
    }),

    setConsent: assign(({ event }) => (event.type === 'CONSENT.SET' ? { consent: { share: event.share, keepForReuse: event.keepForReuse } } : {})),
    buildPending: assign(({ context }) => {
      const built = buildSubmission(context);
      if ('error' in built) return { pending: undefined, failure: { reason: 'invalid' as const, message: built.error } };
      return { pending: built, failure: undefined };
    }),
    emitSubmitRequested: enqueueActions(({ context, enqueue }) => {
      const p = context.pending;
      if (p) enqueue.emit({ type: 'form.submit-requested', response: p.response, observations: p.observations });
    }),
    clearPending: assign({ pending: undefined }),
    assignSubmitted: assign(({ event }) => {
      const out = (event as unknown as { output: SubmitOutput }).output;
      const id = out.response.id ?? '';
      return {
        submitted: { response: out.response, observations: out.observations },
        receipt: { responseId: id, submittedAt: out.response.meta?.lastUpdated ?? out.response.authored ?? new Date().toISOString() },
        submitFailures: 0,
        failure: undefined,
      };
    }),
    emitSubmitted: emit(({ context }) => ({ type: 'form.submitted' as const, response: context.submitted!.response, observations: context.submitted!.observations, receipt: context.receipt! })),
    countSubmitFailure: assign(({ context, event }) => ({ submitFailures: context.submitFailures + 1, failure: failureOf((event as { error?: unknown }).error, 'network') })),
    emitWaiting: emit(({ context }) => ({ type: 'form.waiting-for-connection' as const, attempt: context.submitFailures, retryInMs: backoffMs(context.submitFailures, context.input.retry) })),
    assignSubmitFailure: assign(({ event }) => ({ failure: failureOf((event as { error?: unknown }).error, 'unknown') })),
    assignHandled: assign(({ context }) => {
      const p = context.pending;
      if (!p) return {};
      return {
        submitted: p,
        receipt: { responseId: p.response.id ?? '', submittedAt: p.response.authored ?? new Date().toISOString() },
        pending: undefined,
        submitFailures: 0,
        failure: undefined,
      };
    }),

    // autosave
    markDirty: assign(({ context }) => ({ draft: { ...context.draft, dirty: true } })),
    clearDirty: assign(({ context }) => ({ draft: { ...context.draft, dirty: false } })),
    assignSaved: assign(({ context, event }) => {
      const out = (event as unknown as { output: SaveDraftOutput }).output;
      return { draft: { ...context.draft, version: out.version, savedAt: out.savedAt, failures: 0 } };
    }),
    emitDraftSaved: emit(({ context }) => ({ type: 'form.draft-saved' as const, version: context.draft.version ?? '', savedAt: context.draft.savedAt ?? '' })),
    countDraftFailure: assign(({ context }) => ({ draft: { ...context.draft, failures: context.draft.failures + 1 } })),
    emitDraftFailed: emit(({ event }) => {
      const f = failureOf((event as { error?: unknown }).error, 'unknown');
      return { type: 'form.draft-failed' as const, reason: f.reason, ...(f.message ? { message: f.message } : {}) };
    }),
    assignConflict: assign(({ event }) => {
      const theirs = (event as unknown as { output: Draft | undefined }).output;
      return { conflict: { version: theirs?.version ?? null, ...(theirs ? { savedAt: theirs.savedAt } : {}), answers: {} as AnswerData } };
    }),
    assignConflictAnswers: assign(({ context, event }) => {
      const theirs = (event as unknown as { output: Draft | undefined }).output;
      if (!theirs || !context.questionnaire || !context.conflict) return {};
      const read = readDraft(context.questionnaire, theirs);
      return { conflict: { ...context.conflict, answers: read.answers, prefill: read.prefill } };
    }),
    emitConflict: emit(({ context }) => ({ type: 'form.conflict' as const, theirVersion: context.conflict?.version ?? null, ...(context.conflict?.savedAt ? { theirSavedAt: context.conflict.savedAt } : {}) })),
    takeTheirs: assign(({ context }) => {
      const c = context.conflict;
      if (!c) return {};
      // their decisions win; an offer they answered without a recorded decision counts as changed
      const prefill: Record<string, PrefillEntry> = {};
      for (const [k, e] of Object.entries(context.prefill)) {
        const theirs = c.prefill?.[k];
        prefill[k] = theirs ? { ...e, state: theirs } : c.answers[k] !== undefined ? { ...e, state: 'changed' } : { ...e, state: 'offered' };
      }
      return {
        answers: c.answers,
        prefill,
        pageIndex: clampPage({ ...context, answers: c.answers }, context.pageIndex),
        conflict: undefined,
        draft: { ...context.draft, version: c.version, ...(c.savedAt ? { savedAt: c.savedAt } : {}), dirty: false },
      };
    }),
    keepMine: assign(({ context }) => ({ draft: { ...context.draft, version: context.conflict?.version ?? null, dirty: false }, conflict: undefined })),
  },
}).createMachine({
  id: 'hkForm',
  type: 'parallel',
  context: ({ input }) => ({
    input,
    answers: {},
    prefill: {},
    touched: {},
    showErrors: false,
    pageIndex: 0,
    returnToReview: false,
    draft: { version: null, dirty: false, failures: 0 },
    submitFailures: 0,
  }),
  states: {
    flow: {
      initial: 'loading',
      states: {
        loading: {
          invoke: {
            src: 'loadForm',
            input: ({ context }) => ({ input: context.input, draftKey: draftKeyOf(context.input) }),
            // guards see the context before a transition's actions: route in `loaded`
            onDone: { target: 'loaded', actions: ['assignLoaded', 'emitLoaded'] },
            onError: { target: 'loadFailed', actions: ['assignLoadFailure', 'emitFailed'] },
          },
        },
        loaded: {
          always: [{ guard: 'hasOffers', target: 'prefillReview' }, { target: 'filling' }],
        },
        loadFailed: {
          on: { RETRY: 'loading' },
        },
        prefillReview: {
          on: {
            'SET.VALUE': { actions: ['setValue', 'raiseDraftChanged'] },
            // leaving a field already touched changes nothing (and costs no snapshot)
            'FIELD.BLUR': { guard: 'isNotTouched', actions: 'markBlurred' },
            'PREFILL.KEEP': { actions: ['keepPrefill', 'raiseDraftChanged'] },
            // "Endre" takes the person to the field, on its page
            'PREFILL.CHANGE': { target: 'filling', actions: ['changePrefill', 'gotoItemPage', 'raiseDraftChanged'] },
            'PREFILL.CLEAR': { actions: ['clearPrefill', 'raiseDraftChanged'] },
            'PREFILL.CONFIRM_SECTION': { actions: ['confirmSection', 'raiseDraftChanged'] },
            'PREFILL.DONE': 'filling',
          },
        },
        filling: {
          on: {
            'SET.VALUE': { actions: ['setValue', 'raiseDraftChanged'] },
            // leaving a field already touched changes nothing (and costs no snapshot)
            'FIELD.BLUR': { guard: 'isNotTouched', actions: 'markBlurred' },
            'PREFILL.KEEP': { actions: ['keepPrefill', 'raiseDraftChanged'] },
            'PREFILL.CHANGE': { actions: ['changePrefill', 'raiseDraftChanged'] },
            'PREFILL.CLEAR': { actions: ['clearPrefill', 'raiseDraftChanged'] },
            'PREFILL.CONFIRM_SECTION': { actions: ['confirmSection', 'raiseDraftChanged'] },
            'PAGE.NEXT': [
              // not valid: stay and show every error on the page
              { guard: not('isPageValid'), actions: ['showPageErrors', 'emitInvalid'] },
              { guard: 'hasNextPage', actions: ['nextPage', 'raiseDraftChanged'] },
              { guard: 'isFormValid', target: 'review', actions: 'clearReturn' },
              { actions: ['gotoFirstInvalid', 'emitInvalidAll'] },
            ],
            'PAGE.PREV': { guard: 'hasPreviousPage', actions: ['previousPage', 'raiseDraftChanged'] },
            // going forward past unvalidated pages is done with PAGE.NEXT; GOTO only goes back (progress links)
            'PAGE.GOTO': { guard: 'isKnownPage', actions: ['gotoPage', 'raiseDraftChanged'] },
            'REVIEW.RETURN': [
              { guard: not('isReturningToReview') },
              { guard: not('isPageValid'), actions: ['showPageErrors', 'emitInvalid'] },
              { guard: 'isFormValid', target: 'review', actions: 'clearReturn' },
              { actions: ['gotoFirstInvalid', 'emitInvalidAll'] },
            ],
          },
        },
        review: {
          on: {
            'REVIEW.EDIT': { guard: 'hasReviewTarget', target: 'filling', actions: 'editFromReview' },
            'PAGE.PREV': { target: 'filling', actions: 'lastPage' },
            BACK: { target: 'filling', actions: 'lastPage' },
            'REVIEW.CONFIRM': [{ guard: 'isFormValid', target: 'consent', actions: 'clearReturn' }, { target: 'filling', actions: ['gotoFirstInvalid', 'emitInvalidAll'] }],
          },
        },
        consent: {
          on: {
            'CONSENT.SET': { actions: 'setConsent' },
            BACK: { target: 'review', actions: 'clearReturn' },
            'REVIEW.EDIT': { guard: 'hasReviewTarget', target: 'filling', actions: 'editFromReview' },
            SUBMIT: [
              { guard: 'hasShareConsent', target: 'confirmingSubmit', actions: ['buildPending', 'raiseDraftStop'] },
              // without consent: say why (the view shows the consent error after an attempt)
              { actions: ['showPageErrors', 'emitConsentMissing'] },
            ],
          },
        },
        confirmingSubmit: {
          always: { guard: ({ context }) => context.pending === undefined, target: 'failed', actions: 'emitFailed' },
          entry: 'emitSubmitRequested',
          on: {
            'SUBMIT.CONFIRM': 'submitting',
            'SUBMIT.CANCEL': { target: 'consent', actions: 'clearPending' },
            'SUBMIT.HANDLED': { target: 'submitted', actions: 'assignHandled' },
          },
        },
        submitting: {
          invoke: {
            src: 'submit',
            input: ({ context }) => ({
              questionnaire: context.questionnaire!,
              response: context.pending!.response,
              consent: context.consent!,
              draftKey: draftKeyOf(context.input),
              draftVersion: context.draft.version,
            }),
            onDone: { target: 'submitted', actions: ['assignSubmitted', 'clearPending', 'emitSubmitted'] },
            onError: [
              { guard: 'isNetworkError', target: 'waitingForConnection', actions: ['countSubmitFailure', 'emitWaiting'] },
              { target: 'failed', actions: ['assignSubmitFailure', 'emitFailed'] },
            ],
          },
        },
        waitingForConnection: {
          after: { submitRetry: 'submitting' },
          on: {
            'CONNECTION.ONLINE': 'submitting',
            RETRY: 'submitting',
            BACK: 'review',
          },
        },
        failed: {
          on: {
            RETRY: [{ guard: 'hasPending', target: 'submitting' }, { target: 'review' }],
            BACK: 'review',
          },
        },
        submitted: {
          entry: 'raiseDraftStop',
        },
      },
    },
    autosave: {
      initial: 'idle',
      on: {
        'DRAFT.STOP': '.idle',
      },
      states: {
        idle: {
          on: { 'DRAFT.CHANGED': 'pending' },
        },
        pending: {
          after: { autosave: 'saving' },
          on: { 'DRAFT.CHANGED': { target: 'pending', reenter: true }, 'DRAFT.FLUSH': 'saving' },
        },
        saving: {
          entry: 'clearDirty',
          invoke: {
            src: 'saveDraft',
            input: ({ context }) => ({ key: draftKeyOf(context.input), response: buildDraftResponse(context), expectedVersion: context.draft.version }),
            onDone: [
              { guard: 'isDirty', target: 'pending', actions: ['assignSaved', 'emitDraftSaved'] },
              { target: 'saved', actions: ['assignSaved', 'emitDraftSaved'] },
            ],
            onError: [
              { guard: 'isConflictError', target: 'conflict' },
              { guard: 'isNetworkError', target: 'offline', actions: ['countDraftFailure', 'emitDraftFailed'] },
              { target: 'error', actions: ['countDraftFailure', 'emitDraftFailed'] },
            ],
          },
          on: { 'DRAFT.CHANGED': { actions: 'markDirty' } },
        },
        saved: {
          on: { 'DRAFT.CHANGED': 'pending' },
        },
        offline: {
          after: { draftRetry: 'saving' },
          on: {
            'CONNECTION.ONLINE': 'saving',
            'DRAFT.FLUSH': 'saving',
            'DRAFT.CHANGED': { actions: 'markDirty' },
          },
        },
        error: {
          on: { 'DRAFT.CHANGED': 'pending', RETRY: 'saving', 'DRAFT.FLUSH': 'saving' },
        },
        conflict: {
          initial: 'reading',
          on: { 'DRAFT.CHANGED': { actions: 'markDirty' } },
          states: {
            reading: {
              invoke: {
                src: 'loadDraft',
                input: ({ context }) => ({ key: draftKeyOf(context.input) }),
                onDone: { target: 'deciding', actions: ['assignConflict', 'assignConflictAnswers', 'emitConflict'] },
                onError: { target: 'deciding', actions: [assign({ conflict: { version: null, answers: {} } }), 'emitConflict'] },
              },
            },
            deciding: {
              on: {
                'CONFLICT.LOAD_THEIRS': { target: '#hkForm.autosave.saved', actions: 'takeTheirs' },
                'CONFLICT.KEEP_MINE': { target: '#hkForm.autosave.saving', actions: 'keepMine' },
              },
            },
          },
        },
      },
    },
  },
});

export type FormMachine = typeof formMachine;
