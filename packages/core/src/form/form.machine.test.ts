import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Questionnaire, QuestionnaireResponse, QuestionnaireResponseItem } from 'fhir/r4';
import { createActor, fromPromise, SimulatedClock, waitFor, type AnyActorRef } from 'xstate';
import { MemoryStore } from '../store/memory.store.js';
import { StoreError, type HealthStore } from '../store/store.types.js';
import { formActorsFromStore, submitToStore } from './form.actors.js';
import { examplePatient, gpIntakeForm, preConsultationForm } from './form.fixtures.js';
import { formMachine } from './form.machine.js';
import type { FormEmitted, FormInput, SubmitInput, SubmitOutput } from './form.types.js';

const NOW = Date.parse('2026-06-01T10:00:00Z');
const patientRef = { reference: 'Patient/p1', display: 'Kari Nordmann' };
const forms: Record<string, Questionnaire> = {
  [gpIntakeForm.url!]: gpIntakeForm,
  [preConsultationForm.url!]: preConsultationForm,
};

const tick = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

function start(store: HealthStore, input: Partial<FormInput> & { questionnaireUrl: string }, options: { snapshot?: unknown; actors?: Record<string, unknown> } = {}) {
  const clock = new SimulatedClock();
  const actors = { ...formActorsFromStore(store, { resolveQuestionnaire: async (c) => forms[c], now: () => NOW }), ...(options.actors ?? {}) };
  const machine = formMachine.provide({ actors: actors as never });
  const actor = createActor(machine, { input: { subject: patientRef, ...input } as FormInput, clock, ...(options.snapshot ? { snapshot: options.snapshot as never } : {}) });
  const emitted: FormEmitted[] = [];
  actor.on('*', (e) => emitted.push(e as FormEmitted));
  actor.start();
  return { actor, clock, emitted };
}

const flow = (actor: AnyActorRef) => (actor.getSnapshot().value as { flow: string }).flow;
const autosave = (actor: AnyActorRef) => JSON.stringify((actor.getSnapshot().value as { autosave: unknown }).autosave);
const inFlow = (actor: AnyActorRef, state: string) => waitFor(actor, (s) => (s.value as { flow: string }).flow === state, { timeout: 2000 });

function answersOf(r: QuestionnaireResponse): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (items: QuestionnaireResponseItem[] | undefined) => {
    for (const it of items ?? []) {
      if (it.answer) out[it.linkId] = it.answer.map((a) => Object.values(a).find((v) => v !== undefined && typeof v !== 'object') ?? (a.valueCoding?.code ?? a.valueQuantity?.value));
      walk(it.item);
    }
  };
  walk(r.item);
  return out;
}

/** Fill form B from the start to review. */
async function fillB(actor: AnyActorRef) {
  actor.send({ type: 'SET.VALUE', linkId: 'fodselsnummer', value: '01018099957' });
  actor.send({ type: 'PAGE.NEXT' });
  actor.send({ type: 'SET.VALUE', linkId: 'allergies', value: false });
  actor.send({ type: 'PAGE.NEXT' });
  actor.send({ type: 'SET.VALUE', linkId: 'complaint', value: 'Vondt i kneet' });
  actor.send({ type: 'PAGE.NEXT' });
}

async function submitFromReview(actor: AnyActorRef, consent = { share: true, keepForReuse: true }) {
  actor.send({ type: 'REVIEW.CONFIRM' });
  actor.send({ type: 'CONSENT.SET', ...consent });
  actor.send({ type: 'SUBMIT' });
  actor.send({ type: 'SUBMIT.CONFIRM' });
}

