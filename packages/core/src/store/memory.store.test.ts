import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Flag, Observation, QuestionnaireResponse } from 'fhir/r4';
import { collectPages, MemoryStore, StoreError } from './index.js';

const PHQ9 = 'https://helsekit.no/fhir/Questionnaire/phq-9';

function response(subject: string, authored: string, answer = 'Flere dager'): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    status: 'completed',
    questionnaire: `${PHQ9}|1.0.0`,
    subject: { reference: subject },
    authored,
    item: [{ linkId: 'q1', answer: [{ valueString: answer }] }],
  };
}

function pulse(subject: string, when: string, value: number): Observation {
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
    subject: { reference: subject },
    effectiveDateTime: when,
    valueQuantity: { value, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
  };
}

async function rejects(promise: Promise<unknown>, code: StoreError['code']): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof StoreError && error.code === code);
}

describe('MemoryStore resources', () => {
  it('creates with an id and version 1, and copies in and out', async () => {
    const store = new MemoryStore();
    const input = response('Patient/a', '2026-05-01T10:00:00Z');
    const saved = await store.put(input);
    assert.ok(saved.id);
    assert.equal(saved.meta?.versionId, '1');
    assert.equal(input.id, undefined, 'the input is not mutated');
    saved.item![0]!.answer![0]!.valueString = 'changed';
    const read = await store.get('QuestionnaireResponse', saved.id!);
    assert.equal(read.item![0]!.answer![0]!.valueString, 'Flere dager');
  });

  it('updates only from the current version; a stale version is a conflict', async () => {
    const store = new MemoryStore();
    const v1 = await store.put(response('Patient/a', '2026-05-01T10:00:00Z'));
    const v2 = await store.put({ ...v1, status: 'amended' });
    assert.equal(v2.meta?.versionId, '2');
    await rejects(store.put({ ...v1, status: 'amended' }), 'conflict');
    await rejects(store.put({ ...v2, meta: {} }), 'invalid');
    await rejects(store.put({ ...v2, id: 'nope' }), 'not-found');
  });

  it('conditional create returns the existing resource for the same identifier', async () => {
    const store = new MemoryStore();
    const withId = { ...response('Patient/a', '2026-05-01'), identifier: { system: 'urn:x', value: '42' } };
    const first = await store.put(withId, { ifNoneExist: { identifier: 'urn:x|42' } });
    const second = await store.put(withId, { ifNoneExist: { identifier: 'urn:x|42' } });
    assert.equal(second.id, first.id);
    assert.equal((await store.search('QuestionnaireResponse')).total, 1);
  });

  it('searches by subject, questionnaire, code and date range, newest first, with paging', async () => {
    const store = new MemoryStore();
    for (let d = 1; d <= 9; d++) await store.put(pulse('Patient/a', `2026-05-0${d}T08:00:00Z`, 60 + d));
    await store.put(pulse('Patient/b', '2026-05-05T08:00:00Z', 99));
    await store.put(response('Patient/a', '2026-05-03T10:00:00Z'));
    await store.put({ ...response('Patient/a', '2026-05-04T10:00:00Z'), status: 'in-progress' });

    const page1 = await store.search('Observation', { subject: 'Patient/a', code: 'http://loinc.org|8867-4', count: 4 });
    assert.equal(page1.total, 9);
    assert.deepEqual(page1.items.map((o) => o.valueQuantity?.value), [69, 68, 67, 66]);
    assert.ok(page1.next);
    const all = await collectPages(store, 'Observation', { subject: 'Patient/a', count: 4 });
    assert.equal(all.items.length, 9);
    assert.equal(all.truncated, false);
    assert.equal((await collectPages(store, 'Observation', { count: 2 }, 2)).truncated, true);

    const ranged = await store.search('Observation', { subject: 'Patient/a', from: '2026-05-03', to: '2026-05-05' });
    assert.deepEqual(ranged.items.map((o) => o.valueQuantity?.value), [65, 64, 63], 'date-only `to` covers the whole day');
    assert.equal((await store.search('Observation', { code: '8867-4' })).total, 10, 'bare code matches any system');
    assert.equal((await store.search('Observation', { code: 'http://snomed.info/sct|8867-4' })).total, 0);

    const responses = await store.search('QuestionnaireResponse', { questionnaire: PHQ9 });
    assert.equal(responses.total, 1, 'drafts (in-progress) are not search results; |version is ignored');
    await rejects(store.search('Observation', { cursor: 'x' }), 'invalid');
    await rejects(store.search('Patient' as 'Observation'), 'invalid');
  });

  it('deletes with an optional version check; deleting twice is fine', async () => {
    const store = new MemoryStore();
    const v1 = await store.put(pulse('Patient/a', '2026-05-01', 70));
    const v2 = await store.put(v1);
    await rejects(store.delete('Observation', v1.id!, '1'), 'conflict');
    await store.delete('Observation', v2.id!, v2.meta!.versionId);
    await rejects(store.get('Observation', v1.id!), 'not-found');
    await store.delete('Observation', v1.id!);
  });
});

