/**
 * The triage flow as one XState v5 machine. The protocol is data in the context (from `input`), so a persisted
 * snapshot carries everything needed to resume on the same screen with the same answers.
 *
 * choosingPerson → choosingReason → redFlags → questions (one per screen) → outcome → handoff → done
 *
 * - choosingPerson: who it is about (self or someone else, the age band, sex, pregnancy), unless the host gave it.
 *   PERSON.SET moves on; the reason list then offers only protocols written for that person (`fitsAudience`), and
 *   the chosen protocol is compiled and narrowed to them (`protocolForPerson`): the general red flags for their age,
 *   child wording, and the who-for answers as answers the rules can read. A preselected protocol that does not fit
 *   the person is not run: the reason list is shown instead.
 * - choosingReason: REASON.SELECT with a protocol id, and for "Noe annet" (`other`) the person's own words.
 * - redFlags is one screen with every red flag (general 113 list first). REDFLAGS.SET is the screen answered at
 *   once, as a checkbox group sends it: every listed red flag "yes", every other one "no", then the outcome in the
 *   most urgent of their dispositions, with all of them in the reason and the Bundle. A per-flag ANSWER.SET "yes"
 *   or "vet ikke" ends triage at once in that red flag's disposition (a "no" is only recorded); REDFLAGS.NONE
 *   answers every unanswered one "no" and moves on (an earlier positive answer still decides).
 * - questions: ANSWER.SET for the question on screen; STEP.NEXT needs a valid answer; STEP.BACK keeps answers.
 *   Questions that are not enabled are skipped and their answers dropped.
 * - outcome: the decision (`triage.rules.ts`) and the emitted `triage.completed` with what the FHIR Bundle is
 *   built from (`TriageFhirInput`). It is
 *   emitted each time an outcome is reached (going back and changing an answer gives a new one); the last counts.
 *   SUBMIT hands a GP-office disposition over (`triage.handoff-requested`, built into the transaction); the host sends
 *   HANDOFF.DONE or HANDOFF.FAILED. FINISH ends without a handoff.
 * - ABANDON (the host sends it on `pagehide` or when the widget is closed) emits `triage.analytics` with the
 *   step reached, so drop-off can be measured without answers leaving the page.
 */
import { and, assign, createMachine, emit } from 'xstate';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.js';
import { protocolForPerson } from './compile.js';
import { contentLanguage } from './localized.js';
import { fitsAudience, isValidPerson, personAnswers } from './person.js';
import { DONT_KNOW, type TriageAnswer, type Disposition, type Protocol, type TriagePerson, type YesNoDontKnow } from './protocol.types.js';
import { toAnalytics, type TriageAnalytics, type TriageStep } from './triage.analytics.js';
import type { TriageBundleOptions, TriageResult } from './triage.fhir.js';
import {
  allRedFlags,
  decide,
  decideRedFlags,
  enabledQuestions,
  isValidAnswer,
  pruneAnswers,
  type Decision,
} from './triage.rules.js';

export interface TriageContext {
  protocols: Protocol[];
  /** The protocol being run, compiled and narrowed to the person (`protocolForPerson`). */
  protocol: Protocol | null;
  /** The id of the protocol the host chose: there is no reason screen to go back to. */
  preselectedId: string | null;
  /** True while the host's chosen protocol is the one being run. */
  preselected: boolean;
  /** Who it is about; null until the who-for screen is answered. */
  person: TriagePerson | null;
  /** True when the host set the person: there is no who-for screen to go back to. */
  personFromHost: boolean;
  /** "Noe annet": what the person wrote in their own words (kept as text, never as markup). */
  description: string;
  redFlagAnswers: Record<string, YesNoDontKnow>;
  answers: Record<string, TriageAnswer>;
  currentQuestionId: string | null;
  decision: Decision | null;
  locale: Locale;
  startedAt: number;
  handoffFailed: boolean;
  /** After the handoff: true when the result reached the GP office (or the host took it), false when nothing was sent. */
  handoffSent: boolean | null;
  /** Bundle options the host set (subject, GP office); references only, no answers. */
  bundleOptions: Pick<TriageBundleOptions, 'subject' | 'gpOffice'>;
}