describe('form machine: the whole flow', () => {
  it('loads, pages with validation, reviews, edits from review, consents, and submits with a receipt', async () => {
    const store = new MemoryStore();
    const { actor, emitted } = start(store, { questionnaireUrl: preConsultationForm.url! });
    await inFlow(actor, 'filling');
    assert.deepEqual(emitted[0], { type: 'form.loaded', pageCount: 3, prefillCount: 0, resumed: false });

    actor.send({ type: 'PAGE.NEXT' }); // fødselsnummer is required
    assert.equal(flow(actor), 'filling');
    assert.equal(actor.getSnapshot().context.pageIndex, 0);
    assert.equal(actor.getSnapshot().context.showErrors, true);

    actor.send({ type: 'SET.VALUE', linkId: 'fodselsnummer', value: '01018099958' }); // wrong checksum
    actor.send({ type: 'PAGE.NEXT' });
    assert.equal(actor.getSnapshot().context.pageIndex, 0);

    actor.send({ type: 'SET.VALUE', linkId: 'fodselsnummer', value: '01018099957' });
    actor.send({ type: 'PAGE.NEXT' });
    assert.equal(actor.getSnapshot().context.pageIndex, 1);
    actor.send({ type: 'SET.VALUE', linkId: 'allergies', value: true });
    actor.send({ type: 'SET.VALUE', linkId: 'allergyList', value: 'Nøtter' });
    actor.send({ type: 'SET.VALUE', linkId: 'internalNote', value: 'should never leave' });
    actor.send({ type: 'PAGE.NEXT' });
    actor.send({ type: 'PAGE.PREV' });
    assert.equal(actor.getSnapshot().context.pageIndex, 1);
    actor.send({ type: 'PAGE.NEXT' });
    actor.send({ type: 'PAGE.NEXT' }); // complaint missing
    assert.equal(flow(actor), 'filling');
    actor.send({ type: 'SET.VALUE', linkId: 'complaint', value: 'Vondt i kneet' });
    actor.send({ type: 'PAGE.NEXT' });
    assert.equal(flow(actor), 'review');

    actor.send({ type: 'REVIEW.EDIT', linkId: 'allergyList' });
    assert.equal(flow(actor), 'filling');
    assert.equal(actor.getSnapshot().context.pageIndex, 1);
    assert.equal(actor.getSnapshot().context.returnToReview, true);
    actor.send({ type: 'SET.VALUE', linkId: 'allergies', value: false }); // allergyList is now disabled
    actor.send({ type: 'REVIEW.RETURN' });
    assert.equal(flow(actor), 'review');

    actor.send({ type: 'REVIEW.CONFIRM' });
    assert.equal(flow(actor), 'consent');
    actor.send({ type: 'SUBMIT' }); // no consent yet
    assert.equal(flow(actor), 'consent');
    actor.send({ type: 'CONSENT.SET', share: true, keepForReuse: true });
    actor.send({ type: 'SUBMIT' });
    assert.equal(flow(actor), 'confirmingSubmit');
    const requested = emitted.find((e) => e.type === 'form.submit-requested');
    assert.ok(requested && requested.type === 'form.submit-requested');
    assert.equal(requested.response.status, 'completed');

    actor.send({ type: 'SUBMIT.CONFIRM' });
    await inFlow(actor, 'submitted');
    const { receipt, submitted } = actor.getSnapshot().context;
    assert.ok(receipt?.responseId);
    assert.ok(receipt.submittedAt);
    const stored = await store.get('QuestionnaireResponse', receipt.responseId);
    const answers = answersOf(stored);
    assert.deepEqual(Object.keys(answers).sort(), ['allergies', 'complaint', 'fodselsnummer']);
    assert.equal(answers.allergyList, undefined, 'disabled answer left out');
    assert.equal(answers.internalNote, undefined, 'hidden answer left out');
    assert.equal(stored.subject?.reference, 'Patient/p1');
    assert.equal(stored.source?.reference, 'Patient/p1');
    assert.equal(stored._questionnaire?.extension?.[0]?.valueString, 'Før timen på poliklinikken');
    assert.ok(submitted);
    assert.ok(emitted.some((e) => e.type === 'form.submitted'));
    assert.equal(await store.loadDraft({ questionnaire: preConsultationForm.url!, subject: 'Patient/p1' }), undefined, 'draft deleted');
    actor.stop();
  });

  it('a vetoed hk-submit (SUBMIT.CANCEL) stores nothing and returns to consent', async () => {
    const store = new MemoryStore();
    const { actor } = start(store, { questionnaireUrl: preConsultationForm.url! });
    await inFlow(actor, 'filling');
    await fillB(actor);
    actor.send({ type: 'REVIEW.CONFIRM' });
    actor.send({ type: 'CONSENT.SET', share: true, keepForReuse: false });
    actor.send({ type: 'SUBMIT' });
    actor.send({ type: 'SUBMIT.CANCEL', reason: 'host validation' });
    assert.equal(flow(actor), 'consent');
    assert.equal(actor.getSnapshot().context.pending, undefined);
    assert.equal((await store.search('QuestionnaireResponse')).items.length, 0);
    actor.stop();
  });

  it('REVIEW.CONFIRM with an invalid form goes to the first invalid page; PAGE.GOTO only goes back', async () => {
    const store = new MemoryStore();
    const { actor } = start(store, { questionnaireUrl: preConsultationForm.url! });
    await inFlow(actor, 'filling');
    actor.send({ type: 'PAGE.GOTO', index: 2 });
    assert.equal(actor.getSnapshot().context.pageIndex, 0);
    await fillB(actor);
    actor.send({ type: 'REVIEW.EDIT', linkId: 'fodselsnummer' });
    actor.send({ type: 'SET.VALUE', linkId: 'fodselsnummer', value: null });
    actor.send({ type: 'REVIEW.RETURN' });
    assert.equal(flow(actor), 'filling');
    assert.equal(actor.getSnapshot().context.showErrors, true);
    actor.stop();
  });

  it('one question per page', async () => {
    const store = new MemoryStore();
    const { actor, emitted } = start(store, { questionnaireUrl: preConsultationForm.url!, onePerPage: true });
    await inFlow(actor, 'filling');
    const loaded = emitted.find((e) => e.type === 'form.loaded');
    // name, fodselsnummer, gp, smoker, height, weight, allergies, complaint (allergyList disabled, internalNote hidden)
    assert.equal(loaded?.type === 'form.loaded' && loaded.pageCount, 8);
    actor.send({ type: 'PAGE.NEXT' });
    assert.equal(actor.getSnapshot().context.pageIndex, 1);
    actor.send({ type: 'PAGE.NEXT' }); // fodselsnummer required
    assert.equal(actor.getSnapshot().context.pageIndex, 1);
    actor.stop();
  });

  it('a load failure can be retried', async () => {
    const store = new MemoryStore();
    let calls = 0;
    const { actor, emitted } = start(store, { questionnaireUrl: 'https://example.org/missing' }, {
      actors: {
        loadForm: fromPromise(async () => {
          calls++;
          if (calls === 1) throw new StoreError('server', 'boom');
          return { questionnaire: preConsultationForm, responses: [], observations: [], questionnaires: {}, now: NOW };
        }),
      },
    });
    await inFlow(actor, 'loadFailed');
    assert.ok(emitted.some((e) => e.type === 'form.failed' && e.reason === 'server'));
    actor.send({ type: 'RETRY' });
    await inFlow(actor, 'filling');
    actor.stop();
  });
});

