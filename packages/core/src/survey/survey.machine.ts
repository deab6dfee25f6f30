import { assign, emit, sendTo, setup } from 'xstate';
import { surveyActor, surveyLocale } from './survey.actor.js';
import type { SurveyActorEvent, SurveyContext, SurveyEmitted, SurveyEvent, SurveyInput } from './survey.types.js';

/**
 * The form flow: loading → answering → completed (or failed). Answers live in `context.answers` (keyed by linkId),
 * so a persisted snapshot can be resumed by starting again with `input.answers` (the survey-core model itself is
 * not serialisable). The survey-core model lives in the invoked
 * `survey` actor; this machine forwards SET.VALUE / PAGE.* / COMPLETE / LOCALE.SET to it and emits lower.dotted
 * events for the element to re-dispatch.
 */
export const surveyMachine = setup({
  types: {
    context: {} as SurveyContext,
    events: {} as SurveyEvent | SurveyActorEvent,
    input: {} as SurveyInput,
    emitted: {} as SurveyEmitted,
  },
  actors: { survey: surveyActor },
  actions: {
    forwardToSurvey: sendTo('survey', ({ event }) => event as SurveyEvent),
    assignReady: assign(({ event }) => {
      if (event.type !== 'SURVEY.READY') return {};
      return { pageIndex: event.pageIndex, pageCount: event.pageCount, issues: event.issues, answers: event.answers };
    }),
    emitLoaded: emit(({ event }) => ({
      type: 'survey.loaded' as const,
      pageCount: event.type === 'SURVEY.READY' ? event.pageCount : 0,
      issueCount: event.type === 'SURVEY.READY' ? event.issues.length : 0,
    })),
    assignAnswers: assign(({ event, context }) => (event.type === 'SURVEY.CHANGED' ? { answers: event.answers, errors: context.errors.filter((e) => e.linkId !== event.linkId) } : {})),
    emitValueChanged: emit(({ event }) => ({ type: 'survey.value.changed' as const, linkId: event.type === 'SURVEY.CHANGED' ? event.linkId : '' })),
    assignPage: assign(({ event }) => (event.type === 'SURVEY.PAGE' ? { pageIndex: event.pageIndex, pageCount: event.pageCount, errors: [] } : {})),
    emitPageChanged: emit(({ context }) => ({ type: 'survey.page.changed' as const, pageIndex: context.pageIndex, pageCount: context.pageCount })),
    assignErrors: assign(({ event }) => (event.type === 'SURVEY.INVALID' ? { errors: event.errors } : {})),
    emitValidationFailed: emit(({ context }) => ({ type: 'survey.validation.failed' as const, errors: context.errors })),
    assignCompleted: assign(({ event }) => (event.type === 'SURVEY.COMPLETED' ? { answers: event.answers, response: event.response, errors: [] } : {})),
    emitCompleted: emit(({ context }) => ({ type: 'survey.completed' as const, answers: context.answers, response: context.response })),
    assignFailure: assign(({ event }) => (event.type === 'SURVEY.FAILED' ? { failure: { code: event.code, message: event.message } } : {})),
    emitFailed: emit(({ context }) => ({ type: 'survey.failed' as const, code: context.failure?.code ?? 'internal', message: context.failure?.message ?? '' })),
    assignLocale: assign(({ event }) => (event.type === 'LOCALE.SET' ? { locale: surveyLocale(event.locale) } : {})),
  },
  guards: {
    hasPreviousPage: ({ context }) => context.pageIndex > 0,
    hasNextPage: ({ context }) => context.pageIndex < context.pageCount - 1,
  },
}).createMachine({
  id: 'hkSurvey',
  context: ({ input }) => ({
    input,
    locale: surveyLocale(input.locale),
    pageIndex: 0,
    pageCount: 0,
    answers: input.answers ?? {},
    errors: [],
    issues: [],
  }),
  initial: 'active',
  states: {
    active: {
      invoke: {
        id: 'survey',
        src: 'survey',
        input: ({ context }) => context.input,
      },
      initial: 'loading',
      on: {
        'SURVEY.FAILED': { target: 'failed', actions: ['assignFailure', 'emitFailed'] },
      },
      states: {
        loading: {
          on: {
            'SURVEY.READY': { target: 'answering', actions: ['assignReady', 'emitLoaded'] },
            'SET.VALUE': { actions: 'forwardToSurvey' },
            'LOCALE.SET': { actions: ['assignLocale', 'forwardToSurvey'] },
          },
        },
        answering: {
          on: {
            'SET.VALUE': { actions: 'forwardToSurvey' },
            // on the last page COMPLETE validates and submits; PAGE.NEXT does nothing there
            'PAGE.NEXT': { guard: 'hasNextPage', actions: 'forwardToSurvey' },
            'PAGE.PREV': { guard: 'hasPreviousPage', actions: 'forwardToSurvey' },
            'LOCALE.SET': { actions: ['assignLocale', 'forwardToSurvey'] },
            COMPLETE: { actions: 'forwardToSurvey' },
            'SURVEY.CHANGED': { actions: ['assignAnswers', 'emitValueChanged'] },
            'SURVEY.PAGE': { actions: ['assignPage', 'emitPageChanged'] },
            'SURVEY.INVALID': { actions: ['assignErrors', 'emitValidationFailed'] },
            'SURVEY.COMPLETED': { target: '#hkSurvey.completed', actions: ['assignCompleted', 'emitCompleted'] },
          },
        },
      },
    },
    completed: { type: 'final' },
    failed: { type: 'final' },
  },
});