describe('MemoryStore drafts', () => {
  const key = { questionnaire: PHQ9, subject: 'Patient/a' };

  it('saves with an optimistic version check and returns the new version', async () => {
    const store = new MemoryStore();
    assert.equal(await store.loadDraft(key), undefined);
    const v1 = await store.saveDraft(key, response('Patient/a', '2026-05-01', 'first'), null);
    await rejects(store.saveDraft(key, response('Patient/a', '2026-05-01', 'other tab'), null), 'conflict');
    const v2 = await store.saveDraft(key, response('Patient/a', '2026-05-01', 'second'), v1);
    await rejects(store.saveDraft(key, response('Patient/a', '2026-05-01', 'stale'), v1), 'conflict');
    const draft = await store.loadDraft(key);
    assert.equal(draft?.version, v2);
    assert.equal(draft?.response.status, 'in-progress');
    assert.equal(draft?.response.item?.[0]?.answer?.[0]?.valueString, 'second');
    await rejects(store.deleteDraft(key, v1), 'conflict');
    await store.deleteDraft(key, v2);
    assert.equal(await store.loadDraft(key), undefined);
    await rejects(store.saveDraft(key, response('Patient/a', '2026-05-01'), v2), 'conflict');
    await rejects(store.saveDraft({ questionnaire: '' }, response('Patient/a', '2026-05-01'), null), 'invalid');
  });

  it('lists what is kept, per subject, without answers', async () => {
    const store = new MemoryStore();
    await store.saveDraft(key, response('Patient/a', '2026-05-01', 'secret answer'), null);
    await store.put(response('Patient/a', '2026-05-02T10:00:00Z', 'secret answer'));
    await store.put(pulse('Patient/b', '2026-05-02T10:00:00Z', 70));
    const mine = await store.listSaved({ subject: 'Patient/a' });
    assert.deepEqual(mine.map((i) => i.kind).sort(), ['QuestionnaireResponse', 'draft']);
    assert.doesNotMatch(JSON.stringify(mine), /secret answer/);
    assert.equal((await store.listSaved()).length, 3);
  });
});

describe('MemoryStore: Flag (worklist alert states)', () => {
  it('stores Flags, versions updates, and searches them by subject newest first (by period.start)', async () => {
    const store = new MemoryStore();
    const flag = (start: string, code: string): Flag => ({
      resourceType: 'Flag',
      status: 'active',
      code: { coding: [{ system: 'https://helsekit.no/fhir/CodeSystem/worklist-alert', code }] },
      subject: { reference: 'Patient/a' },
      period: { start },
      author: { display: 'Lege Lise' },
    });
    const first = await store.put(flag('2026-05-01T08:00:00Z', 'acknowledged'));
    await store.put(flag('2026-05-02T08:00:00Z', 'snoozed'));
    await store.put({ ...flag('2026-05-03T08:00:00Z', 'resolved'), subject: { reference: 'Patient/b' } });
    assert.equal(first.meta?.versionId, '1');
    const page = await store.search('Flag', { subject: 'Patient/a' });
    assert.deepEqual(page.items.map((f) => f.code.coding?.[0]?.code), ['snoozed', 'acknowledged']);
    const updated = await store.put({ ...first, status: 'inactive' });
    assert.equal(updated.meta?.versionId, '2');
    await rejects(store.put({ ...first, status: 'inactive' }), 'conflict');
    assert.equal((await store.get('Flag', first.id!)).status, 'inactive');
  });
});