describe('form machine: autosave', () => {
  it('debounces changes and saves once, with the version', async () => {
    const store = new MemoryStore();
    const { actor, clock, emitted } = start(store, { questionnaireUrl: preConsultationForm.url! });
    await inFlow(actor, 'filling');
    actor.send({ type: 'SET.VALUE', linkId: 'name', value: 'K' });
    clock.increment(500);
    actor.send({ type: 'SET.VALUE', linkId: 'name', value: 'Ka' });
    clock.increment(500);
    actor.send({ type: 'SET.VALUE', linkId: 'name', value: 'Kari' });
    clock.increment(799);
    await tick();
    assert.equal(autosave(actor), '"pending"');
    assert.equal(emitted.filter((e) => e.type === 'form.draft-saved').length, 0);
    clock.increment(1);
    await tick();
    assert.equal(autosave(actor), '"saved"');
    const saved = emitted.filter((e) => e.type === 'form.draft-saved');
    assert.equal(saved.length, 1);
    const draft = await store.loadDraft({ questionnaire: preConsultationForm.url!, subject: 'Patient/p1' });
    assert.equal(draft?.version, actor.getSnapshot().context.draft.version);
    assert.equal(draft?.response.item?.[0]?.item?.[0]?.answer?.[0]?.valueString, 'Kari');
    actor.stop();
  });

  it('a change during a save is saved right after it', async () => {
    const store = new MemoryStore();
    let release: (() => void) | undefined;
    const inner = formActorsFromStore(store, { now: () => NOW });
    const { actor, clock } = start(store, { questionnaireUrl: preConsultationForm.url!, questionnaire: preConsultationForm }, {
      actors: {
        saveDraft: fromPromise<{ version: string; savedAt: string }, { key: never; response: never; expectedVersion: string | null }>(async ({ input }) => {
          await new Promise<void>((r) => (release = r));
          const version = await store.saveDraft(input.key, input.response, input.expectedVersion);
          return { version, savedAt: new Date(NOW).toISOString() };
        }),
        loadDraft: inner.loadDraft,
      },
    });
    await inFlow(actor, 'filling');
    actor.send({ type: 'SET.VALUE', linkId: 'name', value: 'A' });
    clock.increment(800);
    await tick();
    assert.equal(autosave(actor), '"saving"');
    actor.send({ type: 'SET.VALUE', linkId: 'name', value: 'AB' });
    release!();
    await tick();
    assert.equal(autosave(actor), '"pending"');
    clock.increment(800);
    await tick();
    release!();
    await tick();
    assert.equal(autosave(actor), '"saved"');
    const draft = await store.loadDraft({ questionnaire: preConsultationForm.url!, subject: 'Patient/p1' });
    assert.equal(draft?.response.item?.[0]?.item?.[0]?.answer?.[0]?.valueString, 'AB');
    actor.stop();
  });

  it('a reload resumes from the stored draft: page and answers', async () => {
    const store = new MemoryStore();
    const first = start(store, { questionnaireUrl: preConsultationForm.url! });
    await inFlow(first.actor, 'filling');
    first.actor.send({ type: 'SET.VALUE', linkId: 'fodselsnummer', value: '01018099957' });
    first.actor.send({ type: 'PAGE.NEXT' });
    first.actor.send({ type: 'SET.VALUE', linkId: 'height', value: 172 });
    first.clock.increment(800);
    await tick();
    first.actor.stop();
    const second = start(store, { questionnaireUrl: preConsultationForm.url! });
    await inFlow(second.actor, 'filling');
    const ctx = second.actor.getSnapshot().context;
    assert.equal(ctx.pageIndex, 1);
    assert.deepEqual(ctx.answers, { fodselsnummer: '01018099957', height: 172 });
    assert.ok(second.emitted.some((e) => e.type === 'form.loaded' && e.resumed));
    second.actor.stop();
  });
});