export interface TriageInput {
  /** The protocols offered on the reason screen, or the one to run. */
  protocols: Protocol[];
  /** Run this protocol at once (skip the reason screen). With one protocol, that one is preselected. */
  protocolId?: string;
  /** Who it is about, when the host knows (skips the who-for screen). */
  person?: TriagePerson;
  locale?: Locale;
  subject?: TriageBundleOptions['subject'];
  gpOffice?: TriageBundleOptions['gpOffice'];
}

/** Longest "Noe annet" description kept. */
export const MAX_DESCRIPTION_LENGTH = 1000;

export type TriageEvent =
  | { type: 'PERSON.SET'; person: TriagePerson }
  | { type: 'REASON.SELECT'; protocolId: string; description?: string }
  | { type: 'ANSWER.SET'; questionId: string; value: TriageAnswer }
  /** The red-flag screen answered at once: these red flags "yes" (at least one), every other one "no". */
  | { type: 'REDFLAGS.SET'; ids: string[] }
  | { type: 'REDFLAGS.NONE' }
  | { type: 'STEP.NEXT' }
  | { type: 'STEP.BACK' }
  | { type: 'SUBMIT' }
  /** `sent: false` when there was nowhere to send it (no FHIR base, no host): the person is told nothing was sent. */
  | { type: 'HANDOFF.DONE'; sent?: boolean }
  | { type: 'HANDOFF.FAILED' }
  | { type: 'FINISH' }
  | { type: 'RESTART' }
  | { type: 'ABANDON' }
  | { type: 'LOCALE.SET'; locale: Locale };

/**
 * What `toTriageBundle` (the `collection` for `hk-complete`) and `toTriageTransaction` (the handoff) are built
 * from. The machine hands over the data, not the Bundle, so the FHIR code is not part of what the red-flag
 * screen loads: the element imports `triage.fhir.ts` when it needs it.
 */
export interface TriageFhirInput {
  result: TriageResult;
  options: TriageBundleOptions;
}

export type TriageEmitted =
  | { type: 'triage.step-changed'; step: TriageStep; questionId: string | null }
  | { type: 'triage.completed'; disposition: Disposition; decision: Decision; fhir: TriageFhirInput }
  | { type: 'triage.handoff-requested'; disposition: Disposition; fhir: TriageFhirInput }
  | { type: 'triage.analytics'; analytics: TriageAnalytics };

/** Dispositions the GP office receives (SUBMIT → handoff). 113, 116117 and self-care are acted on by the person. */
export const HANDOFF_DISPOSITIONS = ['gp-same-day', 'gp-appointment', 'e-consultation', 'admin-service'] as const satisfies readonly Disposition[];
export type HandoffDisposition = (typeof HANDOFF_DISPOSITIONS)[number];
export const isHandoffDisposition = (d: Disposition): d is HandoffDisposition => (HANDOFF_DISPOSITIONS as readonly Disposition[]).includes(d);

function findProtocol(context: Pick<TriageContext, 'protocols'>, id: string | undefined): Protocol | null {
  return context.protocols.find((p) => p.id === id) ?? null;
}

/** Questions on the path, given the answers (pure, exported for the view). */
export function questionPath(context: Pick<TriageContext, 'protocol' | 'answers'>): string[] {
  // The who-for answers are answers, but never screens of their own.
  return context.protocol ? enabledQuestions(context.protocol, context.answers).filter((q) => q.origin !== 'person').map((q) => q.id) : [];
}

/** The protocols offered to the person on the reason screen. */
export function offeredProtocols(context: Pick<TriageContext, 'protocols' | 'person'>): Protocol[] {
  return context.protocols.filter((p) => fitsAudience(p, context.person));
}

/** The protocol prepared for the person: compiled, narrowed, with the who-for answers filled in. */
function prepared(protocol: Protocol, person: TriagePerson | null): Pick<TriageContext, 'protocol' | 'answers'> {
  const run = protocolForPerson(protocol, person);
  const facts = person ? personAnswers(person) : {};
  const ids = new Set(run.questions.filter((q) => q.origin === 'person').map((q) => q.id));
  return { protocol: run, answers: Object.fromEntries(Object.entries(facts).filter(([id]) => ids.has(id))) };
}

