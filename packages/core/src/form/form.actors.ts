/**
 * The form machine's four actors built on a `HealthStore`:
 * `formMachine.provide({ actors: formActorsFromStore(store, { resolveQuestionnaire }) })`.
 */
import type { Observation, Questionnaire, QuestionnaireResponse } from 'fhir/r4';
import { fromPromise } from 'xstate';
import { extractObservations } from '../fhir/extract.js';
import type { Draft, HealthStore } from '../store/store.types.js';
import { HK } from './form.rules.js';
import type { LoadDraftInput, LoadFormInput, LoadFormOutput, SaveDraftInput, SaveDraftOutput, SubmitInput, SubmitOutput } from './form.types.js';
import { canonicalOf } from './reuse.rules.js';

export interface FormActorOptions {
  /**
   * Finds a Questionnaire by canonical URL: the form itself when the host gave only its URL, and the
   * Questionnaires of earlier responses (needed to reuse answers across forms by item code).
   */
  resolveQuestionnaire?: (canonical: string) => Promise<Questionnaire | undefined>;
  /** How many earlier responses and Observations to look at (newest first). Default 100 each. */
  reuseLimit?: number;
  /** Epoch ms now; tests pass a fixed clock. */
  now?: () => number;
}

function loadError(message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code: 'invalid' });
}

/**
 * Store a submission: the response (conditional create on its identifier, so a retry after a lost reply does not
 * store it twice), then the Observations extracted from it (each with its own identifier), then delete the draft.
 */
export async function submitToStore(store: HealthStore, input: SubmitInput): Promise<SubmitOutput> {
  const identifier = input.response.identifier;
  const stored = await store.put(input.response, identifier?.value ? { ifNoneExist: { identifier: `${identifier.system ?? ''}|${identifier.value}` } } : undefined);
  const extracted = extractObservations(input.questionnaire, stored);
  const observations: Observation[] = [];
  if (extracted.ok) {
    let n = 0;
    for (const o of extracted.value.observations) {
      n++;
      // a retried submit finds these again instead of storing them twice
      const value = `${identifier?.value ?? stored.id}/${n}`;
      const obs: Observation = { ...o, identifier: [{ system: `${HK.submissionSystem}/observation`, value }] };
      if (!input.consent.keepForReuse) obs.meta = { tag: [{ system: HK.reuseTagSystem, code: 'no-reuse' }] };
      observations.push(await store.put(obs, { ifNoneExist: { identifier: `${HK.submissionSystem}/observation|${value}` } }));
    }
  }
  // the answers are stored: the draft has done its job (a failure here must not fail the submit)
  await store.deleteDraft(input.draftKey).catch(() => undefined);
  return { response: stored, observations };
}

/**
 * What the `loadForm` actor does: the Questionnaire (given, or found with `resolveQuestionnaire`), the draft, and
 * the subject's earlier responses and Observations (with their Questionnaires) for reuse.
 */
export async function loadFormFromStore(store: HealthStore, options: FormActorOptions, { input, draftKey }: LoadFormInput): Promise<LoadFormOutput> {
  const now = options.now ?? (() => Date.now());
  const limit = options.reuseLimit ?? 100;
  const questionnaire = input.questionnaire ?? (await options.resolveQuestionnaire?.(input.questionnaireUrl));
  if (!questionnaire) throw loadError(`Questionnaire ${input.questionnaireUrl} not found`);
  const draft = await store.loadDraft(draftKey);
  let responses: QuestionnaireResponse[] = [];
  let observations: Observation[] = [];
  const questionnaires: Record<string, Questionnaire> = {};
  const own = canonicalOf(questionnaire.url);
  if (own) questionnaires[own] = questionnaire;
  // reuse needs to know whose answers they are: without a subject nothing is looked up
  if (input.reuse?.enabled !== false && input.subject) {
    const subject = input.subject.reference;
    [responses, observations] = await Promise.all([
      store.search('QuestionnaireResponse', { subject, count: limit }).then((p) => p.items),
      store.search('Observation', { subject, count: limit }).then((p) => p.items),
    ]);
    const wanted = new Set(responses.map((r) => canonicalOf(r.questionnaire)).filter((c): c is string => c !== undefined && !(c in questionnaires)));
    if (options.resolveQuestionnaire) {
      await Promise.all(
        [...wanted].map(async (c) => {
          const q = await options.resolveQuestionnaire!(c).catch(() => undefined);
          if (q) questionnaires[c] = q;
        }),
      );
    }
  }
  return { questionnaire, responses, observations, questionnaires, ...(draft ? { draft } : {}), now: now() };
}

export function formActorsFromStore(store: HealthStore, options: FormActorOptions = {}) {
  const now = options.now ?? (() => Date.now());
  return {
    loadForm: fromPromise<LoadFormOutput, LoadFormInput>(({ input }) => loadFormFromStore(store, options, input)),

    saveDraft: fromPromise<SaveDraftOutput, SaveDraftInput>(async ({ input }) => {
      const version = await store.saveDraft(input.key, input.response, input.expectedVersion);
      return { version, savedAt: new Date(now()).toISOString() };
    }),

    loadDraft: fromPromise<Draft | undefined, LoadDraftInput>(({ input }) => store.loadDraft(input.key)),

    submit: fromPromise<SubmitOutput, SubmitInput>(({ input }) => submitToStore(store, input)),
  };
}