describe('form machine: a second writer', () => {
  it('a conflict never overwrites silently: load theirs, or keep mine knowingly', async () => {
    const store = new MemoryStore();
    const a = start(store, { questionnaireUrl: preConsultationForm.url! });
    const b = start(store, { questionnaireUrl: preConsultationForm.url! });
    await inFlow(a.actor, 'filling');
    await inFlow(b.actor, 'filling');
    a.actor.send({ type: 'SET.VALUE', linkId: 'name', value: 'From tab A' });
    a.clock.increment(800);
    await tick();
    assert.equal(autosave(a.actor), '"saved"');

    b.actor.send({ type: 'SET.VALUE', linkId: 'name', value: 'From tab B' });
    b.clock.increment(800);
    await tick(10);
    assert.equal(autosave(b.actor), JSON.stringify({ conflict: 'deciding' }));
    assert.ok(b.emitted.some((e) => e.type === 'form.conflict' && e.theirVersion === a.actor.getSnapshot().context.draft.version));
    assert.deepEqual(b.actor.getSnapshot().context.conflict?.answers, { name: 'From tab A' });
    const key = { questionnaire: preConsultationForm.url!, subject: 'Patient/p1' };
    assert.equal((await store.loadDraft(key))?.response.item?.[0]?.item?.[0]?.answer?.[0]?.valueString, 'From tab A', 'not overwritten');

    // tab B chooses to keep its own answers
    b.actor.send({ type: 'CONFLICT.KEEP_MINE' });
    await tick();
    assert.equal(autosave(b.actor), '"saved"');
    assert.equal((await store.loadDraft(key))?.response.item?.[0]?.item?.[0]?.answer?.[0]?.valueString, 'From tab B');

    // tab A now meets the newer draft and takes it
    a.actor.send({ type: 'SET.VALUE', linkId: 'gp', value: 'x' });
    a.clock.increment(800);
    await tick(10);
    assert.equal(autosave(a.actor), JSON.stringify({ conflict: 'deciding' }));
    a.actor.send({ type: 'CONFLICT.LOAD_THEIRS' });
    assert.deepEqual(a.actor.getSnapshot().context.answers, { name: 'From tab B' });
    assert.equal(a.actor.getSnapshot().context.conflict, undefined);
    assert.equal(a.actor.getSnapshot().context.draft.version, b.actor.getSnapshot().context.draft.version);
    a.actor.stop();
    b.actor.stop();
  });
});