function nextQuestionId(context: TriageContext, after: string | null): string | null {
  const path = questionPath(context);
  if (after === null) return path[0] ?? null;
  const order = context.protocol!.questions.map((q) => q.id);
  const from = order.indexOf(after);
  return path.find((id) => order.indexOf(id) > from) ?? null;
}

function previousQuestionId(context: TriageContext, before: string | null): string | null {
  const path = questionPath(context);
  if (before === null) return path.at(-1) ?? null;
  const order = context.protocol!.questions.map((q) => q.id);
  const from = order.indexOf(before);
  return path.filter((id) => order.indexOf(id) < from).at(-1) ?? null;
}

/** 1-based screen number: the red-flag screen is 1. */
export function stepNumber(context: TriageContext, step: TriageStep): number {
  if (!context.protocol || step === 'choosingReason' || step === 'choosingPerson') return 0;
  if (step === 'redFlags') return 1;
  const path = questionPath(context);
  if (step === 'questions') return 2 + Math.max(0, path.indexOf(context.currentQuestionId ?? ''));
  return 2 + path.length;
}

const initialContext = (input: TriageInput): TriageContext => {
  const base = { protocols: input.protocols };
  const chosen = findProtocol(base, input.protocolId) ?? (input.protocols.length === 1 ? input.protocols[0]! : null);
  const person = input.person && isValidPerson(input.person) ? input.person : null;
  // Run the host's protocol only for a person it is written for; otherwise the reason list decides.
  const runs = chosen !== null && person !== null && fitsAudience(chosen, person);
  return {
    protocols: input.protocols,
    ...(runs ? prepared(chosen, person) : { protocol: null, answers: {} }),
    preselectedId: chosen?.id ?? null,
    preselected: runs,
    person,
    personFromHost: person !== null,
    description: '',
    redFlagAnswers: {},
    currentQuestionId: null,
    decision: null,
    locale: input.locale ?? DEFAULT_LOCALE,
    startedAt: Date.now(),
    handoffFailed: false,
    handoffSent: null,
    bundleOptions: { ...(input.subject ? { subject: input.subject } : {}), ...(input.gpOffice ? { gpOffice: input.gpOffice } : {}) },
  };
};

const fhirInput = (context: TriageContext): TriageFhirInput => ({
  result: {
    protocol: context.protocol!,
    redFlagAnswers: context.redFlagAnswers,
    answers: context.answers,
    decision: context.decision!,
    person: context.person,
    ...(context.description ? { description: context.description } : {}),
  },
  options: { ...context.bundleOptions, language: contentLanguage(context.locale) },
});

/** The named guards and actions, typed for `createMachine`. (`setup` would type them too, but it brings every XState
 * action creator into the red-flag screen's bundle: about 0.8 KB gzip.) */
type TriageGuard =
  | { type: 'hasProtocol' }
  | { type: 'hasPerson' }
  | { type: 'isValidPerson' }
  | { type: 'isValidPersonForPreselected' }
  | { type: 'canChangePerson' }
  | { type: 'isKnownProtocol' }
  | { type: 'isRedFlagAnswer' }
  | { type: 'isRedFlagSelection' }
  | { type: 'isPositiveRedFlagAnswer' }
  | { type: 'hasPositiveRedFlag' }
  | { type: 'hasAllRedFlagsAnswered' }
  | { type: 'hasQuestions' }
  | { type: 'isValidCurrentAnswer' }
  | { type: 'hasCurrentAnswer' }
  | { type: 'hasNextQuestion' }
  | { type: 'hasPreviousQuestion' }
  | { type: 'hasReasonScreen' }
  | { type: 'isDecidedByRedFlag' }
  | { type: 'isHandoffDisposition' };