describe('form machine: offline', () => {
  it('submit waits for the connection, retries with backoff and on CONNECTION.ONLINE, answers intact', async () => {
    const store = new MemoryStore();
    let online = false;
    let attempts = 0;
    const { actor, clock, emitted } = start(store, { questionnaireUrl: preConsultationForm.url!, retry: { baseMs: 1000, maxMs: 4000 } }, {
      actors: {
        submit: fromPromise<SubmitOutput, SubmitInput>(async (args) => {
          attempts++;
          if (!online) throw new StoreError('network', 'offline');
          return submitToStore(store, args.input);
        }),
      },
    });
    await inFlow(actor, 'filling');
    await fillB(actor);
    const before = structuredClone(actor.getSnapshot().context.answers);
    await submitFromReview(actor);
    await inFlow(actor, 'waitingForConnection');
    assert.equal(attempts, 1);
    assert.ok(emitted.some((e) => e.type === 'form.waiting-for-connection' && e.retryInMs === 1000));
    clock.increment(1000);
    await inFlow(actor, 'waitingForConnection');
    await tick();
    assert.equal(attempts, 2);
    assert.equal(actor.getSnapshot().context.submitFailures, 2);
    assert.deepEqual(actor.getSnapshot().context.answers, before);
    online = true;
    actor.send({ type: 'CONNECTION.ONLINE' });
    await inFlow(actor, 'submitted');
    assert.equal(attempts, 3);
    assert.equal((await store.search('QuestionnaireResponse')).items.length, 1);
    actor.stop();
  });

  it('a refused submit fails with a reason; RETRY keeps the answers', async () => {
    const store = new MemoryStore();
    let refuse = true;
    const { actor, emitted } = start(store, { questionnaireUrl: preConsultationForm.url! }, {
      actors: {
        submit: fromPromise<SubmitOutput, SubmitInput>(async (args) => {
          if (refuse) throw new StoreError('forbidden', 'no');
          return submitToStore(store, args.input);
        }),
      },
    });
    await inFlow(actor, 'filling');
    await fillB(actor);
    await submitFromReview(actor);
    await inFlow(actor, 'failed');
    assert.ok(emitted.some((e) => e.type === 'form.failed' && e.reason === 'forbidden'));
    assert.equal(actor.getSnapshot().context.answers.complaint, 'Vondt i kneet');
    refuse = false;
    actor.send({ type: 'RETRY' });
    await inFlow(actor, 'submitted');
    actor.stop();
  });

  it('autosave goes offline and saves when the connection is back', async () => {
    const store = new MemoryStore();
    let online = false;
    const { actor, clock } = start(store, { questionnaireUrl: preConsultationForm.url!, retry: { baseMs: 1000 } }, {
      actors: {
        saveDraft: fromPromise<{ version: string; savedAt: string }, { key: never; response: never; expectedVersion: string | null }>(async ({ input }) => {
          if (!online) throw new StoreError('network', 'offline');
          return { version: await store.saveDraft(input.key, input.response, input.expectedVersion), savedAt: new Date(NOW).toISOString() };
        }),
      },
    });
    await inFlow(actor, 'filling');
    actor.send({ type: 'SET.VALUE', linkId: 'name', value: 'Kari' });
    clock.increment(800);
    await tick();
    assert.equal(autosave(actor), '"offline"');
    online = true;
    actor.send({ type: 'CONNECTION.ONLINE' });
    await tick();
    assert.equal(autosave(actor), '"saved"');
    actor.stop();
  });
});

describe('form machine: persisted snapshot', () => {
  it('survives JSON and restores page, answers and prefill decisions', async () => {
    const store = new MemoryStore();
    const { actor } = start(store, { questionnaireUrl: preConsultationForm.url!, patient: examplePatient });
    await inFlow(actor, 'prefillReview');
    actor.send({ type: 'PREFILL.KEEP', linkId: 'fodselsnummer' });
    actor.send({ type: 'PREFILL.CLEAR', linkId: 'gp' });
    actor.send({ type: 'PREFILL.DONE' });
    actor.send({ type: 'PAGE.NEXT' });
    actor.send({ type: 'SET.VALUE', linkId: 'smoker', value: 'never' });
    const json = JSON.stringify(actor.getPersistedSnapshot());
    actor.stop();

    const restored = start(store, { questionnaireUrl: preConsultationForm.url! }, { snapshot: JSON.parse(json) });
    const ctx = restored.actor.getSnapshot().context;
    assert.equal(flow(restored.actor), 'filling');
    assert.equal(ctx.pageIndex, 1);
    assert.equal(ctx.answers.smoker, 'never');
    assert.equal(ctx.answers.fodselsnummer, '01018099957');
    assert.equal(ctx.prefill.gp?.state, 'cleared');
    assert.equal(ctx.prefill.name?.state, 'offered');
    restored.actor.send({ type: 'PAGE.PREV' });
    assert.equal(restored.actor.getSnapshot().context.pageIndex, 0);
    restored.actor.stop();
  });
});

describe('form machine: restoring in the middle of things', () => {
  it('a snapshot taken while an autosave was pending saves on DRAFT.FLUSH (timers are not persisted)', async () => {
    const store = new MemoryStore();
    const { actor } = start(store, { questionnaireUrl: preConsultationForm.url! });
    await inFlow(actor, 'filling');
    actor.send({ type: 'SET.VALUE', linkId: 'name', value: 'Kari' });
    const snap = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();
    const restored = start(store, { questionnaireUrl: preConsultationForm.url! }, { snapshot: snap });
    assert.equal(autosave(restored.actor), '"pending"');
    restored.actor.send({ type: 'DRAFT.FLUSH' });
    await tick();
    assert.equal(autosave(restored.actor), '"saved"');
    assert.equal((await store.loadDraft({ questionnaire: preConsultationForm.url!, subject: 'Patient/p1' }))?.response.item?.[0]?.item?.[0]?.answer?.[0]?.valueString, 'Kari');
    restored.actor.stop();
  });

  it('a snapshot taken while submitting submits again on restore, and the identifier keeps it single', async () => {
    const store = new MemoryStore();
    let hang = true;
    const submit = fromPromise<SubmitOutput, SubmitInput>(async ({ input }) => {
      const stored = await submitToStore(store, input);
      if (hang) return new Promise<SubmitOutput>(() => undefined); // stored, but the reply is lost
      return stored;
    });
    const { actor } = start(store, { questionnaireUrl: preConsultationForm.url! }, { actors: { submit } });
    await inFlow(actor, 'filling');
    await fillB(actor);
    await submitFromReview(actor);
    await tick();
    assert.equal(flow(actor), 'submitting');
    const snap = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();
    hang = false;
    const restored = start(store, { questionnaireUrl: preConsultationForm.url! }, { snapshot: snap, actors: { submit } });
    await inFlow(restored.actor, 'submitted');
    assert.equal((await store.search('QuestionnaireResponse')).items.length, 1);
    restored.actor.stop();
  });
});

describe('form machine: on behalf', () => {
  it('author and source are the filler; subject is the patient', async () => {
    const store = new MemoryStore();
    const filler = { reference: 'RelatedPerson/rp1', display: 'Ola Nordmann', relationship: 'FTH' };
    const { actor } = start(store, { questionnaireUrl: preConsultationForm.url!, filler });
    await inFlow(actor, 'filling');
    await fillB(actor);
    await submitFromReview(actor);
    await inFlow(actor, 'submitted');
    const r = actor.getSnapshot().context.submitted!.response;
    assert.deepEqual(r.subject, { reference: 'Patient/p1', display: 'Kari Nordmann' });
    assert.deepEqual(r.author, { reference: 'RelatedPerson/rp1', display: 'Ola Nordmann' });
    assert.deepEqual(r.source, { reference: 'RelatedPerson/rp1', display: 'Ola Nordmann' });
    assert.ok(r.extension?.some((e) => e.valueString === 'FTH'));
    actor.stop();
  });
});