type TriageAction =
  | { type: 'selectProtocol' }
  | { type: 'setPerson' }
  | { type: 'preparePreselected' }
  | { type: 'setRedFlagAnswer' }
  | { type: 'setRedFlagSelection' }
  | { type: 'answerRemainingRedFlagsNo' }
  | { type: 'setAnswer' }
  | { type: 'goToFirstQuestion' }
  | { type: 'goToNextQuestion' }
  | { type: 'goToPreviousQuestion' }
  | { type: 'goToLastQuestion' }
  | { type: 'decideOutcome' }
  | { type: 'clearOutcome' }
  | { type: 'markHandoffFailed' }
  | { type: 'resetTriage' }
  | { type: 'setLocale' }
  | { type: 'emitStepChanged'; params: { step: TriageStep } }
  | { type: 'emitCompleted' }
  | { type: 'emitHandoffRequested' }
  | { type: 'emitCompletedAnalytics' }
  | { type: 'emitAbandonedAnalytics' };

/**
 * Builds the machine. The element calls this when it first needs the actor (after the first paint); importing
 * `triageMachine` builds it at module load.
 */
export const createTriageMachine = () =>
  createMachine(
    {
      types: {} as {
        context: TriageContext;
        events: TriageEvent;
        input: TriageInput;
        emitted: TriageEmitted;
        guards: TriageGuard;
        actions: TriageAction;
      },
      id: 'triage',
      context: ({ input }) => initialContext(input),
      initial: 'starting',
      on: {
        'LOCALE.SET': { actions: 'setLocale' },
        ABANDON: { actions: 'emitAbandonedAnalytics' },
        RESTART: { target: '.starting', actions: 'resetTriage' },
      },
      states: {
        starting: {
          always: [
            { guard: 'hasProtocol', target: 'redFlags' },
            { guard: 'hasPerson', target: 'choosingReason' },
            { target: 'choosingPerson' },
          ],
        },
        choosingPerson: {
          entry: { type: 'emitStepChanged', params: { step: 'choosingPerson' } },
          on: {
            'PERSON.SET': [
              { guard: 'isValidPersonForPreselected', target: 'redFlags', actions: ['setPerson', 'preparePreselected'] },
              { guard: 'isValidPerson', target: 'choosingReason', actions: 'setPerson' },
            ],
          },
        },
        choosingReason: {
          entry: { type: 'emitStepChanged', params: { step: 'choosingReason' } },
          on: {
            'REASON.SELECT': { guard: 'isKnownProtocol', target: 'redFlags', actions: 'selectProtocol' },
            'STEP.BACK': { guard: 'canChangePerson', target: 'choosingPerson' },
          },
        },
        redFlags: {
          entry: { type: 'emitStepChanged', params: { step: 'redFlags' } },
          on: {
            'ANSWER.SET': [
              {
                guard: and(['isRedFlagAnswer', 'isPositiveRedFlagAnswer']),
                target: 'outcome',
                actions: ['setRedFlagAnswer', 'decideOutcome', 'emitCompleted', 'emitCompletedAnalytics'],
              },
              { guard: 'isRedFlagAnswer', actions: 'setRedFlagAnswer' },
            ],
            'REDFLAGS.SET': {
              guard: 'isRedFlagSelection',
              target: 'outcome',
              actions: ['setRedFlagSelection', 'decideOutcome', 'emitCompleted', 'emitCompletedAnalytics'],
            },
            'REDFLAGS.NONE': [
              { guard: 'hasPositiveRedFlag', target: 'outcome', actions: ['decideOutcome', 'emitCompleted', 'emitCompletedAnalytics'] },
              { guard: 'hasQuestions', target: 'questions', actions: ['answerRemainingRedFlagsNo', 'goToFirstQuestion'] },
              { target: 'outcome', actions: ['answerRemainingRedFlagsNo', 'decideOutcome', 'emitCompleted', 'emitCompletedAnalytics'] },
            ],
            'STEP.NEXT': [
              { guard: 'hasPositiveRedFlag', target: 'outcome', actions: ['decideOutcome', 'emitCompleted', 'emitCompletedAnalytics'] },
              {
                guard: and(['hasAllRedFlagsAnswered', 'hasQuestions']),
                target: 'questions',
                actions: 'goToFirstQuestion',
              },
              { guard: 'hasAllRedFlagsAnswered', target: 'outcome', actions: ['decideOutcome', 'emitCompleted', 'emitCompletedAnalytics'] },
            ],
            'STEP.BACK': [
              { guard: 'hasReasonScreen', target: 'choosingReason' },
              { guard: 'canChangePerson', target: 'choosingPerson' },
            ],
          },
        },
        questions: {
          entry: { type: 'emitStepChanged', params: { step: 'questions' } },
          on: {
            'ANSWER.SET': { guard: 'isValidCurrentAnswer', actions: 'setAnswer' },
            'STEP.NEXT': [
              {
                guard: and(['hasCurrentAnswer', 'hasNextQuestion']),
                target: 'questions',
                reenter: true,
                actions: 'goToNextQuestion',
              },
              { guard: 'hasCurrentAnswer', target: 'outcome', actions: ['decideOutcome', 'emitCompleted', 'emitCompletedAnalytics'] },
            ],
            'STEP.BACK': [
              { guard: 'hasPreviousQuestion', target: 'questions', reenter: true, actions: 'goToPreviousQuestion' },
              { target: 'redFlags' },
            ],
          },
        },
        outcome: {
          entry: { type: 'emitStepChanged', params: { step: 'outcome' } },
          on: {
            SUBMIT: { guard: 'isHandoffDisposition', target: 'handoff' },
            FINISH: { target: 'done' },
            'STEP.BACK': [
              { guard: 'isDecidedByRedFlag', target: 'redFlags', actions: 'clearOutcome' },
              { guard: 'hasQuestions', target: 'questions', actions: ['clearOutcome', 'goToLastQuestion'] },
              { target: 'redFlags', actions: 'clearOutcome' },
            ],
          },
        },
        handoff: {
          entry: [{ type: 'emitStepChanged', params: { step: 'handoff' } }, 'emitHandoffRequested'],
          on: {
            'HANDOFF.DONE': { target: 'done', actions: assign({ handoffSent: ({ event }) => event.sent !== false }) },
            'HANDOFF.FAILED': { actions: 'markHandoffFailed' },
            SUBMIT: { target: 'handoff', reenter: true, actions: assign({ handoffFailed: false }) },
            'STEP.BACK': { target: 'outcome' },
          },
        },
        // Not a final state: "Start på nytt" on the last screen must still reach the machine.
        done: {
          entry: { type: 'emitStepChanged', params: { step: 'done' } },
        },
      },
    },
    {
      guards: {
        hasProtocol: ({ context }) => context.protocol !== null,
        hasPerson: ({ context }) => context.person !== null,
        isValidPerson: ({ event }) => event.type === 'PERSON.SET' && isValidPerson(event.person),
        isValidPersonForPreselected: ({ context, event }) => {
          if (event.type !== 'PERSON.SET' || !isValidPerson(event.person)) return false;
          const chosen = findProtocol(context, context.preselectedId ?? undefined);
          return chosen !== null && fitsAudience(chosen, event.person);
        },
        canChangePerson: ({ context }) => !context.personFromHost,
        isKnownProtocol: ({ context, event }) => {
          if (event.type !== 'REASON.SELECT') return false;
          const protocol = findProtocol(context, event.protocolId);
          return protocol !== null && fitsAudience(protocol, context.person) && (event.description === undefined || typeof event.description === 'string');
        },
        isRedFlagAnswer: ({ context, event }) =>
          event.type === 'ANSWER.SET' &&
          context.protocol !== null &&
          allRedFlags(context.protocol).some((f) => f.id === event.questionId) &&
          (event.value === 'yes' || event.value === 'no' || event.value === DONT_KNOW),
        isRedFlagSelection: ({ context, event }) => {
          if (event.type !== 'REDFLAGS.SET' || context.protocol === null || !Array.isArray(event.ids) || event.ids.length === 0) return false;
          const known = new Set(allRedFlags(context.protocol).map((f) => f.id));
          return event.ids.every((id) => typeof id === 'string' && known.has(id));
        },
        isPositiveRedFlagAnswer: ({ event }) =>
          event.type === 'ANSWER.SET' && (event.value === 'yes' || event.value === DONT_KNOW),
        hasPositiveRedFlag: ({ context }) => context.protocol !== null && decideRedFlags(context.protocol, context.redFlagAnswers) !== null,
        hasAllRedFlagsAnswered: ({ context }) =>
          context.protocol !== null && allRedFlags(context.protocol).every((f) => context.redFlagAnswers[f.id] !== undefined),
        hasQuestions: ({ context }) => questionPath(context).length > 0,
        isValidCurrentAnswer: ({ context, event }) => {
          if (event.type !== 'ANSWER.SET' || !context.protocol || event.questionId !== context.currentQuestionId) return false;
          const question = context.protocol.questions.find((q) => q.id === event.questionId);
          return question !== undefined && isValidAnswer(question, event.value);
        },
        hasCurrentAnswer: ({ context }) => context.currentQuestionId !== null && context.answers[context.currentQuestionId] !== undefined,
        hasNextQuestion: ({ context }) => nextQuestionId(context, context.currentQuestionId) !== null,
        hasPreviousQuestion: ({ context }) => previousQuestionId(context, context.currentQuestionId) !== null,
        hasReasonScreen: ({ context }) => !context.preselected,
        isDecidedByRedFlag: ({ context }) => context.decision?.reason.kind === 'red-flag',
        isHandoffDisposition: ({ context }) => context.decision !== null && isHandoffDisposition(context.decision.disposition),
      },
      actions: {
        setPerson: assign({ person: ({ context, event }) => (event.type === 'PERSON.SET' ? event.person : context.person) }),
        preparePreselected: assign(({ context }) => ({
          ...prepared(findProtocol(context, context.preselectedId ?? undefined)!, context.person),
          preselected: true,
          redFlagAnswers: {},
          currentQuestionId: null,
          decision: null,
        })),
        selectProtocol: assign(({ context, event }) =>
          event.type === 'REASON.SELECT'
            ? {
                ...prepared(findProtocol(context, event.protocolId)!, context.person),
                preselected: false,
                description: (event.description ?? '').trim().slice(0, MAX_DESCRIPTION_LENGTH),
                redFlagAnswers: {},
                currentQuestionId: null,
                decision: null,
              }
            : {},
        ),
        setRedFlagAnswer: assign({
          redFlagAnswers: ({ context, event }) =>
            event.type === 'ANSWER.SET' ? { ...context.redFlagAnswers, [event.questionId]: event.value as YesNoDontKnow } : context.redFlagAnswers,
        }),
        setRedFlagSelection: assign({
          redFlagAnswers: ({ context, event }) =>
            event.type === 'REDFLAGS.SET'
              ? Object.fromEntries(allRedFlags(context.protocol!).map((f) => [f.id, event.ids.includes(f.id) ? 'yes' : 'no'] as const))
              : context.redFlagAnswers,
        }),
        answerRemainingRedFlagsNo: assign({
          redFlagAnswers: ({ context }) => {
            const out = { ...context.redFlagAnswers };
            for (const f of allRedFlags(context.protocol!)) out[f.id] ??= 'no';
            return out;
          },
        }),
        setAnswer: assign({
          // Pruning here drops answers to questions this answer disables; answers further on that stay enabled are kept.
          answers: ({ context, event }) =>
            event.type === 'ANSWER.SET' ? pruneAnswers(context.protocol!, { ...context.answers, [event.questionId]: event.value }) : context.answers,
        }),
        goToFirstQuestion: assign({ currentQuestionId: ({ context }) => nextQuestionId(context, null) }),
        goToNextQuestion: assign({ currentQuestionId: ({ context }) => nextQuestionId(context, context.currentQuestionId) }),
        goToPreviousQuestion: assign({ currentQuestionId: ({ context }) => previousQuestionId(context, context.currentQuestionId) }),
        goToLastQuestion: assign({ currentQuestionId: ({ context }) => previousQuestionId(context, null) }),
        decideOutcome: assign({
          decision: ({ context }) => decide(context.protocol!, context.redFlagAnswers, context.answers),
          handoffFailed: false,
        }),
        clearOutcome: assign({ decision: null, handoffFailed: false }),
        markHandoffFailed: assign({ handoffFailed: true }),
        resetTriage: assign(({ context }) => ({
          // Back to the start: the host's own choices stay (its protocol, its person), the person's are cleared.
          ...(context.personFromHost && context.preselectedId && findProtocol(context, context.preselectedId) && fitsAudience(findProtocol(context, context.preselectedId)!, context.person)
            ? { ...prepared(findProtocol(context, context.preselectedId)!, context.person), preselected: true }
            : { protocol: null, answers: {}, preselected: false }),
          person: context.personFromHost ? context.person : null,
          description: '',
          redFlagAnswers: {},
          currentQuestionId: null,
          decision: null,
          handoffFailed: false,
          handoffSent: null,
          startedAt: Date.now(),
        })),
        setLocale: assign({ locale: ({ context, event }) => (event.type === 'LOCALE.SET' ? event.locale : context.locale) }),
        emitStepChanged: emit(({ context }, params: { step: TriageStep }) => ({
          type: 'triage.step-changed' as const,
          step: params.step,
          questionId: params.step === 'questions' ? context.currentQuestionId : null,
        })),
        emitCompleted: emit(({ context }) => ({
          type: 'triage.completed' as const,
          disposition: context.decision!.disposition,
          decision: context.decision!,
          fhir: fhirInput(context),
        })),
        emitHandoffRequested: emit(({ context }) => ({
          type: 'triage.handoff-requested' as const,
          disposition: context.decision!.disposition,
          fhir: fhirInput(context),
        })),
        emitCompletedAnalytics: emit(({ context }) => ({
          type: 'triage.analytics' as const,
          analytics: toAnalytics({
            kind: 'completed',
            protocol: context.protocol,
            step: 'outcome',
            questionId: null,
            stepNumber: stepNumber(context, 'outcome'),
            disposition: context.decision?.disposition ?? null,
            decidedBy: context.decision?.reason.kind ?? null,
            startedAt: context.startedAt,
            now: Date.now(),
          }),
        })),
        emitAbandonedAnalytics: emit(({ context, self }) => {
          // ABANDON is a root transition without a target, so the snapshot still shows where the person was.
          const step = currentStep(self.getSnapshot().value);
          return {
            type: 'triage.analytics' as const,
            analytics: toAnalytics({
              kind: 'abandoned',
              protocol: context.protocol,
              step,
              questionId: context.currentQuestionId,
              stepNumber: stepNumber(context, step),
              disposition: context.decision?.disposition ?? null,
              decidedBy: context.decision?.reason.kind ?? null,
              startedAt: context.startedAt,
              now: Date.now(),
            }),
          };
        }),
      },
    },
  );

export type TriageMachine = ReturnType<typeof createTriageMachine>;

/** The triage machine. Pure: a bundle that does not use it (the element builds its own on demand) drops it. */
export const triageMachine: TriageMachine = /* @__PURE__ */ createTriageMachine();

/**
 * The persisted snapshot a fresh actor starts in, computed without XState: equal to
 * `createActor(triageMachine, { input }).start().getPersistedSnapshot()` (tested). The element paints its first
 * screen from this and builds the actor on first use, resumed from it: XState's start-up is most of the
 * red-flag screen's script time. Resuming skips the first state's entry, so its `triage.step-changed` is the
 * element's to send.
 */
export function initialTriageSnapshot(input: TriageInput) {
  const context = initialContext(input);
  return {
    status: 'active' as const,
    output: undefined,
    error: undefined,
    value: (context.protocol ? 'redFlags' : context.person ? 'choosingReason' : 'choosingPerson') as TriageStep,
    historyValue: {},
    context,
    children: {},
  };
}

/** The flow step a state value stands for. */
export function currentStep(value: unknown): TriageStep {
  const v = typeof value === 'string' ? value : 'choosingPerson';
  return v === 'starting' ? 'choosingPerson' : (v as TriageStep);
}