describe('form machine: what the element relies on', () => {
  it('a host that takes over hk-submit (SUBMIT.HANDLED): nothing stored, a receipt for the response as built', async () => {
    const store = new MemoryStore();
    const { actor } = start(store, { questionnaireUrl: preConsultationForm.url! });
    await inFlow(actor, 'filling');
    await fillB(actor);
    actor.send({ type: 'REVIEW.CONFIRM' });
    actor.send({ type: 'CONSENT.SET', share: true, keepForReuse: false });
    actor.send({ type: 'SUBMIT' });
    actor.send({ type: 'SUBMIT.HANDLED' });
    assert.equal(flow(actor), 'submitted');
    const ctx = actor.getSnapshot().context;
    assert.equal(ctx.pending, undefined);
    assert.equal(ctx.submitted?.response.status, 'completed');
    assert.ok(ctx.receipt?.submittedAt);
    assert.equal((await store.search('QuestionnaireResponse')).items.length, 0);
    actor.stop();
  });

  it('SUBMIT without consent stays, says why (showErrors) and emits form.invalid; BACK clears it', async () => {
    const store = new MemoryStore();
    const { actor, emitted } = start(store, { questionnaireUrl: preConsultationForm.url! });
    await inFlow(actor, 'filling');
    await fillB(actor);
    actor.send({ type: 'REVIEW.CONFIRM' });
    actor.send({ type: 'SUBMIT' });
    assert.equal(flow(actor), 'consent');
    assert.equal(actor.getSnapshot().context.showErrors, true);
    assert.deepEqual(emitted.filter((e) => e.type === 'form.invalid'), [{ type: 'form.invalid', count: 0 }]);
    actor.send({ type: 'BACK' });
    assert.equal(flow(actor), 'review');
    assert.equal(actor.getSnapshot().context.showErrors, false);
    actor.stop();
  });

  it('PAGE.NEXT on an invalid page emits form.invalid with the number of fields', async () => {
    const { actor, emitted } = start(new MemoryStore(), { questionnaireUrl: preConsultationForm.url! });
    await inFlow(actor, 'filling');
    actor.send({ type: 'PAGE.NEXT' });
    assert.deepEqual(emitted.filter((e) => e.type === 'form.invalid'), [{ type: 'form.invalid', count: 1 }]);
    actor.stop();
  });

  it('starts from the form engine\'s initial answers without a draft; a draft wins over them', async () => {
    const store = new MemoryStore();
    const withInitial = (base: ReturnType<typeof formActorsFromStore>) =>
      fromPromise(async ({ input }: { input: never }) => {
        const out = await new Promise((resolve, reject) => {
          const a = createActor(base.loadForm, { input }).start();
          a.subscribe({ complete: () => resolve(a.getSnapshot().output), error: reject });
        });
        return { ...(out as object), initialAnswers: { gp: 'Lege Lise Legesen' } };
      });
    const fresh = start(store, { questionnaireUrl: preConsultationForm.url!, reuse: { enabled: false } }, { actors: { loadForm: withInitial(formActorsFromStore(store, { resolveQuestionnaire: async (c) => forms[c] })) } });
    await inFlow(fresh.actor, 'filling');
    assert.deepEqual(fresh.actor.getSnapshot().context.answers, { gp: 'Lege Lise Legesen' });
    fresh.actor.send({ type: 'SET.VALUE', linkId: 'gp', value: 'Annen lege' });
    fresh.actor.send({ type: 'DRAFT.FLUSH' });
    await waitFor(fresh.actor, (s) => (s.value as { autosave: string }).autosave === 'saved', { timeout: 2000 });
    fresh.actor.stop();
    const again = start(store, { questionnaireUrl: preConsultationForm.url!, reuse: { enabled: false } }, { actors: { loadForm: withInitial(formActorsFromStore(store, { resolveQuestionnaire: async (c) => forms[c] })) } });
    await inFlow(again.actor, 'filling');
    assert.equal(again.actor.getSnapshot().context.answers.gp, 'Annen lege');
    again.actor.stop();
  });

  it('a scored instrument (PHQ-9) is never prefilled from earlier answers', async () => {
    const store = new MemoryStore();
    const phq: Questionnaire = {
      resourceType: 'Questionnaire',
      url: 'https://example.org/fhir/Questionnaire/phq9',
      status: 'active',
      code: [{ system: 'http://loinc.org', code: '44249-1' }],
      item: [{ linkId: 'q1', type: 'choice', text: 'Lite interesse', answerOption: [{ valueCoding: { code: '0', display: 'Ikke i det hele tatt' } }, { valueCoding: { code: '1', display: 'Flere dager' } }] }],
    };
    forms[phq.url!] = phq;
    await store.put({ resourceType: 'QuestionnaireResponse', status: 'completed', questionnaire: phq.url, subject: patientRef, authored: new Date(Date.now() - 86_400_000).toISOString(), item: [{ linkId: 'q1', answer: [{ valueCoding: { code: '1' } }] }] });
    const { actor } = start(store, { questionnaireUrl: phq.url! });
    await inFlow(actor, 'filling');
    assert.deepEqual(actor.getSnapshot().context.prefill, {});
    actor.stop();
  });
});
